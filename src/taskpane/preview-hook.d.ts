import type { WorkbookHost } from '../hosts/workbook-host';

declare global {
  interface Window {
    /** Set by the preview page (src/preview) before the pane's bundle runs. */
    __jixiaoPreview?: { host: WorkbookHost; displayLanguage: string; container: HTMLElement };
  }
}
export {};
