/**
 * The write step (one sync unless the request budget says more): every op of the plan queued in order
 * with calculation suspended, the stale marks of an earlier run restored first (replaceMarks), the
 * ledger updated last, and the hidden names that track row inserts removed.
 */
import type { RangeRef } from '../../../core/domain/a1';
import type { ApplyReport } from '../../workbook-host';
import { ledgerToParts } from '../ledger';
import type { Session } from '../session';
import { mark, restoreStale, setCell } from './cells';
import { copyFormat, insertRows, merge } from './rows';
import { addSheet } from './sheets';
import { WriteBatch } from './state';
import type { OpInfo } from './timeline';

export async function runBatch(w: WriteBatch, s: Session, infos: OpInfo[], replaceMarks: boolean): Promise<ApplyReport> {
  w.session = s;
  w.ctx = s.ctx;
  const report: ApplyReport = { marked: 0, written: 0, rowsInserted: 0, sheetsAdded: [], syncs: 0, writeSyncs: 0, notes: w.notes };
  w.ctx.workbook.application.suspendApiCalculationUntilNextSync();
  const temps: string[] = [];
  if (replaceMarks) restoreStale(w);
  for (const info of infos) {
    w.current = info.op;
    const op = info.op;
    if (op.op === 'addSheet' || op.op === 'insertRows' || op.op === 'merge' || op.op === 'copyFormat') w.flushCells();
    switch (op.op) {
      case 'mark':
        await w.room(WriteBatch.estimate(op.note));
        if (mark(w, op, info)) report.marked++;
        break;
      case 'setValue':
      case 'setFormula':
        // Formulas go in runs of a column (little overhead each); a note is an action of its own.
        await w.room(WriteBatch.estimate([op.op === 'setFormula' ? op.formula : op.value, op.note ?? ''], op.note ? 300 : 60));
        setCell(w, op, info);
        report.written++;
        break;
      case 'addSheet': {
        const r = await addSheet(w, op);
        if (r.temp) temps.push(r.temp);
        report.sheetsAdded.push(r.name);
        break;
      }
      case 'insertRows': {
        await w.room(WriteBatch.estimate(null) + (w.prep.lastCol.get(op.sheet.toLowerCase()) ?? 1) * 400 * Math.min(op.count, 50));
        insertRows(w, op, info);
        report.rowsInserted += op.count;
        break;
      }
      case 'merge':
        await w.room(WriteBatch.estimate(null));
        merge(w, op, info.range as RangeRef);
        break;
      case 'copyFormat': {
        const to = info.to as RangeRef;
        await w.room(WriteBatch.estimate(null) + (to.bottom - to.top + 1) * (to.right - to.left + 1) * 420);
        copyFormat(w, op, info);
        break;
      }
      case 'recalculate':
        break;
    }
  }
  w.flushCells();
  w.current = undefined;
  // The ledger, last of the changes (in parts: none may fill a request on its own).
  const empty = w.ledger.cells.length === 0 && w.ledger.sheets.length === 0;
  const parts = empty ? [] : ledgerToParts(w.ledger);
  for (let i = 0; i < Math.max(parts.length, w.prep.parts.length); i++) {
    if (i < parts.length) await w.room(WriteBatch.estimate(parts[i]));
    if (i < w.prep.parts.length) {
      const part = w.ctx.workbook.customXmlParts.getItem(w.prep.parts[i].id);
      if (i < parts.length) part.setXml(parts[i]);
      else part.delete();
    } else w.ctx.workbook.customXmlParts.add(parts[i]);
  }
  for (const t of temps) w.ws(t).delete();
  for (const p of w.probes) p.item.delete();
  await w.session.sync(true);
  report.syncs = s.syncs;
  report.writeSyncs = s.writeSyncs;
  return report;
}
