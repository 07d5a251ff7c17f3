// The module contract and registry. The kernel never imports a module: the list of installed modules
// is handed to createApp() by the entry point (bin/), and by tests.
import type { Account, Organization, Person, Prisma, PrismaClient, Region } from '../generated/prisma/client.js';
import type { Builder } from './builder.js';
import type { AuditEntry } from './context.js';
import type { ModuleGate } from './core/gate.js';
import type { SettingsReader } from './core/settings.js';
import type { DomainEventInput, EventHandler } from './events.js';

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
  /** domain events this module reacts to, run only where this module is enabled */
  on?: Record<string, EventHandler>;
  /** per-township parameters (模块参数) an administrator may change; townships inherit like switches */
  settings?: Record<string, SettingDefinition>;
  /** background jobs (sweeps): idempotent, safe with several instances, driven by the injected clock */
  jobs?: JobDefinition[];
  /** GraphQL operations appended to GraphiQL's opening examples (comments say which demo login runs them) */
  examples?: string;
  /** demo data, loaded after the core demo data into an empty database */
  seed?(kit: SeedKit): Promise<void>;
  /**
   * 个人信息: the people linked to cases of an organisation (incidents it reports in on, orders it
   * accepted …), inside `scope`. Its department staff see these people, masked, and nobody else.
   */
  linkedPeople?(kit: LinkedPeopleKit): Promise<string[]>;
}

export interface LinkedPeopleKit {
  prisma: PrismaClient;
  organizationId: string;
  /** the viewer's region path: only people and cases under it */
  scope: string;
}

export interface SettingDefinition {
  /** shown to administrators: Chinese term first */
  description: string;
  default: unknown;
  /** an error message when `value` is not acceptable, else null */
  validate(value: unknown): string | null;
}

/** helpers for common setting shapes */
export const integerSetting = (description: string, defaultValue: number, min: number, max: number): SettingDefinition => ({
  description,
  default: defaultValue,
  validate: (v) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? null : `应为 ${min}–${max} 的整数 (an integer ${min}–${max})`),
});

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
  now: Date;
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
