// The oracle of the personal-information walk: the raw personal and sensitive values of every person,
// read straight from the database, and who is entitled to them. A response is checked against it:
// any raw value of a person the viewer is not entitled to, appearing verbatim, is a violation.
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient, Role } from '../../generated/prisma/client.js';

export interface RawPerson {
  id: string;
  name: string;
  homePath: string;
  /** phone, id number, address: never in clear to the unentitled */
  contact: string[];
  /** module-level sensitive texts tied to the person: care contacts, visit findings, household address */
  sensitive: string[];
}

export interface ViewerFacts {
  username: string;
  role: Role | null;
  regionPath: string;
  personId: string | null;
  /** people whose full name this viewer may see besides those it manages (declared relations) */
  namesAllowed: Set<string>;
}

export interface Oracle {
  people: Map<string, RawPerson>;
  /** owner person of person-level records: CareRecipient, PointsAccount, PointsEntry, CareVisit … */
  ownerOf: Map<string, string>;
}

export async function loadOracle(prisma: PrismaClient): Promise<Oracle> {
  const people = new Map<string, RawPerson>();
  for (const p of await prisma.person.findMany()) {
    const contact = [p.phone, p.idNumber, p.address].filter((v): v is string => !!v && v.length >= 4);
    people.set(p.id, { id: p.id, name: p.name, homePath: p.homePath, contact, sensitive: [] });
  }
  const add = (personId: string, ...values: (string | null | undefined)[]) => {
    for (const v of values) if (v && v.length >= 4) people.get(personId)?.sensitive.push(v);
  };
  const ownerOf = new Map<string, string>();
  for (const r of await prisma.careRecipient.findMany()) {
    ownerOf.set(r.id, r.personId);
    add(r.personId, r.emergencyPhone);
  }
  for (const v of await prisma.careVisit.findMany()) {
    ownerOf.set(v.id, v.personId);
    add(v.personId, v.health, v.mentalState, v.hygiene, v.familySupport, v.notes);
  }
  for (const a of await prisma.pointsAccount.findMany({ include: { entries: { select: { id: true } } } })) {
    ownerOf.set(a.id, a.personId);
    for (const e of a.entries) ownerOf.set(e.id, a.personId);
  }
  for (const h of await prisma.household.findMany({ include: { members: true } })) {
    for (const id of new Set([h.headId, ...h.members.map((m) => m.personId)])) if (id) add(id, h.address);
  }
  // a text several people share (a templated finding such as 身体状况平稳) identifies nobody: the
  // structural checks below still catch it in the record it belongs to
  const holders = new Map<string, Set<string>>();
  for (const p of people.values()) for (const v of p.sensitive) holders.set(v, (holders.get(v) ?? new Set()).add(p.id));
  for (const p of people.values()) p.sensitive = p.sensitive.filter((v) => holders.get(v)!.size === 1);
  return { people, ownerOf };
}

export async function viewerFacts(prisma: PrismaClient, username: string | null): Promise<ViewerFacts> {
  if (!username) return { username: 'anonymous', role: null, regionPath: '', personId: null, namesAllowed: new Set() };
  const a = await prisma.account.findUniqueOrThrow({ where: { username } });
  const namesAllowed = new Set<string>();
  if (a.personId) {
    // 微心愿: the claimant and the requester of one wish see each other in full (README "Who sees what")
    for (const w of await prisma.wish.findMany({
      where: { OR: [{ claimantId: a.personId }, { requesterId: a.personId }] },
    })) {
      namesAllowed.add(w.requesterId);
      if (w.claimantId) namesAllowed.add(w.claimantId);
    }
  }
  // 志愿服务记录: the volunteer, and the workers of the record's community, see who confirmed or changed it
  const mine = a.personId ? [{ personId: a.personId }] : [];
  const area =
    a.role === 'COMMUNITY_WORKER' || a.role === 'REGION_ADMIN' ? [{ regionPath: { startsWith: a.regionPath } }] : [];
  if (mine.length || area.length) {
    const records = await prisma.volunteerServiceRecord.findMany({
      where: { OR: [...mine, ...area] },
      select: { confirmedById: true, confirmedByName: true },
    });
    // the signature is a stored name (seeded records have no account behind it)
    const signed = await prisma.person.findMany({
      where: { name: { in: records.map((r) => r.confirmedByName) } },
      select: { id: true },
    });
    for (const p of signed) namesAllowed.add(p.id);
    const versions = area.length
      ? await prisma.volunteerServiceRecordVersion.findMany({ where: { OR: area }, select: { changedById: true } })
      : [];
    const accountIds = [...records.map((r) => r.confirmedById), ...versions.map((v) => v.changedById)].filter(
      (x): x is string => !!x,
    );
    for (const s of await prisma.account.findMany({ where: { id: { in: accountIds } }, select: { personId: true } })) {
      if (s.personId) namesAllowed.add(s.personId);
    }
  }
  // 志愿服务: an activity's organisers see its volunteers, the workers of a record's community its volunteer
  const led = a.personId
    ? await prisma.volunteerTeamMember.findMany({ where: { personId: a.personId, role: 'LEADER' } })
    : [];
  const organised = await prisma.volunteerEnrollment.findMany({
    where: {
      activity: {
        OR: [...area, { createdById: a.id }, { teamId: { in: led.map((m) => m.teamId) } }],
      },
    },
    select: { personId: true },
  });
  const recorded = area.length
    ? await prisma.volunteerServiceRecord.findMany({ where: { OR: area }, select: { personId: true } })
    : [];
  for (const r of [...organised, ...recorded]) namesAllowed.add(r.personId);
  return {
    username,
    role: a.role,
    regionPath: a.role === 'SYSTEM_ADMIN' ? '/' : a.regionPath,
    personId: a.personId,
    namesAllowed,
  };
}

/** the person themself and those who manage them (admins and community workers of their area) */
export const manages = (v: ViewerFacts, p: { id: string; homePath: string }) =>
  v.personId === p.id ||
  v.role === 'SYSTEM_ADMIN' ||
  ((v.role === 'REGION_ADMIN' || v.role === 'COMMUNITY_WORKER') && p.homePath.startsWith(v.regionPath));

const rawId = (globalId: unknown) => {
  try {
    return typeof globalId === 'string' ? decodeGlobalID(globalId).id : null;
  } catch {
    return null;
  }
};

/** records that belong to one person and may not reach anyone else at all (the ledger, health records) */
const PERSONAL_RECORDS = new Set(['PointsAccount', 'PointsEntry', 'CareVisitFindings', 'CapabilityAssessment']);

/** every violation in one response: `<path>: <what>` */
export function violations(oracle: Oracle, viewer: ViewerFacts, data: unknown): string[] {
  const found: string[] = [];
  const unentitled = [...oracle.people.values()].filter((p) => !manages(viewer, p));
  const allowedNames = new Set(
    [...oracle.people.values()].filter((p) => manages(viewer, p) || viewer.namesAllowed.has(p.id)).map((p) => p.name),
  );
  const hiddenNames = new Map<string, RawPerson>();
  for (const p of unentitled)
    if (!viewer.namesAllowed.has(p.id) && !allowedNames.has(p.name)) hiddenNames.set(p.name, p);
  const longNames = [...hiddenNames.values()].filter((p) => [...p.name].length >= 3);
  const maskedContactAllowed = viewer.role === 'DEPARTMENT_STAFF';

  const checkString = (s: string, path: string) => {
    const exact = hiddenNames.get(s);
    if (exact) found.push(`${path}: full name of ${exact.name}`);
    else
      for (const p of longNames)
        if (s.includes(p.name)) found.push(`${path}: name ${p.name} inside "${s.slice(0, 40)}"`);
    for (const p of unentitled) {
      for (const c of p.contact) if (s.includes(c)) found.push(`${path}: phone/id/address of ${p.name}`);
      for (const c of p.sensitive)
        if (s.includes(c)) found.push(`${path}: sensitive value of ${p.name} ("${c.slice(0, 20)}")`);
    }
  };

  const checkObject = (o: Record<string, unknown>, path: string) => {
    const type = o.__typename as string | undefined;
    const id = rawId(o.id);
    if (type === 'Person' && id) {
      const p = oracle.people.get(id);
      if (p && !manages(viewer, p)) {
        for (const k of ['ethnicity', 'birthDate']) if (o[k] != null) found.push(`${path}.${k}: ${k} of ${p.name}`);
        if (Array.isArray(o.tags) && o.tags.length) found.push(`${path}.tags: tags ${o.tags.join(',')} of ${p.name}`);
        if (!maskedContactAllowed)
          for (const k of ['phone', 'idNumber', 'address'])
            if (o[k] != null) found.push(`${path}.${k}: masked ${k} of ${p.name}`);
      }
    }
    const owner = id ? oracle.ownerOf.get(id) : undefined;
    const person = owner ? oracle.people.get(owner) : undefined;
    if (person && !manages(viewer, person)) {
      if (type && PERSONAL_RECORDS.has(type)) found.push(`${path}: ${type} of ${person.name}`);
      if (type === 'CareRecipient') {
        if (Array.isArray(o.categories) && o.categories.length)
          found.push(`${path}.categories: ${o.categories.join(',')} of ${person.name}`);
        if (o.emergencyContact != null) found.push(`${path}.emergencyContact of ${person.name}`);
      }
      if (type === 'CareVisit' && o.findings != null) found.push(`${path}.findings of ${person.name}`);
    }
  };

  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') checkString(value, path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      checkObject(value as Record<string, unknown>, path);
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    }
  };
  walk(data, '');
  return found;
}
