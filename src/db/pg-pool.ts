import pg from 'pg';

// Prisma 6.19's wasm schema engine cannot decode PostgreSQL's internal `name` type (OID 19) when it
// runs migrations through the adapter; report such columns as `text` (OID 25). Only the Prisma CLI's
// migration path needs this pool; the application uses a plain pool.
const NAME_OID = 19;
const TEXT_OID = 25;

function rewriteNameFields(result: unknown): unknown {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results) {
    const fields = (r as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
    if (fields) for (const f of fields) if (f.dataTypeID === NAME_OID) f.dataTypeID = TEXT_OID;
  }
  return result;
}

class NameAsTextClient extends pg.Client {
  // pg's query() has promise and callback forms; patch both.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const cb = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => cb(err, err ? res : rewriteNameFields(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const ret = (super.query as (...a: unknown[]) => unknown)(...args);
    if (ret && typeof (ret as Promise<unknown>).then === 'function') {
      return (ret as Promise<unknown>).then(rewriteNameFields) as never;
    }
    return ret as never;
  }
}

export function createPgMigrationPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: NameAsTextClient as unknown as typeof pg.Client });
}
