// Every list under a list costs the same number of SQL statements for a page of 12 parents as for a page
// of 2: generated from the schema (every root connection without required arguments × every connection
// field of its nodes), so a nested list added later is held to this by itself.
import { getNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';
import { connectionNode, type Field } from './connections.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  token = await t.login('admin');
}, 120_000);
afterAll(() => t.close());

interface Case {
  label: string;
  build: (parents: number) => string;
}

/** `child(first: 3) { totalCount edges { node { … } } }`, the totalCount where the connection has one */
function page(field: Field, inner: string): string {
  const count = (getNamedType(field.type) as GraphQLObjectType).getFields().totalCount ? 'totalCount ' : '';
  return `${field.name}(first: 3) { ${count}edges { node { ${inner} } } }`;
}

/** lists under lists, two levels deep (regions → grids → households) */
function cases(schema: GraphQLSchema): Case[] {
  const out: Case[] = [];
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    const parent = connectionNode(root);
    if (!parent) continue;
    const wrap = (label: string, inner: string) =>
      out.push({ label, build: (n) => `{ ${root.name}(first: ${n}) { edges { node { ${inner} } } } }` });
    for (const child of Object.values(parent.getFields())) {
      const node = connectionNode(child);
      if (!node) continue;
      wrap(`${root.name} × ${parent.name}.${child.name}`, page(child, '__typename'));
      for (const grand of Object.values(node.getFields())) {
        if (!connectionNode(grand)) continue;
        wrap(
          `${root.name} × ${parent.name}.${child.name} × ${node.name}.${grand.name}`,
          page(child, page(grand, '__typename')),
        );
      }
    }
  }
  return out;
}

describe('nested pages in a bounded number of statements', () => {
  it('every list under a list: 12 parents cost what 2 cost', async () => {
    const list = cases(t.app.registry.full);
    expect(list.length).toBeGreaterThan(5);
    const grown: string[] = [];
    let measured = 0;
    for (const c of list) {
      const run = async (n: number) => {
        await t.gql(c.build(n), {}, { token });
        const { result, statements } = await t.db.statements.measure(() => t.gql(c.build(n), {}, { token }));
        const rows = (Object.values(result.data ?? {})[0] as { edges?: unknown[] } | null)?.edges?.length ?? 0;
        return { statements, rows, errors: result.errors };
      };
      const small = await run(2);
      const large = await run(12);
      expect(large.errors, c.label).toBeUndefined();
      if (large.rows <= small.rows) continue;
      measured++;
      if (large.statements !== small.statements)
        grown.push(`${c.label}: ${small.statements} → ${large.statements} statements (${small.rows} → ${large.rows})`);
    }
    console.info(`${measured} of ${list.length} nested lists measured`);
    expect(grown).toEqual([]);
    expect(measured).toBeGreaterThan(5);
  }, 300_000);
});
