/**
 * The Office.js host and its pieces.
 *
 *   In Excel:        const host = createOfficeHost();                 // from './office-entry'
 *   In the preview:  const host = new OfficeHost(new FakeExcel(...)); // src/hosts/fake
 *
 * This index does not touch the Excel globals (office-entry.ts does), so it can be imported anywhere.
 */
export { OfficeHost, REQUIRED_API, NOTES_API } from './office-host';
export type { OfficeHostOptions } from './office-host';
export { SHEET_MARKER_NOTE, isGeneratedMarker, markColor } from './apply';
export { LEDGER_NAMESPACE, ledgerFromXml, ledgerToXml, ledgerToParts, noteWithoutOurs } from './ledger';
export type { Ledger, LedgerCell, CellState, FillState } from './ledger';
export type { ExcelEnvironment } from './excel-api';
export { DEFAULT_BUDGET } from './session';
export type { Budget, RunStats } from './session';
