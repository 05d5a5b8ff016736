/**
 * Marks and jixiao's notes on cells, kept in the ledger as the add-in keeps them: for each cell, what it
 * looked like before (fill, font, note, and its cell format) and what jixiao put there (the mark's colour,
 * the length and hash of its note text). A cell jixiao touched in an earlier run is restored before it is
 * touched again, so a fill is never copied from a mark and notes never stack; restoring takes out only
 * jixiao's text and fill, and leaves a cell the user changed since as it is.
 */
import { parseA1, toA1 } from '../../core/domain/a1';
import { MARK_FILLS, SEVERITY_RANK, normaliseColour, taggedNote } from '../../core/plan/conventions';
import { noteWithoutOurs, type LedgerCell } from '../../core/plan/ledger';
import type { MarkOp } from '../../core/plan/ops';
import type { Book } from './book';
import type { SheetModel } from './sheet';

/** Author of the notes jixiao adds. */
export const NOTE_AUTHOR = 'jixiao';

interface RunState {
  rank: number;
  /** jixiao's note text written in this run. */
  ours: string;
  /** The earlier run's fill / note of this cell was restored (or there was none). */
  fill: boolean;
  note: boolean;
}

export interface RestoreCount {
  cleared: number;
  skipped: number;
}

export class Marks {
  private readonly run = new Map<LedgerCell, RunState>();

  constructor(private readonly book: Book) {}

  /** The top-left cell of the merged area a cell is in (the cell itself when it is in none). */
  topLeft(sheet: SheetModel, row: number, col: number): { row: number; col: number } {
    const m = sheet.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The cell's record for this run: a new one (the cell as it is now), or an earlier run's, restored for `aspect` on first touch. */
  private begin(sheet: SheetModel, row: number, col: number, aspect: 'fill' | 'note'): { rec: LedgerCell; st: RunState } {
    const ref = toA1(row, col);
    let rec = this.book.record(sheet.name, ref);
    let st = rec ? this.run.get(rec) : undefined;
    if (rec && !st) {
      st = { rank: 0, ours: '', fill: false, note: false };
      this.run.set(rec, st);
    }
    if (!rec || !st) {
      const xf = sheet.styleAt(row, col);
      const styles = this.book.styles;
      rec = {
        sheet: sheet.name,
        ref,
        touched: [],
        was: { fill: styles.fillStateOf(xf), font: styles.fontStateOf(xf), note: this.book.hasNotes(sheet) ? this.book.notes(sheet).text(row, col) : null },
        xf,
      };
      st = { rank: 0, ours: '', fill: true, note: true };
      this.book.addRecord(rec);
      this.run.set(rec, st);
      return { rec, st };
    }
    if (aspect === 'fill' && !st.fill) {
      st.fill = true;
      if (rec.touched.includes('fill')) this.restoreFill(sheet, rec);
      rec.touched = rec.touched.filter((t) => t !== 'fill');
      delete rec.mark;
      rec.xf = sheet.styleAt(row, col);
    }
    if (aspect === 'note' && !st.note) {
      st.note = true;
      if (rec.touched.includes('note')) this.restoreNote(sheet, rec);
      rec.touched = rec.touched.filter((t) => t !== 'note');
      rec.ours = '';
      delete rec.oursLength;
      delete rec.oursHash;
    }
    return { rec, st };
  }

  mark(op: MarkOp, row: number, col: number): void {
    const sheet = this.book.sheet(op.sheet);
    const at = this.topLeft(sheet, row, col);
    const { rec, st } = this.begin(sheet, at.row, at.col, 'fill');
    const rank = SEVERITY_RANK[op.severity] ?? SEVERITY_RANK.warning;
    if (rank > st.rank) {
      const colour = normaliseColour(op.fill ?? MARK_FILLS[op.severity] ?? MARK_FILLS.warning);
      sheet.setStyle(at.row, at.col, this.book.styles.markXf(sheet.styleAt(at.row, at.col), colour));
      st.rank = rank;
      rec.mark = `#${colour}`;
    }
    if (!rec.touched.includes('fill')) rec.touched.push('fill');
    if (op.note) this.note(sheet, at.row, at.col, op.note);
    this.book.ledgerChanged = true;
  }

  /** Adds jixiao's note text to a cell (a mark's, or a written value's explanation). */
  note(sheet: SheetModel, row: number, col: number, text: string): void {
    const { rec, st } = this.begin(sheet, row, col, 'note');
    const body = taggedNote(text);
    const notes = this.book.notes(sheet);
    const current = notes.text(row, col);
    if (current !== null && current.includes(body)) return;
    notes.append(row, col, body, NOTE_AUTHOR);
    st.ours = st.ours ? `${st.ours}\n\n${body}` : body;
    rec.ours = st.ours;
    if (!rec.touched.includes('note')) rec.touched.push('note');
    this.book.ledgerChanged = true;
  }

  /** Restores a marked cell's format, if it still shows jixiao's fill. */
  restoreFill(sheet: SheetModel, rec: LedgerCell): boolean {
    const styles = this.book.styles;
    const { row, col } = parseA1(rec.ref);
    const cur = sheet.styleAt(row, col);
    if (!rec.mark || !styles.showsMark(cur, rec.mark)) return false;
    const exact = rec.xf !== undefined && rec.xf < styles.count && styles.sameButFill(rec.xf, cur);
    sheet.setStyle(row, col, exact ? (rec.xf as number) : styles.xfWithFillState(cur, rec.was.fill));
    return true;
  }

  /** Takes jixiao's text out of a cell's note (the note goes when nothing of the user's is left). */
  restoreNote(sheet: SheetModel, rec: LedgerCell): boolean {
    if (!this.book.hasNotes(sheet)) return false;
    const notes = this.book.notes(sheet);
    const { row, col } = parseA1(rec.ref);
    const cur = notes.text(row, col);
    if (cur === null) return false;
    const rest = noteWithoutOurs(cur, rec);
    if (rest === undefined) return false;
    if (rest === null) notes.remove(row, col);
    else if (cur.startsWith(rest)) notes.truncate(row, col, rest.length);
    else notes.setText(row, col, rest);
    return true;
  }

  /** Restores every cell in the ledger (a new check's first step, and `clear`); the ledger keeps none of them. */
  restoreAll(generated: Set<string>): RestoreCount {
    const out: RestoreCount = { cleared: 0, skipped: 0 };
    for (const rec of [...this.book.ledger.cells]) {
      this.book.dropRecord(rec);
      if (generated.has(rec.sheet.toLowerCase())) continue;
      let sheet: SheetModel;
      try {
        sheet = this.book.sheet(rec.sheet);
      } catch {
        continue;
      }
      let did = false;
      if (rec.touched.includes('fill') && this.restoreFill(sheet, rec)) did = true;
      if (rec.touched.includes('note') && this.restoreNote(sheet, rec)) did = true;
      if (did) out.cleared++;
      else out.skipped++;
    }
    return out;
  }

  /** Ledger cells of `sheet` at or below `at` move down `count` rows. */
  shift(sheet: string, at: number, count: number): void {
    const k = sheet.toLowerCase();
    let moved = false;
    for (const c of this.book.ledger.cells) {
      if (c.sheet.toLowerCase() !== k) continue;
      const p = parseA1(c.ref);
      if (p.row < at) continue;
      c.ref = toA1(p.row + count, p.col);
      moved = true;
    }
    if (moved) this.book.ledgerMoved();
  }
}
