// What the grid, household and staff mutations share: the grid a viewer may change, the boundary check,
// the code pattern, the `{ <field>, warnings }` payloads and the module's write unit.
import {
  type Checks,
  forbidden,
  notFound,
  parseId,
  type Builder,
  type Context,
  type WriteUnit,
  write,
} from '../../src/kit/index.js';
import { managesGridsAt, MODULE } from './access.js';
import type { refs } from './refs.js';

/** the write unit of the grid module at `regionPath` (a community or a township) */
export const gridWrite = <T>(ctx: Context, regionPath: string, work: (w: WriteUnit) => Promise<T>) =>
  write(ctx, { module: MODULE, regionPath }, work);

/** 网格边界: a GeoJSON Polygon or MultiPolygon (shared by createGrid and updateGrid) */
export function checkBoundary(checks: Checks, boundary: unknown, path: string) {
  const b = boundary as { type?: unknown; coordinates?: unknown } | null | undefined;
  return checks.check(
    b == null ||
      (typeof b === 'object' && (b.type === 'Polygon' || b.type === 'MultiPolygon') && Array.isArray(b.coordinates)),
    path,
    '应为 GeoJSON Polygon 或 MultiPolygon',
  );
}

type Ref = ReturnType<typeof refs>[keyof ReturnType<typeof refs>];

/** a payload `{ <field>, warnings }` (warnings: what did not stop the change, e.g. the grid size) */
export function payloadWithWarnings<T>(builder: Builder, name: string, field: string, type: Ref) {
  return builder.objectRef<{ value: T; warnings: string[] }>(name).implement({
    fields: (t) => ({
      [field]: t.field({ type, resolve: (p) => p.value as never }),
      warnings: t.stringList({
        description: '提示 warnings that did not stop the change (e.g. grid size)',
        resolve: (p) => p.warnings,
      }),
    }),
  });
}

/**
 * a grid the viewer may change: NOT_FOUND, MODULE_DISABLED, FORBIDDEN otherwise — the switch before the
 * permission, so a switched-off township answers the same to everyone
 */
export async function gridForWrite(ctx: Context, gid: string | number, path: string, internalId?: string) {
  const grid = await ctx.prisma.grid.findUnique({ where: { id: internalId ?? parseId(String(gid), 'Grid', path) } });
  if (!grid) throw notFound('网格 grid');
  await ctx.gate.assertEnabled(MODULE, grid.regionPath);
  if (!managesGridsAt(ctx.viewer, grid.regionPath))
    throw forbidden('只有该社区的工作人员或上级管理员可以管理网格 (community workers or admins of this area)');
  return grid;
}

/** 网格编码: 1–30 letters, digits or hyphens */
export const CODE_PATTERN = /^[A-Za-z0-9-]{1,30}$/;
