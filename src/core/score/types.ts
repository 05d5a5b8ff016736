/** What scoring produces: per project, per indicator, with formulas and explanations. Pure data (JSON-safe). */
import type { CellValue } from '../snapshot/snapshot';
import type { Finding, Lang } from '../check/findings';
import type { WorkbookModel } from '../model';

export type Bilingual = Record<Lang, string>;

/**
 * How a score was computed: a rule family as written, or a default.
 * - `default`: no computable method; the national default 分值 × min(1, 实际/目标) (反向: 目标/实际);
 * - `grade`: qualitative, by the grade written in the actual cell (达成 / 部分达成 N% / 未达成);
 * - `onTime`: a time target with no computable method, met by the deadline (full weight);
 * - `budgetExecution`: 预算执行率 of a 自评表 (10 × 执行率, at most 10).
 */
export type { ScoreMethod } from '../domain/framework';
import type { ScoreMethod } from '../domain/framework';

export type Grade = '优' | '良' | '中' | '差';

export interface IndicatorScore {
  /** 三级指标 name. */
  indicator: string;
  sheet: string;
  row: number;
  /** The 得分 cell (A1), possibly in a column added by scoring. */
  cell: string;
  /** The 实际完成值 cell (A1), or null when the table has none. */
  actualCell: string | null;
  /** The actual value as read from the sheet. */
  actual: CellValue;
  /** The 指标值 text. */
  target: string;
  /** The score, or null when it needs review (or the actual is not filled in). */
  score: number | null;
  /** 分值 used (column, rule text or the most the rule awards), or null when none is known. */
  weight: number | null;
  weightSource: 'column' | 'rule' | 'ruleMax' | null;
  method: ScoreMethod;
  /** The Excel formula (English function names, without '='), or null when none is written. */
  formula: string | null;
  explanation: Bilingual;
  needsReview: boolean;
  reason: Bilingual | null;
  /** The 得分 cell held a value of the user's, kept because overwrite was not asked for. */
  kept: boolean;
  /** The value kept (when kept). */
  userScore: CellValue;
  /** What the 得分 cell held before: nothing, a formula jixiao wrote, or a value of the user's. */
  previous: 'empty' | 'own' | 'user';
}

export interface BudgetExecutionScore {
  sheet: string;
  row: number;
  /** The 得分 cell of the 年度资金总额 row. */
  cell: string;
  budgetCell: string | null;
  spentCell: string | null;
  rateCell: string | null;
  weightCell: string | null;
  weight: number;
  /** 执行率 as a fraction (0.9625), or null. */
  rate: number | null;
  score: number | null;
  /** 分值 × 执行率 as computed, also when `score` is a kept score of the user's (null when it needs review). */
  ruleScore: number | null;
  formula: string | null;
  explanation: Bilingual;
  needsReview: boolean;
  reason: Bilingual | null;
  kept: boolean;
  userScore: CellValue;
  previous: 'empty' | 'own' | 'user';
}

export interface ProjectScore {
  name: string;
  sheet: string;
  /** 'targetTable': a 绩效目标表 with 实际完成值/得分 columns; 'selfEvaluation': the national 项目支出绩效自评表. */
  layout: 'targetTable' | 'selfEvaluation';
  firstRow: number;
  lastRow: number;
  indicators: IndicatorScore[];
  budgetExecution: BudgetExecutionScore | null;
  /** Σ scores (+ 预算执行率); null while any of them is missing. */
  total: number | null;
  /** Σ of the scores known so far (for messages when total is null). */
  partialTotal: number;
  /** Where the total is written (A1), or null when the layout has no place for it. */
  totalCell: string | null;
  totalFormula: string | null;
  grade: Grade | null;
  gradeCell: string | null;
  gradeFormula: string | null;
  needsReview: boolean;
  /** What a filled table states of the project as a whole (its 总分 and 自评等级 rows), for the check's review. */
  stated: StatedSummary | null;
}

/**
 * The 总分 row and 自评等级 of a filled table as written (null where empty or not a number), and the sums of
 * what its rows state: the check compares them (total-score-mismatch, grade-mismatch, stated-weight-total).
 */
export interface StatedSummary {
  /** The 总分 row's 得分 cell (A1) and value. */
  totalCell: string;
  total: number | null;
  /** The 总分 row's 分值 cell (A1) and value (the form's 100). */
  weightTotalCell: string | null;
  weightTotal: number | null;
  /** The 自评等级 cell (A1) and its text. */
  gradeCell: string | null;
  grade: string | null;
  /** Σ of the scores the rows state (indicators and 预算执行率); null when a weighted row states none. */
  scoreSum: number | null;
  /** Σ of the rows' 分值 (indicators and 预算执行率's cell); null when a scored row has none. */
  weightSum: number | null;
}

/** A column scoring adds to a table (nothing is shifted: it is the first free column right of the table). */
export interface AddedColumn {
  sheet: string;
  role: 'actual' | 'score';
  col: number;
  letter: string;
  /** Formats and width are copied from this column. */
  formatFrom: number;
  header: string;
  /** Header cells, one per header band (page repeats), merged over the band's rows. */
  headers: { row: number; mergeTo: number }[];
  /** Rows whose formats are copied (the table's range). */
  top: number;
  bottom: number;
}

export interface ScoreOptions {
  /** Replace 得分 cells that already hold a value of the user's. */
  overwrite?: boolean;
  /** Add a 实际完成值 column to tables that have none (then every score waits for its actual). */
  addActual?: boolean;
}

export interface ScoreResult {
  source: string;
  model: WorkbookModel;
  projects: ProjectScore[];
  addedColumns: AddedColumn[];
  /** Needs-review items and table-level problems, as findings (for the 检查结果-style listing and the exit code). */
  findings: Finding[];
  options: Required<ScoreOptions>;
}
