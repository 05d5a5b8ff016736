/** Range.format.font. */
import type { XlRangeFont } from '../office/excel-api';
import type { FakeBatch } from './sync';
import type { FakeCell } from './model';
import { normaliseColor } from './cells';
import { FakeRangePart, overCells, type RangeReader, type RangeSource } from './range-part';

const FONT: ReadonlyMap<string, RangeReader> = new Map([
  ['color', overCells((c) => c?.font?.color ?? '#000000')],
  ['bold', overCells((c) => c?.font?.bold ?? false)],
  ['underline', overCells((c) => c?.font?.underline ?? 'None')],
]);

export class FakeRangeFont extends FakeRangePart implements XlRangeFont {
  constructor(ctx: FakeBatch, range: RangeSource) {
    super(ctx, range, 'format.font', 'RangeFont', FONT);
  }
  /** A font property on every cell; the normal value is not stored (the cell's font keeps only what differs). */
  private setFont(name: 'color' | 'bold' | 'underline', v: unknown, normal: unknown): void {
    this.setProp(name, v, () => {
      const value = name === 'color' ? normaliseColor(String(v)) : v;
      this.eachCell((c) => {
        const font = { ...(c.font ?? {}) } as Record<string, unknown>;
        if (value === normal) delete font[name];
        else font[name] = value;
        c.font = Object.keys(font).length ? (font as FakeCell['font']) : undefined;
      });
    });
  }
  get color(): string {
    return this.getProp('color');
  }
  set color(v: string) {
    this.setFont('color', v, '#000000');
  }
  get bold(): boolean {
    return this.getProp('bold');
  }
  set bold(v: boolean) {
    this.setFont('bold', v, false);
  }
  get underline(): string {
    return this.getProp('underline');
  }
  set underline(v: string) {
    this.setFont('underline', v, 'None');
  }
}
