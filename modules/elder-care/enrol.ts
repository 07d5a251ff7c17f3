// 登记 inside its write unit: the facility's capacity holds under concurrency (its row is locked first,
// then its ACTIVE enrolments counted), the recipient is created or updated, and the enrolment is created
// or, when the person was enrolled there before, resumed through the enrolment's lifecycle.
import {
  AppError,
  isUniqueViolation,
  type CareFacility,
  type CareRecipient,
  type Context,
  type Person,
  type Prisma,
  type WriteUnit,
} from '../../src/kit/index.js';
import { VISIT_COVERED, type Category, type Tier } from './constants.js';
import { enrollmentLifecycle } from './lifecycles.js';
import { intervalMs } from './rules.js';

const ALREADY = '已在该设施登记 (already enrolled there)';

export interface EnrolInput {
  categories?: readonly Category[] | null;
  emergencyContact?: { name: string; phone: string; relation?: string | null } | null;
  visitTier?: Tier | null;
}

/** enrolment entries are filed under the recipient and its home region, as before the kit */
export const underRecipient = (w: WriteUnit, r: Pick<CareRecipient, 'id' | 'regionPath'>): WriteUnit => ({
  ...w,
  audit: (entry) => w.audit({ ...entry, entityType: 'CareRecipient', entityId: r.id, regionPath: r.regionPath }),
});

/** a second enrolment racing past the checks hits the unique index: the same CONFLICT */
export async function uniqueEnrolment<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', ALREADY);
    throw e;
  }
}

/** the recipient's columns: categories, tier and its due date, the emergency contact when given */
function recipientData(w: WriteUnit, input: EnrolInput, person: Person, r: CareRecipient | null) {
  const c = input.emergencyContact;
  const categories = input.categories ? [...new Set(input.categories)] : ((r?.categories ?? []) as Category[]);
  const covered = categories.some((x) => VISIT_COVERED.includes(x));
  const tier = (input.visitTier ?? r?.visitTier ?? (covered ? 'GENERAL' : null)) as Tier | null;
  const data: Prisma.CareRecipientUncheckedCreateInput = {
    personId: person.id,
    categories,
    communityId: person.homeCommunityId!,
    regionPath: person.homePath,
    visitTier: tier,
  };
  if (c) {
    data.emergencyName = c.name.trim();
    data.emergencyPhone = c.phone.trim();
    data.emergencyRelation = c.relation?.trim() || null;
  }
  // a new or changed tier is due one interval after the last visit (now, if never visited)
  if (tier && (!r || r.visitTier !== tier || !r.nextVisitDueAt))
    data.nextVisitDueAt = r?.lastVisitedAt ? new Date(r.lastVisitedAt.getTime() + intervalMs(w.settings, tier)) : w.now;
  if (!tier) data.nextVisitDueAt = null;
  return data;
}

/** LIMIT_EXCEEDED when the facility is full (capacity 0 = no limit); its row is locked by the caller */
async function assertRoom(w: WriteUnit, facilityId: string, capacity: number) {
  if (capacity <= 0) return;
  const enrolled = await w.tx.careEnrollment.count({ where: { facilityId, status: 'ACTIVE' } });
  if (enrolled >= capacity)
    throw new AppError('LIMIT_EXCEEDED', `设施已满 ${enrolled}/${capacity} (the facility is full)`, {
      capacity,
      enrolled,
    });
}

export async function enrol(w: WriteUnit, ctx: Context, input: EnrolInput, person: Person, facility: CareFacility) {
  // the capacity guard: lock the facility row first (every enrolment there queues behind it), then
  // count its ACTIVE enrolments — holds with many connections (PostgreSQL) and on PGlite alike
  const [locked] = await w.tx.$queryRaw<{ capacity: number; active: boolean }[]>`
    SELECT "capacity", "active" FROM "CareFacility" WHERE "id" = ${facility.id} FOR UPDATE`;
  if (!locked?.active) throw new AppError('PRECONDITION_FAILED', '设施已停用 (the facility is closed)');
  const before = await w.tx.careRecipient.findUnique({ where: { personId: person.id } });
  if (!before && !input.emergencyContact)
    throw new AppError(
      'VALIDATION',
      'input.emergencyContact: 首次登记须填写紧急联系人 (required at the first enrolment)',
    );
  const { personId: _p, ...data } = recipientData(w, input, person, before);
  const r = before
    ? await w.tx.careRecipient.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
    : await w.tx.careRecipient.create({ data: { ...data, personId: person.id } });
  const existing = await w.tx.careEnrollment.findUnique({
    where: { recipientId_facilityId: { recipientId: r.id, facilityId: facility.id } },
  });
  if (existing?.status === 'ACTIVE') throw new AppError('CONFLICT', ALREADY);
  await assertRoom(w, facility.id, locked.capacity);
  const enrolment = {
    enrolledAt: w.now,
    endedAt: null,
    endReason: null,
    communityId: facility.communityId,
    regionPath: facility.regionPath,
  };
  const audit = { facilityId: facility.id, personId: person.id, categories: r.categories, visitTier: r.visitTier };
  if (existing) {
    // enrolled here before: the lifecycle resumes the enrolment and writes the enrol entry
    await enrollmentLifecycle.apply(underRecipient(w, r), ctx, existing, 'ENROL', {
      data: enrolment,
      conflictMessage: '登记状态已变化，请重试 (changed meanwhile)',
      audit,
    });
    return r;
  }
  await w.tx.careEnrollment.create({
    data: { ...enrolment, status: 'ACTIVE', recipientId: r.id, facilityId: facility.id, personId: person.id },
  });
  await w.audit({
    action: 'elderCare.enroll',
    entityType: 'CareRecipient',
    entityId: r.id,
    regionPath: r.regionPath,
    data: audit,
  });
  return r;
}
