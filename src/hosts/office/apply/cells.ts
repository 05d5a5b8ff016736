/**
 * Cell ops of a write batch. A mark fills the top-left cell of its merge (the most severe fill wins
 * when a cell is marked twice; MarkOp.fill overrides the colour) and appends its note after the
 * user's note; setValue and setFormula queue the cell's input (written in runs of a column) and a
 * tagged note. Every cell jixiao touches is recorded in the ledger with its state before.
 */
import type { MarkOp, SetFormulaOp, SetValueOp } from '../../../core/plan/ops';
import { SEVERITY_RANK, taggedNote } from '../../../core/plan/conventions';
import { toA1 } from '../../../core/domain/a1';
import { ledgerKey, noteWithoutOurs } from '../ledger';
import { applyFill, markColor } from '../marks';
import { sameColor, valueInput } from '../util';
import type { OpInfo } from './timeline';
import type { CellInBatch, WriteBatch } from './state';

function writeNote(w: WriteBatch, sheet: string, row: number, col: number, pre: { row: number; col: number } | null, base: string | null, ours: string): void {
  const ws = w.ws(sheet);
  const ref = toA1(row, col);
  const key = w.key(sheet, row, col);
  let b = w.inBatch.get(key);
  if (!b) {
    b = { hasNote: false, rank: 0, ours: '' };
    w.inBatch.set(key, b);
  }
  if (!b.note && !b.hasNote) {
    const st = pre ? w.prep.states.get(ledgerKey(sheet, toA1(pre.row, pre.col))) : undefined;
    b.hasNote = !!st && st.note !== null;
    w.undo.push({ kind: 'note', seg: w.seg, sheet, ref, was: st ? st.note : null });
  }
  const content = base ? `${base}\n\n${ours}` : ours;
  if (b.note) b.note.content = content;
  else if (b.hasNote) {
    b.note = ws.notes.getItem(ref);
    b.note.content = content;
  } else {
    b.note = ws.notes.add(ws.getRange(ref), content);
    b.hasNote = true;
  }
}

function appendOurs(w: WriteBatch, key: string, note: string): string {
  const text = taggedNote(note);
  const prev = w.inBatch.get(key)?.ours ?? '';
  return prev ? (prev.includes(text) ? prev : `${prev}\n${text}`) : text;
}

export function mark(w: WriteBatch, op: MarkOp, info: OpInfo): boolean {
  let row = info.row as number;
  let col = info.col as number;
  let pre = info.pre ?? null;
  if (pre) {
    const a = w.prep.anchors.get(ledgerKey(op.sheet, toA1(pre.row, pre.col)));
    if (a) {
      pre = { row: a.row, col: a.col };
      row = w.forward(op.sheet, a.row);
      col = a.col;
    }
  }
  const key = w.key(op.sheet, row, col);
  const was = w.original(op.sheet, row, col, pre);
  const before = w.inBatch.get(key);
  const rank = SEVERITY_RANK[op.severity] ?? SEVERITY_RANK.warning;
  const ref = toA1(row, col);
  const first = !before || before.rank === 0;
  let color: string | undefined;
  if (first || rank > (before as CellInBatch).rank) {
    color = markColor(op.severity, op.fill);
    const fill = w.ws(op.sheet).getRange(ref).format.fill;
    fill.color = color;
    if (was.fill.pattern !== 'None' && was.fill.pattern !== 'Solid') fill.pattern = 'Solid';
    if (first) {
      const st = pre ? w.prep.states.get(ledgerKey(op.sheet, toA1(pre.row, pre.col))) : undefined;
      w.undo.push({ kind: 'fill', seg: w.seg, sheet: op.sheet, ref, was: st ? st.fill : was.fill });
    }
  }
  let ours: string | undefined;
  if (w.notes) {
    ours = appendOurs(w, key, op.note ?? '');
    writeNote(w, op.sheet, row, col, pre, was.note, ours);
  }
  const b = w.inBatch.get(key) ?? { hasNote: false, rank: 0, ours: '' };
  b.rank = Math.max(b.rank, rank);
  if (ours !== undefined) b.ours = ours;
  w.inBatch.set(key, b);
  w.record(op.sheet, row, col, was, w.notes ? ['fill', 'note'] : ['fill'], color, ours);
  return first;
}

export function setCell(w: WriteBatch, op: SetValueOp | SetFormulaOp, info: OpInfo): void {
  const row = info.row as number;
  const col = info.col as number;
  const ref = toA1(row, col);
  const pre = info.pre ?? null;
  const input = op.op === 'setFormula' ? `=${op.formula.replace(/^\s*=/, '')}` : valueInput(op.value);
  const pk = `${op.sheet.toLowerCase()}\u0000${col}`;
  let run = w.pending.get(pk);
  if (!run) {
    run = { sheet: op.sheet, col, cells: new Map() };
    w.pending.set(pk, run);
  }
  run.cells.set(row, input);
  if (pre) w.undo.push({ kind: 'value', seg: w.seg, sheet: op.sheet, ref, was: w.prep.formulas.get(ledgerKey(op.sheet, toA1(pre.row, pre.col))) ?? '' });
  if (op.note && w.notes) {
    const key = w.key(op.sheet, row, col);
    const was = w.original(op.sheet, row, col, pre);
    const ours = appendOurs(w, key, op.note);
    writeNote(w, op.sheet, row, col, pre, was.note, ours);
    (w.inBatch.get(key) as CellInBatch).ours = ours;
    w.record(op.sheet, row, col, was, ['note'], undefined, ours);
  }
}

/** replaceMarks: restores the cells an earlier run marked and this plan does not (when they still show the mark). */
export function restoreStale(w: WriteBatch): void {
  for (const [key, st] of w.prep.stale) {
    const rec = w.byKey.get(key);
    if (!rec) continue;
    const ws = w.ws(rec.sheet);
    if (rec.touched.includes('fill') && rec.mark && st.fill.pattern === 'Solid' && sameColor(st.fill.color, rec.mark)) {
      applyFill(ws.getRange(rec.ref), rec.was.fill);
      w.undo.push({ kind: 'fill', seg: 0, sheet: rec.sheet, ref: rec.ref, was: st.fill });
    }
    const rest = rec.touched.includes('note') && w.notes && st.note !== null ? noteWithoutOurs(st.note, rec) : undefined;
    if (rest !== undefined && st.note !== null) {
      w.undo.push({ kind: 'note', seg: 0, sheet: rec.sheet, ref: rec.ref, was: st.note });
      if (rest === null) ws.notes.getItem(rec.ref).delete();
      else ws.notes.getItem(rec.ref).content = rest;
    }
    w.ledger.cells = w.ledger.cells.filter((c) => c !== rec);
    w.byKey.delete(key);
  }
}
