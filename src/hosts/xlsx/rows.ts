/**
 * Row insertion, merges and format copies. Inserted rows take the height and cell formats of the
 * `formatFrom` row (a mark's format never: the format under it), and repeat its one-row merges; merges
 * that span the insertion point grow and those below it move; notes and the ledger's cells move; every
 * formula, range and anchor that refers to moved rows is moved when the workbook is saved (moves.ts).
 */
import { parseA1, parseRange, rangeToA1, toA1, type RangeRef } from '../../core/domain/a1';
import type { CopyFormatOp, InsertRowsOp, MergeOp } from '../../core/plan/ops';
import type { Book } from './book';
import type { Marks } from './marks';
import type { SheetModel } from './sheet';

/** The format a cell shows without jixiao's mark (this run's, or an earlier run's in the ledger). */
export function unmarkedStyle(book: Book, sheet: SheetModel, row: number, col: number): number {
  const s = sheet.styleAt(row, col);
  const styles = book.styles;
  const own = styles.unmarked.get(s);
  if (own !== undefined) return own;
  const rec = book.record(sheet.name, toA1(row, col));
  if (rec && rec.mark && rec.xf !== undefined && rec.xf < styles.count && styles.showsMark(s, rec.mark) && styles.sameButFill(rec.xf, s)) return rec.xf;
  return s;
}

function lastColumn(sheet: SheetModel): number {
  let max = 1;
  const dim = sheet.sectionNode('dimension')?.attrs.ref;
  if (dim) {
    try {
      max = Math.max(max, parseA1(dim.split(':').pop() as string).col);
    } catch {
      /* keep 1 */
    }
  }
  for (const m of sheet.merges()) if (m.right > max) max = m.right;
  return max;
}

function defaultHeight(sheet: SheetModel): number {
  const h = Number(sheet.sectionNode('sheetFormatPr')?.attrs.defaultRowHeight);
  return Number.isFinite(h) && h > 0 ? h : 15;
}

export function insertRows(book: Book, marks: Marks, op: InsertRowsOp): void {
  const sheet = book.sheet(op.sheet);
  const { at, count } = op;
  const last = at + count - 1;
  // The source row's height and formats, read before anything moves.
  const maxCol = lastColumn(sheet);
  const styles: number[] = [];
  for (let c = 1; c <= maxCol; c++) styles[c] = unmarkedStyle(book, sheet, op.formatFrom, c);
  const srcRow = sheet.row(op.formatFrom, false);
  const ht = srcRow?.attrs?.ht !== undefined ? Number(srcRow.attrs.ht) : undefined;
  const custom = ht !== undefined && Math.abs(ht - defaultHeight(sheet)) > 1e-9;

  sheet.shiftRows(at, count);
  book.moves.add(sheet.name, at, count);
  for (let r = at; r <= last; r++) {
    const row = sheet.row(r, true);
    if (!row) continue;
    if (custom) row.attrs = { ...(row.attrs ?? {}), ht: String(ht), customHeight: '1' };
    for (let c = 1; c <= maxCol; c++) if (styles[c] > 0) sheet.setStyle(r, c, styles[c]);
    if (!row.cells?.length) sheet.touch(row, r, 1);
  }

  // Merges: spanning ones grow, later ones move; the source row's one-row merges are repeated.
  const merges = sheet.merges();
  const src = op.formatFrom >= at ? op.formatFrom + count : op.formatFrom;
  for (const m of merges) {
    if (m.top >= at) m.top += count;
    if (m.bottom >= at) m.bottom += count;
  }
  for (const m of merges.filter((x) => x.top === src && x.bottom === src && x.right > x.left)) {
    for (let r = at; r <= last; r++) {
      if (merges.some((o) => o.top <= r && o.bottom >= r && o.left <= m.right && o.right >= m.left)) continue;
      merges.push({ top: r, bottom: r, left: m.left, right: m.right });
    }
  }
  if (merges.length) sheet.mergesChanged = true;

  if (book.hasNotes(sheet)) book.notes(sheet).shift(at, count);
  marks.shift(sheet.name, at, count);
}

export function merge(book: Book, op: MergeOp): void {
  const sheet = book.sheet(op.sheet);
  const r = parseRange(op.range.replace(/\$/g, ''));
  if (r.top === r.bottom && r.left === r.right) return;
  const merges = sheet.merges();
  for (const m of merges) {
    const overlaps = m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left;
    const inside = m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right;
    if (overlaps && !inside) throw new Error(`crosses the merged area ${rangeToA1(m)} / 与合并区域 ${rangeToA1(m)} 交叉`);
  }
  if (merges.some((m) => m.top === r.top && m.bottom === r.bottom && m.left === r.left && m.right === r.right)) return;
  // As Excel does: the merges inside the new one are gone.
  for (let i = merges.length - 1; i >= 0; i--) {
    const m = merges[i];
    if (m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left) merges.splice(i, 1);
  }
  merges.push({ ...r } as RangeRef);
  sheet.mergesChanged = true;
  // As Excel does: only the top-left cell keeps its value (a label that moved up leaves none behind).
  for (let row = r.top; row <= r.bottom; row++) {
    const rec = sheet.row(row, false);
    for (const c of rec?.cells ?? []) {
      if (c.col < r.left || c.col > r.right || (row === r.top && c.col === r.left) || !c.inner) continue;
      delete c.attrs.t;
      c.inner = '';
      c.f = null;
      c.raw = undefined;
      sheet.touch(rec as NonNullable<typeof rec>, row, c.col);
      book.cellsWritten = true;
    }
  }
}

export function copyFormat(book: Book, op: CopyFormatOp): void {
  const sheet = book.sheet(op.sheet);
  const from = parseRange(op.from.replace(/\$/g, ''));
  const to = parseRange(op.to.replace(/\$/g, ''));
  const fh = from.bottom - from.top + 1;
  const fw = from.right - from.left + 1;
  const th = to.bottom - to.top + 1;
  const tw = to.right - to.left + 1;
  for (let dc = 0; dc < tw; dc++) {
    const sc = from.left + (fw === 1 ? 0 : dc);
    const tc = to.left + dc;
    const formats: number[] = [];
    for (let dr = 0; dr < th; dr++) formats.push(unmarkedStyle(book, sheet, from.top + (fh === 1 ? 0 : dr), sc));
    formats.forEach((s, dr) => {
      if (s > 0) sheet.setStyle(to.top + dr, tc, s);
    });
    if (op.columnWidth) {
      const w = sheet.colWidth(sc);
      if (w !== undefined && w > 0) sheet.setColWidth(tc, w);
    }
  }
}
