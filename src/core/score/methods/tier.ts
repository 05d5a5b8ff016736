/** Tiers: the points of the first tier the value (or the completion rate, when the rule speaks of one) falls in, else 0. */
import type { Tier, TierRule } from '../../model';
import { normalizeText } from '../../domain/text';
import { D, Dec, fmt, fmtPct, maxD, r10, lit } from '../num';
import { bi, join } from '../explain';
import type { Bilingual } from '../types';
import { review, ruleText, scored, waiting, type MethodInput, type MethodOutcome } from './outcome';
import { isBilingual, needActualNumber, needTargetNumber, targetUnitOf, valueText, type Num } from './values';

export function tierText(t: Tier, percent: boolean): Bilingual {
  const v = (n: number) => `${fmt(n)}${percent ? '%' : ''}`;
  if (t.min !== null && t.max !== null && t.min === t.max) return bi(`= ${v(t.min)}`, `= ${v(t.min)}`);
  if (t.min !== null && t.max !== null) {
    return bi(
      `${v(t.min)}${t.minInclusive ? '（含）' : '（不含）'}–${v(t.max)}${t.maxInclusive ? '（含）' : '（不含）'}`,
      `${t.minInclusive ? '[' : '('}${v(t.min)}, ${v(t.max)}${t.maxInclusive ? ']' : ')'}`,
    );
  }
  if (t.min !== null) return bi(`${v(t.min)}${t.minInclusive ? '（含）以上' : '以上（不含）'}`, `${t.minInclusive ? '≥' : '>'} ${v(t.min)}`);
  if (t.max !== null) return bi(`${v(t.max)}${t.maxInclusive ? '（含）以下' : '以下（不含）'}`, `${t.maxInclusive ? '≤' : '<'} ${v(t.max)}`);
  return bi('任意值', 'any value');
}

/** `规则：95%（含）以上 计 10 分，…，其他 0 分。` */
export function describeTier(rule: TierRule): Bilingual {
  const zh = rule.tiers.map((t) => `${tierText(t, rule.percent)['zh-CN']} 计 ${fmt(t.points)} 分`).join('，');
  const en = rule.tiers.map((t) => `${tierText(t, rule.percent)['en-US']}: ${fmt(t.points)}`).join('; ');
  return bi(`规则：${zh}，其他 0 分。`, `Rule: ${en}; otherwise 0.`);
}

/** A bound of what earlier tiers cover: every value from `v` up (or down), `v` itself when `incl`. */
interface Covered {
  v: number;
  incl: boolean;
}

/**
 * The tiers as nested IFs, first tier first, 0 when none matches. A bound that the tiers before it
 * already settle is not tested again: `IF(x>=95,10,IF(x>=85,8,0))`, not `IF(x>=95,10,IF(AND(x>=85,
 * x<95),8,IF(x<85,0,0)))`. The result is the same for every value (the tiers are tried in order);
 * the formula names the value fewer times and reads as the rule does.
 */
export function tierChain(v: string, tiers: readonly Tier[]): string {
  // What the tiers so far cover from above ([up, ∞)) and from below ((-∞, down]); null: nothing.
  let up: Covered | null = null;
  let down: Covered | null = null;
  const lower = (a: Covered | null, b: Covered): Covered => (a === null || b.v < a.v || (b.v === a.v && b.incl) ? b : a);
  const higher = (a: Covered | null, b: Covered): Covered => (a === null || b.v > a.v || (b.v === a.v && b.incl) ? b : a);
  const branches: { condition: string | null; points: string }[] = [];
  for (const t of tiers) {
    let condition: string | null;
    if (t.min !== null && t.max !== null && t.min === t.max && t.minInclusive && t.maxInclusive) condition = `${v}=${lit(t.min)}`;
    else {
      const parts: string[] = [];
      // `x>=min` fails only below min: needless when the tiers before cover everything there.
      if (t.min !== null && !(down !== null && (down.v > t.min || (down.v === t.min && (t.minInclusive || down.incl))))) {
        parts.push(`${v}${t.minInclusive ? '>=' : '>'}${lit(t.min)}`);
      }
      if (t.max !== null && !(up !== null && (up.v < t.max || (up.v === t.max && (t.maxInclusive || up.incl))))) {
        parts.push(`${v}${t.maxInclusive ? '<=' : '<'}${lit(t.max)}`);
      }
      condition = parts.length === 0 ? null : parts.length === 1 ? parts[0] : `AND(${parts.join(',')})`;
    }
    branches.push({ condition, points: lit(t.points) });
    if (condition === null) break; // every value left lands here: later tiers are never reached
    // What this tier adds to the coverage from above and from below.
    const reachesUp = t.max === null || (up !== null && (t.max > up.v || (t.max === up.v && (t.maxInclusive || up.incl))));
    if (reachesUp) up = t.min === null ? { v: -Infinity, incl: true } : lower(up, { v: t.min, incl: t.minInclusive });
    const reachesDown = t.min === null || (down !== null && (t.min < down.v || (t.min === down.v && (t.minInclusive || down.incl))));
    if (reachesDown) down = t.max === null ? { v: Infinity, incl: true } : higher(down, { v: t.max, incl: t.maxInclusive });
  }
  let nested = '0';
  for (let i = branches.length - 1; i >= 0; i--) {
    const b = branches[i];
    nested = b.condition === null ? b.points : `IF(${b.condition},${b.points},${nested})`;
  }
  return nested;
}

export function inTier(x: Dec, t: Tier): boolean {
  if (t.min !== null) {
    const c = x.comparedTo(t.min);
    if (c < 0 || (c === 0 && !t.minInclusive)) return false;
  }
  if (t.max !== null) {
    const c = x.comparedTo(t.max);
    if (c > 0 || (c === 0 && !t.maxInclusive)) return false;
  }
  return true;
}

export function scoreTier(input: MethodInput, rule: TierRule): MethodOutcome {
  const head = ruleText(input, rule, null, describeTier);
  const t = input.target;
  const mentionsRate = /完成率|完成比例/.test(normalizeText(rule.text));
  const rateMode = mentionsRate || (rule.percent && t.kind === 'number' && !t.percent);
  const bounds = rule.tiers.flatMap((x) => [x.min, x.max]).filter((b): b is number => b !== null);
  const maxBound = bounds.length ? D(Math.max(...bounds)) : null;
  let vExpr: string;
  let value: Dec | null;
  let x: Num;
  let lead: Bilingual;
  if (rateMode) {
    const tn = needTargetNumber(input, { nonZero: true });
    if (isBilingual(tn)) return review('tier', head, tn);
    if (input.dir.polarity === null && input.dir.source === 'unreadable') {
      return review('tier', head, bi('指标值类型无法识别，不能确定完成率的计算方向。', 'The 指标值类型 cannot be read, so the direction of the completion rate is unknown.'));
    }
    const unit = targetUnitOf(input, tn);
    const xr = needActualNumber(input, tn.percent, tn.percent ? tn.value : null, unit);
    if (isBilingual(xr)) return review('tier', head, xr);
    x = xr;
    const neg = input.dir.polarity === 'neg';
    if (neg && x.value !== null && x.value.isZero()) {
      return review('tier', head, bi('实际为 0，反向指标的完成率（目标/实际）无法计算。', 'The actual value is 0: the completion rate (target/actual) of a 反向 indicator cannot be computed.'));
    }
    vExpr = neg ? `ROUND(${tn.expr}/${x.expr}*100,10)` : `ROUND(${x.expr}/${tn.expr}*100,10)`;
    value = x.value === null ? null : r10(neg ? tn.value.dividedBy(x.value).times(100) : x.value.dividedBy(tn.value).times(100));
    const aText = x.value === null ? '' : valueText(x.value, tn.percent, x.unit ?? unit);
    const tText = valueText(tn.value, tn.percent, unit);
    lead =
      value === null
        ? bi('', '')
        : neg
          ? bi(`完成率 = 目标 ${tText} / 实际 ${aText} = ${fmtPct(value)}%，`, `Completion rate = target ${tText} / actual ${aText} = ${fmtPct(value)}%: `)
          : bi(`完成率 = 实际 ${aText} / 目标 ${tText} = ${fmtPct(value)}%，`, `Completion rate = actual ${aText} / target ${tText} = ${fmtPct(value)}%: `);
  } else {
    const tn = t.kind === 'number' ? t : null;
    const unit = targetUnitOf(input, tn);
    const hint = tn && maxBound ? maxD(tn.value, maxBound) : (tn?.value ?? maxBound);
    const xr = needActualNumber(input, rule.percent, rule.percent ? hint : null, unit);
    if (isBilingual(xr)) return review('tier', head, xr);
    x = xr;
    vExpr = x.expr;
    value = x.value;
    lead = value === null ? bi('', '') : bi(`实际 ${valueText(value, rule.percent, x.unit ?? unit)}，`, `Actual ${valueText(value, rule.percent, x.unit ?? unit)}: `);
  }
  const formula = x.guard(tierChain(vExpr, rule.tiers));
  if (value === null) return waiting('tier', head, formula);
  const hit = rule.tiers.find((tier) => inTier(value!, tier));
  if (!hit) return scored('tier', D(0), formula, join(head, lead, bi('不在任何一档，得 0 分。', 'in no tier: score 0.')));
  const tt = tierText(hit, rule.percent);
  return scored('tier', D(hit.points), formula, join(head, lead, bi(`属于「${tt['zh-CN']}」档，得 ${fmt(hit.points)} 分。`, `in the tier ${tt['en-US']}: score ${fmt(hit.points)}.`)));
}
