// For every dataset × every role: the columns offered follow the personal-data rules (analysts never get a
// name, contact or sensitive column; department staff names masked; contact and sensitive columns only for
// those who manage the area's people), and the file itself holds no person's name, contact or sensitive
// value that the PII oracle of test/security says this viewer is not entitled to. Then XLSX read back with
// exceljs, and the module switch per township.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import elderCare from '../../modules/elder-care/index.js';
import grid from '../../modules/grid/index.js';
import volunteering from '../../modules/volunteering/index.js';
import wishes from '../../modules/wishes/index.js';
import { declaredDatasets } from '../../src/core/exports/datasets.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';
import { loadOracle, manages, viewerFacts, type Oracle } from '../security/pii-oracle.js';
import { download, parseCsv, readyExport } from './support.js';

const MODULES = [wishes, volunteering, grid, elderCare];
const ALL = [...declaredDatasets(MODULES).values()];
const USERS = ['admin', 'zhou-admin', 'yuanlin-worker', 'manas-emergency', 'analyst', 'member-pu', 'resident-he'];
const MANAGERS = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'];

let t: TestApp;
let oracle: Oracle;
beforeAll(async () => {
  t = await createTestApp({ modules: MODULES });
  oracle = await loadOracle(t.db.prisma);
});
afterAll(() => t.close());

const DATASETS = `{ exportDatasets { id title columns { id title masked } } }`;

function expectedColumns(role: string, dataset: (typeof ALL)[number]) {
  return dataset.definition.columns
    .filter((c) => {
      const p = c.personal ?? 'NONE';
      if (p === 'NONE' || MANAGERS.includes(role)) return true;
      return p === 'NAME' && role === 'DEPARTMENT_STAFF';
    })
    .map((c) => ({ id: c.id, title: c.title, masked: (c.personal ?? 'NONE') !== 'NONE' && !MANAGERS.includes(role) }));
}

describe.each(USERS)('%s', (username) => {
  it('is offered the columns its role may see, and its files hold nothing else', async () => {
    const token = await t.login(username);
    const facts = await viewerFacts(t.db.prisma, username);
    const listed = await t.gql(DATASETS, {}, { token });
    expect(listed.errors, JSON.stringify(listed.errors)).toBeUndefined();
    const offered = listed.data.exportDatasets as {
      id: string;
      columns: { id: string; title: string; masked: boolean }[];
    }[];
    const reader = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER', 'DEPARTMENT_STAFF', 'ANALYST'];
    expect(offered.map((d) => d.id).sort()).toEqual(reader.includes(facts.role!) ? ALL.map((d) => d.id).sort() : []);
    for (const d of offered) {
      const dataset = ALL.find((x) => x.id === d.id)!;
      expect(d.columns, d.id).toEqual(expectedColumns(facts.role!, dataset));
      const e = await readyExport(t, token, { dataset: d.id, format: 'CSV' });
      const text = new TextDecoder().decode(await (await download(t, e.downloadPath, token)).arrayBuffer());
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual(d.columns.map((c) => c.title));
      const cells = new Set(rows.flat());
      // two people may share a name (赵秀英): a name counts only if nobody the viewer may name bears it
      const people = [...oracle.people.values()];
      const named = new Set(people.filter((p) => manages(facts, p) || facts.namesAllowed.has(p.id)).map((p) => p.name));
      for (const p of people) {
        const entitled = manages(facts, p);
        for (const v of [...p.contact, ...p.sensitive])
          if (!entitled) expect(text.includes(v), `${d.id}: ${v}`).toBe(false);
        if (!named.has(p.name) && [...p.name].length > 1)
          expect(cells.has(p.name), `${d.id}: the name ${p.name} of ${p.id}`).toBe(false);
      }
    }
  });
});

describe('XLSX', () => {
  it('reads back with exceljs: the same header and rows as the CSV', async () => {
    const token = await t.login('zhou-admin');
    const input = { dataset: 'volunteering.serviceRecords' };
    const csv = await readyExport(t, token, { ...input, format: 'CSV' });
    const xlsx = await readyExport(t, token, { ...input, format: 'XLSX' });
    const response = await download(t, xlsx.downloadPath, token);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''%E5%BF%97.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const fromXlsx: string[][] = [];
    sheet.eachRow((row) => fromXlsx.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    const text = new TextDecoder().decode(await (await download(t, csv.downloadPath, token)).arrayBuffer());
    const fromCsv = parseCsv(text).map((r) => {
      while (r.length && r.at(-1) === '') r.pop();
      return r;
    });
    expect(xlsx.rowCount).toBeGreaterThan(0);
    expect(fromXlsx.length).toBe(xlsx.rowCount + 1);
    expect(fromXlsx.slice(0, 3)).toEqual(fromCsv.slice(0, 3));
    expect(fromXlsx).toEqual(fromCsv);
  });
});

describe('module switch', () => {
  it('a township with the module off: its viewers lose the dataset, county exports its rows', async () => {
    const admin = await t.login('beiwucha-admin');
    const beiwucha = await regionId(t, '652324104');
    const off = await t.gql(
      `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename ... on Error { code } } }`,
      { i: { regionId: beiwucha, moduleId: 'grid', enabled: false } },
      { token: admin },
    );
    expect(off.data.setModuleEnabled.__typename, JSON.stringify(off)).toBe('SetModuleEnabledPayload');
    const ids = (await t.gql(DATASETS, {}, { token: admin })).data.exportDatasets.map((d: { id: string }) => d.id);
    expect(ids).not.toContain('grid.incidents');
    expect(ids).toContain('wishes.wishes');
    const county = await t.login('zhou-admin');
    const e = await readyExport(t, county, { dataset: 'grid.incidents', format: 'CSV' });
    const inBeiwucha = await t.db.prisma.incident.count({ where: { regionPath: { contains: '/652324104/' } } });
    const all = await t.db.prisma.incident.count();
    expect(inBeiwucha).toBeGreaterThan(0);
    expect(e.rowCount).toBe(all - inBeiwucha);
    const r = await t.gql(
      `mutation($i: CreateExportInput!) { createExport(input: $i) { __typename ... on Error { code } } }`,
      { i: { dataset: 'grid.incidents', format: 'CSV', filter: { regionId: beiwucha } } },
      { token: county },
    );
    expect(r.data.createExport.code).toBe('MODULE_DISABLED');
  });
});
