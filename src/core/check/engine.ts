/** The pure pipeline: snapshot → table model → findings → write plan. No host, no I/O. */
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { WorkbookModel } from '../model';
import type { Finding, Lang } from './findings';
import type { Profile } from '../profile';
import type { WritePlan } from '../plan/ops';
import { workbookContext, type WorkbookContext } from '../workbook';
import { checkWorkbook } from './run';
import { planMarks } from './marks';
import type { MarkColours } from '../plan/conventions';

export interface CheckResult {
  model: WorkbookModel;
  findings: Finding[];
  /** The workbook as read (snapshot, grids, model), for a score or row operation that follows. */
  context: WorkbookContext;
}

export function runCheck(input: WorkbookSnapshot | WorkbookContext, profile: Profile): CheckResult {
  const context = workbookContext(input);
  const findings = checkWorkbook(context.model, { profile });
  return { model: context.model, findings, context };
}

export function checkPlan(result: CheckResult, lang: Lang, colours?: MarkColours): WritePlan {
  return planMarks(result.findings, lang, result.model.source, colours);
}
