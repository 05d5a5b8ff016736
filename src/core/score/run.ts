/** runScore: snapshot → table model → a score, formula and explanation for every indicator, totals and grades. */
import type { SheetGrid, WorkbookSnapshot } from '../snapshot/snapshot';
import { workbookContext, type WorkbookContext } from '../workbook';
import type { Profile } from '../profile';
import type { Project, TargetTable } from '../model';
import { colToLetters, parseA1, toA1 } from '../domain/a1';
import { bi } from './explain';
import { findBudgetBlock, findProjectName, findStatedTotal, freeColumn, summaryRows, tableRight, tableRows, type BudgetBlock, type SummaryRows, type TakenColumn } from './placement';
import { isBudgetExecutionIndicator, scoreBudget, scoreBudgetIndicator } from './budget';
import { previousOf } from './previous';
import { budgetIndicatorFindings, budgetMismatch, gradeOf, statedSummary } from './review';
import { finding, scoreIndicatorRow, type RowColumns, type RowMemo } from './row';
import type { AddedColumn, BudgetExecutionScore, IndicatorScore, StatedSummary, ProjectScore, ScoreOptions, ScoreResult } from './types';

export { isOwnScoreFormula } from './previous';
export type { RowMemo } from './row';

/** Header words of the columns scoring adds. */
export const ADDED_HEADERS = { actual: '实际完成值', score: '得分' } as const;

export { gradeOf } from './review';

/** Scores a snapshot, or a workbook already read (the check reviews a filled 自评表 with the model it checked). */
export function runScore(input: WorkbookSnapshot | WorkbookContext, profile: Profile, opts: ScoreOptions = {}): ScoreResult {
  const options = { overwrite: opts.overwrite ?? false, addActual: opts.addActual ?? false };
  // One grid per sheet, shared with the layout reader (its merge index is built once).
  const context = workbookContext(input);
  const model = context.model;
  const result: ScoreResult = { source: context.snapshot.source, model, projects: [], addedColumns: [], findings: [], options };
  const memo: RowMemo = new Map();
  for (const sheet of model.sheets) {
    const grid = context.grid(sheet.sheet)!;
    const taken: TakenColumn[] = [];
    let prevBottom = 0;
    for (const table of sheet.tables) {
      scoreTable(grid, table, profile, options, result, taken, prevBottom, memo);
      prevBottom = tableRows(table).bottom;
    }
  }
  return result;
}

function scoreTable(
  grid: SheetGrid,
  table: TargetTable,
  profile: Profile,
  options: Required<ScoreOptions>,
  result: ScoreResult,
  taken: TakenColumn[],
  prevBottom: number,
  memo: RowMemo,
): void {
  const { top, bottom } = tableRows(table);
  const headerTop = table.headerBands[0].top;
  const budget = findBudgetBlock(grid, prevBottom + 1, headerTop - 1);
  const selfEval = budget !== null;
  const statedTotal = selfEval ? findStatedTotal(grid, prevBottom + 1, headerTop - 1) : null;
  const right = tableRight(grid, table);

  // Columns: 实际完成值 and 得分, added when missing.
  let actualCol = table.columns.actual;
  let scoreCol = table.columns.score;
  if (actualCol === undefined && !options.addActual) {
    result.findings.push(
      finding(table, {
        id: 'score-no-actual-column',
        severity: 'error',
        cell: toA1(headerTop, right),
        row: headerTop,
        project: null,
        indicator: null,
        message: bi(
          '表中没有实际完成值列（实际完成值/实际值/全年实际值/完成值/实际完成情况），无法评分；可用 --add-actual 添加该列。',
          'The table has no actual-value column (实际完成值, 实际值, 全年实际值, 完成值, 实际完成情况); nothing can be scored. --add-actual adds one.',
        ),
      }),
    );
    return;
  }
  const added = (role: 'actual' | 'score', formatFrom: number): number => {
    const col = freeColumn(grid, right, top, bottom, taken);
    taken.push({ col, top, bottom });
    const a: AddedColumn = {
      sheet: table.sheet,
      role,
      col,
      letter: colToLetters(col),
      formatFrom,
      header: ADDED_HEADERS[role],
      headers: table.headerBands.map((b) => ({ row: b.top, mergeTo: b.bottom })),
      top,
      bottom,
    };
    result.addedColumns.push(a);
    return col;
  };
  if (actualCol === undefined) actualCol = added('actual', right);
  if (scoreCol === undefined) {
    const from = table.columns.actual !== undefined ? actualCol : right;
    scoreCol = added('score', from);
  }

  const projects = table.projects;
  projects.forEach((project, i) => {
    const limit = i + 1 < projects.length ? projects[i + 1].firstRow : bottom + 6;
    const ps = scoreProject(grid, table, project, actualCol!, scoreCol!, options, result, selfEval ? budget : null, profile, limit, selfEval, memo, i === 0 ? statedTotal : null);
    result.projects.push(ps);
  });
}

function scoreProject(
  grid: SheetGrid,
  table: TargetTable,
  project: Project,
  actualCol: number,
  scoreCol: number,
  options: Required<ScoreOptions>,
  result: ScoreResult,
  budget: BudgetBlock | null,
  profile: Profile,
  limit: number,
  selfEval: boolean,
  memo: RowMemo,
  statedTotal: { row: number; col: number } | null,
): ProjectScore {
  const headerTop = table.headerBands[0].top;
  const name = project.name || (selfEval ? (findProjectName(grid, 1, headerTop - 1) ?? '') : '') || table.sheet;
  const indicators: IndicatorScore[] = [];
  const inds = project.indicators;
  const cols: RowColumns = { actual: actualCol, score: scoreCol, actualLetters: colToLetters(actualCol), scoreLetters: colToLetters(scoreCol) };
  for (let i = 0; i < inds.length; i++) {
    const ind = inds[i];
    if (ind.name === '') continue;
    // 预算执行率 as an indicator row follows the 项目资金 block above (when it gives a rate), not its own 指标值.
    const fromBlock = budget && isBudgetExecutionIndicator(ind) ? scoreBudgetIndicator(grid, table, budget, ind, cols, options) : null;
    if (fromBlock) {
      indicators.push(fromBlock.score);
      budgetIndicatorFindings(grid, table, fromBlock.score, fromBlock.ruleScore, name, result);
    } else {
      indicators.push(scoreIndicatorRow(grid, table, ind, cols, name, options, result, memo));
    }
  }

  // The block's own 预算执行率 score, where it has a 得分 cell.
  const be = budget && budget.cols.score !== undefined ? scoreBudget(grid, table, budget, profile, options) : null;
  if (be?.needsReview) {
    result.findings.push(
      finding(table, {
        id: 'score-needs-review',
        severity: 'warning',
        cell: be.cell,
        row: be.row,
        project: name,
        indicator: '预算执行率',
        message: bi(`需人工评分：${be.reason!['zh-CN']}`, `Needs review: ${be.reason!['en-US']}`),
      }),
    );
  }
  const beMismatch = be ? budgetMismatch(grid, table, be, name) : null;
  if (beMismatch) result.findings.push(beMismatch);

  // Total and grade. Scores have at most 2 decimals: summed exactly in hundredths.
  let cents = 0;
  let complete = indicators.length > 0;
  for (let i = 0; i < indicators.length; i++) {
    const score = indicators[i].score;
    if (score !== null) cents += Math.round(score * 100);
    else complete = false;
  }
  if (be) {
    if (be.score !== null) cents += Math.round(be.score * 100);
    else complete = false;
  }
  const partial = cents / 100;
  const total = complete ? partial : null;
  const summary = summaryRows(grid, table.columns, project, limit);
  let totalRow: number | null = summary.total?.row ?? null;
  if (totalRow === null && !selfEval) {
    // The project's last row, when it holds no indicator (and its 得分 cell is free).
    const last = project.rows[project.rows.length - 1];
    if (last && last.name === '' && !indicators.some((s) => s.row === last.row)) totalRow = last.row;
  }
  let totalCell: string | null = totalRow !== null ? toA1(totalRow, scoreCol) : null;
  let totalFormula: string | null = null;
  if (totalCell && indicators.length > 0) {
    const cells = cellList(scoreCol, indicators.map((s) => s.row));
    if (be) cells.push(be.cell);
    totalFormula = totalFormulaOf(cells, indicators.length + (be ? 1 : 0));
    const userHas = previousOf(grid, totalRow!, scoreCol, (f) => f.replace(/^=/, '').startsWith('IF(COUNT(')) === 'user';
    if (userHas && !options.overwrite) {
      totalCell = null;
      totalFormula = null;
    }
  }
  const grade = total !== null ? gradeOf(total) : null;
  let gradeCell: string | null = null;
  let gradeFormula: string | null = null;
  if (summary.grade && totalCell) {
    gradeCell = summary.grade.cell;
    gradeFormula = `IF(${totalCell}="","",IF(${totalCell}>=90,"优",IF(${totalCell}>=80,"良",IF(${totalCell}>=60,"中","差"))))`;
    const g = parseA1(gradeCell);
    const own = `IF(${totalCell}="",""`;
    const userHas = previousOf(grid, g.row, g.col, (f) => f.replace(/^=/, '').startsWith(own)) === 'user';
    if (userHas && !options.overwrite) {
      gradeCell = null;
      gradeFormula = null;
    }
  }
  return {
    name,
    sheet: table.sheet,
    layout: selfEval ? 'selfEvaluation' : 'targetTable',
    firstRow: project.firstRow,
    lastRow: project.lastRow,
    indicators,
    budgetExecution: be,
    total,
    partialTotal: partial,
    totalCell,
    totalFormula,
    grade,
    gradeCell,
    gradeFormula,
    needsReview: indicators.some((s) => s.needsReview) || Boolean(be?.needsReview),
    stated: statedOf(grid, table, summary, statedTotal, scoreCol, indicators, be),
  };
}

/** The total a filled table states (its 总分 row, else the 自评得分 above the header), with what its rows state. */
function statedOf(
  grid: SheetGrid,
  table: TargetTable,
  summary: SummaryRows,
  statedTotal: { row: number; col: number } | null,
  scoreCol: number,
  indicators: IndicatorScore[],
  be: BudgetExecutionScore | null,
): StatedSummary | null {
  const totalRow = summary.total?.row;
  const weightCol = table.columns.weight;
  // The 总分 row's 得分 when it holds a value, else the 自评得分 stated above the header.
  const inRow = totalRow !== undefined ? { row: totalRow, col: scoreCol } : null;
  const total = inRow !== null && (grid.text(inRow.row, inRow.col) !== '' || statedTotal === null) ? inRow : statedTotal;
  if (total === null) return null;
  const weightTotal = totalRow !== undefined && weightCol !== undefined ? { row: totalRow, col: weightCol } : null;
  return statedSummary(grid, total, weightTotal, summary.grade?.cell ?? null, scoreCol, indicators, be);
}

/** Score cells of a column as A1 references, consecutive rows joined into ranges (H13:H20). */
function cellList(col: number, rows: number[]): string[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: string[] = [];
  const L = colToLetters(col);
  let start = sorted[0];
  let prev = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    const r = sorted[i];
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    out.push(start === prev ? `${L}${start}` : `${L}${start}:${L}${prev}`);
    start = r;
    prev = r;
  }
  return out;
}

/** `IF(COUNT(cells)<n,"",ROUND(SUM(cells),2))`, in groups of at most 200 arguments (Excel allows 255). */
function totalFormulaOf(cells: string[], n: number): string {
  const groups: string[] = [];
  for (let i = 0; i < cells.length; i += 200) groups.push(cells.slice(i, i + 200).join(','));
  const count = groups.map((g) => `COUNT(${g})`).join('+');
  const sum = groups.map((g) => `SUM(${g})`).join('+');
  return `IF(${count}<${n},"",ROUND(${sum},2))`;
}
