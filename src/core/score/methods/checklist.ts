/** Checklists: the sum of the items named in the actual cell (`①③`), or the weight less a deduction per missing item. */
import type { ChecklistRule } from '../../model';
import { D, fmt, lit, maxD, roundScore } from '../num';
import { str } from '../inputs';
import { bi, join } from '../explain';
import type { Bilingual } from '../types';
import { anyOf } from './grade';
import { review, ruleText, scored, waiting, type MethodInput, type MethodOutcome } from './outcome';
import { needWeight } from './values';

/** Checklist: every item met / none met. */
const ALL_ITEMS = ['全部', '全部完成', '全部达成', '均已完成', '达成', '完成', '已完成'];
const NO_ITEMS = ['无', '均未完成', '未达成', '未完成'];

/** `规则：(1) … 1 分；(2) … 1 分。` or `规则：每少一项扣 N 分，扣完为止。` */
export function describeChecklist(rule: ChecklistRule): Bilingual {
  if (rule.items.length === 0) {
    return bi(`规则：每少一项扣 ${fmt(rule.deductPerMissing ?? 0)} 分，扣完为止。`, `Rule: −${fmt(rule.deductPerMissing ?? 0)} per missing item, down to 0.`);
  }
  const zh = rule.items.map((it, i) => `(${i + 1}) ${it.label} ${fmt(it.points)} 分`).join('；');
  const en = rule.items.map((it, i) => `(${i + 1}) ${it.label}: ${fmt(it.points)}`).join('; ');
  return bi(`规则：${zh}。`, `Rule: ${en}.`);
}

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
    const head = join(ruleText(input, rule, null, describeChecklist), bi('实际完成值填写已完成的项目编号（如“①③”或“1、3”），或“全部”“无”。', 'The actual cell lists the items met (such as ①③ or 1、3), or 全部 / 无.'));
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
  const head = join(ruleText(input, rule, base, describeChecklist), bi('实际完成值填写缺少的项数（或“全部”“无缺项”）。', 'The actual cell holds the number of missing items (or 全部 / 无缺项).'));
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
