// The mutations on service records: 确认服务时长 (the organiser confirms the hours of an attended enrollment,
// within the township's deadline) and 更正记录 (a new version with its reason). Nobody confirms or corrects
// their own hours. Training and award records: record-add.ts.
import {
  ACTORS,
  AppError,
  Checks,
  conflict,
  forbidden,
  invalidTransition,
  payloadType,
  ValidationError,
  type Builder,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import { enrollmentFor } from './enrollment.js';
import { assertNotOwnRecord, assertWithinAttended, attendedHours, servedHours } from './hours.js';
import { moveEnrollment } from './lifecycles.js';
import { loaders, viewerName } from './loaders.js';
import { appendVersion, communityOrganiser, createRecord, recordFor, twoDecimals } from './records.js';
import { MODULE } from './shared.js';

type RecordRow = Prisma.VolunteerServiceRecordGetPayload<object>;

export function registerRecordMutations(builder: Builder) {
  const RecordPayload = (name: string) => payloadType<RecordRow>(builder, name, 'record', 'VolunteerServiceRecord');
  const ConfirmInput = builder.inputType('ConfirmServiceHoursInput', {
    fields: (t) => ({
      enrollmentId: t.id({ required: true }),
      hours: t.float({
        required: false,
        description: '时长(小时): default from check-in/out; a different value needs a note',
      }),
      note: t.string({ required: false, description: '说明 (required when the hours differ from check-in/out)' }),
    }),
  });
  const CorrectInput = builder.inputType('CorrectServiceRecordInput', {
    fields: (t) => ({
      recordId: t.id({ required: true }),
      hours: t.float({ required: true }),
      content: t.string({ required: false, description: '服务内容 (unchanged when omitted)' }),
      reason: t.string({ required: true, description: '更正原因' }),
    }),
  });
  builder.mutationFields((t) => ({
    confirmServiceHours: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerEnrollment', id: 'input.enrollmentId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
      description:
        '确认服务时长 (organisers, within recordDeadlineDays after the activity): ' +
        'creates the record and publishes volunteering.hoursVerified',
      type: RecordPayload('ConfirmServiceHoursPayload'),
      errors: {},
      args: { input: t.arg({ type: ConfirmInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { enrollment, organiser } = await enrollmentFor(ctx, input.enrollmentId);
        if (!organiser) throw forbidden('谁组织谁记录: only the organiser confirms hours');
        assertNotOwnRecord(ctx, enrollment.personId);
        const activity = enrollment.activity;
        if (enrollment.status === 'CONFIRMED')
          throw conflict('时长已确认，如需修改请更正 (already confirmed: correct the record instead)');
        if (!['CHECKED_IN', 'CHECKED_OUT'].includes(enrollment.status))
          throw invalidTransition(`未签到，不能记录时长 (enrollment is ${enrollment.status})`);
        if (!['ONGOING', 'COMPLETED'].includes(activity.status))
          throw invalidTransition(`活动状态为 ${activity.status}`);
        const now = ctx.clock.now();
        const days = await ctx.settings.get<number>(MODULE, 'recordDeadlineDays', activity.regionPath);
        if (now.getTime() > activity.endsAt.getTime() + days * 86_400_000) {
          throw new AppError(
            'PRECONDITION_FAILED',
            `已超过记录期限：活动结束后 ${days} 天内确认 (deadline passed: ${days} days after the activity)`,
            { days },
          );
        }
        const computed = servedHours(activity, enrollment.checkInAt, enrollment.checkOutAt);
        const hours = input.hours ?? computed;
        const note = input.note?.trim() || null;
        // never more than the attended time inside the activity's window; more needs an approved correction
        const maxHours = attendedHours(activity, enrollment, now);
        if (hours == null)
          throw new ValidationError([
            { path: 'input.hours', message: '未签退，请填写时长 (no check-out: give the hours)' },
          ]);
        new Checks()
          .check(
            hours > 0 && hours <= maxHours,
            'input.hours',
            `时长应在 0–${maxHours} 小时之间，不超过活动时间内的签到时长 (at most the attended time)`,
          )
          .check(twoDecimals(hours), 'input.hours', '最多两位小数')
          .check(
            hours === computed || !!note,
            'input.note',
            '时长与签到签退不一致时须说明理由 (a reason is required when editing the hours)',
          )
          .text(note, 'input.note', { max: 500, required: false })
          .throwIfAny();
        const [signer, organizations, team, fallback] = await Promise.all([
          viewerName(ctx),
          loaders.organization(ctx).loadMany(activity.organizationIds),
          activity.teamId ? ctx.prisma.volunteerTeam.findUnique({ where: { id: activity.teamId } }) : null,
          communityOrganiser(ctx, activity.communityId),
        ]);
        const orgNames = organizations.flatMap((o) => (o && !(o instanceof Error) ? [o.name] : []));
        const organizationName = orgNames.length ? orgNames.join('、') : (team?.name ?? fallback);
        const record = await write(ctx, { module: MODULE, regionPath: activity.regionPath }, async (w) => {
          await moveEnrollment(w, ctx, enrollment, 'confirm', {
            conflictMessage: '时长已确认或报名已变更 (changed meanwhile)',
          });
          const r = await createRecord(
            w,
            ctx,
            {
              volunteerId: enrollment.volunteerId,
              personId: enrollment.personId,
              communityId: activity.communityId,
              regionPath: activity.regionPath,
              kind: 'SERVICE',
              activityId: activity.id,
              enrollmentId: enrollment.id,
              title: activity.title,
              content: activity.description ?? activity.title,
              place: activity.place,
              startsAt: activity.startsAt,
              endsAt: activity.endsAt,
              hours,
              organizationName,
            },
            { by: signer, at: now, reason: note },
          );
          await w.audit({
            action: 'record.confirm',
            entityType: 'VolunteerServiceRecord',
            entityId: r.id,
            regionPath: r.regionPath,
            data: { enrollmentId: enrollment.id, hours, computed, note },
          });
          await w.publish({
            type: 'volunteering.hoursVerified',
            regionPath: r.regionPath,
            payload: { personId: r.personId, hours, recordId: r.id, activityTitle: activity.title },
          });
          return r;
        });
        return { record };
      },
    }),
    correctServiceRecord: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerServiceRecord', id: 'input.recordId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
      description: '更正记录 (the organiser side): a new version with the reason, never a silent edit',
      type: RecordPayload('CorrectServiceRecordPayload'),
      errors: {},
      args: { input: t.arg({ type: CorrectInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .check(
            input.hours >= 0 && input.hours <= 744 && twoDecimals(input.hours),
            'input.hours',
            '时长应为 0–744 小时，最多两位小数',
          )
          .text(input.content, 'input.content', { max: 2000, required: false })
          .text(input.reason, 'input.reason', { min: 2, max: 500 })
          .throwIfAny();
        const { record, organiser } = await recordFor(ctx, input.recordId);
        if (!organiser) throw forbidden('谁记录谁证明: only the organiser side corrects a record');
        assertNotOwnRecord(ctx, record.personId);
        await assertWithinAttended(ctx, record, input.hours);
        const signer = await viewerName(ctx);
        const change = {
          hours: input.hours,
          content: input.content?.trim() || record.content,
          reason: input.reason.trim(),
        };
        const updated = await write(ctx, { module: MODULE, regionPath: record.regionPath }, (w) =>
          appendVersion(w, ctx, record, change, signer),
        );
        return { record: updated };
      },
    }),
  }));
}
