// 志愿者: registration (age rules, consent), the Volunteer node, Person.volunteer and the volunteer list.
import {
  AppError,
  canSeePerson,
  Checks,
  conflict,
  countRows,
  forbidden,
  guardNode,
  isUniqueViolation,
  managesPeopleAt,
  managesPerson,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  readsWithinScope,
  SELF_OR_MANAGERS,
  within,
  type Builder,
  type Context,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import type { Enums } from './enums.js';
import { ageOn, DEFAULT_STAR_THRESHOLDS, starLevelOf } from './hours.js';
import { loaders } from './loaders.js';
import { displayName, listScope, MODULE, readsAt } from './shared.js';

type VolunteerRow = Prisma.VolunteerGetPayload<object>;

/** who may see a volunteer's profile: the person, those who manage them, readers of that area */
export const canSeeVolunteer = (ctx: Context, v: { personId: string; regionPath: string }) =>
  managesPerson(ctx.viewer, { id: v.personId, homePath: v.regionPath }) || readsAt(ctx.viewer, v.regionPath);

export const volunteerNumber = (seq: number) => `ZY${String(seq).padStart(8, '0')}`;

export function registerVolunteers(builder: Builder, enums: Enums) {
  builder.prismaNode('Volunteer', {
    description: '志愿者 a person registered as a volunteer (志愿服务条例)',
    id: { field: 'id' },
    fields: (t) => ({
      volunteerNumber: t.string({ description: '志愿者编号', resolve: (v) => volunteerNumber(v.seq) }),
      name: t.string({
        description: '姓名 (masked as 何** unless you manage this person)',
        resolve: async (v, _a, ctx) => {
          const p = await loaders.person(ctx).load(v.personId);
          return p ? displayName(p.name, managesPerson(ctx.viewer, p)) : '*';
        },
      }),
      person: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '居民 (only for the person and those who manage them, like the full name)',
        resolve: async (_q, v, _a, ctx) => {
          const p = await loaders.person(ctx).load(v.personId);
          return p && managesPerson(ctx.viewer, p) ? p : null;
        },
      }),
      community: t.prismaField({
        type: 'Region',
        description: '注册社区 home community at registration',
        resolve: async (_q, v, _a, ctx) => (await loaders.region(ctx).load(v.communityId))!,
      }),
      registeredAt: t.field({ type: 'DateTime', description: '注册时间', resolve: (v) => v.registeredAt }),
      skills: t.exposeStringList('skills', { description: '技能特长' }),
      availability: t.exposeString('availability', { nullable: true, description: '服务时间意向' }),
      recordConsentAt: t.field({
        type: 'DateTime',
        description: '同意记录志愿服务信息的时间 consent to record-keeping',
        resolve: (v) => v.recordConsentAt,
      }),
      guardianConsentRecorded: t.boolean({
        description: '已记录监护人同意 (volunteers aged 14–18)',
        resolve: (v) => !!v.guardianConsentAt,
      }),
      guardianName: t.string({
        nullable: true,
        description: '监护人 (only to those who manage the volunteer)',
        resolve: (v, _a, ctx) => (managesPeopleAt(ctx.viewer, v.regionPath) ? v.guardianName : null),
      }),
      totalHours: t.float({
        description: '累计志愿服务时长(小时) verified service hours, all time',
        resolve: async (v, _a, ctx) => (await loaders.totals(ctx).load(v.id)).total,
      }),
      hoursThisYear: t.float({
        description: '本年度志愿服务时长(小时) this calendar year (Beijing time)',
        resolve: async (v, _a, ctx) => (await loaders.totals(ctx).load(v.id)).year,
      }),
      starLevel: t.int({
        description:
          '星级 0–5 from cumulative hours and the township’s thresholds ' +
          '(setting starThresholds, default 100/300/600/1000/1500)',
        resolve: async (v, _a, ctx) => {
          const thresholds = await ctx.settings.get<number[]>(MODULE, 'starThresholds', v.regionPath);
          return starLevelOf((await loaders.totals(ctx).load(v.id)).total, thresholds ?? DEFAULT_STAR_THRESHOLDS);
        },
      }),
      records: t.relatedConnection('records', {
        description: '志愿服务记录 verified records, newest first',
        cursor: 'id',
        totalCount: true,
        args: { kind: t.arg({ type: enums.RecordKind, required: false }) },
        query: (args) => ({
          where: args.kind ? { kind: args.kind } : {},
          orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
        }),
      }),
      teams: t.relation('memberships', {
        maxItems: 50,
        description: '所在志愿服务队',
        query: { take: 50, orderBy: { joinedAt: 'asc' } },
      }),
      certificates: t.relation('certificates', {
        maxItems: 100,
        description: '已开具的志愿服务证明',
        query: { take: 100, orderBy: { issuedAt: 'desc' } },
      }),
    }),
  });
  guardNode(builder, 'Volunteer', async (v, ctx) => {
    if (!canSeeVolunteer(ctx, v)) return false;
    await ctx.gate.assertEnabled(MODULE, v.regionPath);
    return true;
  });

  builder.prismaObjectField('Person', 'volunteer', (t) =>
    t.prismaField({
      type: 'Volunteer',
      nullable: true,
      description: '志愿者档案 the volunteer profile (null when not registered or the module is off there)',
      resolve: async (_q, p, _a, ctx) => {
        const v = await loaders.volunteerByPerson(ctx).load(p.id);
        if (!v || !(await ctx.gate.isEnabledAt(MODULE, v.regionPath))) return null;
        return v;
      },
    }),
  );

  const VolunteerFilter = builder.inputType('VolunteerFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: volunteers registered under it' }),
      teamId: t.id({ required: false, description: '志愿服务队' }),
      search: t.string({ required: false, description: '技能包含 skill contains' }),
    }),
  });

  const volunteerWhere = async (
    ctx: Context,
    f: typeof VolunteerFilter.$inferInput | null | undefined,
  ): Promise<Prisma.VolunteerWhereInput> => {
    if (!readsWithinScope(ctx.viewer)) throw forbidden('无权查看志愿者名单 (workers, admins, staff and analysts)');
    const readable = await listScope(ctx, f?.regionId, { allowed: (path) => within(ctx.viewer!, path) });
    const teamId = parseOptionalId(f?.teamId == null ? null : String(f.teamId), 'VolunteerTeam', 'filter.teamId');
    const search = f?.search?.trim();
    return {
      AND: [readable, teamId ? { memberships: { some: { teamId } } } : {}, search ? { skills: { has: search } } : {}],
    };
  };

  builder.queryField('volunteers', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '志愿者名单 within your area (names masked unless you manage the person)',
      type: 'Volunteer',
      cursor: 'id',
      args: { filter: t.arg({ type: VolunteerFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.volunteer.findMany({
          ...query,
          where: await volunteerWhere(ctx, args.filter),
          orderBy: [{ registeredAt: 'desc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'Volunteer', await volunteerWhere(ctx, args.filter)),
    }),
  );

  const GuardianConsentInput = builder.inputType('GuardianConsentInput', {
    description: '监护人同意 (required for volunteers aged 14 to 18)',
    fields: (t) => ({
      guardianName: t.string({ required: true, description: '监护人姓名' }),
      relationship: t.string({ required: true, description: '与本人关系, e.g. 父亲, 母亲' }),
    }),
  });
  const RegisterVolunteerInput = builder.inputType('RegisterVolunteerInput', {
    fields: (t) => ({
      personId: t.id({ required: true, description: '居民 (yourself, or a resident you manage)' }),
      skills: t.stringList({ required: false, description: '技能特长, e.g. 急救, 法律, 电工' }),
      availability: t.string({ required: false, description: '服务时间意向, e.g. 周末' }),
      consentToRecords: t.boolean({ required: true, description: '同意记录志愿服务信息 (required)' }),
      guardianConsent: t.field({ type: GuardianConsentInput, required: false }),
    }),
  });

  builder.mutationField('registerVolunteer', (t) =>
    t.field({
      policy: {
        roles: SELF_OR_MANAGERS,
        scope: { record: 'Person', id: 'input.personId' },
        relation: 'a member or resident for themself only',
      },
      description:
        '注册志愿者: 18+ freely, 14–18 with a guardian’s consent recorded, under 14 refused ' +
        '(the person or a worker of their community)',
      type: payloadType<VolunteerRow>(builder, 'RegisterVolunteerPayload', 'volunteer', 'Volunteer'),
      errors: {},
      args: { input: t.arg({ type: RegisterVolunteerInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        const person = await ctx.prisma.person.findUnique({ where: { id: personId } });
        if (!person || !(await canSeePerson(ctx, person))) throw notFound('居民 person');
        if (ctx.viewer!.personId !== person.id && !managesPeopleAt(ctx.viewer, person.homePath)) {
          throw forbidden('本人或所在社区工作人员办理 (the person themself or a worker of their community)');
        }
        if (!person.homeCommunityId)
          throw new AppError('PRECONDITION_FAILED', '请先登记居住社区 (the person has no home community)');
        await ctx.gate.assertEnabled(MODULE, person.homePath);
        if (!person.birthDate)
          throw new AppError('PRECONDITION_FAILED', '请先登记出生日期 (birth date needed for the age rules)');
        const now = ctx.clock.now();
        const age = ageOn(person.birthDate, now);
        if (age < 14)
          throw new AppError('PRECONDITION_FAILED', `未满 14 周岁不能注册志愿者 (under 14: ${age})`, { age });
        const skills = [...new Set((input.skills ?? []).map((s) => s.trim()).filter(Boolean))];
        const minor = age < 18;
        const g = input.guardianConsent;
        new Checks()
          .check(
            input.consentToRecords,
            'input.consentToRecords',
            '须同意记录志愿服务信息 (consent to record-keeping is required)',
          )
          .check(
            skills.length <= 20 && skills.every((s) => s.length <= 30),
            'input.skills',
            '最多 20 项，每项 30 字以内',
          )
          .text(input.availability, 'input.availability', { max: 200, required: false })
          .check(
            !minor || !!g,
            'input.guardianConsent',
            '14–18 周岁须记录监护人同意 (guardian consent required for ages 14–18)',
          )
          .text(g?.guardianName, 'input.guardianConsent.guardianName', { max: 40, required: minor && !!g })
          .text(g?.relationship, 'input.guardianConsent.relationship', { max: 20, required: minor && !!g })
          .throwIfAny();
        try {
          const volunteer = await write(ctx, { module: MODULE, regionPath: person.homePath }, async (w) => {
            const v = await w.tx.volunteer.create({
              data: {
                personId: person.id,
                communityId: person.homeCommunityId!,
                regionPath: person.homePath,
                skills,
                availability: input.availability?.trim() || null,
                recordConsentAt: now,
                guardianName: minor ? g!.guardianName.trim() : null,
                guardianRelationship: minor ? g!.relationship.trim() : null,
                guardianConsentAt: minor ? now : null,
                registeredAt: now,
                registeredById: ctx.viewer!.accountId,
              },
            });
            await w.audit({
              action: 'register',
              entityType: 'Volunteer',
              entityId: v.id,
              regionPath: v.regionPath,
              data: { age, guardianConsent: minor },
            });
            return v;
          });
          return { volunteer };
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict('已注册为志愿者 (already registered)');
          throw e;
        }
      },
    }),
  );
}
