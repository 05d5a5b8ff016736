/** Worksheet: its name, position and protection, its ranges and notes, calculation, activation and deletion. */
import { colToLetters } from '../../core/domain/a1';
import type { XlWorksheet, XlWorksheetProtection } from '../office/excel-api';
import type { FakeBatch } from './sync';
import { parseAddress, usedRect } from './address';
import { ErrorCodes, FakeOfficeError } from './errors';
import { MAX_COLS, MAX_ROWS, findSheet, keyCol, keyRow, type FakeSheet, type FakeWorkbook } from './model';
import { FakeNoteCollection } from './notes';
import { FakeObject, type SheetSource } from './proxy';
import { FakeRangeProxy } from './range';

/** Adding, deleting or renaming a sheet fails while the workbook's structure is protected. */
export function checkStructure(wb: FakeWorkbook): void {
  if (wb.structureProtected) throw new FakeOfficeError(ErrorCodes.accessDenied, "The workbook's structure is protected: sheets cannot be added, deleted or renamed.");
}

/** Excel's rules for sheet names: 1 to 31 characters, none of \ / ? * : [ ], no quote at either end, unique (ignoring case). */
export function validateSheetName(wb: FakeWorkbook, name: string, except?: FakeSheet): void {
  if (!name || name.length > 31 || /[\\/?*:[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The sheet name '${name}' is not valid.`);
  }
  const other = findSheet(wb, name);
  if (other && other !== except) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
}

export class FakeWorksheetProtection extends FakeObject implements XlWorksheetProtection {
  constructor(
    ctx: FakeBatch,
    private readonly sheet: FakeWorksheetProxy,
  ) {
    super(ctx, `${sheet.path}.protection`);
  }
  target(): unknown {
    return this.sheet.target();
  }
  protected scalarNames(): string[] {
    return ['protected'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    if (name === 'protected') return (t as FakeSheet).protected;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `WorksheetProtection has no property ${name}.`);
  }
  get protected(): boolean {
    return this.getProp<boolean>('protected');
  }
}

export class FakeWorksheetProxy extends FakeObject implements XlWorksheet, SheetSource {
  private bound: FakeSheet | undefined;
  private _protection?: FakeWorksheetProtection;
  private _notes?: FakeNoteCollection;

  constructor(
    ctx: FakeBatch,
    path: string,
    private readonly finder: () => FakeSheet | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  target(): FakeSheet | null {
    const wb = this.ctx.wb;
    if (this.bound) {
      if (wb.sheets.includes(this.bound)) return this.bound;
      if (this.nullable) return null;
      throw new FakeOfficeError(ErrorCodes.itemNotFound, `The worksheet '${this.bound.name}' was deleted.`);
    }
    const s = this.finder();
    if (s) this.bound = s;
    return s;
  }

  /** The sheet, or an error when this is a null object (for actions). */
  sheet(): FakeSheet {
    const s = this.target();
    if (!s) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.path}: the worksheet is a null object.`);
    return s;
  }

  protected scalarNames(): string[] {
    return ['name', 'position', 'visibility', 'id'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const s = t as FakeSheet;
    switch (name) {
      case 'name':
        return s.name;
      case 'position':
        return this.ctx.wb.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'id':
        return s.id;
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `Worksheet has no property ${name}.`);
    }
  }
  protected override navChild(name: string): FakeObject | undefined {
    if (name === 'protection') return this.protection;
    return undefined;
  }

  get name(): string {
    return this.getProp<string>('name');
  }
  set name(v: string) {
    this.setProp('name', v, () => {
      checkStructure(this.ctx.wb);
      const s = this.sheet();
      validateSheetName(this.ctx.wb, v, s);
      const old = s.name;
      s.name = v;
      if (this.ctx.wb.activeSheet === old) this.ctx.wb.activeSheet = v;
      if (this.ctx.wb.selection.sheet === old) this.ctx.wb.selection.sheet = v;
    });
  }
  get position(): number {
    return this.getProp<number>('position');
  }
  get visibility(): string {
    return this.getProp<string>('visibility');
  }
  get id(): string {
    return this.getProp<string>('id');
  }

  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.ctx, this));
  }

  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.ctx, this));
  }

  getRange(address?: string): FakeRangeProxy {
    const rect = address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseAddress(address);
    return new FakeRangeProxy(this.ctx, `${this.path}.getRange(${JSON.stringify(address ?? '')})`, this, () => rect);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, this, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getRangeByIndexes: the range is outside the sheet.');
      }
      return { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
    });
  }

  getCell(row: number, column: number): FakeRangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, `${this.path}.getUsedRange(${valuesOnly ? 'true' : ''})`, this, (s) => usedRect(s, !!valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, `${this.path}.getUsedRangeOrNullObject(${valuesOnly ? 'true' : ''})`, this, (s) => usedRect(s, !!valuesOnly), true);
  }

  calculate(markAllDirty: boolean): void {
    this.call('calculate', [markAllDirty], () => {
      const s = this.sheet();
      const fake = this.ctx.fake;
      const dirty = fake.takeDirty();
      const keys = markAllDirty ? new Set(s.cells.keys()) : (dirty.get(s) ?? new Set<number>());
      for (const [other, set] of dirty) if (other !== s) for (const k of set) fake.markDirty(other, k);
      for (const k of keys) {
        const c = s.cells.get(k);
        if (c?.formula === undefined) continue;
        const v = fake.evaluate(c.formula, s.name, `${colToLetters(keyCol(k))}${keyRow(k)}`);
        if (v !== undefined && v !== null) c.value = v;
      }
    });
  }

  activate(): void {
    this.call('activate', null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A hidden sheet cannot be activated.');
      const wb = this.ctx.wb;
      wb.activeSheet = s.name;
      if (wb.selection.sheet !== s.name) wb.selection = { sheet: s.name, range: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  delete(): void {
    this.write('delete', null, () => {
      const wb = this.ctx.wb;
      checkStructure(wb);
      const s = this.sheet();
      const visible = wb.sheets.filter((x) => x.visibility === 'Visible');
      if (visible.length <= 1 && s.visibility === 'Visible') throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      const i = wb.sheets.indexOf(s);
      wb.sheets.splice(i, 1);
      if (wb.activeSheet.toLowerCase() === s.name.toLowerCase()) {
        const next = wb.sheets[Math.min(i, wb.sheets.length - 1)];
        wb.activeSheet = next.name;
        wb.selection = { sheet: next.name, range: { top: 1, left: 1, bottom: 1, right: 1 } };
      }
    });
  }
}
