/** The .xlsx host: read workbooks into snapshots (exceljs), apply write plans (excelize). */
export { readWorkbook, readWorkbookFile, WorkbookReadError, dateToIso } from './read';
export type { WorkbookReadErrorReason } from './read';
export { applyPlanToXlsx, SHEET_MARKER_NOTE, NOTE_AUTHOR } from './write';
