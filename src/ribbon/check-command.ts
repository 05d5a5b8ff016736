/** What the ribbon's 一键检查 does, apart from Office's plumbing (so the preview can run it too). */
import type { WorkbookHost } from '../hosts/workbook-host';
import type { Lang } from '../core/check/findings';
import { runPaneCheck, countFindings } from '../taskpane/models/check-model';
import { loadSettings } from '../taskpane/models/settings';
import { errorText } from '../taskpane/context';

export interface CommandOutcome {
  ok: boolean;
  /** One line for the user: counts, or the failure. */
  message: string;
}

/** Checks with the pane's saved settings and writes the marks and the 检查结果 sheet. Never throws. */
export async function checkCommand(host: () => Promise<WorkbookHost>, lang: Lang): Promise<CommandOutcome> {
  try {
    const settings = loadSettings();
    const state = await runPaneCheck(await host(), settings, lang);
    const c = countFindings(state.result.findings);
    const message =
      lang === 'zh-CN'
        ? `检查完成：${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`
        : `Checked: ${c.error} errors, ${c.warning} warnings, ${c.info} info`;
    return { ok: true, message };
  } catch (e) {
    return { ok: false, message: errorText(e, lang) };
  }
}
