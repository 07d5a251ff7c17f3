import { INTERVALS, YEARS, type Figure } from '../figures.js';
import { T } from './T.js';

export interface Choice {
  metric: string;
  year: number;
  interval: string;
}

/** metric, year and interval of the figures page, each a labelled select */
export function FigureControls({
  figures,
  choice,
  onChange,
}: {
  figures: Figure[];
  choice: Choice;
  onChange: (c: Choice) => void;
}) {
  return (
    <div class="controls">
      <div class="control">
        <label for="choice-metric">
          <T k="metric" />
        </label>
        <select
          id="choice-metric"
          value={choice.metric}
          onChange={(e) => onChange({ ...choice, metric: e.currentTarget.value })}
        >
          {figures.map((f) => (
            <option key={f.metric} value={f.metric}>
              {f.title} ({f.metric})
            </option>
          ))}
        </select>
      </div>
      <div class="control">
        <label for="choice-year">
          <T k="year" />
        </label>
        <select
          id="choice-year"
          value={choice.year}
          onChange={(e) => onChange({ ...choice, year: Number(e.currentTarget.value) })}
        >
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div class="control">
        <label for="choice-interval">
          <T k="interval" />
        </label>
        <select
          id="choice-interval"
          value={choice.interval}
          onChange={(e) => onChange({ ...choice, interval: e.currentTarget.value })}
        >
          {INTERVALS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
