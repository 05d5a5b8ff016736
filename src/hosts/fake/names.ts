/** Names (ExcelApi 1.4): only names that refer to one cell. */
import { colToLetters, quoteSheet, type RangeRef } from '../../core/domain/a1';
import type { XlNamedItem, XlNamedItemCollection, XlRange } from '../office/excel-api';
import type { FakeBatch } from './sync';
import type { FakeRangeProxy } from './range';
import { parseAddress } from './address';
import { ErrorCodes, FakeOfficeError } from './errors';
import { findSheet, type FakeName, type FakeSheet } from './model';
import { FakeObject } from './proxy';

function nameFormula(n: { sheet: string; row: number; col: number }): string {
  return `=${quoteSheet(n.sheet)}!$${colToLetters(n.col)}$${n.row}`;
}

export class FakeNamedItemCollection implements XlNamedItemCollection {
  constructor(private readonly ctx: FakeBatch) {}

  add(name: string, reference: XlRange | string, _comment?: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, `workbook.names.getItem(${JSON.stringify(name)})`, name, false);
    this.ctx.push({
      write: true,
      desc: { a: 'w', p: 'workbook.names', n: 'add', v: [name, typeof reference === 'string' ? reference : (reference as FakeRangeProxy).path] },
      run: () => {
        const wb = this.ctx.wb;
        if (!/^[A-Za-z_\\][\w.]*$/.test(name)) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The name '${name}' is not valid.`);
        if ((wb.names ?? []).some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `The name '${name}' already exists.`);
        let sheet: FakeSheet;
        let rect: RangeRef;
        if (typeof reference === 'string') {
          const ref = reference.replace(/^=/, '');
          const bang = ref.lastIndexOf('!');
          const sheetName = ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
          const found = findSheet(wb, sheetName);
          if (!found) throw new FakeOfficeError(ErrorCodes.invalidReference, `The reference '${reference}' is not valid.`);
          sheet = found;
          rect = parseAddress(ref.slice(bang + 1).replace(/\$/g, ''));
        } else ({ sheet, rect } = (reference as FakeRangeProxy).range());
        if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake names single cells only.');
        (wb.names ??= []).push({ name, sheet: sheet.name, row: rect.top, col: rect.left, visible: true });
      },
    });
    return item;
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, `workbook.names.getItemOrNullObject(${JSON.stringify(name)})`, name, true);
  }
}

export class FakeNamedItem extends FakeObject implements XlNamedItem {
  constructor(
    ctx: FakeBatch,
    path: string,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(ctx, path, nullable);
  }
  target(): FakeName | null {
    const n = (this.ctx.wb.names ?? []).find((x) => x.name.toLowerCase() === this.key.toLowerCase()) ?? null;
    if (!n && !this.nullable) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No name ${this.key}.`);
    return n;
  }
  protected scalarNames(): string[] {
    return ['name', 'formula', 'visible', 'type'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const n = t as FakeName;
    switch (name) {
      case 'name':
        return n.name;
      case 'formula':
        return nameFormula(n);
      case 'visible':
        return n.visible;
      case 'type':
        return 'Range';
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `NamedItem has no property ${name}.`);
    }
  }
  get name(): string {
    return this.getProp('name');
  }
  get formula(): unknown {
    return this.getProp('formula');
  }
  set formula(_v: unknown) {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake does not change names.');
  }
  get visible(): boolean {
    return this.getProp('visible');
  }
  set visible(v: boolean) {
    this.setProp('visible', v, () => {
      const n = this.target();
      if (n) n.visible = v;
    });
  }
  delete(): void {
    this.write('delete', null, () => {
      const n = this.target();
      if (!n) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No name ${this.key}.`);
      this.ctx.wb.names = (this.ctx.wb.names ?? []).filter((x) => x !== n);
    });
  }
}
