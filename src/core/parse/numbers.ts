/** Small number helpers shared by the target and rule parsers. */

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** Characters that can appear in a Chinese numeral of 0–99 (`一`, `两`, `十五`, `二十`). */
export const CN_NUMERAL_CHARS = '零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾半';

/**
 * Reads an Arabic number (`10`, `0.5`) or a small Chinese numeral (`一`, `两`, `十`, `十五`,
 * `二十`, `半` = 0.5) used in rule wording (`每超过一个百分点`, `每发生一起`). Null otherwise.
 */
export function parseSmallNumber(s: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (s === '半') return 0.5;
  if (s.length === 0 || s.length > 3) return null;
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s];
  const ten = s.search(/[十拾]/);
  if (ten < 0) return null;
  const tensPart = s.slice(0, ten);
  const unitsPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : CN_DIGITS[tensPart];
  const units = unitsPart === '' ? 0 : CN_DIGITS[unitsPart];
  if (tens === undefined || units === undefined) return null;
  if (tensPart.length > 1 || unitsPart.length > 1) return null;
  return tens * 10 + units;
}

/** Rounds away floating-point noise (0.30000000000000004 → 0.3) for values shown to people. */
export function tidy(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** Sorts a word list longest word first, so that a scan takes the longest match (`大于等于` before `大于`). */
export function longestFirst<T, E extends readonly [string, T, ...unknown[]] = readonly [string, T]>(
  entries: ReadonlyArray<E>,
): ReadonlyArray<E> {
  return [...entries].sort((a, b) => b[0].length - a[0].length);
}
