/** Range.format: column widths, row heights, wrapping and alignment, and the fill and font below it. */
import type { XlRangeFormat } from '../office/excel-api';
import type { FakeBatch } from './sync';
import type { RangeTarget } from './address';
import { ErrorCodes, FakeOfficeError } from './errors';
import type { FakeObject } from './proxy';
import { FakeRangeFill } from './range-fill';
import { FakeRangeFont } from './range-font';
import { FakeRangePart, STANDARD_HEIGHT, overCells, uniformRows, type RangeReader, type RangeSource } from './range-part';

const FORMAT: ReadonlyMap<string, RangeReader> = new Map<string, RangeReader>([
  ['columnWidth', ({ sheet, rect }) => sheet.columnWidths[rect.left] ?? 48],
  ['rowHeight', ({ sheet, rect }) => uniformRows(sheet, rect, (r) => sheet.rowHeights?.[r] ?? STANDARD_HEIGHT)],
  ['useStandardHeight', ({ sheet, rect }) => uniformRows(sheet, rect, (r) => sheet.rowHeights?.[r] === undefined)],
  [
    'useStandardWidth',
    ({ sheet, rect }) => {
      const first = sheet.columnWidths[rect.left] === undefined;
      for (let c = rect.left + 1; c <= Math.min(rect.right, rect.left + 1000); c++) if ((sheet.columnWidths[c] === undefined) !== first) return null;
      return first;
    },
  ],
  ['wrapText', overCells((c) => c?.wrapText ?? false)],
  ['verticalAlignment', overCells((c) => c?.verticalAlignment ?? 'Bottom')],
]);

export class FakeRangeFormat extends FakeRangePart implements XlRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(ctx: FakeBatch, range: RangeSource) {
    super(ctx, range, 'format', 'RangeFormat', FORMAT);
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeRangeFont(ctx, range);
  }
  protected override navChild(name: string): FakeObject | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }
  /** The range, for a change of widths or heights: an error on a protected sheet. */
  private unprotected(): RangeTarget {
    const t = this.range.range();
    if (t.sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${t.sheet.name}' is protected.`);
    return t;
  }
  get columnWidth(): number {
    return this.getProp('columnWidth');
  }
  set columnWidth(v: number) {
    this.setProp('columnWidth', v, () => {
      const { sheet, rect } = this.unprotected();
      for (let c = rect.left; c <= Math.min(rect.right, rect.left + 1000); c++) sheet.columnWidths[c] = v;
    });
  }
  get rowHeight(): number {
    return this.getProp('rowHeight');
  }
  set rowHeight(v: number) {
    this.setProp('rowHeight', v, () => {
      const { sheet, rect } = this.unprotected();
      for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100000); r++) (sheet.rowHeights ??= {})[r] = v;
    });
  }
  get useStandardHeight(): boolean {
    return this.getProp('useStandardHeight');
  }
  set useStandardHeight(v: boolean) {
    this.setProp('useStandardHeight', v, () => {
      const { sheet, rect } = this.range.range();
      if (!v || !sheet.rowHeights) return;
      for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100000); r++) delete sheet.rowHeights[r];
    });
  }
  get useStandardWidth(): boolean {
    return this.getProp('useStandardWidth');
  }
  set useStandardWidth(v: boolean) {
    this.setProp('useStandardWidth', v, () => {
      const { sheet, rect } = this.range.range();
      if (!v) return;
      for (let c = rect.left; c <= Math.min(rect.right, rect.left + 1000); c++) delete sheet.columnWidths[c];
    });
  }
  get wrapText(): boolean {
    return this.getProp('wrapText');
  }
  set wrapText(v: boolean) {
    this.setCells('wrapText', v, (c) => (c.wrapText = v ? true : undefined));
  }
  get verticalAlignment(): string {
    return this.getProp('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.setCells('verticalAlignment', v, (c) => (c.verticalAlignment = v === 'Bottom' ? undefined : v));
  }
}
