// 输入守卫, proven from the schema: every String/ID argument (nested input fields and strings inside JSON
// included) of every query and mutation refuses NUL and bidi controls with VALIDATION naming each path, and
// nothing is written; every connection field refuses malformed cursors. A field added later is covered here
// without anyone listing it.
import { encodeBase64 } from '@pothos/core';
import { getNamedType, isObjectType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';
import { fieldRequest, fillerArgs, reachableTypes } from './input-kit.js';

let t: TestApp;
let admin: string;
const SAMPLES = { nul: 'ok\u0000bad', bidi: 'ok\u202Ebad', zeroWidth: 'ok\u200Bbad' };

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const schema = () => t.app.registry.schemaFor(installedModules.map((m) => m.id));
const textFields = (root: 'query' | 'mutation') => {
  const type = root === 'query' ? schema().getQueryType()! : schema().getMutationType()!;
  return Object.values(type.getFields()).filter((f) => fieldRequest(root, f, 'x').paths.length > 0);
};

/** the reported issue paths of one response, whether a typed ValidationError or errors[].extensions */
function reported(r: any, field: GraphQLField<unknown, unknown>): { code?: string; paths: string[] } {
  const typed = r.data?.[field.name];
  if (typed?.__typename === 'ValidationError') {
    return { code: 'VALIDATION', paths: typed.issues.map((i: any) => i.path) };
  }
  if (typed?.code) return { code: typed.code, paths: [] };
  const error = r.errors?.[0];
  return { code: error?.extensions?.code, paths: (error?.extensions?.issues ?? []).map((i: any) => i.path) };
}

describe.each(Object.entries(SAMPLES))('every text argument refuses %s', (_kind, bad) => {
  it.each(['query', 'mutation'] as const)('%s fields: VALIDATION with every path, nothing written', async (root) => {
    const fields = textFields(root);
    expect(fields.length).toBeGreaterThan(root === 'query' ? 20 : 60);
    const auditBefore = await t.db.prisma.auditLog.count();
    const failures: string[] = [];
    for (const field of fields) {
      const { query, variables, paths } = fieldRequest(root, field, bad);
      const r = await t.gql(query, variables, { token: admin });
      const got = reported(r, field);
      const missing = paths.filter((p) => !got.paths.includes(p));
      if (JSON.stringify(r).includes('Unexpected error') || got.code !== 'VALIDATION' || missing.length) {
        failures.push(`${field.name}: ${got.code} missing ${missing.join(', ')} ${JSON.stringify(r).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await t.db.prisma.auditLog.count()).toBe(auditBefore);
  });
});

describe('every connection field refuses malformed cursors', () => {
  const cursors = {
    garbage: 'garbage',
    'base64 junk': encodeBase64('\u0001junk'),
    'offset cursor': encodeBase64('OffsetConnection:3'),
    'number cursor': encodeBase64('GPC:N:5'),
    'compound cursor': encodeBase64('GPC:J:["a","b"]'),
  };
  const connections = () => {
    const list: { type: string; field: string; args: string; open: string; close: string }[] = [];
    for (const [typeName, at] of reachableTypes(schema())) {
      const type = schema().getType(typeName);
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const isConnection =
          getNamedType(field.type).name.endsWith('Connection') && field.args.some((a) => a.name === 'after');
        if (!isConnection || field.extensions?.customCursor) continue;
        const required = (fillerArgs(field) ?? '')
          .slice(1, -1)
          .split(', ')
          .filter((a) => a && !a.startsWith('first'));
        list.push({ type: typeName, field: field.name, args: required.map((a) => `, ${a}`).join(''), ...at });
      }
    }
    return list;
  };

  it('the only connections with their own cursor format are declared', () => {
    const all = Object.values(schema().getTypeMap())
      .filter(isObjectType)
      .flatMap((type) =>
        Object.values(type.getFields())
          .filter((f) => f.extensions?.customCursor)
          .map((f) => `${type.name}.${f.name}`),
      );
    expect(all).toEqual(['CareRecipient.assessments']);
  });

  it.each(Object.entries(cursors))('%s: VALIDATION at the connection, literal and variable', async (_k, cursor) => {
    const list = connections();
    expect(list.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const c of list) {
      for (const form of ['literal', 'variable'] as const) {
        const arg = form === 'literal' ? JSON.stringify(cursor) : '$c';
        const variable = form === 'variable' ? '($c: String)' : '';
        const field = `${c.field}(first: 1, after: ${arg}${c.args}) { __typename }`;
        const query = `query${variable} { __typename ${c.open} ${field} ${c.close} }`;
        const r = await t.gql(query, form === 'variable' ? { c: cursor } : {}, { token: admin });
        const error = r.errors?.[0] as any;
        if (error?.extensions?.code !== 'VALIDATION' || error.path?.at(-1) !== c.field) {
          failures.push(`${c.type}.${c.field} (${form}): ${JSON.stringify(r).slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('checks the variables of every request, though the document is planned once', async () => {
    const query = 'query($c: String) { regions(first: 1, after: $c) { edges { cursor } } }';
    const first = await t.gql(query, { c: null }, { token: admin });
    const cursor = first.data.regions.edges[0].cursor;
    for (const [c, refused] of [
      [cursor, false],
      ['garbage', true],
      [cursor, false],
      [cursors.garbage, true],
    ]) {
      const r = await t.gql(query, { c }, { token: admin });
      expect(r.errors?.[0]?.extensions?.code === 'VALIDATION', String(c)).toBe(refused);
    }
  });
});
