/** RangeAreas (ExcelApi 1.9): several rectangles of one sheet, as Range.getMergedAreasOrNullObject and getSpecialCellsOrNullObject give them. */
import type { RangeRef } from '../../core/domain/a1';
import type { XlRange, XlRangeAreas, XlRangeAreasLoad, XlRangeCollection } from '../office/excel-api';
import type { FakeBatch } from './sync';
import type { FakeSheet } from './model';
import type { LoadTree } from './load';
import { cellsIn, fullAddress } from './address';
import { ErrorCodes, FakeOfficeError } from './errors';
import { FakeObject, loadItems, type SheetSource } from './proxy';

/** A range proxy for one area (made by the range that asked for the areas: this module does not import it). */
export type AreaRange = FakeObject & XlRange;

class FakeRangeCollection implements XlRangeCollection {
  constructor(readonly items: AreaRange[]) {}
}

export class FakeRangeAreas extends FakeObject implements XlRangeAreas {
  constructor(
    ctx: FakeBatch,
    path: string,
    private readonly worksheet: SheetSource,
    private readonly areasFn: () => RangeRef[] | null,
    private readonly rangeAt: (path: string, rect: RangeRef) => AreaRange,
  ) {
    super(ctx, path, true);
  }
  target(): { sheet: FakeSheet; areas: RangeRef[] } | null {
    const s = this.worksheet.target();
    if (!s) return null;
    const areas = this.areasFn();
    return areas ? { sheet: s, areas } : null;
  }
  protected scalarNames(): string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const { sheet, areas } = t as { sheet: FakeSheet; areas: RangeRef[] };
    switch (name) {
      case 'address':
        return areas.map((a) => fullAddress(sheet.name, a)).join(',');
      case 'areaCount':
        return areas.length;
      case 'cellCount':
        return areas.reduce((n, a) => n + cellsIn(a), 0);
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `RangeAreas has no property ${name}.`);
    }
  }
  override runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    const areasTree = tree.nav.get('areas');
    if (!areasTree) return super.runLoad(tree);
    const rest: LoadTree = { props: tree.props, nav: new Map([...tree.nav].filter(([k]) => k !== 'areas')) };
    const t = this.target();
    if (!t) return super.runLoad(rest);
    const base = rest.props.size || rest.nav.size ? super.runLoad(rest) : { commit: () => (this.nullState = false), bytes: 2 };
    const items = t.areas.map((a, i) => this.rangeAt(`${this.path}.areas.items[${i}]`, a));
    const loaded = loadItems(items, areasTree);
    return {
      commit: () => {
        base.commit();
        this.nullState = false;
        this.loaded.set('areas', new FakeRangeCollection(items));
        loaded.commit();
      },
      bytes: base.bytes + loaded.bytes,
    };
  }
  get address(): string {
    return this.getProp('address');
  }
  get areaCount(): number {
    return this.getProp('areaCount');
  }
  get areas(): FakeRangeCollection {
    return this.getProp('areas');
  }
  override load(spec?: unknown): this;
  override load(spec: XlRangeAreasLoad): this;
  override load(spec?: unknown): this {
    return super.load(spec);
  }
}
