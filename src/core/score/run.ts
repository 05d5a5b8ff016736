/** runScore: snapshot → table model → a score, formula and explanation for every indicator, totals and grades. */
import type { CellValue, WorkbookSnapshot } from '../snapshot/snapshot';
import { SheetGrid } from '../snapshot/snapshot';
import type { Profile } from '../profile';
import type { Finding } from '../check/findings';
import type { CellRef, Indicator, ParsedRule, Project, TargetTable } from '../model';
import { readWorkbookModel } from '../layout/read';
import { colToLetters, parseA1, toA1 } from '../domain/a1';
import { D, fmt, fmtPct, lit, minD, roundScore } from './num';
import { directionOf, excelTrim, isPercentFormat, readActual, readTarget, readWeight } from './inputs';
import { scoreIndicator, type MethodOutcome } from './methods';
import { bi, join } from './explain';
import { findBudgetBlock, findProjectName, freeColumn, summaryRows, tableRight, tableRows, type BudgetBlock, type TakenColumn } from './placement';
import type { AddedColumn, Bilingual, BudgetExecutionScore, Grade, IndicatorScore, ProjectScore, ScoreOptions, ScoreResult } from './types';

/** Header words of the columns scoring adds. */
export const ADDED_HEADERS = { actual: '实际完成值', score: '得分' } as const;

/** Grades of a total (domain primer §4): 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60. */
export function gradeOf(total: number): Grade {
  if (total >= 90) return '优';
  if (total >= 80) return '良';
  if (total >= 60) return '中';
  return '差';
}

/** Whether a formula in a score cell is one jixiao wrote (it starts with the empty-actual guard). */
export function isOwnScoreFormula(formula: string | undefined, actualA1: string): boolean {
  return formula !== undefined && formula.replace(/^=/, '').startsWith(`IF(TRIM(${actualA1})="",""`);
}

export function runScore(snapshot: WorkbookSnapshot, profile: Profile, opts: ScoreOptions = {}): ScoreResult {
  const options = { overwrite: opts.overwrite ?? false, addActual: opts.addActual ?? false };
  // One grid per sheet, shared with the layout reader (its merge index is built once).
  const grids = new Map(snapshot.sheets.map((s) => [s.name, new SheetGrid(s)]));
  const model = readWorkbookModel(snapshot, (s) => grids.get(s.name)!);
  const result: ScoreResult = { source: snapshot.source, model, projects: [], addedColumns: [], findings: [], options };
  const memo: RowMemo = new Map();
  for (const sheet of model.sheets) {
    const grid = grids.get(sheet.sheet)!;
    const taken: TakenColumn[] = [];
    let prevBottom = 0;
    for (const table of sheet.tables) {
      scoreTable(grid, table, profile, options, result, taken, prevBottom, memo);
      prevBottom = tableRows(table).bottom;
    }
  }
  return result;
}

function finding(table: TargetTable, f: Omit<Finding, 'sheet' | 'category'> & { category?: Finding['category'] }): Finding {
  return { category: 'other', sheet: table.sheet, ...f };
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
    const ps = scoreProject(grid, table, project, actualCol!, scoreCol!, options, result, selfEval ? budget : null, profile, limit, selfEval, memo);
    result.projects.push(ps);
  });
}

/**
 * Placeholder for the row number in formula templates: a control character (never in a formula), and
 * one that keeps the formulas one-byte strings (a character above U+00FF would double their memory).
 */
const ROW_MARK = '\u0001';

interface RowOutcome extends MethodOutcome {
  /** The formula split at the row placeholder: joined with the row number. */
  formulaParts: string[] | null;
  weight: number | null;
  weightSource: IndicatorScore['weightSource'];
  actualEmpty: boolean;
}

/**
 * Outcomes by row signature: rows with the same rule, target, weight and actual value share one
 * computation. Looked up by the parsed rule (the parser shares one object per rule text), then by the
 * actual value, then among the few rows left by comparing their other inputs: no key is built.
 */
export type RowMemo = Map<ParsedRule, Map<CellValue, MemoEntry[]>>;

interface MemoEntry {
  targetRaw: CellValue | undefined;
  targetCol: number;
  targetFormat: string | undefined;
  unit: string | undefined;
  direction: string | undefined;
  category: string | null;
  subcategory: string | null;
  weightRaw: CellValue | undefined;
  weightCol: number;
  actualCol: number;
  actualFormat: string | undefined;
  out: RowOutcome;
}

/**
 * Scores one indicator row. The formula comes back as a template (row number = ROW_MARK): every cell it
 * reads is on the row itself. Rows whose inputs are equal (rule, 指标值, 度量单位, 指标值类型, category,
 * 分值, actual value, number formats, columns) share one outcome, as the parsers share theirs by text;
 * inputs read from another row (a 指标值 merged down) are computed on their own.
 */
function scoreRow(grid: SheetGrid, ind: Indicator, actualCol: number, actualRaw: CellValue, memo: RowMemo): RowOutcome {
  const row = ind.row;
  const sameRow = (!ind.target || ind.target.cell.row === row) && (!ind.weight || ind.weight.cell.row === row);
  // The row's other inputs, compared with the memo's entries field by field (nothing allocated on a hit).
  const t = ind.target;
  const w = ind.weight;
  const targetRaw = t ? t.raw : undefined;
  const targetCol = t ? t.cell.col : 0;
  const targetFormat = t ? grid.numberFormat(row, t.cell.col) : undefined;
  const unit = ind.unit?.text;
  const direction = ind.directionField?.text;
  const weightRaw = w ? w.raw : undefined;
  const weightCol = w ? w.cell.col : 0;
  const actualFormat = grid.numberFormat(row, actualCol);
  let entries: MemoEntry[] | undefined;
  if (sameRow) {
    let byActual = memo.get(ind.parsedRule);
    if (byActual === undefined) memo.set(ind.parsedRule, (byActual = new Map()));
    entries = byActual.get(actualRaw);
    if (entries === undefined) {
      if (byActual.size >= MEMO_MAX) byActual.clear();
      byActual.set(actualRaw, (entries = []));
    }
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (
        e.targetRaw === targetRaw &&
        e.targetCol === targetCol &&
        e.targetFormat === targetFormat &&
        e.unit === unit &&
        e.direction === direction &&
        e.category === ind.categoryKey &&
        e.subcategory === ind.subcategoryKey &&
        e.weightRaw === weightRaw &&
        e.weightCol === weightCol &&
        e.actualCol === actualCol &&
        e.actualFormat === actualFormat
      ) {
        return e.out;
      }
    }
  }
  // References to cells of the row itself are written with the row placeholder (a template shared by
  // every row with the same inputs); a 指标值 or 分值 merged down from another row is named as it is.
  const actualA1 = toA1(row, actualCol);
  const actualRefText = sameRow ? colToLetters(actualCol) + ROW_MARK : actualA1;
  const refOf = (c: CellRef) => (sameRow ? colToLetters(c.col) + ROW_MARK : c.a1);
  const actual = readActual(grid, { row, col: actualCol, a1: actualA1 }, actualRefText);
  const weight = readWeight(ind, refOf);
  const out = scoreIndicator({
    ind,
    rule: ind.parsedRule,
    actual,
    ref: actualRefText,
    target: readTarget(grid, ind, refOf),
    weight,
    dir: directionOf(ind),
    unit: ind.unit !== null ? ind.unit.text : null,
    actualPercentFormat: isPercentFormat(actualFormat),
  });
  const guarded = out.formula ? `IF(TRIM(${actualRefText})="","",${out.formula})` : null;
  const result: RowOutcome = {
    method: out.method,
    score: out.score,
    formula: guarded,
    explanation: out.explanation,
    review: out.review,
    formulaParts: guarded !== null ? guarded.split(ROW_MARK) : null,
    weight: weight ? weight.value.toNumber() : null,
    weightSource: weight ? weight.source : null,
    actualEmpty: actual.kind === 'empty',
  };
  if (entries !== undefined && entries.length < 16) {
    entries.push({
      targetRaw,
      targetCol,
      targetFormat,
      unit,
      direction,
      category: ind.categoryKey,
      subcategory: ind.subcategoryKey,
      weightRaw,
      weightCol,
      actualCol,
      actualFormat,
      out: result,
    });
  }
  return result;
}

const MEMO_MAX = 20000;

/** The 实际完成值 and 得分 columns of a table, with their letters. */
interface RowColumns {
  actual: number;
  score: number;
  actualLetters: string;
  scoreLetters: string;
}

/**
 * One indicator's score: the row's outcome (shared by rows with equal inputs), its formula for this
 * row, what the 得分 cell held, and a finding when it needs review. A function of its own, called for
 * every indicator, so the engine compiles it early in a run (a loop inside the per-project function
 * would run only eight times a call).
 */
function scoreIndicatorRow(
  grid: SheetGrid,
  table: TargetTable,
  ind: Indicator,
  cols: RowColumns,
  projectName: string,
  options: Required<ScoreOptions>,
  result: ScoreResult,
  memo: RowMemo,
): IndicatorScore {
  const row = ind.row;
  const rowText = String(row);
  const actualA1 = cols.actualLetters + rowText;
  const cellA1 = cols.scoreLetters + rowText;
  const actualRaw = grid.value(row, cols.actual);
  const out = scoreRow(grid, ind, cols.actual, actualRaw, memo);
  const s: IndicatorScore = {
    indicator: ind.name,
    sheet: table.sheet,
    row,
    cell: cellA1,
    actualCell: actualA1,
    actual: actualRaw,
    target: ind.target !== null ? ind.target.text : '',
    score: out.score,
    weight: out.weight,
    weightSource: out.weightSource,
    method: out.method,
    formula: out.formulaParts !== null ? out.formulaParts.join(rowText) : null,
    explanation: out.explanation,
    needsReview: out.review !== null,
    reason: out.review,
    kept: false,
    userScore: null,
    previous: 'empty',
  };
  keepUserScore(grid, s, row, cols.score, options, actualA1);
  if (s.needsReview) {
    result.findings.push(
      finding(table, {
        id: out.actualEmpty ? 'score-no-actual' : 'score-needs-review',
        severity: 'warning',
        cell: cellA1,
        row,
        project: projectName,
        indicator: ind.name,
        message: bi(`需人工评分：${s.reason!['zh-CN']}`, `Needs review: ${s.reason!['en-US']}`),
      }),
    );
  } else if (s.kept && out.score !== null && typeof s.userScore === 'number' && roundScore(D(s.userScore)) !== out.score) {
    result.findings.push(
      finding(table, {
        id: 'score-kept-differs',
        severity: 'info',
        cell: cellA1,
        row,
        project: projectName,
        indicator: ind.name,
        message: bi(
          `保留了原有得分 ${fmt(s.userScore)}；按评分标准计算为 ${fmt(out.score)}（--overwrite 可改写）。`,
          `Kept the existing score ${fmt(s.userScore)}; the rule gives ${fmt(out.score)} (--overwrite replaces it).`,
        ),
      }),
    );
  }
  return s;
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
): ProjectScore {
  const headerTop = table.headerBands[0].top;
  const name = project.name || (selfEval ? (findProjectName(grid, 1, headerTop - 1) ?? '') : '') || table.sheet;
  const indicators: IndicatorScore[] = [];
  const inds = project.indicators;
  const cols: RowColumns = { actual: actualCol, score: scoreCol, actualLetters: colToLetters(actualCol), scoreLetters: colToLetters(scoreCol) };
  for (let i = 0; i < inds.length; i++) {
    if (inds[i].name !== '') indicators.push(scoreIndicatorRow(grid, table, inds[i], cols, name, options, result, memo));
  }

  const be = budget ? scoreBudget(grid, table, budget, profile, options) : null;
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
  };
}

/** How a formula jixiao wrote is told: the 实际完成值 cell whose guard starts it (score cells), or a test. */
type OwnFormula = string | ((formula: string) => boolean);

/** What a cell held before scoring: nothing, a formula jixiao wrote, or a value or formula of the user's. */
function previousOf(grid: SheetGrid, row: number, col: number, own: OwnFormula): IndicatorScore['previous'] {
  const f = grid.formula(row, col);
  if (f !== undefined) return (typeof own === 'string' ? isOwnScoreFormula(f, own) : own(f)) ? 'own' : 'user';
  const v = grid.value(row, col);
  return v !== null && !(typeof v === 'string' && excelTrim(v) === '') ? 'user' : 'empty';
}

/** A score cell that holds a value of the user's (not a formula jixiao wrote) is kept unless overwrite. */
function keepUserScore(
  grid: SheetGrid,
  s: Pick<IndicatorScore, 'kept' | 'userScore' | 'score' | 'needsReview' | 'reason' | 'explanation' | 'formula' | 'previous'>,
  row: number,
  col: number,
  options: Required<ScoreOptions>,
  own: OwnFormula,
): void {
  s.previous = previousOf(grid, row, col, own);
  if (options.overwrite || s.previous !== 'user') return;
  const v = grid.value(row, col);
  const engine = s.score;
  s.kept = true;
  s.userScore = v;
  s.formula = null;
  const numeric = typeof v === 'number' ? v : null;
  s.score = numeric;
  const engineText: Bilingual =
    engine !== null
      ? bi(`按评分标准计算为 ${fmt(engine)} 分。`, `The rule gives ${fmt(engine)}.`)
      : s.reason
        ? bi(`未能自动计分：${s.reason['zh-CN']}`, `Not scored automatically: ${s.reason['en-US']}`)
        : bi('', '');
  s.explanation = join(
    bi(`保留原有得分「${v === null ? '' : String(v)}」（未指定 --overwrite）。`, `Kept the existing score "${v === null ? '' : String(v)}" (no --overwrite).`),
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

// ---------------------------------------------------------------- 预算执行率

function scoreBudget(grid: SheetGrid, table: TargetTable, b: BudgetBlock, profile: Profile, options: Required<ScoreOptions>): BudgetExecutionScore {
  const row = b.row;
  const at = (col: number | undefined): CellRef | null => (col === undefined ? null : { row, col, a1: toA1(row, col) });
  const scoreRef = at(b.cols.score)!;
  const fullRef = at(b.cols.full);
  const spentRef = at(b.cols.spent);
  const rateRef = at(b.cols.rate);
  const weightRef = at(b.cols.weight);
  const wRaw = weightRef ? grid.value(row, weightRef.col) : null;
  const weight = typeof wRaw === 'number' && Number.isFinite(wRaw) && wRaw > 0 ? wRaw : profile.weights.budgetExecution;
  const wExpr = typeof wRaw === 'number' && Number.isFinite(wRaw) && wRaw > 0 ? weightRef!.a1 : lit(weight);
  const head = bi(`预算执行率：得分 = ${fmt(weight)} × 执行率，最高 ${fmt(weight)} 分；执行率 = 全年执行数 / 全年预算数。`, `Budget execution: score = ${fmt(weight)} × execution rate, at most ${fmt(weight)}; rate = spent / full-year budget.`);
  const base: BudgetExecutionScore = {
    sheet: table.sheet,
    row,
    cell: scoreRef.a1,
    budgetCell: fullRef?.a1 ?? null,
    spentCell: spentRef?.a1 ?? null,
    rateCell: rateRef?.a1 ?? null,
    weightCell: weightRef?.a1 ?? null,
    weight,
    rate: null,
    score: null,
    formula: null,
    explanation: head,
    needsReview: true,
    reason: null,
    kept: false,
    userScore: null,
    previous: 'empty',
  };
  const full = fullRef ? readActual(grid, fullRef) : null;
  const spent = spentRef ? readActual(grid, spentRef) : null;
  const finish = (s: BudgetExecutionScore): BudgetExecutionScore => {
    keepUserScore(grid, s, row, scoreRef.col, options, (f) => f.replace(/^=/, '').startsWith('IF(AND(ISNUMBER(') || f.replace(/^=/, '').startsWith('IF(ISNUMBER('));
    return s;
  };
  if (full?.kind === 'number' && spent?.kind === 'number' && !full.percent && !spent.percent) {
    if (full.value.isZero() || full.value.isNegative() || spent.value.isNegative()) {
      return finish({ ...base, reason: bi('全年预算数为 0 或负数，无法计算执行率。', 'The full-year budget is 0 or negative: no execution rate.') });
    }
    const rate = spent.value.dividedBy(full.value);
    const score = minD(D(weight), D(weight).times(rate));
    const guards = [full, spent].filter((v) => v.plainCell).map((v) => `ISNUMBER(${v.expr})`);
    const body = `ROUND(MIN(${wExpr},${wExpr}*${spent.expr}/${full.expr}),2)`;
    const formula = guards.length ? `IF(AND(${guards.join(',')}),${body},"")` : body;
    return finish({
      ...base,
      rate: rate.toNumber(),
      score: roundScore(score),
      formula,
      needsReview: false,
      explanation: join(
        head,
        bi(
          `执行率 = ${fmt(spent.value)} / ${fmt(full.value)} = ${fmtPct(rate.times(100))}%${rate.greaterThan(1) ? '（以 100% 计）' : ''}；得分 = ${fmt(weight)} × ${fmtPct(minD(D(1), rate).times(100))}% = ${fmt(roundScore(score))} 分。`,
          `rate = ${fmt(spent.value)} / ${fmt(full.value)} = ${fmtPct(rate.times(100))}%${rate.greaterThan(1) ? ' (counted as 100%)' : ''}; score = ${fmt(weight)} × ${fmtPct(minD(D(1), rate).times(100))}% = ${fmt(roundScore(score))}.`,
        ),
      ),
    });
  }
  // No budget figures: the 执行率 cell, when it is a percentage (a percent-formatted number or `96%`).
  const rate = rateRef ? readActual(grid, rateRef) : null;
  if (rate?.kind === 'number' && rate.percent) {
    const r = rate.value.dividedBy(100);
    const score = minD(D(weight), D(weight).times(r));
    const body = `ROUND(MIN(${wExpr},${wExpr}*${rate.expr}/100),2)`;
    const formula = rate.plainCell ? `IF(ISNUMBER(${rateRef!.a1}),${body},"")` : body;
    return finish({
      ...base,
      rate: r.toNumber(),
      score: roundScore(score),
      formula,
      needsReview: false,
      explanation: join(head, bi(`执行率 ${fmt(rate.value)}%；得分 = ${fmt(weight)} × ${fmt(rate.value)}% = ${fmt(roundScore(score))} 分（上限 ${fmt(weight)} 分）。`, `rate ${fmt(rate.value)}%; score = ${fmt(weight)} × ${fmt(rate.value)}% = ${fmt(roundScore(score))} (at most ${fmt(weight)}).`)),
    });
  }
  const missing = !full || full.kind === 'empty' || !spent || spent.kind === 'empty';
  return finish({
    ...base,
    reason: missing
      ? bi('全年预算数或全年执行数未填写（或不是数字），无法计算预算执行率。', 'The full-year budget or the amount spent is not filled in (or not a number): no execution rate.')
      : bi('全年预算数或全年执行数不是数字，无法计算预算执行率。', 'The full-year budget or the amount spent is not a number: no execution rate.'),
  });
}

