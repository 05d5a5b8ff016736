/** One-click fixes: the findings of the last check that carry a fix, planned on a fresh read and applied. No React. */
import type { WorkbookHost, ApplyReport } from '../../hosts/workbook-host';
import type { Finding } from '../../core/check/findings';
import { runCheck } from '../../core/check/engine';
import { createOpsContext } from '../../core/edit/context';
import { planFixes, type FixPlanResult } from '../../core/edit/fixes';
import { profileFor, type Settings } from './settings';
import { workbookContext } from '../../core/workbook';

export function fixable(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.fix);
}

const same = (a: Finding, b: Finding) => a.id === b.id && a.sheet === b.sheet && a.cell === b.cell && a.fix?.id === b.fix?.id;

export interface FixRun {
  result: FixPlanResult;
  report: ApplyReport | null;
}

/**
 * Applies the fixes of `chosen` (findings of an earlier check): the workbook is read and checked again, so
 * the fixes are planned on what is there now; a finding that is gone is not fixed. `chosen` empty = every safe fix.
 */
export async function applyFixes(host: WorkbookHost, settings: Settings, chosen: Finding[]): Promise<FixRun> {
  const context = workbookContext(await host.readWorkbook());
  const { profile } = profileFor(settings, context.model);
  const now = runCheck(context, profile);
  const ctx = createOpsContext(now.context, { profile });
  const findings = chosen.length ? now.findings.filter((f) => chosen.some((c) => same(c, f))) : now.findings;
  const only = chosen.length ? [...new Set(chosen.map((c) => c.fix!.id))] : undefined;
  const result = planFixes(ctx, findings, only ? { only } : {});
  if (result.plan.ops.length === 0) return { result, report: null };
  const report = await host.applyPlan(result.plan);
  return { result, report };
}
