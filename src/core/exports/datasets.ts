// 数据导出数据集: what a module lets its records be exported as (`exports` in its manifest). A dataset is a
// list of columns, each with the personal-data class that decides which roles are offered it, and one SQL
// SELECT the kernel pages through by keyset (`"_key"`, never OFFSET), inside the requester's scope and
// outside the townships where the module is off. The kernel masks and omits columns by role, so a module
// states the class once and cannot forget a role.
import { Prisma, type Role } from '../../../generated/prisma/client.js';
import { maskName } from '../../auth/mask.js';
import { MANAGERS, READERS } from '../../auth/policy.js';
import type { Viewer } from '../../auth/viewer.js';
import type { ModuleDefinition } from '../../modules.js';

export type ExportColumnType = 'STRING' | 'NUMBER' | 'DATE' | 'DATETIME' | 'BOOLEAN';

/**
 * 个人信息类别 of a column:
 * - NONE: no person can be told from it (figures, categories, statuses, dates, region names);
 * - NAME: a person's name: in full for those who manage the people of the area, surname only for
 *   department staff (as `Person.name` in the API), never offered to analysts;
 * - CONTACT: phone, address, id number; SENSITIVE: PIPL art. 28 facts (health, disability …):
 *   offered only to those who manage the people of the area.
 */
export type PersonalData = 'NONE' | 'NAME' | 'CONTACT' | 'SENSITIVE';

export interface ExportColumn {
  /** the SQL column of the dataset's SELECT, e.g. "title" */
  id: string;
  /** 中文表头 */
  title: string;
  type: ExportColumnType;
  /** default NONE */
  personal?: PersonalData;
}

/** what a dataset's SELECT may use: the requester and the filter, already validated */
export interface ExportQueryKit {
  viewer: Viewer;
  /** the region path the export covers (the filter's region, else the requester's area) */
  scope: string;
  /** `column` inside the scope and outside townships where the module is off (gate.readableSql) */
  readable(column: string): Promise<Prisma.Sql>;
  from: Date | null;
  to: Date | null;
  status: string | null;
}

export interface ExportDatasetDefinition {
  /** the name within the module: the dataset id is `<module>.<name>` */
  name: string;
  /** 中文名称, also the downloaded file's name */
  title: string;
  description?: string;
  columns: readonly ExportColumn[];
  /** roles that may export it (default: READERS, the roles that list others' records in their area) */
  roles?: readonly Role[];
  /** the values `filter.status` may take (none: the dataset takes no status filter) */
  statuses?: readonly string[];
  /**
   * One SELECT with a unique, orderable text column `"_key"` and a column per `columns[].id`. The kernel
   * runs `SELECT * FROM (<this>) d WHERE d."_key" > $after ORDER BY d."_key" LIMIT $n`: keep it a plain
   * SELECT (no ORDER BY/LIMIT/GROUP BY over large tables) so PostgreSQL folds the key condition into it and
   * an index on the key column serves every page.
   */
  rows(kit: ExportQueryKit): Promise<Prisma.Sql>;
}

export interface DeclaredDataset {
  id: string;
  moduleId: string;
  definition: ExportDatasetDefinition;
}

/** every dataset of the installed modules, by id */
export function declaredDatasets(modules: readonly ModuleDefinition[]): Map<string, DeclaredDataset> {
  const all = new Map<string, DeclaredDataset>();
  for (const m of modules)
    for (const d of m.exports ?? []) {
      const id = `${m.id}.${d.name}`;
      if (all.has(id)) throw new Error(`export dataset ${id} is declared twice`);
      // the bounds of exportDatasets (maxItems) in GraphQL
      if (d.columns.length > 40) throw new Error(`${id}: at most 40 columns`);
      if (d.columns.some((c) => c.id === '_key' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(c.id)))
        throw new Error(`${id}: column ids are plain identifiers, not "_key"`);
      all.set(id, { id, moduleId: m.id, definition: d });
    }
  return all;
}

export const mayExport = (role: Role, d: DeclaredDataset) => (d.definition.roles ?? READERS).includes(role);

/** whether a role is offered a column of this class, and how its values are shown */
export function columnView(role: Role, personal: PersonalData = 'NONE'): 'CLEAR' | 'MASKED' | null {
  if (personal === 'NONE') return 'CLEAR';
  if (MANAGERS.includes(role)) return 'CLEAR';
  if (personal === 'NAME' && role === 'DEPARTMENT_STAFF') return 'MASKED';
  return null;
}

export interface OfferedColumn extends ExportColumn {
  view: 'CLEAR' | 'MASKED';
}

/** the columns this role is offered, in order: the ones it may not see are left out, not masked */
export function offeredColumns(role: Role, d: DeclaredDataset): OfferedColumn[] {
  const out: OfferedColumn[] = [];
  for (const c of d.definition.columns) {
    const view = columnView(role, c.personal);
    if (view) out.push({ ...c, view });
  }
  return out;
}

/** a value as the column shows it to this requester (only NAME columns are ever masked) */
export const shownValue = (c: OfferedColumn, value: unknown) =>
  c.view === 'MASKED' && typeof value === 'string' ? maskName(value) : value;

/** a record's relay global id computed in SQL (base64 of "<Type>:<id>", as the API shows it) */
export const globalIdSql = (typename: string, column: string) =>
  Prisma.sql`translate(encode(convert_to(${`${typename}:`} || ${Prisma.raw(column)}, 'UTF8'), 'base64'), E'\\n', '')`;
