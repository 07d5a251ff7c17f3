// 民生项目清单: government-purchased service projects (政府购买服务). A department purchases, a social
// organisation provides; lifecycle PLANNED → CONTRACTED → IN_PROGRESS → EVALUATED (score at the end), or
// TERMINATED; milestones carry their progress (PROGRESS keeps the status).
import {
  countRows,
  defineLifecycle,
  guardNode,
  mustLoad,
  organizationLoader,
  regionLoader,
  type Builder,
  type Context,
  type LivelihoodProject,
  type Prisma,
} from '../../src/kit/index.js';
import { countedInArea } from './counts.js';
import { MODULE_ID, PROJECT_STATUS_LABELS, type Enums, type ProjectStatus } from './model.js';
import { registerProjectMutations } from './project-mutations.js';
import { inArea, listScope } from './shared.js';

type ProjectAction = 'CONTRACT' | 'START' | 'PROGRESS' | 'EVALUATE' | 'TERMINATE';
export const projectLifecycle = defineLifecycle<ProjectStatus, ProjectAction, LivelihoodProject>({
  entity: 'LivelihoodProject',
  model: 'livelihoodProject',
  states: PROJECT_STATUS_LABELS,
  transitions: {
    CONTRACT: { from: ['PLANNED'], to: 'CONTRACTED' },
    START: { from: ['CONTRACTED'], to: 'IN_PROGRESS' },
    PROGRESS: { from: ['IN_PROGRESS'], to: 'SAME' },
    EVALUATE: { from: ['IN_PROGRESS'], to: 'EVALUATED' },
    TERMINATE: { from: ['PLANNED', 'CONTRACTED', 'IN_PROGRESS'], to: 'TERMINATED' },
  },
});

export interface Milestone {
  title: string;
  dueOn: string;
  progress: number;
}
interface Kpi {
  name: string;
  target: string;
}

export function registerProjects(builder: Builder, enums: Enums) {
  const MilestoneRef = builder.objectRef<Milestone>('ProjectMilestone').implement({
    description: '项目节点 a milestone and its progress',
    fields: (t) => ({
      title: t.exposeString('title', { description: '节点' }),
      dueOn: t.exposeString('dueOn', { description: '计划日期 YYYY-MM-DD' }),
      progress: t.exposeInt('progress', { description: '进度 0–100' }),
    }),
  });
  const KpiRef = builder.objectRef<Kpi>('ProjectKpi').implement({
    description: '绩效指标 a KPI and its target',
    fields: (t) => ({ name: t.exposeString('name'), target: t.exposeString('target') }),
  });
  const Project = builder.prismaNode('LivelihoodProject', {
    description: '民生项目 a government-purchased service project (政府购买服务)',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '项目名称' }),
      purchaser: t.prismaField({
        type: 'Organization',
        description: '购买方 the purchasing department',
        resolve: (_q, p, _a, ctx) => mustLoad(organizationLoader(ctx), p.purchaserId, 'organization'),
      }),
      provider: t.relation('provider', { description: '承接方 the providing social organisation' }),
      region: t.prismaField({
        type: 'Region',
        description: '服务区划',
        resolve: (_q, p, _a, ctx) => mustLoad(regionLoader(ctx), p.regionId, 'region'),
      }),
      budgetYuan: t.float({ description: '预算 (元)', resolve: (p) => Number(p.budgetYuan) }),
      startsOn: t.expose('startsOn', { type: 'Date', description: '开始日期' }),
      endsOn: t.expose('endsOn', { type: 'Date', description: '结束日期' }),
      deliverables: t.exposeStringList('deliverables', { description: '服务内容 deliverables' }),
      kpis: t.field({
        type: [KpiRef],
        maxItems: 20,
        description: '绩效指标',
        resolve: (p) => p.kpis as unknown as Kpi[],
      }),
      milestones: t.field({
        type: [MilestoneRef],
        maxItems: 20,
        description: '项目节点与进度',
        resolve: (p) => p.milestones as unknown as Milestone[],
      }),
      status: t.expose('status', { type: enums.LivelihoodProjectStatus, description: '状态' }),
      evaluationScore: t.exposeInt('evaluationScore', { nullable: true, description: '评估得分 0–100' }),
    }),
  });
  guardNode(builder, 'LivelihoodProject', async (p: LivelihoodProject, ctx) => {
    if (!inArea(ctx.viewer, p.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, p.regionPath);
    return true;
  });

  const Filter = builder.inputType('LivelihoodProjectFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false }),
      status: t.field({ type: enums.LivelihoodProjectStatus, required: false }),
    }),
  });
  const where = async (ctx: Context, f: typeof Filter.$inferInput | null | undefined) => ({
    AND: [
      (await listScope(ctx, f?.regionId)) as Prisma.LivelihoodProjectWhereInput,
      f?.status ? { status: f.status } : {},
    ],
  });
  builder.queryField('livelihoodProjects', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '民生项目清单 of your area, newest first',
      type: Project,
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.livelihoodProject.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, args, ctx) =>
        (await countedInArea(ctx, 'LivelihoodProject', args.filter)) ??
        countRows(ctx, 'LivelihoodProject', await where(ctx, args.filter)),
    }),
  );
  registerProjectMutations(builder, Project);
}
