/** The .xlsx host: read workbooks into snapshots (exceljs), apply write plans and clear marks (write.ts: the zip and XML writer). */
export { readWorkbook, readWorkbookFile, WorkbookReadError, dateToIso } from './read';
export type { WorkbookReadErrorReason } from './read';
export { applyPlanToXlsx, writePlan, PlanApplyError, NOTE_AUTHOR, type XlsxWriteOptions } from './write';
export { clearXlsx, type XlsxClearReport } from './clear';
