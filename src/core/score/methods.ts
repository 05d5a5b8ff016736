/**
 * Score functions, one per rule family, each giving three things that agree: the score (in decimal
 * arithmetic), the Excel formula that computes it from the sheet's own cells, and the explanation.
 *
 * Every method is called with the inputs read from the sheet (inputs.ts). The caller wraps the formula
 * in `IF(TRIM(actual)="","",…)`, so a cleared actual value clears the score. A method either scores,
 * or returns a review reason and no formula (never a guess). When the actual value is empty, a method
 * still returns its formula (so the score follows once the value is entered) with no score.
 */
import type { BinaryRule, ChecklistRule, Expr, PerOccurrenceRule, StepRule, ThresholdRule, TierRule, Tier } from '../model';
import { normalizeText } from '../domain/text';
import { D, Dec, fmt, fmtPct, lit, maxD, minD, r10, roundScore, stepCount } from './num';
import {
  compareDates,
  dateToSerial,
  showDate,
  str,
  type ActualValue,
  type DateValue,
  type DirectionInfo,
  type NumberValue,
  type TargetValue,
  type WeightValue,
} from './inputs';
import { bi, describeRule, exprText, join, pts, show, tierText, triggerWord } from './explain';
import type { Bilingual, ScoreMethod } from './types';
import type { Indicator, ParsedRule } from '../model';

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

// ---------------------------------------------------------------- grade words

/** Grades that give the full weight, and those that give 0 (compared after Excel's TRIM, exactly). */
export const FULL_GRADES = ['达成', '已达成', '完成', '已完成', '全部完成', '全部达成', '按时完成', '已按时完成', '达标', '已达标', '是'];
export const ZERO_GRADES = ['未达成', '未完成', '未按时完成', '未达标', '没有完成', '否'];
export const PARTIAL_PREFIXES = ['部分达成', '部分完成'];
/** 部分达成 N% takes N within these bounds (domain primer: 部分达成 80–50% of the weight). */
export const PARTIAL_MIN = 50;
export const PARTIAL_MAX = 80;
const PARTIAL_RE = /^(部分达成|部分完成)[ :：]*(\d+(?:\.\d+)?) *%$/;
/** Words for "none happened" in a per-occurrence count. */
export const NONE_WORDS = ['无', '未发生', '没有', '没有发生', '零'];
/** Checklist: every item met / none met. */
const ALL_ITEMS = ['全部', '全部完成', '全部达成', '均已完成', '达成', '完成', '已完成'];
const NO_ITEMS = ['无', '均未完成', '未达成', '未完成'];

type GradeReading = { kind: 'full' } | { kind: 'zero' } | { kind: 'partial'; pct: Dec | null } | { kind: 'unknown' };

export function readGrade(text: string): GradeReading {
  if (FULL_GRADES.includes(text)) return { kind: 'full' };
  if (ZERO_GRADES.includes(text)) return { kind: 'zero' };
  if (PARTIAL_PREFIXES.some((p) => text.startsWith(p))) {
    const m = PARTIAL_RE.exec(text);
    return { kind: 'partial', pct: m ? D(m[2]) : null };
  }
  return { kind: 'unknown' };
}

/**
 * Whether `t` is one of `words`: `OR(t={"达成","完成"})`, one comparison against an array constant
 * (Excel, WPS and LibreOffice all compare element by element inside OR), so the cell is named once.
 */
function anyOf(t: string, words: readonly string[]): string {
  return words.length === 1 ? `${t}=${str(words[0])}` : `OR(${t}={${words.map(str).join(',')}})`;
}

/** Whether `t` starts with one of `prefixes`: `OR(LEFT(t,4)={"部分达成","部分完成"})`, by prefix length. */
function startsWithAny(t: string, prefixes: readonly string[]): string {
  const byLength = new Map<number, string[]>();
  for (const p of prefixes) byLength.set(p.length, [...(byLength.get(p.length) ?? []), p]);
  const tests = [...byLength].map(([n, ps]) => (ps.length === 1 ? `LEFT(${t},${n})=${str(ps[0])}` : `LEFT(${t},${n})={${ps.map(str).join(',')}}`));
  return `OR(${tests.join(',')})`;
}

/**
 * The grade part of a formula. `partial`: 'weighted' gives weight × N% for 部分达成 N% (50 ≤ N ≤ 80),
 * 'zero' gives 0 for any 部分达成 (binary rules). `otherwise` is the value for any other text.
 */
function gradeFormula(ref: string, full: string, partial: 'weighted' | 'zero' | 'blank', otherwise = '""'): string {
  const t = `TRIM(${ref})`;
  const isPartial = startsWithAny(t, PARTIAL_PREFIXES);
  const pct = `VALUE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(MID(${t},5,50),"%","")," ",""),":",""),"：",""))`;
  const partialValue =
    partial === 'zero'
      ? '0'
      : partial === 'blank'
        ? '""'
        : `IF(ISNUMBER(${pct}),IF(AND(${pct}>=${PARTIAL_MIN},${pct}<=${PARTIAL_MAX}),ROUND(${full}*${pct}/100,2),""),"")`;
  const rest = partialValue === otherwise ? otherwise : `IF(${isPartial},${partialValue},${otherwise})`;
  return `IF(${anyOf(t, FULL_GRADES)},${full},IF(${anyOf(t, ZERO_GRADES)},0,${rest}))`;
}

// ---------------------------------------------------------------- helpers

function review(method: ScoreMethod, explanation: Bilingual, reason: Bilingual): MethodOutcome {
  return { method, score: null, formula: null, explanation: join(explanation, reason), review: reason };
}

const NO_ACTUAL = bi('实际完成值未填写。', 'The actual value is not filled in.');

function waiting(method: ScoreMethod, explanation: Bilingual, formula: string | null): MethodOutcome {
  return { method, score: null, formula, explanation: join(explanation, bi('实际完成值未填写；填写后自动计分。', 'The actual value is not filled in; scored once it is.')), review: NO_ACTUAL };
}

function scored(method: ScoreMethod, score: Dec, formula: string, explanation: Bilingual): MethodOutcome {
  return { method, score: roundScore(score), formula, explanation, review: null };
}

function ruleText(input: MethodInput, base: Dec | null): Bilingual {
  const t = input.target;
  const rate = t.kind === 'number' && t.percent;
  const unit = t.kind === 'number' ? (t.unit ?? input.unit) : input.unit;
  // The same rule is described for every row it scores (the parser shares one object per text).
  let byRule = RULE_TEXTS.get(input.rule);
  if (byRule === undefined) RULE_TEXTS.set(input.rule, (byRule = new Map()));
  const key = `${rate ? 1 : 0}${base === null ? '' : base.toString()}\u0001${unit ?? ''}`;
  let text = byRule.get(key);
  if (text === undefined) {
    if (byRule.size >= 1000) byRule.clear();
    byRule.set(key, (text = describeRule(input.rule, { rate, unit, base })));
  }
  return text;
}

/** Rule descriptions by parsed rule, then rate/base/unit (Bilingual values are shared and never changed). */
const RULE_TEXTS = new WeakMap<ParsedRule, Map<string, Bilingual>>();

/** The weight, or a review reason. */
function needWeight(input: MethodInput): WeightValue | Bilingual {
  return (
    input.weight ??
    bi('没有分值：分值列为空，评分标准也未写明分值（如“该指标分值为10分”）。', 'No weight: the 分值 column is empty and the rule states none (such as 该指标分值为10分).')
  );
}

function isBilingual(x: unknown): x is Bilingual {
  return typeof x === 'object' && x !== null && 'zh-CN' in x;
}

function weightNote(w: WeightValue | null): Bilingual {
  if (!w || w.conflict === null) return bi('', '');
  return bi(`（分值列 ${fmt(w.value)} 分与评分标准写的 ${fmt(w.conflict)} 分不一致，按分值列计。）`, `(The 分值 column says ${fmt(w.value)}, the rule ${fmt(w.conflict)}; the column is used.)`);
}

/** The target as a number, or a review reason. */
function needTargetNumber(input: MethodInput, opts: { nonZero?: boolean } = {}): NumberValue | Bilingual {
  const t = input.target;
  const text = input.ind.target?.text ?? '';
  switch (t.kind) {
    case 'number':
      if (t.value.isNegative()) return bi(`指标值 ${text} 为负数，无法计算。`, `The target ${text} is negative; it cannot be used.`);
      if (opts.nonZero && t.value.isZero()) return bi('指标值为 0，无法计算完成率或相对偏差。', 'The target is 0: no completion rate or relative deviation can be computed.');
      return t;
    case 'empty':
      return bi('指标值为空，此评分方法需要数值目标。', 'The target is empty; this method needs a number.');
    case 'range':
      return bi(`指标值「${text}」是一个区间，此评分方法需要单一数值。`, `The target "${text}" is a range; this method needs one number.`);
    case 'bad':
      return t.reason;
    default:
      return bi(`指标值「${text}」不是数值，此评分方法需要数值目标。`, `The target "${text}" is not a number; this method needs one.`);
  }
}

/** The actual value read as a number comparable with `target`, the expression for it, and the formula guard. */
interface Num {
  value: Dec | null;
  expr: string;
  /** Wraps a numeric formula body in the guards its cell needs. */
  guard: (body: string) => string;
  percent: boolean;
  unit: string | null;
}

/**
 * Reads the actual value as a number. `wantPercent`: whether it must be a percentage (the target is a
 * rate, or the tiers are written in %); `scaleHint`: a value above 1 on that scale (target or tier
 * bound), which makes a plain number in (0, 1] ambiguous.
 */
function needActualNumber(input: MethodInput, wantPercent: boolean, scaleHint: Dec | null, targetUnit: string | null): Num | Bilingual {
  const a = input.actual;
  const ref = input.ref;
  const ambiguousGuard = wantPercent && scaleHint !== null && scaleHint.greaterThan(1);
  const plainGuard = (expr: string) => (body: string) =>
    ambiguousGuard ? `IF(ISNUMBER(${ref}),IF(AND(${expr}>0,${expr}<=1),"",${body}),"")` : `IF(ISNUMBER(${ref}),${body},"")`;
  switch (a.kind) {
    case 'empty': {
      const expr = input.actualPercentFormat && wantPercent ? `ROUND(${ref}*100,10)` : ref;
      return { value: null, expr, guard: input.actualPercentFormat && wantPercent ? (b) => `IF(ISNUMBER(${ref}),${b},"")` : plainGuard(ref), percent: wantPercent, unit: null };
    }
    case 'number': {
      if (a.value.isNegative()) return bi(`实际完成值 ${fmt(a.value)} 为负数，无法评分。`, `The actual value ${fmt(a.value)} is negative; it cannot be scored.`);
      if (a.percent && !wantPercent) {
        return bi('实际完成值是百分比，而指标值不是，无法比较。', 'The actual value is a percentage but the target is not; they cannot be compared.');
      }
      if (!a.percent && wantPercent && ambiguousGuard && a.value.greaterThan(0) && a.value.lessThanOrEqualTo(1)) {
        return bi(
          `实际完成值 ${fmt(a.value)} 的量纲不明确（${fmt(a.value)}% 还是 ${fmt(a.value.times(100))}%？），请写成百分数（如 96%）。`,
          `The actual value ${fmt(a.value)} is ambiguous (${fmt(a.value)}% or ${fmt(a.value.times(100))}%?); write it as a percentage (such as 96%).`,
        );
      }
      if (a.unit && targetUnit && !unitsAgree(a.unit, targetUnit)) {
        return bi(`实际完成值的单位「${a.unit}」与指标值的单位「${targetUnit}」不一致。`, `The actual value's unit "${a.unit}" differs from the target's "${targetUnit}".`);
      }
      const guard = a.plainCell ? (a.percent ? (b: string) => `IF(ISNUMBER(${ref}),${b},"")` : plainGuard(a.expr)) : (b: string) => b;
      return { value: a.value, expr: a.expr, guard, percent: wantPercent, unit: a.unit };
    }
    case 'bad':
      return a.reason;
    case 'date':
      return bi('实际完成值是日期，此评分方法需要数值。', 'The actual value is a date; this method needs a number.');
    case 'text':
      return bi(`实际完成值「${a.text}」不是数值，无法按此方法评分。`, `The actual value "${a.text}" is not a number; this method cannot score it.`);
  }
}

function unitsAgree(a: string, b: string): boolean {
  const x = normalizeText(a);
  const y = normalizeText(b);
  return x === y || x.startsWith(y) || y.startsWith(x);
}

function targetUnitOf(input: MethodInput, t: NumberValue | null): string | null {
  if (t && t.percent) return null;
  return t?.unit ?? input.unit ?? null;
}

function valueText(v: Dec, percent: boolean, unit: string | null): string {
  return show(v, percent, unit);
}

// ---------------------------------------------------------------- step deduction

export function scoreStep(input: MethodInput, rule: StepRule): MethodOutcome {
  const w = input.weight;
  const base = rule.base !== null ? D(rule.base) : (w?.value ?? null);
  const baseExpr = rule.base !== null ? lit(rule.base) : (w?.expr ?? '');
  const head = ruleText(input, base);
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

// ---------------------------------------------------------------- threshold + formula

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
  const head = ruleText(input, null);
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

// ---------------------------------------------------------------- tiers

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
  const head = ruleText(input, null);
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

// ---------------------------------------------------------------- dates

function dateLit(d: { y: number; m: number; d: number }): string {
  return `DATE(${d.y},${d.m},${d.d})`;
}

/**
 * A time target: the actual date (a date cell, or a text date read as its last day) or a grade
 * (按时完成/已完成 … full, 未完成 … 0). `late`: the value when the date is later than the deadline:
 * '0' for rules that say so (binary), '""' (review) for the default.
 */
function scoreDate(input: MethodInput, method: ScoreMethod, deadline: DateValue, full: Dec, fullExpr: string, lateZero: boolean, head: Bilingual): MethodOutcome {
  const ref = input.ref;
  const a = input.actual;
  const dl = showDate(deadline);
  let textBranch = '""';
  if (a.kind === 'date' && !a.serial && a.text !== null) {
    textBranch = `IF(TRIM(${ref})=${str(a.text)},IF(${dateLit(a)}<=${dateLit(deadline)},${fullExpr},${lateZero ? '0' : '""'}),"")`;
  }
  const formula = `IF(ISNUMBER(${ref}),IF(${ref}<=${dateLit(deadline)},${fullExpr},${lateZero ? '0' : '""'}),${gradeFormula(ref, fullExpr, lateZero ? 'zero' : 'blank', textBranch)})`;
  const deadlineText = bi(`截止 ${dl}`, `deadline ${dl}`);
  switch (a.kind) {
    case 'empty':
      return waiting(method, head, formula);
    case 'date': {
      const when = showDate(a);
      const shown = a.text !== null ? `「${a.text}」（按 ${when} 计）` : when;
      const shownEn = a.text !== null ? `"${a.text}" (taken as ${when})` : when;
      if (compareDates(a, deadline) <= 0) {
        return scored(method, full, formula, join(head, bi(`实际完成时间 ${shown}，不晚于${deadlineText['zh-CN']}，得 ${fmt(roundScore(full))} 分。`, `Done ${shownEn}, not later than the ${deadlineText['en-US']}: score ${fmt(roundScore(full))}.`)));
      }
      if (lateZero) {
        return scored(method, D(0), formula, join(head, bi(`实际完成时间 ${shown}，晚于${deadlineText['zh-CN']}，得 0 分。`, `Done ${shownEn}, later than the ${deadlineText['en-US']}: score 0.`)));
      }
      return review(
        method,
        head,
        bi(`实际完成时间 ${shown} 晚于${deadlineText['zh-CN']}；规则未写明逾期如何计分，需人工评分。`, `Done ${shownEn}, later than the ${deadlineText['en-US']}; the rule does not say how lateness is scored.`),
      );
    }
    case 'text': {
      const g = readGrade(a.text);
      if (g.kind === 'full') return scored(method, full, formula, join(head, bi(`实际「${a.text}」，视为按时完成，得 ${fmt(roundScore(full))} 分。`, `Actual "${a.text}": done on time, score ${fmt(roundScore(full))}.`)));
      if (g.kind === 'zero' || (g.kind === 'partial' && lateZero)) {
        return scored(method, D(0), formula, join(head, bi(`实际「${a.text}」，未按时完成，得 0 分。`, `Actual "${a.text}": not done on time, score 0.`)));
      }
      return review(method, head, bi(`实际完成值「${a.text}」不是日期，也不是可识别的完成情况（如“按时完成”“未完成”）。`, `The actual value "${a.text}" is neither a date nor a known grade (such as 按时完成, 未完成).`));
    }
    case 'bad':
      return review(method, head, a.reason);
    case 'number':
      return review(method, head, bi(`实际完成值 ${fmt(a.value)} 不是日期（请填写日期，或“按时完成”“未完成”）。`, `The actual value ${fmt(a.value)} is not a date (enter a date, or 按时完成 / 未完成).`));
  }
}

// ---------------------------------------------------------------- grades (qualitative)

function scoreGrade(input: MethodInput, method: ScoreMethod, full: Dec, fullExpr: string, partial: 'weighted' | 'zero', head: Bilingual): MethodOutcome {
  const formula = gradeFormula(input.ref, fullExpr, partial);
  const a = input.actual;
  switch (a.kind) {
    case 'empty':
      return waiting(method, head, formula);
    case 'text': {
      const g = readGrade(a.text);
      if (g.kind === 'full') return scored(method, full, formula, join(head, bi(`实际「${a.text}」，为达成，得 ${fmt(roundScore(full))} 分。`, `Actual "${a.text}": reached, score ${fmt(roundScore(full))}.`)));
      if (g.kind === 'zero') return scored(method, D(0), formula, join(head, bi(`实际「${a.text}」，为未达成，得 0 分。`, `Actual "${a.text}": not reached, score 0.`)));
      if (g.kind === 'partial') {
        if (partial === 'zero') return scored(method, D(0), formula, join(head, bi(`实际「${a.text}」，未完全达到，得 0 分。`, `Actual "${a.text}": not fully reached, score 0.`)));
        if (g.pct === null) {
          return review(method, head, bi(`「${a.text}」需写明达成比例（如“部分达成 70%”），才能计分。`, `"${a.text}" needs its share written (such as 部分达成 70%) to be scored.`));
        }
        if (g.pct.lessThan(PARTIAL_MIN) || g.pct.greaterThan(PARTIAL_MAX)) {
          return review(
            method,
            head,
            bi(`部分达成的比例应在 ${PARTIAL_MIN}%–${PARTIAL_MAX}% 之间，「${a.text}」不在其中。`, `A partial grade's share must be ${PARTIAL_MIN}%–${PARTIAL_MAX}%; "${a.text}" is not.`),
          );
        }
        const s = full.times(g.pct).dividedBy(100);
        return scored(method, s, formula, join(head, bi(`实际「${a.text}」：${fmt(full)} × ${fmt(g.pct)}% = ${fmt(roundScore(s))} 分。`, `Actual "${a.text}": ${fmt(full)} × ${fmt(g.pct)}% = ${fmt(roundScore(s))}.`)));
      }
      return review(
        method,
        head,
        bi(
          `无法识别实际完成情况「${a.text}」：请填写“达成”“部分达成 N%”或“未达成”。`,
          `The grade "${a.text}" is not known: write 达成, 部分达成 N% or 未达成.`,
        ),
      );
    }
    case 'bad':
      return review(method, head, a.reason);
    case 'number':
      return review(method, head, bi(`定性指标的实际完成值是数字 ${fmt(a.value)}：请填写“达成”“部分达成 N%”或“未达成”。`, `The actual value of a qualitative indicator is the number ${fmt(a.value)}: write 达成, 部分达成 N% or 未达成.`));
    case 'date':
      return review(method, head, bi('定性指标的实际完成值是日期：请填写“达成”“部分达成 N%”或“未达成”。', 'The actual value of a qualitative indicator is a date: write 达成, 部分达成 N% or 未达成.'));
  }
}

// ---------------------------------------------------------------- binary

export function scoreBinary(input: MethodInput, rule: BinaryRule): MethodOutcome {
  const w = input.weight;
  const full = rule.points !== null ? D(rule.points) : (w?.value ?? null);
  const fullExpr = rule.points !== null ? lit(rule.points) : (w?.expr ?? '');
  const head = join(ruleText(input, full), full ? bi(`（满分 ${fmt(full)} 分）`, `(full points ${fmt(full)})`) : bi('', ''), rule.points === null ? weightNote(w) : bi('', ''));
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

// ---------------------------------------------------------------- per occurrence

export function scorePerOccurrence(input: MethodInput, rule: PerOccurrenceRule): MethodOutcome {
  const w = input.weight;
  const base = rule.base !== null ? D(rule.base) : (w?.value ?? null);
  const baseExpr = rule.base !== null ? lit(rule.base) : (w?.expr ?? '');
  const head = join(ruleText(input, base), base ? bi(`（满分 ${fmt(base)} 分）`, `(from ${fmt(base)})`) : bi('', ''));
  if (base === null) return review('perOccurrence', head, needWeight(input) as Bilingual);
  const a = input.actual;
  const ref = input.ref;
  let count: Dec | null = null;
  let guard = (b: string) => `IF(ISNUMBER(${ref}),${b},"")`;
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

// ---------------------------------------------------------------- checklist

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const ITEM_SEPARATORS = /^[、,，;；\s和及]+$/;

/** Items named in an actual cell: `①③`, `1、3`, `(1)(2)`; null when the text is anything else. */
export function readItems(text: string, count: number): Set<number> | null {
  const found = new Set<number>();
  let rest = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = CIRCLED.indexOf(ch);
    if (c >= 0) {
      found.add(c + 1);
      continue;
    }
    if (/[1-9]/.test(ch) && count <= 9) {
      if (/[0-9]/.test(text[i + 1] ?? '') || /[0-9]/.test(text[i - 1] ?? '')) return null; // `12`: an item or twelve?
      found.add(Number(ch));
      continue;
    }
    if (ch === '(' || ch === ')' || ch === '（' || ch === '）') continue;
    rest += ch;
  }
  if (rest !== '' && !ITEM_SEPARATORS.test(rest)) return null;
  if (found.size === 0) return null;
  for (const n of found) if (n > count) return null;
  return found;
}

export function scoreChecklist(input: MethodInput, rule: ChecklistRule): MethodOutcome {
  const w = input.weight;
  const ref = input.ref;
  const a = input.actual;
  const t = `TRIM(${ref})`;
  if (rule.items.length > 0) {
    const sum = rule.items.reduce((s, it) => s.plus(it.points), D(0));
    const head = join(ruleText(input, null), bi('实际完成值填写已完成的项目编号（如“①③”或“1、3”），或“全部”“无”。', 'The actual cell lists the items met (such as ①③ or 1、3), or 全部 / 无.'));
    const parts = rule.items.map((it, i) => {
      const tests = [`ISNUMBER(FIND(${str(CIRCLED[i])},${ref}))`];
      if (rule.items.length <= 9) tests.push(`ISNUMBER(FIND(${str(String(i + 1))},${ref}))`);
      return `IF(${tests.length > 1 ? `OR(${tests.join(',')})` : tests[0]},${lit(it.points)},0)`;
    });
    const formula = `IF(${anyOf(t, ALL_ITEMS)},${lit(sum)},IF(${anyOf(t, NO_ITEMS)},0,ROUND(${parts.join('+')},2)))`;
    if (a.kind === 'empty') return waiting('checklist', head, formula);
    if (a.kind === 'bad') return review('checklist', head, a.reason);
    if (a.kind !== 'text') {
      return review('checklist', head, bi('实际完成值应列出已完成的项目编号（如“①③”），而不是一个数字或日期。', 'The actual value should list the items met (such as ①③), not a number or a date.'));
    }
    if (ALL_ITEMS.includes(a.text)) return scored('checklist', sum, formula, join(head, bi(`实际「${a.text}」，各项均完成，得 ${fmt(sum)} 分。`, `Actual "${a.text}": every item met, score ${fmt(sum)}.`)));
    if (NO_ITEMS.includes(a.text)) return scored('checklist', D(0), formula, join(head, bi(`实际「${a.text}」，各项均未完成，得 0 分。`, `Actual "${a.text}": no item met, score 0.`)));
    const items = readItems(a.text, rule.items.length);
    if (!items) {
      return review('checklist', head, bi(`无法从「${a.text}」读出已完成的项目编号（1–${rule.items.length}）。`, `No item numbers (1–${rule.items.length}) can be read from "${a.text}".`));
    }
    const list = [...items].sort((p, q) => p - q);
    const score = list.reduce((s, n) => s.plus(rule.items[n - 1].points), D(0));
    const terms = list.map((n) => fmt(rule.items[n - 1].points)).join(' + ');
    return scored(
      'checklist',
      score,
      formula,
      join(head, bi(`实际完成第 ${list.join('、')} 项：${terms} = ${fmt(score)} 分。`, `Items ${list.join(', ')} met: ${terms} = ${fmt(score)}.`)),
    );
  }
  // 每少一项扣N分 with no items listed: the actual cell holds the number of missing items.
  const base = w?.value ?? null;
  const head = join(ruleText(input, base), bi('实际完成值填写缺少的项数（或“全部”“无缺项”）。', 'The actual cell holds the number of missing items (or 全部 / 无缺项).'));
  if (base === null || !w) return review('checklist', head, needWeight(input) as Bilingual);
  const d = rule.deductPerMissing ?? 0;
  const fullWords = [...ALL_ITEMS, '无缺项'];
  const numeric = (c: string) => `ROUND(MAX(0,${w.expr}-${c}*${lit(d)}),2)`;
  let formula = `IF(${anyOf(t, fullWords)},${w.expr},IF(ISNUMBER(${ref}),${numeric(ref)},""))`;
  if (a.kind === 'number' && !a.plainCell && !a.percent) formula = numeric(a.expr);
  if (a.kind === 'empty') return waiting('checklist', head, formula);
  if (a.kind === 'text' && fullWords.includes(a.text)) return scored('checklist', base, formula, join(head, bi(`实际「${a.text}」，无缺项，得 ${fmt(base)} 分。`, `Actual "${a.text}": nothing missing, score ${fmt(base)}.`)));
  if (a.kind !== 'number' || a.percent || !a.value.isInteger() || a.value.isNegative()) {
    return review('checklist', head, bi('实际完成值应为缺少的项数（0、1、2…）。', 'The actual value should be the number of missing items (0, 1, 2, …).'));
  }
  const ded = a.value.times(d);
  const score = maxD(D(0), base.minus(ded));
  return scored('checklist', score, formula, join(head, bi(`缺 ${fmt(a.value)} 项，扣 ${fmt(ded)} 分，得 ${fmt(roundScore(score))} 分。`, `${fmt(a.value)} missing: −${fmt(ded)}, score ${fmt(roundScore(score))}.`)));
}

// ---------------------------------------------------------------- no computable method: national defaults

export function scoreUnspecified(input: MethodInput): MethodOutcome {
  const w = input.weight;
  const t = input.target;
  const a = input.actual;
  // Qualitative: a text target, or 定性 with a grade in the actual cell.
  const qualitative = t.kind === 'text' || (t.kind === 'empty' && a.kind !== 'number') || (input.dir.source === 'qualitative' && t.kind === 'number' && a.kind === 'text');
  const base = ruleText(input, null);
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

/** Why a numeric comparison has no direction: 指标值类型 unreadable, or 定性 with a numeric target. */
function polarityProblem(input: MethodInput): Bilingual {
  if (input.dir.source === 'qualitative') {
    const text = input.ind.target?.text ?? '';
    return bi(
      `指标值类型为“定性”，但指标值「${text}」是数值：无法确定按数值还是按完成情况评分（实际完成值填“达成”等可按完成情况计分）。`,
      `The 指标值类型 is 定性 but the target "${text}" is a number: scoring by number or by grade cannot be decided (a grade such as 达成 in the actual cell is scored by grade).`,
    );
  }
  return bi('指标值类型无法识别（应为 ≥、≤、= 或 定性），不能判断高低方向。', 'The 指标值类型 cannot be read (≥, ≤, = or 定性): the direction is unknown.');
}

// ---------------------------------------------------------------- dispatch

export function scoreIndicator(input: MethodInput): MethodOutcome {
  const rule = input.rule;
  switch (rule.family) {
    case 'step':
      return scoreStep(input, rule);
    case 'threshold':
      return scoreThreshold(input, rule);
    case 'tier':
      return scoreTier(input, rule);
    case 'binary':
      return scoreBinary(input, rule);
    case 'perOccurrence':
      return scorePerOccurrence(input, rule);
    case 'checklist':
      return scoreChecklist(input, rule);
    case 'unspecified':
      return scoreUnspecified(input);
  }
}
