// The character and size rules every text argument obeys, whichever field it reaches. They live here, not
// in each resolver, so a field added later cannot forget them (the input guard applies them to every argument).
import type { FieldIssue } from '../errors.js';

/** longest string an argument may carry unless its field declares `extensions: { maxLength }` */
export const MAX_TEXT_LENGTH = 10_000;
/** deepest nesting and most values a JSON argument may carry (settings, GeoJSON boundaries, details) */
export const MAX_JSON_DEPTH = 20;
export const MAX_JSON_NODES = 10_000;

// C0 controls except \t \n \r, DEL and C1: PostgreSQL refuses NUL outright ("invalid byte sequence"), the
// rest corrupt exports and terminals.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// bidi controls reorder what a reader sees (a name or a wish that reads differently than it is stored)
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// invisible characters make two different strings look identical (names, usernames, search terms)
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u00AD\u180E\u115F\u1160\u3164\uFFA0]/u;
// ZWNJ/ZWJ are invisible too, but carry meaning in two places we keep: ZWJ inside an emoji sequence
// (👨‍👩‍👧 in a wish) and ZWNJ between two letters of an Arabic-script language (Uyghur, Kazakh in 昌吉州).
const JOINER = /[\u200C\u200D]/gu;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: skin-tone modifiers are matched on their own on purpose
const PICTO = /[\p{Extended_Pictographic}\uFE0F\u{1F3FB}-\u{1F3FF}]/u;
const ARABIC = /\p{Script=Arabic}/u;

function joinerMisused(value: string): boolean {
  for (const m of value.matchAll(JOINER)) {
    const before = [...value.slice(0, m.index)].at(-1) ?? '';
    const after = [...value.slice(m.index + 1)][0] ?? '';
    const ok = m[0] === '\u200D' ? PICTO.test(before) && PICTO.test(after) : ARABIC.test(before) && ARABIC.test(after);
    if (!ok) return true;
  }
  return false;
}

// a UTF-16 half without its pair (possible in JSON \ud800 escapes) is not text PostgreSQL can store
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** the problem with one text value, or null when it is acceptable */
export function textProblem(value: string, maxLength = MAX_TEXT_LENGTH): string | null {
  if (value.length > maxLength) return `过长 (at most ${maxLength} characters)`;
  const control = CONTROL.exec(value);
  if (control) return `含控制字符 ${codePoint(control[0])} (control characters are not allowed)`;
  const bidi = BIDI.exec(value);
  if (bidi) return `含双向控制字符 ${codePoint(bidi[0])} (bidirectional control characters are not allowed)`;
  const invisible = INVISIBLE.exec(value);
  if (invisible || joinerMisused(value)) {
    return `含不可见字符 ${invisible ? codePoint(invisible[0]) : 'U+200C/U+200D'} (invisible characters are not allowed)`;
  }
  if (LONE_SURROGATE.test(value)) return '含无效的代理字符 (lone surrogate: not valid Unicode)';
  return null;
}

/**
 * Checks a JSON value without recursion (a 20 000-deep value must not overflow the stack): depth, number of
 * values, and every key and string by the text rules. Pushes at most one depth/size issue.
 */
export function jsonProblems(value: unknown, path: string, issues: FieldIssue[]) {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path }];
  let nodes = 0;
  while (stack.length) {
    const item = stack.pop()!;
    if (++nodes > MAX_JSON_NODES) {
      issues.push({ path, message: `JSON 过大 (at most ${MAX_JSON_NODES} values)` });
      return;
    }
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem) issues.push({ path: item.path, message: problem });
      continue;
    }
    if (!item.value || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_JSON_DEPTH) {
      issues.push({ path, message: `JSON 嵌套过深 (at most ${MAX_JSON_DEPTH} levels)` });
      return;
    }
    const isArray = Array.isArray(item.value);
    const entries = isArray
      ? (item.value as unknown[]).map((v, i) => [String(i), v] as const)
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      const keyProblem = isArray ? null : textProblem(key, 200);
      if (keyProblem) issues.push({ path: `${item.path}.${key.slice(0, 40)}`, message: keyProblem });
      const childPath = isArray ? `${item.path}[${key}]` : `${item.path}.${key}`;
      stack.push({ value: child, depth: item.depth + 1, path: childPath });
    }
  }
}
