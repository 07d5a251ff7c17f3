// 模块清单: what each module contributes, served by `modules(regionId)` so a console can render it (types,
// root fields and who may run them, typed settings, statistics, jobs, events, dependencies). Derived from
// the built schema and the module's definition, so it cannot drift from what the module really does.
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import type { Builder } from '../builder.js';
import type { FieldPolicy } from '../auth/policy.js';
import type { ModuleDefinition } from '../modules.js';

export interface ModuleManifest {
  types: string[];
  rootFields: { name: string; operation: 'QUERY' | 'MUTATION' | 'SUBSCRIPTION' }[];
  permissions: { operation: string; roles: string[]; scope: string; relation: string | null }[];
  statsFields: string[];
}

const ownedBy = (extensions: { subGraphs?: unknown } | null | undefined, id: string) => {
  const subGraphs = extensions?.subGraphs as string[] | undefined;
  return !!subGraphs?.includes(id) && !subGraphs.includes('core');
};

export function manifestOf(schema: GraphQLSchema, id: string): ModuleManifest {
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && ownedBy(t.extensions, id))
    .map((t) => t.name)
    .sort();
  const rootFields: ModuleManifest['rootFields'] = [];
  const permissions: ModuleManifest['permissions'] = [];
  for (const [operation, type] of [
    ['QUERY', schema.getQueryType()],
    ['MUTATION', schema.getMutationType()],
    ['SUBSCRIPTION', schema.getSubscriptionType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (!ownedBy(field.extensions, id)) continue;
      rootFields.push({ name: field.name, operation });
      const policy = field.extensions?.policy as FieldPolicy | undefined;
      if (policy) {
        permissions.push({
          operation: field.name,
          roles: typeof policy.roles === 'string' ? [policy.roles] : [...policy.roles],
          scope: JSON.stringify(policy.scope),
          relation: policy.relation ?? null,
        });
      }
    }
  }
  const stats = schema.getType('RegionStats');
  const statsFields = isObjectType(stats)
    ? Object.values(stats.getFields())
        .filter((f) => ownedBy(f.extensions, id))
        .map((f) => `${f.name}: ${getNamedType(f.type).name}`)
    : [];
  return { types, rootFields, permissions, statsFields };
}

/** adds the manifest fields to ModuleInfo; `full` is the whole schema, known once it is built */
export function registerModuleManifest<T extends { module: ModuleDefinition }>(
  builder: Builder,
  ModuleInfo: Parameters<Builder['objectFields']>[0],
  full: () => GraphQLSchema,
) {
  const cache = new Map<string, ModuleManifest>();
  const manifest = (id: string) => {
    let m = cache.get(id);
    if (!m) cache.set(id, (m = manifestOf(full(), id)));
    return m;
  };
  const Operation = builder.enumType('ModuleOperation', {
    description: '根字段类别',
    values: {
      QUERY: { description: '查询' },
      MUTATION: { description: '变更' },
      SUBSCRIPTION: { description: '订阅 (实时推送 over SSE)' },
    } as const,
  });
  const RootField = builder.objectRef<ModuleManifest['rootFields'][number]>('ModuleRootField').implement({
    description: '模块的根字段 a query or mutation the module contributes',
    fields: (t) => ({
      name: t.exposeString('name'),
      operation: t.field({ type: Operation, resolve: (f) => f.operation }),
    }),
  });
  const Permission = builder.objectRef<ModuleManifest['permissions'][number]>('ModulePermission').implement({
    description: '权限声明 who may run an operation (the declared policy the kernel enforces)',
    fields: (t) => ({
      operation: t.exposeString('operation', { description: '根字段' }),
      roles: t.exposeStringList('roles', { description: '角色 (ANYONE, LOGGED_IN or role names)' }),
      scope: t.exposeString('scope', {
        description: "范围规则 how the target is checked against the viewer's area (JSON)",
      }),
      relation: t.exposeString('relation', { nullable: true, description: '关系规则 the further per-record rule' }),
    }),
  });
  const SettingKind = builder.enumType('ModuleSettingKind', {
    description: '参数类型',
    values: {
      INTEGER: { description: '整数' },
      DECIMAL: { description: '小数' },
      BOOLEAN: { description: '是/否' },
      ENUM: { description: '选项' },
      DURATION: { description: '时长(毫秒)' },
      JSON: { description: '结构化 (表格等)' },
    } as const,
  });
  type SettingRow = { key: string; def: NonNullable<ModuleDefinition['settings']>[string] };
  const SettingSchema = builder.objectRef<SettingRow>('ModuleSettingSchema').implement({
    description: '参数定义 a setting the module declares, typed so a form can be generated',
    fields: (t) => ({
      key: t.exposeString('key'),
      kind: t.field({ type: SettingKind, resolve: (s) => s.def.kind.toUpperCase() as 'INTEGER' }),
      description: t.string({ resolve: (s) => s.def.description }),
      default: t.field({ type: 'JSON', nullable: true, resolve: (s) => s.def.default }),
      min: t.float({ nullable: true, resolve: (s) => s.def.min ?? null }),
      max: t.float({ nullable: true, resolve: (s) => s.def.max ?? null }),
      options: t.stringList({ nullable: true, resolve: (s) => (s.def.options ? [...s.def.options] : null) }),
    }),
  });
  const Job = builder.objectRef<NonNullable<ModuleDefinition['jobs']>[number]>('ModuleJob').implement({
    description: '后台任务 a background job the module runs',
    fields: (t) => ({
      id: t.exposeString('id'),
      description: t.exposeString('description'),
      everyMs: t.int({ description: '运行间隔(毫秒)', resolve: (j) => j.everyMs }),
    }),
  });
  const Events = builder.objectRef<ModuleDefinition>('ModuleEvents').implement({
    description: '领域事件 domain events the module publishes and reacts to',
    fields: (t) => ({
      published: t.stringList({ resolve: (m) => [...(m.publishes ?? [])] }),
      subscribed: t.stringList({ resolve: (m) => Object.keys(m.on ?? {}) }),
    }),
  });
  builder.objectFields(ModuleInfo as never, (t: any) => ({
    types: t.stringList({ description: '贡献的类型', resolve: (i: T) => manifest(i.module.id).types }),
    rootFields: t.field({ type: [RootField], maxItems: 200, resolve: (i: T) => manifest(i.module.id).rootFields }),
    permissions: t.field({ type: [Permission], maxItems: 200, resolve: (i: T) => manifest(i.module.id).permissions }),
    settings: t.field({
      type: [SettingSchema],
      maxItems: 30,
      description: '参数定义',
      resolve: (i: T) => Object.entries(i.module.settings ?? {}).map(([key, def]) => ({ key, def })),
    }),
    statsFields: t.stringList({
      description: '统计字段 RegionStats fields (name: type)',
      resolve: (i: T) => manifest(i.module.id).statsFields,
    }),
    jobs: t.field({ type: [Job], maxItems: 10, resolve: (i: T) => [...(i.module.jobs ?? [])] }),
    events: t.field({ type: Events, resolve: (i: T) => i.module }),
  }));
}
