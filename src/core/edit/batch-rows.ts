/** Writes what goes on a batch's new rows once every insertion is done (final coordinates): values, labels, merges, formulas. */
import type { PlanOp, PlanValue } from '../plan/ops';
import type { CellValue, SheetGrid } from '../snapshot/snapshot';
import type { RangeRef } from '../domain/a1';
import { parseA1, rangeToA1, toA1 } from '../domain/a1';
import type { TargetTable } from '../model';
import type { OpsContext } from './context';
import { blocksOfRow, columnStyles, firstDataRow, isEmpty, projectColumns, tableExtent, type ColumnStyle } from './geometry';
import { copyFormula, refRows, refersTo, resizeRange, scanRefs, shiftForInsert, mapRefs } from './formula';
import type { MergeSim } from './merges';
import { blockKey, mapRow, type BlockSpec, type Group, type NewRowSpec, type Owner, type Shift } from './batch-types';

/** Writes what goes on the new rows once every insertion is done (final coordinates). */
export class BatchRows {
  readonly ops: PlanOp[] = [];
  /** Sheets with formulas written without a known result. */
  readonly recalc = new Set<string>();
  /** Values written or cleared in final coordinates: `sheet\0row\0col` → value. */
  private readonly written = new Map<string, PlanValue>();
  /** Label cells that moved up: references to `from` (final) follow to `to`. */
  private readonly moves: { sheet: string; from: [number, number]; to: [number, number] }[] = [];
  private readonly styles = new Map<TargetTable, Map<number, ColumnStyle>>();
  /** Groups and their first final row, for the formula pass. */
  private readonly placed: { g: Group; start: number }[] = [];

  constructor(
    private readonly ctx: OpsContext,
    private readonly sim: MergeSim,
    private readonly shifts: Shift[],
  ) {}

  private key(sheet: string, row: number, col: number): string {
    return `${sheet}\u0000${row}\u0000${col}`;
  }

  private set(sheet: string, row: number, col: number, value: PlanValue): void {
    if (value === null || value === undefined || value === '') return;
    this.ops.push({ op: 'setValue', sheet, cell: toA1(row, col), value });
    this.written.set(this.key(sheet, row, col), value);
  }

  private merge(sheet: string, r: RangeRef): void {
    if (r.top === r.bottom && r.left === r.right) return;
    this.ops.push({ op: 'merge', sheet, range: rangeToA1(r) });
    this.sim.merge(sheet, r);
    // Every cell of the area but the top-left is empty afterwards.
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) this.written.set(this.key(sheet, row, col), null);
  }

  private styleOf(table: TargetTable, col: number): ColumnStyle {
    let s = this.styles.get(table);
    if (!s) {
      s = columnStyles(this.ctx.grid(table.sheet), table);
      this.styles.set(table, s);
    }
    return s.get(col) ?? 'merged';
  }

  writeGroup(g: Group, start: number): void {
    this.placed.push({ g, start });
    const sheet = g.sheet;
    const n = g.rows.length;
    const end = start + n - 1;
    // The indicator's own cells.
    g.rows.forEach((row, i) => {
      for (const [col, v] of row.values) this.set(sheet, start + i, col, v);
    });
    // Block columns.
    const table = g.table;
    const grid = this.ctx.grid(sheet);
    const above = blocksOfRow(table, g.at - 1);
    const below = blocksOfRow(table, g.at);
    const columns: { kind: 'p' | 'c' | 's'; col: number; pick: (r: NewRowSpec) => BlockSpec | null }[] = [];
    for (const col of projectColumns(table)) columns.push({ kind: 'p', col, pick: (r) => r.project });
    if (table.columns.category !== undefined) columns.push({ kind: 'c', col: table.columns.category, pick: (r) => r.category });
    if (table.columns.subcategory !== undefined) columns.push({ kind: 's', col: table.columns.subcategory, pick: (r) => r.subcategory });
    for (const { kind, col, pick } of columns) {
      const style = this.styleOf(table, col);
      // Runs of consecutive new rows in the same block.
      let i = 0;
      while (i < n) {
        const b = pick(g.rows[i]);
        let j = i;
        while (j + 1 < n && pick(g.rows[j + 1])?.key === b?.key) j++;
        if (b) {
          const s0 = start + i;
          const s1 = start + j;
          const aboveIn = i === 0 && b.existing && blockKey(kind, above) === b.key;
          const belowIn = j === n - 1 && b.existing && blockKey(kind, below) === b.key;
          if (aboveIn) this.extendFromAbove(table, grid, col, style, start - 1, s0, s1, belowIn ? end + 1 : null, g.at - 1);
          else if (belowIn) this.relabelAtTop(table, grid, col, style, s0, s1, end + 1, g.at);
          else this.newBlock(sheet, col, style, s0, s1, b.label?.get(col) ?? null);
        }
        i = j + 1;
      }
    }
  }

  /** The block goes on from the row above: extend its merge, or repeat its label. */
  private extendFromAbove(table: TargetTable, grid: SheetGrid, col: number, style: ColumnStyle, finalAbove: number, s0: number, s1: number, finalBelow: number | null, origAbove: number): void {
    const sheet = table.sheet;
    if (style === 'sparse') return;
    if (style === 'repeated') {
      const v = grid.raw(origAbove, col) ?? grid.value(origAbove, col);
      for (let r = s0; r <= s1; r++) this.set(sheet, r, col, v);
      return;
    }
    const mAbove = this.sim.at(sheet, finalAbove, col);
    const left = mAbove ? mAbove.left : col;
    const right = mAbove ? mAbove.right : col;
    const top = mAbove ? mAbove.top : finalAbove;
    let bottom = s1;
    if (finalBelow !== null) {
      const mBelow = this.sim.at(sheet, finalBelow, col);
      if (mBelow && mBelow !== mAbove && mBelow.left === left && mBelow.right === right) bottom = Math.max(bottom, mBelow.bottom);
    }
    if (mAbove && mAbove.top <= top && mAbove.bottom >= bottom) return; // the host grew it
    this.merge(sheet, { top, left, bottom, right });
  }

  /** New rows above the block's first row: they take the label, and the block is merged from them down. */
  private relabelAtTop(table: TargetTable, grid: SheetGrid, col: number, style: ColumnStyle, s0: number, s1: number, finalBelow: number, origBelow: number): void {
    const sheet = table.sheet;
    const value = grid.value(origBelow, col);
    if (style === 'repeated') {
      for (let r = s0; r <= s1; r++) this.set(sheet, r, col, value);
      return;
    }
    if (isEmpty(value)) return;
    if (style === 'sparse') {
      // Written once: the label moves up to the block's new first row (references follow it).
      this.moveLabel(sheet, grid, origBelow, col, s0, value);
      this.ops.push({ op: 'setValue', sheet, cell: toA1(finalBelow, col), value: null });
      this.written.set(this.key(sheet, finalBelow, col), null);
      this.moves.push({ sheet, from: [finalBelow, col], to: [s0, col] });
      return;
    }
    const m = this.sim.at(sheet, finalBelow, col);
    if (m && m.left !== col) return; // a wider merge, handled from its first column
    const left = m ? m.left : col;
    const right = m ? m.right : col;
    const bottom = m ? m.bottom : finalBelow;
    const oldTop = m ? m.top : finalBelow;
    this.moveLabel(sheet, grid, origBelow, left, s0, value);
    this.merge(sheet, { top: s0, left, bottom, right });
    // The label moved up from oldTop (which the merge empties): references to it follow.
    this.moves.push({ sheet, from: [oldTop, left], to: [s0, left] });
  }

  /** Writes a label that moves up to row `to`: its value, or its formula (references as they are after the shifts). */
  private moveLabel(sheet: string, grid: SheetGrid, origRow: number, col: number, to: number, value: CellValue): void {
    const f = grid.formula(origRow, col);
    if (!f) {
      this.set(sheet, to, col, value);
      return;
    }
    let text = f;
    for (const sh of this.shifts) text = shiftForInsert(text, sheet, sh.sheet, sh.at, sh.count);
    this.ops.push({ op: 'setFormula', sheet, cell: toA1(to, col), formula: text, value });
    this.written.set(this.key(sheet, to, col), value);
  }

  private newBlock(sheet: string, col: number, style: ColumnStyle, s0: number, s1: number, value: CellValue): void {
    if (isEmpty(value)) return;
    if (style === 'repeated') {
      for (let r = s0; r <= s1; r++) this.set(sheet, r, col, value);
      return;
    }
    this.set(sheet, s0, col, value);
    if (style === 'merged' && s1 > s0) this.merge(sheet, { top: s0, left: col, bottom: s1, right: col });
  }

  // ---------------------------------------------------------------- formulas

  formulas(groups: Group[]): void {
    if (groups.length === 0) return;
    const insertSheets = new Set(groups.map((g) => g.sheet));
    const byStart = new Map(this.placed.map((p) => [p.g, p.start] as const));
    const finalText = new Map<string, string>(); // `${sheet}\0${origA1}` → final formula

    for (const s of this.ctx.snapshot.sheets) {
      const formulas = s.formulas;
      if (!formulas) continue;
      for (const [a1, f] of Object.entries(formulas)) {
        const refs = scanRefs(f);
        if (refs.length === 0) continue;
        if (!insertSheets.has(s.name) && !refs.some((r) => r.sheet !== null && insertSheets.has(r.sheet))) continue;
        // Ranges to extend, by their original rows on a sheet.
        const exts = new Map<string, { sheet: string; top: number; bottom: number; newTop: number; newBottom: number }>();
        for (const g of groups) {
          const start = byStart.get(g)!;
          const end = start + g.rows.length - 1;
          const ext = tableExtent(g.table);
          const dataTop = firstDataRow(g.table); // the department's summary row may be summed with its projects
          for (const r of refs) {
            if (!r.b || r.a.row === 0 || !refersTo(r, s.name, g.sheet)) continue;
            const [top, bottom] = refRows(r);
            if (top === bottom) continue;
            const below = bottom === g.at - 1;
            const atTop = top === g.at;
            if (!below && !atTop) continue;
            if (top < dataTop || bottom > ext.bottom) continue;
            // A new row joins the range when its project is one the range covers (or, for a new project,
            // when the range covers the table's projects from the first); the rows joining a range ending
            // above the insertion are the first ones of it, those joining a range starting at it the last.
            const joins = (o: Owner) => bottom >= o.top && top <= o.bottom && (!o.tableWide || top <= o.top);
            let lead = 0;
            while (lead < g.rows.length && joins(g.owners[lead])) lead++;
            let trail = 0;
            while (trail < g.rows.length && joins(g.owners[g.rows.length - 1 - trail])) trail++;
            if ((below ? lead : 0) + (atTop ? trail : 0) === 0) continue;
            const k = `${g.sheet}\u0000${top}\u0000${bottom}`;
            const cur = exts.get(k) ?? { sheet: g.sheet, top, bottom, newTop: mapRow(this.shifts, g.sheet, top), newBottom: mapRow(this.shifts, g.sheet, bottom) };
            if (below && lead > 0) cur.newBottom = Math.max(cur.newBottom, start + lead - 1);
            if (atTop && trail > 0) cur.newTop = Math.min(cur.newTop, end - trail + 1);
            exts.set(k, cur);
          }
        }
        const moves = this.moves.filter((m) => refs.some((r) => !r.b && r.a.row !== 0 && refersTo(r, s.name, m.sheet)));
        if (exts.size === 0 && moves.length === 0) continue;
        let text = f;
        for (const sh of this.shifts) text = shiftForInsert(text, s.name, sh.sheet, sh.at, sh.count);
        const shifted = text;
        for (const e of exts.values()) {
          text = resizeRange(text, s.name, e.sheet, [mapRow(this.shifts, e.sheet, e.top), mapRow(this.shifts, e.sheet, e.bottom)], [e.newTop, e.newBottom]);
        }
        for (const m of moves) {
          text = mapRefs(text, (r) => {
            if (r.b || r.a.row === 0 || !refersTo(r, s.name, m.sheet)) return null;
            if (r.a.row !== m.from[0] || r.a.col !== m.from[1]) return null;
            return { ...r, a: { ...r.a, row: m.to[0], col: m.to[1] } };
          });
        }
        if (text === shifted) continue;
        const p = parseA1(a1);
        const row = insertSheets.has(s.name) ? mapRow(this.shifts, s.name, p.row) : p.row;
        const cached = s.values[p.row - 1]?.[p.col - 1] ?? null;
        const value = this.resultOf(s.name, text, exts, cached);
        finalText.set(`${s.name}\u0000${a1}`, text);
        this.ops.push({ op: 'setFormula', sheet: s.name, cell: toA1(row, p.col), formula: text, value });
        if (value === null) this.recalc.add(s.name);
      }
    }
    this.fillDown(groups, byStart, finalText);
  }

  /**
   * The result of an extended formula: a plain SUM is added up again (new rows and emptied cells
   * included); another formula keeps its result when the rows it took in are empty; else unknown.
   */
  private resultOf(home: string, text: string, exts: Map<string, { sheet: string; top: number; bottom: number; newTop: number; newBottom: number }>, cached: CellValue): PlanValue {
    const sum = /^\s*SUM\(([^()"]*)\)\s*$/i.exec(text);
    if (sum) {
      let total = 0;
      for (const part of sum[1].split(',')) {
        const refs = scanRefs(part.trim());
        if (refs.length !== 1 || refs[0].end !== part.trim().length || refs[0].a.row === 0) return this.unknown(cached, exts);
        const r = refs[0];
        const sheet = r.sheet ?? home;
        const b = r.b ?? r.a;
        for (let row = Math.min(r.a.row, b.row); row <= Math.max(r.a.row, b.row); row++)
          for (let col = Math.min(r.a.col, b.col); col <= Math.max(r.a.col, b.col); col++) {
            const v = this.finalValue(sheet, row, col);
            if (typeof v === 'number') total += v;
          }
      }
      return Math.round(total * 1e9) / 1e9;
    }
    return this.unknown(cached, exts);
  }

  private unknown(cached: CellValue, exts: Map<string, { sheet: string; top: number; bottom: number; newTop: number; newBottom: number }>): PlanValue {
    // Rows taken in hold nothing new: the result stands.
    for (const e of exts.values()) {
      const oldTop = mapRow(this.shifts, e.sheet, e.top);
      const oldBottom = mapRow(this.shifts, e.sheet, e.bottom);
      for (const [k, v] of this.written) {
        const [sheet, row] = k.split('\u0000');
        const r = Number(row);
        if (sheet === e.sheet && ((r >= e.newTop && r < oldTop) || (r > oldBottom && r <= e.newBottom)) && !isEmpty(v)) return this.markUnknown();
      }
    }
    return cached;
  }

  private markUnknown(): null {
    return null;
  }

  /** A cell's value after the plan (final coordinates): written by the plan, else the original cell's. */
  private finalValue(sheet: string, row: number, col: number): CellValue {
    const k = this.key(sheet, row, col);
    if (this.written.has(k)) return this.written.get(k) ?? null;
    const list = this.shifts.filter((s) => s.sheet === sheet).sort((a, b) => a.at - b.at);
    let offset = 0;
    for (const s of list) {
      if (row < s.at + offset) break;
      if (row < s.at + offset + s.count) return null; // a new row
      offset += s.count;
    }
    const orig = row - offset;
    const snap = this.ctx.snapshot.sheets.find((x) => x.name === sheet);
    const v = snap?.values[orig - 1]?.[col - 1];
    return v === undefined ? null : v;
  }

  /** Formulas filled down a column of the table go on the new indicator rows too. */
  private fillDown(groups: Group[], byStart: Map<Group, number>, finalText: Map<string, string>): void {
    for (const g of groups) {
      const grid = this.ctx.grid(g.sheet);
      const src = g.formatFrom;
      const right = tableExtent(g.table).right;
      const srcFinal = mapRow(this.shifts, g.sheet, src);
      const indicatorCol = g.table.columns.indicator;
      for (let col = 1; col <= right; col++) {
        const f = grid.formula(src, col);
        if (!f) continue;
        const down = grid.formula(src + 1, col);
        const up = grid.formula(src - 1, col);
        const filled = (down !== undefined && copyFormula(f, 1) === down) || (up !== undefined && copyFormula(f, -1) === up);
        if (!filled) continue;
        let base = finalText.get(`${g.sheet}\u0000${toA1(src, col)}`);
        if (base === undefined) {
          base = f;
          for (const sh of this.shifts) base = shiftForInsert(base, g.sheet, sh.sheet, sh.at, sh.count);
        }
        const start = byStart.get(g)!;
        g.rows.forEach((row, i) => {
          if (row.values.has(col) || (indicatorCol !== undefined && !row.values.has(indicatorCol))) return;
          const copy = copyFormula(base!, start + i - srcFinal);
          if (copy === null) return;
          this.ops.push({ op: 'setFormula', sheet: g.sheet, cell: toA1(start + i, col), formula: copy, value: null });
          this.recalc.add(g.sheet);
        });
      }
    }
  }
}

