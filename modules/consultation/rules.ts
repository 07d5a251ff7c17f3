// 法定人数 (quorum) and 表决 (majority) arithmetic of 四议两公开, in integers so boundaries are exact:
// "≥ 2/3 present" passes at exactly 2/3 and fails one short; "more than half" fails at exactly half.
// The fractions are a module setting (`quorumRules`) with the law's defaults (村民委员会组织法 arts. 22, 26).
import type { MeetingKind } from './model.js';

/** a fraction "n/d" and whether the count must exceed it (more than half) or only reach it (at least 2/3) */
export interface Threshold {
  fraction: string;
  strict: boolean;
}

export interface QuorumRules {
  /** share of the members present for the meeting to be valid */
  present: Record<MeetingKind, Threshold>;
  /** 村民会议 alternative: the representatives of this share of households */
  villagersHouseholds: Threshold;
  /** votes for, of those present (a tie is not a majority) */
  majority: Threshold;
}

export const DEFAULT_QUORUM: QuorumRules = {
  present: {
    TWO_COMMITTEES: { fraction: '1/2', strict: true },
    PARTY_MEMBERS_MEETING: { fraction: '1/2', strict: true },
    REPRESENTATIVES_MEETING: { fraction: '2/3', strict: false },
    VILLAGERS_MEETING: { fraction: '1/2', strict: true },
  },
  villagersHouseholds: { fraction: '2/3', strict: false },
  majority: { fraction: '1/2', strict: true },
};

const FRACTION = /^(\d+)\/(\d+)$/;

function parse(fraction: string): [number, number] | null {
  const m = FRACTION.exec(fraction);
  if (!m) return null;
  const [n, d] = [Number(m[1]), Number(m[2])];
  return d > 0 && n <= d ? [n, d] : null;
}

/** count / total against the threshold, in integers: count·d > total·n (strict) or ≥ */
export function meets(count: number, total: number, t: Threshold): boolean {
  const [n, d] = parse(t.fraction)!;
  return t.strict ? count * d > total * n : count * d >= total * n;
}

const isThreshold = (v: unknown): v is Threshold =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as Threshold).fraction === 'string' &&
  parse((v as Threshold).fraction) !== null &&
  typeof (v as Threshold).strict === 'boolean';

export function validateQuorum(value: unknown): string | null {
  const v = value as QuorumRules | null;
  const kinds: MeetingKind[] = [
    'TWO_COMMITTEES',
    'PARTY_MEMBERS_MEETING',
    'REPRESENTATIVES_MEETING',
    'VILLAGERS_MEETING',
  ];
  const ok =
    !!v &&
    typeof v === 'object' &&
    !!v.present &&
    kinds.every((k) => isThreshold(v.present[k])) &&
    isThreshold(v.villagersHouseholds) &&
    isThreshold(v.majority);
  return ok
    ? null
    : '应为 { present: { TWO_COMMITTEES, PARTY_MEMBERS_MEETING, REPRESENTATIVES_MEETING, VILLAGERS_MEETING }, ' +
        'villagersHouseholds, majority }, each { fraction: "n/d", strict: boolean }';
}

export interface Tally {
  members: number;
  present: number;
  households?: number | null;
  householdsRepresented?: number | null;
  votesFor: number;
}

/** why a meeting's vote does not carry, or null when it does (the reason goes into the error's details) */
export function voteFailure(rules: QuorumRules, kind: MeetingKind, tally: Tally) {
  const quorum = rules.present[kind];
  let quorate = meets(tally.present, tally.members, quorum);
  if (!quorate && kind === 'VILLAGERS_MEETING' && tally.households && tally.householdsRepresented != null) {
    quorate = meets(tally.householdsRepresented, tally.households, rules.villagersHouseholds);
  }
  if (!quorate) {
    return { reason: 'QUORUM', meetingKind: kind, required: quorum, members: tally.members, present: tally.present };
  }
  if (!meets(tally.votesFor, tally.present, rules.majority)) {
    return {
      reason: 'MAJORITY',
      meetingKind: kind,
      required: rules.majority,
      present: tally.present,
      votesFor: tally.votesFor,
    };
  }
  return null;
}
