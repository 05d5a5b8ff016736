/** The pane's WorkbookHost in Excel: the Office.js host (src/hosts/office) over the running Excel. */
import type { WorkbookHost } from '../hosts/workbook-host';
import { createOfficeHost } from '../hosts/office/office-entry';

export async function createPaneHost(): Promise<WorkbookHost> {
  return createOfficeHost();
}
