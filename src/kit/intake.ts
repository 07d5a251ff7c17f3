// 居民上报分流 (intake routing): a resident's report enters the grid's incident chain unless another enabled
// module claims its category in that township — e.g. party-building turns a livelihood request into a
// residential branch's 诉求. The reporting module never imports the claiming one: modules declare an
// `intake` handler in their manifest, the kernel records them per schema builder, and the reporting module
// asks the kit for the route and for the payload fields that carry each claimant's record by name.
import type { Context } from '../context.js';
import type { ModuleDefinition } from '../modules.js';
import { unitOf, type WriteUnit } from './write.js';

/** what a resident reported, as the claiming module receives it */
export interface IntakeReport {
  category: string;
  description: string;
  /** the community reported for */
  communityId: string;
  regionPath: string;
  latitude: number | null;
  longitude: number | null;
  attachmentUrls: string[];
  hideFromPublic: boolean;
  accountId: string;
  personId: string | null;
}

export interface IntakeHandler {
  /** report categories this module may take (the grid's IncidentCategory names) */
  categories: readonly string[];
  /** the payload field that carries the created record, and its GraphQL type, e.g. residentRequest */
  field: string;
  type: string;
  description: string;
  /** whether the module takes this report here (read before the write: a settings or a lookup check) */
  accepts(ctx: Context, report: IntakeReport): Promise<boolean>;
  /** creates the record inside the reporting module's transaction, through the claimant's own write unit */
  create(w: WriteUnit, ctx: Context, report: IntakeReport): Promise<{ id: string }>;
}

export interface IntakeRoute {
  module: string;
  handler: IntakeHandler;
}

const registry = new WeakMap<object, IntakeRoute[]>();

/** called by the kernel before the modules register (src/schema.ts) */
export function installIntake(builder: object, modules: readonly ModuleDefinition[]) {
  registry.set(
    builder,
    modules.filter((m) => m.intake).map((m) => ({ module: m.id, handler: m.intake! })),
  );
}

/** the claimants installed with this builder (for the payload fields, one per claimant) */
export const intakeRoutes = (builder: object): readonly IntakeRoute[] => registry.get(builder) ?? [];

/** the first installed module that is on at the report's place, claims its category and accepts it */
export async function routeIntake(builder: object, ctx: Context, report: IntakeReport): Promise<IntakeRoute | null> {
  for (const route of intakeRoutes(builder)) {
    if (!route.handler.categories.includes(report.category)) continue;
    if (!(await ctx.gate.isEnabledAt(route.module, report.regionPath))) continue;
    if (await route.handler.accepts(ctx, report)) return route;
  }
  return null;
}

/** runs the claimant's `create` in the caller's transaction with the claimant's audit prefix and events */
export function createThroughRoute(route: IntakeRoute, w: WriteUnit, ctx: Context, report: IntakeReport) {
  const unit = unitOf(ctx, { module: route.module, regionPath: report.regionPath }, w.tx, w.now);
  return route.handler.create(unit, ctx, report);
}
