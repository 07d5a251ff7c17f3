// Rows read as JSON (src/core/model-rows.ts) equal Prisma's own findMany, for every model of the schema that
// has an id: a model added later is compared by itself. Run in a zone other than UTC, where a timestamp read
// as local time would be off by eight hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDatamodel } from '../../generated/pothos-types.js';
import { installedModules } from '../../modules/index.js';
import { delegateName, modelShape, rowsById } from '../../src/core/model-rows.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
const zone = process.env.TZ;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  process.env.TZ = 'Asia/Shanghai';
}, 120_000);
afterAll(async () => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
  await t.close();
});

const models = Object.entries(getDatamodel().datamodel.models);
const withId = models.filter(([, m]) => m.fields.some((f) => f.name === 'id' && f.isId)).map(([name]) => name);
const delegate = (model: string) =>
  (t.db.prisma as unknown as Record<string, { findMany(args: object): Promise<{ id: string }[]> }>)[
    delegateName(model)
  ]!;

describe('rows read as JSON', () => {
  it('the local zone differs from UTC (otherwise a timestamp read as local time would pass)', () => {
    expect(new Date(2024, 11, 20).getTimezoneOffset()).toBe(-480);
  });

  it('every model can be read so, except those with Bytes columns', () => {
    const unreadable = models.filter(([name]) => !modelShape(name)).map(([name]) => name);
    const withBytes = models.filter(([, m]) => m.fields.some((f) => f.type === 'Bytes')).map(([name]) => name);
    expect(unreadable).toEqual(withBytes);
  });

  it.each(withId.filter((m) => modelShape(m)))('%s: the same rows as findMany', async (model) => {
    const expected = await delegate(model).findMany({ orderBy: { id: 'asc' }, take: 60 });
    const ids = expected.map((r) => r.id);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    const read = async (prisma: typeof t.db.prisma, wanted: string[]) =>
      byId((await rowsById(prisma, { [model]: wanted })).get(model) as { id: string }[]);
    expect(await read(t.db.prisma, [...ids, 'no-such-id'])).toEqual(expected);
    // a transaction's client reads through Prisma, inside its transaction: the same rows
    expect(await t.db.prisma.$transaction((tx) => read(tx as never, ids))).toEqual(expected);
  });

  it('several models in one statement, each row under its own model', async () => {
    const [person] = await t.db.prisma.person.findMany({ take: 1 });
    const [organization] = await t.db.prisma.organization.findMany({ take: 1 });
    const wanted = { Person: [person!.id], Organization: [organization!.id], Region: [] };
    const { result: found, statements } = await t.db.statements.measure(() => rowsById(t.db.prisma, wanted));
    expect(statements).toBe(1);
    expect(found.get('Person')).toEqual([person]);
    expect(found.get('Organization')).toEqual([organization]);
    expect(found.get('Region')).toEqual([]);
  });

  it('the seed gives the comparisons something to compare', async () => {
    const counts = await Promise.all(withId.map((m) => delegate(m).findMany({ take: 1 })));
    expect(counts.filter((rows) => rows.length).length).toBeGreaterThan(withId.length / 2);
  });
});
