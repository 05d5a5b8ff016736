// Builds the WorkbookHost over Office.js (src/hosts/office). Filled in when the Office host lands.
import type { WorkbookHost } from '../hosts/workbook-host';

export async function createPaneHost(): Promise<WorkbookHost> {
  throw new Error('Office host not available in this build');
}
