/** Helpers shared by the rule modules. */
import type { CategoryBlock, CategoryKey, Direction, Indicator, Project, TargetTable, ParsedTarget, MoneyUnit, CellRef, ColumnRole } from '../../model';
import { normalizeText } from '../../domain/text';
import { formatNumber } from '../../snapshot/snapshot';
import { isCostKey } from '../../domain/framework';
import type { ParsedTargetDetail } from '../../parse/target';


/**
 * A 一级 kind's slot in a per-kind array (`[0, 0, 0, 0]`): the project rules run for every project,
 * and a switch is cheaper than an object keyed by kind (a keyed property access per indicator).
 */
export function categorySlot(key: CategoryKey): number {
  switch (key) {
    case 'cost':
      return 0;
    case 'output':
      return 1;
    case 'effect':
      return 2;
    default:
      return 3;
  }
}

/** The project's first 一级 block of a kind, or null. */
export function firstCategory(project: Project, key: CategoryKey): CategoryBlock | null {
  const cats = project.categories;
  for (let i = 0; i < cats.length; i++) if (cats[i].key === key) return cats[i];
  return null;
}

/** A 成本 indicator: its 一级 or 二级 is a cost one. */
export function isCost(ind: Indicator): boolean {
  return isCostKey(ind.categoryKey, ind.subcategoryKey);
}

/**
 * The direction an indicator states: its 指标值类型 cell (null when unreadable), or when that cell is empty or
 * the table has none, the comparison written in the 指标值 (`=100百分比`, `≥90.00(%)`, `20万元以内`).
 */
export function statedDirection(ind: Indicator): Direction | null {
  return ind.directionField !== null ? ind.direction : ind.parsedTarget.direction;
}

/** How a message names a row: its indicator, or the row number when the name is empty. */
export function rowName(ind: Indicator): { zh: string; en: string } {
  return ind.name ? { zh: ind.name, en: ind.name } : { zh: `第${ind.row}行`, en: `row ${ind.row}` };
}

export function isSatisfaction(ind: Indicator): boolean {
  return ind.categoryKey === 'satisfaction' || ind.subcategoryKey === 'serviceSatisfaction' || ind.name.includes('满意');
}

/** Units that measure nothing: a qualitative indicator may carry them. */
const NO_UNIT = new Set(['', '无', '-', '—', '/', '／', '无单位', '定性', '项', '年', '月', '日', '时间']);

export function unitText(ind: Indicator): string {
  return ind.unit ? normalizeText(ind.unit.text) : '';
}

/** Whether the unit column holds a unit: as `unitText(ind) !== ''`, without normalising the usual case (a cell of only zero-width spaces is blank too). */
export function hasUnit(ind: Indicator): boolean {
  return ind.unit !== null && (ind.unit.text.charCodeAt(0) !== 0x200b || unitText(ind) !== '');
}

export function isMeasureUnit(unit: string): boolean {
  return !NO_UNIT.has(unit);
}

/** Money units in 万元 (`150万` is written for 150 万元 in many published tables). */
const MONEY_UNITS: Record<string, number> = { 万元: 1, 万: 1, 元: 0.0001, 亿元: 10000, 亿: 10000, 千元: 0.1 };

/** A money target in 万元 (from the unit glued to the value, or else the unit column), or null. */
export function moneyInWan(target: ParsedTarget, unitColumn: string): number | null {
  if (target.kind !== 'number' || target.value === null) return null;
  const unit = target.unit ? normalizeText(target.unit) : unitColumn;
  const factor = MONEY_UNITS[unit];
  return factor === undefined ? null : target.value * factor;
}

export const fmt = formatNumber;

/** The profile's money tolerance (万元) in a table's own unit: amounts of one table are compared as written. */
export function toleranceIn(unit: MoneyUnit | null, tolWan: number): number {
  return unit === '元' ? tolWan * 10000 : tolWan;
}

/** Equal within a tolerance (money sums in 万元 are compared to the cent by default). */
export function near(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol + 1e-9;
}

export function sum(xs: number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += toExact(xs[i]);
  return fromExact(s);
}

/** Sums are kept in integer hundred-thousandths, so 40 + 17 + 76 is exactly 133: add `toExact`s, read back with `fromExact`. */
export function toExact(x: number): number {
  return Math.round(x * 100000);
}

export function fromExact(s: number): number {
  return s / 100000;
}

// ---------------------------------------------------------------- template leftovers and empty rows

/** Template leftovers and 不适用 cells: read by the target parser too, which marks them on a text target. */
export { templateLeftover as placeholderIn, saysNotApplicable as notApplicableText } from '../../parse/target';

/**
 * A row that holds no indicator's content: no 分值, 得分 or 实际完成值, and a 指标值 that is empty, a template
 * leftover or 不适用. A 「……」 row, a bare 「指标2」, a name with nothing else: such a row never switches a
 * project-level check off (weight-total, category-weight); its own rules report it.
 */
export function isHollowRow(ind: Indicator): boolean {
  if (ind.weight !== null || ind.score !== null || ind.actual !== null) return false;
  if (ind.target === null) return true;
  const t = ind.parsedTarget as ParsedTargetDetail;
  return t.placeholder !== undefined || t.notApplicable === true;
}

/** Whether a table has a place for weights at all: a 分值 column or a 评（扣）分标准 column (申报表 have neither). */
export function statesWeights(table: TargetTable): boolean {
  return table.columns.weight !== undefined || table.columns.rule !== undefined;
}

import { toA1 } from '../../domain/a1';

/** The cell of a row in a role's column (the indicator's name cell when the table lacks that column). */
export function cellIn(table: TargetTable, ind: Indicator, role: ColumnRole): CellRef {
  const col = table.columns[role];
  if (col === undefined) return ind.cell;
  return { row: ind.row, col, a1: toA1(ind.row, col) };
}
