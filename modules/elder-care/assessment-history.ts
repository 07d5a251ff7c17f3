// 评估历史: CareRecipient.assessments(first, after) — every capability assessment of a recipient,
// newest first, as a connection. Same readers as CareRecipient.assessment (readsHealth): everyone else
// gets null, silently, like `assessment` (no FORBIDDEN — the recipient stays listable, only the health
// data is withheld). Each assessment returned is one `elderCare.sensitiveRead` audit row (field
// "assessments"), written in the request's batched INSERT before the data leaves.
// N+1-free: one window-function query picks the page of every recipient in the list, one findMany loads
// those rows, one INSERT audits them — the same statements for a page of 5 recipients as for 50.
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  mapLoader,
  modelRef,
  Prisma,
  requestLoader,
  ValidationError,
  type Builder,
  type CapabilityAssessment,
  type CareRecipient,
  type Context,
} from '../../src/kit/index.js';
import { auditRead, readsHealth } from './access.js';

const CURSOR_PREFIX = 'CapabilityAssessment:';

/** an opaque keyset cursor: the assessment's position in (assessedAt desc, id desc) */
export const encodeAssessmentCursor = (a: { assessedAt: Date; id: string }) =>
  Buffer.from(`${CURSOR_PREFIX}${a.assessedAt.toISOString()}|${a.id}`).toString('base64');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const text = Buffer.from(cursor, 'base64').toString();
  const [at, id] = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length).split('|') : [];
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id) throw new ValidationError('无效的游标 (invalid cursor)', 'after');
  return { at: date, id };
}

interface Page {
  take: number;
  after: { at: Date; id: string } | null;
}

/** the first `take + 1` assessments of each recipient (after the cursor), newest first — two statements per list */
function historyLoader(ctx: Context, page: Page) {
  const cursor = page.after ? `${page.after.at.toISOString()}|${page.after.id}` : '';
  const key = `elder-care.assessmentHistory:${page.take}:${cursor}`;
  return requestLoader<string, CapabilityAssessment[]>(ctx, key, async (recipientIds) => {
    const after = page.after
      ? Prisma.sql`AND ("assessedAt", "id") < (${page.after.at.toISOString()}::timestamp, ${page.after.id})`
      : Prisma.empty;
    const ranked = await ctx.prisma.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM (
        SELECT "id", ROW_NUMBER() OVER (PARTITION BY "recipientId" ORDER BY "assessedAt" DESC, "id" DESC) AS "rank"
        FROM "CapabilityAssessment"
        WHERE "recipientId" IN (${Prisma.join([...recipientIds])}) ${after}
      ) AS "page"
      WHERE "rank" <= ${page.take + 1}`;
    const rows = ranked.length
      ? await ctx.prisma.capabilityAssessment.findMany({
          where: { id: { in: ranked.map((r) => r.id) } },
          orderBy: [{ assessedAt: 'desc' }, { id: 'desc' }],
        })
      : [];
    const byRecipient = new Map<string, CapabilityAssessment[]>();
    for (const row of rows) byRecipient.set(row.recipientId, [...(byRecipient.get(row.recipientId) ?? []), row]);
    return recipientIds.map((id) => byRecipient.get(id) ?? []);
  });
}

/** number of assessments per recipient, batched */
const countLoader = (ctx: Context) =>
  mapLoader<number>(
    ctx,
    'elder-care.assessmentCount',
    async (ids) => {
      const rows = await ctx.prisma.capabilityAssessment.groupBy({
        by: ['recipientId'],
        where: { recipientId: { in: [...ids] } },
        _count: { _all: true },
      });
      return new Map(rows.map((r) => [r.recipientId, r._count._all]));
    },
    0,
  );

function pageOf(args: {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}): Page {
  if (args.last != null || args.before != null)
    throw new ValidationError('评估历史只能向后翻页 (newest first: use first/after)', 'last');
  if (args.first != null && (!Number.isInteger(args.first) || args.first < 0))
    throw new ValidationError('应为非负整数 (a non-negative integer)', 'first');
  return {
    take: Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    after: args.after ? decodeCursor(args.after) : null,
  };
}

export function registerAssessmentHistory(builder: Builder) {
  builder.prismaObjectField('CareRecipient', 'assessments', (t) =>
    t.connection(
      {
        type: modelRef(builder, 'CapabilityAssessment'),
        nullable: true,
        extensions: { customCursor: true }, // keyset cursor (assessedAt, id), checked by decodeCursor
        description:
          '评估历史 every capability assessment, newest first (expired ones included); null when you may not ' +
          'read health data (same readers as `assessment`). Each assessment returned is audited.',
        resolve: async (r: CareRecipient, args, ctx) => {
          const page = pageOf(args);
          if (!(await readsHealth(ctx, r))) return null;
          const rows = await historyLoader(ctx, page).load(r.id);
          const nodes = rows.slice(0, page.take);
          // no audit row, no data: the reads of the whole request go out in one INSERT
          await Promise.all(
            nodes.map((a) =>
              auditRead(ctx, { field: 'assessments', personId: r.personId, regionPath: r.regionPath, recordId: a.id }),
            ),
          );
          const edges = nodes.map((a) => ({ cursor: encodeAssessmentCursor(a), node: a }));
          return {
            recipientId: r.id,
            edges,
            pageInfo: {
              hasNextPage: rows.length > page.take,
              hasPreviousPage: !!page.after,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges.at(-1)?.cursor ?? null,
            },
          };
        },
      },
      {
        description: "评估历史 a page of a recipient's assessments",
        fields: (c) => ({
          totalCount: c.int({
            description: '评估总数 number of assessments recorded',
            resolve: (conn, _a, ctx) => countLoader(ctx).load((conn as unknown as { recipientId: string }).recipientId),
          }),
        }),
      },
    ),
  );
}
