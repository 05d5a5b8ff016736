/** Workbook: its worksheets, application, custom XML parts, names and protection, and the selection. */
import type { XlWorkbook, XlWorkbookProtection } from '../office/excel-api';
import type { FakeBatch } from './sync';
import { FakeApplication } from './application';
import { FakeCustomXmlPartCollection } from './custom-xml';
import { ErrorCodes, FakeOfficeError } from './errors';
import { findSheet } from './model';
import { FakeNamedItemCollection } from './names';
import { FakeObject } from './proxy';
import { FakeRangeProxy } from './range';
import { FakeWorksheetProxy } from './worksheet';
import { FakeWorksheetCollection } from './worksheets';

export class FakeWorkbookProxy extends FakeObject implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly names: FakeNamedItemCollection;

  constructor(ctx: FakeBatch) {
    super(ctx, 'workbook');
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }

  readonly protection: FakeWorkbookProtection;

  target(): unknown {
    return this.ctx.wb;
  }
  protected scalarNames(): string[] {
    return ['name'];
  }
  protected readScalar(name: string): unknown {
    if (name === 'name') return this.ctx.fake.source;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `Workbook has no property ${name}.`);
  }

  getSelectedRange(): FakeRangeProxy {
    const ctx = this.ctx;
    const sheet = new FakeWorksheetProxy(ctx, 'workbook.getSelectedRange().worksheet', () => {
      const s = findSheet(ctx.wb, ctx.wb.selection.sheet);
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'No selection.');
      return s;
    });
    return new FakeRangeProxy(ctx, 'workbook.getSelectedRange()', sheet, () => ({ ...ctx.wb.selection.range }));
  }

  /** The active cell: the top-left cell of the selection. */
  getActiveCell(): FakeRangeProxy {
    const ctx = this.ctx;
    const sheet = new FakeWorksheetProxy(ctx, 'workbook.getActiveCell().worksheet', () => {
      const s = findSheet(ctx.wb, ctx.wb.selection.sheet);
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'No selection.');
      return s;
    });
    return new FakeRangeProxy(ctx, 'workbook.getActiveCell()', sheet, () => {
      const r = ctx.wb.selection.range;
      return { top: r.top, left: r.left, bottom: r.top, right: r.left };
    });
  }
}

class FakeWorkbookProtection extends FakeObject implements XlWorkbookProtection {
  constructor(ctx: FakeBatch) {
    super(ctx, 'workbook.protection');
  }
  target(): unknown {
    return this.ctx.wb;
  }
  protected scalarNames(): string[] {
    return ['protected'];
  }
  protected readScalar(name: string): unknown {
    if (name === 'protected') return !!this.ctx.wb.structureProtected;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `WorkbookProtection has no property ${name}.`);
  }
  get protected(): boolean {
    return this.getProp('protected');
  }
}
