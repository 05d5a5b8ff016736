/**
 * The in-memory fake of the Excel JavaScript API (see excel.ts) and its plain workbook model (model.ts).
 * Backs the Office host's tests and the browser preview:
 *
 *   const excel = fakeExcelFromSnapshot(snapshot);          // or new FakeExcel(workbookFromSnapshot(...), options)
 *   const host = new OfficeHost(excel);                     // the same host class that runs in Excel
 *   ... host.readWorkbook(), host.applyPlan(plan) ...
 *   excel.workbook                                          // the model: cells with fill, font, note
 *   excel.syncLog / excel.stats                             // syncs, request and response bytes
 */
import type { WorkbookSnapshot } from '../../core/snapshot';
import { FakeExcel, type FakeExcelOptions } from './excel';
import { workbookFromSnapshot } from './model';

export { FakeExcel, FAKE_PAYLOAD_LIMIT, parseAddress, fullAddress } from './excel';
export type { FakeExcelOptions, SyncRecord, InjectedFailure } from './excel';
export { FakeOfficeError, ErrorCodes } from './errors';
export {
  workbookFromSnapshot,
  snapshotFromWorkbook,
  sheetToSnapshot,
  saveWorkbook,
  openWorkbook,
  cloneWorkbook,
  emptyWorkbook,
  findSheet,
  cellAt,
  cellKey,
  keyRow,
  keyCol,
  MAX_ROWS,
  MAX_COLS,
} from './model';
export type { FakeWorkbook, FakeSheet, FakeCell, FakeFill, FakeFont, FakeNote, FakeCustomXmlPart } from './model';

/** A fake Excel holding the given snapshot's workbook. */
export function fakeExcelFromSnapshot(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(workbookFromSnapshot(snapshot), { source: snapshot.source, ...options });
}
