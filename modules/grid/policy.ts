// 时限规则: per-township (or county/prefecture), per-category, per-priority deadline policy, stored as
// data an administrator can change. Defaults follow the 12345 hotline rules.
import {
  ADMINS,
  ancestorsOrSelf,
  AppError,
  Checks,
  forbidden,
  isAdminOf,
  payloadType,
  READERS,
  type Builder,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import { MODULE, regionById, townshipOf } from './access.js';
import type { GridEnums, IncidentCategoryName, IncidentPriorityName } from './enums.js';

export interface DeadlineHours {
  acceptHours: number;
  reportInHours: number;
  resolveHours: number;
  complexResolveHours: number;
  closeHours: number;
}

interface PolicyRow extends DeadlineHours {
  regionPath: string;
  category: string | null;
  priority: string | null;
}

/**
 * 12345 defaults: accept within 2 hours; urgent / danger to life and property handled within 2 hours;
 * utilities (INFRASTRUCTURE) within 24 hours; normal within 7 days; complex within 15 days.
 */
export const DEFAULT_POLICIES: {
  category: IncidentCategoryName | null;
  priority: IncidentPriorityName | null;
  hours: DeadlineHours;
}[] = [
  {
    category: null,
    priority: null,
    hours: { acceptHours: 2, reportInHours: 2, resolveHours: 7 * 24, complexResolveHours: 15 * 24, closeHours: 72 },
  },
  {
    category: 'INFRASTRUCTURE',
    priority: null,
    hours: { acceptHours: 2, reportInHours: 2, resolveHours: 24, complexResolveHours: 15 * 24, closeHours: 72 },
  },
  {
    category: null,
    priority: 'URGENT',
    hours: { acceptHours: 2, reportInHours: 1, resolveHours: 2, complexResolveHours: 24, closeHours: 24 },
  },
];

const scopeKey = (regionId: string, category: string | null, priority: string | null) =>
  `${regionId}:${category ?? '*'}:${priority ?? '*'}`;

/** the most specific row: priority match beats category match beats a nearer region */
export function pickPolicy(rows: PolicyRow[], category: string, priority: string): DeadlineHours {
  const candidates = rows
    .filter((r) => (r.category === null || r.category === category) && (r.priority === null || r.priority === priority))
    .map((r) => ({ r, score: (r.priority ? 1_000_000 : 0) + (r.category ? 1_000 : 0) + r.regionPath.length }))
    .sort((a, b) => b.score - a.score);
  if (candidates[0]) return candidates[0].r;
  const fallback = DEFAULT_POLICIES.map((p) => ({
    ...p.hours,
    regionPath: '/',
    category: p.category,
    priority: p.priority,
  }));
  return pickPolicyFrom(fallback, category, priority);
}

function pickPolicyFrom(rows: PolicyRow[], category: string, priority: string): DeadlineHours {
  return rows
    .filter((r) => (r.category === null || r.category === category) && (r.priority === null || r.priority === priority))
    .sort((a, b) => (b.priority ? 2 : 0) + (b.category ? 1 : 0) - ((a.priority ? 2 : 0) + (a.category ? 1 : 0)))[0]!;
}

/** the policy in force for an incident in `path` (reads inside the caller's transaction) */
export async function policyFor(
  tx: Prisma.TransactionClient,
  path: string,
  category: string,
  priority: string,
): Promise<DeadlineHours> {
  const rows = await tx.incidentDeadlinePolicy.findMany({
    where: { regionPath: { in: ancestorsOrSelf(townshipOf(path)) } },
  });
  return pickPolicy(rows, category, priority);
}

export const addHours = (d: Date, hours: number) => new Date(d.getTime() + Math.round(hours * 3_600_000));

export function registerPolicy(builder: Builder, E: GridEnums) {
  builder.prismaObject('IncidentDeadlinePolicy', {
    description: '时限规则 deadline policy (hours per stage), set at a prefecture, county or township',
    fields: (t) => ({
      id: t.exposeID('id'),
      region: t.prismaField({
        type: 'Region',
        resolve: (q, p, _a, ctx) => ctx.prisma.region.findUniqueOrThrow({ ...q, where: { id: p.regionId } }),
      }),
      category: t.field({
        type: E.IncidentCategory,
        nullable: true,
        description: '类别 (null: every category)',
        resolve: (p) => p.category,
      }),
      priority: t.field({
        type: E.IncidentPriority,
        nullable: true,
        description: '紧急程度 (null: both)',
        resolve: (p) => p.priority,
      }),
      acceptHours: t.exposeFloat('acceptHours', { description: '接报时限 hours to accept a report' }),
      reportInHours: t.exposeFloat('reportInHours', {
        description: '报到时限 hours for a department to report in after 吹哨',
      }),
      resolveHours: t.exposeFloat('resolveHours', { description: '办结时限 hours to resolve' }),
      complexResolveHours: t.exposeFloat('complexResolveHours', {
        description: '复杂事项办结时限 hours to resolve a complex matter',
      }),
      closeHours: t.exposeFloat('closeHours', { description: '核查时限 hours to verify and close after resolution' }),
      updatedAt: t.field({ type: 'DateTime', resolve: (p) => p.updatedAt }),
    }),
  });

  builder.queryField('incidentDeadlinePolicies', (t) =>
    t.prismaField({
      maxItems: 50,
      policy: { roles: READERS, scope: { region: 'regionId' } },
      description:
        '时限规则: the policy rows in force at a region (its own and those inherited from above); the most specific wins',
      type: ['IncidentDeadlinePolicy'],
      args: { regionId: t.arg.id({ required: true }) },
      resolve: async (q, _r, args, ctx) => {
        const region = await regionById(ctx, args.regionId, 'regionId');
        return ctx.prisma.incidentDeadlinePolicy.findMany({
          ...q,
          where: { regionPath: { in: ancestorsOrSelf(townshipOf(region.path)) } },
          orderBy: [{ regionPath: 'asc' }, { category: 'asc' }, { priority: 'asc' }],
        });
      },
    }),
  );

  const Input = builder.inputType('SetIncidentDeadlinePolicyInput', {
    description: '设置时限规则 (hours; 0.25 = 15 minutes)',
    fields: (t) => ({
      regionId: t.id({ required: true, description: '州、县市或乡镇街道' }),
      category: t.field({ type: E.IncidentCategory, required: false }),
      priority: t.field({ type: E.IncidentPriority, required: false }),
      acceptHours: t.float({ required: true }),
      reportInHours: t.float({ required: true }),
      resolveHours: t.float({ required: true }),
      complexResolveHours: t.float({ required: true }),
      closeHours: t.float({ required: true }),
    }),
  });
  const Payload = payloadType(builder, 'SetIncidentDeadlinePolicyPayload', 'policy', 'IncidentDeadlinePolicy', {});

  builder.mutationField('setIncidentDeadlinePolicy', (t) =>
    t.field({
      policy: { roles: ADMINS, scope: { region: 'input.regionId' } },
      description: '设置时限规则 (admins of that region or above); applies to incidents whose stages start afterwards',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const hours = ['acceptHours', 'reportInHours', 'resolveHours', 'complexResolveHours', 'closeHours'] as const;
        const checks = new Checks();
        for (const h of hours)
          checks.check(input[h] > 0 && input[h] <= 24 * 365, `input.${h}`, '应为 0–8760 小时 (0 < hours ≤ 8760)');
        checks.throwIfAny();
        const region = await regionById(ctx, input.regionId, 'input.regionId');
        if (region.level === 'COMMUNITY')
          throw new AppError('VALIDATION', '请在乡镇街道或以上设置 (township level or above)');
        if (!isAdminOf(ctx.viewer, region.path))
          throw forbidden('只有该区划或上级的管理员可以设置 (admins of this region or above)');
        const category = input.category ?? null;
        const priority = input.priority ?? null;
        const data = Object.fromEntries(hours.map((h) => [h, input[h]])) as unknown as DeadlineHours;
        // the unit checks the switch at the region: the township's, or the one a county or prefecture inherits
        const policy = await write(ctx, { module: MODULE, regionPath: region.path }, async (w) => {
          const key = scopeKey(region.id, category, priority);
          const saved = await w.tx.incidentDeadlinePolicy.upsert({
            where: { scopeKey: key },
            create: {
              regionId: region.id,
              regionPath: region.path,
              scopeKey: key,
              category,
              priority,
              ...data,
              updatedById: ctx.viewer!.accountId,
            },
            update: { ...data, updatedById: ctx.viewer!.accountId },
          });
          await w.audit({
            action: 'deadlinePolicy.set',
            entityType: 'IncidentDeadlinePolicy',
            entityId: saved.id,
            regionPath: region.path,
            data: { category, priority, ...data },
          });
          return saved;
        });
        return { policy };
      },
    }),
  );
}

export { scopeKey as policyScopeKey };
