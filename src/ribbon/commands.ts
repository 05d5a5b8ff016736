/**
 * Function commands: the ribbon's 一键检查 (Check Now) runs the same check as the pane's 检查 button, with the
 * pane's saved settings (same origin, same localStorage), without opening the pane. The marks and the 检查结果
 * sheet are the feedback; a failure (protected sheet, cell-edit mode, missing API) opens a small dialog with
 * the host's message, since a function command has no UI of its own.
 */
import '../taskpane/zod-setup';
import { createPaneHost } from '../taskpane/office-host';
import { loadSettings } from '../taskpane/models/settings';
import { langFromDisplay } from '../taskpane/strings';
import type { Lang } from '../core/check/findings';
import { checkCommand } from './check-command';

function paneLang(): Lang {
  const s = loadSettings();
  return s.language === 'auto' ? langFromDisplay(Office.context.displayLanguage) : s.language;
}

function showMessage(text: string): void {
  const url = new URL('message.html', location.href);
  url.searchParams.set('m', text);
  Office.context.ui.displayDialogAsync(url.href, { height: 25, width: 30, displayInIframe: true });
}

async function runCheckCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const out = await checkCommand(createPaneHost, paneLang());
    if (!out.ok) showMessage(out.message);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('runCheckCommand', runCheckCommand);
});
