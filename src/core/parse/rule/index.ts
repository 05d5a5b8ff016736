/**
 * 评（扣）分标准: the scoring rule of an indicator, read into one of the rule families
 * (domain primer §4). The parser is conservative: a family is given only on wording it
 * recognises (a formula that reads, a range before every award, a `每…扣N分` clause, …), and
 * contradictory clauses make the rule 'unspecified' (then the national defaults apply):
 * when in doubt, unspecified, never a wrong rule.
 *
 * Families are tried from the strongest signal to the weakest:
 *   1. threshold  — a formula `得分=…` (a formula it cannot read makes the rule unspecified);
 *   2. tier       — every `计N分`/`不得分` is preceded by a range (`95%（含）以上`, `85%-95%`);
 *   3. checklist  — numbered items (①②③, (1)(2), 1. 2.) each with points, or `每少一项扣N分`;
 *   4. step       — `每超过10%扣2分`, `每降低1%扣2分`, `每相差3%扣1分`, `每超过一个百分点扣0.5分`;
 *   5. perOccurrence — `每发生一起扣5分`, `每出现一个…扣0.5分`;
 *   6. binary     — `达到目标值计20分，否则不得分`, `未达到标准值不得分`, `按时完成计10分`;
 *   7. unspecified.
 *
 * Each family is one file here (its parser, the regular expressions and helpers it alone uses); the
 * registry below, typed by the family list in domain/framework.ts, makes a family without a parser
 * a compile error.
 *
 * The weight statement (`该指标分值为20分`, `分值：10分`, `(10分)`) is read first and removed from
 * the text, so its `N分` does not count as an award. `statedWeight` and `maxAward` are kept apart:
 * `该指标分值为10分，…以内计20分，…` has statedWeight 10 and maxAward 20 (a check compares them).
 *
 * Only the first MAX_RULE_CHARS characters of a rule are read: real rules are a few dozen to a
 * few hundred characters, and the cap bounds the work on pasted or corrupted cells.
 */
import { memoString } from '../../domain/memo';
import type { ParsedRule, RuleFamily } from '../../model';
import { unspecified, type RuleContext } from './clauses';
import { findStatedWeight, normalizeRuleText } from './weight';
import { parseThreshold } from './threshold';
import { parseTier } from './tier';
import { parseChecklist } from './checklist';
import { parseStep } from './step';
import { parsePerOccurrence } from './per-occurrence';
import { parseBinary } from './binary';

export type { RuleContext } from './clauses';

/** Rules longer than this are read up to this length only (documented cap, see the file comment). */
export const MAX_RULE_CHARS = 2000;

/** Display names of the families, for findings and the UI. */
export const RULE_FAMILY_LABELS: Readonly<Record<RuleFamily, { 'zh-CN': string; 'en-US': string }>> = {
  step: { 'zh-CN': '步进扣分', 'en-US': 'step deduction' },
  threshold: { 'zh-CN': '阈值+公式', 'en-US': 'threshold + formula' },
  tier: { 'zh-CN': '分档', 'en-US': 'tiers' },
  binary: { 'zh-CN': '达标', 'en-US': 'binary' },
  perOccurrence: { 'zh-CN': '按次', 'en-US': 'per occurrence' },
  checklist: { 'zh-CN': '清单', 'en-US': 'checklist' },
  unspecified: { 'zh-CN': '未明确', 'en-US': 'unspecified' },
};

/**
 * A family's parser: the rule when the text reads as that family, `unspecified` when it does but its
 * clauses contradict each other, null when the text is not of that family (the next one is tried).
 */
export type FamilyParser = (body: string, ctx: RuleContext) => ParsedRule | null;

/**
 * One parser per family that has a computable method. The keys are in the order the parsers are
 * tried (strongest signal first, see the file comment): keep them so.
 */
const RULE_PARSERS: Readonly<Record<Exclude<RuleFamily, 'unspecified'>, FamilyParser>> = {
  threshold: parseThreshold,
  tier: parseTier,
  checklist: parseChecklist,
  step: parseStep,
  perOccurrence: parsePerOccurrence,
  binary: parseBinary,
};

/** The parsers in the order they are tried (an object's string keys keep their insertion order). */
const PARSE_ORDER: readonly FamilyParser[] = Object.values(RULE_PARSERS);

/** Reads a 评（扣）分标准 text. Always returns a rule; `text` is the input as given ('' for null). Memoised: treat the result as immutable. */
export function parseRule(text: string | null | undefined): ParsedRule {
  return parseRuleCached(text == null ? '' : String(text));
}

const parseRuleCached = memoString(parseRuleText);

function parseRuleText(original: string): ParsedRule {
  const s = normalizeRuleText(original.slice(0, MAX_RULE_CHARS));
  const weight = findStatedWeight(s);
  const body = weight ? `${s.slice(0, weight.start)},${s.slice(weight.end)}` : s;
  const ctx: RuleContext = { text: original, statedWeight: weight ? weight.value : null };
  for (let i = 0; i < PARSE_ORDER.length; i++) {
    const rule = PARSE_ORDER[i](body, ctx);
    if (rule !== null) return rule;
  }
  return unspecified(ctx);
}
