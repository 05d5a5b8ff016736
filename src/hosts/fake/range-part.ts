/**
 * The shared shape of a range's format objects (format, format.fill, format.font): a proxy that stands
 * for its range, whose properties are read over the range's cells (from a table of readers) and whose
 * writes change every cell of it.
 */
import type { RangeRef } from '../../core/domain/a1';
import type { FakeBatch } from './sync';
import { cellsIn, type RangeTarget } from './address';
import { ErrorCodes, FakeOfficeError } from './errors';
import { cellAt, cellKey, isBlankCell, keyCol, keyRow, type FakeCell, type FakeSheet } from './model';
import { FakeObject } from './proxy';

/** What a range's format objects need of the range proxy. */
export interface RangeSource {
  readonly path: string;
  /** The range, found now (at execution); null for a null object. */
  target(): RangeTarget | null;
  /** For actions: the range, or an error for a null object. */
  range(): RangeTarget;
}

/** Reads one property over a range. */
export type RangeReader = (t: RangeTarget) => unknown;

export const STANDARD_HEIGHT = 15;

export function uniformRows<T>(_sheet: FakeSheet, rect: RangeRef, f: (row: number) => T): T | null {
  const first = f(rect.top);
  for (let r = rect.top + 1; r <= Math.min(rect.bottom, rect.top + 100000); r++) if (f(r) !== first) return null;
  return first;
}

/** The common value of a property over a range's cells, or null when they differ. */
export function uniform<T>(sheet: FakeSheet, rect: RangeRef, f: (c: FakeCell | undefined) => T): T | null {
  let first: T | undefined;
  let set = false;
  const n = cellsIn(rect);
  if (n > 100000) return f(sheet.cells.get(cellKey(rect.top, rect.left)));
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = f(sheet.cells.get(cellKey(r, c)));
      if (!set) {
        first = v;
        set = true;
      } else if (v !== first) return null;
    }
  }
  return first as T;
}

/** A reader of a cell property: its common value over the range's cells (see uniform). */
export function overCells(f: (c: FakeCell | undefined) => unknown): RangeReader {
  return ({ sheet, rect }) => uniform(sheet, rect, f);
}

/** Applies a format change to every cell of a range (whole rows and columns: to the cells that exist). */
export function eachCell(range: RangeSource, f: (c: FakeCell) => void): void {
  const { sheet, rect } = range.range();
  if (sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}').`);
  const apply = (r: number, c: number, cell: FakeCell) => {
    f(cell);
    if (isBlankCell(cell)) sheet.cells.delete(cellKey(r, c));
  };
  if (cellsIn(rect) > 1_000_000) {
    for (const [k, cell] of [...sheet.cells]) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) apply(r, c, cell);
    }
    return;
  }
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) apply(r, c, cellAt(sheet, r, c, true));
}

export abstract class FakeRangePart extends FakeObject {
  constructor(
    ctx: FakeBatch,
    protected readonly range: RangeSource,
    /** The path below the range's: 'format', 'format.fill'... */
    part: string,
    /** The class name in messages. */
    private readonly kind: string,
    /** The scalar properties, in the order load() with no argument loads them. */
    private readonly readers: ReadonlyMap<string, RangeReader>,
  ) {
    super(ctx, `${range.path}.${part}`);
  }
  target(): unknown {
    return this.range.target();
  }
  protected scalarNames(): string[] {
    return [...this.readers.keys()];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const read = this.readers.get(name);
    if (!read) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.kind} has no property ${name}.`);
    return read(t as RangeTarget);
  }
  /** Applies a format change to every cell of the range (see eachCell). */
  protected eachCell(f: (c: FakeCell) => void): void {
    eachCell(this.range, f);
  }
  /** Sets a property by changing every cell of the range. */
  protected setCells(name: string, v: unknown, f: (c: FakeCell) => void): void {
    this.setProp(name, v, () => this.eachCell(f));
  }
}
