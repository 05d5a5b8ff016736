/** Per occurrence: the count in the actual cell (or 无), each occurrence deducting (or adding) its points, capped. */
import type { PerOccurrenceRule } from '../../model';
import { D, Dec, fmt, lit, maxD, minD, roundScore } from '../num';
import { bi, join } from '../explain';
import type { Bilingual } from '../types';
import { anyOf } from './grade';
import { review, ruleText, scored, waiting, type MethodInput, type MethodOutcome } from './outcome';
import { needWeight } from './values';

/** Words for "none happened" in a per-occurrence count. */
export const NONE_WORDS = ['无', '未发生', '没有', '没有发生', '零'];

/** `规则：每发生一次扣 N 分，…`. */
export function describePerOccurrence(rule: PerOccurrenceRule): Bilingual {
  return rule.effect === 'deduct'
    ? bi(
        `规则：每发生一次扣 ${fmt(rule.pointsPer)} 分，${rule.cap !== null ? `最多扣 ${fmt(rule.cap)} 分` : '扣完为止'}。`,
        `Rule: −${fmt(rule.pointsPer)} per occurrence, ${rule.cap !== null ? `at most ${fmt(rule.cap)} deducted` : 'down to 0'}.`,
      )
    : bi(`规则：每发生一次加 ${fmt(rule.pointsPer)} 分，不超过分值。`, `Rule: +${fmt(rule.pointsPer)} per occurrence, up to the weight.`);
}

export function scorePerOccurrence(input: MethodInput, rule: PerOccurrenceRule): MethodOutcome {
  const w = input.weight;
  const base = rule.base !== null ? D(rule.base) : (w?.value ?? null);
  const baseExpr = rule.base !== null ? lit(rule.base) : (w?.expr ?? '');
  const head = join(ruleText(input, rule, base, describePerOccurrence), base ? bi(`（满分 ${fmt(base)} 分）`, `(from ${fmt(base)})`) : bi('', ''));
  if (base === null) return review('perOccurrence', head, needWeight(input) as Bilingual);
  const a = input.actual;
  const ref = input.ref;
  let count: Dec | null = null;
  let guard: (body: string) => string;
  const noneTest = anyOf(`TRIM(${ref})`, NONE_WORDS);
  if (a.kind === 'empty') {
    guard = (b) => `IF(${noneTest},${b.replace(/\$COUNT\$/g, '0')},IF(ISNUMBER(${ref}),${b.replace(/\$COUNT\$/g, ref)},""))`;
  } else if (a.kind === 'number' && !a.percent) {
    count = a.value;
    if (!a.plainCell) guard = (b) => b.replace(/\$COUNT\$/g, a.expr);
    else guard = (b) => `IF(${noneTest},${b.replace(/\$COUNT\$/g, '0')},IF(ISNUMBER(${ref}),${b.replace(/\$COUNT\$/g, ref)},""))`;
  } else if (a.kind === 'text' && NONE_WORDS.includes(a.text)) {
    count = D(0);
    guard = (b) => `IF(${noneTest},${b.replace(/\$COUNT\$/g, '0')},IF(ISNUMBER(${ref}),${b.replace(/\$COUNT\$/g, ref)},""))`;
  } else if (a.kind === 'bad') {
    return review('perOccurrence', head, a.reason);
  } else {
    const shown = a.kind === 'text' ? `「${a.text}」` : '';
    return review('perOccurrence', head, bi(`实际完成值${shown}应为发生次数（如 0、2，或“无”）。`, `The actual value${shown ? ` ${shown}` : ''} should be a count of occurrences (such as 0, 2 or 无).`));
  }
  if (count !== null && !count.isInteger()) {
    return review('perOccurrence', head, bi(`发生次数 ${fmt(count)} 不是整数。`, `The count ${fmt(count)} is not a whole number.`));
  }
  if (count !== null && count.isNegative()) return review('perOccurrence', head, bi(`发生次数 ${fmt(count)} 为负数。`, `The count ${fmt(count)} is negative.`));
  const C = '$COUNT$';
  let body: string;
  if (rule.effect === 'deduct') {
    const ded = rule.cap !== null ? `MIN(${lit(rule.cap)},${C}*${lit(rule.pointsPer)})` : `${C}*${lit(rule.pointsPer)}`;
    body = `ROUND(MAX(0,${baseExpr}-${ded}),2)`;
  } else {
    const max = w ? w.expr : baseExpr;
    body = rule.base !== null ? `ROUND(MIN(${max},${baseExpr}+${C}*${lit(rule.pointsPer)}),2)` : `ROUND(MIN(${max},${C}*${lit(rule.pointsPer)}),2)`;
  }
  const formula = guard(body);
  if (count === null) return waiting('perOccurrence', head, formula);
  let score: Dec;
  let text: Bilingual;
  if (rule.effect === 'deduct') {
    let ded = count.times(rule.pointsPer);
    const capped = rule.cap !== null && ded.greaterThan(rule.cap);
    if (capped) ded = D(rule.cap!);
    score = maxD(D(0), base.minus(ded));
    text = bi(
      `实际发生 ${fmt(count)} 次，扣 ${fmt(ded)} 分${capped ? `（以 ${fmt(rule.cap!)} 分为限）` : ''}，得 ${fmt(roundScore(score))} 分。`,
      `${fmt(count)} occurrence${count.equals(1) ? '' : 's'}: −${fmt(ded)}${capped ? ` (capped at ${fmt(rule.cap!)})` : ''}, score ${fmt(roundScore(score))}.`,
    );
  } else {
    const max = w ? w.value : base;
    const sum = (rule.base !== null ? base : D(0)).plus(count.times(rule.pointsPer));
    score = minD(max, sum);
    text = bi(`实际发生 ${fmt(count)} 次，加 ${fmt(count.times(rule.pointsPer))} 分，得 ${fmt(roundScore(score))} 分。`, `${fmt(count)} occurrence(s): +${fmt(count.times(rule.pointsPer))}, score ${fmt(roundScore(score))}.`);
  }
  return scored('perOccurrence', score, formula, join(head, text));
}
