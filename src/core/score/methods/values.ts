/** The inputs a method needs, read as it needs them (a number, a weight), or the review reason why they cannot be. */
import { normalizeText } from '../../domain/text';
import { Dec, fmt } from '../num';
import type { NumberValue, WeightValue } from '../inputs';
import { bi, show } from '../explain';
import type { Bilingual } from '../types';
import type { MethodInput } from './outcome';

/** The weight, or a review reason. */
export function needWeight(input: MethodInput): WeightValue | Bilingual {
  return (
    input.weight ??
    bi('没有分值：分值列为空，评分标准也未写明分值（如“该指标分值为10分”）。', 'No weight: the 分值 column is empty and the rule states none (such as 该指标分值为10分).')
  );
}

export function isBilingual(x: unknown): x is Bilingual {
  return typeof x === 'object' && x !== null && 'zh-CN' in x;
}

export function weightNote(w: WeightValue | null): Bilingual {
  if (!w || w.conflict === null) return bi('', '');
  return bi(`（分值列 ${fmt(w.value)} 分与评分标准写的 ${fmt(w.conflict)} 分不一致，按分值列计。）`, `(The 分值 column says ${fmt(w.value)}, the rule ${fmt(w.conflict)}; the column is used.)`);
}

/** The target as a number, or a review reason. */
export function needTargetNumber(input: MethodInput, opts: { nonZero?: boolean } = {}): NumberValue | Bilingual {
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
export interface Num {
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
export function needActualNumber(input: MethodInput, wantPercent: boolean, scaleHint: Dec | null, targetUnit: string | null): Num | Bilingual {
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

export function unitsAgree(a: string, b: string): boolean {
  const x = normalizeText(a);
  const y = normalizeText(b);
  return x === y || x.startsWith(y) || y.startsWith(x);
}

export function targetUnitOf(input: MethodInput, t: NumberValue | null): string | null {
  if (t && t.percent) return null;
  return t?.unit ?? input.unit ?? null;
}

export function valueText(v: Dec, percent: boolean, unit: string | null): string {
  return show(v, percent, unit);
}

/** Why a numeric comparison has no direction: 指标值类型 unreadable, or 定性 with a numeric target. */
export function polarityProblem(input: MethodInput): Bilingual {
  if (input.dir.source === 'qualitative') {
    const text = input.ind.target?.text ?? '';
    return bi(
      `指标值类型为“定性”，但指标值「${text}」是数值：无法确定按数值还是按完成情况评分（实际完成值填“达成”等可按完成情况计分）。`,
      `The 指标值类型 is 定性 but the target "${text}" is a number: scoring by number or by grade cannot be decided (a grade such as 达成 in the actual cell is scored by grade).`,
    );
  }
  return bi('指标值类型无法识别（应为 ≥、≤、= 或 定性），不能判断高低方向。', 'The 指标值类型 cannot be read (≥, ≤, = or 定性): the direction is unknown.');
}
