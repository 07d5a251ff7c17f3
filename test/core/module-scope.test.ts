// Fail closed: what a module registers belongs to its sub-graph even without a `subGraphs` tag, so
// installing every module leaves the core-only schema byte for byte what the kernel alone serves.
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { defineModule } from '../../src/modules.js';
import { SchemaRegistry } from '../../src/schema.js';

const deps = { signToken: async () => ({ token: '', expiresAt: new Date() }) };

/** a module that tags nothing: a type, a field on a core type, a connection, a root query and a mutation */
const untagged = defineModule({
  id: 'untagged',
  title: '未标注',
  description: 'test fixture: registers everything without subGraphs tags',
  dependsOn: [],
  register(builder) {
    const Thing = builder.objectRef<{ name: string }>('UntaggedThing').implement({
      fields: (t) => ({ name: t.exposeString('name') }),
    });
    const Kind = builder.enumType('UntaggedKind', { values: ['A', 'B'] as const });
    const Input = builder.inputType('UntaggedInput', { fields: (t) => ({ kind: t.field({ type: Kind }) }) });
    builder.prismaObjectField('Region', 'untaggedThings', (t) =>
      t.field({ type: [Thing], maxItems: 10, resolve: () => [{ name: 'x' }] }),
    );
    builder.queryField('untaggedThing', (t) =>
      t.field({
        type: Thing,
        policy: { roles: 'ANYONE', scope: 'NONE' },
        args: { input: t.arg({ type: Input }) },
        resolve: () => ({ name: 'x' }),
      }),
    );
    builder.queryField('untaggedPage', (t) =>
      t.connection({
        type: Thing,
        policy: { roles: 'ANYONE', scope: 'NONE' },
        resolve: () => ({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } }),
      }),
    );
  },
});

describe('module-scoped registration', () => {
  it('installing every module (and an untagged one) leaves the core-only schema byte-identical', () => {
    const kernelOnly = printSchema(new SchemaRegistry([], deps).schemaFor([]));
    const all = new SchemaRegistry([...installedModules, untagged], deps);
    expect(printSchema(all.schemaFor([]))).toBe(kernelOnly);
  });

  it("an untagged module's types and fields are in its own sub-graph", () => {
    const registry = new SchemaRegistry([untagged], deps);
    const own = printSchema(registry.schemaFor(['untagged']));
    for (const part of [
      'type UntaggedThing',
      'enum UntaggedKind',
      'input UntaggedInput',
      'untaggedThings:',
      'untaggedThing(',
      'untaggedPage(',
      'QueryUntaggedPageConnection',
    ]) {
      expect(own).toContain(part);
    }
    const core = printSchema(registry.schemaFor([]));
    expect(core).not.toMatch(/[Uu]ntagged/);
  });
});
