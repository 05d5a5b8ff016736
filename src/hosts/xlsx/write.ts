/**
 * Applies a WritePlan to .xlsx bytes by editing only the parts and cells it touches (see docs/design.md):
 * the package is a zip whose untouched entries are copied compressed as they are; the parts a
 * plan changes are tokenized (htmlparser2) and spliced, so what an op does not write stays as it was
 * written. Marks and jixiao's notes are recorded in the ledger the add-in keeps (core/plan/ledger.ts), in
 * the workbook's custom XML parts: a later run restores them first, `clear` takes them out, and the add-in
 * clears a copy the CLI marked. Pure JavaScript: the same writer runs in the browser (the preview's download).
 */
import { describeOp, type PlanOp, type SetFormulaOp, type SetValueOp, type WritePlan } from '../../core/plan/ops';
import { validatePlan, type CheckedOp } from '../../core/plan/validate';
import { addSheet } from './addsheet';
import { Book } from './book';
import { cachedXml, formulaXml, valueXml } from './cells';
import { Marks } from './marks';
import { copyFormat, insertRows, merge } from './rows';
import { expandGroupOf } from './shared';

export { NOTE_AUTHOR } from './marks';

export interface XlsxWriteOptions {
  /**
   * Restore every cell an earlier run marked (fill and note) before the plan is applied, as a new check
   * does: marks of problems since fixed go, and a cell marked again shows only this run's note.
   */
  replaceMarks?: boolean;
}

/** An op the workbook cannot take (a sheet it does not have, a merge the plan would cut): the message names the op. */
export class PlanApplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanApplyError';
  }
}

/** Applies the plan's ops in order and returns the new workbook bytes. */
export async function applyPlanToXlsx(input: Uint8Array, plan: WritePlan, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  return writePlan(input, plan, options);
}

/** applyPlanToXlsx, synchronously. */
export function writePlan(input: Uint8Array, plan: WritePlan, options: XlsxWriteOptions = {}): Uint8Array {
  const checked = validatePlan(plan);
  let book: Book;
  try {
    book = new Book(input);
  } catch (e) {
    throw new PlanApplyError(`open workbook / 打开工作簿: ${message(e)}`);
  }
  const marks = new Marks(book);
  if (options.replaceMarks) marks.restoreAll(new Set(book.ledger.sheets.map((s) => s.toLowerCase())));
  for (const c of checked) {
    try {
      apply(book, marks, c);
    } catch (e) {
      const where = describeOp(c.op);
      const msg = message(e);
      throw new PlanApplyError(msg.startsWith(where) ? msg : `${where}: ${msg}`);
    }
  }
  try {
    return book.save();
  } catch (e) {
    throw new PlanApplyError(`write workbook / 写出工作簿: ${message(e)}`);
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0].slice(0, 500) : String(e);
}

/** Excel's grid: rows 1–1,048,576, columns A–XFD. */
function inGrid(c: CheckedOp): void {
  if (!('row' in c)) return;
  if (c.row < 1 || c.row > 1048576 || c.col < 1 || c.col > 16384) throw new Error(`not a cell of the sheet / 单元格地址超出范围: ${c.op.cell}`);
}

function apply(book: Book, marks: Marks, c: CheckedOp): void {
  inGrid(c);
  const op: PlanOp = c.op;
  switch (op.op) {
    case 'mark':
      return marks.mark(op, (c as { row: number }).row, (c as { col: number }).col);
    case 'setValue':
    case 'setFormula':
      return setCell(book, marks, op, (c as { row: number }).row, (c as { col: number }).col);
    case 'addSheet':
      addSheet(book, op);
      return;
    case 'insertRows':
      return insertRows(book, marks, op);
    case 'merge':
      return merge(book, op);
    case 'copyFormat':
      return copyFormat(book, op);
    case 'recalculate':
      book.sheet(op.sheet);
      return book.workbook.setFullCalc();
  }
}

function setCell(book: Book, marks: Marks, op: SetValueOp | SetFormulaOp, row: number, col: number): void {
  const sheet = book.sheet(op.sheet);
  const cell = sheet.cell(row, col, true);
  if (!cell) return;
  expandGroupOf(sheet, cell);
  const attrs = { ...cell.attrs };
  // The old value's type and metadata (rich value, dynamic array) go with it.
  delete attrs.t;
  delete attrs.cm;
  delete attrs.vm;
  const p = sheet.prefix;
  if (op.op === 'setFormula') {
    const { t, v } = cachedXml(op.value ?? null, p);
    if (t) attrs.t = t;
    const f = { attrs: {}, text: op.formula.replace(/^\s*=/, ''), before: '', after: v, name: `${p}f` };
    cell.f = f;
    cell.inner = formulaXml(f) + v;
    cell.epoch = book.moves.epoch;
  } else {
    const { t, inner } = valueXml(op.value, p);
    if (t) attrs.t = t;
    cell.f = null;
    cell.inner = inner;
    cell.epoch = 0;
  }
  cell.attrs = attrs;
  cell.raw = undefined;
  sheet.touch(sheet.row(row, false)!, row, col);
  book.cellsWritten = true;
  if (op.note) marks.note(sheet, row, col, op.note);
}
