// A CSV export of the wish list equals Query.wishes for the same filter; UTF-8 with BOM, RFC 5987 name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import wishes from '../../modules/wishes/index.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';
import { download, parseCsv, readyExport } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [wishes] });
});
afterAll(() => t.close());

const LIST = `query($f: WishFilter, $after: String) { wishes(filter: $f, first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id title status requester { name } } } } }`;

async function apiList(token: string, filter: Record<string, unknown>) {
  const out: { id: string; title: string; status: string; requester: { name: string } }[] = [];
  for (let after: string | null = null; ; ) {
    const r: any = await t.gql(LIST, { f: filter, after }, { token });
    out.push(...r.data.wishes.edges.map((e: any) => e.node));
    if (!r.data.wishes.pageInfo.hasNextPage) return out;
    after = r.data.wishes.pageInfo.endCursor;
  }
}

describe('wish list as CSV', () => {
  it('has a BOM, the headers offered, and the rows of Query.wishes for the same filter', async () => {
    const token = await t.login('zhou-admin');
    const filter = { regionId: await regionId(t, '652301004'), status: 'PUBLISHED' };
    const e = await readyExport(t, token, { dataset: 'wishes.wishes', format: 'CSV', filter });
    const response = await download(t, e.downloadPath, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('微心愿清单')}`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(header).toContain('许愿人');
    const api = await apiList(token, filter);
    expect(api.length).toBeGreaterThan(0);
    expect(rows.length).toBe(e.rowCount);
    const col = (name: string) => header!.indexOf(name);
    const fromCsv = rows.map((r) => [r[col('编号')], r[col('心愿')], r[col('状态')], r[col('许愿人')]].join('|'));
    const fromApi = api.map((w) => [w.id, w.title, w.status, w.requester.name].join('|'));
    expect(fromCsv.sort()).toEqual(fromApi.sort());
  });
});
