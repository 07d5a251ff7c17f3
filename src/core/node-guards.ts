// `node(id)` can fetch any type by global id; each type states who may read one of its records.
// Types without a guard are not fetchable through `node` at all (deny by default).
import type { Builder } from '../builder.js';
import type { Context } from '../context.js';

export type NodeGuard = (record: any, ctx: Context) => boolean | Promise<boolean>;

const registry = new WeakMap<object, Map<string, NodeGuard>>();

export function guardNode(builder: Builder, typename: string, guard: NodeGuard) {
  let map = registry.get(builder);
  if (!map) registry.set(builder, (map = new Map()));
  map.set(typename, guard);
}

export const nodeGuardFor = (builder: Builder, typename: string) => registry.get(builder)?.get(typename);
