/** Cell-level rules of the fake: how Excel takes a value typed or written through the API, and formula references on row moves. */
import type { CellValue } from '../../core/snapshot/snapshot';
import type { FakeCell } from './model';

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;

/**
 * Writes one element of a `values`/`formulas` array into a cell, as Excel does: null leaves the cell
 * unchanged, '' clears it, '=...' is a formula, a leading apostrophe forces text, and (unless the cell
 * is formatted as text) numeric, percent and TRUE/FALSE strings become numbers and booleans.
 */
export function writeInput(cell: FakeCell, input: unknown, evaluate: (formula: string) => CellValue): void {
  if (input === null || input === undefined) return;
  if (typeof input === 'number') {
    cell.formula = undefined;
    cell.value = Number.isFinite(input) ? input : '#NUM!';
    return;
  }
  if (typeof input === 'boolean') {
    cell.formula = undefined;
    cell.value = input;
    return;
  }
  const s = String(input);
  if (s === '') {
    cell.formula = undefined;
    cell.value = undefined;
    return;
  }
  const asText = cell.numberFormat === '@';
  if (!asText && s.length > 1 && s.charCodeAt(0) === 61 /* = */) {
    cell.formula = s;
    cell.value = evaluate(s);
    return;
  }
  cell.formula = undefined;
  if (s.charCodeAt(0) === 39 /* ' */) {
    cell.value = s.slice(1);
    return;
  }
  if (asText) {
    cell.value = s;
    return;
  }
  const t = s.trim();
  if (NUMERIC.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (PERCENT.test(t)) {
    cell.value = Number(t.slice(0, -1)) / 100;
    if (!cell.numberFormat || cell.numberFormat === 'General') cell.numberFormat = t.includes('.') ? '0.00%' : '0%';
    return;
  }
  const up = t.toUpperCase();
  if (up === 'TRUE' || up === 'FALSE') {
    cell.value = up === 'TRUE';
    return;
  }
  cell.value = s;
}

/** What `values` reports for a cell: '' for empty. */
export function readValue(cell: FakeCell | undefined): string | number | boolean {
  if (!cell || cell.value === undefined || cell.value === null) return '';
  return cell.value;
}

/** What `formulas` reports: the formula, else the value. */
export function readFormula(cell: FakeCell | undefined): string | number | boolean {
  if (cell?.formula !== undefined) return cell.formula;
  return readValue(cell);
}

/**
 * Moves the row numbers of A1 references in a formula, as Excel does when rows are inserted
 * (delta > 0: rows >= at move down) or deleted (delta < 0: rows at..at-delta-1 go away; references into
 * them become #REF!). `sameSheet` says whether unqualified references point at the changed sheet.
 */
export function shiftFormulaRows(formula: string, changedSheet: string, sameSheet: boolean, at: number, delta: number, cols?: { left: number; right: number }): string {
  // Split off string literals ("..." with "" escapes): references are only outside them.
  const parts = formula.split(/("(?:[^"]|"")*")/);
  const low = changedSheet.toLowerCase();
  const re = /((?:'(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(!])/g;
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(re, (whole, sheetPart: string | undefined, d1: string, col: string, d2: string, rowText: string, offset: number, str: string) => {
      // Not a reference when glued to a preceding letter/digit (e.g. LOG10) or a function-like name.
      const prev = offset > 0 ? str[offset - 1] : '';
      if (prev && /[\w.]/.test(prev)) return whole;
      let target = sameSheet;
      if (sheetPart) {
        const name = sheetPart.slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'");
        target = name.toLowerCase() === low;
      }
      if (!target) return whole;
      if (cols) {
        let c = 0;
        for (const ch of col.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
        if (c < cols.left || c > cols.right) return whole;
      }
      const row = Number(rowText);
      if (delta > 0) {
        if (row >= at) return `${sheetPart ?? ''}${d1}${col}${d2}${row + delta}`;
        return whole;
      }
      const removed = -delta;
      if (row >= at + removed) return `${sheetPart ?? ''}${d1}${col}${d2}${row - removed}`;
      if (row >= at) return `${sheetPart ?? ''}#REF!`;
      return whole;
    });
  }
  return parts.join('');
}

/** UTF-8 length of a string, without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON size in bytes of a value (what a request or response carrying it weighs). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8Length(s);
}

/** '#RRGGBB' from 'RRGGBB', '#rgb', '#RRGGBB' or a few colour names. */
export function normaliseColor(c: string): string {
  const named: Record<string, string> = { red: '#FF0000', yellow: '#FFFF00', white: '#FFFFFF', black: '#000000', blue: '#0000FF', green: '#008000' };
  const t = c.trim();
  if (named[t.toLowerCase()]) return named[t.toLowerCase()];
  let h = t.replace(/^#/, '');
  if (/^[0-9a-fA-F]{3}$/.test(h)) h = h.replace(/./g, (x) => x + x);
  if (/^[0-9a-fA-F]{8}$/.test(h)) h = h.slice(2);
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not a colour: ${c}`);
  return `#${h.toUpperCase()}`;
}
