/** Helpers for scoring tests: one-indicator tables, scoring, and evaluating the written formula independently. */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { buildProjectSheet, type RowSpec } from '../../fixtures/builder';
import { runScore } from '../../../src/core/score';
import type { IndicatorScore, ScoreOptions, ScoreResult } from '../../../src/core/score';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { evalFormula, type Value } from './formula-eval';
import { parseA1 } from '../../../src/core/domain/a1';

export interface Case {
  /** What the case shows. */
  name: string;
  rule: string;
  target?: CellValue;
  actual?: CellValue;
  dir?: string;
  unit?: string;
  /** 分值 column value. */
  weight?: CellValue;
  cat?: string;
  sub?: string;
  /** Number formats of the actual and target cells ('0%', 'yyyy-mm-dd'). */
  actualFormat?: string;
  targetFormat?: string;
  /** Expected score (null: no score). */
  score: number | null;
  /** Expected needsReview (default: score === null). */
  review?: boolean;
  /** Substrings the zh-CN explanation must contain. */
  explains?: string[];
}

/** Columns of the builder's table with extraColumns ['actual', 'weight', 'score']: I target, O actual, P weight, Q score. */
export const COL = { target: 9, rule: 11, unit: 12, dir: 13, actual: 15, weight: 16, score: 17 } as const;
export const ROW = 3;

export function caseSheet(c: Case): SheetSnapshot {
  const row: RowSpec = {
    cat: c.cat ?? '产出指标',
    sub: c.sub ?? '数量指标',
    name: '测试指标',
    target: c.target,
    rule: c.rule,
    unit: c.unit ?? '',
    dir: c.dir ?? '',
    actual: c.actual,
    weight: c.weight,
  };
  const sheet = buildProjectSheet({ projects: [{ name: '测试项目', fund: 100, rows: [row] }], extraColumns: ['actual', 'weight', 'score'] });
  const nf: Record<string, string> = {};
  if (c.actualFormat) nf[`O${ROW}`] = c.actualFormat;
  if (c.targetFormat) nf[`I${ROW}`] = c.targetFormat;
  if (Object.keys(nf).length) sheet.numberFormats = nf;
  return sheet;
}

export function scoreCase(c: Case, opts: ScoreOptions = {}): { s: IndicatorScore; result: ScoreResult; snapshot: WorkbookSnapshot } {
  const sheet = caseSheet(c);
  const snapshot: WorkbookSnapshot = { source: c.name, sheets: [sheet] };
  const result = runScore(snapshot, BUILTIN_PROFILES.hunan, opts);
  const s = result.projects[0]?.indicators[0];
  if (!s) throw new Error(`no indicator scored in case ${c.name}`);
  return { s, result, snapshot };
}

const DAY = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

/** The value a cell holds as Excel sees it: an ISO date in a date-formatted cell is its serial number. */
export function cellValueOf(sheet: SheetSnapshot, row: number, col: number): number | string | boolean | null {
  const v = sheet.values[row - 1]?.[col - 1] ?? null;
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const a1 = `${colLetters(col)}${row}`;
    if (m && sheet.numberFormats?.[a1]) return Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - EPOCH) / DAY);
  }
  return v;
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Evaluates a formula against a sheet, with `overrides` (A1 → value) for cells written by the plan. */
export function evalOnSheet(formula: string, sheet: SheetSnapshot, overrides: Record<string, Value> = {}): Value {
  return evalFormula(formula, (row, col) => {
    const a1 = `${colLetters(col)}${row}`;
    if (a1 in overrides) return overrides[a1] as number | string | boolean | null;
    return cellValueOf(sheet, row, col);
  });
}

/** A snapshot's cell, for writing values in tests. */
export function setCell(sheet: SheetSnapshot, a1: string, v: CellValue): void {
  const p = parseA1(a1);
  while (sheet.values.length < p.row) sheet.values.push([]);
  const line = sheet.values[p.row - 1];
  while (line.length < p.col) line.push(null);
  line[p.col - 1] = v;
}

/** Functions every formula may use: those Excel, WPS and LibreOffice all have. */
export const PORTABLE_FUNCTIONS = new Set(['IF', 'AND', 'OR', 'MIN', 'MAX', 'INT', 'ROUND', 'ROUNDUP', 'ABS', 'TRIM', 'LEFT', 'MID', 'SUBSTITUTE', 'VALUE', 'FIND', 'ISNUMBER', 'DATE', 'COUNT', 'SUM']);

/** Excel serial number of a date. */
export function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / DAY);
}
