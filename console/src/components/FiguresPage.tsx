import { useEffect, useMemo, useState } from 'preact/hooks';
import { CHILD_LEVEL, formatValue, periodLabel, yearRange, type Figure } from '../figures.js';
import { LEVELS } from '../i18n.js';
import type { RegionDetail } from '../types.js';
import { useQuery } from '../use-query.js';
import { Breadcrumb } from './Breadcrumb.js';
import { DrillDown } from './DrillDown.js';
import { ExportPanel } from './ExportPanel.js';
import { type Choice, FigureControls } from './FigureControls.js';
import { type RankingRow, RankingTable } from './RankingTable.js';
import { charts, SeriesChart } from './SeriesChart.js';
import { T } from './T.js';

interface SeriesRow {
  periodStart: string;
  values: { metric: string; value: number | null }[];
}

const CHOICE_KEY = 'dangjian.console.figures';
/** the metric, year and interval stay as chosen while drilling down */
function loadChoice(): Choice {
  try {
    return { metric: '', year: 2024, interval: 'MONTH', ...JSON.parse(sessionStorage.getItem(CHOICE_KEY) ?? '{}') };
  } catch {
    return { metric: '', year: 2024, interval: 'MONTH' };
  }
}

/** 统计: a region's series as a chart, its children ranked, drill-down to them. Figures only, no people. */
export function FiguresPage({ regionId, rootId }: { regionId: string; rootId: string }) {
  const region = useQuery<{ region: RegionDetail | null }>('ConsoleRegion', { id: regionId });
  const figures = useQuery<{ figures: Figure[] }>('ConsoleFigures', {});
  const [choice, setChoiceState] = useState<Choice>(loadChoice);
  // fetch the chart code while the figures are being computed, not after
  useEffect(() => void charts(), []);
  const setChoice = (c: Choice) => {
    sessionStorage.setItem(CHOICE_KEY, JSON.stringify(c));
    setChoiceState(c);
  };
  useEffect(() => {
    const first = figures.data?.figures[0];
    if (!choice.metric && first) setChoice({ ...choice, metric: first.metric });
  }, [figures.data]);
  const range = yearRange(choice.year);
  const r = region.data?.region;
  const childLevel = r ? CHILD_LEVEL[r.level] : undefined;
  const series = useQuery<{ region: { series: SeriesRow[] } | null }>(
    'ConsoleSeries',
    { id: regionId, metrics: [choice.metric], interval: choice.interval, ...range },
    !choice.metric,
  );
  const ranking = useQuery<{ region: { ranking: RankingRow[] } | null }>(
    'ConsoleRanking',
    { id: regionId, metric: choice.metric, childLevel, ...range },
    !choice.metric || !childLevel,
  );
  const rows = series.data?.region?.series ?? [];
  const figure = figures.data?.figures.find((f) => f.metric === choice.metric);
  const labels = useMemo(() => rows.map((s) => periodLabel(s.periodStart, choice.interval)), [rows]);
  const values = useMemo(
    () => [{ name: figure?.title ?? choice.metric, values: rows.map((s) => s.values[0]?.value ?? null) }],
    [rows, figure],
  );
  const total = figure?.kind === 'COUNT' ? values[0]!.values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
  const error = region.error ?? figures.error ?? series.error ?? ranking.error;
  return (
    <main id="main" class="page" aria-busy={series.loading}>
      {r && <Breadcrumb region={r} page="figures" rootId={rootId} />}
      <h1>
        {r?.name ?? '…'} · <T k="figures" />
      </h1>
      <FigureControls figures={figures.data?.figures ?? []} choice={choice} onChange={setChoice} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="series-title" class="panel">
        <h2 id="series-title">
          <T k="series" /> · {figure?.title ?? choice.metric}{' '}
          {total !== null && <span class="total">合计 {formatValue(total)}</span>}
        </h2>
        {rows.length > 0 && (
          <SeriesChart
            labels={labels}
            series={values}
            kind={choice.interval === 'WEEK' ? 'line' : 'bar'}
            description={`${r?.name ?? ''} ${figure?.title ?? ''} ${choice.year}: ${labels.map((l, i) => `${l} ${formatValue(values[0]!.values[i] ?? null)}`).join(', ')}`}
          />
        )}
      </section>
      <section aria-labelledby="ranking-title" class="panel">
        <h2 id="ranking-title">
          <T k="ranking" /> {childLevel && `· ${LEVELS[childLevel]}`}
        </h2>
        {childLevel ? (
          <RankingTable rows={ranking.data?.region?.ranking ?? []} caption={`${figure?.title ?? ''} ${choice.year}`} />
        ) : (
          <p>
            <T k="noRanking" />
          </p>
        )}
      </section>
      {r && <ExportPanel regionId={r.id} regionName={r.name} year={choice.year} {...range} />}
      {r && <DrillDown region={r} />}
    </main>
  );
}
