import type { Builder } from '../builder.js';
import { isAdminOf } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { AppError, notFound, forbidden } from '../errors.js';
import type { ModuleDefinition } from '../modules.js';
import { effectiveState, type ModuleState, type SwitchRow } from './gate.js';
import { parseId } from './lookup.js';
import { ADMINS } from '../auth/policy.js';
import type { GraphQLSchema } from 'graphql';
import { registerModuleManifest } from './module-manifest.js';

interface ModuleInfo {
  module: ModuleDefinition;
  state: ModuleState;
}

export function registerModuleSwitches(
  builder: Builder,
  modules: readonly ModuleDefinition[],
  full: () => GraphQLSchema,
) {
  const byId = new Map(modules.map((m) => [m.id, m]));

  const Source = builder.enumType('ModuleStateSource', {
    description: '开关状态来源',
    values: {
      SET_HERE: { description: '本级设置 set on this region' },
      INHERITED: { description: '继承上级 inherited from the nearest region above that sets it' },
      DEFAULT: { description: '默认 nobody set it; the module default applies' },
    } as const,
  });

  const ModuleInfoRef = builder.objectRef<ModuleInfo>('ModuleInfo').implement({
    description: '已安装模块及其在某区划的状态 an installed module and its effective state at a region',
    fields: (t) => ({
      id: t.string({ resolve: (i) => i.module.id }),
      title: t.string({ description: '模块名称', resolve: (i) => i.module.title }),
      description: t.string({ resolve: (i) => i.module.description }),
      dependsOn: t.stringList({ description: '依赖模块', resolve: (i) => i.module.dependsOn }),
      enabled: t.boolean({ description: '是否启用', resolve: (i) => i.state.enabled }),
      source: t.field({ type: Source, resolve: (i) => i.state.source }),
      sourceRegion: t.prismaField({
        type: 'Region',
        nullable: true,
        description: '决定该状态的区划 the region whose switch decides',
        resolve: (q, i, _a, ctx) =>
          i.state.decidedAt ? ctx.prisma.region.findUnique({ ...q, where: { path: i.state.decidedAt } }) : null,
      }),
    }),
  });

  registerModuleManifest(builder, ModuleInfoRef, full);

  const regionById = async (ctx: Context, id: string | number, path = 'regionId') => {
    const region = await ctx.prisma.region.findUnique({ where: { id: parseId(String(id), 'Region', path) } });
    if (!region) throw notFound('区划 region');
    return region;
  };

  builder.queryField('modules', (t) =>
    t.field({
      maxItems: 20,
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description:
        '模块列表: every installed module with its effective state at the region (a community shows its township)',
      type: [ModuleInfoRef],
      args: { regionId: t.arg.id({ required: true }) },
      resolve: async (_r, args, ctx) => {
        const region = await regionById(ctx, args.regionId);
        return Promise.all(
          modules.map(async (module) => ({ module, state: await ctx.gate.stateAt(module.id, region.path) })),
        );
      },
    }),
  );

  const SetModuleEnabledInput = builder.inputType('SetModuleEnabledInput', {
    fields: (t) => ({
      regionId: t.id({ required: true, description: '州、县市或乡镇街道 prefecture, county or township' }),
      moduleId: t.string({ required: true }),
      enabled: t.boolean({ required: true }),
      note: t.string({ required: false, description: '说明 why (kept in the audit log)' }),
    }),
  });
  const ResetModuleSwitchInput = builder.inputType('ResetModuleSwitchInput', {
    description: '取消本级设置, so the region inherits again',
    fields: (t) => ({
      regionId: t.id({ required: true }),
      moduleId: t.string({ required: true }),
      note: t.string({ required: false }),
    }),
  });
  const SwitchPayload = (name: string) =>
    builder.objectRef<{ module: ModuleInfo }>(name).implement({
      fields: (t) => ({ module: t.field({ type: ModuleInfoRef, resolve: (p) => p.module }) }),
    });

  /** after a hypothetical change, every township in `townships` must satisfy every dependency */
  function dependencyProblems(switches: SwitchRow[], townships: string[], changed: ModuleDefinition): string[] {
    const problems = new Set<string>();
    for (const t of townships) {
      const on = (m: ModuleDefinition) => effectiveState(switches, m, t).enabled;
      if (on(changed)) {
        for (const dep of changed.dependsOn)
          if (!on(byId.get(dep)!))
            problems.add(`${changed.id} 依赖 ${dep}，而 ${dep} 未启用 (needs ${dep}, which is off)`);
      } else {
        for (const m of modules)
          if (m.dependsOn.includes(changed.id) && on(m))
            problems.add(`${m.id} 依赖 ${changed.id}，请先停用 ${m.id} (${m.id} needs it)`);
      }
    }
    return [...problems];
  }

  async function applySwitch(
    ctx: Context,
    input: { regionId: string | number; moduleId: string; note?: string | null },
    enabled: boolean | null,
  ) {
    const module = byId.get(input.moduleId);
    if (!module)
      throw new AppError(
        'VALIDATION',
        `未安装模块 ${input.moduleId} (no such module; installed: ${[...byId.keys()].join(', ')})`,
      );
    const region = await regionById(ctx, input.regionId, 'input.regionId');
    if (region.level === 'COMMUNITY')
      throw new AppError('VALIDATION', '社区/村不单独设置，请在乡镇街道设置 (switch at township level or above)');
    if (!isAdminOf(ctx.viewer, region.path))
      throw forbidden('只有该区划或上级的管理员可以设置 (admins of this region or above)');
    const note = input.note?.trim() || null;
    if (note && note.length > 500) throw new AppError('VALIDATION', 'note 最多 500 字');
    // read before the transaction: on the embedded database a query outside an open transaction waits for it
    const townships = await ctx.gate.townshipsWithin(region.path);
    const result = await ctx.prisma.$transaction(async (tx) => {
      // serialise concurrent switch changes so the dependency check sees the state it changes
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7262300002)`;
      const current = await tx.moduleSwitch.findMany({ select: { regionPath: true, moduleId: true, enabled: true } });
      const others = current.filter((s) => !(s.regionPath === region.path && s.moduleId === module.id));
      const next = enabled === null ? others : [...others, { regionPath: region.path, moduleId: module.id, enabled }];
      const problems = dependencyProblems(next, townships, module);
      if (problems.length) throw new AppError('PRECONDITION_FAILED', problems.join('; '), { problems });
      const previous = current.find((s) => s.regionPath === region.path && s.moduleId === module.id)?.enabled ?? null;
      if (enabled === null) {
        await tx.moduleSwitch.deleteMany({ where: { regionId: region.id, moduleId: module.id } });
      } else {
        await tx.moduleSwitch.upsert({
          where: { regionId_moduleId: { regionId: region.id, moduleId: module.id } },
          create: {
            regionId: region.id,
            regionPath: region.path,
            moduleId: module.id,
            enabled,
            note,
            updatedById: ctx.viewer!.accountId,
          },
          update: { enabled, note, updatedById: ctx.viewer!.accountId },
        });
      }
      await ctx.audit(tx, {
        action: enabled === null ? 'module.reset' : enabled ? 'module.enable' : 'module.disable',
        entityType: 'ModuleSwitch',
        entityId: `${region.id}:${module.id}`,
        regionPath: region.path,
        data: { moduleId: module.id, region: region.name, previous, enabled, note },
      });
      return { module, state: effectiveState(next, module, region.path) };
    });
    return { module: result };
  }

  builder.mutationFields((t) => ({
    setModuleEnabled: t.field({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { region: 'input.regionId' } },
      description:
        '启用/停用模块 for a prefecture, county or township (admins of it or above). ' +
        'Nothing is deleted when a module is switched off.',
      type: SwitchPayload('SetModuleEnabledPayload'),
      errors: {},
      args: { input: t.arg({ type: SetModuleEnabledInput, required: true }) },
      resolve: (_r, { input }, ctx) => applySwitch(ctx, input, input.enabled),
    }),
    resetModuleSwitch: t.field({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { region: 'input.regionId' } },
      description: '取消本级设置: the region inherits the nearest setting above again',
      type: SwitchPayload('ResetModuleSwitchPayload'),
      errors: {},
      args: { input: t.arg({ type: ResetModuleSwitchInput, required: true }) },
      resolve: (_r, { input }, ctx) => applySwitch(ctx, input, null),
    }),
  }));
  return { Source };
}
