/** Format copies: what "copy formats" carries of a cell, and Range.copyFrom(..., 'Formats'). */
import type { RangeTarget } from './address';
import { intersect } from './address';
import { ErrorCodes, FakeOfficeError } from './errors';
import { MAX_COLS, cellAt, cellKey, isBlankCell, keyCol, keyRow, type FakeCell } from './model';

/** The format part of a cell (what "copy formats" carries), or undefined when it has none. */
export function formatOf(c: FakeCell): FakeCell | undefined {
  const f: FakeCell = {};
  if (c.numberFormat !== undefined) f.numberFormat = c.numberFormat;
  if (c.fill) f.fill = { ...c.fill };
  if (c.font) f.font = { ...c.font };
  if (c.wrapText !== undefined) f.wrapText = c.wrapText;
  if (c.verticalAlignment !== undefined) f.verticalAlignment = c.verticalAlignment;
  if (c.horizontalAlignment !== undefined) f.horizontalAlignment = c.horizontalAlignment;
  if (c.indentLevel !== undefined) f.indentLevel = c.indentLevel;
  if (c.borders) f.borders = JSON.parse(JSON.stringify(c.borders)) as FakeCell['borders'];
  return Object.keys(f).length ? f : undefined;
}

const FORMAT_FIELDS = ['numberFormat', 'fill', 'font', 'wrapText', 'verticalAlignment', 'horizontalAlignment', 'indentLevel', 'borders'] as const;

/** Replaces a cell's format with another's (undefined: the default format). */
function setFormat(cell: FakeCell, f: FakeCell | undefined): void {
  for (const k of FORMAT_FIELDS) {
    const v = f?.[k];
    (cell as Record<string, unknown>)[k] = v === undefined ? undefined : typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v;
  }
}

export function copyFormats(src: RangeTarget, dest: RangeTarget): void {
  const s = src.rect;
  const d = dest.rect;
  const sh = s.bottom - s.top + 1;
  const sw = s.right - s.left + 1;
  // A merge that the destination cuts through cannot be pasted over.
  for (const m of dest.sheet.merges) {
    const i = intersect(m, d);
    if (i && (i.top !== m.top || i.bottom !== m.bottom || i.left !== m.left || i.right !== m.right)) {
      throw new FakeOfficeError(ErrorCodes.invalidOperation, "We can't do that to a merged cell (copyFrom).");
    }
  }
  const whole = d.left === 1 && d.right === MAX_COLS;
  const lastCol = whole ? Math.max(0, ...[...src.sheet.cells.keys()].filter((k) => keyRow(k) >= s.top && keyRow(k) <= s.bottom).map(keyCol), ...[...dest.sheet.cells.keys()].filter((k) => keyRow(k) >= d.top && keyRow(k) <= d.bottom).map(keyCol)) : d.right;
  const snapshot = new Map<number, FakeCell | undefined>();
  for (let r = s.top; r <= s.bottom; r++) {
    for (let c = s.left; c <= Math.min(s.right, s.left + Math.max(lastCol, 1) + sw); c++) {
      const cell = src.sheet.cells.get(cellKey(r, c));
      snapshot.set(cellKey(r, c), cell ? formatOf(cell) : undefined);
    }
  }
  for (let r = d.top; r <= d.bottom; r++) {
    for (let c = d.left; c <= Math.min(d.right, lastCol); c++) {
      const sr = s.top + ((r - d.top) % sh);
      const sc = s.left + ((c - d.left) % sw);
      const f = snapshot.get(cellKey(sr, sc));
      const cell = cellAt(dest.sheet, r, c, true);
      setFormat(cell, f);
      if (isBlankCell(cell)) dest.sheet.cells.delete(cellKey(r, c));
    }
  }
  // Merges lying wholly in the source are repeated on the destination.
  dest.sheet.merges = dest.sheet.merges.filter((m) => !intersect(m, d));
  for (const m of src.sheet.merges) {
    if (m.top < s.top || m.bottom > s.bottom || m.left < s.left || m.right > s.right) continue;
    for (let r0 = d.top; r0 + sh - 1 <= d.bottom; r0 += sh) {
      for (let c0 = d.left; c0 + sw - 1 <= d.right; c0 += sw) {
        dest.sheet.merges.push({ top: m.top - s.top + r0, bottom: m.bottom - s.top + r0, left: m.left - s.left + c0, right: m.right - s.left + c0 });
        if (whole) break;
      }
    }
  }
}
