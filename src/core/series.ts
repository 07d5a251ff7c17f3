// 时间序列与排名: Region.series (any declared figures per day, week, month, quarter or year, Asia/Shanghai
// calendar, empty periods as zero) and Region.ranking (the children of a region ranked by one figure, with
// the change against the period before), plus Query.figures to discover the metric names. Figures are the
// modules' own declarations (src/core/figures.ts); who may read them is the rule of Region.stats.
import { within } from '../auth/viewer.js';
import type { Builder } from '../builder.js';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import { mustLoad, organizationLoader, regionLoader } from './loaders.js';
import type { ModuleDefinition } from '../modules.js';
import { LEVELS, MAX_RANKED, rank, rankedValues, type Level, type RankingRow } from './ranking.js';
import {
  countSeries,
  declaredFigures,
  figuresFor,
  INTERVALS,
  MAX_PERIODS,
  periodStarts,
  ratioOf,
  ratioParts,
  type DeclaredFigure,
  type Interval,
} from './figures.js';

interface SeriesRow {
  periodStart: Date;
  values: { metric: string; value: number | null }[];
}

function assertReads(ctx: Context, path: string) {
  const viewer = ctx.viewer!;
  if (viewer.role === 'RESIDENT' || !within(viewer, path))
    throw forbidden('只能查看本辖区统计 (statistics of your own area only)');
}

/** a figure's value per period start (ms), ratios from their two counts */
async function seriesOf(
  ctx: Context,
  all: Map<string, DeclaredFigure>,
  f: DeclaredFigure,
  path: string,
  from: Date,
  to: Date,
  interval: Interval,
) {
  if (f.kind === 'COUNT') return countSeries(ctx, f, path, from, to, interval);
  const [num, den] = await Promise.all(ratioParts(all, f).map((x) => countSeries(ctx, x, path, from, to, interval)));
  const out = new Map<number, number | null>();
  for (const [k, v] of den!) out.set(k, ratioOf(num!.get(k) ?? 0, v));
  return out;
}

export function registerSeries(builder: Builder, modules: readonly ModuleDefinition[]) {
  const all = declaredFigures(modules);
  const IntervalEnum = builder.enumType('SeriesInterval', {
    description: '时间粒度 (Asia/Shanghai calendar; weeks begin on Monday)',
    values: Object.fromEntries(INTERVALS.map((v) => [v, { value: v }])),
  });
  const LevelEnum = builder.enumType('RankingLevel', {
    description:
      '排名的下级层级: the regions one level (or more) below, or DEPARTMENT: the departments (部门, organisations) ' +
      'a department figure counts under the region (Figure.departments)',
    values: Object.fromEntries(LEVELS.map((v) => [v, { value: v }])),
  });
  const OrderEnum = builder.enumType('RankingOrder', { values: { DESC: { value: 'DESC' }, ASC: { value: 'ASC' } } });

  const Figure = builder.objectRef<DeclaredFigure>('Figure').implement({
    description: '指标 a figure a module declares, usable in series and rankings',
    fields: (t) => ({
      metric: t.exposeString('metric', { description: '名称 `<module>.<figure>`, e.g. wishes.submitted' }),
      title: t.exposeString('title', { description: '中文名称' }),
      module: t.exposeString('moduleId', { description: '所属模块' }),
      kind: t.exposeString('kind', { description: 'COUNT (summed over periods and regions) or RATIO' }),
      departments: t.exposeBoolean('departments', {
        description: '部门指标: Region.ranking(childLevel: DEPARTMENT) ranks departments by it',
      }),
    }),
  });
  const MetricValue = builder.objectRef<SeriesRow['values'][number]>('MetricValue').implement({
    fields: (t) => ({
      metric: t.exposeString('metric'),
      value: t.float({ nullable: true, description: 'null: a ratio whose denominator is 0', resolve: (v) => v.value }),
    }),
  });
  const SeriesRowRef = builder.objectRef<SeriesRow>('SeriesRow').implement({
    description: '一个时段的指标值',
    fields: (t) => ({
      periodStart: t.field({
        type: 'DateTime',
        description: '时段开始 (Asia/Shanghai midnight)',
        resolve: (r) => r.periodStart,
      }),
      values: t.field({ type: [MetricValue], maxItems: 10, resolve: (r) => r.values }),
    }),
  });
  const RankingRowRef = builder.objectRef<RankingRow>('RankingRow').implement({
    description: '排名中的一行',
    fields: (t) => ({
      rank: t.exposeInt('rank', { description: '名次 (equal values share a rank)' }),
      region: t.prismaField({
        type: 'Region',
        nullable: true,
        description: '区划 (null when departments are ranked)',
        resolve: (_q, r, _a, ctx) => (r.region ? mustLoad(regionLoader(ctx), r.region.id, 'Region') : null),
      }),
      department: t.prismaField({
        type: 'Organization',
        nullable: true,
        description: '部门 the organisation ranked (childLevel DEPARTMENT), else null',
        resolve: (_q, r, _a, ctx) =>
          r.department ? mustLoad(organizationLoader(ctx), r.department.id, 'Organization') : null,
      }),
      name: t.string({
        resolve: (r) => r.region?.name ?? r.department!.name,
        description: '区划或部门名称',
      }),
      code: t.string({
        nullable: true,
        resolve: (r) => r.region?.code ?? null,
        description: '区划代码 (null for departments)',
      }),
      value: t.float({ nullable: true, resolve: (r) => r.value }),
      previous: t.float({
        nullable: true,
        description: '上期 the period of the same length before',
        resolve: (r) => r.previous,
      }),
      change: t.float({
        nullable: true,
        description: '变化 value − previous',
        resolve: (r) =>
          r.value == null || r.previous == null ? null : Math.round((r.value - r.previous) * 10_000) / 10_000,
      }),
    }),
  });

  builder.queryField('figures', (t) =>
    t.field({
      policy: { roles: 'LOGGED_IN', scope: 'NONE' },
      description: '可用指标 the figures of the modules in your schema, for Region.series and Region.ranking',
      type: [Figure],
      maxItems: 500,
      resolve: (_r, _a, ctx) => [...all.values()].filter((f) => ctx.moduleIds.includes(f.moduleId)),
    }),
  );

  builder.prismaObjectField('Region', 'series', (t) =>
    t.field({
      description: '时间序列 figures per period for this region and everything below it',
      type: [SeriesRowRef],
      maxItems: MAX_PERIODS,
      authScopes: { loggedIn: true },
      args: {
        metrics: t.arg.stringList({ required: true, description: '指标, e.g. ["wishes.submitted"] (Query.figures)' }),
        from: t.arg({ type: 'DateTime', required: true, description: '起 (its whole period is included)' }),
        to: t.arg({ type: 'DateTime', required: true, description: '止 exclusive (its whole period is included)' }),
        interval: t.arg({ type: IntervalEnum, required: true }),
      },
      resolve: async (region, args, ctx) => {
        assertReads(ctx, region.path);
        const figures = figuresFor(ctx, all, args.metrics);
        const starts = await periodStarts(ctx, args.from, args.to, args.interval as Interval);
        const values = await Promise.all(
          figures.map((f) => seriesOf(ctx, all, f, region.path, args.from, args.to, args.interval as Interval)),
        );
        return starts.map((s) => ({
          periodStart: s,
          values: figures.map((f, i) => ({
            metric: f.metric,
            value: values[i]!.has(s.getTime()) ? values[i]!.get(s.getTime())! : f.kind === 'COUNT' ? 0 : null,
          })),
        }));
      },
    }),
  );

  builder.prismaObjectField('Region', 'ranking', (t) =>
    t.field({
      description:
        '排名 the regions below this one at `childLevel` (or, with DEPARTMENT, the departments), ranked by one ' +
        'figure in [from, to), with the period of the same length before',
      type: [RankingRowRef],
      maxItems: MAX_RANKED,
      authScopes: { loggedIn: true },
      args: {
        metric: t.arg.string({ required: true }),
        childLevel: t.arg({ type: LevelEnum, required: true }),
        from: t.arg({ type: 'DateTime', required: true }),
        to: t.arg({ type: 'DateTime', required: true }),
        first: t.arg.int({ required: false, defaultValue: 20, description: '1–200' }),
        order: t.arg({ type: OrderEnum, required: false, defaultValue: 'DESC' }),
      },
      resolve: async (region, args, ctx) => {
        assertReads(ctx, region.path);
        const [figure] = figuresFor(ctx, all, [args.metric]);
        const first = Math.min(Math.max(args.first ?? 20, 1), MAX_RANKED);
        const level = args.childLevel as Level;
        const rows = await rankedValues(ctx, all, figure!, region.path, level, args.from, args.to);
        return rank(rows, args.order === 'ASC' ? 'ASC' : 'DESC', first);
      },
    }),
  );
}
