/**
 * A snapshot is what a host reads of a sheet: values, formulas, number formats and merged areas.
 * It is plain data, so the pure core can run on it in Node, in the browser or under test.
 */
import { lettersToCol, type RangeRef } from '../domain/a1';

/** A cell's value as a host reports it (a formula cell reports its cached result). */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** rows[r - 1][c - 1] is the value of the cell at row r, column c. Rows may be ragged; missing cells are null. */
  values: CellValue[][];
  /** Formulas by A1 address (without the leading '='), only for cells that hold one. */
  formulas?: Record<string, string>;
  /** Number formats by A1 address, only where it is not 'General'. */
  numberFormats?: Record<string, string>;
  /** Merged areas, 1-based inclusive. */
  merges: RangeRef[];
}

export interface WorkbookSnapshot {
  /** Where the snapshot came from (a file path, "Excel", "preview"); used in messages. */
  source: string;
  sheets: SheetSnapshot[];
}

/** Fast cell access that resolves merged areas to their top-left cell. */
export class SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly values: CellValue[][];
  /**
   * Merge index: for every cell covered by a merge, 1 + the merge's index. A flat typed array over the
   * sheet's extent (no per-cell objects for the garbage collector), or a Map for very wide, sparse sheets.
   */
  /** The dense merge index (null for very wide, sparse sheets): public for the layout reader's hot loop; see `mergeIdAt`. */
  readonly mergeIndex: Int32Array | null;
  private readonly mergeMap: Map<number, number> | null;
  readonly merges: RangeRef[];

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.values = snapshot.values;
    let cols = 0;
    const values = snapshot.values;
    for (let r = 0; r < values.length; r++) if (values[r] && values[r].length > cols) cols = values[r].length;
    this.rowCount = snapshot.values.length;
    this.colCount = cols;
    this.merges = snapshot.merges;
    this.width = cols + 1;
    // Only cells within the values' extent are ever asked for, so merges are clamped to it: a merge
    // over a whole sheet (A1:XFD1048576) costs no more than the sheet's data.
    const cells = (this.rowCount + 1) * this.width;
    const dense = cells <= 32_000_000 ? new Int32Array(cells) : null;
    const sparse = dense ? null : new Map<number, number>();
    const merges = snapshot.merges;
    const width = this.width;
    const rowCount = this.rowCount;
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i];
      const bottom = m.bottom < rowCount ? m.bottom : rowCount;
      const right = m.right < cols ? m.right : cols;
      const left = m.left > 1 ? m.left : 1;
      for (let r = m.top > 1 ? m.top : 1; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          if (dense) dense[r * width + c] = i + 1;
          else sparse!.set(r * width + c, i + 1);
        }
      }
    }
    this.mergeIndex = dense;
    this.mergeMap = sparse;
  }

  /** Columns + 1: the stride of `mergeIndex` (cell (r, c) is at r × width + c). */
  readonly width: number;

  /** Scratch space for readers of this grid, by merge id (the layout reader shares the fields of merged cells here). */
  readonly mergeCache: unknown[] = [];

  /** The raw value stored in the cell itself (null for the hidden cells of a merge). */
  raw(row: number, col: number): CellValue {
    const r = this.values[row - 1];
    if (!r) return null;
    const v = r[col - 1];
    return v === undefined ? null : v;
  }

  /** The merge that covers the cell, if any. */
  mergeAt(row: number, col: number): RangeRef | undefined {
    const i = this.mergeIdAt(row, col);
    return i ? this.merges[i - 1] : undefined;
  }

  /** 1 + the index in `merges` of the merge that covers the cell, or 0: a number, for hot loops. */
  mergeIdAt(row: number, col: number): number {
    if (col >= this.width || row > this.rowCount || row < 1 || col < 1) return 0;
    const k = row * this.width + col;
    return this.mergeIndex !== null ? this.mergeIndex[k] : (this.mergeMap!.get(k) ?? 0);
  }

  /** The value shown in the cell: the top-left value of its merge, if merged. */
  value(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    if (m) return this.raw(m.top, m.left);
    return this.raw(row, col);
  }

  /** The value shown, as trimmed text ('' for empty). */
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  formula(row: number, col: number): string | undefined {
    this.formulaIndex ??= byCell(this.snapshot.formulas);
    return this.formulaIndex === null ? undefined : this.formulaIndex.get(row * CELL_STRIDE + col);
  }

  numberFormat(row: number, col: number): string | undefined {
    this.formatIndex ??= byCell(this.snapshot.numberFormats);
    return this.formatIndex === null ? undefined : this.formatIndex.get(row * CELL_STRIDE + col);
  }

  /**
   * Formulas and number formats by cell number, built on first use: the scorer asks for them on every
   * row, and an A1 key built per call (then looked up in an object of thousands of keys) costs more
   * than the rest of the lookup. Null when the snapshot has none.
   */
  private formulaIndex: Map<number, string> | null | undefined;
  private formatIndex: Map<number, string> | null | undefined;

  isRowEmpty(row: number, fromCol = 1, toCol = this.colCount): boolean {
    for (let c = fromCol; c <= toCol; c++) if (this.text(row, c) !== '') return false;
    return true;
  }
}

/** One grid kept for the life of the process, so that its hidden class (and the code compiled for it) outlives each check: see KEEP_SHAPES in layout/read.ts. */
export const KEEP_GRID = new SheetGrid({ name: '', values: [[null]], merges: [] });
// Its lazy indexes set too, so that it holds the hidden class a grid has after scoring.
KEEP_GRID.formula(1, 1);
KEEP_GRID.numberFormat(1, 1);

/** Cell numbers for the indexes: row × CELL_STRIDE + column (columns stop at XFD = 16384). */
const CELL_STRIDE = 16384;
const A1_KEY = /^([A-Z]{1,3})(\d+)$/;

function byCell(record: Record<string, string> | undefined): Map<number, string> | null {
  if (!record) return null;
  const map = new Map<number, string>();
  for (const key in record) {
    const m = A1_KEY.exec(key);
    if (m) map.set(Number(m[2]) * CELL_STRIDE + lettersToCol(m[1]), record[key]);
  }
  return map.size ? map : null;
}

/** A cell value as trimmed text ('' for empty); numbers as a person reads them. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

/** Numbers as a person would read them: no binary noise (0.1 + 0.2 shows as 0.3). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}
