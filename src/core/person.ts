import { containsText } from '../input/like.js';
import { birthDateProblem, PARTY_FOUNDED, pastDayProblem } from '../input/dates.js';
import type { Builder } from '../builder.js';
import { maskAddress, maskIdNumber, maskPhone } from '../auth/mask.js';
import { managesPeopleAt, managesPerson, readsWithinScope, within } from '../auth/viewer.js';
import type { Context } from '../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { AppError, Checks, forbidden, isUniqueViolation, notFound } from '../errors.js';
import { payloadType } from './errors-graph.js';
import { parseId, parseOptionalId } from './lookup.js';
import { describedValues } from './enums.js';
import { guardNode } from './node-guards.js';
import { scopeFromFilter, viewerScope } from './scope.js';
import { MANAGERS, PARTY_WORKERS, READERS } from '../auth/policy.js';
import { canSeePerson, contactDetail, linkedPeople, personName, sensitiveFact } from './privacy.js';
import { countRows } from './row-counts.js';

export { canSeePerson };

const PERSON_TAGS = {
  LIVING_ALONE: '独居 living alone',
  EMPTY_NEST: '空巢 empty-nest',
  LEFT_BEHIND: '留守 left-behind',
  HARDSHIP: '困难 hardship',
  DISABLED: '残疾 disability',
  ELDERLY: '高龄 aged 80+',
};

export function registerPeople(builder: Builder) {
  const Gender = builder.enumType('Gender', {
    description: '性别',
    values: { MALE: { description: '男' }, FEMALE: { description: '女' }, UNKNOWN: { description: '未知' } } as const,
  });
  const PersonTag = builder.enumType('PersonTag', {
    description: '居民标签',
    values: describedValues(PERSON_TAGS),
  });

  builder.prismaNode('Person', {
    description: '居民 a person: resident, party member or worker',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.string({
        description: '姓名 (surname only unless it is you or you manage this person)',
        resolve: (p, _a, ctx) => personName(ctx, p),
      }),
      gender: t.expose('gender', { type: Gender }),
      ethnicity: t.string({
        nullable: true,
        description: '民族 (sensitive: self and managers only, read audited)',
        resolve: (p, _a, ctx) => sensitiveFact(ctx, p, 'ethnicity', p.ethnicity),
      }),
      birthDate: t.field({
        type: 'Date',
        nullable: true,
        description: '出生日期 (managers only)',
        resolve: (p, _a, ctx) => (managesPerson(ctx.viewer, p) ? p.birthDate : null),
      }),
      phone: t.string({
        nullable: true,
        description: '电话 (masked for department staff on their cases, else null, unless you manage this person)',
        resolve: (p, _a, ctx) => contactDetail(ctx, p, p.phone, maskPhone),
      }),
      idNumber: t.string({
        nullable: true,
        description: '身份证号 (masked for department staff on their cases, else null, unless you manage this person)',
        resolve: (p, _a, ctx) => contactDetail(ctx, p, p.idNumber, maskIdNumber),
      }),
      address: t.string({
        nullable: true,
        description: '住址 (masked for department staff on their cases, else null, unless you manage this person)',
        resolve: (p, _a, ctx) => contactDetail(ctx, p, p.address, maskAddress),
      }),
      piiMasked: t.boolean({
        description: '个人信息是否已脱敏 whether name, phone, id number and address are masked or hidden for you',
        resolve: (p, _a, ctx) => !managesPerson(ctx.viewer, p),
      }),
      tags: t.field({
        type: [PersonTag],
        nullable: true,
        description: '标签 (sensitive: self and managers only, read audited; null for everyone else)',
        resolve: (p, _a, ctx) =>
          managesPerson(ctx.viewer, p) ? (p.tags.length ? sensitiveFact(ctx, p, 'tags', p.tags) : []) : null,
      }),
      homeCommunity: t.relation('homeCommunity', { nullable: true, description: '居住社区' }),
      partyMember: t.exposeBoolean('partyMember', { description: '是否党员' }),
      partyJoinedAt: t.field({
        type: 'Date',
        nullable: true,
        description: '入党日期',
        resolve: (p) => p.partyJoinedAt,
      }),
      workOrganization: t.relation('workOrganization', { nullable: true, description: '工作单位' }),
      registeredCommunity: t.relation('registeredCommunity', { nullable: true, description: '在职党员报到社区' }),
      registeredAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '报到时间',
        resolve: (p) => p.registeredAt,
      }),
      serviceCommitments: t.exposeStringList('serviceCommitments', { description: '服务承诺' }),
    }),
  });
  guardNode(builder, 'Person', (p, ctx) => canSeePerson(ctx, p));

  const PeopleFilter = builder.inputType('PeopleFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: people living under it' }),
      search: t.string({ required: false, description: '姓名包含 name contains' }),
      partyMember: t.boolean({ required: false }),
      tag: t.field({ type: PersonTag, required: false }),
    }),
  });

  async function peopleWhere(
    ctx: Context,
    filter:
      | { regionId?: string | number | null; search?: string | null; partyMember?: boolean | null; tag?: string | null }
      | null
      | undefined,
  ): Promise<Prisma.PersonWhereInput> {
    const viewer = ctx.viewer;
    if (!readsWithinScope(viewer)) throw forbidden('无权查看居民列表 (your role cannot list people)');
    const scope = await scopeFromFilter(ctx, filter?.regionId, {
      base: viewerScope(ctx),
      allowed: (p) => within(viewer, p),
    });
    const search = filter?.search?.trim();
    // a name search or a tag filter would tell who someone is or that they are disabled, poor …: managers only
    if ((search || filter?.tag) && !managesPeopleAt(viewer, scope)) {
      throw forbidden(
        '按姓名或标签筛选仅限管理本辖区居民者 (name and tag filters are for those who manage these people)',
      );
    }
    const linked = viewer.role === 'DEPARTMENT_STAFF' ? { id: { in: [...(await linkedPeople(ctx))] } } : {};
    return {
      ...linked,
      homePath: { startsWith: scope },
      ...(filter?.partyMember != null ? { partyMember: filter.partyMember } : {}),
      ...(filter?.tag ? { tags: { has: filter.tag as never } } : {}),
      ...(search ? { name: containsText(search) } : {}),
    };
  }

  builder.queryFields((t) => ({
    people: t.prismaConnection({
      subGraphs: ['core'],
      policy: { roles: READERS, scope: { region: 'filter.regionId' } },
      description:
        '居民列表 within your area (workers and admins; analysts masked; department staff: people of their cases, masked)',
      type: 'Person',
      cursor: 'id',
      args: { filter: t.arg({ type: PeopleFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.person.findMany({
          ...query,
          where: await peopleWhere(ctx, args.filter),
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'Person', await peopleWhere(ctx, args.filter)),
    }),
    person: t.prismaField({
      subGraphs: ['core'],
      policy: { roles: 'LOGGED_IN', scope: { record: 'Person', id: 'id' } },
      type: 'Person',
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _r, args, ctx) => {
        const person = await ctx.prisma.person.findUnique({
          ...query,
          where: { id: parseId(String(args.id), 'Person') },
        });
        return person && (await canSeePerson(ctx, person)) ? person : null;
      },
    }),
  }));

  const PersonInput = builder.inputType('PersonInput', {
    description: '居民信息',
    fields: (t) => ({
      name: t.string({ required: true }),
      gender: t.field({ type: Gender, required: false }),
      ethnicity: t.string({ required: false }),
      birthDate: t.field({ type: 'Date', required: false }),
      phone: t.string({ required: false }),
      idNumber: t.string({ required: false, description: '18 位身份证号 (checksum verified)' }),
      address: t.string({ required: false }),
      homeCommunityId: t.id({ required: true, description: '居住社区' }),
      tags: t.field({ type: [PersonTag], required: false }),
      partyMember: t.boolean({ required: false }),
      partyJoinedAt: t.field({ type: 'Date', required: false }),
      workOrganizationId: t.id({ required: false }),
    }),
  });
  const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
    fields: (t) => ({ personId: t.id({ required: true }), person: t.field({ type: PersonInput, required: true }) }),
  });
  const RegisterAtCommunityInput = builder.inputType('RegisterAtCommunityInput', {
    description: '在职党员到社区报到',
    fields: (t) => ({
      personId: t.id({ required: true }),
      communityId: t.id({ required: true }),
      commitments: t.stringList({
        required: false,
        description: '服务承诺 service commitments, e.g. 每月参加一次志愿服务',
      }),
    }),
  });

  type PersonInputShape = typeof PersonInput.$inferInput;

  async function personData(ctx: Context, input: PersonInputShape) {
    const phone = input.phone?.trim() || null;
    const idNumber = input.idNumber?.trim().toUpperCase() || null;
    const now = ctx.clock.now();
    const birthProblem = birthDateProblem(input.birthDate, now);
    const joinedProblem =
      pastDayProblem(input.partyJoinedAt, now, PARTY_FOUNDED) ??
      (input.birthDate && input.partyJoinedAt && input.partyJoinedAt <= input.birthDate
        ? '应晚于出生日期 (after birth)'
        : null);
    new Checks()
      .text(input.name, 'input.name', { max: 40 })
      .check(!birthProblem, 'input.birthDate', birthProblem!)
      .check(!joinedProblem, 'input.partyJoinedAt', joinedProblem!)
      .check(
        !phone || /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone),
        'input.phone',
        '电话格式不正确 (11-digit mobile or landline)',
      )
      .check(
        !idNumber || validIdNumber(idNumber),
        'input.idNumber',
        '身份证号无效 (18 characters with a valid check digit)',
      )
      .text(input.address, 'input.address', { max: 200, required: false })
      .check(
        !input.partyJoinedAt || input.partyMember,
        'input.partyJoinedAt',
        '非党员不能有入党日期 (only for party members)',
      )
      .throwIfAny();
    const communityId = parseId(String(input.homeCommunityId), 'Region', 'input.homeCommunityId');
    const community = await ctx.prisma.region.findUnique({ where: { id: communityId } });
    if (community?.level !== 'COMMUNITY')
      throw new AppError('VALIDATION', 'homeCommunityId 应为社区/村 (must be a community)');
    if (!managesPeopleAt(ctx.viewer, community.path))
      throw forbidden('只能登记本辖区居民 (people of your own area only)');
    const workOrganizationId = parseOptionalId(
      input.workOrganizationId == null ? null : String(input.workOrganizationId),
      'Organization',
      'input.workOrganizationId',
    );
    if (workOrganizationId && !(await ctx.prisma.organization.findUnique({ where: { id: workOrganizationId } })))
      throw notFound('工作单位 organization');
    return {
      name: input.name.trim(),
      gender: (input.gender ?? 'UNKNOWN') as 'UNKNOWN',
      ethnicity: input.ethnicity?.trim() || null,
      birthDate: input.birthDate ?? null,
      phone,
      idNumber,
      address: input.address?.trim() || null,
      homeCommunityId: community.id,
      homePath: community.path,
      tags: [...new Set(input.tags ?? [])] as never[],
      partyMember: input.partyMember ?? false,
      partyJoinedAt: input.partyJoinedAt ?? null,
      workOrganizationId,
    };
  }

  const CreatePersonPayload = payloadType(builder, 'CreatePersonPayload', 'person', 'Person');
  const UpdatePersonPayload = payloadType(builder, 'UpdatePersonPayload', 'person', 'Person');
  const RegisterPayload = payloadType(builder, 'RegisterAtCommunityPayload', 'person', 'Person');

  const saveUnique = async <T>(fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', '身份证号已登记 (id number already registered)');
      throw e;
    }
  };

  builder.mutationFields((t) => ({
    createPerson: t.field({
      subGraphs: ['core'],
      policy: { roles: MANAGERS, scope: { region: 'input.homeCommunityId' } },
      description: '登记居民 (admins and community workers of that community)',
      type: CreatePersonPayload,
      errors: {},
      args: { input: t.arg({ type: PersonInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const data = await personData(ctx, input);
        const person = await saveUnique(() =>
          ctx.prisma.$transaction(async (tx) => {
            const created = await tx.person.create({ data });
            await ctx.audit(tx, {
              action: 'person.create',
              entityType: 'Person',
              entityId: created.id,
              regionPath: created.homePath,
            });
            return created;
          }),
        );
        return { person };
      },
    }),
    updatePerson: t.field({
      subGraphs: ['core'],
      policy: {
        roles: MANAGERS,
        scope: [{ record: 'Person', id: 'input.personId' }, { region: 'input.person.homeCommunityId' }],
      },
      description: '修改居民信息 (those who manage the person, in their old and new community)',
      type: UpdatePersonPayload,
      errors: {},
      args: { input: t.arg({ type: UpdatePersonInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const id = parseId(String(input.personId), 'Person', 'input.personId');
        const existing = await ctx.prisma.person.findUnique({ where: { id } });
        if (!existing || !(await canSeePerson(ctx, existing))) throw notFound('居民 person');
        if (!managesPeopleAt(ctx.viewer, existing.homePath))
          throw forbidden('只能修改本辖区居民 (people of your own area only)');
        const data = await personData(ctx, input.person);
        const person = await saveUnique(() =>
          ctx.prisma.$transaction(async (tx) => {
            const updated = await tx.person.update({ where: { id }, data });
            const changed = Object.keys(data).filter(
              (k) =>
                JSON.stringify((existing as Record<string, unknown>)[k]) !==
                JSON.stringify((data as Record<string, unknown>)[k]),
            );
            await ctx.audit(tx, {
              action: 'person.update',
              entityType: 'Person',
              entityId: id,
              regionPath: updated.homePath,
              data: { changed },
            });
            return updated;
          }),
        );
        return { person };
      },
    }),
    registerAtCommunity: t.field({
      subGraphs: ['core'],
      policy: {
        roles: PARTY_WORKERS,
        scope: { region: 'input.communityId' },
        relation: 'a party member registers themself only',
      },
      description:
        '在职党员到社区报到: a party member registers to serve where they live (the member, or a worker of that community)',
      type: RegisterPayload,
      errors: {},
      args: { input: t.arg({ type: RegisterAtCommunityInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const id = parseId(String(input.personId), 'Person', 'input.personId');
        const communityId = parseId(String(input.communityId), 'Region', 'input.communityId');
        const [person, community] = await Promise.all([
          ctx.prisma.person.findUnique({ where: { id } }),
          ctx.prisma.region.findUnique({ where: { id: communityId } }),
        ]);
        if (!person || !(await canSeePerson(ctx, person))) throw notFound('居民 person');
        if (community?.level !== 'COMMUNITY')
          throw new AppError('VALIDATION', 'communityId 应为社区/村 (must be a community)');
        if (ctx.viewer!.personId !== person.id && !managesPeopleAt(ctx.viewer, community.path)) {
          throw forbidden('本人或该社区工作人员办理 (the member themself or a worker of that community)');
        }
        if (!person.partyMember) throw new AppError('PRECONDITION_FAILED', '只有党员可以报到 (party members only)');
        const commitments = (input.commitments ?? []).map((c) => c.trim()).filter(Boolean);
        new Checks()
          .check(
            commitments.length <= 10 && commitments.every((c) => c.length <= 200),
            'input.commitments',
            '最多 10 条，每条 200 字以内 (at most 10, 200 characters each)',
          )
          .throwIfAny();
        const updated = await ctx.prisma.$transaction(async (tx) => {
          const p = await tx.person.update({
            where: { id },
            data: {
              registeredCommunityId: community.id,
              registeredAt: ctx.clock.now(),
              serviceCommitments: commitments,
            },
          });
          await ctx.audit(tx, {
            action: 'person.registerAtCommunity',
            entityType: 'Person',
            entityId: id,
            regionPath: community.path,
          });
          return p;
        });
        return { person: updated };
      },
    }),
  }));
}

/** GB 11643 citizen id: 17 digits and an ISO 7064 MOD 11-2 check character */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}
