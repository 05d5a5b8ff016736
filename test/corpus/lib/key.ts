/**
 * The answer key of a corpus document: what a careful reader and reviewer get from it. Written by hand from
 * the source, never from jixiao's output. Rows are 1-based rows of the rebuilt sheet.
 */
import { z } from 'zod';

export const DocumentKind = z.enum([
  'projectTarget', // 项目支出绩效目标表 / 申报表
  'departmentTarget', // 部门（单位）整体支出绩效目标表
  'projectSelfEvaluation', // 项目支出绩效自评表
  'departmentSelfEvaluation', // 部门整体支出绩效自评表
]);

export const KeyProject = z.object({
  name: z.string(),
  code: z.string().nullable().default(null),
  /** 资金总额 / 全年预算数 as written in the table, in the table's money unit; null where none is given. */
  fund: z.number().nullable(),
  first: z.number().int().positive(),
  last: z.number().int().positive(),
  /** Every row holding a 三级 indicator (one per indicator), ascending. */
  indicatorRows: z.array(z.number().int().positive()),
  /** Framework this project's indicators use: new = 成本指标 is a 一级; old = 成本 under 产出 or no 成本. */
  framework: z.enum(['new', 'old']).nullable().default(null),
});

export const KeyTable = z.object({
  sheet: z.string(),
  kind: DocumentKind,
  /** The row of the indicator header (the one with 一级指标 / 二级指标 / 三级指标). */
  headerRow: z.number().int().positive(),
  moneyUnit: z.enum(['元', '万元']).nullable(),
  /** The department / unit summary row, where the table has one. */
  department: z.object({ name: z.string(), fund: z.number().nullable() }).nullable().default(null),
  projects: z.array(KeyProject),
  /** Rows that are text, not indicators (评价结论, 存在问题, 填表人, 说明, instructions…): never an indicator. */
  textRows: z.array(z.number().int().positive()).default([]),
  /** Template leftovers inside the indicator block (「……」, 「指标2」 with nothing else, empty 三级 rows): never an indicator. */
  placeholderRows: z.array(z.number().int().positive()).default([]),
  /** Rows of a 项目资金 / 预算执行 block (年初预算数, 全年预算数, 全年执行数, 执行率): never an indicator. */
  budgetRows: z.array(z.number().int().positive()).default([]),
  /** 总分 / 合计 / 自评等级 rows: never an indicator. */
  totalRows: z.array(z.number().int().positive()).default([]),
  /** The copy is cut after this row: project-level completeness findings cannot be judged (see `truncatedIgnore`). */
  truncatedAfter: z.number().int().positive().optional(),
});

export const KeyFinding = z.object({
  /** A rule id (README's table, or one of the issue-11 ids listed in test/corpus/README.md). */
  id: z.string(),
  sheet: z.string(),
  row: z.number().int().positive(),
  /** Why a reviewer reports it (or must not), in a sentence. */
  why: z.string(),
});

export const KeyScore = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  /** The score the source states for that indicator (or 预算执行率). */
  stated: z.number(),
  /** The score its own rule gives, where it differs from the stated one (then check reports self-score-mismatch). */
  byRule: z.number().optional(),
});

export const CorpusKeySchema = z.object({
  id: z.string(),
  province: z.string(),
  kinds: z.array(DocumentKind).min(1),
  source: z.object({
    publisher: z.string(),
    title: z.string(),
    url: z.string(),
    date: z.string(),
  }),
  /** What the stored copy lacked and how the rebuild filled it in; absent when the source was whole. */
  partial: z.string().optional(),
  /** Profile a reviewer would choose for it (hunan = new framework 90 + 10; national = old framework). */
  profile: z.enum(['hunan', 'national']).optional(),
  tables: z.array(KeyTable).min(1),
  mustFind: z.array(KeyFinding).default([]),
  /** Specific findings a naive reader gives and a careful reviewer must not (any severity). */
  mustNotFind: z.array(KeyFinding.extend({ row: z.number().int().positive().optional() })).default([]),
  /**
   * Rule ids whose findings the corpus runner neither requires nor counts as false, because the stored copy is
   * cut (a 满意度 block that is missing from the copy, a weight total over half a table).
   */
  truncatedIgnore: z.array(z.string()).default([]),
  /** Findings on rows the stored copy left unreadable (cut values, OCR noise): neither required nor counted as false. */
  unassessable: z.array(KeyFinding).default([]),
  scores: z.array(KeyScore).default([]),
  totals: z.array(z.object({ project: z.string(), stated: z.number(), grade: z.string().optional() })).default([]),
});

export type CorpusKey = z.infer<typeof CorpusKeySchema>;
