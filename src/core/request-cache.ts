// 请求缓存: the one per-request cache of the code base. Loaders and memoised lookups live as long as one
// GraphQL request (keyed by the HTTP request when there is one, so a context copied for a module or a
// sub-resolver shares it) and are dropped with it: nothing leaks between viewers.
import DataLoader from 'dataloader';

const caches = new WeakMap<object, Map<string, unknown>>();

/** anything carrying the request (a GraphQL context), or a bare object for jobs and seeds */
type Scope = { request?: object | null } | object;

const keyOf = (scope: Scope) => ('request' in scope && scope.request ? scope.request : scope);

/** `make()` once per request and key; the same value for every later call in that request */
export function perRequest<T>(scope: Scope, key: string, make: () => T): T {
  const at = keyOf(scope);
  let map = caches.get(at);
  if (!map) caches.set(at, (map = new Map()));
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
}

/** a DataLoader per request and name (`batch` answers in the order of its keys, DataLoader's contract) */
export function requestLoader<K, V>(
  scope: Scope,
  name: string,
  batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  options: DataLoader.Options<K, V> = {},
): DataLoader<K, V> {
  return perRequest(scope, `loader:${name}`, () => new DataLoader<K, V>(batch, options));
}

/** a loader whose batch answers with a map; keys it leaves out get `fallback` */
export function mapLoader<V>(
  scope: Scope,
  name: string,
  batch: (ids: readonly string[]) => Promise<Map<string, V>>,
  fallback: V,
): DataLoader<string, V> {
  return requestLoader<string, V>(scope, name, async (ids) => {
    const found = await batch(ids);
    return ids.map((id) => (found.has(id) ? found.get(id)! : fallback));
  });
}

/** a loader of rows by id; a missing row is null */
export function rowLoader<T extends { id: string }>(
  scope: Scope,
  name: string,
  fetch: (ids: string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return requestLoader<string, T | null>(scope, name, async (ids) => {
    const rows = new Map((await fetch([...ids])).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}
