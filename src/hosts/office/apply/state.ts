/**
 * The state of one write batch, shared by the functions that queue its ops (cells.ts, sheets.ts,
 * rows.ts), its run (batch.ts) and the rollback: the ledger as it will be written, the merges and
 * inserts so far, the undo steps, and the request budget. Every write goes into one request unless it
 * would pass the budget (room()).
 */
import type { PlanOp } from '../../../core/plan/ops';
import { colToLetters, toA1, type RangeRef } from '../../../core/domain/a1';
import type { CellAddress } from '../../workbook-host';
import type { XlNamedItem, XlNote, XlRequestContext, XlWorksheet } from '../excel-api';
import { ledgerKey, type CellState, type FillState, type Ledger, type LedgerCell } from '../ledger';
import type { Session } from '../session';
import { approxBytes } from '../util';
import { settable, type CellFormat } from './probes';
import type { Prepared } from './prepare';

/** Undo steps (for the rollback); `seg` is the number of row inserts queued before the step. */
export type Undo =
  | { kind: 'fill'; seg: number; sheet: string; ref: string; was: FillState }
  | { kind: 'note'; seg: number; sheet: string; ref: string; was: string | null }
  | { kind: 'value'; seg: number; sheet: string; ref: string; was: unknown }
  | { kind: 'insert'; seg: number; index: number; sheet: string; at: number; count: number }
  | { kind: 'sheet'; seg: number; name: string; temp?: string }
  | { kind: 'merge'; seg: number; sheet: string; range: RangeRef; inner: RangeRef[] }
  | { kind: 'format'; seg: number; sheet: string; range: RangeRef; formats: Array<Array<CellFormat | null>>; widths: Array<[number, number | null]> };

export interface CellInBatch {
  /** The note written in this batch (to update it again), and whether the cell has a note now. */
  note?: XlNote;
  hasNote: boolean;
  rank: number;
  ours: string;
}

/** One write batch; a retry after Excel refused a request as too large starts a new one. */
export class WriteBatch {
  readonly undo: Undo[] = [];
  /** Ledger part ids before the write (for the rollback). */
  readonly partIds: string[];
  /**
   * Before each row insert the batch names the cell at the insertion point (a hidden workbook name):
   * the name moves with the cell, so after a failure the rollback knows which inserts Excel made.
   */
  readonly probes: Array<{ name: string; sheet: string; at: number; item: XlNamedItem }> = [];
  readonly runId = Math.floor(Math.random() * 36 ** 6).toString(36);
  /** The largest request this batch estimated. */
  largestRequest = 0;
  /** Sheets jixiao made (this batch's copy: a retry starts again from the prepare step's). */
  readonly generated: Set<string>;
  readonly ledger: Ledger;
  byKey = new Map<string, LedgerCell>();
  inBatch = new Map<string, CellInBatch>();
  readonly merges: Map<string, RangeRef[]>;
  readonly inserts: Array<{ sheet: string; at: number; count: number }> = [];
  names: string[];
  current: PlanOp | undefined;
  private bytes = 0;
  readonly wsCache = new Map<string, XlWorksheet>();
  ctx!: XlRequestContext;
  session!: Session;
  /** Formulas and values waiting to be written, by sheet and column (written in runs of rows). */
  readonly pending = new Map<string, { sheet: string; col: number; cells: Map<number, string | number | boolean> }>();

  constructor(
    readonly prep: Prepared,
    readonly notes: boolean,
    /** Estimated bytes a request may carry (smaller after Excel refused one as too large). */
    private readonly limit: number,
  ) {
    this.ledger = { cells: prep.ledger.cells.map((c) => ({ ...c, touched: [...c.touched] })), sheets: [...prep.ledger.sheets] };
    for (const c of this.ledger.cells) this.byKey.set(ledgerKey(c.sheet, c.ref), c);
    this.merges = new Map([...prep.merges].map(([k, v]) => [k, v.map((m) => ({ ...m }))]));
    this.names = prep.sheets.map((x) => x.name);
    this.partIds = prep.parts.map((p) => p.id);
    this.generated = new Set(prep.generated);
  }

  failedWhere(): CellAddress | undefined {
    const op = this.current;
    if (!op) return undefined;
    switch (op.op) {
      case 'addSheet':
      case 'recalculate':
        return undefined;
      case 'insertRows':
        return { sheet: op.sheet, cell: `A${op.at}` };
      case 'merge':
        return { sheet: op.sheet, cell: op.range.split(':')[0] };
      case 'copyFormat':
        return { sheet: op.sheet, cell: op.to.split(':')[0] };
      default:
        return { sheet: op.sheet, cell: op.cell };
    }
  }

  ws(name: string): XlWorksheet {
    const k = name.toLowerCase();
    let ws = this.wsCache.get(k);
    if (!ws) {
      ws = this.ctx.workbook.worksheets.getItem(name);
      this.wsCache.set(k, ws);
    }
    return ws;
  }

  get seg(): number {
    return this.inserts.length;
  }

  /**
   * Makes room for an action of about `bytes` in the request: when the batch would pass the budget,
   * what is queued is sent first (one more write sync). Estimates are calibrated on the fake's count
   * of Office.js-like requests (object paths, the action and its arguments).
   */
  async room(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.limit) {
      this.flushCells();
      await this.session.sync(true);
      this.bytes = 0;
      this.ctx.workbook.application.suspendApiCalculationUntilNextSync();
    }
    this.bytes += bytes;
    this.largestRequest = Math.max(this.largestRequest, this.bytes);
  }

  static estimate(payload: unknown, overhead = 400): number {
    return Math.ceil(approxBytes(payload) * 1.1) + overhead;
  }

  key(sheet: string, row: number, col: number): string {
    return ledgerKey(sheet, toA1(row, col));
  }

  /** A cell's pre-plan row → its row now (after the plan's inserts so far). */
  forward(sheet: string, row: number): number {
    const k = sheet.toLowerCase();
    let r = row;
    for (const x of this.inserts) if (x.sheet === k && r >= x.at) r += x.count;
    return r;
  }

  /** The cell's state before jixiao touched it: the ledger's record, else what the prepare step read. */
  original(sheet: string, row: number, col: number, pre: { row: number; col: number } | null): CellState {
    const rec = this.byKey.get(this.key(sheet, row, col));
    if (rec) return rec.was;
    if (pre) {
      const st = this.prep.states.get(ledgerKey(sheet, toA1(pre.row, pre.col)));
      if (st) return st;
    }
    return { fill: { pattern: 'None', color: '#FFFFFF' }, font: { color: '#000000', bold: false }, note: null };
  }

  record(sheet: string, row: number, col: number, was: CellState, touched: Array<'fill' | 'note'>, mark?: string, ours?: string): void {
    const key = this.key(sheet, row, col);
    let rec = this.byKey.get(key);
    if (!rec) {
      rec = { sheet, ref: toA1(row, col), touched: [], was };
      this.byKey.set(key, rec);
      this.ledger.cells.push(rec);
    }
    for (const t of touched) if (!rec.touched.includes(t)) rec.touched.push(t);
    if (mark) rec.mark = mark;
    if (ours !== undefined) rec.ours = ours;
  }

  /** Writes the waiting formulas and values: one range per run of consecutive rows in a column. */
  flushCells(): void {
    for (const run of this.pending.values()) {
      const rows = [...run.cells.keys()].sort((a, b) => a - b);
      const l = colToLetters(run.col);
      let start = 0;
      for (let i = 1; i <= rows.length; i++) {
        if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
          const top = rows[start];
          const bottom = rows[i - 1];
          this.ws(run.sheet).getRange(`${l}${top}:${l}${bottom}`).formulas = rows.slice(start, i).map((r) => [run.cells.get(r) as string | number | boolean]);
          start = i;
        }
      }
    }
    this.pending.clear();
  }

  /** The format a copy takes from a cell: its own, with the fill it had before jixiao marked it. */
  sourceFormat(sheet: string, rowNow: number, col: number, rowPre: number | null): CellFormat | undefined {
    if (rowPre === null) return undefined;
    const f = this.prep.formats.get(ledgerKey(sheet, toA1(rowPre, col)));
    if (!f) return undefined;
    const rec = this.byKey.get(this.key(sheet, rowNow, col));
    const fill = rec && rec.touched.includes('fill') ? rec.was.fill : undefined;
    return { format: settable(f.format, fill), numberFormat: f.numberFormat };
  }

  sheetMerges(sheet: string): RangeRef[] {
    const k = sheet.toLowerCase();
    let list = this.merges.get(k);
    if (!list) {
      list = [];
      this.merges.set(k, list);
    }
    return list;
  }

  /** The multi-cell merge a cell lies in, when it is not that merge's top-left cell. */
  hiddenByMerge(sheet: string, row: number, col: number): boolean {
    return this.sheetMerges(sheet).some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
  }
}
