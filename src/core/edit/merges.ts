/** The merged areas of the sheets as the hosts will leave them after a batch's insertions and merges. */
import type { RangeRef } from '../domain/a1';
import type { OpsContext } from './context';

export class MergeSim {
  private readonly sheets = new Map<string, RangeRef[]>();
  constructor(private readonly ctx: OpsContext) {}

  list(sheet: string): RangeRef[] {
    let l = this.sheets.get(sheet);
    if (!l) {
      const s = this.ctx.snapshot.sheets.find((x) => x.name === sheet);
      l = (s?.merges ?? []).map((m) => ({ ...m }));
      this.sheets.set(sheet, l);
    }
    return l;
  }

  at(sheet: string, row: number, col: number): RangeRef | undefined {
    return this.list(sheet).find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
  }

  /** The hosts' insertion: spanning merges grow, later ones move, the source row's one-row merges repeat. */
  insert(sheet: string, at: number, count: number, formatFrom: number): void {
    const l = this.list(sheet);
    for (const m of l) {
      if (m.top >= at) {
        m.top += count;
        m.bottom += count;
      } else if (m.bottom >= at) m.bottom += count;
    }
    const src = formatFrom >= at ? formatFrom + count : formatFrom;
    const rowMerges = l.filter((m) => m.top === src && m.bottom === src && m.right > m.left);
    for (const m of rowMerges) {
      for (let r = at; r < at + count; r++) {
        const clash = l.some((o) => o.top <= r && o.bottom >= r && o.left <= m.right && o.right >= m.left);
        if (!clash) l.push({ top: r, bottom: r, left: m.left, right: m.right });
      }
    }
  }

  merge(sheet: string, r: RangeRef): void {
    const l = this.list(sheet);
    for (let i = l.length - 1; i >= 0; i--) {
      const m = l[i];
      if (m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left) l.splice(i, 1);
    }
    l.push({ ...r });
  }
}

