/**
 * Scoring (绩效自评): the score of every indicator by the rule written in its row, as a live Excel formula
 * with its cached value and an explanation, totals and grades. Pure: no host, no I/O.
 *
 *   const result = runScore(snapshot, profile, { overwrite, addActual });
 *   const plan = scorePlan(result, 'zh-CN'); // apply with any host
 */
export { runScore, gradeOf, isOwnScoreFormula, ADDED_HEADERS } from './run';
export { scorePlan } from './plan';
export { scoreIndicator, FULL_GRADES, ZERO_GRADES, PARTIAL_PREFIXES, PARTIAL_MIN, PARTIAL_MAX } from './methods';
export type { MethodInput, MethodOutcome } from './methods';
export {
  ScoreReportSchema,
  ScoreFileReportSchema,
  ProjectScoreSchema,
  IndicatorScoreSchema,
  SCORE_REPORT_VERSION,
  scoreFileReport,
} from './report';
export type { ScoreReport, ScoreFileReport } from './report';
export type {
  AddedColumn,
  Bilingual,
  BudgetExecutionScore,
  Grade,
  IndicatorScore,
  ProjectScore,
  ScoreMethod,
  ScoreOptions,
  ScoreResult,
} from './types';
