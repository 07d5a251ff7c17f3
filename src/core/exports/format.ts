// Cell formatting shared by the CSV and XLSX writers: dates in the Asia/Shanghai calendar, and the CSV rules
// (RFC 4180 quoting; formula-injection defence: a text cell starting with = + - @ or a tab/CR gets a leading ').
import type { ExportColumnType } from './datasets.js';

const SHANGHAI_MS = 8 * 60 * 60 * 1000;

/** "2024-12-03" / "2024-12-03 09:30:00", Asia/Shanghai (no daylight saving: a fixed +08:00) */
export function localTime(d: Date, type: 'DATE' | 'DATETIME'): string {
  const iso = new Date(d.getTime() + SHANGHAI_MS).toISOString();
  return type === 'DATE' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** a cell's value as a spreadsheet should hold it: text, a number, or empty */
export function cellValue(type: ExportColumnType, value: unknown): string | number | null {
  if (value == null) return null;
  if (value instanceof Date) return localTime(value, type === 'DATE' ? 'DATE' : 'DATETIME');
  if (type === 'NUMBER') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  if (type === 'BOOLEAN') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

const FORMULA = /^[=+\-@\t\r]/;

/** one CSV field: text that a spreadsheet would run as a formula is defused; quoted when it must be */
export function csvField(value: string | number | null): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: (string | number | null)[]) => `${cells.map(csvField).join(',')}\r\n`;

/** UTF-8 byte order mark: Excel and WPS then read the file as UTF-8, not GBK */
export const BOM = '\uFEFF';
