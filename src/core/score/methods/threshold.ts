/** Threshold + formula: 0 below the threshold rate, else the rule's own formula of the completion rate, capped at its most. */
import type { Expr, ThresholdRule } from '../../model';
import { normalizeText } from '../../domain/text';
import { D, Dec, fmt, fmtPct, lit, maxD, minD, r10, roundScore } from '../num';
import { bi, exprText, join } from '../explain';
import type { Bilingual } from '../types';
import { review, ruleText, scored, waiting, type MethodInput, type MethodOutcome } from './outcome';
import { isBilingual, needActualNumber, needTargetNumber, targetUnitOf, valueText } from './values';

/** `规则：完成率低于 60% 不得分，否则 得分 = …`. */
export function describeThreshold(rule: ThresholdRule): Bilingual {
  const f = exprText(rule.formula, { rate: '完成率', actual: '实际值', target: '目标值' });
  const fe = exprText(rule.formula, { rate: 'rate', actual: 'actual', target: 'target' });
  const thr = fmt(D(rule.threshold).times(100));
  return bi(
    `规则：完成率低于 ${thr}% 不得分，否则 得分 = ${f}${rule.maxAward !== null ? `，最高 ${fmt(rule.maxAward)} 分` : ''}。`,
    `Rule: 0 below a completion rate of ${thr}%, else score = ${fe}${rule.maxAward !== null ? `, at most ${fmt(rule.maxAward)}` : ''}.`,
  );
}

function exprToExcel(e: Expr, vars: { rate: string; actual: string; target: string }): string {
  switch (e.kind) {
    case 'num':
      return lit(e.value);
    case 'var':
      return vars[e.name];
    case 'bin':
      return `(${exprToExcel(e.left, vars)}${e.op}${exprToExcel(e.right, vars)})`;
  }
}

function evalDec(e: Expr, env: { rate: Dec; actual: Dec; target: Dec }): Dec | null {
  switch (e.kind) {
    case 'num':
      return D(e.value);
    case 'var':
      return env[e.name];
    case 'bin': {
      const a = evalDec(e.left, env);
      const b = evalDec(e.right, env);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+':
          return a.plus(b);
        case '-':
          return a.minus(b);
        case '*':
          return a.times(b);
        case '/':
          return b.isZero() ? null : a.dividedBy(b);
      }
    }
  }
}

/** Whether the rule text defines 完成率 itself (then its definition wins over the direction). */
function definesRate(rule: ThresholdRule): boolean {
  return /完成率=/.test(normalizeText(rule.text));
}

export function scoreThreshold(input: MethodInput, rule: ThresholdRule): MethodOutcome {
  const head = ruleText(input, rule, null, describeThreshold);
  const def: ThresholdRule['rateDefinition'] = definesRate(rule) ? rule.rateDefinition : input.dir.polarity === 'neg' ? 'targetOverActual' : 'actualOverTarget';
  if (!definesRate(rule) && input.dir.polarity === null && input.dir.source === 'unreadable') {
    return review('threshold', head, bi('指标值类型无法识别，不能确定完成率的计算方向。', 'The 指标值类型 cannot be read, so the direction of the completion rate is unknown.'));
  }
  const t = needTargetNumber(input, { nonZero: def === 'actualOverTarget' });
  if (isBilingual(t)) return review('threshold', head, t);
  const unit = targetUnitOf(input, t);
  const x = needActualNumber(input, t.percent, t.percent ? t.value : null, unit);
  if (isBilingual(x)) return review('threshold', head, x);

  const rateExpr = def === 'actualOverTarget' ? `MIN(1,${x.expr}/${t.expr})` : `IF(${x.expr}=0,1,MIN(1,${t.expr}/${x.expr}))`;
  const body = exprToExcel(rule.formula, { rate: rateExpr, actual: x.expr, target: t.expr });
  let value = `MAX(0,${body})`;
  if (rule.maxAward !== null) value = `MIN(${lit(rule.maxAward)},${value})`;
  const core = `ROUND(${value},2)`;
  const formula = x.guard(rule.threshold > 0 ? `IF(ROUND(${rateExpr},10)<${lit(rule.threshold)},0,${core})` : core);
  if (x.value === null) return waiting('threshold', head, formula);

  const a = x.value;
  const rawRate = def === 'actualOverTarget' ? a.dividedBy(t.value) : a.isZero() ? D(1) : t.value.dividedBy(a);
  const rate = minD(D(1), rawRate);
  const aText = valueText(a, t.percent, x.unit ?? unit);
  const tText = valueText(t.value, t.percent, unit);
  const rateZh =
    def === 'actualOverTarget'
      ? `完成率 = 实际 ${aText} / 目标 ${tText} = ${fmtPct(rawRate.times(100))}%`
      : a.isZero()
        ? `完成率 = 目标 / 实际（实际为 0）= 100%`
        : `完成率 = 目标 ${tText} / 实际 ${aText} = ${fmtPct(rawRate.times(100))}%`;
  const rateEn =
    def === 'actualOverTarget'
      ? `completion rate = actual ${aText} / target ${tText} = ${fmtPct(rawRate.times(100))}%`
      : a.isZero()
        ? 'completion rate = target / actual (actual 0) = 100%'
        : `completion rate = target ${tText} / actual ${aText} = ${fmtPct(rawRate.times(100))}%`;
  const capNote = rawRate.greaterThan(1) ? bi('（以 100% 计）', ' (counted as 100%)') : bi('', '');
  const thr = D(rule.threshold);
  if (r10(rate).lessThan(thr)) {
    return scored(
      'threshold',
      D(0),
      formula,
      join(head, bi(`${rateZh}${capNote['zh-CN']}，低于 ${fmt(thr.times(100))}%，得 0 分。`, `${rateEn}${capNote['en-US']}, below ${fmt(thr.times(100))}%: score 0.`)),
    );
  }
  const v = evalDec(rule.formula, { rate, actual: a, target: t.value });
  if (v === null) return review('threshold', head, bi('评分公式中出现除以 0，无法计算。', 'The rule’s formula divides by 0.'));
  let score = maxD(D(0), v);
  const overMax = rule.maxAward !== null && score.greaterThan(rule.maxAward);
  if (overMax) score = D(rule.maxAward!);
  const shown = exprText(rule.formula, { rate: fmt(rate.toDecimalPlaces(10)), actual: fmt(a), target: fmt(t.value) });
  const maxZh = overMax ? `，以最高 ${fmt(rule.maxAward!)} 分计` : '';
  const maxEn = overMax ? `, capped at ${fmt(rule.maxAward!)}` : '';
  const weightZh =
    input.weight && rule.maxAward !== null && !input.weight.value.equals(rule.maxAward)
      ? `（此规则最多得 ${fmt(rule.maxAward)} 分，与分值 ${fmt(input.weight.value)} 分不一致，按规则计分。）`
      : '';
  const weightEn =
    input.weight && rule.maxAward !== null && !input.weight.value.equals(rule.maxAward)
      ? ` (The rule awards at most ${fmt(rule.maxAward)}, not the weight ${fmt(input.weight.value)}; scored by the rule.)`
      : '';
  return scored(
    'threshold',
    score,
    formula,
    join(
      head,
      bi(
        `${rateZh}${capNote['zh-CN']}；得分 = ${shown} = ${fmt(roundScore(score))} 分${maxZh}。${weightZh}`,
        `${rateEn}${capNote['en-US']}; score = ${shown} = ${fmt(roundScore(score))}${maxEn}.${weightEn}`,
      ),
    ),
  );
}
