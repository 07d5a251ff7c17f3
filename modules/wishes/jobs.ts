// wishes.expireClaims: claims past their deadline (claimDueAt) go back to PUBLISHED, with a timeline
// entry naming nobody (the system). Only townships where the module is on: a switched-off township is
// frozen, and its overdue claims are returned on the first run after it is switched back on.
import type { JobDefinition } from '../../src/kit/index.js';
import { CLEARED_CLAIM, MODULE_ID } from './model.js';
import { timelineRow } from './transition.js';

export const expireClaims: JobDefinition = {
  id: 'wishes.expireClaims',
  description: '认领超期释放: claims past their deadline return to the wish wall (PUBLISHED)',
  everyMs: 10 * 60_000,
  async run({ tx, now, gate, audit }) {
    const readable = await gate.readableWhere(MODULE_ID, '/', 'regionPath');
    const due = { status: 'CLAIMED' as const, claimDueAt: { lte: now } };
    const candidates = await tx.wish.findMany({
      where: { AND: [readable, due] },
      select: { id: true, claimantId: true },
    });
    if (!candidates.length) return { expired: 0 };
    // conditional: a claim fulfilled or released meanwhile is not touched
    const expired = await tx.wish.updateManyAndReturn({
      where: { id: { in: candidates.map((c) => c.id) }, ...due },
      data: { ...CLEARED_CLAIM, status: 'PUBLISHED', version: { increment: 1 } },
    });
    const claimantOf = new Map(candidates.map((c) => [c.id, c.claimantId]));
    await tx.wishEvent.createMany({
      data: expired.map((w) =>
        timelineRow(w, {
          action: 'CLAIM_EXPIRED',
          from: 'CLAIMED',
          to: 'PUBLISHED',
          at: now,
          actor: { accountId: null, personId: null, role: null },
          note: '认领超过期限未兑现，已退回心愿墙 (the claim passed its deadline)',
        }),
      ),
    });
    await audit({
      action: 'wishes.claim_expired',
      entityType: 'Wish',
      data: { expired: expired.map((w) => ({ wishId: w.id, claimantId: claimantOf.get(w.id) ?? null })) },
    });
    return { expired: expired.length };
  },
};
