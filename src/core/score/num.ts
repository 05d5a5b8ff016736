/**
 * Decimal arithmetic for scores (decimal.js): 41.8 against 38 is exactly 10% over, so step counts and
 * tier edges never depend on binary floating point. The rounding steps match the formulas written into
 * the sheet: step counts round to 10 decimals before INT/ROUNDUP (as `INT(ROUND(x,10))`), and every
 * score is rounded to 2 decimals half away from zero from its 15 significant digits (as Excel's,
 * WPS's and LibreOffice's ROUND(x,2) do with the double they hold).
 */
import Decimal from 'decimal.js';
import { formatNumber } from '../snapshot/snapshot';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/**
 * Decimals kept for the life of the process, so that their hidden classes (and the scorer's code
 * compiled for them) outlive each scoring run: see KEEP_SHAPES in layout/read.ts.
 */
export const KEEP_DECIMALS: readonly Dec[] = [new Dec(0), new Dec('1.5'), new Dec(10).dividedBy(3)];

export function D(n: number | string | Dec): Dec {
  return n instanceof Dec ? n : new Dec(n);
}

/** The number of steps in a deviation: whole steps only (INT), or partial steps counted whole (ROUNDUP). */
export function stepCount(ratio: Dec, partial: boolean): Dec {
  const r = ratio.toDecimalPlaces(10);
  return partial ? r.ceil() : r.floor();
}

/** Rounds to 10 decimals, as `ROUND(x,10)` does before a comparison in the formulas. */
export function r10(x: Dec): Dec {
  return x.toDecimalPlaces(10);
}

/** A score as the sheet shows it: ROUND(x, 2) of the 15-significant-digit value. */
export function roundScore(x: Dec): number {
  const v = (x.precision() <= 15 ? x : x.toSignificantDigits(15)).toDecimalPlaces(2).toNumber();
  return v === 0 ? 0 : v; // no -0
}

export function minD(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function maxD(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

/** A number for a person: no binary noise, no trailing zeros (41.8, 10, 0.5). */
export function fmt(n: number | Dec): string {
  if (n instanceof Dec) {
    // Fifteen significant digits or fewer: the decimal's own text is the number's (no rounding, no
    // binary detour; JavaScript and decimal.js switch to exponents at the same magnitudes).
    if (n.precision() <= 15) return n.isZero() ? '0' : n.toString();
    return formatNumber(n.toSignificantDigits(15).toNumber());
  }
  return formatNumber(n);
}

/** A percentage for a person with one or two decimals: 10 → "10.0", 12.5 → "12.5", 3.3333 → "3.33". */
export function fmtPct(n: Dec): string {
  const v = n.toDecimalPlaces(2);
  const s = v.toFixed(v.decimalPlaces() <= 1 ? 1 : 2);
  return s === '-0.0' ? '0.0' : s;
}

const PLAIN = /^-?\d+(\.\d+)?$/;

/** A number as an Excel literal: plain decimal notation, negative numbers in brackets. */
export function lit(n: number | Dec): string {
  let d: Dec;
  if (typeof n === 'number') {
    // Most literals are plain already (10, 0.6, 98): no decimal needed. Exponent forms go through one.
    const text = formatNumber(n);
    if (PLAIN.test(text)) return text.charCodeAt(0) === 45 /* - */ ? `(${text})` : text;
    d = D(text);
  } else d = n;
  const s = d.toFixed();
  return d.isNegative() && !d.isZero() ? `(${s})` : s;
}
