// 民生项目 mutations: createLivelihoodProject (立项, PLANNED) and advanceLivelihoodProject (签约, 启动, 进度,
// 评估, 终止) through the project's lifecycle.
import {
  AppError,
  Checks,
  MANAGERS,
  notFound,
  parseId,
  payloadType,
  type Builder,
  write,
} from '../../src/kit/index.js';
import { MODULE_ID } from './model.js';
import { type Milestone, projectLifecycle } from './projects.js';
import { assertManages, inArea, regionArg, trimOrNull } from './shared.js';

export function registerProjectMutations(builder: Builder, Project: ReturnType<typeof builder.prismaNode>) {
  const KpiInput = builder.inputType('ProjectKpiInput', {
    fields: (t) => ({ name: t.string({ required: true }), target: t.string({ required: true }) }),
  });
  const MilestoneInput = builder.inputType('ProjectMilestoneInput', {
    fields: (t) => ({ title: t.string({ required: true }), dueOn: t.field({ type: 'Date', required: true }) }),
  });
  const CreateInput = builder.inputType('CreateLivelihoodProjectInput', {
    description: '民生项目立项',
    fields: (t) => ({
      name: t.string({ required: true, description: '2–80' }),
      regionId: t.id({ required: true, description: '服务区划: a township or community' }),
      purchaserId: t.id({ required: true, description: '购买方 department (Organization)' }),
      providerId: t.id({ required: true, description: '承接方 an active social organisation' }),
      budgetYuan: t.float({ required: true, description: '预算 (元) 1–10000000' }),
      startsOn: t.field({ type: 'Date', required: true }),
      endsOn: t.field({ type: 'Date', required: true }),
      deliverables: t.stringList({ required: true, description: '1–10 items' }),
      kpis: t.field({ type: [KpiInput], required: false }),
      milestones: t.field({ type: [MilestoneInput], required: false }),
    }),
  });
  const AdvanceInput = builder.inputType('AdvanceLivelihoodProjectInput', {
    description: '民生项目推进',
    fields: (t) => ({
      projectId: t.id({ required: true }),
      action: t.field({
        type: builder.enumType('LivelihoodProjectAction', {
          description: '推进动作',
          values: {
            CONTRACT: { description: '签约 PLANNED → CONTRACTED' },
            START: { description: '启动 CONTRACTED → IN_PROGRESS' },
            PROGRESS: { description: '更新节点进度 (IN_PROGRESS, status unchanged)' },
            EVALUATE: { description: '结项评估 IN_PROGRESS → EVALUATED, with evaluationScore' },
            TERMINATE: { description: '终止 → TERMINATED' },
          },
        }),
        required: true,
      }),
      progress: t.intList({ required: false, description: 'PROGRESS: each milestone’s progress 0–100, in order' }),
      evaluationScore: t.int({ required: false, description: 'EVALUATE: 0–100' }),
      note: t.string({ required: false }),
    }),
  });
  const payload = (name: string) => payloadType(builder, name, 'project', Project, { description: '民生项目' });

  builder.mutationFields((t) => ({
    createLivelihoodProject: t.field({
      policy: { roles: MANAGERS, scope: { region: 'input.regionId' } },
      description: '民生项目立项 (workers and admins of the area): a new PLANNED project',
      type: payload('CreateLivelihoodProjectPayload'),
      errors: {},
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const kpis = input.kpis ?? [];
        const milestones = input.milestones ?? [];
        new Checks()
          .text(input.name, 'input.name', { min: 2, max: 80 })
          .check(input.budgetYuan >= 1 && input.budgetYuan <= 10_000_000, 'input.budgetYuan', '应为 1–10000000 元')
          .check(input.endsOn > input.startsOn, 'input.endsOn', '应晚于开始日期')
          .check(input.deliverables.length >= 1 && input.deliverables.length <= 10, 'input.deliverables', '1–10 项')
          .check(
            input.deliverables.every((d) => d.trim().length >= 2 && d.length <= 100),
            'input.deliverables',
            '每项 2–100 字',
          )
          .check(
            kpis.length <= 10 &&
              kpis.every((k) => k.name.trim() && k.target.trim() && k.name.length <= 60 && k.target.length <= 60),
            'input.kpis',
            '至多10项, 每项1–60字',
          )
          .check(
            milestones.length <= 10 && milestones.every((m) => m.title.trim() && m.title.length <= 60),
            'input.milestones',
            '至多10项, 每项1–60字',
          )
          .throwIfAny();
        const region = await regionArg(ctx, input.regionId, 'input.regionId');
        if (region.level !== 'COMMUNITY' && region.level !== 'TOWNSHIP')
          throw new AppError('VALIDATION', 'regionId 应为社区/村或乡镇街道 (community or township)');
        assertManages(ctx, region.path);
        const [purchaser, provider] = await Promise.all([
          ctx.prisma.organization.findUnique({
            where: { id: parseId(String(input.purchaserId), 'Organization', 'input.purchaserId') },
          }),
          ctx.prisma.socialOrganization.findUnique({
            where: { id: parseId(String(input.providerId), 'SocialOrganization', 'input.providerId') },
          }),
        ]);
        if (!purchaser) throw notFound('购买方 organization');
        if (!provider || !inArea(ctx.viewer, provider.regionPath)) throw notFound('承接方 social organization');
        if (provider.status !== 'ACTIVE')
          throw new AppError('PRECONDITION_FAILED', '承接方不在正常状态 (provider not active)');
        const project = await write(ctx, { module: MODULE_ID, regionPath: region.path }, async (w) => {
          const created = await w.tx.livelihoodProject.create({
            data: {
              name: input.name.trim(),
              purchaserId: purchaser.id,
              providerId: provider.id,
              regionId: region.id,
              regionPath: region.path,
              budgetYuan: input.budgetYuan,
              startsOn: input.startsOn,
              endsOn: input.endsOn,
              deliverables: input.deliverables.map((d) => d.trim()),
              kpis: kpis.map((k) => ({ name: k.name.trim(), target: k.target.trim() })),
              milestones: milestones.map((m) => ({
                title: m.title.trim(),
                dueOn: m.dueOn.toISOString().slice(0, 10),
                progress: 0,
              })),
            },
          });
          await w.audit({
            action: 'project.create',
            entityType: 'LivelihoodProject',
            entityId: created.id,
            data: { name: created.name, budgetYuan: input.budgetYuan },
          });
          return created;
        });
        return { project };
      },
    }),
    advanceLivelihoodProject: t.field({
      policy: { roles: MANAGERS, scope: { record: 'LivelihoodProject', id: 'input.projectId' } },
      description: '民生项目推进 (workers and admins): contract, start, update progress, evaluate or terminate',
      type: payload('AdvanceLivelihoodProjectPayload'),
      errors: {},
      args: { input: t.arg({ type: AdvanceInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const project = await ctx.prisma.livelihoodProject.findUnique({
          where: { id: parseId(String(input.projectId), 'LivelihoodProject', 'input.projectId') },
        });
        if (!project || !inArea(ctx.viewer, project.regionPath)) throw notFound('民生项目 project');
        assertManages(ctx, project.regionPath);
        const milestones = project.milestones as unknown as Milestone[];
        const progress = input.progress ?? [];
        const score = input.evaluationScore;
        new Checks()
          .text(input.note, 'input.note', { max: 200, required: false })
          .check(
            input.action !== 'PROGRESS' || progress.length === milestones.length,
            'input.progress',
            `应为 ${milestones.length} 项`,
          )
          .check(
            progress.every((p) => p >= 0 && p <= 100),
            'input.progress',
            '应为 0–100',
          )
          .check(
            input.action !== 'EVALUATE' || (score != null && score >= 0 && score <= 100),
            'input.evaluationScore',
            '评估得分 0–100 必填',
          )
          .throwIfAny();
        const data: Record<string, unknown> = {};
        if (input.action === 'PROGRESS') data.milestones = milestones.map((m, i) => ({ ...m, progress: progress[i] }));
        if (input.action === 'EVALUATE') data.evaluationScore = score;
        const updated = await write(ctx, { module: MODULE_ID, regionPath: project.regionPath }, (w) => {
          if (input.action === 'CONTRACT') data.contractedAt = w.now;
          if (input.action === 'START') data.startedAt = w.now;
          if (input.action === 'EVALUATE' || input.action === 'TERMINATE') data.closedAt = w.now;
          return projectLifecycle.apply(w, ctx, project, input.action, { data, note: trimOrNull(input.note) });
        });
        return { project: updated };
      },
    }),
  }));
}
