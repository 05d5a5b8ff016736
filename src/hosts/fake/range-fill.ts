/** Range.format.fill. */
import type { XlRangeFill } from '../office/excel-api';
import type { FakeBatch } from './sync';
import { normaliseColor } from './cells';
import { FakeRangePart, overCells, type RangeReader, type RangeSource } from './range-part';

const NO_FILL = { color: '#FFFFFF', pattern: 'None' };

const FILL: ReadonlyMap<string, RangeReader> = new Map([
  ['color', overCells((c) => (c?.fill ?? NO_FILL).color)],
  ['pattern', overCells((c) => (c?.fill ?? NO_FILL).pattern)],
  ['patternColor', overCells((c) => c?.fill?.patternColor ?? '#000000')],
]);

export class FakeRangeFill extends FakeRangePart implements XlRangeFill {
  constructor(ctx: FakeBatch, range: RangeSource) {
    super(ctx, range, 'format.fill', 'RangeFill', FILL);
  }
  get color(): string {
    return this.getProp('color');
  }
  set color(v: string) {
    this.setProp('color', v, () => {
      const color = normaliseColor(v);
      this.eachCell((c) => {
        const pattern = c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid';
        c.fill = { ...(c.fill ?? {}), color, pattern };
      });
    });
  }
  get pattern(): string {
    return this.getProp('pattern');
  }
  set pattern(v: string) {
    this.setCells('pattern', v, (c) => {
      if (v === 'None') c.fill = undefined;
      else c.fill = { ...(c.fill ?? { color: '#FFFFFF' }), pattern: v };
    });
  }
  get patternColor(): string {
    return this.getProp('patternColor');
  }
  set patternColor(v: string) {
    this.setProp('patternColor', v, () => {
      const color = normaliseColor(v);
      this.eachCell((c) => {
        c.fill = { ...(c.fill ?? { color: '#FFFFFF', pattern: 'None' }), patternColor: color };
      });
    });
  }
  clear(): void {
    this.write('clear', null, () => this.eachCell((c) => (c.fill = undefined)));
  }
}
