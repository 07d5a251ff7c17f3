// Builds the full schema once, then one sub-graph per distinct set of enabled modules, cached.
import { brandWithType } from '@pothos/core';
import { PothosSubGraphPlugin } from '@pothos/plugin-sub-graph';
import type { GraphQLSchema } from 'graphql';
import { createBuilder } from './builder.js';
import { withOwner } from './kit/module-scope.js';
import { registerAccounts } from './core/account.js';
import { registerApiKeys } from './core/api-keys.js';
import { registerAudit } from './core/audit.js';
import { registerInbox } from './live/inbox.js';
import { registerErrorTypes } from './core/errors-graph.js';
import { registerModuleSwitches } from './core/module-switch.js';
import { nodeGuardFor } from './core/node-guards.js';
import { registerOrganizations } from './core/organization.js';
import { registerPeople } from './core/person.js';
import { registerRegions } from './core/region.js';
import { registerSettings } from './core/settings.js';
import { registerSeries } from './core/series.js';
import { registerExports } from './core/exports/graph.js';
import { orderModules, PUBLIC_SUB_GRAPH, type ModuleDefinition } from './modules.js';
import { installIntake } from './kit/intake.js';

/** cache key of the public schema (module ids never contain '#') */
const PUBLIC_KEY = '#public';

export interface SchemaDeps {
  signToken: (a: { id: string; tokenVersion: number }, now: Date) => Promise<{ token: string; expiresAt: Date }>;
}

export class SchemaRegistry {
  readonly modules: ModuleDefinition[];
  readonly full: GraphQLSchema;
  private readonly builder: ReturnType<typeof createBuilder>;
  private readonly cache = new Map<string, GraphQLSchema>();

  constructor(modules: readonly ModuleDefinition[], deps: SchemaDeps) {
    this.modules = orderModules(modules);
    const builder = createBuilder(['core', ...this.modules.map((m) => m.id)]);
    this.builder = builder;
    registerErrorTypes(builder);
    registerRegions(builder);
    registerOrganizations(builder);
    registerPeople(builder);
    registerAccounts(builder, deps);
    const { Source } = registerModuleSwitches(builder, this.modules, () => this.full);
    registerSettings(builder, this.modules, Source);
    registerAudit(builder);
    registerSeries(builder, this.modules);
    registerExports(builder);
    registerInbox(builder);
    registerApiKeys(builder);
    builder.queryField('node', (t) =>
      t.field({
        subGraphs: ['core', ...this.modules.map((m) => m.id)],
        policy: { roles: 'ANYONE', scope: 'NONE', relation: 'each type declares who may read one of its records' },
        description: '按全局 ID 取对象 fetch any object you may read by its global id',
        type: builder.nodeInterfaceRef(),
        nullable: true,
        args: { id: t.arg.globalID({ required: true }) },
        resolve: async (_root, args, ctx) => (await this.readNode(ctx, args.id.typename, args.id.id)) as never,
      }),
    );
    // whatever a module registers is its own unless it says otherwise (fail closed)
    installIntake(builder, this.modules);
    for (const m of this.modules) withOwner(m.id, () => m.register(builder));
    this.full = builder.toSchema();
  }

  /**
   * one record as `node(id)` reads it: the type's read guard and its module's switch at the record (also
   * the live service's delivery check); null when absent or not for this viewer
   */
  async readNode(ctx: import('./context.js').Context, typename: string, id: string) {
    const guard = nodeGuardFor(this.builder, typename);
    if (!guard) return null;
    const record = await loadNode(ctx, typename, id);
    if (!record || !(await guard(record, ctx))) return null;
    // a module's record in a township where that module is off stays hidden, whatever the guard says
    const owner = this.moduleOfType(typename);
    if (owner && typeof record.regionPath === 'string' && !(await ctx.gate.isEnabledAt(owner, record.regionPath)))
      return null;
    brandWithType(record, typename as never);
    return record;
  }

  /** the module a GraphQL type belongs to (its only sub-graph), or null for core types */
  moduleOfType(typename: string): string | null {
    const subGraphs = this.full.getType(typename)?.extensions?.subGraphs as string[] | undefined;
    return subGraphs?.length === 1 && subGraphs[0] !== 'core' ? subGraphs[0]! : null;
  }

  /**
   * 公开: for anonymous requests that name no township: the core plus every module's public root
   * fields (PUBLIC_SUB_GRAPH), so the wish wall and certificate verification need no X-Township header
   */
  publicSchema(): GraphQLSchema {
    let schema = this.cache.get(PUBLIC_KEY);
    if (!schema) {
      schema = PothosSubGraphPlugin.createSubGraph(this.full, ['core', PUBLIC_SUB_GRAPH], this.builder as never);
      this.cache.set(PUBLIC_KEY, schema);
    }
    return schema;
  }

  /** the schema for core plus these modules (unknown ids are ignored) */
  schemaFor(moduleIds: readonly string[]): GraphQLSchema {
    const ids = this.modules.map((m) => m.id).filter((id) => moduleIds.includes(id));
    const key = ids.join(',');
    let schema = this.cache.get(key);
    if (!schema) {
      schema = PothosSubGraphPlugin.createSubGraph(this.full, ['core', ...ids], this.builder as never);
      this.cache.set(key, schema);
    }
    return schema;
  }
}

// `node` loads by Prisma model name: every Node type is a Prisma model of the same name, except
// where the GraphQL name differs (AuditEntry).
const MODEL_OF: Record<string, string> = { AuditEntry: 'auditLog' };
async function loadNode(ctx: import('./context.js').Context, typename: string, id: string) {
  const model = MODEL_OF[typename] ?? `${typename[0]!.toLowerCase()}${typename.slice(1)}`;
  const delegate = (ctx.prisma as unknown as Record<string, { findUnique?: (a: unknown) => Promise<unknown> }>)[model];
  if (!delegate?.findUnique) return null;
  return (await delegate.findUnique({ where: { id } })) as Record<string, unknown> | null;
}
