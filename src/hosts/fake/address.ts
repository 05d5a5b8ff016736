/** Addresses and rectangles: parsing 'A1:B2'-style addresses, writing them back, and the geometry the range proxies share. */
import { colToLetters, quoteSheet, type RangeRef } from '../../core/domain/a1';
import { ErrorCodes, FakeOfficeError } from './errors';
import { MAX_COLS, MAX_ROWS, cellKey, hasContent, isBlankCell, keyCol, keyRow, type FakeCell, type FakeSheet } from './model';

/** What a range proxy stands for at execution. */
export interface RangeTarget {
  sheet: FakeSheet;
  rect: RangeRef;
}

export const READ_CELL_LIMIT = 5_000_000;

function parseCellRef(s: string): { row?: number; col?: number } {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s.trim());
  if (!m || (!m[1] && !m[2])) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${s}' is not valid.`);
  let col: number | undefined;
  if (m[1]) {
    col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  }
  return { row: m[2] ? Number(m[2]) : undefined, col };
}

/** 'A1', 'A1:B2', '5:7' (whole rows), 'A:C' (whole columns), with or without a sheet prefix. */
export function parseAddress(address: string): RangeRef {
  const bang = address.lastIndexOf('!');
  const a = bang >= 0 ? address.slice(bang + 1) : address;
  const [p, q] = a.split(':');
  const x = parseCellRef(p);
  const y = q === undefined ? x : parseCellRef(q);
  let top: number;
  let bottom: number;
  let left: number;
  let right: number;
  if (x.row === undefined || y.row === undefined) {
    if (x.col === undefined || y.col === undefined) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${address}' is not valid.`);
    top = 1;
    bottom = MAX_ROWS;
    left = Math.min(x.col, y.col);
    right = Math.max(x.col, y.col);
  } else if (x.col === undefined || y.col === undefined) {
    left = 1;
    right = MAX_COLS;
    top = Math.min(x.row, y.row);
    bottom = Math.max(x.row, y.row);
  } else {
    top = Math.min(x.row, y.row);
    bottom = Math.max(x.row, y.row);
    left = Math.min(x.col, y.col);
    right = Math.max(x.col, y.col);
  }
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLS) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${address}' is outside the sheet.`);
  return { top, left, bottom, right };
}

/** A single cell's address, with the sheet named in it if any ('Sheet1'!B2). */
export function parseCellAddress(key: string): { sheet?: string; row: number; col: number } {
  const bang = key.lastIndexOf('!');
  const sheet = bang >= 0 ? key.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : undefined;
  const r = parseAddress(key);
  if (r.top !== r.bottom || r.left !== r.right) throw new FakeOfficeError('InvalidCellAddress', `'${key}' is not a single cell.`);
  return { sheet, row: r.top, col: r.left };
}

function rectAddress(r: RangeRef): string {
  if (r.left === 1 && r.right === MAX_COLS) return `${r.top}:${r.bottom}`;
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${colToLetters(r.left)}:${colToLetters(r.right)}`;
  const a = `${colToLetters(r.left)}${r.top}`;
  const b = `${colToLetters(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

export function fullAddress(sheet: string, r: RangeRef): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

export function usedRect(s: FakeSheet, valuesOnly: boolean): RangeRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [k, c] of s.cells) {
    if (valuesOnly ? !hasContent(c) : isBlankCell(c)) continue;
    const r = keyRow(k);
    const col = keyCol(k);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  if (!valuesOnly) {
    for (const m of s.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
  }
  if (bottom === 0) return null;
  return { top, left, bottom, right };
}

export function intersect(a: RangeRef, b: RangeRef): RangeRef | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

export function cellsIn(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** The merged areas that meet a range, in reading order, or null when there are none. */
export function mergedAreas(t: RangeTarget): RangeRef[] | null {
  const list = t.sheet.merges.filter((m) => intersect(m, t.rect)).map((m) => ({ ...m }));
  list.sort((a, b) => a.top - b.top || a.left - b.left);
  return list.length ? list : null;
}

/** Range.getSpecialCells: the formula or constant cells of a range as areas (runs of neighbours in a row), or null when there are none. */
export function specialCells({ sheet, rect }: RangeTarget, cellType: 'Formulas' | 'Constants', cellValueType: 'Numbers' | 'All'): RangeRef[] | null {
  const want = (c: FakeCell): boolean => {
    if (cellType === 'Formulas' ? c.formula === undefined : c.formula !== undefined || !hasContent(c)) return false;
    if (cellValueType === 'Numbers') return typeof c.value === 'number';
    return true;
  };
  // Cells in reading order, then runs of neighbours in a row as one area.
  const hits: Array<[number, number]> = [];
  if (cellsIn(rect) <= sheet.cells.size * 4) {
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        if (cell && want(cell)) hits.push([r, c]);
      }
    }
  } else {
    for (const [k, cell] of sheet.cells) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right && want(cell)) hits.push([r, c]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
  const areas: RangeRef[] = [];
  for (const [r, c] of hits) {
    const last = areas[areas.length - 1];
    if (last && last.top === r && last.right === c - 1) last.right = c;
    else areas.push({ top: r, left: c, bottom: r, right: c });
  }
  return areas.length ? areas : null;
}
