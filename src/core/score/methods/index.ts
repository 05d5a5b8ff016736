/**
 * Score functions, one per rule family, each giving three things that agree: the score (in decimal
 * arithmetic), the Excel formula that computes it from the sheet's own cells, and the explanation.
 *
 * Every method is called with the inputs read from the sheet (inputs.ts). The caller wraps the formula
 * in `IF(TRIM(actual)="","",…)`, so a cleared actual value clears the score. A method either scores,
 * or returns a review reason and no formula (never a guess). When the actual value is empty, a method
 * still returns its formula (so the score follows once the value is entered) with no score.
 *
 * Each family is one file here (its scorer and the description of its rule); default.ts holds the
 * national defaults for a rule with no computable method, with the time target (on-time.ts) and the
 * grade words (grade.ts) they and binary rules share. The registry below is typed by the family list
 * in domain/framework.ts, so a family without a scorer is a compile error.
 */
import type { ParsedRule, RuleFamily } from '../../model';
import type { MethodInput, MethodOutcome } from './outcome';
import { scoreStep } from './step';
import { scoreThreshold } from './threshold';
import { scoreTier } from './tier';
import { scoreBinary } from './binary';
import { scorePerOccurrence } from './per-occurrence';
import { scoreChecklist } from './checklist';
import { scoreUnspecified } from './default';

export type { MethodInput, MethodOutcome } from './outcome';
export { FULL_GRADES, ZERO_GRADES, PARTIAL_PREFIXES, PARTIAL_MIN, PARTIAL_MAX, readGrade } from './grade';
export { NONE_WORDS, scorePerOccurrence } from './per-occurrence';
export { readItems, scoreChecklist } from './checklist';
export { inTier, tierChain, scoreTier } from './tier';
export { scoreStep } from './step';
export { scoreThreshold } from './threshold';
export { scoreBinary } from './binary';
export { scoreUnspecified } from './default';

/** The rule type of a family. */
type RuleOf<F extends RuleFamily> = Extract<ParsedRule, { family: F }>;

/** A family's scorer: the outcome of one indicator whose rule is of that family. */
export type FamilyScorer<F extends RuleFamily> = (input: MethodInput, rule: RuleOf<F>) => MethodOutcome;

/** One scorer per rule family; `unspecified` takes the national defaults. */
const SCORERS: { readonly [F in RuleFamily]: FamilyScorer<F> } = {
  step: scoreStep,
  threshold: scoreThreshold,
  tier: scoreTier,
  binary: scoreBinary,
  perOccurrence: scorePerOccurrence,
  checklist: scoreChecklist,
  unspecified: scoreUnspecified,
};

export function scoreIndicator(input: MethodInput): MethodOutcome {
  const rule = input.rule;
  // The scorer found by the rule's family takes that family's rule (a correlation TypeScript cannot follow).
  return (SCORERS[rule.family] as FamilyScorer<RuleFamily>)(input, rule);
}
