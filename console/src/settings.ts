// Form values <-> setting values, per the manifest's typed kinds. Durations are edited in hours (stored in ms).
import type { SettingSchema } from './types.js';

const HOUR = 3_600_000;

export function toInput(kind: SettingSchema['kind'], value: unknown): string {
  if (value === null || value === undefined) return '';
  if (kind === 'DURATION') return String(Number(value) / HOUR);
  if (kind === 'JSON') return JSON.stringify(value, null, 2);
  return String(value);
}

/** the value to send; a string that does not parse is sent as is so the server's message explains it */
export function fromInput(kind: SettingSchema['kind'], raw: string): unknown {
  const s = raw.trim();
  if (kind === 'BOOLEAN') return s === 'true';
  if (kind === 'ENUM') return s;
  if (kind === 'JSON') {
    try {
      return JSON.parse(s);
    } catch {
      return s;
    }
  }
  const n = Number(s);
  if (s === '' || Number.isNaN(n)) return s;
  return kind === 'DURATION' ? Math.round(n * HOUR) : n;
}

/** the range shown next to a number field, in the field's unit */
export function range(setting: SettingSchema): string | null {
  const unit = setting.kind === 'DURATION' ? HOUR : 1;
  const { min, max } = setting;
  if (min === null && max === null) return null;
  const f = (x: number | null) => (x === null ? '' : String(x / unit));
  return `${f(min)} – ${f(max)}`;
}
