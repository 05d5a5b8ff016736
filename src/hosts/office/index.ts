/**
 * The Office.js host (a WorkbookHost, src/hosts/workbook-host.ts) and its pieces.
 *
 *   In Excel:        import { createOfficeHost } from '../hosts/office/office-entry';
 *                    const host = createOfficeHost();                 // after Office.onReady
 *   In the preview:  const host = new OfficeHost(new FakeExcel(workbook, options));   // src/hosts/fake
 *
 *   host.capabilities                  { notes: ExcelApi 1.18 present, ledger: 'customXml' }
 *   await host.readWorkbook()          WorkbookSnapshot (one sync per sheet)
 *   await host.applyPlan(plan, { replaceMarks })   ApplyReport (reads, then one write sync)
 *   await host.clearMarks()            ClearReport
 *   await host.select({ sheet, cell }) / await host.getSelection()
 *   host.lastRun                       syncs of the last call
 *
 * Failures are HostError (code 'protected' | 'editMode' | 'unsupported' | 'tooLarge' | 'failed', with
 * zh-CN and en-US messages); after one, the workbook is as it was.
 *
 * This index does not touch the Excel globals (office-entry.ts does), so it can be imported anywhere.
 */
export { OfficeHost, REQUIRED_API, NOTES_API } from './office-host';
export type { OfficeHostOptions } from './office-host';
export { isGeneratedMarker, markColor } from './marks';
export { LEDGER_NAMESPACE, ledgerFromXml, ledgerToXml, ledgerToParts, noteWithoutOurs } from './ledger';
export type { Ledger, LedgerCell, CellState, FillState } from './ledger';
export type { ExcelEnvironment } from './excel-api';
export { DEFAULT_BUDGET } from './session';
export type { Budget, RunStats } from './session';
