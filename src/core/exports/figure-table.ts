// 指标表: a figures dataset built from a module's declared count figures (the facts of Region.series),
// one row per community and month (Asia/Shanghai calendar) with one column per figure. Figures only, so
// analysts export it; the sums run in SQL over the figures' own facts.
import { Prisma } from '../../../generated/prisma/client.js';
import type { CountFigure, FigureDefinition } from '../figures.js';
import type { ExportColumn, ExportDatasetDefinition } from './datasets.js';

const local = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'Asia/Shanghai')`;

/** `figures`: the module's figures; `names`: the count figures to tabulate, in column order */
export function figureTable(
  name: string,
  title: string,
  figures: readonly FigureDefinition[],
  names: readonly string[],
): ExportDatasetDefinition {
  const counts = names.map((n) => {
    const f = figures.find((g) => g.name === n);
    if (!f || !('facts' in f)) throw new Error(`figureTable ${name}: ${n} is not a count figure`);
    return f as CountFigure;
  });
  const columns: ExportColumn[] = [
    { id: 'regionCode', title: '区划代码', type: 'STRING' },
    { id: 'regionName', title: '社区/村', type: 'STRING' },
    { id: 'period', title: '月份', type: 'STRING' },
    ...counts.map((f) => ({ id: f.name, title: f.title.split(' ')[0]!, type: 'NUMBER' as const })),
  ];
  return {
    name,
    title,
    description: '区划×月份 指标表 (the figures of Region.series, by community and month)',
    columns,
    roles: ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER', 'DEPARTMENT_STAFF', 'ANALYST'],
    async rows(kit) {
      const readable = await kit.readable('f."regionPath"');
      const facts = Prisma.join(
        counts.map(
          (f, i) => Prisma.sql`SELECT ${i}::int AS "i", x."at", x."regionPath", x."value" FROM (${f.facts}) x`,
        ),
        ' UNION ALL ',
      );
      const sums = Prisma.join(
        counts.map(
          (f, i) =>
            Prisma.sql`coalesce(sum(f."value") FILTER (WHERE f."i" = ${i}), 0)::float8 AS ${Prisma.raw(`"${f.name}"`)}`,
        ),
      );
      const period = Prisma.sql`to_char(date_trunc('month', f."at"), 'YYYY-MM')`;
      return Prisma.sql`
        SELECT f."regionPath" || '|' || ${period} AS "_key", min(r.code) AS "regionCode",
               min(r.name) AS "regionName", ${period} AS "period", ${sums}
          FROM (${facts}) f JOIN "Region" r ON r.path = f."regionPath"
         WHERE ${readable}
           ${kit.from ? Prisma.sql`AND f."at" >= ${local(kit.from)}` : Prisma.empty}
           ${kit.to ? Prisma.sql`AND f."at" < ${local(kit.to)}` : Prisma.empty}
         GROUP BY f."regionPath", ${period}`;
    },
  };
}
