/**
 * ScoreResult → write plan: the added columns (formats copied from a neighbour, header merged over the
 * header band), a formula with its cached value and an explanatory note in every 得分 cell, a mark
 * (需人工评分, with the reason) where a score needs review, totals and grades.
 * Nothing else is written: every other cell of the workbook stays as it was.
 */
import type { Lang } from '../check/findings';
import type { PlanOp, WritePlan } from '../plan/ops';
import { MARK_FILLS, NOTE_TAG, type MarkColours } from '../plan/conventions';
import { toA1 } from '../domain/a1';
import type { Bilingual, BudgetExecutionScore, IndicatorScore, ScoreResult } from './types';

const LABEL = {
  score: { 'zh-CN': '评分', 'en-US': 'Score' },
  review: { 'zh-CN': '需人工评分', 'en-US': 'Needs review' },
  total: { 'zh-CN': '总分', 'en-US': 'Total' },
  grade: { 'zh-CN': '等级', 'en-US': 'Grade' },
} as const;

/** The score plan; its marks are painted in `colours` (the defaults, or the task pane's settings). */
export function scorePlan(result: ScoreResult, lang: Lang, colours: MarkColours = MARK_FILLS): WritePlan {
  const ops: PlanOp[] = [];
  for (const col of result.addedColumns) {
    const L = col.letter;
    const F = toA1(1, col.formatFrom).replace(/\d+$/, '');
    ops.push({ op: 'copyFormat', sheet: col.sheet, from: `${F}${col.top}:${F}${col.bottom}`, to: `${L}${col.top}:${L}${col.bottom}`, columnWidth: true });
    for (const h of col.headers) {
      if (h.mergeTo > h.row) ops.push({ op: 'merge', sheet: col.sheet, range: `${L}${h.row}:${L}${h.mergeTo}` });
      ops.push({ op: 'setValue', sheet: col.sheet, cell: `${L}${h.row}`, value: col.header });
    }
  }
  for (const p of result.projects) {
    for (let i = 0; i < p.indicators.length; i++) cellOps(ops, p.indicators[i], lang, colours);
    if (p.budgetExecution) cellOps(ops, p.budgetExecution, lang, colours);
    if (p.totalCell && p.totalFormula) {
      const n = p.indicators.length + (p.budgetExecution ? 1 : 0);
      const note =
        p.total !== null
          ? lang === 'zh-CN'
            ? `${NOTE_TAG} ${LABEL.total[lang]}：${n} 项得分之和 = ${p.total}${p.grade ? `（${p.grade}）` : ''}`
            : `${NOTE_TAG} ${LABEL.total[lang]}: sum of ${n} scores = ${p.total}${p.grade ? ` (${p.grade})` : ''}`
          : lang === 'zh-CN'
            ? `${NOTE_TAG} ${LABEL.total[lang]}：尚有得分未定，各项得分齐全后自动合计（已有 ${p.partialTotal} 分）`
            : `${NOTE_TAG} ${LABEL.total[lang]}: some scores are missing; the sum appears once all are in (${p.partialTotal} so far)`;
      ops.push({ op: 'setFormula', sheet: p.sheet, cell: p.totalCell, formula: p.totalFormula, value: p.total ?? '', note });
    }
    if (p.gradeCell && p.gradeFormula) {
      ops.push({ op: 'setFormula', sheet: p.sheet, cell: p.gradeCell, formula: p.gradeFormula, value: p.grade ?? '' });
    }
  }
  return { ops };
}

/**
 * The note of a score cell. Rows with equal inputs share one explanation object (the scorer's row
 * memo), so they share one note string too instead of a copy per row.
 */
const NOTES: Record<Lang, WeakMap<Bilingual, string>> = { 'zh-CN': new WeakMap(), 'en-US': new WeakMap() };

function scoreNote(explanation: Bilingual, lang: Lang): string {
  let note = NOTES[lang].get(explanation);
  if (note === undefined) NOTES[lang].set(explanation, (note = `${NOTE_TAG} ${LABEL.score[lang]}：${explanation[lang]}`));
  return note;
}

function cellOps(ops: PlanOp[], s: IndicatorScore | BudgetExecutionScore, lang: Lang, colours: MarkColours): void {
  if (s.kept) {
    // The user's value stays; a note says what the rule gives (a mark when that needs attention).
    if (s.needsReview) ops.push({ op: 'mark', sheet: s.sheet, cell: s.cell, severity: 'warning', fill: colours.warning, note: `${NOTE_TAG} ${LABEL.review[lang]}：${s.reason![lang]}\n${s.explanation[lang]}` });
    else ops.push({ op: 'mark', sheet: s.sheet, cell: s.cell, severity: 'info', fill: colours.info, note: `${NOTE_TAG} ${s.explanation[lang]}` });
    return;
  }
  if (s.formula) {
    if (s.needsReview) ops.push({ op: 'setFormula', sheet: s.sheet, cell: s.cell, formula: s.formula, value: s.score ?? '' });
    else ops.push({ op: 'setFormula', sheet: s.sheet, cell: s.cell, formula: s.formula, value: s.score ?? '', note: scoreNote(s.explanation, lang) });
  } else if (s.previous === 'own') {
    // No formula now: the formula jixiao wrote before is cleared.
    ops.push({ op: 'setValue', sheet: s.sheet, cell: s.cell, value: null });
  }
  if (s.needsReview) {
    ops.push({ op: 'mark', sheet: s.sheet, cell: s.cell, severity: 'warning', fill: colours.warning, note: `${NOTE_TAG} ${LABEL.review[lang]}：${s.reason![lang]}\n${s.explanation[lang]}` });
  }
}
