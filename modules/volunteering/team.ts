// 志愿服务队 teams (党员, 青年, 巾帼, 安全隐患排查 …) with leaders and members.
import {
  ACTORS,
  AppError,
  Checks,
  conflict,
  containsText,
  countRows,
  forbidden,
  guardNode,
  isUniqueViolation,
  MANAGERS,
  managesPeopleAt,
  managesPerson,
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
import { ledTeamIds, loaders } from './loaders.js';
import { displayName, listScope, MODULE, regionArg } from './shared.js';

export function registerTeams(builder: Builder, enums: Enums) {
  builder.prismaNode('VolunteerTeam', {
    description:
      '志愿服务队 a volunteer team of a community or township ' +
      '(public: names of teams are not personal information)',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '队名' }),
      kind: t.expose('kind', { type: enums.TeamKind }),
      description: t.exposeString('description', { nullable: true, description: '简介' }),
      region: t.prismaField({
        type: 'Region',
        description: '所属社区或乡镇',
        resolve: async (_q, team, _a, ctx) => (await loaders.region(ctx).load(team.regionId))!,
      }),
      organization: t.prismaField({
        type: 'Organization',
        nullable: true,
        description: '依托单位 sponsoring organisation',
        resolve: (_q, team, _a, ctx) =>
          team.organizationId ? loaders.organization(ctx).load(team.organizationId) : null,
      }),
      memberCount: t.relationCount('members', { description: '队员人数' }),
      members: t.relation('members', {
        maxItems: 200,
        description: '队长与队员 leaders first',
        query: { take: 200, orderBy: [{ role: 'asc' }, { joinedAt: 'asc' }, { id: 'asc' }] },
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (team) => team.createdAt }),
    }),
  });
  guardNode(builder, 'VolunteerTeam', async (team, ctx) => {
    await ctx.gate.assertEnabled(MODULE, team.regionPath);
    return true;
  });

  builder.prismaObject('VolunteerTeamMember', {
    description: '队员 a volunteer in a team',
    fields: (t) => ({
      role: t.expose('role', { type: enums.TeamRole }),
      joinedAt: t.field({ type: 'DateTime', description: '入队时间', resolve: (m) => m.joinedAt }),
      team: t.relation('team'),
      name: t.string({
        description: '姓名 (masked unless it is you or you manage the person)',
        resolve: async (m, _a, ctx) => {
          const p = await loaders.person(ctx).load(m.personId);
          return p ? displayName(p.name, managesPerson(ctx.viewer, p)) : '*';
        },
      }),
      person: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '居民 (only for those who see the full name)',
        resolve: async (_q, m, _a, ctx) => {
          const p = await loaders.person(ctx).load(m.personId);
          return p && (managesPerson(ctx.viewer, p) || managesPeopleAt(ctx.viewer, m.regionPath)) ? p : null;
        },
      }),
    }),
  });

  const TeamFilter = builder.inputType('VolunteerTeamFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: teams of it and below' }),
      kind: t.field({ type: enums.TeamKind, required: false }),
      search: t.string({ required: false, description: '队名包含' }),
    }),
  });
  const teamWhere = async (
    ctx: Context,
    f: typeof TeamFilter.$inferInput | null | undefined,
  ): Promise<Prisma.VolunteerTeamWhereInput> => {
    const readable = await listScope(ctx, f?.regionId);
    const search = f?.search?.trim();
    return {
      AND: [readable, f?.kind ? { kind: f.kind } : {}, search ? { name: containsText(search) } : {}],
    };
  };

  builder.queryField('volunteerTeams', (t) =>
    t.prismaConnection({
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '志愿服务队列表 (default: your area)',
      type: 'VolunteerTeam',
      cursor: 'id',
      args: { filter: t.arg({ type: TeamFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.volunteerTeam.findMany({
          ...query,
          where: await teamWhere(ctx, args.filter),
          orderBy: [{ regionPath: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'VolunteerTeam', await teamWhere(ctx, args.filter)),
    }),
  );

  const CreateTeamInput = builder.inputType('CreateVolunteerTeamInput', {
    fields: (t) => ({
      regionId: t.id({ required: true, description: '所属社区或乡镇 community or township' }),
      name: t.string({ required: true }),
      kind: t.field({ type: enums.TeamKind, required: true }),
      organizationId: t.id({ required: false, description: '依托单位' }),
      description: t.string({ required: false }),
    }),
  });
  const MemberInput = builder.inputType('AddVolunteerTeamMemberInput', {
    fields: (t) => ({
      teamId: t.id({ required: true }),
      personId: t.id({ required: true, description: '已注册的志愿者 a registered volunteer' }),
      role: t.field({ type: enums.TeamRole, required: false, description: 'default MEMBER' }),
    }),
  });
  const RemoveInput = builder.inputType('RemoveVolunteerTeamMemberInput', {
    fields: (t) => ({ teamId: t.id({ required: true }), personId: t.id({ required: true }) }),
  });

  /** workers and admins over the team's region, or its leaders */
  const teamFor = async (ctx: Context, teamGlobalId: string | number) => {
    const team = await ctx.prisma.volunteerTeam.findUnique({
      where: { id: parseId(String(teamGlobalId), 'VolunteerTeam', 'input.teamId') },
    });
    if (!team) throw notFound('志愿服务队 team');
    await ctx.gate.assertEnabled(MODULE, team.regionPath);
    if (!managesPeopleAt(ctx.viewer, team.regionPath) && !(await ledTeamIds(ctx)).has(team.id)) {
      throw forbidden('该队队长或所在社区/乡镇工作人员办理 (team leaders, workers and admins of its area)');
    }
    return team;
  };

  builder.mutationFields((t) => ({
    createVolunteerTeam: t.field({
      policy: { roles: MANAGERS, scope: { region: 'input.regionId' } },
      description: '成立志愿服务队 (workers and admins of the community or township)',
      type: payloadType(builder, 'CreateVolunteerTeamPayload', 'team', 'VolunteerTeam'),
      errors: {},
      args: { input: t.arg({ type: CreateTeamInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.name, 'input.name', { max: 60 })
          .text(input.description, 'input.description', { max: 1000, required: false })
          .throwIfAny();
        const region = (await regionArg(ctx, input.regionId, 'input.regionId'))!;
        if (region.level !== 'COMMUNITY' && region.level !== 'TOWNSHIP')
          throw new AppError('VALIDATION', 'regionId 应为社区/村或乡镇街道 (community or township)');
        if (!managesPeopleAt(ctx.viewer, region.path)) throw forbidden('只能在本辖区成立 (inside your area only)');
        const organizationId = parseOptionalId(
          input.organizationId == null ? null : String(input.organizationId),
          'Organization',
          'input.organizationId',
        );
        if (organizationId && !(await ctx.prisma.organization.findUnique({ where: { id: organizationId } })))
          throw notFound('依托单位 organization');
        try {
          const team = await write(ctx, { module: MODULE, regionPath: region.path }, async (w) => {
            const created = await w.tx.volunteerTeam.create({
              data: {
                regionId: region.id,
                regionPath: region.path,
                name: input.name.trim(),
                kind: input.kind,
                organizationId,
                description: input.description?.trim() || null,
                createdById: ctx.viewer!.accountId,
              },
            });
            await w.audit({
              action: 'team.create',
              entityType: 'VolunteerTeam',
              entityId: created.id,
              regionPath: region.path,
              data: { name: created.name, kind: created.kind },
            });
            return created;
          });
          return { team };
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict('同名队伍已存在 (a team with that name exists there)');
          throw e;
        }
      },
    }),
    addVolunteerTeamMember: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerTeam', id: 'input.teamId', resolver: true },
        relation: 'workers of the area, or the team leaders',
      },
      description: '加入志愿服务队 (team leaders, workers and admins of its area)',
      type: payloadType(builder, 'AddVolunteerTeamMemberPayload', 'member', 'VolunteerTeamMember'),
      errors: {},
      args: { input: t.arg({ type: MemberInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const team = await teamFor(ctx, input.teamId);
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        const volunteer = await ctx.prisma.volunteer.findUnique({ where: { personId } });
        if (!volunteer) throw new AppError('PRECONDITION_FAILED', '此人尚未注册志愿者 (not a registered volunteer)');
        try {
          const member = await write(ctx, { module: MODULE, regionPath: team.regionPath }, async (w) => {
            const m = await w.tx.volunteerTeamMember.create({
              data: {
                teamId: team.id,
                volunteerId: volunteer.id,
                personId,
                role: input.role ?? 'MEMBER',
                regionId: team.regionId,
                regionPath: team.regionPath,
                joinedAt: w.now,
              },
            });
            await w.audit({
              action: 'team.addMember',
              entityType: 'VolunteerTeam',
              entityId: team.id,
              regionPath: team.regionPath,
              data: { volunteerId: volunteer.id, role: m.role },
            });
            return m;
          });
          return { member };
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict('已是该队队员 (already in the team)');
          throw e;
        }
      },
    }),
    removeVolunteerTeamMember: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerTeam', id: 'input.teamId', resolver: true },
        relation: 'workers of the area, or the team leaders',
      },
      description: '退出志愿服务队 (team leaders, workers and admins of its area)',
      type: payloadType(builder, 'RemoveVolunteerTeamMemberPayload', 'team', 'VolunteerTeam'),
      errors: {},
      args: { input: t.arg({ type: RemoveInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const team = await teamFor(ctx, input.teamId);
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        await write(ctx, { module: MODULE, regionPath: team.regionPath }, async (w) => {
          const removed = await w.tx.volunteerTeamMember.deleteMany({ where: { teamId: team.id, personId } });
          if (removed.count === 0) throw notFound('队员 member');
          await w.audit({
            action: 'team.removeMember',
            entityType: 'VolunteerTeam',
            entityId: team.id,
            regionPath: team.regionPath,
            data: { personId },
          });
        });
        return { team };
      },
    }),
  }));
}
