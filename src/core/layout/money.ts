/**
 * Amounts as tables write them: numbers, `43.2`, `10,308,000.00`, and text with a unit: 「250万」,
 * 「10000万元」, 「854万(高标准农田建设400万元,…)」, 「854万854万(…)」 (a figure typed twice). And the money
 * unit a table states: 金额单位：万元, 单位:万元, 项目资金（元）, 资金情况(万元).
 */
import type { CellValue } from '../snapshot/snapshot';
import type { MoneyUnit } from '../model';
import { normalizeText } from '../domain/text';

/** A fund cell of a column table: a number, or a number with 元/万元 after it; anything else is null. */
export function parseMoney(v: CellValue | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return null;
  const t = normalizeText(v).replace(/,/g, '').replace(/万?元$|万$/, '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** An amount and the unit written after it (null when none). */
export interface Amount {
  value: number;
  unit: MoneyUnit | null;
}

const LEADING_AMOUNT = /^([-+]?\d+(?:\.\d+)?)(万元|万|元|亿元|亿)?/;

/**
 * The amount a text starts with: 「250万」 = 250 万元, 「854万(…)」 = 854 万元, 「20万元」, 「3498000」. What
 * follows the amount (an explanation in brackets, the figure typed again) is ignored; a text that does
 * not start with a figure (「按计划」, 「约50万」) is null.
 */
export function parseAmount(v: CellValue | undefined): Amount | null {
  if (v === null || v === undefined || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, unit: null } : null;
  const t = normalizeText(v).replace(/(\d),(?=\d{3})/g, '$1');
  const m = LEADING_AMOUNT.exec(t);
  if (!m) return null;
  const rest = t.slice(m[0].length);
  // 「2023-01-01」, 「12.5%」, 「3个」 are not amounts.
  if (rest !== '' && !m[2] && !/^[(（]/.test(rest)) return null;
  let value = Number(m[1]);
  let unit: MoneyUnit | null = null;
  if (m[2] === '万' || m[2] === '万元') unit = '万元';
  else if (m[2] === '元') unit = '元';
  else if (m[2] === '亿' || m[2] === '亿元') {
    value *= 10000;
    unit = '万元';
  }
  return { value, unit };
}

/** An amount in the table's unit: a figure written in the other unit is converted (20万元 in a 元 table is 200000). */
export function inUnit(a: Amount, unit: MoneyUnit | null): number {
  if (a.unit === null || unit === null || a.unit === unit) return a.value;
  return a.unit === '万元' ? a.value * 10000 : a.value / 10000;
}

/** An amount in the table's unit, in 万元. */
export function toWan(value: number | null, unit: MoneyUnit | null): number | null {
  if (value === null) return null;
  return unit === '元' ? value / 10000 : value;
}

const DECLARED = /(?:金额单位|单位)[:：]\s*(万元|元)/;
const BRACKETED = /[(（]\s*(万元|元)\s*[)）]/;

/** The unit a title line or a label declares (金额单位：万元, 单位:万元, 项目资金（元）), or null. */
export function declaredMoneyUnit(text: string): MoneyUnit | null {
  if (text.length > 80 || !(text.includes('元'))) return null;
  const t = normalizeText(text);
  const m = DECLARED.exec(t) ?? BRACKETED.exec(t);
  return m ? (m[1] as MoneyUnit) : null;
}
