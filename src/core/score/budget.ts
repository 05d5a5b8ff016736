/**
 * 预算执行率 of a self-evaluation table: weight × spent / full-year budget (or the 执行率 cell), at most the
 * weight. Scored in the 项目资金 block's own 得分 cell, and for an indicator row named 预算执行率 (宁夏 puts it in
 * the indicator block, with the block's figures above): the same computation with that row's 分值.
 */
import type { SheetGrid } from '../snapshot/snapshot';
import type { Profile } from '../profile';
import type { CellRef, Indicator, TargetTable } from '../model';
import { toA1 } from '../domain/a1';
import { normalizeText } from '../domain/text';
import { D, Dec, fmt, fmtPct, lit, minD, roundScore } from './num';
import { readActual, readWeight } from './inputs';
import { bi, join } from './explain';
import { keepUserScore } from './previous';
import type { BudgetBlock } from './placement';
import type { Bilingual, BudgetExecutionScore, IndicatorScore, ScoreOptions } from './types';

/** The block's 执行率: a fraction, its Excel expression, the guards its cells need, and how it was read. */
interface BlockRate {
  rate: Dec;
  /** The fraction as an Excel expression (`F6/E6`, `H6/100`). */
  frac: string;
  guard: (body: string) => string;
  /** The explanation of a score `score` out of `weight` at this rate. */
  describe: (weight: number, score: Dec) => Bilingual;
}

/** 执行率 from the block's figures (全年执行数 / 全年预算数), else from its 执行率 cell; or why neither reads. */
function blockRate(grid: SheetGrid, b: BudgetBlock): BlockRate | { reason: Bilingual } {
  const row = b.row;
  const at = (col: number | undefined): CellRef | null => (col === undefined ? null : { row, col, a1: toA1(row, col) });
  const fullRef = at(b.cols.full);
  const spentRef = at(b.cols.spent);
  const rateRef = at(b.cols.rate);
  const full = fullRef ? readActual(grid, fullRef) : null;
  const spent = spentRef ? readActual(grid, spentRef) : null;
  if (full?.kind === 'number' && spent?.kind === 'number' && !full.percent && !spent.percent) {
    if (full.value.isZero() || full.value.isNegative() || spent.value.isNegative()) {
      return { reason: bi('全年预算数为 0 或负数，无法计算执行率。', 'The full-year budget is 0 or negative: no execution rate.') };
    }
    const rate = spent.value.dividedBy(full.value);
    const guards = [full, spent].filter((v) => v.plainCell).map((v) => `ISNUMBER(${v.expr})`);
    return {
      rate,
      frac: `${spent.expr}/${full.expr}`,
      guard: (body) => (guards.length ? `IF(AND(${guards.join(',')}),${body},"")` : body),
      describe: (weight, score) =>
        bi(
          `执行率 = ${fmt(spent.value)} / ${fmt(full.value)} = ${fmtPct(rate.times(100))}%${rate.greaterThan(1) ? '（以 100% 计）' : ''}；得分 = ${fmt(weight)} × ${fmtPct(minD(D(1), rate).times(100))}% = ${fmt(roundScore(score))} 分。`,
          `rate = ${fmt(spent.value)} / ${fmt(full.value)} = ${fmtPct(rate.times(100))}%${rate.greaterThan(1) ? ' (counted as 100%)' : ''}; score = ${fmt(weight)} × ${fmtPct(minD(D(1), rate).times(100))}% = ${fmt(roundScore(score))}.`,
        ),
    };
  }
  // No budget figures: the 执行率 cell, when it is a percentage (a percent-formatted number or `96%`).
  const rate = rateRef ? readActual(grid, rateRef) : null;
  if (rate?.kind === 'number' && rate.percent) {
    return {
      rate: rate.value.dividedBy(100),
      frac: `${rate.expr}/100`,
      guard: (body) => (rate.plainCell ? `IF(ISNUMBER(${rateRef!.a1}),${body},"")` : body),
      describe: (weight, score) =>
        bi(
          `执行率 ${fmt(rate.value)}%；得分 = ${fmt(weight)} × ${fmt(rate.value)}% = ${fmt(roundScore(score))} 分（上限 ${fmt(weight)} 分）。`,
          `rate ${fmt(rate.value)}%; score = ${fmt(weight)} × ${fmt(rate.value)}% = ${fmt(roundScore(score))} (at most ${fmt(weight)}).`,
        ),
    };
  }
  const missing = !full || full.kind === 'empty' || !spent || spent.kind === 'empty';
  return {
    reason: missing
      ? bi('全年预算数或全年执行数未填写（或不是数字），无法计算预算执行率。', 'The full-year budget or the amount spent is not filled in (or not a number): no execution rate.')
      : bi('全年预算数或全年执行数不是数字，无法计算预算执行率。', 'The full-year budget or the amount spent is not a number: no execution rate.'),
  };
}

/** Formulas jixiao writes for 预算执行率 (told from a user's own formula on the next run). */
const isOwnBudgetFormula = (f: string): boolean => {
  const t = f.replace(/^=/, '');
  return t.startsWith('IF(AND(ISNUMBER(') || t.startsWith('IF(ISNUMBER(') || t.startsWith('ROUND(MIN(');
};

export function scoreBudget(grid: SheetGrid, table: TargetTable, b: BudgetBlock, profile: Profile, options: Required<ScoreOptions>): BudgetExecutionScore {
  const row = b.row;
  const at = (col: number | undefined): CellRef | null => (col === undefined ? null : { row, col, a1: toA1(row, col) });
  const scoreRef = at(b.cols.score)!;
  const weightRef = at(b.cols.weight);
  const wRaw = weightRef ? grid.value(row, weightRef.col) : null;
  const weight = typeof wRaw === 'number' && Number.isFinite(wRaw) && wRaw > 0 ? wRaw : profile.weights.budgetExecution;
  const wExpr = typeof wRaw === 'number' && Number.isFinite(wRaw) && wRaw > 0 ? weightRef!.a1 : lit(weight);
  const head = bi(`预算执行率：得分 = ${fmt(weight)} × 执行率，最高 ${fmt(weight)} 分；执行率 = 全年执行数 / 全年预算数。`, `Budget execution: score = ${fmt(weight)} × execution rate, at most ${fmt(weight)}; rate = spent / full-year budget.`);
  const base: BudgetExecutionScore = {
    sheet: table.sheet,
    row,
    cell: scoreRef.a1,
    budgetCell: at(b.cols.full)?.a1 ?? null,
    spentCell: at(b.cols.spent)?.a1 ?? null,
    rateCell: at(b.cols.rate)?.a1 ?? null,
    weightCell: weightRef?.a1 ?? null,
    weight,
    rate: null,
    score: null,
    ruleScore: null,
    formula: null,
    explanation: head,
    needsReview: true,
    reason: null,
    kept: false,
    userScore: null,
    previous: 'empty',
  };
  const finish = (s: BudgetExecutionScore): BudgetExecutionScore => {
    s.ruleScore = s.score;
    keepUserScore(grid, s, row, scoreRef.col, options, isOwnBudgetFormula);
    return s;
  };
  const r = blockRate(grid, b);
  if ('reason' in r) return finish({ ...base, reason: r.reason });
  const score = minD(D(weight), D(weight).times(r.rate));
  return finish({
    ...base,
    rate: r.rate.toNumber(),
    score: roundScore(score),
    formula: r.guard(`ROUND(MIN(${wExpr},${wExpr}*${r.frac}),2)`),
    needsReview: false,
    explanation: join(head, r.describe(weight, score)),
  });
}

/** An indicator row that is 预算执行率 itself (its score follows the 项目资金 block, not its own 指标值). */
export function isBudgetExecutionIndicator(ind: Indicator): boolean {
  return /^(?:预算|资金)执行率/.test(normalizeText(ind.name));
}

/**
 * A 预算执行率 indicator row scored from the block above: its 分值 × 执行率, at most its 分值. Returns the
 * row's score (with the user's kept as for any row) and its rule score, or null when the block gives no rate
 * (the row is then scored as any other).
 */
export function scoreBudgetIndicator(
  grid: SheetGrid,
  table: TargetTable,
  b: BudgetBlock,
  ind: Indicator,
  cols: { actual: number; score: number },
  options: Required<ScoreOptions>,
): { score: IndicatorScore; ruleScore: number | null } | null {
  const r = blockRate(grid, b);
  if ('reason' in r) return null;
  const row = ind.row;
  const weight = readWeight(ind);
  const head = bi('预算执行率（按项目资金表）：得分 = 分值 × 执行率，最高为分值；执行率 = 全年执行数 / 全年预算数。', 'Budget execution (from the funds block): score = weight × execution rate, at most the weight; rate = spent / full-year budget.');
  const s: IndicatorScore = {
    indicator: ind.name,
    sheet: table.sheet,
    row,
    cell: toA1(row, cols.score),
    actualCell: toA1(row, cols.actual),
    actual: grid.value(row, cols.actual),
    target: ind.target !== null ? ind.target.text : '',
    score: null,
    weight: weight ? weight.value.toNumber() : null,
    weightSource: weight ? weight.source : null,
    method: 'budgetExecution',
    formula: null,
    explanation: head,
    needsReview: true,
    reason: bi('没有分值：分值列为空，评分标准也未写明分值。', 'No weight: the 分值 column is empty and the rule states none.'),
    kept: false,
    userScore: null,
    previous: 'empty',
  };
  if (weight !== null) {
    const w = weight.value.toNumber();
    const score = minD(weight.value, weight.value.times(r.rate));
    s.score = roundScore(score);
    s.formula = r.guard(`ROUND(MIN(${weight.expr},${weight.expr}*${r.frac}),2)`);
    s.explanation = join(head, r.describe(w, score));
    s.needsReview = false;
    s.reason = null;
  }
  const ruleScore = s.score;
  keepUserScore(grid, s, row, cols.score, options, isOwnBudgetFormula);
  return { score: s, ruleScore };
}
