// Per-request batch loaders for core rows that module records point at by plain id column. A field that
// needs a person, organisation or region goes through one of these, so a page costs one query per kind
// of row, whatever its length.
import type DataLoader from 'dataloader';
import type { Context } from '../context.js';
import { rowLoader } from './request-cache.js';

let names = 0;
/** a request-scoped loader of rows by id: `loader(ctx).load(id)` */
export function byIdLoader<T extends { id: string }>(load: (ctx: Context, ids: string[]) => Promise<T[]>) {
  const name = `byId:${++names}`;
  return (ctx: Context) => rowLoader<T>(ctx, name, (ids) => load(ctx, ids));
}

export const personLoader = byIdLoader((ctx, ids) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }));
export const organizationLoader = byIdLoader((ctx, ids) =>
  ctx.prisma.organization.findMany({ where: { id: { in: ids } } }),
);
export const regionLoader = byIdLoader((ctx, ids) => ctx.prisma.region.findMany({ where: { id: { in: ids } } }));

/** loads a row that a foreign key guarantees; a miss is a bug, not a user error */
export async function mustLoad<T>(loader: DataLoader<string, T | null>, id: string, what: string): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw new Error(`${what} ${id} is missing`);
  return row;
}
