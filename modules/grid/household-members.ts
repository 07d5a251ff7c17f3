// 家庭成员 of one household, rewritten inside its write unit (the household row is locked by the caller).
import type { Household, Prisma } from '../../src/kit/index.js';

const HEAD = '户主';

/**
 * Makes the member list `memberIds` (unchanged when undefined) plus the head, and moves the relation 户主
 * to the head (`headId`: undefined keeps the current head, null clears it). Returns how many were
 * added and removed, for the audit entry.
 */
export async function syncMembers(
  tx: Prisma.TransactionClient,
  before: Household,
  memberIds: string[] | undefined,
  headId: string | null | undefined,
) {
  const newHead = headId === undefined ? before.headId : headId;
  const current = await tx.householdMember.findMany({ where: { householdId: before.id } });
  const desired = new Set(memberIds ?? current.map((m) => m.personId));
  if (newHead) desired.add(newHead);
  const gone = current.filter((m) => !desired.has(m.personId)).map((m) => m.id);
  if (gone.length) await tx.householdMember.deleteMany({ where: { id: { in: gone } } });
  const have = new Set(current.map((m) => m.personId));
  const added = [...desired].filter((p) => !have.has(p));
  if (added.length) {
    await tx.householdMember.createMany({
      data: added.map((personId) => ({
        householdId: before.id,
        personId,
        regionPath: before.regionPath,
        relation: personId === newHead ? HEAD : null,
      })),
    });
  }
  // the relation 户主 follows the head
  await tx.householdMember.updateMany({
    where: { householdId: before.id, relation: HEAD, ...(newHead ? { personId: { not: newHead } } : {}) },
    data: { relation: null },
  });
  if (newHead)
    await tx.householdMember.updateMany({
      where: { householdId: before.id, personId: newHead },
      data: { relation: HEAD },
    });
  return { added: added.length, removed: gone.length };
}
