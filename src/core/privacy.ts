// 个人信息保护 (PIPL): the one place that decides what a viewer sees of a person, and the batched audit
// of sensitive reads. Core and every module go through these helpers, so the rule is written once:
// - the person themself and those who manage them (admins and community workers of their area) see
//   everything; their reads of sensitive facts (PIPL art. 28: ethnicity, disability, health, poverty,
//   minors' data …) are audited;
// - department staff see the people linked to cases of their organisation (modules say which, through
//   `linkedPeople` in their definition), with name, phone, id number and address masked;
// - everyone else (analysts included) sees no contact details at all, names masked to the surname, and
//   no sensitive fact: hidden (null), not masked.
import type { Prisma } from '../../generated/prisma/client.js';
import { maskName } from '../auth/mask.js';
import { managesPerson, readsWithinScope, within, type Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { perRequest, requestLoader } from './request-cache.js';

export interface PersonKey {
  id: string;
  homePath: string;
}

/** FULL: self or manager; LINKED: a case of the viewer's organisation involves them; NONE: anyone else */
export type PersonView = 'FULL' | 'LINKED' | 'NONE';

const linkedCache = (ctx: Context) =>
  perRequest(ctx, 'privacy:linked', () => ({ ids: null as Promise<Set<string>> | null }));

/** people linked to cases of the viewer's organisation, from every module serving this request */
export function linkedPeople(ctx: Context): Promise<Set<string>> {
  const viewer = ctx.viewer;
  if (viewer?.role !== 'DEPARTMENT_STAFF' || !viewer.organizationId) return Promise.resolve(new Set());
  const cache = linkedCache(ctx);
  cache.ids ??= (async () => {
    const kit = { prisma: ctx.prisma, organizationId: viewer.organizationId!, scope: viewer.regionPath };
    const sources = ctx.gate.modules.filter((m) => m.linkedPeople && ctx.moduleIds.includes(m.id));
    const lists = await Promise.all(sources.map((m) => m.linkedPeople!(kit)));
    return new Set(lists.flat());
  })();
  return cache.ids;
}

export async function personView(ctx: Context, person: PersonKey): Promise<PersonView> {
  if (managesPerson(ctx.viewer, person)) return 'FULL';
  return (await linkedPeople(ctx)).has(person.id) ? 'LINKED' : 'NONE';
}

/**
 * who may see a person at all (masked as above): the person, those who manage them, analysts of the area,
 * and department staff for the people linked to cases of their organisation
 */
export async function canSeePerson(ctx: Context, p: PersonKey): Promise<boolean> {
  const viewer = ctx.viewer;
  if (managesPerson(viewer, p)) return true;
  if (!readsWithinScope(viewer) || !within(viewer, p.homePath)) return false;
  return viewer.role !== 'DEPARTMENT_STAFF' || (await linkedPeople(ctx)).has(p.id);
}

/** a person's name as this viewer may see it: in full for self and managers, else the surname only */
export const shownName = (viewer: Viewer | null, person: PersonKey, name: string): string =>
  managesPerson(viewer, person) ? name : maskName(name);

const disclosed = (ctx: Context) => perRequest(ctx, 'privacy:disclosed', () => new Set<string>());

/**
 * A module hands out a person the viewer may know by name through a relation the kernel cannot see (the
 * claimant of one's own wish): `Person.name` is then in full for this request. Contact details and sensitive
 * facts still follow the core rules.
 */
export const discloseName = (ctx: Context, personId: string) => void disclosed(ctx).add(personId);

/** `Person.name` for this request: full for self, managers and disclosed relations, else the surname */
export const personName = (ctx: Context, person: PersonKey & { name: string }) =>
  disclosed(ctx).has(person.id) ? person.name : shownName(ctx.viewer, person, person.name);

/** phone, id number, address: clear for FULL, masked for LINKED, null for everyone else */
export async function contactDetail(
  ctx: Context,
  person: PersonKey,
  value: string | null,
  mask: (v: string | null) => string | null,
) {
  if (value == null) return null;
  const view = await personView(ctx, person);
  return view === 'FULL' ? value : view === 'LINKED' ? mask(value) : null;
}

export interface SensitiveRead {
  /** audit action, e.g. person.sensitiveRead, elderCare.sensitiveRead */
  action: string;
  /** what was read, e.g. "tags", "assessment", "visit.findings" */
  field: string;
  personId: string;
  regionPath: string;
  recordId: string;
}

const auditLoader = (ctx: Context) =>
  requestLoader<SensitiveRead, true>(
    ctx,
    'privacy:audit',
    async (reads) => {
      await ctx.prisma.auditLog.createMany({
        data: reads.map((r) => ({
          actorId: ctx.viewer?.accountId ?? null,
          action: r.action,
          entityType: 'Person',
          entityId: r.personId,
          regionPath: r.regionPath,
          data: { field: r.field, recordId: r.recordId } as Prisma.InputJsonValue,
        })),
      });
      return reads.map(() => true as const);
    },
    { cache: false },
  );

/**
 * One audit row per sensitive read, batched: every read resolved in the same tick of a request goes out
 * in one INSERT, so a page of 50 costs one statement. The read waits for the write: no audit row, no data.
 */
export const auditSensitiveRead = (ctx: Context, read: SensitiveRead): Promise<true> => auditLoader(ctx).load(read);

/**
 * A sensitive fact about a person (PIPL art. 28): the value for the person and those who manage them
 * (a manager's read is audited), null for everyone else. `entitled` widens the readers where a module
 * says so (e.g. the staff of the care facility where the person is enrolled).
 */
export async function sensitiveFact<T>(
  ctx: Context,
  person: PersonKey,
  field: string,
  value: T,
  entitled?: () => boolean | Promise<boolean>,
): Promise<T | null> {
  if (value == null) return null;
  const self = !!ctx.viewer && ctx.viewer.personId === person.id;
  if (!self && !managesPerson(ctx.viewer, person) && !(entitled && (await entitled()))) return null;
  if (!self) {
    const read = { action: 'person.sensitiveRead', field, personId: person.id, regionPath: person.homePath };
    await auditSensitiveRead(ctx, { ...read, recordId: person.id });
  }
  return value;
}
