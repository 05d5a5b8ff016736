/** Threshold + formula: `得分=（实际完成率-60%）/（1-60%）*10`, nothing below the threshold rate. */
import type { Expr, ParsedRule, ThresholdRule } from '../../model';
import { evalExpr, parseExpr, usesVariable } from '../expr';
import { tidy } from '../numbers';
import { NUM, unspecified, type RuleContext } from './clauses';

/**
 * `完成率小于60%为不及格，不得分；大于等于60%，…得分=（实际完成率-60%）/（1-60%）*10，
 * 完成率=实际完成值/指标值*100%`.
 * - The formula follows `得分=`; a `得分=` whose formula cannot be read makes the rule unspecified.
 *   `得分为…` counts only when it reads as a formula of the result (`低于60%得分为0` does not).
 * - The threshold is the rate written with 小于/低于/不足 (or 大于等于/不低于) outside the formula;
 *   a formula with no threshold has threshold 0. Two different thresholds → unspecified.
 * - maxAward is the largest value of the formula for rate in [threshold, 1].
 */
export function parseThreshold(body: string, ctx: RuleContext): ParsedRule | null {
  const strong = body.indexOf('得分=');
  const weak = strong < 0 ? body.search(/得分为:?/) : -1;
  if (strong < 0 && weak < 0) return null;
  const at = strong >= 0 ? strong + 3 : weak + (body[weak + 3] === ':' ? 4 : 3);
  const parsed = parseExpr(body, at, ctx.statedWeight);
  const formula = parsed && formulaEndsCleanly(body, parsed.end) && usesVariable(parsed.expr) ? parsed.expr : null;
  if (!formula || !parsed) return strong >= 0 ? unspecified(ctx) : null;

  const outside = `${body.slice(0, at)},${body.slice(parsed.end)}`.replace(/完成率=[^,;。]*/g, ',');
  const threshold = findThresholdRate(outside);
  if (threshold === undefined) return unspecified(ctx);
  const rateDefinition = findRateDefinition(body);
  const rule: ThresholdRule = {
    family: 'threshold',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: maxOfFormula(formula, threshold, rateDefinition),
    threshold,
    formula,
    rateDefinition,
  };
  return rule;
}

/** After the formula: the end, a separator, a bracket note or the word 分 (`…*10分`). */
function formulaEndsCleanly(body: string, end: number): boolean {
  const next = body[end];
  return next === undefined || /[,;。.(分]/.test(next);
}

/** The completion rate below which nothing is awarded, as a fraction; undefined when contradictory. */
function findThresholdRate(outside: string): number | undefined {
  const below = new RegExp(`(?:小于|低于|不足|不到|未达到|未达|<)(${NUM})%`).exec(outside);
  const atLeast = new RegExp(`(?:大于等于|大于或等于|不低于|不少于|达到|≥|>=)(${NUM})%`).exec(outside);
  const values = [below, atLeast].filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]) / 100);
  if (values.length === 0) return 0;
  if (values.some((v) => v !== values[0])) return undefined;
  return values[0];
}

/** `完成率=实际完成值/指标值` (正向) or `完成率=指标值/实际完成值` (反向); 正向 when not written. */
function findRateDefinition(body: string): ThresholdRule['rateDefinition'] {
  const m = /完成率=([^,;。]{0,40})/.exec(body);
  if (!m) return 'actualOverTarget';
  const [num, den] = m[1].split(/[/÷]/);
  if (den === undefined) return 'actualOverTarget';
  const isTarget = (t: string) => /指标值|目标值|计划|标准值|预算/.test(t);
  const isActual = (t: string) => /实际|完成值|完成数/.test(t);
  if (isTarget(num) && isActual(den)) return 'targetOverActual';
  return 'actualOverTarget';
}

/** The most the formula awards for a rate in [threshold, 1] (sampled; the formulas are monotone in practice). */
function maxOfFormula(formula: Expr, threshold: number, def: ThresholdRule['rateDefinition']): number | null {
  const low = Math.min(Math.max(threshold, 0), 1);
  const samples = 200;
  let best = -Infinity;
  for (let k = 0; k <= samples; k++) {
    const rate = low + ((1 - low) * k) / samples;
    // Target 1, actual chosen so that the rate definition gives `rate`.
    const actual = def === 'actualOverTarget' ? rate : rate === 0 ? Infinity : 1 / rate;
    const v = evalExpr(formula, { rate, actual, target: 1 });
    if (Number.isFinite(v) && v > best) best = v;
  }
  return best === -Infinity ? null : tidy(best);
}
