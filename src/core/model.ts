/**
 * The table model: what the layout reader builds from a snapshot and what checks and scoring read.
 * Glossary (domain primer §5): 一级/二级/三级指标 = category/subcategory/indicator; 指标值 = target;
 * 指标值类型 = direction; 度量单位 = unit; 评（扣）分标准 = rule; 分值 = weight; 得分 = score;
 * 实际完成值 = actual; 资金总额 = fund.
 */
import type { CellValue } from './snapshot/snapshot';
import type { RangeRef } from './domain/a1';
import type { CategoryKey, Direction, Framework, RuleFamily, SubcategoryKey } from './domain/framework';

export type { CategoryKey, Direction, Framework, RuleFamily, SubcategoryKey };


/** A cell of the table: where a value came from. Rows and columns are 1-based. */
export interface CellRef {
  row: number;
  col: number;
  /** A1 address on the table's sheet: derived from row and col when asked for (findings, messages), never stored. */
  readonly a1: string;
}

/** A text field read from a cell. */
export interface Field {
  text: string;
  raw: CellValue;
  cell: CellRef;
}

// ---------------------------------------------------------------- target values

export interface TargetDate {
  year: number;
  month: number | null;
  day: number | null;
  /** 前/底前/之前/以前 = 'by' (not later than); 后 = 'after'; none = 'on'. */
  bound: 'by' | 'after' | 'on';
}

/** A parsed 指标值 such as `57.6万元`, `≥95%`, `1965家单位`, `2024年12月前`, `501`, `有效`. */
export interface ParsedTarget {
  kind: 'number' | 'date' | 'text' | 'empty';
  /** Original text (after trimming). */
  text: string;
  /** The number, as written (95 for `95%`, 57.6 for `57.6万元`). */
  value: number | null;
  /** The unit glued to the number, as written (`万元`, `家单位`, `%`, `个`), or null. */
  unit: string | null;
  isPercent: boolean;
  /** A comparison written in the value itself (`≥95%`, `不低于90%`, `≤10万元`), or null. */
  direction: Direction | null;
  date: TargetDate | null;
  /** Vague qualitative wording (有效, 提升, 明显, 良好, 进一步, 规范, 稳定, 持续, 完整, …). */
  vague: boolean;
}

// ---------------------------------------------------------------- scoring rules


/** An arithmetic expression as written in a rule's formula; `rate` is 完成率 as a fraction (1 = 100%). */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'var'; name: 'rate' | 'actual' | 'target' }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

interface RuleBase {
  /** The rule text as written. */
  text: string;
  /** 分值 the text states (`该指标分值为20分`), or null. */
  statedWeight: number | null;
  /** The most the rule can award, or null when it cannot be known from the text. */
  maxAward: number | null;
}

/** 每超过10%扣2分, 每降低1%扣2分, 每相差3%扣1分, 每超过一个百分点扣0.5分. */
export interface StepRule extends RuleBase {
  family: 'step';
  /** Points awarded when the target is met (`计20分`), or null (then the weight applies). */
  base: number | null;
  /** Which deviation counts: over the target, under it, or either way. */
  trigger: 'over' | 'under' | 'diff';
  /** Size of one step, as written (10 for 10%, 1 for 一个百分点). */
  stepSize: number;
  /** 'percent' = X% (relative for amounts/counts, points for rates), 'point' = 百分点, 'absolute' = in the target's unit. */
  stepUnit: 'percent' | 'point' | 'absolute';
  deductPerStep: number;
  /** 扣满N分为止, or null (扣完为止 = down to 0). */
  cap: number | null;
  /** 不足X按X计: partial steps count as a whole step. */
  partialSteps: boolean;
}

/** 完成率小于60%不得分；大于等于60%，得分=（实际完成率-60%）/（1-60%）*10. */
export interface ThresholdRule extends RuleBase {
  family: 'threshold';
  /** Below this completion rate (fraction) the score is 0. */
  threshold: number;
  /** The score formula as written, in terms of `rate` (fraction). */
  formula: Expr;
  /** How 完成率 is defined: actual / target (正向) or target / actual (反向). */
  rateDefinition: 'actualOverTarget' | 'targetOverActual';
}

export interface Tier {
  min: number | null;
  minInclusive: boolean;
  max: number | null;
  maxInclusive: boolean;
  points: number;
}

/** 满意度95%（含）以上计10分，85%-95%计8分，… ; bounds in the unit written (95 for 95%). */
export interface TierRule extends RuleBase {
  family: 'tier';
  tiers: Tier[];
  /** Whether the bounds were written as percentages. */
  percent: boolean;
}

/** 达到目标值计20分，否则不得分 · 未达到标准值不得分 · 按时完成计10分. */
export interface BinaryRule extends RuleBase {
  family: 'binary';
  /** Points when reached; null = the weight. */
  points: number | null;
  condition: 'reach' | 'onTime';
}

/** 每发生一起扣5分 · 每出现一个…扣0.5分，扣完为止. */
export interface PerOccurrenceRule extends RuleBase {
  family: 'perOccurrence';
  pointsPer: number;
  effect: 'deduct' | 'add';
  /** Points before deductions (null = the weight). */
  base: number | null;
  cap: number | null;
}

/** ①已制定…1分；②…1分 · 每少一项扣1分. */
export interface ChecklistRule extends RuleBase {
  family: 'checklist';
  items: { label: string; points: number }[];
  /** 每少一项扣N分, when stated. */
  deductPerMissing: number | null;
}

/** 按完成情况赋分 · 从提供服务情况评分 · 该指标分值为5分. */
export interface UnspecifiedRule extends RuleBase {
  family: 'unspecified';
}

export type ParsedRule =
  | StepRule
  | ThresholdRule
  | TierRule
  | BinaryRule
  | PerOccurrenceRule
  | ChecklistRule
  | UnspecifiedRule;

// ---------------------------------------------------------------- the table

export type TableKind = 'project' | 'department';

/** What a column of a target table holds. */
export type ColumnRole =
  | 'code'
  | 'name'
  | 'spendingArea'
  | 'fund'
  | 'fundGeneral'
  | 'fundGovFund'
  | 'fundSpecialAccount'
  | 'fundOther'
  | 'fundBasic'
  | 'fundProject'
  | 'goal'
  | 'category'
  | 'subcategory'
  | 'indicator'
  | 'target'
  | 'content'
  | 'rule'
  | 'unit'
  | 'direction'
  | 'note'
  | 'actual'
  | 'weight'
  | 'score'
  | 'deviation'
  /** 单位名称 / 单位代码 when the table has project columns too: a unit-level cell, often merged over many projects. */
  | 'unitName'
  | 'unitCode';

export type ColumnMap = Partial<Record<ColumnRole, number>>;

export interface Indicator {
  /** 三级指标 name; '' on a 二级 row with no indicator. */
  name: string;
  row: number;
  category: Field | null;
  categoryKey: CategoryKey | null;
  subcategory: Field | null;
  subcategoryKey: SubcategoryKey | null;
  /** The indicator name's cell. */
  cell: CellRef;
  target: Field | null;
  parsedTarget: ParsedTarget;
  content: Field | null;
  rule: Field | null;
  parsedRule: ParsedRule;
  unit: Field | null;
  directionField: Field | null;
  /** 指标值类型 as read (null when empty or unreadable). */
  direction: Direction | null;
  note: Field | null;
  actual: Field | null;
  weight: Field | null;
  score: Field | null;
}

/** A 二级 block: its rows, whether or not they hold indicators. */
export interface SubcategoryBlock {
  name: string;
  key: SubcategoryKey | null;
  cell: CellRef;
  firstRow: number;
  lastRow: number;
  indicators: Indicator[];
}

export interface CategoryBlock {
  name: string;
  key: CategoryKey | null;
  cell: CellRef;
  firstRow: number;
  lastRow: number;
  subcategories: SubcategoryBlock[];
  /** The weight its label states (「产出指标(50分)」), or null. */
  weight: number | null;
}


export interface Project {
  code: Field | null;
  name: string;
  nameCell: CellRef;
  /** 资金总额 as written, in the table's money unit (`TargetTable.moneyUnit`). */
  fund: number | null;
  /** The fund in 万元 (the unit money checks compare in); equals `fund` when the table states no unit. */
  fundWan: number | null;
  fundField: Field | null;
  goal: Field | null;
  /** 主管部门 (from the block above the header), or null. */
  department: Field | null;
  /** 实施单位 / 执行单位 (block above the header), or the 单位名称 cell of a table that has both unit and project columns; null when none. */
  unit: Field | null;
  /** The first row: the block's first key-value row (项目名称) when the project is read from one, else its first data row. */
  firstRow: number;
  /** The last row of its indicator block (template rows and empty rows inside the block's merges included; 合计/总分 rows not). */
  lastRow: number;
  /** 'new': 成本指标 is a 一级; 'old': 成本指标 is a 二级 under 产出指标; null: no cost indicator at all. */
  framework: Framework | null;
  categories: CategoryBlock[];
  /** Every 三级 indicator of the project (rows with a name), in sheet order. */
  indicators: Indicator[];
  /** Every row of the project, including 二级 rows with no indicator. */
  rows: Indicator[];
}

/** The money columns of a department (整体支出) table, or the summary row of a project table. */
export interface DepartmentInfo {
  code: Field | null;
  name: string;
  nameCell: CellRef;
  row: number;
  fund: number | null;
  /** The fund in 万元 (see `Project.fundWan`). */
  fundWan: number | null;
  fundField: Field | null;
  byIncome: Partial<Record<'general' | 'govFund' | 'specialAccount' | 'other', Field>>;
  byExpense: Partial<Record<'basic' | 'project', Field>>;
}

/** What a row of a table is: the layout reader classifies every row from the block above the header to the table's last row. */
export type RowKind =
  /** Title, 附件, (2023年度), 金额单位 lines above the block or between printed pages. */
  | 'title'
  | 'header'
  /** A key-value row of the block above the header: 项目名称, 主管部门, 实施单位, 年度目标 (project, department and unit rows). */
  | 'info'
  /** A row of the 项目资金 / 预算执行 block (年初预算数 … 得分, 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金). */
  | 'budget'
  /** The department or unit summary row of a column table (a name and money, no indicator). */
  | 'summary'
  /** A 一级/二级 row with no indicator. */
  | 'label'
  | 'indicator'
  /** Template leftovers: 「……」, a bare 「指标2」, an empty row inside the block's merges, a 二级 left with only its template rule. */
  | 'placeholder'
  /** 合计 / 总分 / 自评等级. */
  | 'total'
  /** 注：, 说明：, instructions under the table. */
  | 'note'
  /** 评价结论, 存在问题, 审核意见 and other text rows. */
  | 'text'
  /** 填表人, 联系电话, 单位负责人签字. */
  | 'signature'
  /** A row the reader cannot classify: never taken as an indicator (reported as 未能识别的行). */
  | 'unrecognised';

/** A classified row: its kind and its first non-empty cell (null for an empty row). */
export interface LayoutRow {
  row: number;
  kind: RowKind;
  cell: CellRef | null;
  /** The first non-empty cell's text ('' for an empty row). */
  text: string;
}

/** The money unit a table states (金额单位：万元, 项目资金（元）, 资金总额（万元）) or its amounts show (「250万」). */
export type MoneyUnit = '元' | '万元';

export interface TargetTable {
  sheet: string;
  kind: TableKind;
  /** From the first header row to the last data row (A1 text is made only in reports: `rangeToA1`). */
  range: RangeRef;
  /** The header rows of every page (the first band, then every repeat). */
  headerBands: { top: number; bottom: number }[];
  columns: ColumnMap;
  /** Header text of each column (joined band words), for messages and the UI. */
  columnHeaders: Partial<Record<ColumnRole, string>>;
  department: DepartmentInfo | null;
  /** For a department table: one entry, the department itself, holding its indicators. */
  projects: Project[];
  /** The money unit of its amounts (funds, the 项目资金 block), or null when it states none. */
  moneyUnit: MoneyUnit | null;
  /** The key-value block above the header (项目名称 … 年度目标), when the table has one. */
  infoBlock: { top: number; bottom: number } | null;
  /**
   * Every row of the table that is neither an indicator nor a 一级/二级 label row (those are the projects'
   * `rows`), in sheet order: the block above the header, header rows, placeholders, totals, notes, text.
   */
  layoutRows: LayoutRow[];
}

export interface SheetModel {
  sheet: string;
  tables: TargetTable[];
  /** Set when the sheet holds no target table (not an error). */
  noTableReason?: string;
}

export interface WorkbookModel {
  source: string;
  sheets: SheetModel[];
}
