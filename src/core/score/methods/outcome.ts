/**
 * What every score method is given and returns, and the three ways it returns: scored, waiting for the
 * actual value (the formula is written, no score yet), or review (a reason, no formula: never a guess).
 */
import type { Indicator, ParsedRule } from '../../model';
import { Dec, roundScore } from '../num';
import type { ActualValue, DirectionInfo, TargetValue, WeightValue } from '../inputs';
import { bi, join } from '../explain';
import type { Bilingual, ScoreMethod } from '../types';

export interface MethodInput {
  ind: Indicator;
  rule: ParsedRule;
  actual: ActualValue;
  /** A1 of the actual cell. */
  ref: string;
  target: TargetValue;
  weight: WeightValue | null;
  dir: DirectionInfo;
  /** Unit of the 度量单位 column (for messages). */
  unit: string | null;
  /** The actual cell's number format shows percent (for the formula of an empty cell). */
  actualPercentFormat: boolean;
}

export interface MethodOutcome {
  method: ScoreMethod;
  /** The score (rounded to 2 decimals), or null (review, or no actual value yet). */
  score: number | null;
  /** The formula's body (without the empty guard and '='), or null when none is written. */
  formula: string | null;
  explanation: Bilingual;
  /** Set when the indicator needs review (the score is null). */
  review: Bilingual | null;
}

export function review(method: ScoreMethod, explanation: Bilingual, reason: Bilingual): MethodOutcome {
  return { method, score: null, formula: null, explanation: join(explanation, reason), review: reason };
}

const NO_ACTUAL = bi('实际完成值未填写。', 'The actual value is not filled in.');

export function waiting(method: ScoreMethod, explanation: Bilingual, formula: string | null): MethodOutcome {
  return { method, score: null, formula, explanation: join(explanation, bi('实际完成值未填写；填写后自动计分。', 'The actual value is not filled in; scored once it is.')), review: NO_ACTUAL };
}

export function scored(method: ScoreMethod, score: Dec, formula: string, explanation: Bilingual): MethodOutcome {
  return { method, score: roundScore(score), formula, explanation, review: null };
}

/** What a rule's description depends on besides the rule. `rate`: the target is a rate (percent steps are points). */
export interface RuleTextContext {
  rate: boolean;
  unit: string | null;
  base: Dec | null;
}

/** A family's description of its rule, in one sentence (`规则：…`). */
export type DescribeRule<R extends ParsedRule> = (rule: R, ctx: RuleTextContext) => Bilingual;

/** The rule as understood, described by its family's `describe`; shared by every row the rule scores. */
export function ruleText<R extends ParsedRule>(input: MethodInput, rule: R, base: Dec | null, describe: DescribeRule<R>): Bilingual {
  const t = input.target;
  const rate = t.kind === 'number' && t.percent;
  const unit = t.kind === 'number' ? (t.unit ?? input.unit) : input.unit;
  // The same rule is described for every row it scores (the parser shares one object per text).
  let byRule = RULE_TEXTS.get(rule);
  if (byRule === undefined) RULE_TEXTS.set(rule, (byRule = new Map()));
  const key = `${rate ? 1 : 0}${base === null ? '' : base.toString()}\u0001${unit ?? ''}`;
  let text = byRule.get(key);
  if (text === undefined) {
    if (byRule.size >= 1000) byRule.clear();
    byRule.set(key, (text = describe(rule, { rate, unit, base })));
  }
  return text;
}

/** Rule descriptions by parsed rule, then rate/base/unit (Bilingual values are shared and never changed). */
const RULE_TEXTS = new WeakMap<ParsedRule, Map<string, Bilingual>>();
