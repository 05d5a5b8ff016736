/**
 * 指标值类型 / 指标性质 / 指标方向 / 计算符号: the direction of an indicator.
 *
 * Cells hold a symbol (`≥`, `≧`, `>=`, `＞＝`), a word (`大于等于`, `不低于`, `正向`) or `定性`.
 * 「是/否」 in a 指标方向 column (福建) marks a yes/no indicator: 定性. 定量 (湖南 整体 tables type only
 * 定量/定性) names no comparison and reads as null: rules that only need "not ≤" ask `isQuantitativeWord`.
 * The cell is scanned left to right for the longest known token at each position, so that
 * `大于等于` is read as one token (not as `大于` + `等于`). A cell whose tokens disagree
 * (`≥≤`) or that holds none reads as null: the caller reports "unreadable", never a guess.
 */
import { memoString } from '../domain/memo';
import type { Direction } from '../model';
import { normalizeText } from '../domain/text';
import { longestFirst } from './numbers';

/** Direction cells are short; a longer text is not a direction cell (bounds the work, too). */
const MAX_DIRECTION_CHARS = 64;

/**
 * Tokens by direction, longest first so the scan takes the longest match.
 * Matched after NFKC (`＞＝` → `>=`, `＝` → `=`) and `≧` → `≥`, `≦` → `≤`.
 */
const DIRECTION_TOKENS = longestFirst<Direction>([
  ['≥', 'gte'],
  ['>=', 'gte'],
  ['=>', 'gte'],
  ['大于等于', 'gte'],
  ['大于或等于', 'gte'],
  ['不低于', 'gte'],
  ['不少于', 'gte'],
  ['不小于', 'gte'],
  ['正向', 'gte'],
  ['>', 'gte'],
  ['大于', 'gte'],
  ['≤', 'lte'],
  ['<=', 'lte'],
  ['=<', 'lte'],
  ['小于等于', 'lte'],
  ['小于或等于', 'lte'],
  ['不高于', 'lte'],
  ['不大于', 'lte'],
  ['不超过', 'lte'],
  ['不多于', 'lte'],
  ['反向', 'lte'],
  ['<', 'lte'],
  ['小于', 'lte'],
  ['=', 'eq'],
  ['==', 'eq'],
  ['等于', 'eq'],
  ['定性', 'qualitative'],
  ['是/否', 'qualitative'],
  ['是否', 'qualitative'],
]);

/** 定量 / 定量指标: a number is meant, with no comparison (so no direction). */
export function isQuantitativeWord(text: string | null | undefined): boolean {
  if (text == null) return false;
  const s = normalizeText(String(text));
  return s === '定量' || s === '定量指标';
}

/** Reads a direction cell; null when empty, unknown or contradictory. */
export function parseDirection(text: string | null | undefined): Direction | null {
  if (text == null) return null;
  return parseDirectionCached(String(text).slice(0, MAX_DIRECTION_CHARS));
}

const parseDirectionCached = memoString(parseDirectionText, 2000);

function parseDirectionText(text: string): Direction | null {
  const s = normalizeText(text);
  if (s === '') return null;
  const found = new Set<Direction>();
  let i = 0;
  while (i < s.length) {
    const hit = DIRECTION_TOKENS.find(([token]) => s.startsWith(token, i));
    if (hit) {
      found.add(hit[1]);
      i += hit[0].length;
    } else {
      i += 1;
    }
  }
  if (found.size !== 1) return null;
  return [...found][0];
}
