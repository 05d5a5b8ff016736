/** Binary: the full points (`计N分`, else the weight) when the target is reached or met on time, else 0. */
import type { BinaryRule } from '../../model';
import { D, fmt, lit, roundScore } from '../num';
import { bi, join } from '../explain';
import type { Bilingual } from '../types';
import { scoreGrade } from './grade';
import { scoreDate } from './on-time';
import { review, ruleText, scored, waiting, type MethodInput, type MethodOutcome } from './outcome';
import { isBilingual, needActualNumber, needTargetNumber, needWeight, polarityProblem, targetUnitOf, valueText, weightNote } from './values';

/** `规则：达到目标得满分，否则 0 分。` */
export function describeBinary(rule: BinaryRule): Bilingual {
  return rule.condition === 'onTime'
    ? bi('规则：按时完成得满分，否则 0 分。', 'Rule: full points when done on time, else 0.')
    : bi('规则：达到目标得满分，否则 0 分。', 'Rule: full points when the target is reached, else 0.');
}

export function scoreBinary(input: MethodInput, rule: BinaryRule): MethodOutcome {
  const w = input.weight;
  const full = rule.points !== null ? D(rule.points) : (w?.value ?? null);
  const fullExpr = rule.points !== null ? lit(rule.points) : (w?.expr ?? '');
  const head = join(ruleText(input, rule, full, describeBinary), full ? bi(`（满分 ${fmt(full)} 分）`, `(full points ${fmt(full)})`) : bi('', ''), rule.points === null ? weightNote(w) : bi('', ''));
  if (full === null) return review('binary', head, needWeight(input) as Bilingual);
  const t = input.target;
  if (t.kind === 'date') return scoreDate(input, 'binary', t, full, fullExpr, true, head);
  if (t.kind === 'bad') return review('binary', head, t.reason);
  if (t.kind === 'number') {
    // A grade written in the actual cell says it directly (达成 / 未达成).
    if (input.actual.kind === 'text') return scoreGrade(input, 'binary', full, fullExpr, 'zero', head);
    if (rule.condition === 'onTime') {
      if (input.actual.kind === 'empty') return scoreGrade(input, 'binary', full, fullExpr, 'zero', head);
      return review('binary', head, bi('按时完成的规则需要日期目标或完成情况（如“按时完成”）。', 'An on-time rule needs a date target or a grade (such as 按时完成).'));
    }
    if (input.dir.polarity === null) return review('binary', head, polarityProblem(input));
    const unit = targetUnitOf(input, t);
    const x = needActualNumber(input, t.percent, t.percent ? t.value : null, unit);
    if (isBilingual(x)) return review('binary', head, x);
    const neg = input.dir.polarity === 'neg';
    const formula = x.guard(`IF(${x.expr}${neg ? '<=' : '>='}${t.expr},${fullExpr},0)`);
    if (x.value === null) return waiting('binary', head, formula);
    const ok = neg ? x.value.lessThanOrEqualTo(t.value) : x.value.greaterThanOrEqualTo(t.value);
    const aText = valueText(x.value, t.percent, x.unit ?? unit);
    const tText = valueText(t.value, t.percent, unit);
    const cmpZh = neg ? (ok ? '不高于' : '高于') : ok ? '不低于' : '低于';
    const cmpEn = neg ? (ok ? 'not above' : 'above') : ok ? 'not below' : 'below';
    return scored(
      'binary',
      ok ? full : D(0),
      formula,
      join(
        head,
        bi(
          `${neg ? '反向指标，' : ''}实际 ${aText}，${cmpZh}目标 ${tText}，${ok ? '达到' : '未达到'}目标，得 ${fmt(roundScore(ok ? full : D(0)))} 分。`,
          `${neg ? 'Lower is better; ' : ''}actual ${aText}, ${cmpEn} the target ${tText}: ${ok ? 'reached' : 'not reached'}, score ${fmt(roundScore(ok ? full : D(0)))}.`,
        ),
      ),
    );
  }
  // Text, empty or range target: the grade written in the actual cell.
  if (t.kind === 'range' || (t.kind === 'empty' && input.actual.kind === 'number')) {
    return review('binary', head, needTargetNumber(input) as Bilingual);
  }
  return scoreGrade(input, 'binary', full, fullExpr, 'zero', head);
}
