// RegionStats.grid, residents' voice figures (SQL, same scope and period rules as the rest of GridStats):
// residents' reports (incl. those another module took), the share of incidents by channel, 回访率 (resident
// reports that reached a resolution and were rated by the resident), resident satisfaction and reopen rate
// (over the residents' ratings given in the period; worker-entered satisfaction is not counted here).
import { perRequest, type Builder } from '../../src/kit/index.js';
import type { GridEnums } from './enums.js';
import { n, periodSql, rate, scopeSql, type Shape } from './stats-sql.js';

const ratings = (s: Shape) =>
  perRequest(s, 'residentRatings', async () => {
    const [row] = await s.ctx.prisma.$queryRaw<Record<string, bigint>[]>`
      SELECT COUNT(*) AS rated,
        COUNT(*) FILTER (WHERE r.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
        COUNT(*) FILTER (WHERE r.reopened) AS reopened
      FROM "IncidentRating" r WHERE ${await scopeSql(s, 'r')} ${periodSql(s, 'r."createdAt"')}`;
    return row!;
  });

const followUp = (s: Shape) =>
  perRequest(s, 'residentFollowUp', async () => {
    const [row] = await s.ctx.prisma.$queryRaw<Record<string, bigint>[]>`
      SELECT COUNT(*) AS resolved,
        COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "IncidentRating" r WHERE r."incidentId" = i.id)) AS rated
      FROM "Incident" i
      WHERE i.channel = 'RESIDENT' AND ${await scopeSql(s, 'i')} ${periodSql(s, 'i."reportedAt"')}
        AND EXISTS (SELECT 1 FROM "IncidentEntry" e WHERE e."incidentId" = i.id AND e."toStatus" = 'RESOLVED'
          OR e."incidentId" = i.id AND e."toStatus" = 'CLOSED')`;
    return row!;
  });

export function registerResidentStats(
  builder: Builder,
  E: GridEnums,
  GridStats: Parameters<Builder['objectFields']>[0],
) {
  const ChannelShare = builder
    .objectRef<{ channel: string; count: number; share: number | null }>('IncidentChannelShare')
    .implement({
      description: '渠道占比 incidents reported in the period by channel',
      fields: (t) => ({
        channel: t.field({ type: E.IncidentChannel, resolve: (r) => r.channel as never }),
        count: t.int({ resolve: (r) => r.count }),
        share: t.float({ nullable: true, description: '占比 of all incidents in the period', resolve: (r) => r.share }),
      }),
    });
  builder.objectFields(GridStats, (t) => ({
    residentReports: t.int({
      description: '居民上报 reports residents made in the period (incl. those another module took, e.g. 诉求)',
      resolve: async (s: Shape) =>
        n(
          (
            await s.ctx.prisma.$queryRaw<{ c: bigint }[]>`
          SELECT COUNT(*) AS c FROM "ResidentReport" r
          WHERE ${await scopeSql(s, 'r')} ${periodSql(s, 'r."reportedAt"')}`
          )[0]?.c,
        ),
    }),
    reportsByChannel: t.field({
      type: [ChannelShare],
      maxItems: 5,
      description: '渠道占比 share of incidents by channel (网格发现, 居民上报, Open311)',
      resolve: async (s: Shape) => {
        const rows = await s.ctx.prisma.$queryRaw<{ channel: string; c: bigint }[]>`
          SELECT i.channel::text AS channel, COUNT(*) AS c FROM "Incident" i
          WHERE ${await scopeSql(s, 'i')} ${periodSql(s, 'i."reportedAt"')} GROUP BY i.channel`;
        const total = rows.reduce((a, r) => a + n(r.c), 0);
        const by = new Map<string, number>(rows.map((r) => [r.channel, n(r.c)]));
        return ['GRID', 'RESIDENT', 'OPEN311'].map((channel) => ({
          channel,
          count: by.get(channel) ?? 0,
          share: rate(by.get(channel) ?? 0, total),
        }));
      },
    }),
    followUpRate: t.float({
      nullable: true,
      description: '回访率 residents’ reports that reached a resolution and were rated by the resident',
      resolve: async (s: Shape) => {
        const f = await followUp(s);
        return rate(f.rated, f.resolved);
      },
    }),
    residentSatisfactionRate: t.float({
      nullable: true,
      description: '居民满意率 满意 + 基本满意 among residents’ ratings given in the period (not worker-entered)',
      resolve: async (s: Shape) => {
        const r = await ratings(s);
        return rate(r.satisfied, r.rated);
      },
    }),
    reopenRate: t.float({
      nullable: true,
      description: '重开率 ratings in the period that reopened the case',
      resolve: async (s: Shape) => {
        const r = await ratings(s);
        return rate(r.reopened, r.rated);
      },
    }),
  }));
}
