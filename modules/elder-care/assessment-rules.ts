// GB/T 42195-2022 老年人能力评估规范: four first-level dimensions, a total of 0–90 and five levels.
import { LEVEL_ORDER, type Level } from './constants.js';

export const DIMENSIONS = {
  selfCare: { max: 32, term: '自理能力 self-care (8 items)' },
  mobility: { max: 16, term: '基础运动能力 basic mobility (4 items)' },
  mental: { max: 28, term: '精神状态 mental state (9 items)' },
  perception: { max: 14, term: '感知觉与社会参与 perception and social participation (5 items)' },
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export type Scores = Record<Dimension, number>;

/** total score → level: 90 能力完好, 66–89 轻度, 46–65 中度, 30–45 重度, 0–29 完全失能 */
export function levelForTotal(total: number): Level {
  if (total >= 90) return 'INTACT';
  if (total >= 66) return 'MILD';
  if (total >= 46) return 'MODERATE';
  if (total >= 30) return 'SEVERE';
  return 'TOTAL';
}

export const totalOf = (s: Scores) => s.selfCare + s.mobility + s.mental + s.perception;

/** problems with the scores (each dimension an integer in its range) */
export function scoreProblems(s: Scores): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [k, d] of Object.entries(DIMENSIONS) as [Dimension, (typeof DIMENSIONS)[Dimension]][]) {
    const v = s[k];
    if (!Number.isInteger(v) || v < 0 || v > d.max)
      problems.push({ path: `input.scores.${k}`, message: `${d.term}: 应为 0–${d.max} 的整数 (0–${d.max})` });
  }
  return problems;
}

/**
 * The standard lets the level be raised above the one the total gives (昏迷 → 完全失能; diagnosed
 * cognitive disorder or ≥ 2 care-risk events in 30 days → one level up). A recorded level may therefore
 * be the level of the total or more severe, never milder.
 */
export const levelAllowed = (recorded: Level, fromTotal: Level) =>
  LEVEL_ORDER.indexOf(recorded) >= LEVEL_ORDER.indexOf(fromTotal);

export const atLeast = (level: Level | null | undefined, min: Level) =>
  !!level && LEVEL_ORDER.indexOf(level) >= LEVEL_ORDER.indexOf(min);
