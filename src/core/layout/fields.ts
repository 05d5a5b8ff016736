/**
 * Fields: the cells the reader keeps, each read once. A merged cell's field is read at its top-left cell and
 * shared by every row the merge covers; a field is its own cell reference.
 */
import type { SheetGrid } from '../snapshot/snapshot';
import { cellText, type CellValue } from '../snapshot/snapshot';
import { toA1 } from '../domain/a1';
import type { CellRef, Field } from '../model';

/** A cell's field; the field of a merged cell is read once and shared by every row the merge covers. */
export function field(grid: SheetGrid, row: number, col: number | undefined): CellField | null {
  return fieldIn(grid, grid.snapshot.values[row - 1], row, col);
}

/** `field`, given the row's values (the row loop reads them once). */
export function fieldIn(grid: SheetGrid, vals: CellValue[] | undefined, row: number, col: number | undefined): CellField | null {
  if (col === undefined) return null;
  // The merge lookup is inlined by hand: this runs for every cell the reader keeps, mostly in cold code.
  const index = grid.mergeIndex;
  const id = index !== null && col < grid.width && row <= grid.rowCount ? index[row * grid.width + col] : grid.mergeIdAt(row, col);
  let r = row;
  let c = col;
  let rowValues = vals;
  if (id !== 0) {
    // A merged cell's field is read once, at the merge's top-left cell, and shared by every row it covers.
    const cached = grid.mergeCache[id];
    if (cached !== undefined) return cached as CellField | null;
    const m = grid.merges[id - 1];
    r = m.top;
    c = m.left;
    rowValues = grid.snapshot.values[m.top - 1];
  }
  const raw = rowValues === undefined ? undefined : rowValues[c - 1];
  let f: CellField | null = null;
  if (raw !== null && raw !== undefined && raw !== '') {
    if (typeof raw !== 'string') f = new CellField(cellText(raw), raw, r, c);
    else {
      const text = raw.trim();
      if (text !== '') f = new CellField(text, raw, r, c);
    }
  }
  if (id !== 0) grid.mergeCache[id] = f;
  return f;
}

/**
 * A field that is its own cell reference (`field.cell === field`): one object per value read instead
 * of two, which matters at 100,000 rows. It satisfies both Field and CellRef.
 */
export class CellField implements Field, CellRef {
  // `declare`d and assigned in the constructor: ES2022 class fields would define each one before the
  // constructor runs (a hidden initialiser call and twice the stores), on the reader's hottest path.
  declare readonly text: string;
  declare readonly raw: CellValue;
  declare readonly row: number;
  declare readonly col: number;
  constructor(text: string, raw: CellValue, row: number, col: number) {
    this.text = text;
    this.raw = raw;
    this.row = row;
    this.col = col;
  }
  get cell(): CellRef {
    return this;
  }
  /** Made when asked for (a finding, a message), not kept: one slot less on every field. */
  get a1(): string {
    return toA1(this.row, this.col);
  }
  toJSON(): { text: string; raw: CellValue; cell: { row: number; col: number; a1: string } } {
    return { text: this.text, raw: this.raw, cell: { row: this.row, col: this.col, a1: this.a1 } };
  }
}

/** A cell reference whose A1 text is made only when asked for (most never are): fewer strings for the GC. */
export class Ref implements CellRef {
  declare readonly row: number;
  declare readonly col: number;
  constructor(row: number, col: number) {
    this.row = row;
    this.col = col;
  }
  get a1(): string {
    return toA1(this.row, this.col);
  }
  toJSON(): { row: number; col: number; a1: string } {
    return { row: this.row, col: this.col, a1: this.a1 };
  }
}

/**
 * One instance of each class the reader makes, kept for the life of the process. V8 holds the hidden
 * classes a constructor's fields lead to only weakly: once a check's model is collected they would go,
 * and with them the compiled code of every function that saw them. Kept, a second check (the next file
 * of a batch, the task pane's next run) starts with that code instead of compiling it again.
 */
export const KEEP_SHAPES: readonly object[] = [new CellField('', null, 0, 0), new Ref(0, 0)];

export function ref(row: number, col: number): CellRef {
  return new Ref(row, col);
}

/** The first field of a column over some rows, or null. */
export function firstField(grid: SheetGrid, rows: number[], col: number | undefined): Field | null {
  if (col === undefined) return null;
  for (let i = 0; i < rows.length; i++) {
    const f = field(grid, rows[i], col);
    if (f) return f;
  }
  return null;
}
