/**
 * The task pane's entry. In Excel: waits for Office, builds the Office.js host and mounts the pane in the
 * pane's language. In the preview page: the preview script published window.__jixiaoPreview (a host over
 * the fake Excel API) before this bundle ran, and the pane mounts beside the workbook view.
 */
import './zod-setup';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { langFromDisplay } from './strings';
import { createPaneHost } from './office-host';

function mount(container: HTMLElement, props: Parameters<typeof App>[0]): void {
  createRoot(container).render(<App {...props} />);
}

/** Whether Office's theme is dark (body background darker than mid grey). */
function isDark(bg: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bg ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

function showOutsideOffice(container: HTMLElement): void {
  container.innerHTML = '';
  const p = document.createElement('p');
  p.style.cssText = 'font-family: sans-serif; padding: 16px; line-height: 1.6';
  p.textContent = '请在 Excel 中打开此加载项（开始 › 绩效目标表 › 绩效助手）。 / Open this add-in in Excel (Home › Target Tables › Assistant).';
  container.append(p);
}

const preview = window.__jixiaoPreview;
if (preview) {
  mount(preview.container, { host: preview.host, officeLang: langFromDisplay(preview.displayLanguage) });
} else {
  const container = document.getElementById('root')!;
  if (typeof Office === 'undefined') {
    showOutsideOffice(container);
  } else {
    void Office.onReady(async (info) => {
      if (info.host !== Office.HostType.Excel) {
        showOutsideOffice(container);
        return;
      }
      const host = await createPaneHost();
      mount(container, {
        host,
        officeLang: langFromDisplay(Office.context.displayLanguage),
        dark: isDark(Office.context.officeTheme?.bodyBackgroundColor),
      });
    });
  }
}
