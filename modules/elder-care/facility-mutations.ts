// 设施维护: createCareFacility and updateCareFacility (workers and admins of the facility's community).
// A facility's name is unique within its community (a unique index): a duplicate is CONFLICT.
import {
  AppError,
  Checks,
  forbidden,
  isUniqueViolation,
  MANAGERS,
  managesPeopleAt,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  write,
  type Builder,
  type CareRoom,
  type Prisma,
} from '../../src/kit/index.js';
import { named } from './access.js';
import { MODULE } from './constants.js';
import type { Enums } from './enums.js';
import { loadFacility } from './facility.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

/** the unit's transaction or the client: the operator is looked up where the write needs it */
type Db = Pick<Prisma.TransactionClient, 'organization'>;

export interface FacilityFields {
  name?: string | null;
  address?: string | null;
  openingHours?: string | null;
  rooms?: readonly CareRoom[] | null;
  capacity?: number | null;
  operatorId?: string | number | null;
  phone?: string | null;
  mealCutoffTime?: string | null;
  mealCutoffDaysBefore?: number | null;
  active?: boolean | null;
}

function checkFields(input: FacilityFields, creating: boolean) {
  const { capacity, mealCutoffDaysBefore: days } = input;
  new Checks()
    .text(input.name, 'input.name', { max: 60, required: creating })
    .text(input.address, 'input.address', { max: 200, required: false })
    .text(input.openingHours, 'input.openingHours', { max: 100, required: false })
    .check(
      capacity == null || (Number.isInteger(capacity) && capacity >= 0 && capacity <= 10_000),
      'input.capacity',
      '应为 0–10000',
    )
    .check(!input.phone || PHONE.test(input.phone.trim()), 'input.phone', '电话格式不正确')
    .check(input.mealCutoffTime == null || HHMM.test(input.mealCutoffTime), 'input.mealCutoffTime', '应为 HH:MM')
    .check(days == null || [0, 1, 2].includes(days), 'input.mealCutoffDaysBefore', '应为 0、1 或 2')
    .throwIfAny();
}

/** the columns the input sets (fields left out stay unchanged), after validation */
async function fieldsData(db: Db, input: FacilityFields, creating: boolean) {
  checkFields(input, creating);
  const operatorId = parseOptionalId(
    input.operatorId == null ? null : String(input.operatorId),
    'Organization',
    'input.operatorId',
  );
  if (operatorId && !(await db.organization.findUnique({ where: { id: operatorId }, select: { id: true } })))
    throw notFound('运营单位 organization');
  const text = (v: string | null | undefined) => v?.trim() || null;
  const data: Prisma.CareFacilityUncheckedUpdateInput = {};
  if (input.name != null) data.name = input.name.trim();
  if (input.address !== undefined) data.address = text(input.address);
  if (input.openingHours !== undefined) data.openingHours = text(input.openingHours);
  if (input.rooms != null) data.rooms = [...new Set(input.rooms)];
  if (input.capacity != null) data.capacity = input.capacity;
  if (input.operatorId !== undefined) data.operatorId = operatorId;
  if (input.phone !== undefined) data.phone = text(input.phone);
  if (input.mealCutoffTime != null) data.mealCutoffTime = input.mealCutoffTime;
  if (input.mealCutoffDaysBefore != null) data.mealCutoffDaysBefore = input.mealCutoffDaysBefore;
  if (input.active != null) data.active = input.active;
  return data;
}

const uniqueName = async <T>(fn: () => Promise<T>) => {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', '该社区已有同名设施 (a facility of that name exists in the community)');
    throw e;
  }
};

export function registerFacilityMutations(builder: Builder, E: Enums) {
  const CreateInput = builder.inputType('CreateCareFacilityInput', {
    fields: (t) => ({
      communityId: t.id({ required: true, description: '所在社区/村' }),
      kind: t.field({ type: E.FacilityKind, required: true }),
      name: t.string({ required: true }),
      address: t.string({ required: false }),
      openingHours: t.string({ required: false, description: '开放时间' }),
      rooms: t.field({ type: [E.Room], required: false, description: '功能室' }),
      capacity: t.int({ required: false, description: '床位/座位数 (0–10000): caps active enrolments; 0 = no limit' }),
      operatorId: t.id({ required: false, description: '运营单位 Organization id' }),
      phone: t.string({ required: false }),
      mealCutoffTime: t.string({ required: false, description: '订餐截止时间 HH:MM (default 09:00)' }),
      mealCutoffDaysBefore: t.int({ required: false, description: '0 = same day (default), 1 = day before' }),
    }),
  });
  const UpdateInput = builder.inputType('UpdateCareFacilityInput', {
    fields: (t) => ({
      facilityId: t.id({ required: true }),
      name: t.string({ required: false }),
      address: t.string({ required: false }),
      openingHours: t.string({ required: false }),
      rooms: t.field({ type: [E.Room], required: false }),
      capacity: t.int({
        required: false,
        description: '0 = no limit; set below the active enrolments it ends none, it only refuses new ones',
      }),
      operatorId: t.id({ required: false }),
      phone: t.string({ required: false }),
      mealCutoffTime: t.string({ required: false }),
      mealCutoffDaysBefore: t.int({ required: false }),
      active: t.boolean({ required: false, description: '停用 false closes the facility (nothing is deleted)' }),
    }),
  });
  builder.mutationFields((t) => ({
    createCareFacility: t.field({
      policy: { roles: MANAGERS, scope: { region: 'input.communityId' } },
      description: '新建康养设施 (workers and admins of that community)',
      type: payloadType(builder, 'CreateCareFacilityPayload', 'facility', 'CareFacility'),
      errors: {},
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const data = await fieldsData(ctx.prisma, input, true);
        const community = await ctx.prisma.region.findUnique({
          where: { id: parseId(String(input.communityId), 'Region', 'input.communityId') },
        });
        if (community?.level !== 'COMMUNITY')
          throw new AppError('VALIDATION', 'communityId 应为社区/村 (must be a community)');
        if (!managesPeopleAt(ctx.viewer, community.path))
          throw forbidden('只有该社区的工作人员或上级管理员可以新建设施 (workers and admins of that community)');
        const facility = await uniqueName(() =>
          write(ctx, { module: MODULE, regionPath: community.path }, async (unit) => {
            const w = named(ctx, unit);
            const f = await w.tx.careFacility.create({
              data: {
                ...(data as Prisma.CareFacilityUncheckedCreateInput),
                name: input.name.trim(),
                kind: input.kind,
                communityId: community.id,
                regionPath: community.path,
              },
            });
            await w.audit({
              action: 'elderCare.facility.create',
              entityType: 'CareFacility',
              entityId: f.id,
              regionPath: f.regionPath,
              data: { name: f.name, kind: f.kind },
            });
            return f;
          }),
        );
        return { facility };
      },
    }),
    updateCareFacility: t.field({
      policy: { roles: MANAGERS, scope: { record: 'CareFacility', id: 'input.facilityId' } },
      description: '修改康养设施 (workers and admins of its community)',
      type: payloadType(builder, 'UpdateCareFacilityPayload', 'facility', 'CareFacility'),
      errors: {},
      args: { input: t.arg({ type: UpdateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const existing = await loadFacility(ctx, input.facilityId, 'input.facilityId');
        // the switch comes first (then who, then what), as before the kit: the checks run inside the unit
        const facility = await uniqueName(() =>
          write(ctx, { module: MODULE, regionPath: existing.regionPath }, async (unit) => {
            const w = named(ctx, unit);
            if (!managesPeopleAt(ctx.viewer, existing.regionPath))
              throw forbidden('只有该社区的工作人员或上级管理员可以修改设施');
            const data = await fieldsData(w.tx, input, false);
            const f = await w.tx.careFacility.update({ where: { id: existing.id }, data });
            await w.audit({
              action: 'elderCare.facility.update',
              entityType: 'CareFacility',
              entityId: f.id,
              regionPath: f.regionPath,
              data: { changed: Object.keys(data) },
            });
            return f;
          }),
        );
        return { facility };
      },
    }),
  }));
}
