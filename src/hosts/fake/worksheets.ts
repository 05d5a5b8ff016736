/** The workbook's worksheet collection: getting sheets by name or id, the first and the active one, and adding sheets. */
import type { XlWorksheetCollection } from '../office/excel-api';
import type { FakeBatch } from './sync';
import { ErrorCodes, FakeOfficeError } from './errors';
import { findSheet, newSheet, type FakeSheet } from './model';
import { FakeCollection } from './proxy';
import { FakeWorksheetProxy, checkStructure, validateSheetName } from './worksheet';

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheetProxy> implements XlWorksheetCollection {
  constructor(ctx: FakeBatch) {
    super(ctx, 'workbook.worksheets', 'WorksheetCollection');
  }
  target(): unknown {
    return this.ctx.wb.sheets;
  }

  protected itemProxies(): FakeWorksheetProxy[] {
    const sheets = [...this.ctx.wb.sheets];
    return sheets.map((s, i) => new FakeWorksheetProxy(this.ctx, `workbook.worksheets.items[${i}]`, () => s));
  }

  getItem(key: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, `workbook.worksheets.getItem(${JSON.stringify(key)})`, () => {
      const s = findSheet(this.ctx.wb, key) ?? this.ctx.wb.sheets.find((x) => x.id === key);
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist: worksheet '${key}'.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(
      this.ctx,
      `workbook.worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => findSheet(this.ctx.wb, key) ?? this.ctx.wb.sheets.find((x) => x.id === key) ?? null,
      true,
    );
  }

  getFirst(visibleOnly?: boolean): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, `workbook.worksheets.getFirst(${visibleOnly ? 'true' : ''})`, () => {
      const s = this.ctx.wb.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'No worksheet.');
      return s;
    });
  }

  getActiveWorksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, 'workbook.worksheets.getActiveWorksheet()', () => {
      const s = findSheet(this.ctx.wb, this.ctx.wb.activeSheet) ?? this.ctx.wb.sheets[0];
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'No worksheet.');
      return s;
    });
  }

  add(name?: string): FakeWorksheetProxy {
    let created: FakeSheet | undefined;
    const proxy = new FakeWorksheetProxy(this.ctx, `workbook.worksheets.add(${JSON.stringify(name ?? null)})`, () => {
      if (!created) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The worksheet was not added.');
      return created;
    });
    this.write('add', [name ?? null], () => {
      const wb = this.ctx.wb;
      checkStructure(wb);
      let n = name;
      if (n === undefined) {
        for (let i = wb.sheets.length + 1; ; i++) if (!findSheet(wb, `Sheet${i}`)) {
          n = `Sheet${i}`;
          break;
        }
      }
      validateSheetName(wb, n as string);
      created = newSheet(wb, n as string);
      wb.sheets.push(created);
    });
    return proxy;
  }
}
