// Request-scoped batch loaders shared by several fields (the kit's mapLoader), so nested lists stay
// N+1-free: every loader issues one statement per nesting level, however many parents there are.
import { type Context, mapLoader } from '../../src/kit/index.js';

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
  mapLoader<MemberCounts>(
    ctx,
    'party-building.memberCounts',
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
  mapLoader<Seat[]>(
    ctx,
    'party-building.currentCommittee',
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
