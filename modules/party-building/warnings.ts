// 提醒: what needs attention in a party organisation, checked on read (branch size, committee, term).
import type { Context } from '../../src/kit/index.js';
import { currentCommittee, memberCounts } from './loaders.js';
import { BRANCH_MIN_FULL_MEMBERS, chinaDate, COMMITTEE_FROM_FULL_MEMBERS, COMMITTEE_MIN, MODULE_ID } from './rules.js';

export interface Warning {
  code: string;
  message: string;
}

/** what needs attention: checked on read, so a branch that shrinks or a term that runs out shows up */
export async function warningsFor(
  ctx: Context,
  o: { id: string; kind: string; regionPath: string },
): Promise<Warning[]> {
  const [counts, seats, maxMembers] = await Promise.all([
    memberCounts(ctx).load(o.id),
    currentCommittee(ctx).load(o.id),
    ctx.settings.get<number>(MODULE_ID, 'branchMaxMembers', o.regionPath),
  ]);
  const out: Warning[] = [];
  const today = chinaDate(ctx.clock.now());
  const members = counts.FULL + counts.PROBATIONARY;
  if (o.kind === 'BRANCH' || o.kind === 'JOINT_BRANCH') {
    if (counts.FULL < BRANCH_MIN_FULL_MEMBERS) {
      out.push({
        code: 'TOO_FEW_FULL_MEMBERS',
        message: `党支部至少应有 ${BRANCH_MIN_FULL_MEMBERS} 名正式党员, 现有 ${counts.FULL} (a branch needs at least 3 full members)`,
      });
    }
    if (members > maxMembers)
      out.push({
        code: 'TOO_MANY_MEMBERS',
        message: `党员 ${members} 名, 一般不超过 ${maxMembers} 名, 可考虑分设 (consider splitting)`,
      });
    if (counts.FULL >= COMMITTEE_FROM_FULL_MEMBERS && seats.length < COMMITTEE_MIN) {
      out.push({
        code: 'COMMITTEE_REQUIRED',
        message: `正式党员 ${counts.FULL} 名 (≥7), 应设立支部委员会 (a committee of 3–5 should be elected)`,
      });
    }
  }
  if (o.kind !== 'GROUP' && !seats.some((s) => s.role === 'SECRETARY'))
    out.push({ code: 'NO_SECRETARY', message: '未设书记 (no secretary)' });
  if (seats.length && seats[0]!.termEndsAt < today) {
    out.push({
      code: 'TERM_EXPIRED',
      message:
        `委员会任期已于 ${seats[0]!.termEndsAt.toISOString().slice(0, 10)} 届满, 应按期换届 ` +
        '(the term has ended: hold an election)',
    });
  }
  return out;
}
