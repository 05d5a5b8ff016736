/** The JSON document of `jixiao score --json`, described by zod (tests validate every output against it). */
import { z } from 'zod';
import { ScoreMethodSchema } from '../domain/framework';
import { ProfileChosenSchema } from '../profile';
import type { Lang } from '../check/findings';
import type { ScoreResult } from './types';

export const SCORE_REPORT_VERSION = '1';

const Bilingual = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const A1 = z.string().regex(/^[A-Z]{1,3}\d+$/);
const Method = ScoreMethodSchema;

export const IndicatorScoreSchema = z.object({
  indicator: z.string(),
  sheet: z.string(),
  row: z.number().int().positive(),
  /** The 得分 cell. */
  cell: A1,
  /** The 实际完成值 cell. */
  actualCell: A1.nullable(),
  actual: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  target: z.string(),
  /** Null when the score needs review (or the actual value is not filled in). */
  score: z.number().nullable(),
  weight: z.number().nullable(),
  method: Method,
  /** The formula written into the 得分 cell (without '='), or null. */
  formula: z.string().nullable(),
  explanation: Bilingual,
  needsReview: z.boolean(),
  reason: Bilingual.nullable(),
  /** The cell held a score of the user's, which was kept (no --overwrite). */
  kept: z.boolean(),
});

export const BudgetExecutionSchema = z.object({
  cell: A1,
  rate: z.number().nullable(),
  score: z.number().nullable(),
  weight: z.number(),
  formula: z.string().nullable(),
  explanation: Bilingual,
  needsReview: z.boolean(),
  reason: Bilingual.nullable(),
});

export const ProjectScoreSchema = z.object({
  name: z.string(),
  sheet: z.string(),
  layout: z.enum(['targetTable', 'selfEvaluation']),
  /** Σ scores (+ 预算执行率); null while any score is missing. */
  total: z.number().nullable(),
  grade: z.enum(['优', '良', '中', '差']).nullable(),
  /** Where the total was written, or null when the layout has no place for it. */
  totalCell: A1.nullable(),
  needsReview: z.boolean(),
  budgetExecution: BudgetExecutionSchema.nullable(),
  indicators: z.array(IndicatorScoreSchema),
});

export const ScoreFindingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string(),
  cell: A1,
  project: z.string().nullable(),
  indicator: z.string().nullable(),
  message: z.string(),
});

export const ScoreFileReportSchema = z.object({
  file: z.string(),
  /** The profile chosen for this file from its tables, when no --profile was given. */
  profileChosen: ProfileChosenSchema.optional(),
  /** Set when the file could not be read or written. */
  error: z.string().optional(),
  /** Path of the scored copy. */
  output: z.string().optional(),
  projects: z.array(ProjectScoreSchema),
  addedColumns: z.array(z.object({ sheet: z.string(), role: z.enum(['actual', 'score']), column: z.string() })),
  findings: z.array(ScoreFindingSchema),
  summary: z.object({ indicators: z.number().int(), scored: z.number().int(), needsReview: z.number().int(), kept: z.number().int() }),
});

export const ScoreReportSchema = z.object({
  version: z.string(),
  profile: z.string(),
  lang: z.enum(['zh-CN', 'en-US']),
  files: z.array(ScoreFileReportSchema),
});

export type ScoreReport = z.infer<typeof ScoreReportSchema>;
export type ScoreFileReport = z.infer<typeof ScoreFileReportSchema>;

export function scoreFileReport(file: string, result: ScoreResult, lang: Lang): ScoreFileReport {
  const indicators = result.projects.flatMap((p) => p.indicators);
  return {
    file,
    projects: result.projects.map((p) => ({
      name: p.name,
      sheet: p.sheet,
      layout: p.layout,
      total: p.total,
      grade: p.grade,
      totalCell: p.totalCell,
      needsReview: p.needsReview,
      budgetExecution: p.budgetExecution
        ? {
            cell: p.budgetExecution.cell,
            rate: p.budgetExecution.rate,
            score: p.budgetExecution.score,
            weight: p.budgetExecution.weight,
            formula: p.budgetExecution.formula,
            explanation: p.budgetExecution.explanation,
            needsReview: p.budgetExecution.needsReview,
            reason: p.budgetExecution.reason,
          }
        : null,
      indicators: p.indicators.map((s) => ({
        indicator: s.indicator,
        sheet: s.sheet,
        row: s.row,
        cell: s.cell,
        actualCell: s.actualCell,
        actual: s.actual,
        target: s.target,
        score: s.score,
        weight: s.weight,
        method: s.method,
        formula: s.formula,
        explanation: s.explanation,
        needsReview: s.needsReview,
        reason: s.reason,
        kept: s.kept,
      })),
    })),
    addedColumns: result.addedColumns.map((c) => ({ sheet: c.sheet, role: c.role, column: c.letter })),
    findings: result.findings.map((f) => ({ id: f.id, severity: f.severity, sheet: f.sheet, cell: f.cell, project: f.project, indicator: f.indicator, message: f.message[lang] })),
    summary: {
      indicators: indicators.length,
      scored: indicators.filter((s) => s.score !== null).length,
      needsReview: indicators.filter((s) => s.needsReview).length + result.projects.filter((p) => p.budgetExecution?.needsReview).length,
      kept: indicators.filter((s) => s.kept).length,
    },
  };
}
