// 修改活动 updateVolunteerActivity: the organisers edit an activity while it is DRAFT or RECRUITING.
// Fields left out stay as they are; the same input rules as createVolunteerActivity apply.
//
// One conditional UPDATE carries every rule that a concurrent request could break:
//   WHERE status IN (DRAFT, RECRUITING)
//     AND enrolledCount <= newCapacity                     -- capacity never below the places taken
//     AND (status = DRAFT OR startsAt > now)               -- times of a RECRUITING activity only before it starts
//     AND startsAt = <as read> AND endsAt = <as read>      -- the time window we validated is still the one stored
// A sign-up is the conditional `enrolledCount = enrolledCount + 1 WHERE enrolledCount < capacity`: both
// row-lock the activity, so whichever comes second re-checks against what the first one committed.
import {
  ACTORS,
  AppError,
  Checks,
  conflict,
  forbidden,
  invalidTransition,
  managesPeopleAt,
  notFound,
  parseOptionalId,
  payloadType,
  type Builder,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import { organisedActivity } from './activity-mutations.js';
import type { Enums } from './enums.js';
import { ledTeamIds } from './loaders.js';
import { MODULE } from './shared.js';

type ActivityRow = Prisma.VolunteerActivityGetPayload<object>;

const EDITABLE: ActivityRow['status'][] = ['DRAFT', 'RECRUITING'];
const MAX_DAYS = 31;
const CLEAR_ERROR = '不能清空 (cannot be cleared: leave the field out to keep it)';

const json = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

export function registerActivityUpdate(builder: Builder, enums: Enums) {
  const Input = builder.inputType('UpdateVolunteerActivityInput', {
    description: '修改活动: only the fields given change; description and teamId may be set to null to clear them',
    fields: (t) => ({
      activityId: t.id({ required: true }),
      title: t.string({ required: false }),
      category: t.field({ type: enums.ActivityCategory, required: false }),
      place: t.string({ required: false }),
      startsAt: t.field({
        type: 'DateTime',
        required: false,
        description: '开始时间 (of a RECRUITING activity: only before it starts)',
      }),
      endsAt: t.field({ type: 'DateTime', required: false, description: '结束时间' }),
      capacity: t.field({
        type: 'PositiveInt',
        required: false,
        description: '招募人数 (1–10000, not below the places already taken)',
      }),
      description: t.string({ required: false, description: '活动内容 (null clears it)' }),
      teamId: t.id({ required: false, description: '组织队伍 (null removes the team)' }),
    }),
  });

  builder.mutationField('updateVolunteerActivity', (t) =>
    t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerActivity', id: 'input.activityId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
      description:
        '修改活动 edit a DRAFT or RECRUITING activity (organisers): ' +
        'capacity not below the places taken (LIMIT_EXCEEDED), ' +
        'times of a recruiting activity only before it starts',
      type: payloadType(builder, 'UpdateVolunteerActivityPayload', 'activity', 'VolunteerActivity'),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const fields = [
          'title',
          'category',
          'place',
          'startsAt',
          'endsAt',
          'capacity',
          'description',
          'teamId',
        ] as const;
        const checks = new Checks().check(
          fields.some((f) => input[f] !== undefined),
          'input',
          '请至少修改一项 (nothing to change)',
        );
        if (input.title !== undefined) checks.text(input.title, 'input.title', { max: 100 });
        if (input.place !== undefined) checks.text(input.place, 'input.place', { max: 200 });
        if (input.description !== undefined)
          checks.text(input.description, 'input.description', { max: 2000, required: false });
        for (const f of ['category', 'startsAt', 'endsAt', 'capacity'] as const)
          checks.check(input[f] !== null, `input.${f}`, CLEAR_ERROR);
        if (input.capacity != null) checks.check(input.capacity <= 10_000, 'input.capacity', '最多 10000 人');
        checks.throwIfAny();

        const activity = await organisedActivity(ctx, input.activityId);
        if (!EDITABLE.includes(activity.status))
          throw invalidTransition(`只有草稿或招募中的活动可以修改 (not editable while ${activity.status})`);

        const startsAt = input.startsAt ?? activity.startsAt;
        const endsAt = input.endsAt ?? activity.endsAt;
        const timesChange =
          startsAt.getTime() !== activity.startsAt.getTime() || endsAt.getTime() !== activity.endsAt.getTime();
        if (timesChange) {
          if (activity.status === 'RECRUITING' && activity.startsAt <= now) {
            throw new AppError(
              'PRECONDITION_FAILED',
              '活动已到开始时间，不能再改时间 (the activity has reached its start: times are fixed)',
            );
          }
          new Checks()
            .check(startsAt > now, 'input.startsAt', '开始时间应在将来 (must be in the future)')
            .check(endsAt > startsAt, 'input.endsAt', '结束时间应晚于开始时间 (after the start)')
            .check(
              endsAt.getTime() - startsAt.getTime() <= MAX_DAYS * 86_400_000,
              'input.endsAt',
              `活动最长 ${MAX_DAYS} 天 (at most ${MAX_DAYS} days)`,
            )
            .throwIfAny();
        }
        if (input.capacity != null && input.capacity < activity.enrolledCount) {
          throw new AppError(
            'LIMIT_EXCEEDED',
            `已有 ${activity.enrolledCount} 人报名，招募人数不能少于此数 (capacity below the places taken)`,
            {
              capacity: input.capacity,
              enrolledCount: activity.enrolledCount,
            },
          );
        }

        // the team: same rule as on creation (its community or township contains the activity's community;
        // a changed team needs a worker of the community or a leader of the new team)
        let teamId = activity.teamId;
        if (input.teamId !== undefined) {
          teamId = parseOptionalId(input.teamId == null ? null : String(input.teamId), 'VolunteerTeam', 'input.teamId');
          if (teamId && teamId !== activity.teamId) {
            const team = await ctx.prisma.volunteerTeam.findUnique({ where: { id: teamId } });
            if (!team) throw notFound('志愿服务队 team');
            if (!activity.regionPath.startsWith(team.regionPath))
              throw new AppError('VALIDATION', '该队不属于活动所在社区或乡镇 (the team belongs elsewhere)', {
                path: 'input.teamId',
              });
          }
          if (
            teamId !== activity.teamId &&
            !managesPeopleAt(ctx.viewer, activity.regionPath) &&
            !(teamId && (await ledTeamIds(ctx)).has(teamId))
          ) {
            throw forbidden(
              '更换组织队伍须为该社区工作人员或新队队长 (workers of the community or leaders of the new team)',
            );
          }
        }

        const data: Prisma.VolunteerActivityUncheckedUpdateManyInput = {};
        if (input.title != null) data.title = input.title.trim();
        if (input.category != null) data.category = input.category;
        if (input.place != null) data.place = input.place.trim();
        if (input.description !== undefined) data.description = input.description?.trim() || null;
        if (input.capacity != null) data.capacity = input.capacity;
        if (timesChange) Object.assign(data, { startsAt, endsAt });
        if (teamId !== activity.teamId) data.teamId = teamId;
        const changes = Object.fromEntries(
          Object.entries(data)
            .filter(([k, v]) => json(v) !== json(activity[k as keyof ActivityRow]))
            .map(([k, v]) => [k, { from: json(activity[k as keyof ActivityRow]), to: json(v) }]),
        );

        const where: Prisma.VolunteerActivityWhereInput = {
          AND: [
            { id: activity.id, status: { in: EDITABLE } },
            input.capacity != null ? { enrolledCount: { lte: input.capacity } } : {},
            timesChange
              ? {
                  startsAt: activity.startsAt,
                  endsAt: activity.endsAt,
                  OR: [{ status: 'DRAFT' }, { startsAt: { gt: now } }],
                }
              : {},
          ],
        };
        const updated = await write(ctx, { module: MODULE, regionPath: activity.regionPath }, async (w) => {
          const { count } = await w.tx.volunteerActivity.updateMany({ where, data });
          if (count === 0) await explainRefusal(w.tx, activity, { capacity: input.capacity ?? null, timesChange, now });
          await w.audit({
            action: 'activity.update',
            entityType: 'VolunteerActivity',
            entityId: activity.id,
            regionPath: activity.regionPath,
            data: { status: activity.status, changes },
          });
          // 实时推送/通知: the same event a status move publishes (modules/volunteering/live.ts)
          const move = { id: activity.id, entity: 'VolunteerActivity', from: activity.status, to: activity.status };
          await w.publish({
            type: 'volunteering.volunteerActivityChanged',
            payload: { ...move, action: 'activity.update' },
          });
          return w.tx.volunteerActivity.findUniqueOrThrow({ where: { id: activity.id } });
        });
        return { activity: updated };
      },
    }),
  );
}

/**
 * The conditional update matched nothing: say which rule a concurrent change broke (always throws). A move
 * out of DRAFT / RECRUITING since the read is a lost race like any other: CONFLICT.
 */
async function explainRefusal(
  tx: Prisma.TransactionClient,
  before: ActivityRow,
  { capacity, timesChange, now }: { capacity: number | null; timesChange: boolean; now: Date },
): Promise<never> {
  const fresh = await tx.volunteerActivity.findUniqueOrThrow({ where: { id: before.id } });
  if (!EDITABLE.includes(fresh.status))
    throw conflict(`只有草稿或招募中的活动可以修改 (not editable while ${fresh.status})`);
  if (capacity != null && fresh.enrolledCount > capacity) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `已有 ${fresh.enrolledCount} 人报名，招募人数不能少于此数 (capacity below the places taken)`,
      { capacity, enrolledCount: fresh.enrolledCount },
    );
  }
  if (timesChange && fresh.status === 'RECRUITING' && fresh.startsAt <= now) {
    throw new AppError(
      'PRECONDITION_FAILED',
      '活动已到开始时间，不能再改时间 (the activity has reached its start: times are fixed)',
    );
  }
  throw conflict('活动时间已被他人修改，请刷新后重试 (the times were changed meanwhile: reload and retry)');
}
