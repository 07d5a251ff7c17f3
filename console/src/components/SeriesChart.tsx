import type { EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'preact/hooks';
import type { ChartSeries } from '../chart.js';

// ECharts is the bulk of the bundle: loaded only when a chart is first drawn (admins' pages never need it)
let loading: Promise<typeof import('../chart.js')> | null = null;
export const charts = () => (loading ??= import('../chart.js'));

interface Props {
  labels: string[];
  series: ChartSeries[];
  kind: 'line' | 'bar';
  /** what the chart shows, for screen readers (the figures are also in the table next to it) */
  description: string;
}

export function SeriesChart({ labels, series, kind, description }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    let live = true;
    charts().then(({ drawChart }) => {
      if (live && el.current) chart.current = drawChart(el.current, chart.current, labels, series, kind);
    });
    return () => {
      live = false;
    };
  }, [labels, series, kind]);
  useEffect(() => {
    const resize = () => chart.current?.resize();
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  return <div ref={el} class="chart" role="img" aria-label={description} />;
}
