// Who is asking, in one statement: the token's account, whether the token was revoked (logout) and the
// cache tokens of the module switches and regions, read together. Switches and townships then come from
// the instance's SwitchCache, reloaded only when another writer (any instance) changed them.
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Account } from '../../generated/prisma/client.js';
import type { CacheTokens, SwitchCache, SwitchSnapshot } from '../core/switch-cache.js';
import type { Clock } from '../context.js';
import type { TokenService } from './token.js';
import type { Viewer } from './viewer.js';

/** the account's columns (null when the token names none), the revocation and the cache tokens */
type Row = Pick<
  Account,
  'username' | 'role' | 'regionId' | 'regionPath' | 'organizationId' | 'personId' | 'disabled' | 'tokenVersion'
> & { id: string | null; revoked: boolean; switches: string | null; regions: string | null; data: string | null };

export interface RequestViewer {
  viewer: Viewer | null;
  snapshot: SwitchSnapshot;
  /** the region path whose modules the schema shows: the viewer's scope, an anonymous X-Township, or null */
  scope: string | null;
  /** the database's WAL insert position when the request began: moves with every commit (null on a replica) */
  dataVersion: string | null;
}

const bearer = (request: Request) => /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];

/** anonymous requests may name a township (its code or global id) in X-Township to see its modules */
function namedTownship(request: Request): { code: string } | { id: string } | null {
  const named = request.headers.get('x-township')?.trim();
  if (!named) return null;
  if (/^\d+$/.test(named)) return { code: named };
  try {
    const decoded = decodeGlobalID(named);
    return decoded.typename === 'Region' ? { id: decoded.id } : null;
  } catch {
    return null;
  }
}

/**
 * runs one read outside Prisma: this statement runs on every request, and Prisma compiled it anew each time;
 * prepared once per PostgreSQL connection, PostgreSQL no longer parses and plans it each time either
 */
export type RawRead = <T>(sql: string, params: unknown[], options?: { prepared?: boolean }) => Promise<T[]>;

const VIEWER_SQL = `
  SELECT v.switches, v.regions,
         CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_insert_lsn()::text END AS data,
         a.id, a.username, a.role::text AS role, a."regionId", a."regionPath",
         a."organizationId", a."personId", a.disabled, a."tokenVersion",
         EXISTS (SELECT 1 FROM "RevokedToken" r WHERE r.jti = $1::text) AS revoked
    FROM (SELECT max(version) FILTER (WHERE key = 'switches') AS switches,
                 max(version) FILTER (WHERE key = 'regions') AS regions
            FROM "CacheVersion") v
    LEFT JOIN "Account" a ON a.id = $2::text`;

export function viewerResolver(rawRead: RawRead, tokens: TokenService, clock: Clock, cache: SwitchCache) {
  async function read(accountId: string | null, jti: string | null): Promise<Row> {
    const [row] = await rawRead<Row>(VIEWER_SQL, [jti, accountId], { prepared: true });
    return row!;
  }

  return async function resolve(request: Request): Promise<RequestViewer> {
    const token = bearer(request);
    const claims = token ? await tokens.verify(token, clock.now()) : null;
    const row = await read(claims?.accountId ?? null, claims?.jti ?? null);
    // without the tokens (a database restored from before them) nothing is cached: a fresh one each time
    const fresh = `uncached:${Math.random()}`;
    const cacheTokens: CacheTokens = { switches: row.switches ?? fresh, regions: row.regions ?? fresh };
    const snapshot = cache.at(cacheTokens);
    await snapshot.load();
    // a disabled account, a token issued before a password change, or one ended by logout no longer counts
    const valid = claims && row.id && !row.disabled && row.tokenVersion === claims.tokenVersion && !row.revoked;
    if (!valid) {
      const named = namedTownship(request);
      return { viewer: null, snapshot, scope: named ? await snapshot.township(named) : null, dataVersion: row.data };
    }
    const viewer: Viewer = {
      accountId: row.id!,
      username: row.username,
      role: row.role,
      regionId: row.regionId,
      regionPath: row.role === 'SYSTEM_ADMIN' ? '/' : row.regionPath,
      organizationId: row.organizationId,
      personId: row.personId,
      session: { jti: claims.jti, expiresAt: claims.expiresAt },
    };
    return { viewer, snapshot, scope: viewer.regionPath, dataVersion: row.data };
  };
}
