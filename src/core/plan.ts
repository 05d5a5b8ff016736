/** A write plan: what a host should change in a workbook. Hosts (xlsx, Office.js, fake) apply it. */
import type { Severity } from './findings';

export type PlanValue = string | number | boolean | null;

export interface MarkOp {
  op: 'mark';
  sheet: string;
  cell: string;
  severity: Severity;
  /** Note text to attach to the cell. */
  note: string;
  /**
   * Fill colour (RRGGBB) chosen in the task pane's settings; hosts use it instead of MARK_FILLS[severity]
   * when present. Absent in plans made by the CLI.
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

export type PlanOp = MarkOp | SetFormulaOp | SetValueOp | AddSheetOp | InsertRowsOp;

export interface WritePlan {
  ops: PlanOp[];
}

export const MARK_FILLS: Record<Severity, string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'DDEBF7',
};

/** Notes written by jixiao start with this tag, so they can be told apart and removed exactly. */
export const NOTE_TAG = '[jixiao]';
