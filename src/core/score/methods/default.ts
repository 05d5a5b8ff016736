/**
 * No computable method (the rule is 'unspecified'): the national defaults. A date target is scored as a
 * time target ('onTime'), a qualitative one by grade ('grade'), a number by 分值 × min(1, completion) ('default').
 */
import type { UnspecifiedRule } from '../../model';
import { D, fmt, fmtPct, minD, roundScore } from '../num';
import { bi, join } from '../explain';
import type { Bilingual } from '../types';
import { PARTIAL_MAX, PARTIAL_MIN, scoreGrade } from './grade';
import { scoreDate } from './on-time';
import { review, ruleText, scored, waiting, type MethodInput, type MethodOutcome } from './outcome';
import { isBilingual, needActualNumber, needTargetNumber, needWeight, polarityProblem, targetUnitOf, valueText, weightNote } from './values';

/** `规则未写明可计算的方法。` */
export function describeUnspecified(): Bilingual {
  return bi('规则未写明可计算的方法。', 'The rule gives no computable method.');
}

export function scoreUnspecified(input: MethodInput, rule: UnspecifiedRule): MethodOutcome {
  const w = input.weight;
  const t = input.target;
  const a = input.actual;
  // Qualitative: a text target, or 定性 with a grade in the actual cell.
  const qualitative = t.kind === 'text' || (t.kind === 'empty' && a.kind !== 'number') || (input.dir.source === 'qualitative' && t.kind === 'number' && a.kind === 'text');
  const base = ruleText(input, rule, null, describeUnspecified);
  if (!w) return review(t.kind === 'number' ? 'default' : 'grade', base, needWeight(input) as Bilingual);
  const note = weightNote(w);
  if (t.kind === 'empty' && a.kind === 'number') return review('default', base, needTargetNumber(input) as Bilingual);
  if (t.kind === 'date') {
    const head = join(base, bi(`按时间目标计：不晚于截止日期得满分 ${fmt(w.value)} 分。`, `Scored as a time target: the full ${fmt(w.value)} when done by the deadline.`), note);
    return scoreDate(input, 'onTime', t, w.value, w.expr, false, head);
  }
  if (qualitative) {
    const head = join(
      base,
      bi(
        `定性指标按完成情况计：达成 ${fmt(w.value)} 分，部分达成按所写比例（${PARTIAL_MIN}%–${PARTIAL_MAX}%），未达成 0 分。`,
        `Qualitative, by grade: 达成 ${fmt(w.value)}, 部分达成 at the share written (${PARTIAL_MIN}%–${PARTIAL_MAX}%), 未达成 0.`,
      ),
      note,
    );
    return scoreGrade(input, 'grade', w.value, w.expr, 'weighted', head);
  }
  if (t.kind === 'bad') return review('default', base, t.reason);
  const pol = input.dir.polarity;
  if (pol === null) return review('default', base, polarityProblem(input));
  const neg = pol === 'neg';
  const why =
    input.dir.source === 'cost'
      ? bi('成本指标按反向计', 'a cost indicator is scored lower-is-better')
      : input.dir.source === 'assumed'
        ? bi('未写明指标值类型，按“=”（正向）计', 'no 指标值类型 written: read as = (higher is better)')
        : input.dir.source === 'name'
          ? bi(`未写明指标值类型，「${input.ind.name}」是越低越好的比率，按反向计`, `no 指标值类型 written: "${input.ind.name}" is a rate kept low, scored lower-is-better`)
          : neg
            ? bi('反向指标', 'lower is better')
            : bi('正向指标', 'higher is better');
  const head = join(
    base,
    bi(
      `按全国默认方法（${why['zh-CN']}）：得分 = 分值 × ${neg ? 'min(1, 目标/实际)' : 'min(1, 实际/目标)'}。`,
      `National default (${why['en-US']}): score = weight × ${neg ? 'min(1, target/actual)' : 'min(1, actual/target)'}.`,
    ),
    note,
  );
  const tn = needTargetNumber(input, { nonZero: !neg });
  if (isBilingual(tn)) return review('default', head, tn);
  const unit = targetUnitOf(input, tn);
  const x = needActualNumber(input, tn.percent, tn.percent ? tn.value : null, unit);
  if (isBilingual(x)) return review('default', head, x);
  const formula = x.guard(neg ? `ROUND(IF(${x.expr}=0,${w.expr},${w.expr}*MIN(1,${tn.expr}/${x.expr})),2)` : `ROUND(${w.expr}*MIN(1,${x.expr}/${tn.expr}),2)`);
  if (x.value === null) return waiting('default', head, formula);
  const av = x.value;
  const ratio = neg ? (av.isZero() ? D(1) : tn.value.dividedBy(av)) : av.dividedBy(tn.value);
  const r = minD(D(1), ratio);
  const score = w.value.times(r);
  const aText = valueText(av, tn.percent, x.unit ?? unit);
  const tText = valueText(tn.value, tn.percent, unit);
  const ratioZh = neg ? (av.isZero() ? '实际为 0，视为 100%' : `目标 ${tText} / 实际 ${aText} = ${fmtPct(ratio.times(100))}%`) : `实际 ${aText} / 目标 ${tText} = ${fmtPct(ratio.times(100))}%`;
  const ratioEn = neg ? (av.isZero() ? 'actual 0, taken as 100%' : `target ${tText} / actual ${aText} = ${fmtPct(ratio.times(100))}%`) : `actual ${aText} / target ${tText} = ${fmtPct(ratio.times(100))}%`;
  const capped = ratio.greaterThan(1) ? bi('（以 100% 计）', ' (counted as 100%)') : bi('', '');
  return scored(
    'default',
    score,
    formula,
    join(
      head,
      bi(
        `${ratioZh}${capped['zh-CN']}，得分 = ${fmt(w.value)} × ${fmtPct(r.times(100))}% = ${fmt(roundScore(score))} 分。`,
        `${ratioEn}${capped['en-US']}; score = ${fmt(w.value)} × ${fmtPct(r.times(100))}% = ${fmt(roundScore(score))}.`,
      ),
    ),
  );
}
