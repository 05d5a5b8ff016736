/**
 * Grade words (达成 / 部分达成 N% / 未达成): what they give, their part of a formula, and the fallback
 * for a qualitative indicator whose rule gives no method (method 'grade'); binary rules use it too.
 */
import { D, Dec, fmt, roundScore } from '../num';
import { excelTrim, str } from '../inputs';
import { bi, join } from '../explain';
import type { Bilingual, ScoreMethod } from '../types';
import { review, scored, waiting, type MethodInput, type MethodOutcome } from './outcome';

/**
 * Grades that give the full weight, and those that give 0 (compared after Excel's TRIM, exactly): the words
 * of the national form (达成年度指标) and what 自评表 write in their place (达成预期指标, 已完成, 达到, 及时).
 */
export const FULL_GRADES = [
  '达成', '已达成', '完成', '已完成', '全部完成', '全部达成', '按时完成', '已按时完成', '达标', '已达标', '是',
  '达成预期指标', '达到预期指标', '达成年度指标', '达成预期目标', '达到预期目标', '完成预期指标', '达成目标', '达到目标', '完成目标',
  '已完成目标', '达到', '已达到', '达到预期', '达成预期', '按期完成', '如期完成', '及时完成', '按时', '及时',
];
export const ZERO_GRADES = ['未达成', '未完成', '未按时完成', '未达标', '没有完成', '否', '未达到', '没有达到', '未达到预期', '未达成预期指标', '未达到预期指标', '未达成年度指标', '未完成目标'];
export const PARTIAL_PREFIXES = ['部分达成', '部分完成'];
/** 部分达成 N% takes N within these bounds (domain primer: 部分达成 80–50% of the weight). */
export const PARTIAL_MIN = 50;
export const PARTIAL_MAX = 80;
const PARTIAL_RE = /^(部分达成|部分完成)[ :：]*(\d+(?:\.\d+)?) *%$/;
/**
 * 基本达成: where the band of 达成 (100–80%) meets that of 部分达成 (80–50%), so PARTIAL_MAX of the weight, the
 * most a grade short of 达成 gives.
 */
export const BASIC_GRADES = ['基本达成', '基本完成', '基本达到', '基本达成预期指标', '基本达到预期指标', '基本达成年度指标', '基本完成预期指标'];

type GradeReading = { kind: 'full' } | { kind: 'zero' } | { kind: 'partial'; pct: Dec | null } | { kind: 'unknown' };

export function readGrade(text: string): GradeReading {
  if (FULL_GRADES.includes(text)) return { kind: 'full' };
  if (ZERO_GRADES.includes(text)) return { kind: 'zero' };
  if (BASIC_GRADES.includes(text)) return { kind: 'partial', pct: D(PARTIAL_MAX) };
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
export function anyOf(t: string, words: readonly string[]): string {
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
 * The grade part of a formula. `partial`: 'weighted' gives weight × N% for 部分达成 N% (50 ≤ N ≤ 80) and
 * PARTIAL_MAX% for 基本达成, 'zero' gives 0 for any of them (binary rules). `otherwise` is the value for any
 * other text. `same`: a text target; the actual restating it (及时 for 及时) is 达成.
 */
export function gradeFormula(ref: string, full: string, partial: 'weighted' | 'zero' | 'blank', otherwise = '""', same: string | null = null): string {
  const t = `TRIM(${ref})`;
  const fullWords = same !== null && !FULL_GRADES.includes(same) ? [...FULL_GRADES, same] : FULL_GRADES;
  const isPartial = startsWithAny(t, PARTIAL_PREFIXES);
  const pct = `VALUE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(MID(${t},5,50),"%","")," ",""),":",""),"：",""))`;
  const partialValue =
    partial === 'zero'
      ? '0'
      : partial === 'blank'
        ? '""'
        : `IF(ISNUMBER(${pct}),IF(AND(${pct}>=${PARTIAL_MIN},${pct}<=${PARTIAL_MAX}),ROUND(${full}*${pct}/100,2),""),"")`;
  const basicValue = partial === 'zero' ? '0' : partial === 'blank' ? '""' : `ROUND(${full}*${PARTIAL_MAX}/100,2)`;
  const partials = partialValue === otherwise ? otherwise : `IF(${isPartial},${partialValue},${otherwise})`;
  const rest = basicValue === partials ? partials : `IF(${anyOf(t, BASIC_GRADES)},${basicValue},${partials})`;
  return `IF(${anyOf(t, fullWords)},${full},IF(${anyOf(t, ZERO_GRADES)},0,${rest}))`;
}

// ---------------------------------------------------------------- scoring by grade

export function scoreGrade(input: MethodInput, method: ScoreMethod, full: Dec, fullExpr: string, partial: 'weighted' | 'zero', head: Bilingual): MethodOutcome {
  // A text target the actual repeats (及时 / 及时, 符合要求 / 符合要求) is reached.
  const same = input.target.kind === 'text' ? excelTrim(input.target.text) : null;
  const formula = gradeFormula(input.ref, fullExpr, partial, '""', same);
  const a = input.actual;
  switch (a.kind) {
    case 'empty':
      return waiting(method, head, formula);
    case 'text': {
      if (same !== null && a.text === same && !FULL_GRADES.includes(a.text)) {
        return scored(method, full, formula, join(head, bi(`实际「${a.text}」与指标值相同，为达成，得 ${fmt(roundScore(full))} 分。`, `Actual "${a.text}" is the target itself: reached, score ${fmt(roundScore(full))}.`)));
      }
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
