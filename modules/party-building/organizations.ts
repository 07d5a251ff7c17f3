// 党组织: PartyOrganization nodes, the list and single reads, warnings (branch size, committee,
// term), and createPartyOrganization.
import {
  AppError,
  Checks,
  containsText,
  forbidden,
  guardNode,
  notFound,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  type Prisma,
  listWhere,
} from '../../src/kit/index.js';
import { randomUUID } from 'node:crypto';
import { refs } from './refs.js';
import { administersArea, canManageOrg, seesAggregates } from './access.js';
import { currentCommittee, memberCounts } from './loaders.js';
import {
  BRANCH_MIN_FULL_MEMBERS,
  chinaDate,
  COMMITTEE_FROM_FULL_MEMBERS,
  COMMITTEE_MIN,
  JOINT_BRANCH_MAX_UNITS,
  MODULE_ID,
  SUB,
} from './rules.js';
import type { PartyEnums } from './enums.js';
import { partyWrite } from './unit.js';

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

const PARENT_KINDS: Record<string, string[]> = {
  COMMITTEE: ['COMMITTEE'],
  GENERAL_BRANCH: ['COMMITTEE'],
  BRANCH: ['COMMITTEE', 'GENERAL_BRANCH'],
  JOINT_BRANCH: ['COMMITTEE', 'GENERAL_BRANCH'],
  GROUP: ['BRANCH', 'JOINT_BRANCH', 'GENERAL_BRANCH'],
};

export interface Warning {
  code: string;
  message: string;
}

export function registerOrganizations(builder: Builder, enums: PartyEnums) {
  const R = refs(builder);
  const Warning = builder.objectRef<Warning>('PartyOrganizationWarning').implement({
    subGraphs: SUB,
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
      subGraphs: SUB,
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
      subGraphs: SUB,
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
      subGraphs: SUB,
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
    subGraphs: SUB,
    description:
      '党组织: 党委 committee, 党总支 general branch, 党支部 branch, 联合党支部 joint branch, 党小组 group (names are public; members, files and attendance are not)',
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
    subGraphs: SUB,
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
      subGraphs: SUB,
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
      totalCount: async (_c, args, ctx) =>
        ctx.prisma.partyOrganization.count({ where: await orgWhere(ctx, args.filter) }),
    }),
    partyOrganization: t.prismaField({
      subGraphs: SUB,
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

  const CreateInput = builder.inputType('CreatePartyOrganizationInput', {
    subGraphs: SUB,
    fields: (t) => ({
      name: t.string({ required: true, description: '名称, e.g. 中共昌吉州融媒体中心支部委员会' }),
      kind: t.field({ type: enums.OrgKind, required: true }),
      parentId: t.id({ required: false, description: '上级党组织' }),
      organizationId: t.id({ required: false, description: '所在单位 (core Organization)' }),
      unitIds: t.idList({ required: false, description: '联合党支部的组建单位 (2–5 core Organizations)' }),
      regionId: t.id({
        required: false,
        description: "所在区划; defaults to the unit's region. A 小区党支部 sits in its community",
      }),
      residentialComplex: t.string({ required: false, description: '小区名称 (小区党支部 only)' }),
      foundedOn: t.field({ type: 'Date', required: false, description: '成立日期 (default today)' }),
    }),
  });

  builder.mutationField('createPartyOrganization', (t) =>
    t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: [{ region: 'input.regionId' }, { record: 'PartyOrganization', id: 'input.parentId' }],
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '成立党组织 (administrators of the area, or the committee of the parent organisation)',
      type: payloadType(builder, 'CreatePartyOrganizationPayload', 'organization', 'PartyOrganization', {
        subGraphs: SUB,
      }),
      errors: {},
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks()
          .text(input.name, 'input.name', { max: 80 })
          .text(input.residentialComplex, 'input.residentialComplex', { max: 60, required: false });
        const unitIds = (input.unitIds ?? []).map((id, i) => parseId(String(id), 'Organization', `input.unitIds.${i}`));
        checks.check(new Set(unitIds).size === unitIds.length, 'input.unitIds', '单位重复 (duplicate units)');
        if (input.kind === 'JOINT_BRANCH')
          checks.check(unitIds.length >= 2, 'input.unitIds', '联合党支部至少由 2 个单位组建 (at least 2 units)');
        else checks.check(unitIds.length === 0, 'input.unitIds', '只有联合党支部有组建单位 (joint branches only)');
        checks.throwIfAny();
        if (unitIds.length > JOINT_BRANCH_MAX_UNITS) {
          throw new AppError(
            'LIMIT_EXCEEDED',
            `联合党支部最多由 ${JOINT_BRANCH_MAX_UNITS} 个单位组建 (at most ${JOINT_BRANCH_MAX_UNITS} units)`,
          );
        }
        const organizationId = parseOptionalId(
          input.organizationId == null ? null : String(input.organizationId),
          'Organization',
          'input.organizationId',
        );
        const parentId = parseOptionalId(
          input.parentId == null ? null : String(input.parentId),
          'PartyOrganization',
          'input.parentId',
        );
        let regionId = parseOptionalId(
          input.regionId == null ? null : String(input.regionId),
          'Region',
          'input.regionId',
        );
        const [unit, parent, units] = await Promise.all([
          organizationId ? ctx.prisma.organization.findUnique({ where: { id: organizationId } }) : null,
          parentId ? ctx.prisma.partyOrganization.findUnique({ where: { id: parentId } }) : null,
          ctx.prisma.organization.findMany({ where: { id: { in: unitIds } } }),
        ]);
        if (organizationId && !unit) throw notFound('单位 organization');
        if (parentId && !parent) throw notFound('上级党组织 parent');
        if (units.length !== unitIds.length) throw notFound('组建单位 unit');
        regionId ??= unit?.regionId ?? units[0]?.regionId ?? parent?.regionId ?? null;
        if (!regionId)
          throw new ValidationError([{ path: 'input.regionId', message: '请给出所在区划或单位 (a region or a unit)' }]);
        const region = await ctx.prisma.region.findUnique({ where: { id: regionId } });
        if (!region) throw notFound('区划 region');
        const allowed = PARENT_KINDS[input.kind]!;
        if (parent && !allowed.includes(parent.kind)) {
          throw new ValidationError([
            {
              path: 'input.parentId',
              message: `${input.kind} 的上级应为 ${allowed.join('/')} (parent must be one of these)`,
            },
          ]);
        }
        if (!parent && input.kind === 'GROUP')
          throw new ValidationError([
            { path: 'input.parentId', message: '党小组须隶属于党支部 (a group belongs to a branch)' },
          ]);
        const complex = input.residentialComplex?.trim() || null;
        if (complex && (input.kind !== 'BRANCH' || region.level !== 'COMMUNITY')) {
          throw new ValidationError([
            {
              path: 'input.residentialComplex',
              message: '小区党支部是设在社区的党支部 (a BRANCH sitting in a community)',
            },
          ]);
        }
        await ctx.gate.assertEnabled(MODULE_ID, region.path);
        if (!administersArea(ctx, region.path) && !(parent && (await canManageOrg(ctx, parent)))) {
          throw forbidden(
            '只有辖区管理员或上级党组织可以成立党组织 (administrators of the area or the committee above)',
          );
        }
        const id = randomUUID();
        const name = input.name.trim();
        const organization = await partyWrite(ctx, region.path, async (w) => {
          if (await w.tx.partyOrganization.findUnique({ where: { regionId_name: { regionId: region.id, name } } })) {
            throw new AppError('CONFLICT', `${name} 已存在 (already exists in that region)`);
          }
          const o = await w.tx.partyOrganization.create({
            data: {
              id,
              name,
              kind: input.kind,
              parentId: parent?.id ?? null,
              treePath: `${parent?.treePath ?? '/'}${id}/`,
              organizationId: unit?.id ?? null,
              unitIds,
              regionId: region.id,
              regionPath: region.path,
              regionLevel: region.level,
              residentialComplex: complex,
              foundedOn: input.foundedOn ?? chinaDate(w.now),
            },
          });
          await w.audit({
            action: 'organization.create',
            entityType: 'PartyOrganization',
            entityId: id,
            regionPath: region.path,
            data: { name, kind: input.kind },
          });
          return o;
        });
        return { organization };
      },
    }),
  );
}

/** what needs attention: checked on read, so a branch that shrinks or a term that runs out shows up */
export async function warningsFor(
  ctx: Context,
  o: { id: string; kind: string; regionPath: string },
): Promise<Warning[]> {
  const [counts, seats, maxMembers] = await Promise.all([
    memberCounts(ctx).load(o.id),
    currentCommittee(ctx).load(o.id),
    ctx.settings.get<number>(MODULE_ID, 'branchMaxMembers', o.regionPath),
  ]);
  const out: Warning[] = [];
  const today = chinaDate(ctx.clock.now());
  const members = counts.FULL + counts.PROBATIONARY;
  if (o.kind === 'BRANCH' || o.kind === 'JOINT_BRANCH') {
    if (counts.FULL < BRANCH_MIN_FULL_MEMBERS) {
      out.push({
        code: 'TOO_FEW_FULL_MEMBERS',
        message: `党支部至少应有 ${BRANCH_MIN_FULL_MEMBERS} 名正式党员, 现有 ${counts.FULL} (a branch needs at least 3 full members)`,
      });
    }
    if (members > maxMembers)
      out.push({
        code: 'TOO_MANY_MEMBERS',
        message: `党员 ${members} 名, 一般不超过 ${maxMembers} 名, 可考虑分设 (consider splitting)`,
      });
    if (counts.FULL >= COMMITTEE_FROM_FULL_MEMBERS && seats.length < COMMITTEE_MIN) {
      out.push({
        code: 'COMMITTEE_REQUIRED',
        message: `正式党员 ${counts.FULL} 名 (≥7), 应设立支部委员会 (a committee of 3–5 should be elected)`,
      });
    }
  }
  if (o.kind !== 'GROUP' && !seats.some((s) => s.role === 'SECRETARY'))
    out.push({ code: 'NO_SECRETARY', message: '未设书记 (no secretary)' });
  if (seats.length && seats[0]!.termEndsAt < today) {
    out.push({
      code: 'TERM_EXPIRED',
      message: `委员会任期已于 ${seats[0]!.termEndsAt.toISOString().slice(0, 10)} 届满, 应按期换届 (the term has ended: hold an election)`,
    });
  }
  return out;
}
