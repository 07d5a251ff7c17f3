// Per-request batch loaders for core rows that module records point at by plain id column. A field that
// needs a person, organisation or region goes through one of these, so a page costs one query per kind
// of row, whatever its length.
import type DataLoader from 'dataloader';
import type { Organization, Person, Region } from '../../generated/prisma/client.js';
import type { Context } from '../context.js';
import { rowsById } from './model-rows.js';
import { requestLoader, rowLoader } from './request-cache.js';

let names = 0;
/** a request-scoped loader of rows by id: `loader(ctx).load(id)` */
export function byIdLoader<T extends { id: string }>(load: (ctx: Context, ids: string[]) => Promise<T[]>) {
  const name = `byId:${++names}`;
  return (ctx: Context) => rowLoader<T>(ctx, name, (ids) => load(ctx, ids));
}

/**
 * A request-scoped loader of whole rows of `model` by id (as findMany returns them, read without Prisma's row
 * mapping: model-rows.ts). The loaders of every model ask one shared loader, so the people, organisations and
 * regions a page needs at the same moment are one statement, not one per model.
 */
export function modelLoader<T extends { id: string }>(model: string) {
  return (ctx: Context) =>
    rowLoader<T>(ctx, `model:${model}`, async (ids) => {
      const rows = await modelRows(ctx).loadMany(ids.map((id) => `${model}:${id}`));
      return rows.filter((r): r is T => !!r && !(r instanceof Error));
    });
}

const modelRows = (ctx: Context) =>
  requestLoader<string, { id: string } | null>(ctx, 'modelRows', async (keys) => {
    const wanted: Record<string, string[]> = {};
    for (const key of keys) {
      const at = key.indexOf(':');
      (wanted[key.slice(0, at)] ??= []).push(key.slice(at + 1));
    }
    const found = new Map<string, { id: string }>();
    for (const [model, rows] of await rowsById(ctx.prisma, wanted))
      for (const row of rows) found.set(`${model}:${row.id}`, row as { id: string });
    return keys.map((k) => found.get(k) ?? null);
  });

export const personLoader = modelLoader<Person>('Person');
export const organizationLoader = modelLoader<Organization>('Organization');
export const regionLoader = modelLoader<Region>('Region');

/** loads a row that a foreign key guarantees; a miss is a bug, not a user error */
export async function mustLoad<T>(loader: DataLoader<string, T | null>, id: string, what: string): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw new Error(`${what} ${id} is missing`);
  return row;
}
