// Request-scoped batch loaders shared by several fields, so nested lists stay N+1-free: every
// loader issues one statement per nesting level, however many parents there are.
import DataLoader from 'dataloader';
import type { Context } from '../../src/kit/index.js';

const loaders = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

export function requestLoader<V>(
  ctx: Context,
  name: string,
  batch: (ids: readonly string[]) => Promise<Map<string, V>>,
  fallback: V,
): DataLoader<string, V> {
  const key = ctx.request ?? ctx;
  let map = loaders.get(key);
  if (!map) loaders.set(key, (map = new Map()));
  let loader = map.get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (ids) => {
      const found = await batch(ids);
      return ids.map((id) => (found.has(id) ? found.get(id)! : fallback));
    });
    map.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

export interface MemberCounts {
  APPLICANT: number;
  ACTIVIST: number;
  CANDIDATE: number;
  PROBATIONARY: number;
  FULL: number;
}
const ZERO: MemberCounts = { APPLICANT: 0, ACTIVIST: 0, CANDIDATE: 0, PROBATIONARY: 0, FULL: 0 };

/** active memberships per stage on each organisation's roll */
export const memberCounts = (ctx: Context) =>
  requestLoader<MemberCounts>(
    ctx,
    'memberCounts',
    async (ids) => {
      const rows = await ctx.prisma.partyMembership.groupBy({
        by: ['organizationId', 'stage'],
        where: { organizationId: { in: [...ids] }, status: 'ACTIVE' },
        _count: { _all: true },
      });
      const map = new Map<string, MemberCounts>();
      for (const r of rows) {
        const c = map.get(r.organizationId) ?? { ...ZERO };
        c[r.stage] = r._count._all;
        map.set(r.organizationId, c);
      }
      return map;
    },
    ZERO,
  );

export interface Seat {
  id: string;
  organizationId: string;
  personId: string;
  role: string;
  electedAt: Date;
  termEndsAt: Date;
}

/** current committee seats of each organisation */
export const currentCommittee = (ctx: Context) =>
  requestLoader<Seat[]>(
    ctx,
    'currentCommittee',
    async (ids) => {
      const rows = await ctx.prisma.partyCommitteeMember.findMany({
        where: { organizationId: { in: [...ids] }, endedAt: null },
        orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
      });
      const map = new Map<string, Seat[]>();
      for (const r of rows) map.set(r.organizationId, [...(map.get(r.organizationId) ?? []), r]);
      return map;
    },
    [],
  );
