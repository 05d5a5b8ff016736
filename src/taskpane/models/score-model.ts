/** Score: host → scoring engine → formulas written, and the per-category figures the pane charts. No React. */
import { CATEGORY_KEYS } from '../../core/domain/framework';
import type { WorkbookHost, ApplyReport } from '../../hosts/workbook-host';
import type { Lang } from '../../core/check/findings';
import type { CategoryKey, Project } from '../../core/model';
import { runScore, scorePlan, type ProjectScore, type ScoreResult } from '../../core/score';
import { profileFor, type Settings } from './settings';
import { workbookContext } from '../../core/workbook';

export interface ScoreState {
  result: ScoreResult;
  report: ApplyReport;
  at: Date;
}

export interface ScoreOptionsUi {
  overwrite: boolean;
  addActual: boolean;
}

export async function runPaneScore(host: WorkbookHost, settings: Settings, lang: Lang, opts: ScoreOptionsUi): Promise<ScoreState> {
  const context = workbookContext(await host.readWorkbook());
  const result = runScore(context, profileFor(settings, context.model).profile, opts);
  const plan = scorePlan(result, lang, settings.colours);
  const report = await host.applyPlan(plan);
  return { result, report, at: new Date() };
}

export const CATEGORY_LABEL: Record<CategoryKey | 'other' | 'budget', Record<Lang, string>> = {
  cost: { 'zh-CN': '成本', 'en-US': 'Cost' },
  output: { 'zh-CN': '产出', 'en-US': 'Output' },
  effect: { 'zh-CN': '效益', 'en-US': 'Effect' },
  satisfaction: { 'zh-CN': '满意度', 'en-US': 'Satisfaction' },
  budget: { 'zh-CN': '预算执行率', 'en-US': 'Budget execution' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

export interface CategoryBar {
  key: CategoryKey | 'other' | 'budget';
  /** Σ scores known so far. */
  score: number;
  /** Σ weights (分值) of the category's indicators, when known. */
  weight: number;
  /** Indicators whose score is not known yet (needs review, or no actual). */
  pending: number;
}

const ORDER: Array<CategoryBar['key']> = [...CATEGORY_KEYS, 'other', 'budget'];

/** Scores by 一级指标 for one project: the model gives each indicator row its category. */
export function categoryBars(p: ProjectScore, result: ScoreResult): CategoryBar[] {
  const project = findProject(result, p);
  const catOfRow = new Map<number, CategoryKey | null>();
  for (const r of project?.rows ?? []) catOfRow.set(r.row, r.categoryKey);
  const bars = new Map<CategoryBar['key'], CategoryBar>();
  const bar = (key: CategoryBar['key']) => {
    let b = bars.get(key);
    if (!b) bars.set(key, (b = { key, score: 0, weight: 0, pending: 0 }));
    return b;
  };
  for (const s of p.indicators) {
    const b = bar(catOfRow.get(s.row) ?? 'other');
    if (s.score !== null) b.score += s.score;
    else b.pending++;
    if (s.weight !== null) b.weight += s.weight;
  }
  if (p.budgetExecution) {
    const b = bar('budget');
    if (p.budgetExecution.score !== null) b.score += p.budgetExecution.score;
    else b.pending++;
    b.weight += p.budgetExecution.weight;
  }
  return ORDER.filter((k) => bars.has(k)).map((k) => {
    const b = bars.get(k)!;
    return { ...b, score: round(b.score), weight: round(b.weight) };
  });
}

function findProject(result: ScoreResult, p: ProjectScore): Project | undefined {
  for (const sheet of result.model.sheets) {
    if (sheet.sheet !== p.sheet) continue;
    for (const t of sheet.tables) for (const q of t.projects) if (q.firstRow === p.firstRow) return q;
  }
  return undefined;
}

export interface ReviewItem {
  sheet: string;
  cell: string;
  project: string;
  indicator: string;
  reason: string;
}

export function reviewItems(result: ScoreResult, lang: Lang): ReviewItem[] {
  const out: ReviewItem[] = [];
  for (const p of result.projects) {
    for (const s of p.indicators) {
      if (s.needsReview) out.push({ sheet: s.sheet, cell: s.cell, project: p.name, indicator: s.indicator, reason: s.reason?.[lang] ?? s.explanation[lang] });
    }
    const b = p.budgetExecution;
    if (b?.needsReview) out.push({ sheet: b.sheet, cell: b.cell, project: p.name, indicator: CATEGORY_LABEL.budget[lang], reason: b.reason?.[lang] ?? b.explanation[lang] });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
