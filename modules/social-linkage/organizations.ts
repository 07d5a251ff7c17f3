// 社会组织: the SocialOrganization node, the `socialOrganizations` list and its lifecycle
// (备案 filing → active → suspended → deregistered; 登记 registration activates at once).
import {
  canSeePerson,
  countRows,
  defineLifecycle,
  guardNode,
  mustLoad,
  personLoader,
  regionLoader,
  shownName,
  type Builder,
  type Context,
  type Prisma,
  type SocialOrganization,
} from '../../src/kit/index.js';
import { MODULE_ID, ORG_STATUS_LABELS, type Enums, type OrgStatus } from './model.js';
import { inArea, listScope } from './shared.js';

type OrgAction = 'ACTIVATE' | 'SUSPEND' | 'RESUME' | 'DEREGISTER' | 'REGISTER';

/** the one state machine of a social organisation (conditional update on status and version) */
export const orgLifecycle = defineLifecycle<OrgStatus, OrgAction, SocialOrganization>({
  entity: 'SocialOrganization',
  model: 'socialOrganization',
  states: ORG_STATUS_LABELS,
  transitions: {
    ACTIVATE: { from: ['FILING'], to: 'ACTIVE' },
    SUSPEND: { from: ['ACTIVE'], to: 'SUSPENDED' },
    RESUME: { from: ['SUSPENDED'], to: 'ACTIVE' },
    DEREGISTER: { from: ['FILING', 'ACTIVE', 'SUSPENDED'], to: 'DEREGISTERED' },
    // a filed organisation that reaches the registration thresholds registers with civil affairs
    REGISTER: { from: ['FILING', 'ACTIVE'], to: 'ACTIVE' },
  },
});

/** the contact person's row, for those who may see that person at all (masked by the core rules) */
async function contactOf(ctx: Context, org: SocialOrganization) {
  if (!org.contactPersonId) return null;
  const person = await mustLoad(personLoader(ctx), org.contactPersonId, 'person');
  return person;
}

export function registerOrganizations(builder: Builder, enums: Enums) {
  const Org = builder.prismaNode('SocialOrganization', {
    description: '社会组织 a community social organisation: 登记 registered or 备案 filed, serving 八进社区 kinds',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称' }),
      kind: t.expose('kind', { type: enums.SocialOrganizationKind, description: '类型' }),
      standing: t.expose('standing', { type: enums.SocialOrganizationStanding, description: '登记方式 登记/备案' }),
      status: t.expose('status', { type: enums.SocialOrganizationStatus, description: '状态' }),
      registrationNumber: t.exposeString('registrationNumber', {
        nullable: true,
        description: '民政登记证号 (registered organisations)',
      }),
      filedWith: t.prismaField({
        type: 'Region',
        nullable: true,
        description: '备案机关 the township or community the filing is with (filed organisations)',
        resolve: (_q, o, _a, ctx) => (o.filedWithId ? regionLoader(ctx).load(o.filedWithId) : null),
      }),
      serviceAreas: t.field({
        type: [enums.ServiceArea],
        description: '服务领域 (八进社区)',
        resolve: (o) => o.serviceAreas,
      }),
      community: t.prismaField({
        type: 'Region',
        description: '所在社区',
        resolve: (_q, o, _a, ctx) => mustLoad(regionLoader(ctx), o.communityId, 'region'),
      }),
      contactName: t.string({
        nullable: true,
        description: '联系人姓名: in full for those who manage the person, otherwise masked (何**)',
        resolve: async (o, _a, ctx) => {
          const person = await contactOf(ctx, o);
          return person ? shownName(ctx.viewer, person, person.name) : null;
        },
      }),
      contactPerson: t.prismaField({
        type: 'Person',
        nullable: true,
        description:
          '联系人 (个人信息): the person, for those who may see them; phone and address follow the core rules',
        resolve: async (_q, o, _a, ctx) => {
          const person = await contactOf(ctx, o);
          return person && (await canSeePerson(ctx, person)) ? person : null;
        },
      }),
      filedAt: t.expose('filedAt', { type: 'DateTime', nullable: true, description: '备案时间' }),
      registeredAt: t.expose('registeredAt', { type: 'DateTime', nullable: true, description: '登记时间' }),
      activatedAt: t.expose('activatedAt', { type: 'DateTime', nullable: true, description: '启用时间' }),
    }),
  });

  guardNode(builder, 'SocialOrganization', async (o: SocialOrganization, ctx) => {
    if (!inArea(ctx.viewer, o.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, o.regionPath);
    return true;
  });

  const Filter = builder.inputType('SocialOrganizationFilter', {
    description: '社会组织筛选',
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: organisations of communities under it' }),
      status: t.field({ type: enums.SocialOrganizationStatus, required: false }),
      serviceArea: t.field({ type: enums.ServiceArea, required: false, description: '服务领域' }),
      standing: t.field({ type: enums.SocialOrganizationStanding, required: false }),
    }),
  });
  const where = async (ctx: Context, f: typeof Filter.$inferInput | null | undefined) =>
    ({
      AND: [
        (await listScope(ctx, f?.regionId)) as Prisma.SocialOrganizationWhereInput,
        f?.status ? { status: f.status } : {},
        f?.standing ? { standing: f.standing } : {},
        f?.serviceArea ? { serviceAreas: { has: f.serviceArea } } : {},
      ],
    }) satisfies Prisma.SocialOrganizationWhereInput;

  builder.queryField('socialOrganizations', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '社会组织列表 of your area (contact persons masked unless you manage them)',
      type: Org,
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.socialOrganization.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ regionPath: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'SocialOrganization', await where(ctx, args.filter)),
    }),
  );
  return Org;
}

export type OrgRef = ReturnType<typeof registerOrganizations>;
