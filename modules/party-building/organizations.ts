// 党组织: PartyOrganization nodes, the list and single reads. Their warnings (branch size, committee,
// term): warnings.ts; createPartyOrganization: organization-create.ts.
import {
  containsText,
  countRows,
  guardNode,
  parseId,
  parseOptionalId,
  type Builder,
  type Context,
  type Prisma,
  listWhere,
} from '../../src/kit/index.js';
import { refs } from './refs.js';
import { canManageOrg, seesAggregates } from './access.js';
import { currentCommittee, memberCounts } from './loaders.js';
import { type Warning, warningsFor } from './warnings.js';
import { chinaDate, MODULE_ID } from './rules.js';
import type { PartyEnums } from './enums.js';

export type PartyOrgRecord = Prisma.PartyOrganizationGetPayload<object>;

/** a single read: hidden (null) when missing, MODULE_DISABLED where the module is off */
export async function readOrg(ctx: Context, globalId: string, path = 'id') {
  const org = await ctx.prisma.partyOrganization.findUnique({
    where: { id: parseId(globalId, 'PartyOrganization', path) },
  });
  if (!org) return null;
  await ctx.gate.assertEnabled(MODULE_ID, org.regionPath);
  return org;
}

export function registerOrganizations(builder: Builder, enums: PartyEnums) {
  const R = refs(builder);
  const Warning = builder.objectRef<Warning>('PartyOrganizationWarning').implement({
    description: '提醒 something about the organisation that needs attention (it is not refused)',
    fields: (t) => ({
      code: t.field({ type: enums.WarningCode, resolve: (w) => w.code as never }),
      message: t.exposeString('message'),
    }),
  });

  const Counts = builder
    .objectRef<{ APPLICANT: number; ACTIVIST: number; CANDIDATE: number; PROBATIONARY: number; FULL: number }>(
      'PartyMemberCounts',
    )
    .implement({
      description: '党员人数 active people on the roll by stage (aggregates: analysts may read them)',
      fields: (t) => ({
        applicants: t.int({ description: '入党申请人', resolve: (c) => c.APPLICANT }),
        activists: t.int({ description: '入党积极分子', resolve: (c) => c.ACTIVIST }),
        candidates: t.int({ description: '发展对象', resolve: (c) => c.CANDIDATE }),
        probationary: t.int({ description: '预备党员', resolve: (c) => c.PROBATIONARY }),
        full: t.int({ description: '正式党员', resolve: (c) => c.FULL }),
        members: t.int({ description: '党员 (预备 + 正式)', resolve: (c) => c.PROBATIONARY + c.FULL }),
      }),
    });

  const SeatRef = builder
    .objectRef<{ personId: string; role: string; electedAt: Date; termEndsAt: Date }>('PartyCommitteeSeat')
    .implement({
      description: '支部委员 a seat on the committee',
      fields: (t) => ({
        role: t.field({ type: enums.CommitteeRole, resolve: (s) => s.role as never }),
        person: t.loadable({
          type: R.Person,
          description: '委员',
          load: (ids: string[], ctx) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }),
          sort: (p) => p.id,
          resolve: (s) => s.personId,
        }),
      }),
    });

  const Committee = builder
    .objectRef<{ seats: { personId: string; role: string; electedAt: Date; termEndsAt: Date }[]; today: Date }>(
      'PartyCommittee',
    )
    .implement({
      description: '支部委员会 (或党委、党总支委员会) the current committee',
      fields: (t) => ({
        electedAt: t.field({ type: 'Date', description: '选举日期', resolve: (c) => c.seats[0]!.electedAt }),
        termEndsAt: t.field({
          type: 'Date',
          description: '任期届满 (5 years in villages and communities, 3 elsewhere)',
          resolve: (c) => c.seats[0]!.termEndsAt,
        }),
        termExpired: t.boolean({
          description: '任期已届满 the term is past its end',
          resolve: (c) => c.seats[0]!.termEndsAt < c.today,
        }),
        members: t.field({
          maxItems: 50,
          type: [SeatRef],
          description: '委员 (书记、副书记、组织委员、宣传委员、纪检委员)',
          resolve: (c) => c.seats,
        }),
      }),
    });

  builder.prismaNode('PartyOrganization', {
    description:
      '党组织: 党委 committee, 党总支 general branch, 党支部 branch, 联合党支部 joint branch, 党小组 group (names are ' +
      'public; members, files and attendance are not)',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称' }),
      kind: t.expose('kind', { type: enums.OrgKind }),
      parent: t.relation('parent', { nullable: true, description: '上级党组织' }),
      children: t.relation('children', {
        maxItems: 300,
        description: '下级党组织',
        query: { take: 300, orderBy: [{ name: 'asc' }, { id: 'asc' }] },
      }),
      unit: t.loadable({
        type: R.Organization,
        nullable: true,
        description: '所在单位 the core organisation it sits in',
        load: (ids: string[], ctx) => ctx.prisma.organization.findMany({ where: { id: { in: ids } } }),
        sort: (o) => o.id,
        resolve: (o) => o.organizationId,
      }),
      units: t.loadable({
        maxItems: 50,
        type: [R.Organization],
        description: '联合党支部的组建单位 (joint branch: at most 5 units)',
        load: (ids: string[], ctx) => ctx.prisma.organization.findMany({ where: { id: { in: ids } } }),
        sort: (o) => o.id,
        resolve: (o) => o.unitIds,
      }),
      region: t.loadable({
        type: R.Region,
        description: '所在区划 the community (小区 branches) or the region of its unit',
        load: (ids: string[], ctx) => ctx.prisma.region.findMany({ where: { id: { in: ids } } }),
        sort: (r) => r.id,
        resolve: (o) => o.regionId,
      }),
      residentialComplex: t.exposeString('residentialComplex', {
        nullable: true,
        description: '小区 (for a 小区党支部)',
      }),
      foundedOn: t.field({ type: 'Date', description: '成立日期', resolve: (o) => o.foundedOn }),
      memberCounts: t.field({
        type: Counts,
        nullable: true,
        description: '人数 by stage (logged-in viewers except residents; null otherwise)',
        resolve: (o, _a, ctx) => (seesAggregates(ctx, o.regionPath) ? memberCounts(ctx).load(o.id) : null),
      }),
      committee: t.field({
        type: Committee,
        nullable: true,
        description: '现任委员会 (null when none is elected; logged-in viewers)',
        resolve: async (o, _a, ctx) => {
          if (!ctx.viewer) return null;
          const seats = await currentCommittee(ctx).load(o.id);
          return seats.length ? { seats, today: chinaDate(ctx.clock.now()) } : null;
        },
      }),
      warnings: t.field({
        maxItems: 20,
        type: [Warning],
        description:
          '提醒: branch below 3 or above 50 members, 7+ full members without a committee, no secretary, term expired',
        resolve: async (o, _a, ctx) =>
          seesAggregates(ctx, o.regionPath) || (await canManageOrg(ctx, o)) ? warningsFor(ctx, o) : [],
      }),
    }),
  });
  guardNode(builder, 'PartyOrganization', (o, ctx) => ctx.gate.isEnabledAt(MODULE_ID, o.regionPath));

  const Filter = builder.inputType('PartyOrganizationFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: organisations sitting in it or below' }),
      kind: t.field({ type: enums.OrgKind, required: false }),
      parentId: t.id({ required: false, description: '上级党组织' }),
      search: t.string({ required: false, description: '名称包含' }),
    }),
  });

  async function orgWhere(
    ctx: Context,
    f: typeof Filter.$inferInput | null | undefined,
  ): Promise<Prisma.PartyOrganizationWhereInput> {
    // the organisation list is public within the module: any region may be named, whatever the viewer's own
    const readable = await listWhere(ctx, MODULE_ID, { regionId: f?.regionId, base: '/', allowed: () => true });
    const parentId = parseOptionalId(
      f?.parentId == null ? null : String(f.parentId),
      'PartyOrganization',
      'filter.parentId',
    );
    const search = f?.search?.trim();
    return {
      AND: [
        readable,
        f?.kind ? { kind: f.kind } : {},
        parentId ? { parentId } : {},
        search ? { name: containsText(search) } : {},
      ],
    };
  }

  builder.queryFields((t) => ({
    partyOrganizations: t.prismaConnection({
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '党组织列表 (names are public; hidden in townships where the module is off)',
      type: 'PartyOrganization',
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.partyOrganization.findMany({
          ...query,
          where: await orgWhere(ctx, args.filter),
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'PartyOrganization', await orgWhere(ctx, args.filter)),
    }),
    partyOrganization: t.prismaField({
      policy: { roles: 'ANYONE', scope: 'NONE' },
      type: 'PartyOrganization',
      nullable: true,
      description: '党组织',
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _r, args, ctx) => {
        const org = await readOrg(ctx, String(args.id));
        return org ? ctx.prisma.partyOrganization.findUnique({ ...query, where: { id: org.id } }) : null;
      },
    }),
  }));
}
