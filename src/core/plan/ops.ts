/** A write plan: what a host should change in a workbook. Hosts (xlsx, Office.js, fake) apply it. */
import type { Severity } from '../domain/lang';

export type PlanValue = string | number | boolean | null;

export interface MarkOp {
  op: 'mark';
  sheet: string;
  cell: string;
  severity: Severity;
  /** Note text to attach to the cell. */
  note: string;
  /**
   * Fill colour (RRGGBB). Planners set it from the mark colours they are given (the task pane's settings, or
   * MARK_FILLS); every host paints it, and falls back to MARK_FILLS[severity] for a plan made without one.
   */
  fill?: string;
}

export interface SetFormulaOp {
  op: 'setFormula';
  sheet: string;
  cell: string;
  /** Formula with English function names, without the leading '='. */
  formula: string;
  /** The computed value, written as the formula's cached result. */
  value: PlanValue;
  note?: string;
}

export interface SetValueOp {
  op: 'setValue';
  sheet: string;
  cell: string;
  value: PlanValue;
  note?: string;
}

export interface LinkCell {
  value: PlanValue;
  /** Hyperlink to a cell of the workbook. */
  link?: { sheet: string; cell: string };
  bold?: boolean;
  fill?: string;
}

/** Add (or replace, when it was made by jixiao) a sheet of rows, such as 检查结果. */
export interface AddSheetOp {
  op: 'addSheet';
  name: string;
  rows: LinkCell[][];
  columnWidths?: number[];
}

export interface InsertRowsOp {
  op: 'insertRows';
  sheet: string;
  /** The new rows are inserted before this row. */
  at: number;
  count: number;
  /** Copy formats (and merges' extension) from this row. */
  formatFrom: number;
}

/**
 * Make `range` (A1, e.g. `B6:B17`) one merged area. Merged areas inside it are absorbed (as Excel and
 * the .xlsx host do, cells other than the top-left lose their values: plans merge over empty cells only);
 * a merged area crossing its border is an error. Plans use it to extend a project's, 一级's or 二级's
 * merge over inserted rows: hosts grow a merge that spans the insertion point (top < at <= bottom),
 * not one that ends right above it.
 */
export interface MergeOp {
  op: 'merge';
  sheet: string;
  range: string;
}

/**
 * Copy cell formats (not values) from `from` to `to` (A1 ranges of the same size, or a `from` of one
 * column/row repeated over `to`); with `columnWidth`, each target column takes the width of its source.
 */
export interface CopyFormatOp {
  op: 'copyFormat';
  sheet: string;
  from: string;
  to: string;
  columnWidth?: boolean;
}

/** Formulas of `sheet` were written without a known result: hosts recalculate (xlsx: full calculation on load; Excel: the sheet's calculate). */
export interface RecalculateOp {
  op: 'recalculate';
  sheet: string;
}

export type PlanOp = MarkOp | SetFormulaOp | SetValueOp | AddSheetOp | InsertRowsOp | MergeOp | CopyFormatOp | RecalculateOp;

export interface WritePlan {
  ops: PlanOp[];
}


/** An op as error messages name it: its kind and where it writes (`setFormula 项目!P12`). */
export function describeOp(op: PlanOp): string {
  switch (op.op) {
    case 'addSheet':
      return `addSheet ${op.name}`;
    case 'insertRows':
      return `insertRows ${op.sheet}!${op.at}`;
    case 'merge':
      return `merge ${op.sheet}!${op.range}`;
    case 'copyFormat':
      return `copyFormat ${op.sheet}!${op.from}→${op.to}`;
    case 'recalculate':
      return `recalculate ${op.sheet}`;
    default:
      return `${op.op} ${op.sheet}!${op.cell}`;
  }
}
