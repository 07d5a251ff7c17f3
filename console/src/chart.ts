// ECharts, only the parts the console draws: line and bar series, grid/axes, tooltip, legend, on canvas.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export function drawChart(
  el: HTMLElement,
  existing: EChartsType | null,
  labels: string[],
  series: ChartSeries[],
  kind: 'line' | 'bar',
) {
  const chart = existing ?? init(el, undefined, { renderer: 'canvas' });
  chart.setOption(
    {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value' },
      series: series.map((s) => ({ name: s.name, type: kind, data: s.values })),
    },
    true,
  );
  return chart;
}
