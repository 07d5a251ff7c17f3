import type { Builder } from '../builder.js';
import { isAdminOf } from '../auth/viewer.js';
import type { Context } from '../context.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { AppError, forbidden, notFound, ValidationError } from '../errors.js';
import type { ModuleDefinition, SettingDefinition } from '../modules.js';
import { parseId } from './lookup.js';
import { inherited } from './paths.js';
import { ADMINS } from '../auth/policy.js';

interface SettingRow {
  regionPath: string;
  moduleId: string;
  key: string;
  value: unknown;
}

export interface SettingValue {
  value: unknown;
  source: 'SET_HERE' | 'INHERITED' | 'DEFAULT';
  decidedAt: string | null;
}

/** the declared settings of a module list, built once: a reader is made for every request */
const declared = new WeakMap<readonly ModuleDefinition[], Map<string, SettingDefinition>>();

function definitionsOf(modules: readonly ModuleDefinition[]) {
  let defs = declared.get(modules);
  if (!defs) {
    defs = new Map();
    for (const m of modules) for (const [key, def] of Object.entries(m.settings ?? {})) defs.set(`${m.id}.${key}`, def);
    declared.set(modules, defs);
  }
  return defs;
}

/**
 * 模块参数, read per request (or per job run): the nearest setting at or above the township wins,
 * otherwise the module's declared default.
 */
export class SettingsReader {
  private rows?: Promise<SettingRow[]>;
  private readonly defs: Map<string, SettingDefinition>;

  constructor(
    private readonly prisma: PrismaClient | Prisma.TransactionClient,
    modules: readonly ModuleDefinition[],
  ) {
    this.defs = definitionsOf(modules);
  }

  definition(moduleId: string, key: string) {
    return this.defs.get(`${moduleId}.${key}`);
  }

  async resolve(moduleId: string, key: string, path: string): Promise<SettingValue> {
    const def = this.definition(moduleId, key);
    if (!def) throw new Error(`module ${moduleId} declares no setting ${key}`);
    this.rows ??= this.prisma.moduleSetting.findMany({
      select: { regionPath: true, moduleId: true, key: true, value: true },
    });
    const rows = (await this.rows).filter((r) => r.moduleId === moduleId && r.key === key);
    const { row, source, decidedAt } = inherited(rows, path);
    return { value: row ? row.value : def.default, source, decidedAt };
  }

  /** the effective value for the township of `path` */
  async get<T>(moduleId: string, key: string, path: string): Promise<T> {
    return (await this.resolve(moduleId, key, path)).value as T;
  }
}

export function registerSettings(
  builder: Builder,
  modules: readonly ModuleDefinition[],
  Source: ReturnType<typeof import('./module-switch.js').registerModuleSwitches>['Source'],
) {
  const byId = new Map(modules.map((m) => [m.id, m]));

  const SettingRef = builder
    .objectRef<{ moduleId: string; key: string; def: SettingDefinition; value: SettingValue }>('ModuleSetting')
    .implement({
      description: '模块参数 a module setting and its effective value at a region',
      fields: (t) => ({
        moduleId: t.string({ resolve: (s) => s.moduleId }),
        key: t.string({ resolve: (s) => s.key }),
        description: t.string({ resolve: (s) => s.def.description }),
        value: t.field({ type: 'JSON', resolve: (s) => s.value.value }),
        defaultValue: t.field({ type: 'JSON', resolve: (s) => s.def.default }),
        source: t.field({ type: Source, resolve: (s) => s.value.source }),
        sourceRegion: t.prismaField({
          type: 'Region',
          nullable: true,
          resolve: (q, s, _a, ctx) =>
            s.value.decidedAt ? ctx.prisma.region.findUnique({ ...q, where: { path: s.value.decidedAt } }) : null,
        }),
      }),
    });

  const regionOf = async (ctx: Context, id: string | number, path: string) => {
    const region = await ctx.prisma.region.findUnique({ where: { id: parseId(String(id), 'Region', path) } });
    if (!region) throw notFound('区划 region');
    return region;
  };

  builder.queryField('moduleSettings', (t) =>
    t.field({
      maxItems: 50,
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '模块参数: every setting a module declares, with its effective value at the region',
      type: [SettingRef],
      args: { regionId: t.arg.id({ required: true }), moduleId: t.arg.string({ required: true }) },
      resolve: async (_r, args, ctx) => {
        const module = byId.get(args.moduleId);
        if (!module) throw new AppError('VALIDATION', `未安装模块 ${args.moduleId} (no such module)`);
        const region = await regionOf(ctx, args.regionId, 'regionId');
        return Promise.all(
          Object.entries(module.settings ?? {}).map(async ([key, def]) => ({
            moduleId: module.id,
            key,
            def,
            value: await ctx.settings.resolve(module.id, key, region.path),
          })),
        );
      },
    }),
  );

  const SetModuleSettingInput = builder.inputType('SetModuleSettingInput', {
    fields: (t) => ({
      regionId: t.id({ required: true, description: '州、县市或乡镇街道' }),
      moduleId: t.string({ required: true }),
      key: t.string({ required: true }),
      value: t.field({
        type: 'JSON',
        required: false,
        description: 'the new value; null removes the setting here so the region inherits again',
      }),
      note: t.string({ required: false }),
    }),
  });

  builder.mutationField('setModuleSetting', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { region: 'input.regionId' } },
      description: '设置模块参数 (admins of that region or above)',
      type: builder
        .objectRef<{ setting: { moduleId: string; key: string; def: SettingDefinition; value: SettingValue } }>(
          'SetModuleSettingPayload',
        )
        .implement({
          fields: (f) => ({ setting: f.field({ type: SettingRef, resolve: (p) => p.setting }) }),
        }),
      errors: {},
      args: { input: t.arg({ type: SetModuleSettingInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const def = ctx.settings.definition(input.moduleId, input.key);
        if (!byId.has(input.moduleId) || !def)
          throw new ValidationError([
            { path: 'input.key', message: `模块 ${input.moduleId} 没有参数 ${input.key} (no such setting)` },
          ]);
        const region = await regionOf(ctx, input.regionId, 'input.regionId');
        if (region.level === 'COMMUNITY')
          throw new AppError('VALIDATION', '请在乡镇街道或以上设置 (township level or above)');
        if (!isAdminOf(ctx.viewer, region.path))
          throw forbidden('只有该区划或上级的管理员可以设置 (admins of this region or above)');
        const value = input.value ?? null;
        if (value !== null) {
          const problem = def.validate(value);
          if (problem) throw new ValidationError([{ path: 'input.value', message: problem }]);
        }
        await ctx.prisma.$transaction(async (tx) => {
          const where = { regionId_moduleId_key: { regionId: region.id, moduleId: input.moduleId, key: input.key } };
          if (value === null) await tx.moduleSetting.deleteMany({ where: where.regionId_moduleId_key });
          else
            await tx.moduleSetting.upsert({
              where,
              create: {
                regionId: region.id,
                regionPath: region.path,
                moduleId: input.moduleId,
                key: input.key,
                value: value as Prisma.InputJsonValue,
                updatedById: ctx.viewer!.accountId,
              },
              update: { value: value as Prisma.InputJsonValue, updatedById: ctx.viewer!.accountId },
            });
          await ctx.audit(tx, {
            action: 'module.setting',
            entityType: 'ModuleSetting',
            entityId: `${region.id}:${input.moduleId}:${input.key}`,
            regionPath: region.path,
            data: { moduleId: input.moduleId, key: input.key, value, note: input.note ?? null },
          });
        });
        const fresh = new SettingsReader(ctx.prisma, modules);
        return {
          setting: {
            moduleId: input.moduleId,
            key: input.key,
            def,
            value: await fresh.resolve(input.moduleId, input.key, region.path),
          },
        };
      },
    }),
  );
}
