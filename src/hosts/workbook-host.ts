/**
 * The workbook interface the task pane talks to. Implemented by the Office.js host (src/hosts/office),
 * and by the preview/test host over the in-memory fake of the Excel API. React components receive one
 * by injection and never call Excel.run themselves.
 */
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
import type { WritePlan } from '../core/plan/ops';

export interface HostCapabilities {
  /** Cell notes (ExcelApi 1.18); without them messages go only to the 检查结果 sheet. */
  notes: boolean;
  /** Where the ledger of marks is kept ('customXml' | 'settings' | 'memory'). */
  ledger: 'customXml' | 'settings' | 'memory';
}

export interface ApplyReport {
  /** Cells marked, formulas and values written, rows inserted, sheets added. */
  marked: number;
  written: number;
  rowsInserted: number;
  sheetsAdded: string[];
  /** Number of context.sync() calls the apply took, reads included (the Office host reads the cells' formats and the ledger first). */
  syncs: number;
  /** Of those, the syncs that carried writes: 1 (more only past the 5 MB request limit). */
  writeSyncs?: number;
  /** Whether notes were written (false on hosts without notes: the messages are on the 检查结果 sheet only). */
  notes?: boolean;
}

export interface ApplyOptions {
  /**
   * Restore, in the same batch, the cells a previous run marked that this plan does not mark again
   * (for a new check: marks of fixed problems go away). Default false.
   */
  replaceMarks?: boolean;
}

export interface ClearReport {
  /** Cells whose fill and note were restored. */
  cleared: number;
  /** Cells in the ledger that no longer carry jixiao's mark (changed by the user since): left as they are. */
  skipped?: number;
  /** Sheets jixiao had added (marker in A1) and that were removed. */
  sheetsRemoved?: string[];
  syncs?: number;
}

export interface CellAddress {
  sheet: string;
  cell: string;
}

export interface WorkbookHost {
  readonly capabilities: HostCapabilities;
  /** Snapshots of every worksheet: one sync per sheet (more only past the 5 MB request limit). */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Apply a plan as one batch (one sync); on failure nothing is left half-written. */
  applyPlan(plan: WritePlan, options?: ApplyOptions): Promise<ApplyReport>;
  /** Restore every cell jixiao marked to its exact original fill, font and note; remove added sheets. */
  clearMarks(): Promise<ClearReport>;
  select(target: CellAddress): Promise<void>;
  getSelection(): Promise<CellAddress | null>;
}

/** A failure the pane shows as it is (protected sheet, cell-edit mode, missing API): bilingual, with the sheet and cell where known. */
export class HostError extends Error {
  constructor(
    readonly code: 'protected' | 'editMode' | 'unsupported' | 'tooLarge' | 'failed',
    readonly messages: { 'zh-CN': string; 'en-US': string },
    readonly where?: CellAddress,
  ) {
    super(messages['en-US']);
    this.name = 'HostError';
  }
}
