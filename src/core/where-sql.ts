// Prisma filters as SQL, for the few raw statements Prisma cannot express (a page per parent in one
// statement). Only the operators lists use are understood; anything else gives null and the caller
// keeps its Prisma query, so an unfamiliar filter is never silently widened.
import { Prisma } from '../../generated/prisma/client.js';

type Where = Record<string, unknown>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATORS = new Set(['equals', 'in', 'notIn', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'not', 'has']);
const COMPARE = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

const isPlain = (v: unknown): v is Where =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !Prisma.Decimal.isDecimal(v);

/** a column compared with one value, the value typed so PostgreSQL need not guess */
function compare(col: Prisma.Sql, op: string, value: unknown): Prisma.Sql | null {
  if (value === null) return op === '=' ? Prisma.sql`${col} IS NULL` : Prisma.sql`${col} IS NOT NULL`;
  const sqlOp = Prisma.raw(op);
  if (typeof value === 'string') return Prisma.sql`${col}::text ${sqlOp} ${value}`;
  if (typeof value === 'number') return Prisma.sql`${col} ${sqlOp} ${value}::numeric`;
  if (typeof value === 'boolean') return Prisma.sql`${col} ${sqlOp} ${value}::boolean`;
  if (value instanceof Date) return Prisma.sql`${col} ${sqlOp} ${value.toISOString()}::timestamp(3)`;
  return null;
}

function oneOf(col: Prisma.Sql, values: unknown, negate: boolean): Prisma.Sql | null {
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return null;
  if (!values.length) return negate ? Prisma.sql`TRUE` : Prisma.sql`FALSE`;
  const list = Prisma.sql`${col}::text = ANY(${values}::text[])`;
  return negate ? Prisma.sql`NOT (${list})` : list;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function operator(col: Prisma.Sql, op: string, value: unknown): Prisma.Sql | null {
  switch (op) {
    case 'equals':
      return compare(col, '=', value);
    case 'in':
      return oneOf(col, value, false);
    case 'notIn':
      return oneOf(col, value, true);
    case 'startsWith':
      return typeof value === 'string' ? Prisma.sql`${col}::text LIKE ${`${escapeLike(value)}%`}` : null;
    case 'has':
      return typeof value === 'string' ? Prisma.sql`${value} = ANY(${col})` : null;
    case 'not': {
      if (value === null) return compare(col, '<>', null);
      const inner = isPlain(value) ? field(col, value) : compare(col, '=', value);
      return inner && Prisma.sql`NOT (${inner})`;
    }
    default: {
      const cmp = COMPARE[op as keyof typeof COMPARE];
      return cmp ? compare(col, cmp, value) : null;
    }
  }
}

/** `{ equals, in, startsWith, … }` on one column (all must hold) */
function field(col: Prisma.Sql, filter: Where): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  for (const [op, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (!OPERATORS.has(op)) return null;
    const part = operator(col, op, value);
    if (!part) return null;
    parts.push(part);
  }
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

function list(value: unknown): Where[] | null {
  const items = Array.isArray(value) ? value : [value];
  return items.every(isPlain) ? (items as Where[]) : null;
}

/** the filter as a SQL condition on `alias`, or null when it uses something this does not understand */
export function whereToSql(where: Where, alias: string): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      const items = list(value);
      const compiled = items?.map((w) => whereToSql(w, alias));
      if (!compiled || compiled.some((c) => !c)) return null;
      const sqls = compiled as Prisma.Sql[];
      if (key === 'AND') parts.push(sqls.length ? Prisma.sql`(${Prisma.join(sqls, ' AND ')})` : Prisma.sql`TRUE`);
      else if (key === 'OR') parts.push(sqls.length ? Prisma.sql`(${Prisma.join(sqls, ' OR ')})` : Prisma.sql`FALSE`);
      else parts.push(sqls.length ? Prisma.sql`NOT (${Prisma.join(sqls, ' OR ')})` : Prisma.sql`TRUE`);
      continue;
    }
    if (!NAME.test(key)) return null;
    const col = Prisma.raw(`${alias}."${key}"`);
    const part = isPlain(value) ? field(col, value) : compare(col, '=', value);
    if (!part) return null;
    parts.push(part);
  }
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}
