/** A time target: the fallback for a date target whose rule gives no method (method 'onTime'); binary on-time rules use it too. */
import { D, Dec, fmt, roundScore } from '../num';
import { compareDates, showDate, str, type DateValue } from '../inputs';
import { bi, join } from '../explain';
import type { Bilingual, ScoreMethod } from '../types';
import { gradeFormula, readGrade } from './grade';
import { review, scored, waiting, type MethodInput, type MethodOutcome } from './outcome';

function dateLit(d: { y: number; m: number; d: number }): string {
  return `DATE(${d.y},${d.m},${d.d})`;
}

/**
 * A time target: the actual date (a date cell, or a text date read as its last day) or a grade
 * (按时完成/已完成 … full, 未完成 … 0). `late`: the value when the date is later than the deadline:
 * '0' for rules that say so (binary), '""' (review) for the default.
 */
export function scoreDate(input: MethodInput, method: ScoreMethod, deadline: DateValue, full: Dec, fullExpr: string, lateZero: boolean, head: Bilingual): MethodOutcome {
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
