// 志愿服务记录: "谁组织谁记录、谁记录谁证明". The node, its versions, and the helpers of the mutations on it
// (record-mutations.ts, corrections.ts): every change is a new, audited version (append-only).
import {
  conflict,
  guardNode,
  managesPeopleAt,
  managesPerson,
  notFound,
  parseId,
  type Builder,
  type Context,
  type Prisma,
  type WriteUnit,
} from '../../src/kit/index.js';
import type { Enums } from './enums.js';
import { hoursOf } from './hours.js';
import { loaders } from './loaders.js';
import { canOrganize, displayName, MODULE, readsAt } from './shared.js';

type RecordRow = Prisma.VolunteerServiceRecordGetPayload<object>;

/** 组织单位 when no unit or team is named: the community's service centre, else the community */
export async function communityOrganiser(ctx: Context, communityId: string) {
  const [centre, community] = await Promise.all([
    ctx.prisma.volunteerServiceCentre.findUnique({ where: { communityId } }),
    loaders.region(ctx).load(communityId),
  ]);
  return centre?.name ?? `${community?.name ?? ''}志愿服务站`;
}

export const twoDecimals = (h: number) => Math.abs(h * 100 - Math.round(h * 100)) < 1e-9;

/** the record and whether the viewer is on its organiser side (activity organisers; workers of its community) */
export const recordFor = (ctx: Context, globalId: string | number, path = 'input.recordId') =>
  loadRecord(ctx, parseId(String(globalId), 'VolunteerServiceRecord', path));

export async function loadRecord(ctx: Context, id: string) {
  const record = await ctx.prisma.volunteerServiceRecord.findUnique({ where: { id }, include: { activity: true } });
  if (!record) throw notFound('志愿服务记录 record');
  await ctx.gate.assertEnabled(MODULE, record.regionPath);
  const organiser = record.activity
    ? await canOrganize(ctx, record.activity)
    : managesPeopleAt(ctx.viewer, record.regionPath);
  return { record, organiser };
}

/**
 * A record verified at once (added by a worker, or confirmed hours of an activity) and its version 1:
 * the history of a record starts with what was confirmed, signed by the same person at the same time.
 */
export async function createRecord(
  w: WriteUnit,
  ctx: Context,
  data: Omit<Prisma.VolunteerServiceRecordUncheckedCreateInput, 'confirmedById' | 'confirmedByName' | 'confirmedAt'>,
  signed: { by: string; at: Date; reason?: string | null },
) {
  const changedById = ctx.viewer!.accountId;
  const r = await w.tx.volunteerServiceRecord.create({
    data: { ...data, confirmedById: changedById, confirmedByName: signed.by, confirmedAt: signed.at },
  });
  await w.tx.volunteerServiceRecordVersion.create({
    data: {
      recordId: r.id,
      version: 1,
      hours: data.hours,
      content: r.content,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      reason: signed.reason,
      changedById,
      changedByName: signed.by,
      communityId: r.communityId,
      regionPath: r.regionPath,
      createdAt: signed.at,
    },
  });
  return r;
}

/** writes version n+1 of a record (conditional on version n) with its reason, audit entry and event */
export async function appendVersion(
  w: WriteUnit,
  ctx: Context,
  record: RecordRow,
  change: { hours: number; content: string; reason: string },
  signer: string,
) {
  const { count } = await w.tx.volunteerServiceRecord.updateMany({
    where: { id: record.id, version: record.version },
    data: { hours: change.hours, content: change.content, version: { increment: 1 } },
  });
  if (count === 0) throw conflict('记录已被他人更正，请刷新后重试 (changed meanwhile: reload)');
  const version = record.version + 1;
  await w.tx.volunteerServiceRecordVersion.create({
    data: {
      recordId: record.id,
      version,
      hours: change.hours,
      content: change.content,
      startsAt: record.startsAt,
      endsAt: record.endsAt,
      reason: change.reason,
      changedById: ctx.viewer!.accountId,
      changedByName: signer,
      communityId: record.communityId,
      regionPath: record.regionPath,
      createdAt: w.now,
    },
  });
  const previousHours = hoursOf(record.hours);
  await w.audit({
    action: 'record.correct',
    entityType: 'VolunteerServiceRecord',
    entityId: record.id,
    regionPath: record.regionPath,
    data: { version, previousHours, hours: change.hours, reason: change.reason },
  });
  if (record.kind === 'SERVICE' && previousHours !== change.hours) {
    await w.publish({
      type: 'volunteering.hoursCorrected',
      regionPath: record.regionPath,
      payload: {
        personId: record.personId,
        recordId: record.id,
        previousHours,
        hours: change.hours,
        delta: Math.round((change.hours - previousHours) * 100) / 100,
      },
    });
  }
  return w.tx.volunteerServiceRecord.findUniqueOrThrow({ where: { id: record.id } });
}

export function registerRecords(builder: Builder, enums: Enums) {
  builder.prismaNode('VolunteerServiceRecord', {
    description:
      '志愿服务记录 a verified record: volunteer, activity, content, place, time, hours, organisation, confirmed by',
    id: { field: 'id' },
    fields: (t) => ({
      kind: t.expose('kind', { type: enums.RecordKind }),
      title: t.exposeString('title', { description: '活动/培训/表彰名称' }),
      content: t.exposeString('content', { description: '服务内容' }),
      place: t.exposeString('place', { nullable: true, description: '服务地点' }),
      startsAt: t.field({ type: 'DateTime', description: '开始时间', resolve: (r) => r.startsAt }),
      endsAt: t.field({ type: 'DateTime', description: '结束时间', resolve: (r) => r.endsAt }),
      hours: t.float({ description: '服务时长(小时) excluding travel', resolve: (r) => hoursOf(r.hours) }),
      organizationName: t.exposeString('organizationName', { description: '组织单位' }),
      confirmedByName: t.string({
        description:
          '记录人 confirmed by (in full for the volunteer and the workers of the record’s community, else masked)',
        resolve: (r, _a, ctx) =>
          displayName(
            r.confirmedByName,
            ctx.viewer?.personId === r.personId || managesPeopleAt(ctx.viewer, r.regionPath),
          ),
      }),
      confirmedAt: t.field({ type: 'DateTime', description: '确认时间', resolve: (r) => r.confirmedAt }),
      version: t.exposeInt('version', { description: '版本 (1 = as first confirmed)' }),
      activity: t.relation('activity', { nullable: true }),
      versions: t.relation('versions', {
        maxItems: 20,
        description: '历次版本 every version with its reason',
        query: { take: 20, orderBy: { version: 'asc' } },
      }),
      corrections: t.relation('corrections', {
        maxItems: 20,
        description: '更正申请',
        query: { take: 20, orderBy: { createdAt: 'asc' } },
      }),
      volunteerName: t.string({
        description: '志愿者姓名 (masked unless you manage the person or the record’s community)',
        resolve: async (r, _a, ctx) => {
          const p = await loaders.person(ctx).load(r.personId);
          return p
            ? displayName(p.name, managesPerson(ctx.viewer, p) || managesPeopleAt(ctx.viewer, r.regionPath))
            : '*';
        },
      }),
      person: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '居民 (only for those who see the full name)',
        resolve: async (_q, r, _a, ctx) => {
          const p = await loaders.person(ctx).load(r.personId);
          return p && (managesPerson(ctx.viewer, p) || managesPeopleAt(ctx.viewer, r.regionPath)) ? p : null;
        },
      }),
    }),
  });
  guardNode(builder, 'VolunteerServiceRecord', async (r: RecordRow, ctx) => {
    await ctx.gate.assertEnabled(MODULE, r.regionPath);
    if (ctx.viewer?.personId === r.personId || readsAt(ctx.viewer, r.regionPath)) return true;
    const p = await loaders.person(ctx).load(r.personId);
    return !!p && managesPerson(ctx.viewer, p);
  });

  builder.prismaObject('VolunteerServiceRecordVersion', {
    description: '记录版本 one version of a record; never edited',
    fields: (t) => ({
      version: t.exposeInt('version'),
      hours: t.float({ resolve: (v) => hoursOf(v.hours) }),
      content: t.exposeString('content'),
      reason: t.exposeString('reason', { nullable: true, description: '修改原因' }),
      changedByName: t.string({
        description: '修改人 (in full for the workers of the record’s community, else masked)',
        resolve: (v, _a, ctx) => displayName(v.changedByName, managesPeopleAt(ctx.viewer, v.regionPath)),
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (v) => v.createdAt }),
    }),
  });
}
