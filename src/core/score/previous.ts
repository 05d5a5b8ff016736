/** What a score cell held before scoring, and the user's own scores, kept unless --overwrite. */
import type { SheetGrid } from '../snapshot/snapshot';
import { fmt } from './num';
import { excelTrim } from './inputs';
import { bi, join } from './explain';
import type { Bilingual, IndicatorScore, ScoreMethod, ScoreOptions } from './types';

/** Whether a formula in a score cell is one jixiao wrote (it starts with the empty-actual guard). */
export function isOwnScoreFormula(formula: string | undefined, actualA1: string): boolean {
  return formula !== undefined && formula.replace(/^=/, '').startsWith(`IF(TRIM(${actualA1})="",""`);
}

/** How a formula jixiao wrote is told: the 实际完成值 cell whose guard starts it (score cells), or a test. */
export type OwnFormula = string | ((formula: string) => boolean);

/** What a cell held before scoring: nothing, a formula jixiao wrote, or a value or formula of the user's. */
export function previousOf(grid: SheetGrid, row: number, col: number, own: OwnFormula): IndicatorScore['previous'] {
  const f = grid.formula(row, col);
  if (f !== undefined) return (typeof own === 'string' ? isOwnScoreFormula(f, own) : own(f)) ? 'own' : 'user';
  const v = grid.value(row, col);
  return v !== null && !(typeof v === 'string' && excelTrim(v) === '') ? 'user' : 'empty';
}

/**
 * The scores a grade's band allows around the one the engine gives (primer §4: 达成 100–80% of the weight,
 * 未达成 50–0%): a score written within it applies the rule as well as the engine's point does. Only the
 * default methods that score by grade (达成 / 按时完成) have one; a 部分达成 N% states its own share.
 */
export function gradeBand(method: ScoreMethod, score: number | null, weight: number | null): readonly [number, number] | null {
  if ((method !== 'grade' && method !== 'onTime') || score === null || weight === null || !(weight > 0)) return null;
  if (score === weight) return [weight * 0.8, weight];
  if (score === 0) return [0, weight * 0.5];
  return null;
}

export function inBand(band: readonly [number, number] | null, v: number): boolean {
  return band !== null && v >= band[0] - 1e-9 && v <= band[1] + 1e-9;
}

/**
 * A score cell that holds a value of the user's (not a formula jixiao wrote) is kept unless overwrite. With
 * overwrite, a number of the user's is kept still where the rule gives no score to replace it with, or where it
 * lies within the band of the grade (`band`): there it is the rule's score as much as the engine's.
 */
export function keepUserScore(
  grid: SheetGrid,
  s: Pick<IndicatorScore, 'kept' | 'userScore' | 'score' | 'needsReview' | 'reason' | 'explanation' | 'formula' | 'previous'>,
  row: number,
  col: number,
  options: Required<ScoreOptions>,
  own: OwnFormula,
  band: readonly [number, number] | null = null,
): void {
  s.previous = previousOf(grid, row, col, own);
  if (s.previous !== 'user') return;
  const v = grid.value(row, col);
  const engine = s.score;
  const numeric = typeof v === 'number' ? v : null;
  let why: Bilingual;
  if (!options.overwrite) why = bi('（未指定 --overwrite）', ' (no --overwrite)');
  else if (numeric !== null && engine === null) why = bi('（评分标准无法自动计分，无可替换）', ' (the rule gives no score to replace it)');
  else if (numeric !== null && inBand(band, numeric)) why = bi('（在该完成等级的分值区间内）', " (within the band of the grade)");
  else return;
  s.kept = true;
  s.userScore = v;
  s.formula = null;
  s.score = numeric;
  const engineText: Bilingual =
    engine !== null
      ? bi(`按评分标准计算为 ${fmt(engine)} 分。`, `The rule gives ${fmt(engine)}.`)
      : s.reason
        ? bi(`未能自动计分：${s.reason['zh-CN']}`, `Not scored automatically: ${s.reason['en-US']}`)
        : bi('', '');
  s.explanation = join(
    bi(`保留原有得分「${v === null ? '' : String(v)}」${why['zh-CN']}。`, `Kept the existing score "${v === null ? '' : String(v)}"${why['en-US']}.`),
    engineText,
    bi(`计算过程：${s.explanation['zh-CN']}`, `How: ${s.explanation['en-US']}`),
  );
  if (numeric !== null) {
    s.needsReview = false;
    s.reason = null;
  } else {
    s.needsReview = true;
    s.reason = bi(`得分单元格中的「${String(v)}」不是数字。`, `The score cell holds "${String(v)}", not a number.`);
  }
}
