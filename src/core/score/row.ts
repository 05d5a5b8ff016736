/**
 * One indicator row: its outcome (shared by rows with equal inputs through the row memo), its formula
 * for this row, what the 得分 cell held, and its findings. Called once an indicator: the hot path.
 */
import type { CellValue, SheetGrid } from '../snapshot/snapshot';
import type { Finding } from '../check/findings';
import type { CellRef, Indicator, ParsedRule, TargetTable } from '../model';
import { colToLetters, toA1 } from '../domain/a1';
import { D, fmt, roundScore } from './num';
import { directionOf, isPercentFormat, readActual, readTarget, readWeight } from './inputs';
import { scoreIndicator, type MethodOutcome } from './methods';
import { bi } from './explain';
import { gradeBand, inBand, keepUserScore } from './previous';
import type { IndicatorScore, ScoreOptions, ScoreResult } from './types';

/** A finding of the table's sheet (category 'other' unless given). */
export function finding(table: TargetTable, f: Omit<Finding, 'sheet' | 'category'> & { category?: Finding['category'] }): Finding {
  return { category: 'other', sheet: table.sheet, ...f };
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
export interface RowColumns {
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
export function scoreIndicatorRow(
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
  // A grade gives a band of scores (达成 100–80%): a user's score within it agrees with the rule.
  const band = gradeBand(out.method, out.score, out.weight);
  keepUserScore(grid, s, row, cols.score, options, actualA1, band);
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
  } else if (s.kept && !options.overwrite && out.score !== null && typeof s.userScore === 'number' && roundScore(D(s.userScore)) !== out.score && !inBand(band, s.userScore)) {
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
  // A filled 自评表 is reviewed against its own rules: a score it states that the rule does not give is
  // reported, whether it was kept or replaced (the check reports the same finding).
  if (s.previous === 'user' && out.score !== null) {
    const stated = grid.value(row, cols.score);
    if (typeof stated === 'number' && Number.isFinite(stated) && roundScore(D(stated)) !== out.score && !inBand(band, stated)) {
      result.findings.push(
        finding(table, {
          id: 'self-score-mismatch',
          severity: 'warning',
          cell: cellA1,
          row,
          project: projectName,
          indicator: ind.name,
          message: bi(
            `「${ind.name}」表中得分 ${fmt(stated)}，按其评分标准应为 ${fmt(out.score)} 分。计算过程：${out.explanation['zh-CN']}`,
            `"${ind.name}": the table states ${fmt(stated)}, its rule gives ${fmt(out.score)}. How: ${out.explanation['en-US']}`,
          ),
          data: { stated, computed: out.score, method: out.method },
        }),
      );
    }
  }
  return s;
}
