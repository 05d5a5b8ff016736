/**
 * A batch of row operations on a workbook, turned into one write plan.
 *
 * Requests are given in the coordinates of the snapshot (the original rows). The plan:
 *   1. edits of existing cells (filling an empty 二级 row, moving a value, renaming), original rows;
 *   2. the row insertions, bottom-up, so each one's row number is still the original one
 *      (insertions at the same row are one insertion of several rows, in request order);
 *   3. in final rows: the values of the new rows, the labels and merges of the project, 一级 and 二级
 *      cells over them, formulas that must take the new rows in, formulas filled down a column;
 *   4. `recalculate` when a formula was written without a known result.
 *
 * Merges. Hosts grow a merge that spans the insertion point (top < at <= bottom) and move the ones
 * below; a merge ending right above the new rows is extended with a merge op. New rows at the top of a
 * block (before its label row) take the label, and the merge is made over the whole block. How a block
 * column shows its label — merged, repeated on every row, or written once — is read from the table.
 *
 * Formulas. Hosts move references and grow ranges spanning the insertion point. A range that ends right
 * above the new rows or starts right at them (a total `SUM(D6:D39)` with a row added after row 39) is
 * extended when it covers rows of the same project (of the whole table, for a new project) and lies in
 * the table's data rows. A reference to a label cell that moved up (see above) follows it. A column of
 * the table whose rows hold the same formula filled down (a 得分 column) gets it on the new rows too.
 */
import type { PlanOp } from '../plan/ops';
import { toA1 } from '../domain/a1';
import type { OpsContext } from './context';
import { MergeSim } from './merges';
import { BatchRows } from './batch-rows';
import type { BatchResult, Group, RowGroupRequest, Shift, CellEdit } from './batch-types';

export type { BlockSpec, NewRowSpec, RowGroupRequest, CellEdit, Shift, BatchResult } from './batch-types';
export { blockKey, mapRow, msg } from './batch-types';

export class EditBatch {
  private readonly edits: CellEdit[] = [];
  private readonly requests: RowGroupRequest[] = [];

  constructor(private readonly ctx: OpsContext) {}

  get isEmpty(): boolean {
    return this.edits.length === 0 && this.requests.length === 0;
  }

  /** Cells already edited by this batch (original coordinates). */
  edited(sheet: string, row: number, col: number): boolean {
    return this.edits.some((e) => e.sheet === sheet && e.row === row && e.col === col);
  }

  setCell(edit: CellEdit): void {
    const i = this.edits.findIndex((e) => e.sheet === edit.sheet && e.row === edit.row && e.col === edit.col);
    if (i >= 0) this.edits[i] = edit;
    else this.edits.push(edit);
  }

  /** Adds rows; returns the request's index (for `newRows` of the result). */
  addRows(req: RowGroupRequest): number {
    this.requests.push(req);
    return this.requests.length - 1;
  }

  /** The sheet of a request (by the index addRows returned). */
  sheetOf(request: number): string {
    return this.requests[request].table.sheet;
  }

  /** Original rows before which rows are inserted on a sheet (for requests that must not interleave). */
  insertionPoints(sheet: string): number[] {
    return this.requests.filter((r) => r.table.sheet === sheet).map((r) => r.at);
  }

  build(): BatchResult {
    const ops: PlanOp[] = [];
    for (const e of this.edits) ops.push({ op: 'setValue', sheet: e.sheet, cell: toA1(e.row, e.col), value: e.value });

    // Requests at the same row of a sheet are one insertion: rows that go on the block above first, then
    // a new project's, then rows that go on the block below (a project's new first rows); else request order.
    const side = (r: RowGroupRequest) => (r.owner.tableWide ? 1 : r.owner.top <= r.at - 1 ? 0 : 2);
    const order = this.requests.map((_, i) => i).sort((a, b) => side(this.requests[a]) - side(this.requests[b]) || a - b);
    const groups: Group[] = [];
    order.forEach((ri) => {
      const req = this.requests[ri];
      const sheet = req.table.sheet;
      const g = groups.find((x) => x.sheet === sheet && x.at === req.at);
      const origin = req.rows.map((_, index) => ({ request: ri, index }));
      const owners = req.rows.map(() => req.owner);
      if (g) {
        g.rows = [...g.rows, ...req.rows];
        g.origin.push(...origin);
        g.owners.push(...owners);
      } else groups.push({ ...req, sheet, rows: [...req.rows], origin, owners });
    });
    const live = groups.filter((g) => g.rows.length > 0);
    live.sort((a, b) => (a.sheet === b.sheet ? b.at - a.at : a.sheet < b.sheet ? -1 : 1));
    const shifts: Shift[] = live.map((g) => ({ sheet: g.sheet, at: g.at, count: g.rows.length }));
    const sim = new MergeSim(this.ctx);
    for (const g of live) {
      ops.push({ op: 'insertRows', sheet: g.sheet, at: g.at, count: g.rows.length, formatFrom: g.formatFrom });
      sim.insert(g.sheet, g.at, g.rows.length, g.formatFrom);
    }

    const newRows: number[][] = this.requests.map((r) => new Array<number>(r.rows.length));
    const after = new BatchRows(this.ctx, sim, shifts);
    for (const g of live) {
      const start = g.at + shifts.filter((s) => s.sheet === g.sheet && s.at < g.at).reduce((n, s) => n + s.count, 0);
      g.origin.forEach((o, i) => (newRows[o.request][o.index] = start + i));
      after.writeGroup(g, start);
    }
    after.formulas(live);
    ops.push(...after.ops);
    for (const sheet of after.recalc) ops.push({ op: 'recalculate', sheet });
    return { plan: { ops }, shifts, newRows };
  }
}

