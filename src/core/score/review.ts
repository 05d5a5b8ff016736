/**
 * The review of a filled 自评表 against itself: what it states (a 预算执行率 score, its 总分, its 总分值 and
 * its grade) against what its own figures give. Scoring reports the 预算执行率 disagreement as it does an
 * indicator's (row.ts); the check adds the project-level ones (`reviewStated`).
 */
import type { SheetGrid } from '../snapshot/snapshot';
import type { Finding } from '../check/findings';
import type { TargetTable } from '../model';
import { parseA1, toA1 } from '../domain/a1';
import { normalizeText } from '../domain/text';
import { D, fmt, fmtPct, minD, roundScore } from './num';
import { readActual } from './inputs';
import { bi } from './explain';
import { finding } from './row';
import type { BudgetExecutionScore, Grade, IndicatorScore, ScoreResult, StatedSummary } from './types';

/** The number a cell states (a number cell, or text that is exactly a number), or null. */
function statedNumber(grid: SheetGrid, row: number, col: number): number | null {
  const v = grid.value(row, col);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const t = normalizeText(v).replace(/分$/, '');
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** The score a cell states when it differs from the rule's (to the hundredth), else null. */
function statedDiffers(grid: SheetGrid, a1: string, ruleScore: number): number | null {
  const { row, col } = parseA1(a1);
  const stated = statedNumber(grid, row, col);
  return stated !== null && roundScore(D(stated)) !== ruleScore ? stated : null;
}

function budgetMessage(stated: number, weight: number, rate: number | null, ruleScore: number, project: string): Pick<Finding, 'message' | 'data' | 'project'> {
  const r = rate !== null ? `${fmtPct(D(rate).times(100))}%` : '';
  return {
    project,
    message: bi(
      `预算执行率得分写为 ${fmt(stated)}，按 分值 ${fmt(weight)} × 执行率 ${r} 应为 ${fmt(ruleScore)} 分（最高 ${fmt(weight)} 分）。`,
      `The budget execution score is written ${fmt(stated)}; weight ${fmt(weight)} × execution rate ${r} gives ${fmt(ruleScore)} (at most ${fmt(weight)}).`,
    ),
    data: { stated, computed: ruleScore, weight, rate },
  };
}

/** 预算执行率: the score the 项目资金 block states against 分值 × 执行率 (kept or replaced alike). */
export function budgetMismatch(grid: SheetGrid, table: TargetTable, be: BudgetExecutionScore, project: string): Finding | null {
  if (be.previous !== 'user' || be.ruleScore === null) return null;
  const stated = statedDiffers(grid, be.cell, be.ruleScore);
  if (stated === null || followsWrittenRate(grid, be, stated)) return null;
  return finding(table, {
    id: 'budget-execution-score-mismatch',
    severity: 'warning',
    cell: be.cell,
    row: be.row,
    indicator: '预算执行率',
    ...budgetMessage(stated, be.weight, be.rate, be.ruleScore, project),
  });
}

/**
 * Whether a score follows the 执行率 the block writes, rounded as written (49.88% written 50%, scored 5 of
 * 10): the table applied its own rate, which is rounding, not a wrong score.
 */
function followsWrittenRate(grid: SheetGrid, be: BudgetExecutionScore, stated: number): boolean {
  if (be.rateCell === null) return false;
  const cell = parseA1(be.rateCell);
  const rate = readActual(grid, { row: cell.row, col: cell.col, a1: be.rateCell });
  if (rate.kind !== 'number' || !rate.percent) return false;
  const score = minD(D(be.weight), D(be.weight).times(rate.value).dividedBy(100));
  return roundScore(score) === roundScore(D(stated));
}

/** A 预算执行率 indicator row scored from the block: its needs-review finding, or the score it states against the block's. */
export function budgetIndicatorFindings(grid: SheetGrid, table: TargetTable, s: IndicatorScore, ruleScore: number | null, project: string, result: ScoreResult): void {
  if (s.needsReview) {
    result.findings.push(
      finding(table, { id: 'score-needs-review', severity: 'warning', cell: s.cell, row: s.row, project, indicator: s.indicator, message: bi(`需人工评分：${s.reason!['zh-CN']}`, `Needs review: ${s.reason!['en-US']}`) }),
    );
  }
  if (s.previous !== 'user' || ruleScore === null || s.weight === null) return;
  const stated = statedDiffers(grid, s.cell, ruleScore);
  if (stated === null) return;
  const rate = s.weight > 0 ? Math.min(1, ruleScore / s.weight) : null;
  result.findings.push(
    finding(table, { id: 'budget-execution-score-mismatch', severity: 'warning', cell: s.cell, row: s.row, indicator: s.indicator, ...budgetMessage(stated, s.weight, rate, ruleScore, project) }),
  );
}

/**
 * What the table states of a project as a whole: its total (the 总分 row's 得分, or the 自评得分 of the block
 * above the header), the 总分 row's 分值, the 自评等级, and the sums of the scores and 分值 its rows state. Read
 * from the sheet, so the same whether scores were kept or replaced.
 */
export function statedSummary(
  grid: SheetGrid,
  total: { row: number; col: number },
  weightTotal: { row: number; col: number } | null,
  gradeCell: string | null,
  scoreCol: number,
  indicators: IndicatorScore[],
  be: BudgetExecutionScore | null,
): StatedSummary {
  let scores = 0;
  let weights = 0;
  let scoreSum: number | null = 0;
  let weightSum: number | null = 0;
  for (const s of indicators) {
    const score = statedNumber(grid, s.row, scoreCol);
    // A template row left in (no 分值, no 得分) states nothing: it neither adds nor leaves the sums unknown.
    if (score === null && s.weight === null) continue;
    if (score === null) scoreSum = null;
    else scores += Math.round(score * 100);
    if (s.weight === null) weightSum = null;
    else weights += Math.round(s.weight * 100);
  }
  if (be) {
    const { row, col } = parseA1(be.cell);
    const score = statedNumber(grid, row, col);
    if (score === null) scoreSum = null;
    else scores += Math.round(score * 100);
    if (be.weightCell !== null) {
      const w = parseA1(be.weightCell);
      const weight = statedNumber(grid, w.row, w.col);
      if (weight !== null) weights += Math.round(weight * 100);
    }
  }
  const g = gradeCell ? parseA1(gradeCell) : null;
  return {
    totalCell: toA1(total.row, total.col),
    total: statedNumber(grid, total.row, total.col),
    weightTotalCell: weightTotal ? toA1(weightTotal.row, weightTotal.col) : null,
    weightTotal: weightTotal ? statedNumber(grid, weightTotal.row, weightTotal.col) : null,
    gradeCell,
    grade: g ? normalizeText(grid.text(g.row, g.col)) || null : null,
    scoreSum: scoreSum === null ? null : scores / 100,
    weightSum: weightSum === null ? null : weights / 100,
  };
}

/** The grade a written grade names (优秀 → 优, 良好 → 良, 中等 → 中, 较差 → 差), or null. */
function gradeNamed(text: string): Grade | null {
  const m = /^(?:等级)?[:：]?(优|良|中|差|较差)/.exec(text);
  if (!m) return null;
  return m[1] === '较差' ? '差' : (m[1] as Grade);
}

/** Grades of a total (domain primer §4): 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60. */
export function gradeOf(total: number): Grade {
  if (total >= 90) return '优';
  if (total >= 80) return '良';
  if (total >= 60) return '中';
  return '差';
}

/** The project-level disagreements of every filled table: 总分 ≠ Σ 得分, the grade, 总分值 ≠ Σ 分值. */
export function reviewStated(result: ScoreResult): Finding[] {
  const out: Finding[] = [];
  for (const p of result.projects) {
    const st = p.stated;
    if (st === null) continue;
    const at = (a1: string) => ({ sheet: p.sheet, category: 'other' as const, cell: a1, row: parseA1(a1).row, project: p.name, indicator: null });
    if (st.total !== null && st.scoreSum !== null && Math.abs(st.total - st.scoreSum) >= 0.005) {
      out.push({
        ...at(st.totalCell),
        id: 'total-score-mismatch',
        severity: 'error',
        message: bi(
          `总分写为 ${fmt(st.total)}，各项得分（含预算执行率）之和为 ${fmt(st.scoreSum)}。`,
          `The 总分 is written ${fmt(st.total)}; the scores (with budget execution) add up to ${fmt(st.scoreSum)}.`,
        ),
        data: { stated: st.total, sum: st.scoreSum },
      });
    }
    const named = st.grade !== null ? gradeNamed(st.grade) : null;
    if (named !== null && st.gradeCell !== null && st.total !== null && gradeOf(st.total) !== named) {
      out.push({
        ...at(st.gradeCell),
        id: 'grade-mismatch',
        severity: 'warning',
        message: bi(
          `自评等级写为「${st.grade}」，总分 ${fmt(st.total)} 对应「${gradeOf(st.total)}」（优 ≥ 90，良 80–89，中 60–79，差 < 60）。`,
          `The grade is written "${st.grade}"; the total ${fmt(st.total)} is "${gradeOf(st.total)}" (优 ≥ 90, 良 80–89, 中 60–79, 差 < 60).`,
        ),
        data: { stated: st.grade, total: st.total, grade: gradeOf(st.total) },
      });
    }
    if (st.weightTotal !== null && st.weightTotalCell !== null && st.weightSum !== null && Math.abs(st.weightTotal - st.weightSum) >= 0.005) {
      out.push({
        ...at(st.weightTotalCell),
        id: 'stated-weight-total',
        severity: 'warning',
        message: bi(
          `总分行的分值写为 ${fmt(st.weightTotal)}，各项分值（含预算执行率）之和为 ${fmt(st.weightSum)}。`,
          `The 总分 row states ${fmt(st.weightTotal)} points; the weights (with budget execution) add up to ${fmt(st.weightSum)}.`,
        ),
        data: { stated: st.weightTotal, sum: st.weightSum },
      });
    }
  }
  return out;
}
