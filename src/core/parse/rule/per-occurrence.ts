/** Per occurrence: `每发生一起扣5分`, `每出现一个…扣0.5分`, `每次加1分`. */
import type { ParsedRule, PerOccurrenceRule } from '../../model';
import { CN_NUMERAL_CHARS } from '../numbers';
import { findBase, findCap, NUM, unspecified, type RuleContext } from './clauses';

/** The words that make a `每…` clause count events: `每发生一起`, `每出现一个…`, `每次`, `每有1人次投诉`. */
const OCCURRENCE_START = /^(?:出现|发生|有|存在|发现|被|收到|接到|查出|查实|造成|次|起|例|件|宗|人次)/;
const OCCURRENCE_COUNT = new RegExp(`(?:\\d+|[${CN_NUMERAL_CHARS}])(?:起|次|例|件|宗|人次|个|项|处|家|条|份|户|篇|名|人)`);
/** After a comma inside a `每…扣N分` clause, only a short link (`则`, `即`) may precede the deduction. */
const MAX_WORDS_AFTER_COMMA = 2;
const OCCURRENCE_EFFECT = new RegExp(`^([^每;。]{0,40}?)(扣除|扣减|扣|减|加)(${NUM})分`);

/**
 * `每发生一起扣5分`, `每出现一个专项未按进度完成资金下达扣0.5分，扣完为止`, `每次加1分`.
 * Several clauses must agree, else unspecified.
 */
export function parsePerOccurrence(body: string, ctx: RuleContext): ParsedRule | null {
  const clauses: { index: number; pointsPer: number; effect: PerOccurrenceRule['effect'] }[] = [];
  for (let i = body.indexOf('每'); i >= 0; i = body.indexOf('每', i + 1)) {
    const m = OCCURRENCE_EFFECT.exec(body.slice(i + 1, i + 64));
    if (!m) continue;
    const between = m[1];
    if (!OCCURRENCE_START.test(between) && !OCCURRENCE_COUNT.test(between)) continue;
    // `每发生一起，扣5分` is one clause; `每季度报送一次，未按时报送扣1分` is two (not a count of events).
    const comma = between.lastIndexOf(',');
    if (comma >= 0 && between.length - comma - 1 > MAX_WORDS_AFTER_COMMA) continue;
    clauses.push({ index: i, pointsPer: Number(m[3]), effect: m[2] === '加' ? 'add' : 'deduct' });
  }
  if (clauses.length === 0) return null;
  const first = clauses[0];
  if (clauses.some((c) => c.pointsPer !== first.pointsPer || c.effect !== first.effect)) return unspecified(ctx);
  const base = findBase(body, first.index);
  const rule: PerOccurrenceRule = {
    family: 'perOccurrence',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: base ?? ctx.statedWeight,
    pointsPer: first.pointsPer,
    effect: first.effect,
    base,
    cap: findCap(body),
  };
  return rule;
}
