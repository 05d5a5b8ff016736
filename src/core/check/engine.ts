/** The pure pipeline: snapshot → table model → findings → write plan. No host, no I/O. */
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { WorkbookModel } from '../model';
import type { Finding, Lang } from './findings';
import type { Profile } from '../profile';
import type { WritePlan } from '../plan/ops';
import { readWorkbookModel } from '../layout/read';
import { checkWorkbook } from './run';
import { planMarks } from './marks';
import type { MarkColours } from '../plan/conventions';

export interface CheckResult {
  model: WorkbookModel;
  findings: Finding[];
}

export function runCheck(snapshot: WorkbookSnapshot, profile: Profile): CheckResult {
  const model = readWorkbookModel(snapshot);
  const findings = checkWorkbook(model, { profile });
  return { model, findings };
}

export function checkPlan(result: CheckResult, lang: Lang, colours?: MarkColours): WritePlan {
  return planMarks(result.findings, lang, result.model.source, colours);
}
