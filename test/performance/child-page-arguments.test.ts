// A list under a list shares one spec per request and arguments (`sharedSpec`) among all its parents: two
// aliases of the same child list with different arguments must still get each its own rows and totals.
// Generated from the schema: every root connection × every connection of its nodes with an enum argument,
// asked with two of the enum's values side by side, compared with asking each alone.
import { getNamedType, isEnumType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';
import { connectionNode } from './connections.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  token = await t.login('admin');
}, 120_000);
afterAll(() => t.close());

interface Case {
  label: string;
  root: string;
  values: [string, string];
  query: (aliases: [string, string][]) => string;
}

/** root(first: 8) { edges { node { a: child(first: 3, arg: A) { totalCount edges { node { id } } } … } } } */
function cases(schema: GraphQLSchema): Case[] {
  const out: Case[] = [];
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    const parent = connectionNode(root);
    if (!parent) continue;
    for (const child of Object.values(parent.getFields())) {
      const node = connectionNode(child);
      if (!node) continue;
      const count = (getNamedType(child.type) as GraphQLObjectType).getFields().totalCount ? 'totalCount ' : '';
      const id = node.getFields().id ? ' id' : '';
      for (const arg of child.args) {
        const type = getNamedType(arg.type);
        if (!isEnumType(type) || type.getValues().length < 2) continue;
        const [a, b] = type.getValues().map((v) => v.name);
        const list = ([alias, value]: [string, string]) =>
          `${alias}: ${child.name}(first: 3, ${arg.name}: ${value}) { ${count}edges { node { __typename${id} } } }`;
        out.push({
          label: `${root.name} × ${parent.name}.${child.name}(${arg.name})`,
          root: root.name,
          values: [a!, b!],
          query: (aliases) => `{ ${root.name}(first: 8) { edges { node { ${aliases.map(list).join(' ')} } } } }`,
        });
      }
    }
  }
  return out;
}

const nodesOf = (data: unknown, root: string, alias: string) =>
  ((data as Record<string, { edges: { node: Record<string, unknown> }[] }>)[root]?.edges ?? []).map(
    (e) => e.node[alias],
  );

describe('lists under lists with different arguments side by side', () => {
  it('each alias gets the rows and total it gets alone', async () => {
    const list = cases(t.app.registry.full);
    expect(list.length).toBeGreaterThan(2);
    let distinguished = 0;
    for (const c of list) {
      const both = await t.gql(
        c.query([
          ['a', c.values[0]],
          ['b', c.values[1]],
        ]),
        {},
        { token },
      );
      const a = await t.gql(c.query([['a', c.values[0]]]), {}, { token });
      const b = await t.gql(c.query([['b', c.values[1]]]), {}, { token });
      expect(both.errors, c.label).toBeUndefined();
      expect(nodesOf(both.data, c.root, 'a'), c.label).toEqual(nodesOf(a.data, c.root, 'a'));
      expect(nodesOf(both.data, c.root, 'b'), c.label).toEqual(nodesOf(b.data, c.root, 'b'));
      if (JSON.stringify(nodesOf(a.data, c.root, 'a')) !== JSON.stringify(nodesOf(b.data, c.root, 'b')))
        distinguished++;
    }
    // the comparison means something only where the two values select different rows somewhere
    expect(distinguished).toBeGreaterThan(0);
  }, 300_000);
});
