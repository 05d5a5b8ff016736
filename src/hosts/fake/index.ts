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
import type { CellValue, WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { WritePlan } from '../../core/plan/ops';
import { parseA1, toA1 } from '../../core/domain/a1';
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

/**
 * A formula evaluator for the fake from write plans: the value each setFormula op computed, by sheet
 * and cell (Excel would calculate it). Formulas it does not know keep their cached value.
 *
 *   excel.setEvaluator(planValues(plan)); await host.applyPlan(plan);
 */
export function planValues(...plans: WritePlan[]): (formula: string, sheet: string, address: string) => CellValue | undefined {
  const values = new Map<string, CellValue>();
  for (const plan of plans) {
    for (const op of plan.ops) {
      if (op.op !== 'setFormula') continue;
      try {
        const p = parseA1(op.cell);
        values.set(`${op.sheet.toLowerCase()}!${toA1(p.row, p.col)}`, op.value ?? null);
      } catch {
        /* not a cell: skip */
      }
    }
  }
  return (_formula, sheet, address) => {
    const k = `${sheet.toLowerCase()}!${address}`;
    return values.has(k) ? values.get(k) : undefined;
  };
}

export { measureAddin, measureFlow } from './measure';
export type { FlowMeasure, PhaseMeasure } from './measure';
