// The module contract and registry. The kernel never imports a module: the list of installed modules
// is handed to createApp() by the entry point (bin/), and by tests.
import type { Account, Organization, Person, Prisma, PrismaClient, Region } from '../generated/prisma/client.js';
import type { Builder } from './builder.js';
import type { AuditEntry } from './context.js';
import type { ModuleGate } from './core/gate.js';
import type { SettingsReader } from './core/settings.js';
import type { FigureDefinition } from './core/figures.js';
import type { ExportDatasetDefinition } from './core/exports/datasets.js';
import type { DomainEventInput, EventHandler } from './events.js';
import type { NotifyRule } from './live/notify.js';
import type { HttpRoute } from './kit/http-routes.js';
import type { IntakeHandler } from './kit/intake.js';

/**
 * 公开接口: the sub-graph of root fields anyone may use without naming a township (the wish wall,
 * certificate verification). A module adds it to such a field and to the types it returns; anonymous
 * requests without X-Township get the core plus these fields, whose resolvers still hide the records
 * of townships where the module is off.
 */
export const PUBLIC_SUB_GRAPH = 'public';

export interface ModuleDefinition {
  /** stable id: used in switches, sub-graph names and MODULE_DISABLED errors */
  id: string;
  /** Chinese name shown to administrators, e.g. 微心愿 */
  title: string;
  description: string;
  /** ids of modules that must be enabled wherever this one is */
  dependsOn: string[];
  /** state where no switch is set anywhere above a township (default false: opt-in) */
  defaultEnabled?: boolean;
  /** adds types, fields on core types, queries, mutations and statistics */
  register(builder: Builder): void;
  /** domain events this module publishes ("<id>.<pastTense>"), listed in its manifest */
  publishes?: readonly string[];
  /**
   * 通知: which of its events notify whom, keyed by event type (`wishes.wishChanged` …); run at the end of
   * the publishing transaction, only where this module is enabled (src/live/notify.ts)
   */
  notifies?: Record<string, NotifyRule>;
  /** domain events this module reacts to, run only where this module is enabled */
  on?: Record<string, EventHandler>;
  /** per-township parameters (模块参数) an administrator may change; townships inherit like switches */
  settings?: Record<string, SettingDefinition>;
  /** background jobs (sweeps): idempotent, safe with several instances, driven by the injected clock */
  jobs?: JobDefinition[];
  /** 指标: figures for Region.series and Region.ranking, named `<id>.<name>` (src/core/figures.ts) */
  figures?: FigureDefinition[];
  /** 数据导出: datasets for createExport, named `<id>.<name>` (src/core/exports/datasets.ts) */
  exports?: ExportDatasetDefinition[];
  /** GraphQL operations appended to GraphiQL's opening examples (comments say which demo login runs them) */
  examples?: string;
  /** demo data, loaded after the core demo data into an empty database */
  seed?(kit: SeedKit): Promise<void>;
  /**
   * 个人信息: the people linked to cases of an organisation (incidents it reports in on, orders it
   * accepted …), inside `scope`. Its department staff see these people, masked, and nobody else.
   */
  linkedPeople?(kit: LinkedPeopleKit): Promise<string[]>;
  /** 居民上报分流: report categories this module takes from a resident's report (src/kit/intake.ts) */
  intake?: IntakeHandler;
  /** plain HTTP endpoints (e.g. Open311 GeoReport v2), mounted by the kernel before GraphQL (src/kit/http-routes.ts) */
  httpRoutes?: readonly HttpRoute[];
}

export interface LinkedPeopleKit {
  prisma: PrismaClient;
  organizationId: string;
  /** the viewer's region path: only people and cases under it */
  scope: string;
}

/** the shape of a setting's value, so a console can render a form for it */
export type SettingKind = 'integer' | 'decimal' | 'boolean' | 'enum' | 'duration' | 'json';

export interface SettingDefinition {
  /** shown to administrators: Chinese term first */
  description: string;
  kind: SettingKind;
  default: unknown;
  /** bounds of integer, decimal and duration (milliseconds) settings */
  min?: number;
  max?: number;
  /** the values of an enum setting */
  options?: readonly string[];
  /** an error message when `value` is not acceptable, else null */
  validate(value: unknown): string | null;
}

const numberSetting =
  (kind: 'integer' | 'decimal' | 'duration', unit: string) =>
  (description: string, defaultValue: number, min: number, max: number): SettingDefinition => ({
    description,
    kind,
    default: defaultValue,
    min,
    max,
    validate: (v) =>
      typeof v === 'number' && (kind === 'decimal' ? Number.isFinite(v) : Number.isInteger(v)) && v >= min && v <= max
        ? null
        : `应为 ${min}–${max} 的${unit} (${kind === 'decimal' ? 'a number' : 'an integer'} ${min}–${max})`,
  });

/** helpers for common setting shapes */
export const integerSetting = numberSetting('integer', '整数');
export const decimalSetting = numberSetting('decimal', '数');
/** a duration in milliseconds */
export const durationSetting = numberSetting('duration', '毫秒数');

export const booleanSetting = (description: string, defaultValue: boolean): SettingDefinition => ({
  description,
  kind: 'boolean',
  default: defaultValue,
  validate: (v) => (typeof v === 'boolean' ? null : '应为 true 或 false (a boolean)'),
});

export const enumSetting = (
  description: string,
  options: readonly string[],
  defaultValue: string,
): SettingDefinition => ({
  description,
  kind: 'enum',
  default: defaultValue,
  options,
  validate: (v) =>
    options.includes(v as string) ? null : `应为 ${options.join(' / ')} 之一 (one of ${options.join(', ')})`,
});

/** structured values (tables, thresholds) checked by the module's own validator */
export const jsonSetting = (
  description: string,
  defaultValue: unknown,
  validate: (value: unknown) => string | null,
): SettingDefinition => ({ description, kind: 'json', default: defaultValue, validate });

export interface JobKit {
  /** the job runs inside one transaction holding the job's advisory lock: write through tx */
  tx: Prisma.TransactionClient;
  now: Date;
  gate: ModuleGate;
  settings: SettingsReader;
  audit(entry: AuditEntry): Promise<void>;
  publish(event: DomainEventInput): Promise<void>;
}

export interface JobDefinition {
  /** "<module>.<name>", e.g. "grid.escalateOverdue" */
  id: string;
  description: string;
  /** how often the server runs it */
  everyMs: number;
  run(kit: JobKit): Promise<Record<string, unknown> | void>;
}

/** lookups a module's demo data needs to attach to the core demo data */
export interface SeedKit {
  prisma: PrismaClient;
  /** the clock's time: date open items (claims, deadlines, due visits, upcoming activities) from it */
  now: Date;
  /**
   * 演示基准日: the day the demo story is told, 2024-12-20 (the newspaper page's date, "今年" = 2024).
   * Date the story's history from it, so that `stats(from: 2024-01-01, to: 2025-01-01)` shows the page's
   * figures whatever the clock says.
   */
  anchor: Date;
  /**
   * delivers demo events to the installed modules' subscribers (as an API write's w.publish does, each at
   * its own time), so data that crosses modules is derived the same way as in use: a seed publishes
   * `volunteering.hoursVerified`, party-building records the hours
   */
  publish(events: readonly (DomainEventInput & { occurredAt: Date })[]): Promise<void>;
  region(code: string): Promise<Region>;
  person(name: string): Promise<Person>;
  organization(name: string): Promise<Organization>;
  account(username: string): Promise<Account>;
}

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.id) || definition.id === 'core') {
    throw new Error(`module id "${definition.id}" must be lower-case kebab case and not "core"`);
  }
  return Object.freeze({ ...definition, dependsOn: [...definition.dependsOn] });
}

/** validates ids and dependencies and returns the modules in dependency order */
export function orderModules(modules: readonly ModuleDefinition[]): ModuleDefinition[] {
  const byId = new Map<string, ModuleDefinition>();
  for (const m of modules) {
    if (byId.has(m.id)) throw new Error(`module "${m.id}" is installed twice`);
    byId.set(m.id, m);
  }
  const ordered: ModuleDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: ModuleDefinition, trail: string[]) => {
    if (state.get(m.id) === 'done') return;
    if (state.get(m.id) === 'visiting') throw new Error(`module dependency cycle: ${[...trail, m.id].join(' → ')}`);
    state.set(m.id, 'visiting');
    for (const dep of m.dependsOn) {
      const d = byId.get(dep);
      if (!d) throw new Error(`module "${m.id}" depends on "${dep}", which is not installed`);
      visit(d, [...trail, m.id]);
    }
    state.set(m.id, 'done');
    ordered.push(m);
  };
  for (const m of modules) visit(m, []);
  return ordered;
}
