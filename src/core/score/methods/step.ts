/** Step deduction: `每超过10%扣2分` from the base (`计N分`, else the weight), by whole or partial steps, capped. */
import type { StepRule } from '../../model';
import { D, fmt, fmtPct, lit, maxD, roundScore, stepCount } from '../num';
import { bi, join } from '../explain';
import type { Bilingual } from '../types';
import { review, ruleText, scored, waiting, type MethodInput, type MethodOutcome, type RuleTextContext } from './outcome';
import { isBilingual, needActualNumber, needTargetNumber, needWeight, targetUnitOf, valueText, weightNote } from './values';

function stepSize(rule: StepRule, rate: boolean, unit: string | null): Bilingual {
  const n = fmt(rule.stepSize);
  if (rule.stepUnit === 'point' || (rule.stepUnit === 'percent' && rate)) return bi(`${n} 个百分点`, `${n} percentage point${n === '1' ? '' : 's'}`);
  if (rule.stepUnit === 'percent') return bi(`${n}%`, `${n}%`);
  return bi(`${n}${unit ? ` ${unit}` : ''}`, `${n}${unit ? ` ${unit}` : ''}`);
}

const TRIGGER: Record<StepRule['trigger'], Bilingual> = {
  over: bi('超过', 'over'),
  under: bi('低于', 'under'),
  diff: bi('偏离', 'off'),
};

function triggerWord(rule: StepRule): Bilingual {
  return TRIGGER[rule.trigger];
}

/** `规则：满分 N 分，每超过目标 10% 扣 2 分，…`. */
export function describeStep(rule: StepRule, ctx: RuleTextContext): Bilingual {
  const size = stepSize(rule, ctx.rate, ctx.unit);
  const relative = rule.stepUnit === 'percent' && !ctx.rate;
  const t = TRIGGER[rule.trigger];
  const base = ctx.base ? bi(`满分 ${fmt(ctx.base)} 分，`, `from ${fmt(ctx.base)}, `) : bi('', '');
  return bi(
    `规则：${base['zh-CN']}每${t['zh-CN']}目标 ${size['zh-CN']}${relative ? '（相对目标值）' : ''}扣 ${fmt(rule.deductPerStep)} 分，${rule.partialSteps ? '不足一档按一档计' : '不足一档不扣'}，${rule.cap !== null ? `最多扣 ${fmt(rule.cap)} 分` : '扣完为止'}。`,
    `Rule: ${base['en-US']}−${fmt(rule.deductPerStep)} for every ${size['en-US']} ${t['en-US']} the target${relative ? ' (relative to the target)' : ''}; ${rule.partialSteps ? 'a partial step counts as a whole one' : 'only whole steps count'}; ${rule.cap !== null ? `at most ${fmt(rule.cap)} deducted` : 'down to 0'}.`,
  );
}

export function scoreStep(input: MethodInput, rule: StepRule): MethodOutcome {
  const w = input.weight;
  const base = rule.base !== null ? D(rule.base) : (w?.value ?? null);
  const baseExpr = rule.base !== null ? lit(rule.base) : (w?.expr ?? '');
  const head = ruleText(input, rule, base, describeStep);
  if (base === null) return review('step', head, needWeight(input) as Bilingual);
  const relativeWanted = rule.stepUnit === 'percent';
  const t = needTargetNumber(input, { nonZero: false });
  if (isBilingual(t)) return review('step', head, t);
  const rate = t.percent;
  if (rule.stepUnit === 'point' && !rate) {
    return review('step', head, bi('规则按“百分点”扣分，但指标值不是百分比。', 'The rule deducts per percentage point, but the target is not a percentage.'));
  }
  const relative = relativeWanted && !rate;
  if (relative && t.value.isZero()) return review('step', head, bi('指标值为 0，无法计算相对偏差。', 'The target is 0: no relative deviation can be computed.'));
  const unit = targetUnitOf(input, t);
  const x = needActualNumber(input, rate, rate ? t.value : null, unit);
  if (isBilingual(x)) return review('step', head, x);

  // Formula.
  const dev = rule.trigger === 'over' ? `MAX(0,${x.expr}-${t.expr})` : rule.trigger === 'under' ? `MAX(0,${t.expr}-${x.expr})` : `ABS(${x.expr}-${t.expr})`;
  const devScaled = relative ? `${dev}/${t.expr}*100` : dev;
  const ratio = `ROUND(${devScaled}/${lit(rule.stepSize)},10)`;
  const steps = rule.partialSteps ? `ROUNDUP(${ratio},0)` : `INT(${ratio})`;
  const deduction = rule.cap !== null ? `MIN(${lit(rule.cap)},${steps}*${lit(rule.deductPerStep)})` : `${steps}*${lit(rule.deductPerStep)}`;
  const formula = x.guard(`ROUND(MAX(0,${baseExpr}-${deduction}),2)`);
  const note = weightNote(rule.base === null ? w : null);
  if (x.value === null) return waiting('step', join(head, note), formula);

  // Score.
  const a = x.value;
  const diff = a.minus(t.value);
  const raw = rule.trigger === 'over' ? maxD(D(0), diff) : rule.trigger === 'under' ? maxD(D(0), diff.negated()) : diff.abs();
  const devValue = relative ? raw.dividedBy(t.value).times(100) : raw;
  const n = stepCount(devValue.dividedBy(rule.stepSize), rule.partialSteps);
  let ded = n.times(rule.deductPerStep);
  const capped = rule.cap !== null && ded.greaterThan(rule.cap);
  if (capped) ded = D(rule.cap!);
  const score = maxD(D(0), base.minus(ded));

  const aText = valueText(a, rate, x.unit ?? unit);
  const tText = valueText(t.value, rate, unit);
  const tw = triggerWord(rule);
  // Each number is formatted once and used in both languages.
  const scoreText = fmt(roundScore(score));
  let body: Bilingual;
  if (raw.isZero()) {
    const zh = rule.trigger === 'over' ? '未超出' : rule.trigger === 'under' ? '不低于' : '等于';
    const en = rule.trigger === 'over' ? 'not over' : rule.trigger === 'under' ? 'not under' : 'equal to';
    body = bi(`实际 ${aText}，${zh}目标 ${tText}，不扣分，得 ${scoreText} 分。`, `Actual ${aText}, ${en} the target ${tText}: nothing deducted, score ${scoreText}.`);
  } else {
    const dev = relative ? `${fmtPct(devValue)}%` : rate ? fmt(devValue) : valueText(devValue, false, unit);
    const devText = rate && !relative ? `${dev} 个百分点` : dev;
    const devTextEn = rate && !relative ? `${dev} percentage point${devValue.equals(1) ? '' : 's'}` : dev;
    const dirZh = rule.trigger === 'over' ? '超出' : rule.trigger === 'under' ? '低于' : '偏离';
    const nText = fmt(n);
    const dedText = fmt(ded);
    const stepsZh = rule.partialSteps ? `计 ${nText} 档` : `满 ${nText} 档`;
    const stepsEn = `${nText} ${rule.partialSteps ? '' : 'whole '}step${n.equals(1) ? '' : 's'}`;
    const capZh = capped ? `（以 ${fmt(rule.cap!)} 分为限）` : '';
    const capEn = capped ? ` (capped at ${fmt(rule.cap!)})` : '';
    body = bi(
      `实际 ${aText}，${dirZh}目标 ${tText} ${devText}，${stepsZh}，扣 ${dedText} 分${capZh}，得 ${scoreText} 分。`,
      `Actual ${aText}, ${tw['en-US']} the target ${tText} by ${devTextEn}: ${stepsEn}, −${dedText}${capEn}, score ${scoreText}.`,
    );
  }
  return scored('step', score, formula, join(head, note, body));
}
