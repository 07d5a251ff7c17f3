// 统计缓存: the response cache for statistics. A query that reads only figures (Region's own scalars and
// RegionStats with what hangs below it, never a record that has an id: a person, an organisation) is
// answered from memory while nothing in the database has changed since it was computed, for viewers of
// the same role, area and module set. "Nothing changed" is the database's WAL insert position, read in the
// viewer's statement (no extra query): every commit advances it, on whichever instance, by whichever writer,
// so the cache needs no invalidation messages and is never stale across instances; any write anywhere is a
// miss, which is the price of that. Personal data is never cached because a query that could return any
// is never cacheable. Why not @graphql-yoga/plugin-response-cache: it rebuilds the schema (mapSchema, ~150 ms
// for this one) whenever consecutive requests use different schemas, and here the schema is per module set.
import { createHash } from 'node:crypto';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface StatsCacheOptions {
  /** how long an entry may be served at most, even without writes (ms; 0 turns the cache off) */
  ttlMs: number;
  /** entries kept, least recently used dropped first */
  maxEntries: number;
}

export const STATS_CACHE_DEFAULTS: StatsCacheOptions = { ttlMs: 60_000, maxEntries: 2_000 };

/** what a cached answer depends on besides the operation: role, area, module set and the data version */
export type StatsCacheSession = (request: Request) => Promise<string | null>;

const ROOTS = new Set(['regionByCode', 'region']);

/** the figure types: reachable from RegionStats through types without an id (records are never figures) */
export function figureTypes(schema: GraphQLSchema): Set<string> {
  const found = new Set<string>();
  const todo: GraphQLNamedType[] = [schema.getType('RegionStats')].filter((t) => !!t) as GraphQLNamedType[];
  while (todo.length) {
    const type = todo.pop()!;
    if (found.has(type.name) || !(isObjectType(type) || isInterfaceType(type)) || 'id' in type.getFields()) continue;
    found.add(type.name);
    for (const f of Object.values(type.getFields())) todo.push(getNamedType(f.type));
  }
  return found;
}

/** whether the operation selects figures and nothing else (see above): `{ __typename }` is not worth a key */
export function readsOnlyFigures(
  schema: GraphQLSchema,
  document: DocumentNode,
  figures: Set<string> = figureTypes(schema),
): boolean {
  const info = new TypeInfo(schema);
  let ok = document.definitions.every((d) => d.kind !== 'OperationDefinition' || d.operation === 'query');
  let figure = false;
  visit(
    document,
    visitWithTypeInfo(info, {
      Field(node) {
        const parent = info.getParentType();
        const type = info.getType();
        if (!ok || !parent || !type || node.name.value === '__typename') return;
        const leaf = isLeafType(getNamedType(type));
        const named = getNamedType(type).name;
        if (parent.name === schema.getQueryType()?.name) ok = figure = ROOTS.has(node.name.value);
        else if (parent.name === 'Region') ok = leaf || node.name.value === 'stats';
        else ok = figures.has(parent.name) && (leaf || figures.has(named));
      },
    }),
  );
  return ok && figure;
}

interface Entry {
  result: ExecutionResult;
  expires: number;
}

export function useStatsCache(options: StatsCacheOptions, sessionOf: StatsCacheSession): Plugin {
  const entries = new Map<string, Entry>();
  const figuresBySchema = new WeakMap<GraphQLSchema, Set<string>>();
  const verdicts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, boolean>>();
  const texts = new WeakMap<DocumentNode, string>();

  function cacheable(schema: GraphQLSchema, document: DocumentNode) {
    let bySchema = verdicts.get(schema);
    if (!bySchema) verdicts.set(schema, (bySchema = new WeakMap()));
    let verdict = bySchema.get(document);
    if (verdict === undefined) {
      let figures = figuresBySchema.get(schema);
      if (!figures) figuresBySchema.set(schema, (figures = figureTypes(schema)));
      bySchema.set(document, (verdict = readsOnlyFigures(schema, document, figures)));
    }
    return verdict;
  }

  function remember(key: string, result: ExecutionResult) {
    entries.delete(key);
    entries.set(key, { result, expires: Date.now() + options.ttlMs });
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
  }

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!options.ttlMs || !request || !cacheable(args.schema, args.document)) return;
      const session = await sessionOf(request);
      if (!session) return;
      let text = texts.get(args.document);
      if (text === undefined) texts.set(args.document, (text = print(args.document)));
      const key = createHash('sha256')
        .update(JSON.stringify([session, args.operationName ?? null, args.variableValues ?? {}, text]))
        .digest('base64url');
      const hit = entries.get(key);
      if (hit && hit.expires > Date.now()) {
        // most recently used again, but no longer lived: an entry is served at most ttlMs after it was made
        entries.delete(key);
        entries.set(key, hit);
        setResultAndStopExecution(hit.result);
        return;
      }
      return {
        onExecuteDone({ result }) {
          const done = result as ExecutionResult;
          if (Symbol.asyncIterator in (result as object) || done.errors?.length) return;
          remember(key, done);
        },
      };
    },
  };
}
