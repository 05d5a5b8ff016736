/** The CLI's JSON output, described by zod (the README documents it; tests validate every output against it). */
import { rangeToA1 } from '../domain/a1';
import { z } from 'zod';
import type { CheckResult } from './engine';
import type { Lang } from './findings';
import { ProfileChosenSchema } from '../profile';
import { REVIEW_CATEGORIES } from './findings';

export const REPORT_VERSION = '1';

export const FindingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]{1,3}\d+$/),
  row: z.number().int().positive(),
  project: z.string().nullable(),
  indicator: z.string().nullable(),
  message: z.string(),
  category: z.string(),
  categoryKey: z.string(),
  /** Present when jixiao can fix the finding (`jixiao fix --only ID`): its id, label (in --lang) and whether it is safe. */
  fix: z.object({ id: z.string(), label: z.string(), safe: z.boolean() }).optional(),
});

export const ProjectSummarySchema = z.object({
  name: z.string(),
  code: z.string().nullable(),
  fund: z.number().nullable(),
  rows: z.object({ first: z.number().int(), last: z.number().int() }),
  indicators: z.number().int().nonnegative(),
  framework: z.enum(['new', 'old']).nullable(),
});

export const TableSummarySchema = z.object({
  sheet: z.string(),
  kind: z.enum(['project', 'department']),
  range: z.string(),
  /** The money unit the table states or writes its amounts in (funds are in it); null when it states none. */
  moneyUnit: z.enum(['元', '万元']).nullable().optional(),
  department: z.object({ name: z.string(), fund: z.number().nullable() }).nullable(),
  projects: z.array(ProjectSummarySchema),
});

export const FileReportSchema = z.object({
  file: z.string(),
  /** The profile chosen for this file, when no --profile was given and files are checked each with its own. */
  profileChosen: ProfileChosenSchema.optional(),
  /** Set when the file could not be read; then tables and findings are empty. */
  error: z.string().optional(),
  tables: z.array(TableSummarySchema),
  sheetsWithoutTable: z.array(z.object({ sheet: z.string(), reason: z.string() })),
  findings: z.array(FindingSchema),
  summary: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  /** Path of the marked copy, when --out was given. */
  output: z.string().optional(),
});

export const CheckReportSchema = z.object({
  version: z.string(),
  /** The --profile given, or the one every file's tables chose, or `auto` when they chose differently. */
  profile: z.string(),
  lang: z.enum(['zh-CN', 'en-US']),
  files: z.array(FileReportSchema),
});

export type CheckReport = z.infer<typeof CheckReportSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;

export function fileReport(file: string, result: CheckResult, lang: Lang): FileReport {
  const tables = result.model.sheets.flatMap((s) => s.tables);
  const findings = result.findings.map((f) => ({
    id: f.id,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    project: f.project,
    indicator: f.indicator,
    message: f.message[lang],
    category: REVIEW_CATEGORIES[f.category][lang],
    categoryKey: f.category,
    ...(f.fix ? { fix: { id: f.fix.id, label: f.fix.label[lang], safe: f.fix.safe } } : {}),
  }));
  return {
    file,
    tables: tables.map((t) => ({
      sheet: t.sheet,
      kind: t.kind,
      range: rangeToA1(t.range),
      moneyUnit: t.moneyUnit,
      department: t.department ? { name: t.department.name, fund: t.department.fund } : null,
      projects: t.projects.map((p) => ({
        name: p.name,
        code: p.code?.text ?? null,
        fund: p.fund,
        rows: { first: p.firstRow, last: p.lastRow },
        indicators: p.indicators.filter((i) => i.name).length,
        framework: p.framework,
      })),
    })),
    sheetsWithoutTable: result.model.sheets.filter((s) => s.tables.length === 0).map((s) => ({ sheet: s.sheet, reason: s.noTableReason ?? '' })),
    findings,
    summary: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    },
  };
}
