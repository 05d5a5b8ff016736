/**
 * Applies a WritePlan to .xlsx bytes with excelize (WebAssembly build of Go excelize), which keeps
 * what it does not understand and shifts merges, formulas, data validations and conditional
 * formats on row insertion. A final pass (fixups.ts) repairs what excelize gets wrong: formula
 * cached values, the exact copy of a marked cell's format, and leftover note shapes.
 */
import { describeOp } from '../../core/plan/ops';
import { MARK_FILLS, NOTE_TAG, SEVERITY_RANK, SHEET_MARKER_NOTE, normaliseColour, sanitiseSheetName } from '../../core/plan/conventions';
import type { AddSheetOp, CopyFormatOp, InsertRowsOp, LinkCell, MarkOp, MergeOp, PlanOp, PlanValue, SetFormulaOp, SetValueOp, WritePlan } from '../../core/plan/ops';
import type { Severity } from '../../core/check/findings';
import { colToLetters, parseA1, parseRange, quoteSheet, rangeToA1, toA1, type RangeRef } from '../../core/domain/a1';
import { excelize, type Excelize, type ExcelizeFile } from './excelize';
import { applyFixups, countCellXfs, emptyFixups, type Fixups } from './fixups';

/** The note jixiao puts on A1 of a sheet it adds; a sheet whose A1 has it (or whose A1 text starts with NOTE_TAG) may be replaced. */
export { SHEET_MARKER_NOTE };

/** Author of the notes jixiao adds. */
export const NOTE_AUTHOR = 'jixiao';

type Style = Parameters<ExcelizeFile['NewStyle']>[0];
type Comment = Parameters<ExcelizeFile['AddComment']>[1];
type RichTextRun = NonNullable<Comment['Paragraph']>[number];

interface Note {
  author: string;
  runs: RichTextRun[];
  /** Where excelize holds this note now (notes read from the file); undefined for new notes. */
  placedAt?: string;
  /** Changed or moved: written out by flushNotes(). */
  dirty: boolean;
}

function formulaKey(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}

class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

function check(r: { error: string | null }, what: string): void {
  if (r.error) throw new PlanError(`${what}: ${r.error}`);
}

/** Applies the plan's ops in order and returns the new workbook bytes. */
export async function applyPlanToXlsx(input: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const ex = await excelize();
  const f = ex.OpenReader(input);
  check(f as unknown as { error: string | null }, 'open workbook / 打开工作簿');
  const w = new Writer(ex, f, countCellXfs(input));
  try {
    for (const op of plan.ops) w.apply(op);
    w.flushNotes();
    const out = f.WriteToBuffer();
    check(out, 'write workbook / 写出工作簿');
    const bytes = out.buffer instanceof Uint8Array ? out.buffer : new Uint8Array(out.buffer as ArrayBuffer);
    return applyFixups(bytes, w.fixups);
  } catch (e) {
    if (e instanceof PlanError) throw e;
    // A Go panic: excelize's instance is gone (excelize() will load a new one next time).
    throw new Error(`excelize failed / excelize 出错: ${e instanceof Error ? e.message.split('\n')[0].slice(0, 500) : String(e)}`);
  }
}

class Writer {
  readonly fixups: Fixups = emptyFixups();
  private readonly markStyles = new Map<string, number>();
  /** Cell formats created in this run and claimed by a mark patch (a patch must not be shared). */
  private readonly claimed = new Set<number>();
  /** Mark format -> the format it was cloned from (so inserted rows copy the unmarked format). */
  private readonly unmarked = new Map<number, number>();
  /** Mark format -> its severity. */
  private readonly markSeverity = new Map<number, Severity>();
  private readonly plainStyles = new Map<string, number>();
  private readonly notes = new Map<string, Map<string, Note>>();
  private readonly merges = new Map<string, RangeRef[]>();

  constructor(
    private readonly ex: Excelize,
    private readonly f: ExcelizeFile,
    /** Number of cell formats in the input: ids below it existed before. */
    private readonly baseXfCount: number,
  ) {}

  apply(op: PlanOp): void {
    try {
      this.applyOne(op);
    } catch (e) {
      const where = describeOp(op);
      const msg = e instanceof Error ? e.message.split('\n')[0].slice(0, 500) : String(e);
      throw new PlanError(msg.startsWith(where) ? msg : `${where}: ${msg}`);
    }
  }

  private applyOne(op: PlanOp): void {
    switch (op.op) {
      case 'mark':
        return this.mark(op);
      case 'setValue':
        return this.setValue(op);
      case 'setFormula':
        return this.setFormula(op);
      case 'addSheet':
        return this.addSheet(op);
      case 'insertRows':
        return this.insertRows(op);
      case 'merge':
        return this.merge(op);
      case 'copyFormat':
        return this.copyFormat(op);
      case 'recalculate':
        check(this.f.SetCalcProps({ FullCalcOnLoad: true }), 'recalculate');
        return;
      default:
        throw new PlanError(`unknown plan op / 未知操作: ${JSON.stringify(op)}`);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // mark

  private mark(op: MarkOp): void {
    const cell = this.topLeft(op.sheet, normaliseCell(op.cell));
    const where = `mark ${op.sheet}!${cell}`;
    const cur = this.f.GetCellStyle(op.sheet, cell);
    check(cur, where);
    const sid = this.markStyle(cur.style, op.severity, normaliseColour(op.fill ?? MARK_FILLS[op.severity] ?? MARK_FILLS.warning), where);
    check(this.f.SetCellStyle(op.sheet, cell, cell, sid), where);
    if (op.note) this.addNote(op.sheet, cell, op.note, where);
  }

  /**
   * A cell format equal to `current` but with the mark's fill (the plan's colour); one per (format, severity, colour).
   * Marking a cell that this run already marked starts again from its unmarked format, and keeps
   * the more severe fill.
   */
  private markStyle(current: number, severity: Severity, colour: string, where: string): number {
    const prev = this.markSeverity.get(current);
    if (prev !== undefined && SEVERITY_RANK[prev] >= SEVERITY_RANK[severity]) return current;
    const oldId = this.unmarked.get(current) ?? current;
    const key = `${oldId}:${severity}:${colour}`;
    const hit = this.markStyles.get(key);
    if (hit !== undefined) return hit;
    const fill = { Type: 'pattern', Pattern: 1, Color: [colour] };
    const got = this.f.GetStyle(oldId);
    const base: Style = got.error ? {} : cleanStyle(got.style);
    let id = -1;
    // excelize returns an existing format when an equal one exists (as excelize sees equality);
    // we need a format of our own, as fixups.ts turns it into an exact copy of oldId. Vary the
    // indent (overwritten by that copy) until excelize creates a new one.
    for (let k = 0; k < 64; k++) {
      const style: Style = { ...base, Fill: fill };
      if (k > 0) style.Alignment = { ...(base.Alignment ?? {}), Indent: (base.Alignment?.Indent ?? 0) + k };
      let r = this.f.NewStyle(style);
      if (r.error) r = this.f.NewStyle(k > 0 ? { Fill: fill, Alignment: { Indent: k } } : { Fill: fill });
      check(r, where);
      id = r.style;
      if (id >= this.baseXfCount && !this.claimed.has(id)) {
        this.claimed.add(id);
        this.unmarked.set(id, oldId);
        this.markSeverity.set(id, severity);
        this.fixups.styles.push({ newId: id, oldId });
        break;
      }
    }
    this.markStyles.set(key, id);
    return id;
  }

  // ---------------------------------------------------------------------------------------------
  // values and formulas

  private setValue(op: SetValueOp): void {
    const cell = normaliseCell(op.cell);
    const where = `setValue ${op.sheet}!${cell}`;
    this.writeValue(op.sheet, cell, op.value, where);
    this.setFormulaFix(op.sheet, cell, false);
    if (op.note) this.addNote(op.sheet, cell, op.note, where);
  }

  private writeValue(sheet: string, cell: string, value: PlanValue, where: string): void {
    if (value === null || value === undefined) check(this.f.SetCellDefault(sheet, cell, ''), where);
    else if (typeof value === 'number' && !Number.isFinite(value)) check(this.f.SetCellDefault(sheet, cell, ''), where);
    else check(this.f.SetCellValue(sheet, cell, value), where);
  }

  private setFormula(op: SetFormulaOp): void {
    const cell = normaliseCell(op.cell);
    const where = `setFormula ${op.sheet}!${cell}`;
    const formula = op.formula.replace(/^\s*=/, '');
    if (!formula) throw new PlanError(`${where}: empty formula / 公式为空`);
    check(this.f.SetCellFormula(op.sheet, cell, formula), where);
    // excelize marks the cell t="str" and keeps its old <v>; fixups.ts writes the value and type.
    this.setFormulaFix(op.sheet, cell, true, op.value ?? null);
    if (op.note) this.addNote(op.sheet, cell, op.note, where);
  }

  /**
   * The cached value fixups.ts writes for a cell's formula (a cell has at most one): `value` for a
   * formula just set (`formula`), none for a cell that no longer holds one.
   */
  private setFormulaFix(sheet: string, cell: string, formula: boolean, value: PlanValue = null): void {
    const { row, col } = parseA1(cell);
    const key = formulaKey(sheet, row, col);
    // Most cells have no pending fix: the set answers that without a scan of the list (10,000
    // formulas would otherwise cost 50 million comparisons).
    this.formulaCells ??= new Set(this.fixups.formulas.map((f) => formulaKey(f.sheet, f.row, f.col)));
    if (this.formulaCells.has(key)) {
      const list = this.fixups.formulas;
      for (let i = list.length - 1; i >= 0; i--) if (list[i].sheet === sheet && list[i].row === row && list[i].col === col) list.splice(i, 1);
    }
    if (!formula) {
      this.formulaCells.delete(key);
      return;
    }
    this.fixups.formulas.push({ sheet, row, col, value });
    this.formulaCells.add(key);
  }

  /** The cells of `fixups.formulas`, by formulaKey; null when it must be rebuilt (rows moved, a sheet went). */
  private formulaCells: Set<string> | null = null;

  // ---------------------------------------------------------------------------------------------
  // notes

  private sheetNotes(sheet: string): Map<string, Note> {
    let map = this.notes.get(sheet);
    if (map) return map;
    map = new Map();
    const r = this.f.GetComments(sheet);
    check(r, `notes of ${sheet}`);
    for (const c of r.comments ?? []) {
      const runs = c.Paragraph && c.Paragraph.length ? c.Paragraph.map(cleanRun) : [{ Text: c.Text ?? '' }];
      const cell = normaliseCell(c.Cell);
      map.set(cell, { author: c.Author ?? '', runs, placedAt: cell, dirty: false });
    }
    this.notes.set(sheet, map);
    return map;
  }

  /**
   * Notes are kept here and written once, at the end (flushNotes): excelize's DeleteComment costs
   * time in proportion to the sheet's notes, so a note is deleted at most once.
   */
  private addNote(sheet: string, cell: string, text: string, _where: string): void {
    const body = text.startsWith(NOTE_TAG) ? text : `${NOTE_TAG} ${text}`;
    const notes = this.sheetNotes(sheet);
    const old = notes.get(cell);
    if (old) {
      const oldText = old.runs.map((r) => r.Text ?? '').join('');
      if (oldText.includes(body)) return;
      old.runs.push({ Text: `${oldText ? '\n\n' : ''}${body}` });
      old.dirty = true;
    } else {
      notes.set(cell, { author: NOTE_AUTHOR, runs: [{ Text: body }], dirty: true });
    }
  }

  /** Writes the changed and moved notes: deletes their old versions first, then adds them. */
  flushNotes(): void {
    for (const [sheet, notes] of this.notes) {
      const where = `notes of ${sheet}`;
      let changed = false;
      for (const n of notes.values()) {
        if (n.dirty && n.placedAt) {
          check(this.f.DeleteComment(sheet, n.placedAt), `${where}!${n.placedAt}`);
          n.placedAt = undefined;
        }
      }
      for (const [cell, n] of notes) {
        if (!n.dirty) continue;
        const size = noteSize(n.runs.map((r) => r.Text ?? '').join(''));
        check(this.f.AddComment(sheet, { Cell: cell, Author: n.author, Paragraph: n.runs, Width: size.width, Height: size.height }), `${where}!${cell}`);
        n.placedAt = cell;
        n.dirty = false;
        changed = true;
      }
      if (changed) this.fixups.noteSheets.add(sheet);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // merges

  private sheetMerges(sheet: string): RangeRef[] {
    let list = this.merges.get(sheet);
    if (list) return list;
    const r = this.f.GetMergeCells(sheet, true);
    check(r, `merged cells of ${sheet}`);
    list = [];
    for (const m of r.mergeCells ?? []) {
      const a = parseA1(m.GetStartAxis());
      const b = parseA1(m.GetEndAxis());
      list.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
    }
    this.merges.set(sheet, list);
    return list;
  }

  private topLeft(sheet: string, cell: string): string {
    const p = parseA1(cell);
    for (const m of this.sheetMerges(sheet)) {
      if (p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right) return toA1(m.top, m.left);
    }
    return cell;
  }

  // ---------------------------------------------------------------------------------------------
  // insertRows

  private insertRows(op: InsertRowsOp): void {
    const { sheet, at, count } = op;
    const where = `insertRows ${sheet}!${at}`;
    if (!Number.isInteger(at) || at < 1 || !Number.isInteger(count) || count < 1) throw new PlanError(`${where}: bad row or count / 行号或行数无效 (${at}, ${count})`);
    const notes = this.sheetNotes(sheet); // before the shift: positions as they are now
    const mergesBefore = this.sheetMerges(sheet);
    const maxMergeCol = mergesBefore.reduce((c, m) => Math.max(c, m.right), 1);
    check(this.f.InsertRows(sheet, at, count), where);
    // Keep the list of merges as excelize now has it (reading it again costs seconds on a large sheet):
    // merges spanning the insertion point (top < at <= bottom) grow, those at or below it move down.
    for (const m of mergesBefore) {
      if (m.top >= at) {
        m.top += count;
        m.bottom += count;
      } else if (m.bottom >= at) m.bottom += count;
    }
    const src = op.formatFrom >= at ? op.formatFrom + count : op.formatFrom;
    const last = at + count - 1;

    // Row height, when the source row has its own.
    const h = this.f.GetRowHeight(sheet, src);
    check(h, where);
    const props = this.f.GetSheetProps(sheet);
    const defaultHeight = props.error ? 15 : (props.props?.DefaultRowHeight ?? 15);
    if (h.height > 0 && Math.abs(h.height - defaultHeight) > 1e-9) {
      for (let r = at; r <= last; r++) check(this.f.SetRowHeight(sheet, r, h.height), where);
    }

    // Cell formats of the source row.
    let maxCol = 1;
    const dim = this.f.GetSheetDimension(sheet);
    if (!dim.error && dim.dimension) {
      const endRef = dim.dimension.split(':').pop() ?? 'A1';
      try {
        maxCol = Math.max(maxCol, parseA1(endRef).col);
      } catch {
        /* keep 1 */
      }
    }
    maxCol = Math.max(maxCol, maxMergeCol);
    for (let c = 1; c <= maxCol; c++) {
      const letters = colToLetters(c);
      const s = this.f.GetCellStyle(sheet, `${letters}${src}`);
      check(s, where);
      // A mark is about one cell: new rows get the format underneath it.
      const sid = this.unmarked.get(s.style) ?? s.style;
      if (sid > 0) check(this.f.SetCellStyle(sheet, `${letters}${at}`, `${letters}${last}`, sid), where);
    }

    // excelize extends merges that span the insertion point (top < at <= bottom) and shifts the
    // rest. A merge lying within the source row alone (e.g. B7:D7) is repeated on the new rows.
    const after = mergesBefore;
    const rowMerges = after.filter((m) => m.top === src && m.bottom === src && m.right > m.left);
    for (const m of rowMerges) {
      for (let r = at; r <= last; r++) {
        const clash = after.some((o) => o.top <= r && o.bottom >= r && o.left <= m.right && o.right >= m.left);
        if (!clash) {
          check(this.f.MergeCell(sheet, toA1(r, m.left), toA1(r, m.right)), where);
          after.push({ top: r, bottom: r, left: m.left, right: m.right });
        }
      }
    }

    // excelize does not move notes: move those at or below the insertion point (written by flushNotes).
    const shifted = new Map<string, Note>();
    for (const [cell, n] of notes) {
      const p = parseA1(cell);
      if (p.row >= at) {
        n.dirty = true;
        shifted.set(toA1(p.row + count, p.col), n);
      } else shifted.set(cell, n);
    }
    this.notes.set(sheet, shifted);

    // Pending formula values move with their cells.
    for (const fx of this.fixups.formulas) if (fx.sheet === sheet && fx.row >= at) fx.row += count;
    this.formulaCells = null;
  }

  // ---------------------------------------------------------------------------------------------
  // merge, copyFormat

  private merge(op: MergeOp): void {
    const r = parseRange(op.range);
    const where = `merge ${op.sheet}!${rangeToA1(r)}`;
    if (r.top === r.bottom && r.left === r.right) return;
    const merges = this.sheetMerges(op.sheet);
    for (const m of merges) {
      const overlaps = m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left;
      const inside = m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right;
      if (overlaps && !inside) throw new PlanError(`${where}: crosses the merged area ${rangeToA1(m)} / 与合并区域 ${rangeToA1(m)} 交叉`);
    }
    if (merges.some((m) => m.top === r.top && m.bottom === r.bottom && m.left === r.left && m.right === r.right)) return;
    check(this.f.MergeCell(op.sheet, toA1(r.top, r.left), toA1(r.bottom, r.right)), where);
    // As excelize does: the merges inside the new one are gone.
    for (let i = merges.length - 1; i >= 0; i--) {
      const m = merges[i];
      if (m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left) merges.splice(i, 1);
    }
    merges.push({ ...r });
  }

  private copyFormat(op: CopyFormatOp): void {
    const from = parseRange(op.from);
    const to = parseRange(op.to);
    const where = `copyFormat ${op.sheet}!${rangeToA1(from)}→${rangeToA1(to)}`;
    const fh = from.bottom - from.top + 1;
    const fw = from.right - from.left + 1;
    const th = to.bottom - to.top + 1;
    const tw = to.right - to.left + 1;
    if ((fh !== th && fh !== 1) || (fw !== tw && fw !== 1)) throw new PlanError(`${where}: ranges of different sizes / 区域大小不一致`);
    for (let dc = 0; dc < tw; dc++) {
      const sc = from.left + (fw === 1 ? 0 : dc);
      const tc = to.left + dc;
      // Runs of rows with the same source format are set with one call.
      let runStart = 0;
      let runStyle = -1;
      const flush = (end: number) => {
        if (runStyle > 0) check(this.f.SetCellStyle(op.sheet, toA1(to.top + runStart, tc), toA1(to.top + end, tc), runStyle), where);
      };
      for (let dr = 0; dr < th; dr++) {
        const sr = from.top + (fh === 1 ? 0 : dr);
        const s = this.f.GetCellStyle(op.sheet, toA1(sr, sc));
        check(s, where);
        const sid = this.unmarked.get(s.style) ?? s.style;
        if (dr === 0) {
          runStyle = sid;
          continue;
        }
        if (sid !== runStyle) {
          flush(dr - 1);
          runStart = dr;
          runStyle = sid;
        }
      }
      flush(th - 1);
      if (op.columnWidth) {
        const w = this.f.GetColWidth(op.sheet, colToLetters(sc));
        check(w, where);
        if (w.width > 0) check(this.f.SetColWidth(op.sheet, colToLetters(tc), colToLetters(tc), w.width), where);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // addSheet

  private isOurs(sheet: string): boolean {
    const v = this.f.GetCellValue(sheet, 'A1');
    if (!v.error && (v.value ?? '').trimStart().startsWith(NOTE_TAG)) return true;
    const c = this.f.GetComments(sheet);
    if (c.error) return false;
    return (c.comments ?? []).some((n) => {
      if (normaliseCell(n.Cell) !== 'A1') return false;
      const t = n.Paragraph && n.Paragraph.length ? n.Paragraph.map((r) => r.Text ?? '').join('') : (n.Text ?? '');
      return t.trimStart().startsWith(NOTE_TAG);
    });
  }

  private addSheet(op: AddSheetOp): void {
    const list = () => this.f.GetSheetList().list ?? [];
    const find = (n: string) => list().find((s) => s.toLowerCase() === n.toLowerCase());
    const base = sanitiseSheetName(op.name);
    let name = base;
    let replace: string | undefined;
    for (let i = 1; ; i++) {
      if (i > 1) {
        const suffix = ` (${i})`;
        name = base.slice(0, 31 - suffix.length) + suffix;
      }
      const existing = find(name);
      if (!existing) break;
      if (this.isOurs(existing)) {
        replace = existing;
        break;
      }
      if (i > 999) throw new PlanError(`addSheet ${op.name}: no free sheet name / 找不到可用的工作表名`);
    }
    const where = `addSheet ${name}`;
    const active = this.f.GetActiveSheetIndex();
    const activeName = active.error ? undefined : this.f.GetSheetName(active.index).name;
    if (replace) {
      check(this.f.DeleteSheet(replace), where);
      this.notes.delete(replace);
      this.merges.delete(replace);
      for (let i = this.fixups.formulas.length - 1; i >= 0; i--) if (this.fixups.formulas[i].sheet === replace) this.fixups.formulas.splice(i, 1);
      this.formulaCells = null;
      this.fixups.noteSheets.delete(replace);
    }
    check(this.f.NewSheet(name), where);

    /** Per column: runs of rows with the same format, applied with one call each. */
    const runs: Array<Array<{ from: number; to: number; sid: number }>> = [];
    for (let r = 0; r < op.rows.length; r++) {
      const row = op.rows[r] ?? [];
      const values = row.map((c) => (c && c.value !== undefined && c.value !== null && !(typeof c.value === 'number' && !Number.isFinite(c.value)) ? c.value : null));
      if (values.some((v) => v !== null)) check(this.f.SetSheetRow(name, `A${r + 1}`, values), `${where} row ${r + 1}`);
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const ref = toA1(r + 1, c + 1);
        const sid = this.cellStyle(cell, `${where}!${ref}`);
        if (sid > 0) {
          const col = (runs[c] ??= []);
          const lastRun = col[col.length - 1];
          if (lastRun && lastRun.sid === sid && lastRun.to === r) lastRun.to = r + 1;
          else col.push({ from: r + 1, to: r + 1, sid });
        }
        if (cell.link) {
          const target = `${quoteSheet(cell.link.sheet)}!${normaliseCell(cell.link.cell)}`;
          check(this.f.SetCellHyperLink(name, ref, target, 'Location'), `${where}!${ref}`);
        }
      }
    }
    runs.forEach((col, c) => {
      const l = colToLetters(c + 1);
      for (const run of col) check(this.f.SetCellStyle(name, `${l}${run.from}`, `${l}${run.to}`, run.sid), `${where}!${l}${run.from}`);
    });
    (op.columnWidths ?? []).forEach((wd, i) => {
      if (typeof wd === 'number' && wd > 0) {
        const l = colToLetters(i + 1);
        check(this.f.SetColWidth(name, l, l, Math.min(wd, 255)), `${where} column ${l}`);
      }
    });
    this.notes.set(name, new Map([['A1', { author: NOTE_AUTHOR, runs: [{ Text: SHEET_MARKER_NOTE }], dirty: true }]]));

    // Keep the sheet that was active (NewSheet does not activate; DeleteSheet may have moved it).
    const names = list();
    const keep = activeName && activeName !== replace ? names.indexOf(activeName) : 0;
    const want = keep >= 0 && names[keep] !== name ? keep : 0;
    const now = this.f.GetActiveSheetIndex();
    if (now.error || now.index !== want) check(this.f.SetActiveSheet(want), where);
  }

  private cellStyle(cell: LinkCell, where: string): number {
    const fill = cell.fill ? normaliseColour(cell.fill) : '';
    const key = `${cell.bold ? 1 : 0}|${fill}|${cell.link ? 1 : 0}`;
    if (key === '0||0') return 0;
    const hit = this.plainStyles.get(key);
    if (hit !== undefined) return hit;
    const style: Style = { Alignment: { Vertical: 'top', WrapText: true } };
    if (cell.bold || cell.link) style.Font = { ...(cell.bold ? { Bold: true } : {}), ...(cell.link ? { Color: '0563C1', Underline: 'single' } : {}) };
    if (fill) style.Fill = { Type: 'pattern', Pattern: 1, Color: [fill] };
    const r = this.f.NewStyle(style);
    check(r, where);
    this.plainStyles.set(key, r.style);
    return r.style;
  }
}

// -------------------------------------------------------------------------------------------------



function normaliseCell(cell: string): string {
  const p = parseA1(cell);
  return toA1(p.row, p.col);
}


/** GetStyle reports unset fields as zero values; NewStyle rejects some of those (font size 0...). */
function cleanStyle(s: Style): Style {
  const out: Style = { ...s };
  if (out.Font) {
    const font = { ...out.Font };
    for (const k of Object.keys(font) as Array<keyof typeof font>) {
      const v = font[k];
      if (v === '' || v === 0 || v === false || v === undefined) delete font[k];
    }
    out.Font = font;
  }
  if (out.Border) out.Border = out.Border.filter((b) => b && b.Type && (b.Style ?? 0) > 0);
  delete out.Fill;
  return out;
}

function cleanRun(r: RichTextRun): RichTextRun {
  if (!r.Font) return { Text: r.Text ?? '' };
  const font = { ...r.Font };
  for (const k of Object.keys(font) as Array<keyof typeof font>) {
    const v = font[k];
    if (v === '' || v === 0 || v === false || v === undefined) delete font[k];
  }
  return Object.keys(font).length ? { Text: r.Text ?? '', Font: font } : { Text: r.Text ?? '' };
}

/** A note box big enough for its text (excelize's default box is small). Width/height in pixels. */
function noteSize(text: string): { width: number; height: number } {
  const width = 260;
  const perLine = 240; // usable pixels per line
  let lines = 0;
  for (const para of text.split('\n')) {
    let px = 0;
    for (const ch of para) px += ch.charCodeAt(0) > 0x2e7f ? 12 : 7;
    lines += Math.max(1, Math.ceil(px / perLine));
  }
  return { width, height: Math.min(400, Math.max(60, 16 * lines + 16)) };
}
