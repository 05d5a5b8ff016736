/** Findings and the rule-module contract (rules look like ESLint rules: one file a check). */
import type { WorkbookModel, TargetTable, Project, Indicator, CellRef, SubcategoryKey } from '../model';
import type { CellValue } from '../snapshot/snapshot';
import type { Profile } from '../profile';

import type { Bilingual, Lang, Severity } from '../domain/lang';

export type { Bilingual, Lang, Severity };

/** The review module's opinion categories (domain primer §3), plus money and weights. */
export const REVIEW_CATEGORIES = {
  incomplete: { 'zh-CN': '指标不够完整', 'en-US': 'Indicators incomplete' },
  notQuantified: { 'zh-CN': '指标不够细化、量化', 'en-US': 'Not specific or quantified enough' },
  irrelevant: { 'zh-CN': '指标与项目的相关性不够', 'en-US': 'Indicator not relevant to the project' },
  valueMismatch: { 'zh-CN': '指标与指标值不匹配', 'en-US': 'Indicator and value do not match' },
  split: { 'zh-CN': '建议拆分指标', 'en-US': 'Split the indicator' },
  categoryType: { 'zh-CN': '一级指标类型错误', 'en-US': 'Wrong 一级 category' },
  subcategoryType: { 'zh-CN': '二级指标类型错误', 'en-US': 'Wrong 二级 subcategory' },
  addEffect: { 'zh-CN': '建议增加明确效益指标', 'en-US': 'Add a clear effect indicator' },
  addOutput: { 'zh-CN': '建议增加明确产出指标', 'en-US': 'Add a clear output indicator' },
  addSatisfaction: { 'zh-CN': '建议增加满意度指标', 'en-US': 'Add a satisfaction indicator' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
} as const;

export type ReviewCategory = keyof typeof REVIEW_CATEGORIES;

export type Messages = Bilingual;

/**
 * What a fix does, as data: `planFixes` (src/core/fixes) turns it into a write plan for any host.
 * Cells are A1 addresses of the checked snapshot; a fix is refused when the cell no longer holds
 * what the finding saw.
 */
export type FixAction =
  /** Add indicators from templates (the library's default for the 二级 when `template` is omitted): into an empty row of the 二级, a new row under it, or a new 二级 (and 一级) at its standard position. */
  | { kind: 'addIndicators'; sheet: string; project: string; projectRow: number; items: { subcategory: SubcategoryKey; template?: string }[] }
  /** Move `value` from `from` into the empty cell `to`; `from` keeps `rest` (the unit of `1577个`), or is emptied. */
  | { kind: 'moveValue'; sheet: string; from: string; to: string; value: CellValue; rest: CellValue }
  /** Replace the text `expect` of `cell` by `value` (a standard name, a direction). */
  | { kind: 'setValue'; sheet: string; cell: string; expect: string; value: CellValue };

export interface Fix {
  /** Kind of fix: `add-indicator`, `move-to-target`, `rename-standard`, `set-direction`. */
  id: string;
  label: Messages;
  /**
   * Safe fixes only add (rows, columns, a missing indicator from its template) or move a value into an
   * empty cell; they are applied by default. The others replace what a user typed: only on request.
   */
  safe: boolean;
  action: FixAction;
}

export interface Finding {
  /** The rule's id, e.g. `cost-exceeds-fund`. */
  id: string;
  severity: Severity;
  category: ReviewCategory;
  sheet: string;
  /** A1 address the finding points at. */
  cell: string;
  row: number;
  project: string | null;
  indicator: string | null;
  message: Messages;
  /** Optional machine-readable details (numbers compared, …). */
  data?: Record<string, unknown>;
  /** How to fix it, when jixiao can. */
  fix?: Fix;
}

export interface ReportInput {
  cell: CellRef;
  project?: Project | null;
  indicator?: Indicator | null;
  message: Messages;
  severity?: Severity;
  data?: Record<string, unknown>;
  fix?: Fix;
}

export interface RuleContext {
  workbook: WorkbookModel;
  profile: Profile;
  /** Every table of the workbook, in order. */
  tables: TargetTable[];
  /**
   * The scorer's findings on a workbook that states scores (a filled 自评表), which the review rules report;
   * empty when the workbook states none.
   */
  scoreFindings: readonly Finding[];
  report(table: TargetTable, input: ReportInput): void;
}

export interface RuleModule {
  id: string;
  /** Default severity; a report may lower or raise it. */
  severity: Severity;
  category: ReviewCategory;
  description: Messages;
  /**
   * Called once per check with its context; returns the visitor the engine calls as it walks the
   * workbook (as an ESLint rule's `create` returns its node handlers).
   */
  create(ctx: RuleContext): RuleVisitor;
}

/**
 * What a rule looks at. The engine walks the workbook once, in sheet order, and calls every rule's
 * visitor on each indicator while that indicator is in the processor's cache: one traversal for all
 * rules instead of one per rule.
 */
export interface RuleVisitor {
  /** Each 三级 indicator row (a row with a name, a target or a rule). */
  indicator?(ind: Indicator, project: Project, table: TargetTable): void;
  /** Each project, after its indicators. */
  project?(project: Project, table: TargetTable): void;
  /** Once, after every table: checks across projects and tables. */
  end?(): void;
}
