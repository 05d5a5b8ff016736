/** Range: values, formulas and number formats by cell, derived ranges, row insertion and deletion, merges, format copies, cell properties. */
import { colToLetters, type RangeRef } from '../../core/domain/a1';
import type { XlCellProperties, XlCellPropertiesLoad, XlRange, XlRangeHyperlink } from '../office/excel-api';
import type { FakeBatch } from './sync';
import { READ_CELL_LIMIT, cellsIn, fullAddress, intersect, mergedAreas, parseAddress, specialCells, type RangeTarget } from './address';
import { applyCellFormat, cellProperties } from './cell-properties';
import { jsonBytes, readFormula, readValue, writeInput } from './cells';
import { copyFormats } from './copy';
import { ErrorCodes, FakeOfficeError } from './errors';
import { MAX_COLS, MAX_ROWS, cellAt, cellKey, findSheet, isBlankCell, type FakeCell, type FakeSheet } from './model';
import { FakeClientResult, FakeObject, type SheetSource } from './proxy';
import { FakeRangeAreas } from './range-areas';
import { FakeRangeFormat } from './range-format';
import type { RangeSource } from './range-part';
import { deleteRows, insertRows } from './rows';

export class FakeRangeProxy extends FakeObject implements XlRange, RangeSource {
  private _format?: FakeRangeFormat;

  constructor(
    ctx: FakeBatch,
    path: string,
    readonly worksheet: SheetSource,
    private readonly rectFn: (s: FakeSheet) => RangeRef | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  target(): RangeTarget | null {
    const s = this.worksheet.target();
    if (!s) return null;
    const rect = this.rectFn(s);
    if (!rect) return null;
    return { sheet: s, rect };
  }

  /** For actions: the range, or an error for a null object. */
  range(): RangeTarget {
    const t = this.target();
    if (!t) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.path}: the range is a null object.`);
    return t;
  }

  private writable(): RangeTarget {
    const t = this.range();
    if (t.sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The cell or chart you're trying to change is on a protected sheet ('${t.sheet.name}').`, fullAddress(t.sheet.name, t.rect));
    return t;
  }

  protected scalarNames(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount', 'values', 'formulas', 'numberFormat', 'text'];
  }

  protected readScalar(name: string, t: unknown): unknown {
    const { sheet, rect } = t as RangeTarget;
    const grid = (f: (c: FakeCell | undefined, row: number, col: number) => unknown): unknown[][] => {
      if (cellsIn(rect) > READ_CELL_LIMIT) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The range is too large to read (5,000,000 cells at most).');
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: unknown[] = new Array(rect.right - rect.left + 1);
        for (let c = rect.left; c <= rect.right; c++) line[c - rect.left] = f(sheet.cells.get(cellKey(r, c)), r, c);
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case 'address':
      case 'addressLocal':
        return fullAddress(sheet.name, rect);
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'rowIndex':
        return rect.top - 1;
      case 'columnIndex':
        return rect.left - 1;
      case 'cellCount':
        return cellsIn(rect);
      case 'values':
        return grid((c) => readValue(c));
      case 'formulas':
        return grid((c) => readFormula(c));
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'text':
        return grid((c) => String(readValue(c)));
      case 'hyperlink': {
        const c = sheet.cells.get(cellKey(rect.top, rect.left));
        return c?.hyperlink ? { ...c.hyperlink } : null;
      }
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `Range has no property ${name}.`);
    }
  }

  protected override navChild(name: string): FakeObject | undefined {
    if (name === 'format') return this.format;
    return undefined;
  }

  get address(): string {
    return this.getProp('address');
  }
  get rowCount(): number {
    return this.getProp('rowCount');
  }
  get columnCount(): number {
    return this.getProp('columnCount');
  }
  get rowIndex(): number {
    return this.getProp('rowIndex');
  }
  get columnIndex(): number {
    return this.getProp('columnIndex');
  }
  get values(): unknown[][] {
    return this.getProp('values');
  }
  set values(v: unknown[][]) {
    this.setProp('values', v, () => this.writeGrid(v, 'values'));
  }
  get formulas(): unknown[][] {
    return this.getProp('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setProp('formulas', v, () => this.writeGrid(v, 'formulas'));
  }
  get numberFormat(): unknown[][] {
    return this.getProp('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setProp('numberFormat', v, () => this.writeGrid(v, 'numberFormat'));
  }
  get hyperlink(): XlRangeHyperlink {
    return this.getProp('hyperlink');
  }
  set hyperlink(v: XlRangeHyperlink) {
    this.setProp('hyperlink', v, () => {
      const { sheet, rect } = this.writable();
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = cellAt(sheet, r, c, true);
          if (!v || (!v.address && !v.documentReference)) cell.hyperlink = undefined;
          else {
            cell.hyperlink = { ...v };
            if (v.textToDisplay !== undefined && r === rect.top && c === rect.left) writeInput(cell, `'${v.textToDisplay}`, () => null);
          }
        }
      }
    });
  }

  private writeGrid(v: unknown, what: 'values' | 'formulas' | 'numberFormat'): void {
    const { sheet, rect } = this.writable();
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const scalar = !Array.isArray(v);
    if (!scalar) {
      const g = v as unknown[][];
      if (g.length !== rows || g.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
      }
    }
    if (rows * cols > READ_CELL_LIMIT) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The range is too large to write.');
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const input = scalar ? v : (v as unknown[][])[r][c];
        const row = rect.top + r;
        const col = rect.left + c;
        const cell = cellAt(sheet, row, col, true);
        if (what === 'numberFormat') {
          if (input === null || input === undefined) continue;
          cell.numberFormat = String(input) === 'General' ? undefined : String(input);
        } else {
          writeInput(cell, input, (f) => this.ctx.fake.evaluate(f, sheet.name, `${colToLetters(col)}${row}`) ?? null);
          if (cell.formula !== undefined) this.ctx.fake.markDirty(sheet, cellKey(row, col));
        }
        if (isBlankCell(cell)) sheet.cells.delete(cellKey(row, col));
      }
    }
  }

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.ctx, this));
  }

  private derived(name: string, args: unknown[], fn: (t: RangeTarget) => RangeRef | null, nullable = false): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, `${this.path}.${name}(${args.map((a) => JSON.stringify(a)).join(',')})`, this.worksheet, () => {
      const t = this.target();
      if (!t) return null;
      return fn(t);
    }, nullable);
  }

  getCell(row: number, column: number): FakeRangeProxy {
    return this.derived('getCell', [row, column], ({ rect }) => {
      const r = rect.top + row;
      const c = rect.left + column;
      if (row < 0 || column < 0 || r > MAX_ROWS || c > MAX_COLS) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getCell: outside the sheet.');
      return { top: r, left: c, bottom: r, right: c };
    });
  }

  getRow(row: number): FakeRangeProxy {
    return this.derived('getRow', [row], ({ rect }) => {
      const r = rect.top + row;
      if (row < 0 || r > MAX_ROWS) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getRow: outside the sheet.');
      return { top: r, left: rect.left, bottom: r, right: rect.right };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRangeProxy {
    return this.derived('getResizedRange', [deltaRows, deltaColumns], ({ rect }) => {
      const bottom = rect.bottom + deltaRows;
      const right = rect.right + deltaColumns;
      if (bottom < rect.top || right < rect.left || bottom > MAX_ROWS || right > MAX_COLS) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getResizedRange: the range would leave the sheet.');
      return { top: rect.top, left: rect.left, bottom, right };
    });
  }

  getIntersection(anotherRange: XlRange | string): FakeRangeProxy {
    return this.derived('getIntersection', [typeof anotherRange === 'string' ? anotherRange : (anotherRange as FakeRangeProxy).path], ({ rect }) => {
      const other = typeof anotherRange === 'string' ? parseAddress(anotherRange) : (anotherRange as FakeRangeProxy).range().rect;
      const i = intersect(rect, other);
      if (!i) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The ranges do not intersect.');
      return i;
    });
  }

  /** Areas of this range's sheet (a null object when fn finds none); their ranges are range proxies. */
  private rangeAreas(path: string, fn: (t: RangeTarget) => RangeRef[] | null): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      path,
      this.worksheet,
      () => {
        const t = this.target();
        if (!t) return null;
        return fn(t);
      },
      (itemPath, rect) => new FakeRangeProxy(this.ctx, itemPath, this.worksheet, () => rect),
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.13')) throw new FakeOfficeError(ErrorCodes.apiNotFound, 'getMergedAreasOrNullObject needs ExcelApi 1.13.');
    return this.rangeAreas(`${this.path}.getMergedAreasOrNullObject()`, mergedAreas);
  }

  getSpecialCellsOrNullObject(cellType: 'Formulas' | 'Constants', cellValueType: 'Numbers' | 'All' = 'All'): FakeRangeAreas {
    return this.rangeAreas(`${this.path}.getSpecialCellsOrNullObject(${JSON.stringify(cellType)},${JSON.stringify(cellValueType)})`, (t) => specialCells(t, cellType, cellValueType));
  }

  insert(shift: 'Down' | 'Right'): FakeRangeProxy {
    let inserted: RangeRef | undefined;
    const result = new FakeRangeProxy(this.ctx, `${this.path}.insert(${JSON.stringify(shift)})`, this.worksheet, () => {
      if (!inserted) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The range was not inserted.');
      return inserted;
    });
    this.write('insert', [shift], () => {
      if (shift !== 'Down') throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake inserts rows only (shift Down).');
      const { sheet, rect } = this.writable();
      insertRows(this.ctx.wb, sheet, rect);
      inserted = { ...rect };
    });
    return result;
  }

  delete(shift: 'Up' | 'Left'): void {
    this.write('delete', [shift], () => {
      if (shift !== 'Up') throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake deletes rows only (shift Up).');
      const { sheet, rect } = this.writable();
      deleteRows(this.ctx.wb, sheet, rect);
    });
  }

  copyFrom(source: XlRange | string, copyType: 'All' | 'Formulas' | 'Values' | 'Formats' = 'All'): void {
    this.write('copyFrom', [typeof source === 'string' ? source : (source as FakeRangeProxy).path, copyType], () => {
      if (copyType !== 'Formats') throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake copies formats only.');
      const dest = this.writable();
      let src: RangeTarget;
      if (typeof source === 'string') {
        const bang = source.lastIndexOf('!');
        const sheetName = bang >= 0 ? source.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : dest.sheet.name;
        const s = findSheet(this.ctx.wb, sheetName);
        if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No sheet ${sheetName}.`);
        src = { sheet: s, rect: parseAddress(source) };
      } else src = (source as FakeRangeProxy).range();
      copyFormats(src, dest);
    });
  }

  merge(across = false): void {
    this.write('merge', [across], () => {
      const { sheet, rect } = this.writable();
      const rows = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const r of rows) {
        if (r.top === r.bottom && r.left === r.right) continue;
        for (const m of sheet.merges) {
          const i = intersect(m, r);
          if (i && (m.top < r.top || m.bottom > r.bottom || m.left < r.left || m.right > r.right)) {
            throw new FakeOfficeError(ErrorCodes.invalidOperation, "Cannot merge: the range crosses a merged cell's border.");
          }
        }
        sheet.merges = sheet.merges.filter((m) => !intersect(m, r));
        sheet.merges.push({ ...r });
        // Only the top-left cell keeps its value.
        for (let row = r.top; row <= r.bottom; row++) {
          for (let c = r.left; c <= r.right; c++) {
            if (row === r.top && c === r.left) continue;
            const cell = sheet.cells.get(cellKey(row, c));
            if (!cell) continue;
            cell.value = undefined;
            cell.formula = undefined;
            if (isBlankCell(cell)) sheet.cells.delete(cellKey(row, c));
          }
        }
      }
    });
  }

  unmerge(): void {
    this.write('unmerge', null, () => {
      const { sheet, rect } = this.writable();
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    });
  }

  getCellProperties(options: XlCellPropertiesLoad): FakeClientResult<XlCellProperties[][]> {
    const result = new FakeClientResult<XlCellProperties[][]>();
    this.call('getCellProperties', [options], () => {
      const { sheet, rect } = this.range();
      if (cellsIn(rect) > 100000) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getCellProperties: the range is too large.');
      const out: XlCellProperties[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: XlCellProperties[] = [];
        for (let c = rect.left; c <= rect.right; c++) line.push(cellProperties(sheet, r, c, options));
        out.push(line);
      }
      return { commit: () => result.set(out), bytes: jsonBytes(out) };
    });
    return result;
  }

  setCellProperties(values: XlCellProperties[][]): void {
    this.write('setCellProperties', values, () => {
      const { sheet, rect } = this.writable();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (values.length !== rows || values.some((l) => l.length !== cols)) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `setCellProperties: the array is not ${rows}x${cols}.`);
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const f = values[r][c]?.format;
          if (!f) continue;
          const cell = cellAt(sheet, rect.top + r, rect.left + c, true);
          applyCellFormat(cell, f);
          if (isBlankCell(cell)) sheet.cells.delete(cellKey(rect.top + r, rect.left + c));
        }
      }
    });
  }

  select(): void {
    this.call('select', null, () => {
      const { sheet, rect } = this.range();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A range on a hidden sheet cannot be selected.');
      this.ctx.wb.activeSheet = sheet.name;
      this.ctx.wb.selection = { sheet: sheet.name, range: { ...rect } };
    });
  }
}
