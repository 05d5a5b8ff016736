/**
 * Rows, merges and formats in a write batch. insertRows inserts rows (Excel grows the merges that
 * span the insertion point) and gives them the cell formats and height of `formatFrom`, repeating its
 * one-row merges; merge merges a range (refused when it would cut a merged area); copyFormat copies
 * cell formats (and column widths). A copied format never carries a mark's fill: the cell's format
 * before the mark is used. The batch keeps its own copy of the merges and of the ledger's cells up to
 * date with the inserts, as Excel will have them.
 */
import type { CopyFormatOp, InsertRowsOp, MergeOp } from '../../../core/plan/ops';
import { colToLetters, parseA1, rangeToA1, toA1, type RangeRef } from '../../../core/domain/a1';
import type { XlCellProperties } from '../excel-api';
import { ledgerKey } from '../ledger';
import { settable, type CellFormat } from './probes';
import type { CellInBatch, WriteBatch } from './state';
import { badOp, type OpInfo } from './timeline';

export function insertRows(w: WriteBatch, op: InsertRowsOp, info: OpInfo): unknown {
  const ws = w.ws(op.sheet);
  const k = op.sheet.toLowerCase();
  const at = op.at;
  const count = op.count;
  const last = at + count - 1;
  const name = `_jixiao_${w.runId}_${w.probes.length}`;
  const item = w.ctx.workbook.names.add(name, ws.getRange(`A${at}`));
  w.probes.push({ name, sheet: op.sheet, at, item });
  ws.getRange(`${at}:${last}`).insert('Down');
  w.undo.push({ kind: 'insert', seg: w.seg, index: w.inserts.length, sheet: op.sheet, at, count });
  // What Excel does: merges spanning the insertion point grow, merges below move.
  const merges = w.sheetMerges(op.sheet);
  for (const m of merges) {
    if (m.top >= at) {
      m.top += count;
      m.bottom += count;
    } else if (m.bottom >= at) m.bottom += count;
  }
  // The ledger's cells below move with their rows.
  for (const c of w.ledger.cells) {
    if (c.sheet.toLowerCase() !== k) continue;
    const p = parseA1(c.ref);
    if (p.row >= at) c.ref = toA1(p.row + count, p.col);
  }
  w.byKey = new Map(w.ledger.cells.map((c) => [ledgerKey(c.sheet, c.ref), c]));
  const shifted = new Map<string, CellInBatch>();
  for (const [key, v] of w.inBatch) {
    const [sh, ref] = key.split('\u0000');
    const p = parseA1(ref);
    shifted.set(sh === k && p.row >= at ? ledgerKey(sh, toA1(p.row + count, p.col)) : key, v);
  }
  w.inBatch = shifted;
  w.inserts.push({ sheet: k, at, count });

  // The new rows take the source row's cell formats (not inside a merge: those show its top-left cell).
  const src = op.formatFrom >= at ? op.formatFrom + count : op.formatFrom;
  const maxCol = w.prep.lastCol.get(k) ?? 0;
  if (maxCol < 1 || info.srcPre === null || info.srcPre === undefined) return null;
  const line: XlCellProperties[] = [];
  const nfs: Array<string | null> = [];
  let any = false;
  for (let c = 1; c <= maxCol; c++) {
    const f = w.hiddenByMerge(op.sheet, at, c) ? undefined : w.sourceFormat(op.sheet, src, c, info.srcPre);
    line.push(f ? { format: f.format } : {});
    nfs.push(f ? f.numberFormat : null);
    if (f) any = true;
  }
  if (any) {
    const range = ws.getRange(`A${at}:${colToLetters(maxCol)}${last}`);
    range.setCellProperties(Array.from({ length: count }, () => line));
    range.numberFormat = Array.from({ length: count }, () => nfs);
  }
  // The source row's own height (as the .xlsx host does).
  const h = w.prep.heights.get(`${k}\u0000${info.srcPre}`);
  if (h !== undefined) ws.getRange(`${at}:${last}`).format.rowHeight = h;
  // One-row merges of the source row are repeated on the new rows (when nothing is in the way).
  for (const m of merges.filter((x) => x.top === src && x.bottom === src && x.right > x.left)) {
    for (let r = at; r <= last; r++) {
      const clash = merges.some((o) => o.top <= r && o.bottom >= r && o.left <= m.right && o.right >= m.left);
      if (clash) continue;
      ws.getRange(`${colToLetters(m.left)}${r}:${colToLetters(m.right)}${r}`).merge(false);
      merges.push({ top: r, bottom: r, left: m.left, right: m.right });
    }
  }
  return [line, nfs];
}

export function merge(w: WriteBatch, op: MergeOp, r: RangeRef): void {
  if (r.top === r.bottom && r.left === r.right) return;
  const merges = w.sheetMerges(op.sheet);
  const inner: RangeRef[] = [];
  for (const m of merges) {
    const overlaps = m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left;
    const inside = m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right;
    if (overlaps && !inside) throw badOp(op, `与合并区域 ${rangeToA1(m)} 交叉 / crosses the merged area ${rangeToA1(m)}`);
    if (inside) inner.push({ ...m });
  }
  if (inner.some((m) => m.top === r.top && m.bottom === r.bottom && m.left === r.left && m.right === r.right)) return;
  w.ws(op.sheet).getRange(rangeToA1(r)).merge(false);
  w.undo.push({ kind: 'merge', seg: w.seg, sheet: op.sheet, range: { ...r }, inner });
  w.merges.set(op.sheet.toLowerCase(), [...merges.filter((m) => !inner.some((x) => x.top === m.top && x.left === m.left && x.bottom === m.bottom && x.right === m.right)), { ...r }]);
}

export function copyFormat(w: WriteBatch, op: CopyFormatOp, info: OpInfo): unknown {
  const from = info.from as RangeRef;
  const to = info.to as RangeRef;
  const fh = from.bottom - from.top + 1;
  const fw = from.right - from.left + 1;
  const th = to.bottom - to.top + 1;
  const tw = to.right - to.left + 1;
  const ws = w.ws(op.sheet);
  const grid: XlCellProperties[][] = [];
  const nfs: Array<Array<string | null>> = [];
  const before: Array<Array<CellFormat | null>> = [];
  let known = true;
  for (let dr = 0; dr < th; dr++) {
    const line: XlCellProperties[] = [];
    const nline: Array<string | null> = [];
    const bline: Array<CellFormat | null> = [];
    const srcOff = fh === 1 ? 0 : dr;
    const srcRow = from.top + srcOff;
    const srcPre = info.fromPre?.[srcOff] ?? null;
    const toPre = info.toPre?.[dr] ?? null;
    for (let dc = 0; dc < tw; dc++) {
      const sc = from.left + (fw === 1 ? 0 : dc);
      const tc = to.left + dc;
      const hidden = w.hiddenByMerge(op.sheet, to.top + dr, tc);
      const f = hidden ? undefined : w.sourceFormat(op.sheet, srcRow, sc, srcPre);
      if (!hidden && !f && srcPre !== null) known = false;
      line.push(f ? { format: f.format } : {});
      nline.push(f ? f.numberFormat : null);
      const old = toPre !== null ? w.prep.formats.get(ledgerKey(op.sheet, toA1(toPre, tc))) : undefined;
      bline.push(old ? { format: settable(old.format), numberFormat: old.numberFormat } : null);
    }
    grid.push(line);
    nfs.push(nline);
    before.push(bline);
  }
  if (!known) throw badOp(op, '源区域的格式未读到 / the source formats were not read');
  const widths: Array<[number, number | null]> = [];
  const range = ws.getRange(rangeToA1(to));
  range.setCellProperties(grid);
  range.numberFormat = nfs;
  if (op.columnWidth) {
    for (let dc = 0; dc < tw; dc++) {
      const sc = from.left + (fw === 1 ? 0 : dc);
      const tc = to.left + dc;
      const width = w.prep.widths.get(`${op.sheet.toLowerCase()}\u0000${sc}`);
      const old = w.prep.widths.get(`${op.sheet.toLowerCase()}\u0000${tc}`);
      if (width !== undefined) {
        const l = colToLetters(tc);
        if (width === null) ws.getRange(`${l}:${l}`).format.useStandardWidth = true;
        else if (width > 0) ws.getRange(`${l}:${l}`).format.columnWidth = width;
        if (old !== undefined) widths.push([tc, old]);
      }
    }
  }
  w.undo.push({ kind: 'format', seg: w.seg, sheet: op.sheet, range: { ...to }, formats: before, widths });
  return [grid, nfs];
}
