// 选择补全: a field that returns Prisma rows without using plugin-prisma's `query` (a DataLoader, a cached
// row) leaves out what the client selected below it — relations, `_count` for `totalCount`, the `select` of
// a computed field — while plugin-prisma assumes the query was used and reads them from the row. That class
// of bug answered "Unexpected error." (e.g. `volunteer { records { totalCount } }`, `myEnrollment { servedHours }`).
// This plugin completes such rows: after any non-relation field resolves to rows of a Prisma model, the parts
// of the selection the rows lack are loaded by id (one batched statement per field level) and merged in.
import SchemaBuilder, { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { delegateName } from './model-rows.js';
import { perRequest, rowLoader } from './request-cache.js';
import type { FieldNode, GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';

const pluginName = 'loadedSelection';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      loadedSelection: PothosLoadedSelectionPlugin<Types>;
    }
  }
}

type Row = Record<string, unknown>;
type Delegate = { findMany(args: unknown): Promise<Row[]> };

// The selection below a field depends only on its place in the document (and the request's variables), not on
// which list item it is under: computing it once per request and field node, not once per row, took a page of 50
// wishes from 150 walks of the selection to 3 (the walk was a quarter of the request's allocations).
function selectionOf(ctx: object, info: GraphQLResolveInfo): Row {
  const byNode = perRequest(ctx, 'loadedSelection', () => new Map<FieldNode, Map<string, Row>>());
  let byType = byNode.get(info.fieldNodes[0]!);
  if (!byType) byNode.set(info.fieldNodes[0]!, (byType = new Map()));
  let selection = byType.get(info.parentType.name);
  if (!selection) {
    const query = queryFromInfo({ context: ctx, info }) as { include?: Row; select?: Row };
    byType.set(info.parentType.name, (selection = query.include ?? query.select ?? {}));
  }
  return selection;
}

// one loader per request, model and selection: the rows of a list's items are completed in one statement
function loaderFor(ctx: object, delegate: Delegate, key: string, select: Row) {
  return rowLoader<Row & { id: string }>(
    ctx,
    `selection:${key}`,
    (ids) => delegate.findMany({ where: { id: { in: ids } }, select }) as Promise<(Row & { id: string })[]>,
  );
}

export class PothosLoadedSelectionPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    config: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    // relations and related connections: plugin-prisma loads what the parent lacks itself
    if (config.extensions?.pothosPrismaSelect) return resolver;
    let type = config.type;
    while (type.kind === 'List') type = type.type;
    if (type.kind !== 'Object') return resolver;
    const model = this.buildCache.getTypeConfig(type.ref).extensions?.pothosPrismaModel as string | undefined;
    if (!model) return resolver;
    const property = delegateName(model);
    return (parent, args, ctx, info) => {
      const result = resolver(parent, args, ctx, info);
      return isThenable(result)
        ? Promise.resolve(result).then((value) => this.complete(value, property, ctx, info))
        : this.complete(result, property, ctx, info);
    };
  }

  private async complete(value: unknown, property: string, ctx: Types['Context'], info: GraphQLResolveInfo) {
    const rows = (Array.isArray(value) ? value : [value]).filter((r): r is Row => !!r && typeof r === 'object');
    if (!rows.length || rows.some((r) => typeof r.id !== 'string')) return value;
    const selection = selectionOf(ctx as object, info);
    const missing = Object.keys(selection).filter((key) => rows.some((r) => !(key in r)));
    if (!missing.length) return value;
    const client = (this.builder.options as { prisma: { client: (c: unknown) => unknown } }).prisma.client(ctx);
    const delegate = (client as Record<string, Delegate>)[property]!;
    const select: Row = { id: true };
    for (const key of missing) select[key] = selection[key];
    const loader = loaderFor(ctx as object, delegate, `${property}:${JSON.stringify(select)}`, select);
    const loaded = await loader.loadMany(rows.map((r) => r.id as string));
    const byId = new Map(loaded.map((r) => (r && !(r instanceof Error) ? [r.id, r] : [null, null])));
    const merge = (r: unknown) =>
      r && typeof r === 'object' ? { ...byId.get((r as Row).id as string), ...(r as Row) } : r;
    return Array.isArray(value) ? value.map(merge) : merge(value);
  }
}

SchemaBuilder.registerPlugin(pluginName, PothosLoadedSelectionPlugin);
export default pluginName;
