/** Check: host → engine → marks, and the grouping the pane shows. No React here. */
import type { WorkbookHost } from '../../hosts/workbook-host';
import type { Finding, Lang, Severity } from '../../core/check/findings';
import { runCheck, checkPlan } from '../../core/check/engine';
import type { CheckState } from '../context';
import { profileFor, type Settings } from './settings';
import { workbookContext } from '../../core/workbook';

/**
 * Runs a check: the workbook is read and checked, and the marks and the 检查结果 sheet are written in one
 * plan that also restores the cells an earlier run marked and this one does not (a fixed problem loses its mark).
 */
export async function runPaneCheck(host: WorkbookHost, settings: Settings, lang: Lang): Promise<CheckState> {
  const context = workbookContext(await host.readWorkbook());
  const { profile, choice } = profileFor(settings, context.model);
  const result = runCheck(context, profile);
  const plan = checkPlan(result, lang, settings.colours);
  const report = await host.applyPlan(plan, { replaceMarks: true });
  const short = (n: string) => n.split(/[：:]/)[0];
  const profileChoice = choice && { name: { 'zh-CN': short(profile.name), 'en-US': short(profile.nameEn ?? profile.name) }, points: choice.points, fromTable: choice.from === 'table' };
  return { result, report, at: new Date(), profileId: profile.id, profileChoice };
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface FindingGroup {
  key: string;
  sheet: string;
  /** Project name, or null for findings on the table as a whole. */
  project: string | null;
  findings: Finding[];
  counts: Counts;
}

export function countFindings(findings: Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Findings grouped by sheet and project, in the order they come (sheet order, then row). */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.project ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, sheet: f.sheet, project: f.project, findings: [], counts: { error: 0, warning: 0, info: 0 } };
      groups.set(key, g);
    }
    g.findings.push(f);
    g.counts[f.severity]++;
  }
  return [...groups.values()];
}

export function filterFindings(findings: Finding[], shown: Record<Severity, boolean>): Finding[] {
  return findings.filter((f) => shown[f.severity]);
}

export function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}#${f.id}`;
}
