// 创建活动 createVolunteerActivity (a DRAFT), and organisedActivity, the lookup every organiser mutation of an
// activity starts with. The moves after creation are in activity-transitions.ts.
import {
  ACTORS,
  AppError,
  Checks,
  forbidden,
  managesPeopleAt,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  type Builder,
  type Context,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import type { Enums } from './enums.js';
import { ledTeamIds } from './loaders.js';
import { canOrganize, communityArg, MODULE } from './shared.js';

type ActivityRow = Prisma.VolunteerActivityGetPayload<object>;

/** loads an activity the viewer organises, in a township where the module is on */
export async function organisedActivity(
  ctx: Context,
  globalId: string | number,
  path = 'input.activityId',
): Promise<ActivityRow> {
  const activity = await ctx.prisma.volunteerActivity.findUnique({
    where: { id: parseId(String(globalId), 'VolunteerActivity', path) },
  });
  if (!activity) throw notFound('志愿服务活动 activity');
  await ctx.gate.assertEnabled(MODULE, activity.regionPath);
  if (!(await canOrganize(ctx, activity))) {
    if (activity.status === 'DRAFT') throw notFound('志愿服务活动 activity');
    throw forbidden('只有组织方可以办理 (organisers only: workers of the community, the creator, team leaders)');
  }
  return activity;
}

/** 创建活动: a DRAFT of a community, by its workers or the leaders of the organising team */
export function registerActivityCreation(builder: Builder, enums: Enums) {
  const Payload = (name: string) => payloadType(builder, name, 'activity', 'VolunteerActivity');

  const CreateInput = builder.inputType('CreateVolunteerActivityInput', {
    fields: (t) => ({
      communityId: t.id({ required: true, description: '所在社区' }),
      teamId: t.id({
        required: false,
        description: '组织队伍 (its community or township must contain the activity’s community)',
      }),
      title: t.string({ required: true }),
      category: t.field({ type: enums.ActivityCategory, required: true }),
      place: t.string({ required: true }),
      startsAt: t.field({ type: 'DateTime', required: true }),
      endsAt: t.field({ type: 'DateTime', required: true }),
      capacity: t.field({ type: 'PositiveInt', required: true, description: '招募人数 (1–10000)' }),
      description: t.string({ required: false }),
      risky: t.boolean({
        required: false,
        description: '有风险 (e.g. work at height, water, traffic): insurance must be recorded before the start',
      }),
      organizationIds: t.idList({ required: false, description: '主办单位' }),
    }),
  });
  builder.mutationFields((t) => ({
    createVolunteerActivity: t.field({
      policy: {
        roles: ACTORS,
        scope: { region: 'input.communityId', resolver: true },
        relation: 'workers of the community, or the leaders of the team',
      },
      description: '创建志愿服务活动 (DRAFT): workers and admins of the community, or leaders of the team',
      type: Payload('CreateVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        new Checks()
          .text(input.title, 'input.title', { max: 100 })
          .text(input.place, 'input.place', { max: 200 })
          .text(input.description, 'input.description', { max: 2000, required: false })
          .check(input.capacity <= 10_000, 'input.capacity', '最多 10000 人')
          .check(input.startsAt > now, 'input.startsAt', '开始时间应在将来 (must be in the future)')
          .check(input.endsAt > input.startsAt, 'input.endsAt', '结束时间应晚于开始时间 (after the start)')
          .check(
            input.endsAt.getTime() - input.startsAt.getTime() <= 31 * 86_400_000,
            'input.endsAt',
            '活动最长 31 天 (at most 31 days)',
          )
          .check((input.organizationIds ?? []).length <= 10, 'input.organizationIds', '最多 10 个主办单位')
          .throwIfAny();
        const community = await communityArg(ctx, input.communityId, 'input.communityId');
        const teamId = parseOptionalId(
          input.teamId == null ? null : String(input.teamId),
          'VolunteerTeam',
          'input.teamId',
        );
        const team = teamId ? await ctx.prisma.volunteerTeam.findUnique({ where: { id: teamId } }) : null;
        if (teamId && !team) throw notFound('志愿服务队 team');
        if (team && !community.path.startsWith(team.regionPath))
          throw new AppError('VALIDATION', '该队不属于活动所在社区或乡镇 (the team belongs elsewhere)', {
            path: 'input.teamId',
          });
        if (!managesPeopleAt(ctx.viewer, community.path) && !(team && (await ledTeamIds(ctx)).has(team.id))) {
          throw forbidden('该社区工作人员或队长可以创建 (workers of the community or the team’s leaders)');
        }
        const organizationIds = [
          ...new Set(
            (input.organizationIds ?? []).map((id, i) =>
              parseId(String(id), 'Organization', `input.organizationIds.${i}`),
            ),
          ),
        ];
        if (
          organizationIds.length &&
          (await ctx.prisma.organization.count({ where: { id: { in: organizationIds } } })) !== organizationIds.length
        ) {
          throw notFound('主办单位 organization');
        }
        const activity = await write(ctx, { module: MODULE, regionPath: community.path }, async (w) => {
          const a = await w.tx.volunteerActivity.create({
            data: {
              communityId: community.id,
              regionPath: community.path,
              teamId: team?.id ?? null,
              organizationIds,
              title: input.title.trim(),
              category: input.category,
              place: input.place.trim(),
              description: input.description?.trim() || null,
              startsAt: input.startsAt,
              endsAt: input.endsAt,
              capacity: input.capacity,
              risky: input.risky ?? false,
              createdById: ctx.viewer!.accountId,
            },
          });
          await w.audit({
            action: 'activity.create',
            entityType: 'VolunteerActivity',
            entityId: a.id,
            regionPath: a.regionPath,
            data: { title: a.title },
          });
          return a;
        });
        return { activity };
      },
    }),
  }));
}
