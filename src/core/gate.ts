import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { ModuleDisabledError } from '../errors.js';
import type { ModuleDefinition } from '../modules.js';
import { inherited, townshipPathOf } from './paths.js';
import type { SwitchSnapshot } from './switch-cache.js';

export type SwitchSource = 'SET_HERE' | 'INHERITED' | 'DEFAULT';

export interface ModuleState {
  moduleId: string;
  enabled: boolean;
  source: SwitchSource;
  /** path of the region whose switch decides, null for the module's default */
  decidedAt: string | null;
}

export interface SwitchRow {
  regionPath: string;
  moduleId: string;
  enabled: boolean;
}

/**
 * Per-request view of the module switches (模块开关). Loads the switch table once per request, so
 * every check in one request agrees, and a change made by another instance is seen on the next one.
 */
export class ModuleGate {
  private switches?: Promise<SwitchRow[]>;
  private readonly townships = new Map<string, Promise<string[]>>();
  private readonly disabled = new Map<string, Promise<string[]>>();
  private readonly byId: Map<string, ModuleDefinition>;

  constructor(
    private readonly prisma: PrismaClient,
    readonly modules: readonly ModuleDefinition[],
    /** the instance's shared cache, current for this request's tokens (none inside jobs and events) */
    private readonly snapshot?: SwitchSnapshot,
  ) {
    this.byId = new Map(modules.map((m) => [m.id, m]));
  }

  private loadSwitches() {
    return (this.switches ??=
      this.snapshot?.switches() ??
      this.prisma.moduleSwitch.findMany({ select: { regionPath: true, moduleId: true, enabled: true } }));
  }

  private townshipsUnder(scope: string) {
    let list = this.townships.get(scope);
    if (!list && this.snapshot) {
      list = this.snapshot.townshipsUnder(scope);
      this.townships.set(scope, list);
    }
    if (!list) {
      list = this.prisma.region
        .findMany({ where: { level: 'TOWNSHIP', path: { startsWith: scope } }, select: { path: true } })
        .then((rows) => rows.map((r) => r.path));
      this.townships.set(scope, list);
    }
    return list;
  }

  /** the state at a prefecture, county or township path (a community path resolves to its township) */
  async stateAt(moduleId: string, path: string): Promise<ModuleState> {
    const module = this.byId.get(moduleId);
    if (!module) throw new Error(`unknown module ${moduleId}`);
    return effectiveState(await this.loadSwitches(), module, path);
  }

  /** every switch row (for what-if checks before a change) */
  allSwitches() {
    return this.loadSwitches();
  }

  townshipsWithin(scope: string) {
    const own = townshipPathOf(scope);
    return own ? Promise.resolve([own]) : this.townshipsUnder(scope);
  }

  async isEnabledAt(moduleId: string, path: string): Promise<boolean> {
    return (await this.stateAt(moduleId, path)).enabled;
  }

  /** refuses a write (or a read of one record) where the module is off: MODULE_DISABLED */
  async assertEnabled(moduleId: string, path: string, where = '该乡镇'): Promise<void> {
    if (!(await this.isEnabledAt(moduleId, path))) throw new ModuleDisabledError(moduleId, where);
  }

  /** the townships under `scope` (or the township of a deeper scope) where the module is off */
  disabledTownshipsWithin(moduleId: string, scope: string): Promise<string[]> {
    // asked once per parent of a page (every Region.wishes builds its filter): answered once per request
    const key = `${moduleId}\u0000${scope}`;
    let found = this.disabled.get(key);
    if (!found) this.disabled.set(key, (found = this.findDisabledTownships(moduleId, scope)));
    return found;
  }

  private async findDisabledTownships(moduleId: string, scope: string): Promise<string[]> {
    const own = townshipPathOf(scope);
    if (own) return (await this.isEnabledAt(moduleId, own)) ? [] : [own];
    const result: string[] = [];
    for (const t of await this.townshipsUnder(scope)) if (!(await this.isEnabledAt(moduleId, t))) result.push(t);
    return result;
  }

  /**
   * A Prisma filter for records of `moduleId` whose path column lies inside `scope` and outside
   * every township where the module is off. Lists use it so switched-off data is hidden, not deleted.
   */
  async readableWhere(moduleId: string, scope: string, column = 'regionPath') {
    const off = await this.disabledTownshipsWithin(moduleId, scope);
    return {
      AND: [{ [column]: { startsWith: scope } }, ...off.map((p) => ({ NOT: { [column]: { startsWith: p } } }))],
    };
  }

  /**
   * The same filter as SQL for raw statistics queries: `column` (e.g. `w."regionPath"`) inside `scope`
   * and outside every township where the module is off.
   */
  async readableSql(moduleId: string, scope: string, column: string): Promise<Prisma.Sql> {
    const col = Prisma.raw(column);
    const off = await this.disabledTownshipsWithin(moduleId, scope);
    const hidden = off.length
      ? Prisma.sql` AND NOT (${Prisma.join(
          off.map((p) => Prisma.sql`${col} LIKE ${`${p}%`}`),
          ' OR ',
        )})`
      : Prisma.empty;
    return Prisma.sql`${col} LIKE ${`${scope}%`}${hidden}`;
  }

  /** modules on in at least one township within `scope`: what a viewer scoped there may see */
  enabledWithin(scope: string): Promise<string[]> {
    // asked by every request for its schema: the answer changes only with the switch cache's tokens
    const find = () => this.findEnabled(scope);
    return this.snapshot ? this.snapshot.derived(`enabledWithin:${scope}`, find) : find();
  }

  private async findEnabled(scope: string): Promise<string[]> {
    const own = townshipPathOf(scope);
    const townships = own ? [own] : await this.townshipsUnder(scope);
    const result: string[] = [];
    for (const m of this.modules) {
      for (const t of townships) {
        if (await this.isEnabledAt(m.id, t)) {
          result.push(m.id);
          break;
        }
      }
    }
    return result;
  }
}

/** the nearest switch at or above the township decides; none means the module's default */
export function effectiveState(switches: readonly SwitchRow[], module: ModuleDefinition, path: string): ModuleState {
  const { row, source, decidedAt } = inherited(
    switches.filter((s) => s.moduleId === module.id),
    path,
  );
  return { moduleId: module.id, enabled: row ? row.enabled : (module.defaultEnabled ?? false), source, decidedAt };
}
