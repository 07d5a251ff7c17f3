// 整行读取: whole rows of a model read as one JSON object per row and turned into what Prisma's findMany
// returns, through the database driver itself when the client is the root one. Prisma maps every column of
// every row through its interpreter: for a page of 50 communities × 10 wishes plus their 43 people that was
// ≈ 1.4 ms of the request's ≈ 7.4 ms of CPU (bench/profile.ts); JSON.parse and a few Dates cost a third of it.
import { getDatamodel } from '../../generated/pothos-types.js';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { directRead } from '../db/index.js';

type Row = Record<string, unknown>;
type Revive = (value: unknown) => unknown;

// DateTime columns are timestamp(3) holding UTC without a zone ("2024-12-20T08:00:00.123" in JSON);
// @db.Date columns are bare dates, which Date parses as UTC midnight, as Prisma returns them
const ZONED = /(Z|[+-]\d\d(:?\d\d)?)$/;
const date: Revive = (v) => {
  const s = v as string;
  return new Date(s.length === 10 || ZONED.test(s) ? s : `${s}Z`);
};
// JSON has no NaN or Infinity: PostgreSQL writes them as strings
const float: Revive = (v) => (typeof v === 'string' ? Number(v) : v);
// decimals and big integers travel as text (see `column`), so no digit is lost to a JSON number
const decimal: Revive = (v) => new Prisma.Decimal(v as string);
const bigint: Revive = (v) => BigInt(v as string);

const REVIVE: Record<string, Revive | null> = {
  DateTime: date,
  Float: float,
  Decimal: decimal,
  BigInt: bigint,
  String: null,
  Int: null,
  Boolean: null,
  Json: null,
};

interface ModelShape {
  /** the model's columns as one JSON object, for `alias` in the statement */
  json: (alias: string) => Prisma.Sql;
  revive: (row: Row) => Row;
}

const datamodel = getDatamodel().datamodel.models;

/** the Prisma client's property for a model: `Person` → `person`, `AuditLog` → `auditLog` */
export const delegateName = (model: string) => `${model[0]!.toLowerCase()}${model.slice(1)}`;
const shapes = new Map<string, ModelShape | null>();

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function buildShape(model: string): ModelShape | null {
  const fields = datamodel[model]?.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
  if (!fields?.every((f) => NAME.test(f.name))) return null;
  const revivers: [string, Revive | null, boolean][] = [];
  for (const f of fields) {
    const revive = f.kind === 'enum' ? null : REVIVE[f.type];
    // Bytes would need an encoding of their own: such a model keeps Prisma's own reading
    if (revive === undefined) return null;
    // a list column may hold NULL, which Prisma returns as an empty list
    if (revive || f.isList) revivers.push([f.name, revive, f.isList]);
  }
  const cast = (f: (typeof fields)[number]) =>
    f.type === 'Decimal' || f.type === 'BigInt' ? (f.isList ? '::text[]' : '::text') : '';
  const columns = fields.map((f) => [f.name, cast(f)] as const);
  // json_build_object takes at most 100 arguments: 50 columns per object, merged as jsonb beyond that
  const chunks: (typeof columns)[] = [];
  for (let i = 0; i < columns.length; i += 50) chunks.push(columns.slice(i, i + 50));
  const json = (alias: string) => {
    if (!NAME.test(alias)) throw new Error(`not an alias: ${alias}`);
    const objects = chunks.map(
      (c) => `json_build_object(${c.map(([n, to]) => `'${n}', ${alias}."${n}"${to}`).join(', ')})`,
    );
    // json either way, so that statements reading several models can UNION them
    const merged = `(${objects.map((o) => `${o}::jsonb`).join(' || ')})::json`;
    return Prisma.raw(objects.length === 1 ? objects[0]! : merged);
  };
  const revive = (row: Row) => {
    for (const [name, fn, list] of revivers) {
      const v = row[name];
      if (list) row[name] = v == null ? [] : fn ? (v as unknown[]).map((x) => (x == null ? x : fn(x))) : v;
      else if (v != null) row[name] = fn!(v);
    }
    return row;
  };
  return { json, revive };
}

/** how rows of `model` are read as JSON, or null when it has a column JSON cannot carry exactly */
export function modelShape(model: string): ModelShape | null {
  if (!shapes.has(model)) shapes.set(model, buildShape(model));
  return shapes.get(model)!;
}

// the driver gets what Prisma would have sent: instants as ISO text (timestamp(3) columns drop the zone,
// which is UTC), decimals and big integers as text
const driverValue = (v: unknown) =>
  v instanceof Date ? v.toISOString() : typeof v === 'bigint' || Prisma.Decimal.isDecimal(v) ? String(v) : v;

/**
 * The rows of a raw SELECT: through the driver when `prisma` is the application's root client (counted like
 * every statement), through Prisma otherwise (a transaction's client must read inside its transaction).
 * Both give the same values only for columns typed alike by both: text, boolean, int4 (`::int`), float8
 * (`::float8`), json and arrays of those; numeric, bigint and timestamps differ (Prisma maps them), so
 * a statement returning those casts them or reads through Prisma.
 */
export async function queryRows<T = Row>(prisma: PrismaClient, sql: Prisma.Sql): Promise<T[]> {
  const read = directRead(prisma);
  if (!read) return prisma.$queryRaw<T[]>(sql);
  return read<T>(sql.text, sql.values.map(driverValue));
}

function mustShape(model: string): ModelShape {
  const shape = modelShape(model);
  if (!shape) throw new Error(`model ${model} cannot be read as JSON rows`);
  return shape;
}

/**
 * Whole rows by id, of one model or several in ONE statement (`{ Person: ids, Organization: ids }`), as
 * `findMany({ where: { id: { in: ids } } })` of each returns them; the rows come back grouped by model.
 */
export async function rowsById(prisma: PrismaClient, wanted: Record<string, readonly string[]>) {
  const models = Object.keys(wanted).filter((m) => wanted[m]!.length);
  const found = new Map<string, Row[]>(Object.keys(wanted).map((m) => [m, []]));
  if (!models.length) return found;
  const parts = models.map(
    (m) => Prisma.sql`SELECT ${m}::text AS "model", ${mustShape(m).json('t')} AS "row"
      FROM ${Prisma.raw(`"${m}"`)} t WHERE t."id" = ANY(${[...wanted[m]!]}::text[])`,
  );
  for (const { model, row } of await queryRows(prisma, Prisma.join(parts, ' UNION ALL '))) {
    found.get(model as string)!.push(mustShape(model as string).revive(row as Row));
  }
  return found;
}
