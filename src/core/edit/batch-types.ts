/** The requests and results of an edit batch (batch.ts), shared by the batch and the writing of its new rows. */
import type { PlanValue, WritePlan } from '../plan/ops';
import type { CellValue } from '../snapshot/snapshot';
import type { Messages } from '../check/findings';
import type { TargetTable } from '../model';
import type { RowBlocks } from './geometry';

/** A block (project, 一级 or 二级) a new row belongs to. */
export interface BlockSpec {
  /** `p:6`, `c:9:F9`, `s:12:G12` for a block of the table; any other key for a block made by the batch. */
  key: string;
  existing: boolean;
  /** For a new block: the label (column → value) written on its rows as the column's style asks. */
  label?: Map<number, CellValue>;
}

export interface NewRowSpec {
  /** Values of the indicator's own cells (column → value). */
  values: Map<number, PlanValue>;
  project: BlockSpec;
  category: BlockSpec | null;
  subcategory: BlockSpec | null;
}

export interface RowGroupRequest {
  table: TargetTable;
  /** Original row the new rows go before. */
  at: number;
  /** Original row whose formats (height, cell formats, one-row merges) the new rows take. */
  formatFrom: number;
  rows: NewRowSpec[];
  /** Rows whose totals should take the new rows in: the project, or (new project) the table's projects. */
  owner: { top: number; bottom: number; tableWide?: boolean };
}

export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  value: PlanValue;
}

/** A row insertion as applied: `count` rows before original row `at`. */
export interface Shift {
  sheet: string;
  at: number;
  count: number;
}

export interface BatchResult {
  plan: WritePlan;
  shifts: Shift[];
  /** Final rows of the new rows of each request, in request order. */
  newRows: number[][];
}

export function blockKey(kind: 'p' | 'c' | 's', b: RowBlocks | null): string | null {
  if (!b) return null;
  if (kind === 'p') return `p:${b.project.firstRow}`;
  if (kind === 'c') return b.category ? `c:${b.category.firstRow}:${b.category.cell.a1}` : null;
  return b.subcategory ? `s:${b.subcategory.firstRow}:${b.subcategory.cell.a1}` : null;
}

/** Where a row of the original sheet ends up after the shifts. */
export function mapRow(shifts: Shift[], sheet: string, row: number): number {
  let r = row;
  for (const s of shifts) if (s.sheet === sheet && s.at <= row) r += s.count;
  return r;
}

export type Owner = RowGroupRequest['owner'];

export interface Group extends RowGroupRequest {
  sheet: string;
  /** The owner of each row (rows of several requests may share an insertion point). */
  owners: Owner[];
  /** Index of each row's request and its position within it. */
  origin: { request: number; index: number }[];
}

/** A message with both languages. */
export function msg(zh: string, en: string): Messages {
  return { 'zh-CN': zh, 'en-US': en };
}

