/** Findings and the rule-module contract (rules look like ESLint rules: one file a check). */
import type { WorkbookModel, TargetTable, Project, Indicator, CellRef } from './model';
import type { Profile } from './profile';

export type Severity = 'error' | 'warning' | 'info';

export type Lang = 'zh-CN' | 'en-US';

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

export type Messages = Record<Lang, string>;

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
}

export interface ReportInput {
  cell: CellRef;
  project?: Project | null;
  indicator?: Indicator | null;
  message: Messages;
  severity?: Severity;
  data?: Record<string, unknown>;
}

export interface RuleContext {
  workbook: WorkbookModel;
  profile: Profile;
  /** Every table of the workbook, in order. */
  tables: TargetTable[];
  report(table: TargetTable, input: ReportInput): void;
}

export interface RuleModule {
  id: string;
  /** Default severity; a report may lower or raise it. */
  severity: Severity;
  category: ReviewCategory;
  description: Messages;
  check(ctx: RuleContext): void;
}
