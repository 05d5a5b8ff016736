/**
 * A 自评表 filled in as a careful unit would: every 得分 the score its rule gives, 预算执行率's too, the 总分
 * their sum and the 自评等级 its grade. The review cases (test/core/check/rules/self-score-mismatch.test.ts, …)
 * start from it and change one cell.
 */
import type { WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { runScore, gradeOf } from '../../../src/core/score';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { standardSelfEval, type SelfEvalSheet, type SelfEvalSpec } from './selfeval-builder';
import { setCell } from './harness';

export interface FilledSelfEval extends SelfEvalSheet {
  book: WorkbookSnapshot;
  /** The 总分 written (Σ of the scores). */
  total: number;
}

/** `standardSelfEval(opts)` with its scores, total and grade written in. */
export function filledSelfEval(opts: Partial<SelfEvalSpec> = {}): FilledSelfEval {
  const s = standardSelfEval(opts);
  const book: WorkbookSnapshot = { source: 'test', sheets: [s.sheet] };
  const r = runScore(book, BUILTIN_PROFILES.national, { overwrite: true });
  const p = r.projects[0];
  for (const ind of p.indicators) if (ind.score !== null) setCell(s.sheet, ind.cell, ind.score);
  if (p.budgetExecution?.score != null) setCell(s.sheet, p.budgetExecution.cell, p.budgetExecution.score);
  const total = p.total!;
  setCell(s.sheet, `H${s.rows.total}`, total);
  if (s.rows.grade !== null) setCell(s.sheet, `G${s.rows.grade}`, gradeOf(total));
  return { ...s, book, total };
}
