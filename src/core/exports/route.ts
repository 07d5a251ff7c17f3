// GET /exports/{id}: the file of a READY export, for the account that created it (bearer token), streamed
// from its ExportChunk rows: a pull-based ReadableStream reads the next chunk only when the client has taken
// the previous one, so a slow download holds one chunk in memory. Any instance serves it. Every download is
// audited (export.download). Errors are JSON: 401 without a valid token, 404 for an unknown export or
// another account's (no hint that it exists), 409 while not READY, 410 once expired.
import type { Viewer } from '../../auth/viewer.js';
import type { Clock } from '../../context.js';
import type { Database } from '../../db/index.js';
import type { HttpRoute } from '../../kit/http-routes.js';
import type { ExportService } from './service.js';

const TYPES = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const problem = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name (the dataset's Chinese title) */
export function contentDisposition(title: string, day: string, ext: string) {
  const name = `${title}-${day}.${ext}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="export-${day}.${ext}"; filename*=UTF-8''${encoded}`;
}

function chunkStream(db: Database, exportId: string): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const [chunk] = await db.prisma.$queryRaw<{ data: string }[]>`
          SELECT encode(data, 'base64') AS data FROM "ExportChunk" WHERE "exportId" = ${exportId} AND seq = ${seq}`;
        if (!chunk) return controller.close();
        seq++;
        controller.enqueue(new Uint8Array(Buffer.from(chunk.data, 'base64')));
      },
    },
    { highWaterMark: 1 },
  );
}

export function exportRoute(
  db: Database,
  clock: Clock,
  service: ExportService,
  viewerOf: (request: Request) => Promise<Viewer | null>,
): HttpRoute {
  return {
    method: 'GET',
    path: '/exports/:id',
    async handle({ request, params }) {
      const viewer = await viewerOf(request);
      if (!viewer) return problem(401, 'UNAUTHENTICATED', '需要登录令牌 (Authorization: Bearer <token>)');
      const id = params.id!;
      const e = /^[0-9a-f-]{36}$/.test(id) ? await db.prisma.export.findUnique({ where: { id } }) : null;
      if (!e || e.accountId !== viewer.accountId) return problem(404, 'NOT_FOUND', '导出不存在 (not found)');
      const now = clock.now();
      if (e.status === 'EXPIRED' || e.expiresAt <= now) return problem(410, 'EXPIRED', '导出文件已过期 (expired)');
      if (e.status !== 'READY') return problem(409, 'NOT_READY', `导出尚未完成 (status ${e.status})`);
      await db.prisma.auditLog.create({
        data: {
          actorId: viewer.accountId,
          action: 'export.download',
          entityType: 'Export',
          entityId: e.id,
          regionPath: e.regionPath,
          data: { dataset: e.dataset, format: e.format, rowCount: e.rowCount },
        },
      });
      const title = service.datasets.get(e.dataset)?.definition.title ?? e.dataset;
      const day = new Date(e.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      return new Response(chunkStream(db, e.id), {
        headers: {
          'content-type': TYPES[e.format],
          'content-length': String(e.bytes),
          'content-disposition': contentDisposition(title, day, e.format.toLowerCase()),
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  };
}
