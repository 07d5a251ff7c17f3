// 报名 VolunteerEnrollment: the node, who sees it, and enrollmentFor, the lookup of the mutations on one
// enrollment (sign-up and cancelling: signup.ts; 签到/签退: attendance.ts; hours: records.ts).
import {
  guardNode,
  managesPeopleAt,
  managesPerson,
  notFound,
  parseId,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import type { Enums } from './enums.js';
import { servedHours } from './hours.js';
import { ledTeamIds, loaders } from './loaders.js';
import { canOrganize, displayName, isOrganizer, MODULE, readsAt } from './shared.js';

type EnrollmentRow = Prisma.VolunteerEnrollmentGetPayload<object>;

/** loads an enrollment with its activity; the viewer is the volunteer, manages them, or organises the activity */
export async function enrollmentFor(ctx: Context, globalId: string | number, path = 'input.enrollmentId') {
  const enrollment = await ctx.prisma.volunteerEnrollment.findUnique({
    where: { id: parseId(String(globalId), 'VolunteerEnrollment', path) },
    include: { activity: true },
  });
  if (!enrollment) throw notFound('报名 enrollment');
  await ctx.gate.assertEnabled(MODULE, enrollment.regionPath);
  const organiser = await canOrganize(ctx, enrollment.activity);
  const self = ctx.viewer?.personId === enrollment.personId;
  const person = await loaders.person(ctx).load(enrollment.personId);
  const manager = !!person && managesPeopleAt(ctx.viewer, person.homePath);
  if (!organiser && !self && !manager) throw notFound('报名 enrollment');
  return { enrollment, organiser, self, manager };
}

export function registerEnrollments(builder: Builder, enums: Enums) {
  builder.prismaNode('VolunteerEnrollment', {
    description: '报名 one volunteer’s enrollment in one activity',
    id: { field: 'id' },
    fields: (t) => ({
      status: t.expose('status', { type: enums.EnrollmentStatus }),
      signedUpAt: t.field({ type: 'DateTime', description: '报名时间', resolve: (e) => e.signedUpAt }),
      cancelledAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.cancelledAt }),
      checkInAt: t.field({ type: 'DateTime', nullable: true, description: '签到时间', resolve: (e) => e.checkInAt }),
      checkOutAt: t.field({ type: 'DateTime', nullable: true, description: '签退时间', resolve: (e) => e.checkOutAt }),
      activity: t.relation('activity'),
      volunteerName: t.string({
        description: '志愿者姓名 (full for organisers and those who manage the person, else masked)',
        select: { activity: { select: { regionPath: true, createdById: true, teamId: true } } },
        resolve: async (e, _a, ctx) => {
          const p = await loaders.person(ctx).load(e.personId);
          if (!p) return '*';
          return displayName(
            p.name,
            managesPerson(ctx.viewer, p) || isOrganizer(ctx.viewer, e.activity, await ledTeamIds(ctx)),
          );
        },
      }),
      person: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '居民 (only for organisers and those who manage the person, like the full name)',
        select: { activity: { select: { regionPath: true, createdById: true, teamId: true } } },
        resolve: async (_q, e, _a, ctx) => {
          const p = await loaders.person(ctx).load(e.personId);
          return p && (managesPerson(ctx.viewer, p) || isOrganizer(ctx.viewer, e.activity, await ledTeamIds(ctx)))
            ? p
            : null;
        },
      }),
      servedHours: t.float({
        nullable: true,
        description: '签到签退计算的时长(小时) from check-in/out, inside the activity window, to the half hour',
        select: { activity: { select: { startsAt: true, endsAt: true } } },
        resolve: (e) => servedHours(e.activity, e.checkInAt, e.checkOutAt),
      }),
      record: t.relation('record', { nullable: true, description: '志愿服务记录 once the hours are confirmed' }),
    }),
  });
  guardNode(builder, 'VolunteerEnrollment', async (e: EnrollmentRow, ctx) => {
    await ctx.gate.assertEnabled(MODULE, e.regionPath);
    if (ctx.viewer?.personId === e.personId || readsAt(ctx.viewer, e.regionPath)) return true;
    const activity = await ctx.prisma.volunteerActivity.findUnique({ where: { id: e.activityId } });
    return !!activity && canOrganize(ctx, activity);
  });
}
