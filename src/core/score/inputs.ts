/**
 * Reading the inputs of a score from the sheet: the actual value, the target, the weight, the direction.
 * Each reading carries the Excel expression that yields the same number from the sheet's own cells, so
 * the written formula follows the cells (the actual cell always; the target and 分值 cells when they hold
 * numbers; literals otherwise).
 *
 * Decisions (docs/scoring.md):
 * - A number cell is read as it is; with a percent number format (0.96 shown as 96%) it reads as 96 (%).
 * - A text cell is read when it is exactly a number with an optional unit or % (`41.8万元`, `96%`,
 *   `1,965家`), or such a number with a comparison or 以上/以下 around it (`≥300米`, `100%以上`); the formula
 *   reads it with VALUE(SUBSTITUTE(…)). Other text is text (grades, lists).
 * - Against a rate target (指标值 in %, or 度量单位 %), a plain number is in percent (96 = 96%);
 *   a number in (0, 1] against a target above 1 is ambiguous (0.96 or 96%?) and needs review.
 * - A date cell (or an ISO date read from one) is a date; a text date (`2024年11月`) is read as the
 *   last day it can mean (2024-11-30), and its formula holds only for that text.
 */
import type { CellRef, Direction, Indicator } from '../model';
import type { SheetGrid } from '../snapshot/snapshot';
import { normalizeText } from '../domain/text';
import { parseTarget, type ParsedTargetDetail } from '../parse/target';
import type { TargetDate } from '../model';
import { D, Dec, lit } from './num';
import type { Bilingual } from './types';
import { isCostKey } from '../domain/framework';
import { isQuantitativeWord } from '../parse/direction';

export interface NumberValue {
  kind: 'number';
  value: Dec;
  /** Excel expression yielding the value from the sheet. */
  expr: string;
  /** The value is in percent units (96 for 96%). */
  percent: boolean;
  /** Unit written with the number (`万元`), or null. */
  unit: string | null;
  /** The expression reads a plain number cell (the formula guards it with ISNUMBER). */
  plainCell: boolean;
}

export interface DateValue {
  kind: 'date';
  /** The day compared (for a month or year: its last day). */
  y: number;
  m: number;
  d: number;
  /** A date cell (serial number): the formula compares the cell itself. */
  serial: boolean;
  /** For a text date: the text as the cell holds it (the formula holds only for that text). */
  text: string | null;
}

export interface TextValue {
  kind: 'text';
  /** As Excel's TRIM gives it (ASCII spaces only). */
  text: string;
}

export interface EmptyValue {
  kind: 'empty';
}

export interface BadValue {
  kind: 'bad';
  reason: Bilingual;
}

export type ActualValue = NumberValue | DateValue | TextValue | EmptyValue | BadValue;

export interface RangeValue {
  kind: 'range';
  min: number;
  max: number;
}

export type TargetValue = NumberValue | DateValue | TextValue | EmptyValue | BadValue | RangeValue;

/** Excel's TRIM: ASCII spaces only, runs inside collapsed to one. */
export function excelTrim(s: string): string {
  return s.replace(/ +/g, ' ').replace(/^ /, '').replace(/ $/, '');
}

/** An Excel string literal. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------- number formats and dates

/** Whether a number format shows dates or times (y, m, d, h, s outside quotes and brackets). */
export function isDateFormat(nf: string | undefined): boolean {
  if (!nf) return false;
  const bare = nf.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  if (/[%0#?]/.test(bare) && !/[ymd]/i.test(bare)) return false;
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

export function isPercentFormat(nf: string | undefined): boolean {
  if (!nf) return false;
  return nf.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').includes('%');
}

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

export function serialToDate(serial: number): { y: number; m: number; d: number } {
  const t = new Date(EPOCH + Math.floor(serial) * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function dateToSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / DAY_MS);
}

function monthEnd(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The last day a written date can mean: the day, else the month's end, else 31 December. */
export function lastDay(t: TargetDate): { y: number; m: number; d: number } {
  const m = t.month ?? 12;
  const d = t.day ?? monthEnd(t.year, m);
  return { y: t.year, m, d };
}

export function compareDates(a: { y: number; m: number; d: number }, b: { y: number; m: number; d: number }): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function showDate(x: { y: number; m: number; d: number }): string {
  return `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2})?$/;

// ---------------------------------------------------------------- numbers written as text

/** `41.8`, `-3`, `1,965`, followed by `%` or a unit of up to 6 characters (no digits, no spaces inside). */
const NUMBER_TEXT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?) *(%|[^\d\s.,%+\-()（）]{1,6})?$/;

/** Reads a text cell that is exactly a number with an optional unit; the expression reads the cell the same way. */
function numberText(ref: string, trimmed: string): NumberValue | null {
  const m = NUMBER_TEXT.exec(trimmed);
  if (!m) return null;
  const digits = m[1];
  const suffix = m[2] ?? null;
  let inner = ref;
  if (suffix) inner = `SUBSTITUTE(${inner},${str(suffix)},"")`;
  if (digits.includes(',')) inner = `SUBSTITUTE(${inner},",","")`;
  inner = `SUBSTITUTE(${inner}," ","")`;
  return {
    kind: 'number',
    value: D(digits.replace(/,/g, '')),
    expr: `VALUE(${inner})`,
    percent: suffix === '%',
    unit: suffix === '%' ? null : suffix,
    plainCell: false,
  };
}

/**
 * A number with words around it that restate how a target is met (`≥300米`, `100%以上`, `不低于95%`, `完成12次`):
 * read as the number, and the formula strips the same words from the cell. Ranges and `约` are not read.
 */
function numberWithWords(ref: string, trimmed: string): NumberValue | null {
  const p = parseTarget(trimmed) as ParsedTargetDetail;
  if (p.kind !== 'number' || p.value === null || p.range || p.approximate) return null;
  const m = /[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/.exec(trimmed);
  if (!m || Number(m[0].replace(/,/g, '')) !== p.value) return null;
  const before = trimmed.slice(0, m.index);
  const after = trimmed.slice(m.index + m[0].length);
  let inner = ref;
  if (before) inner = `SUBSTITUTE(${inner},${str(before)},"")`;
  if (after) inner = `SUBSTITUTE(${inner},${str(after)},"")`;
  if (m[0].includes(',')) inner = `SUBSTITUTE(${inner},",","")`;
  inner = `SUBSTITUTE(${inner}," ","")`;
  return { kind: 'number', value: D(m[0].replace(/,/g, '')), expr: `VALUE(${inner})`, percent: p.isPercent, unit: p.isPercent ? null : p.unit, plainCell: false };
}

// ---------------------------------------------------------------- the actual cell

/**
 * Reads the actual value at `cell` (its merge's top-left); `ref` in the expressions is that cell's A1
 * (or the given reference: scoring writes row-independent templates, see run.ts).
 */
export function readActual(grid: SheetGrid, cell: CellRef, ref: string = cell.a1): ActualValue {
  const m = grid.mergeAt(cell.row, cell.col);
  const row = m ? m.top : cell.row;
  const col = m ? m.left : cell.col;
  const raw = grid.raw(row, col);
  const nf = grid.numberFormat(row, col);
  if (raw === null) return { kind: 'empty' };
  if (typeof raw === 'boolean') {
    return bad(`实际完成值是逻辑值 ${raw ? 'TRUE' : 'FALSE'}，无法评分`, `the actual value is the logical value ${raw ? 'TRUE' : 'FALSE'}; it cannot be scored`);
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return bad('实际完成值不是有效数字', 'the actual value is not a valid number');
    if (isDateFormat(nf)) return { kind: 'date', ...serialToDate(raw), serial: true, text: null };
    if (isPercentFormat(nf)) {
      return { kind: 'number', value: D(raw).times(100), expr: `ROUND(${ref}*100,10)`, percent: true, unit: null, plainCell: true };
    }
    return { kind: 'number', value: D(raw), expr: ref, percent: false, unit: null, plainCell: true };
  }
  const trimmed = excelTrim(raw);
  if (trimmed === '') return { kind: 'empty' };
  const iso = ISO_DATE.exec(trimmed);
  if (iso && nf !== undefined) {
    // exceljs reads a date cell as a Date (the host gives 'YYYY-MM-DD'); the sheet holds a serial number.
    return { kind: 'date', y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]), serial: true, text: null };
  }
  const n = numberText(ref, trimmed);
  if (n) return n;
  const t = parseTarget(trimmed);
  if (t.kind === 'date' && t.date) {
    if (t.date.bound === 'after') return bad(`实际完成时间「${trimmed}」只说了“之后”，无法判断`, `the actual date "${trimmed}" says only "after"; it cannot be compared`);
    return { kind: 'date', ...lastDay(t.date), serial: false, text: trimmed };
  }
  if (t.kind === 'number') {
    const worded = numberWithWords(ref, trimmed);
    if (worded) return worded;
  }
  return { kind: 'text', text: trimmed };
}

function bad(zh: string, en: string): BadValue {
  return { kind: 'bad', reason: { 'zh-CN': zh, 'en-US': en } };
}

// ---------------------------------------------------------------- the target cell

/** Whether the 度量单位 says percent. */
export function unitIsPercent(unit: string | null | undefined): boolean {
  if (!unit) return false;
  const u = normalizeText(unit);
  return u === '%' || u === '百分比' || u === '百分率';
}

export function readTarget(grid: SheetGrid, ind: Indicator, refOf: (c: CellRef) => string = (c) => c.a1): TargetValue {
  const f = ind.target;
  if (!f) return { kind: 'empty' };
  const ref = refOf(f.cell);
  const raw = f.raw;
  const unitCol = ind.unit?.text ?? null;
  const nf = grid.numberFormat(f.cell.row, f.cell.col);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'bad', reason: { 'zh-CN': '指标值不是有效数字', 'en-US': 'the target is not a valid number' } };
    if (isDateFormat(nf)) return { kind: 'date', ...serialToDate(raw), serial: true, text: null };
    if (isPercentFormat(nf)) return { kind: 'number', value: D(raw).times(100), expr: `ROUND(${ref}*100,10)`, percent: true, unit: null, plainCell: true };
    return { kind: 'number', value: D(raw), expr: ref, percent: unitIsPercent(unitCol), unit: unitIsPercent(unitCol) ? null : unitCol, plainCell: true };
  }
  if (typeof raw === 'string') {
    const iso = ISO_DATE.exec(raw.trim());
    if (iso && nf !== undefined) return { kind: 'date', y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]), serial: true, text: null };
  }
  const p = ind.parsedTarget as ReturnType<typeof parseTarget>;
  switch (p.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'number': {
      if (p.range) return { kind: 'range', min: p.range.min, max: p.range.max };
      const percent = p.isPercent || unitIsPercent(unitCol);
      return { kind: 'number', value: D(p.value!), expr: lit(p.value!), percent, unit: p.isPercent ? null : (p.unit ?? (percent ? null : unitCol)), plainCell: false };
    }
    case 'date': {
      const date = p.date!;
      if (date.bound === 'after') {
        return { kind: 'bad', reason: { 'zh-CN': `时间目标「${p.text}」是“之后”，无法判断是否按时`, 'en-US': `the time target "${p.text}" says "after"; on time cannot be judged` } };
      }
      return { kind: 'date', ...lastDay(date), serial: false, text: p.text };
    }
    default:
      return { kind: 'text', text: p.text };
  }
}

// ---------------------------------------------------------------- weight

export interface WeightValue {
  value: Dec;
  expr: string;
  source: 'column' | 'rule' | 'ruleMax';
  /** The 分值 column's value when it differs from the rule's stated weight. */
  conflict: number | null;
}

/** 分值: the 分值 column (a number, or a text like `10分`), else the weight the rule states, else the most the rule awards. */
export function readWeight(ind: Indicator, refOf: (c: CellRef) => string = (c) => c.a1): WeightValue | null {
  const stated = ind.parsedRule.statedWeight;
  const f = ind.weight;
  if (f) {
    let v: number | null = null;
    let expr = '';
    if (typeof f.raw === 'number' && Number.isFinite(f.raw)) {
      v = f.raw;
      expr = refOf(f.cell);
    } else {
      const m = /^(\d+(?:\.\d+)?)分?$/.exec(normalizeText(f.text));
      if (m) {
        v = Number(m[1]);
        expr = lit(v);
      }
    }
    if (v !== null) return { value: D(v), expr, source: 'column', conflict: stated !== null && stated !== v ? stated : null };
  }
  if (stated !== null) return { value: D(stated), expr: lit(stated), source: 'rule', conflict: null };
  const max = ind.parsedRule.maxAward;
  if (max !== null && ind.parsedRule.family !== 'unspecified') return { value: D(max), expr: lit(max), source: 'ruleMax', conflict: null };
  return null;
}

// ---------------------------------------------------------------- direction

export type Polarity = 'pos' | 'neg';

export interface DirectionInfo {
  /** 正向 (≥, =) or 反向 (≤, and every 成本 indicator); null when unreadable or qualitative. */
  polarity: Polarity | null;
  direction: Direction | null;
  /**
   * Why: 'cell' (指标值类型), 'target' (≥95% in the value), 'cost' (a 成本 indicator), 'name' (nothing written,
   * and the name is a rate kept low: 控制率, 调整率, 差错率), 'assumed' (nothing written: =).
   */
  source: 'cell' | 'target' | 'cost' | 'name' | 'assumed' | 'unreadable' | 'qualitative';
}

/**
 * Names of rates kept low (重庆's 整体 form types only 定量/定性: 预算调整率 3%, actual 0, is met). Read only
 * when no direction is written anywhere.
 */
const LOWER_IS_BETTER = /控制率|调整率|结余率|结转率|变动率|差错率|出错率|误差率|投诉率|事故率|发生率|超支率|闲置率|空置率|损失率|损耗率|故障率|流失率|辍学率/;

export function isCostIndicator(ind: Indicator): boolean {
  return isCostKey(ind.categoryKey, ind.subcategoryKey);
}

export function directionOf(ind: Indicator): DirectionInfo {
  // 定性 in the 指标值类型 cell with a comparison in the value itself (`≥95%`): the value says it.
  const fromTarget = ind.parsedTarget.direction;
  const written = ind.direction === 'qualitative' && fromTarget && fromTarget !== 'qualitative' ? fromTarget : (ind.direction ?? fromTarget);
  if (isCostIndicator(ind)) return { polarity: 'neg', direction: written, source: 'cost' };
  if (written === 'qualitative') return { polarity: null, direction: written, source: 'qualitative' };
  const source = ind.direction === written ? 'cell' : 'target';
  if (written === 'gte' || written === 'eq') return { polarity: 'pos', direction: written, source };
  if (written === 'lte') return { polarity: 'neg', direction: written, source };
  // 定量 (定量指标) says the target is a number and names no comparison: as if nothing were written.
  if (ind.directionField && !isQuantitativeWord(ind.directionField.text)) return { polarity: null, direction: null, source: 'unreadable' };
  if (LOWER_IS_BETTER.test(ind.name)) return { polarity: 'neg', direction: null, source: 'name' };
  return { polarity: 'pos', direction: null, source: 'assumed' };
}
