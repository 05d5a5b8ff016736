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
import { runScore } from '../score/run';
import { reviewStated } from '../score/review';
import { holdsScores } from './rules/score-review';

export interface CheckResult {
  model: WorkbookModel;
  findings: Finding[];
  /** The workbook as read (snapshot, grids, model), for a score or row operation that follows. */
  context: WorkbookContext;
}

export function runCheck(input: WorkbookSnapshot | WorkbookContext, profile: Profile): CheckResult {
  const context = workbookContext(input);
  // A filled 自评表 is reviewed against its own rules: the scorer recomputes every score it states, keeping
  // the user's (no overwrite), and the review rules report where they differ. A table without scores is not scored.
  let scoreFindings: Finding[] | undefined;
  if (holdsScores(context.model)) {
    const scores = runScore(context, profile);
    scoreFindings = [...scores.findings, ...reviewStated(scores)];
  }
  const findings = checkWorkbook(context.model, { profile, scoreFindings });
  return { model: context.model, findings, context };
}

export function checkPlan(result: CheckResult, lang: Lang, colours?: MarkColours): WritePlan {
  return planMarks(result.findings, lang, result.model.source, colours);
}
