// 开关缓存: the module switches and the township list, shared by every request of this instance and
// reloaded when the database's CacheVersion tokens (replaced by triggers on every change, whoever makes
// it) differ from the ones they were loaded at. A request reads the tokens with its account in one
// statement, so a switch set through another instance is seen on the very next request.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { SwitchRow } from './gate.js';

export interface CacheTokens {
  switches: string;
  regions: string;
}

/** what ModuleGate reads instead of querying, valid for one pair of tokens */
export interface SwitchSnapshot {
  switches(): Promise<SwitchRow[]>;
  townshipsUnder(scope: string): Promise<string[]>;
  /** a township's path by its code or id, null when there is none */
  township(where: { code: string } | { id: string }): Promise<string | null>;
  /** loads both tables together, so the first request after a change pays for both, and only it */
  load(): Promise<void>;
  /** what follows from these tables alone (a scope's modules), computed once per pair of tokens */
  derived<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

interface Township {
  id: string;
  code: string;
  path: string;
}

interface Entry {
  tokens: CacheTokens;
  switches?: Promise<SwitchRow[]>;
  /** every township (a few hundred per prefecture): scope lists and X-Township lookups read it in memory */
  townships?: Promise<Township[]>;
  /** bounded by the regions there are: keys are scopes the tables themselves name */
  derived: Map<string, Promise<unknown>>;
}

const same = (a: CacheTokens, b: CacheTokens) => a.switches === b.switches && a.regions === b.regions;

export class SwitchCache {
  private entry?: Entry;

  constructor(private readonly prisma: PrismaClient) {}

  /** a load that failed is forgotten, so one database hiccup does not stick to the cache */
  private once<K extends 'switches' | 'townships'>(entry: Entry, key: K, load: () => NonNullable<Entry[K]>) {
    if (!entry[key]) {
      const value = load();
      entry[key] = value;
      value.catch(() => {
        if (entry[key] === value) entry[key] = undefined;
      });
    }
    return entry[key]!;
  }

  at(tokens: CacheTokens): SwitchSnapshot {
    const entry =
      this.entry && same(this.entry.tokens, tokens) ? this.entry : (this.entry = { tokens, derived: new Map() });
    const townships = () =>
      this.once(entry, 'townships', () =>
        this.prisma.region.findMany({ where: { level: 'TOWNSHIP' }, select: { id: true, code: true, path: true } }),
      );
    const switches = () =>
      this.once(entry, 'switches', () =>
        this.prisma.moduleSwitch.findMany({ select: { regionPath: true, moduleId: true, enabled: true } }),
      );
    return {
      load: async () => {
        await Promise.all([switches(), townships()]);
      },
      switches,
      derived: <T>(key: string, compute: () => Promise<T>) => {
        let found = entry.derived.get(key) as Promise<T> | undefined;
        if (!found) {
          const value = compute();
          entry.derived.set(key, (found = value));
          value.catch(() => entry.derived.get(key) === value && entry.derived.delete(key));
        }
        return found;
      },
      townshipsUnder: async (scope) => (await townships()).filter((t) => t.path.startsWith(scope)).map((t) => t.path),
      township: async (where) => {
        const found = (await townships()).find((t) => ('code' in where ? t.code === where.code : t.id === where.id));
        return found?.path ?? null;
      },
    };
  }
}
