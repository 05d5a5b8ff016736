/**
 * Values read off the model's cells the same way by every stage: a number written in a cell (12, 「12分」,
 * full-width digits), and an indicator's weight (its 分值 cell, else the 分值 its rule states).
 */
import type { Field, Indicator } from '../model';
import { normalizeText } from './text';

/** The number a cell holds: a number, or a text that is one (「12」, 「12分」, 「１２」); else null. */
export function numberOf(f: Field | null): number | null {
  if (!f) return null;
  if (typeof f.raw === 'number') return f.raw;
  const t = normalizeText(f.text).replace(/分$/, '');
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** The indicator's weight: the 分值 column when it holds a number, else the 分值 its rule text states. */
export function weightOf(ind: Indicator): number | null {
  const w = numberOf(ind.weight);
  if (w !== null) return w;
  return ind.parsedRule.statedWeight;
}
