/** What every tab of the pane shares: the host, the language and words, settings, the last check, and a runner for host calls. */
import { createContext, useContext } from 'react';
import type { WorkbookHost } from '../hosts/workbook-host';
import { HostError } from '../hosts/workbook-host';
import type { Bilingual, Lang } from '../core/check/findings';
import type { CheckResult } from '../core/check/engine';
import type { ApplyReport } from '../hosts/workbook-host';
import type { UiStrings } from './strings';
import type { Settings } from './models/settings';

export interface CheckState {
  result: CheckResult;
  report: ApplyReport;
  at: Date;
  /** Profile id the check ran with. */
  profileId: string;
  /**
   * The profile the tables chose (settings: 按表自动选择): its short name (before its weights), the points the
   * tables' weights add up to, and whether the tables showed their framework at all; null when the settings name one.
   */
  profileChoice: { name: Bilingual; points: number | null; fromTable: boolean } | null;
}

export interface Notice {
  intent: 'success' | 'error' | 'warning' | 'info';
  text: string;
}

export interface PaneContextValue {
  host: WorkbookHost;
  lang: Lang;
  t: UiStrings;
  settings: Settings;
  setSettings(s: Settings): void;
  check: CheckState | null;
  setCheck(c: CheckState | null): void;
  /** Last result of a tab that keeps one across tab switches (score, insert), by tab. */
  tabState: Record<string, unknown>;
  setTabState(tab: string, value: unknown): void;
  /** What is running ('check', 'score', …) or null. Buttons are disabled while something runs. */
  busy: string | null;
  /** Runs a host action: marks the pane busy, shows a HostError's message in the pane, returns undefined on failure. */
  run<T>(what: string, action: () => Promise<T>): Promise<T | undefined>;
  notify(n: Notice | null): void;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const v = useContext(PaneContext);
  if (!v) throw new Error('usePane outside PaneContext');
  return v;
}

/** A failure as the pane shows it: HostError in the pane's language, with its place; anything else by its message. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof HostError || (e && typeof e === 'object' && 'messages' in e && (e as HostError).messages?.[lang])) {
    const h = e as HostError;
    const text = h.messages[lang];
    // The place, unless the message names it already (a sheet-level failure points at A1 of that sheet).
    let place = '';
    if (h.where) place = text.includes(h.where.sheet) ? (h.where.cell && h.where.cell !== 'A1' ? h.where.cell : '') : `${h.where.sheet}!${h.where.cell}`;
    return place ? (lang === 'zh-CN' ? `${text}（${place}）` : `${text} (${place})`) : text;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}
