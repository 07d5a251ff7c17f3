// 计数: the number of rows of a model matching a Prisma filter, as `count({ where })` answers it, with every
// count a request asks for at the same moment in ONE statement (the figures of Region.stats, a page's
// totalCount next to another's). A filter whereToSql does not understand (a relation, a case-insensitive
// match) is counted by Prisma alone, so nothing is ever widened.
import type { PrismaClient } from '../../generated/prisma/client.js';
import { Prisma } from '../../generated/prisma/client.js';
import { delegateName, modelShape, queryRows } from './model-rows.js';
import { perRequest, requestLoader } from './request-cache.js';
import { whereToSql } from './where-sql.js';

type Where = Record<string, unknown>;
type Ctx = { prisma: PrismaClient; request?: object | null };

const delegate = (prisma: PrismaClient, model: string) =>
  (prisma as unknown as Record<string, { count(args: { where: Where }): Promise<number> }>)[delegateName(model)]!;

/** how many rows of `model` match `where` (one statement for all the counts asked together) */
export function countRows(ctx: Ctx, model: string, where: Where): Promise<number> {
  const condition = modelShape(model) ? whereToSql(where, 't') : null;
  if (!condition) return delegate(ctx.prisma, model).count({ where });
  const key = `${model}:${JSON.stringify(where)}`;
  // the SQL of each key, for the batch (DataLoader hands it keys only)
  perRequest(ctx, 'rowCounts:sql', () => new Map<string, Prisma.Sql>()).set(
    key,
    Prisma.sql`(SELECT count(*)::int FROM ${Prisma.raw(`"${model}"`)} t WHERE ${condition})`,
  );
  return requestLoader<string, number>(
    ctx,
    'rowCounts',
    async (keys) => {
      const sqls = perRequest(ctx, 'rowCounts:sql', () => new Map<string, Prisma.Sql>());
      const columns = keys.map((k, i) => Prisma.sql`${sqls.get(k)!} AS ${Prisma.raw(`"n${i}"`)}`);
      const [row] = await queryRows<Record<string, number>>(ctx.prisma, Prisma.sql`SELECT ${Prisma.join(columns)}`);
      return keys.map((_k, i) => row![`n${i}`]!);
    },
    // PostgreSQL allows 1 664 columns in a select list
    { maxBatchSize: 500 },
  ).load(key);
}
