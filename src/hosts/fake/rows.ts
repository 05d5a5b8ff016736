/**
 * Row insertion and deletion on the model, as Excel does them: cells, row heights, merges, names and
 * every formula that refers to the moved rows follow. Inserted rows take the formats of the row above.
 */
import type { RangeRef } from '../../core/domain/a1';
import { ErrorCodes, FakeOfficeError } from './errors';
import { shiftFormulaRows } from './cells';
import { formatOf } from './copy';
import { MAX_COLS, MAX_ROWS, cellKey, keyCol, keyRow, type FakeCell, type FakeSheet, type FakeWorkbook } from './model';

function shiftFormulas(wb: FakeWorkbook, sheet: FakeSheet, at: number, delta: number, cols?: { left: number; right: number }): void {
  // Names referring to a cell move with it (and go when its row is deleted).
  if (wb.names) {
    wb.names = wb.names.filter((n) => {
      if (n.sheet.toLowerCase() !== sheet.name.toLowerCase() || n.row < at) return true;
      if (cols && (n.col < cols.left || n.col > cols.right)) return true;
      if (delta > 0) {
        n.row += delta;
        return true;
      }
      if (n.row < at - delta) return false;
      n.row += delta;
      return true;
    });
  }
  for (const s of wb.sheets) {
    for (const cell of s.cells.values()) {
      if (cell.formula !== undefined) cell.formula = shiftFormulaRows(cell.formula, sheet.name, s === sheet, at, delta, cols);
    }
  }
}

export function insertRows(wb: FakeWorkbook, sheet: FakeSheet, rect: RangeRef): void {
  const at = rect.top;
  const count = rect.bottom - rect.top + 1;
  const whole = rect.left === 1 && rect.right === MAX_COLS;
  const inCols = (c: number) => c >= rect.left && c <= rect.right;
  // Merges: a merge crossing the edge of a partial insert cannot be split.
  if (!whole) {
    for (const m of sheet.merges) {
      const crosses = m.left < rect.left ? m.right >= rect.left : m.left <= rect.right && m.right > rect.right;
      if (crosses && m.bottom >= at) throw new FakeOfficeError(ErrorCodes.invalidOperation, "This operation would move part of a merged cell ('insert').");
    }
  }
  let lastRow = 0;
  for (const k of sheet.cells.keys()) if (inCols(keyCol(k))) lastRow = Math.max(lastRow, keyRow(k));
  if (lastRow + count > MAX_ROWS) throw new FakeOfficeError(ErrorCodes.invalidOperation, 'Rows would be pushed off the end of the sheet.');
  const moved = new Map<number, FakeCell>();
  for (const [k, c] of sheet.cells) {
    const r = keyRow(k);
    const col = keyCol(k);
    if (r >= at && inCols(col)) moved.set(cellKey(r + count, col), c);
    else moved.set(k, c);
  }
  // New rows take the formats of the row above (Excel's default for inserted rows).
  if (at > 1) {
    for (const [k, c] of sheet.cells) {
      if (keyRow(k) !== at - 1 || !inCols(keyCol(k))) continue;
      const f = formatOf(c);
      if (!f) continue;
      for (let r = at; r < at + count; r++) moved.set(cellKey(r, keyCol(k)), { ...f });
    }
  }
  sheet.cells = moved;
  if (whole && sheet.rowHeights) {
    const h: Record<number, number> = {};
    for (const [k, v] of Object.entries(sheet.rowHeights)) h[Number(k) >= at ? Number(k) + count : Number(k)] = v;
    // New rows take the height of the row above, as they take its formats.
    if (at > 1 && sheet.rowHeights[at - 1] !== undefined) for (let r = at; r < at + count; r++) h[r] = sheet.rowHeights[at - 1];
    sheet.rowHeights = h;
  }
  for (const m of sheet.merges) {
    if (!whole && (m.left < rect.left || m.right > rect.right)) continue;
    if (m.top >= at) {
      m.top += count;
      m.bottom += count;
    } else if (m.bottom >= at) m.bottom += count;
  }
  shiftFormulas(wb, sheet, at, count, whole ? undefined : { left: rect.left, right: rect.right });
}

export function deleteRows(wb: FakeWorkbook, sheet: FakeSheet, rect: RangeRef): void {
  const at = rect.top;
  const count = rect.bottom - rect.top + 1;
  const end = rect.bottom;
  const whole = rect.left === 1 && rect.right === MAX_COLS;
  const inCols = (c: number) => c >= rect.left && c <= rect.right;
  if (!whole) {
    for (const m of sheet.merges) {
      const crosses = m.left < rect.left ? m.right >= rect.left : m.left <= rect.right && m.right > rect.right;
      if (crosses && m.bottom >= at) throw new FakeOfficeError(ErrorCodes.invalidOperation, "This operation would move part of a merged cell ('delete').");
    }
  }
  const moved = new Map<number, FakeCell>();
  for (const [k, c] of sheet.cells) {
    const r = keyRow(k);
    const col = keyCol(k);
    if (!inCols(col) || r < at) moved.set(k, c);
    else if (r > end) moved.set(cellKey(r - count, col), c);
  }
  sheet.cells = moved;
  if (whole && sheet.rowHeights) {
    const h: Record<number, number> = {};
    for (const [k, v] of Object.entries(sheet.rowHeights)) {
      const r = Number(k);
      if (r < at) h[r] = v;
      else if (r > end) h[r - count] = v;
    }
    sheet.rowHeights = h;
  }
  const keep: RangeRef[] = [];
  for (const m of sheet.merges) {
    if (!whole && (m.left < rect.left || m.right > rect.right)) {
      keep.push(m);
      continue;
    }
    if (m.bottom < at) keep.push(m);
    else if (m.top > end) keep.push({ ...m, top: m.top - count, bottom: m.bottom - count });
    else {
      // Overlaps the deleted rows: keep what is left of it.
      const top = m.top < at ? m.top : at;
      const bottom = m.bottom > end ? m.bottom - count : at - 1;
      if (bottom >= top && (bottom > top || m.right > m.left)) keep.push({ ...m, top, bottom });
    }
  }
  sheet.merges = keep;
  shiftFormulas(wb, sheet, at, -count, whole ? undefined : { left: rect.left, right: rect.right });
}
