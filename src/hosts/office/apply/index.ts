/**
 * Applying a write plan through Office.js.
 *
 *  0. Check (timeline.ts): the plan is validated (src/core/plan/validate.ts, shared by the hosts) and
 *     each op placed on the timeline of the plan's row inserts. A bad op: stop here, nothing read.
 *  1. Prepare (prepare.ts; reads, 1–3 syncs): the sheets and their protection, the ledger part, and
 *     the current state of what the plan touches: fill, font and note of marked cells (and the merge
 *     they are in), formulas of written cells, formats of rows and ranges that formats are copied from
 *     or onto, merged areas of sheets whose rows or merges change, A1 of a sheet the plan may replace.
 *     A protected sheet, a merge the plan would cut, a bad address: stop here, nothing written.
 *  2. Write (batch.ts, with state.ts, cells.ts, sheets.ts, rows.ts; one sync): every change in one
 *     batch, calculation suspended, the ledger updated last. (Plans that write formulas or values, or
 *     ask for it, then recalculate in a sync of their own.)
 *  3. If the write sync fails, roll back (retry.ts, rollback.ts): Excel leaves the actions before the
 *     failing one applied, so the host restores what the prepare step saw, deletes inserted rows and
 *     added sheets.
 *
 * Ops mirror the .xlsx host (src/hosts/xlsx/write.ts): a mark fills the top-left cell of its merge
 * (the most severe fill wins when a cell is marked twice; MarkOp.fill overrides the colour) and
 * appends its note after the user's note; setValue and setFormula write the cell (and a tagged note);
 * addSheet adds a sheet or replaces one jixiao made (marker in A1); insertRows inserts rows (Excel
 * grows the merges that span the insertion point) and gives them the cell formats of `formatFrom`,
 * repeating its one-row merges; merge merges a range; copyFormat copies cell formats (and column
 * widths); a copied format never carries a mark's fill (the cell's format before the mark is used).
 */
import type { WritePlan } from '../../../core/plan/ops';
import { sanitiseSheetName } from '../../../core/plan/conventions';
import type { ApplyOptions, ApplyReport } from '../../workbook-host';
import { HostError } from '../../workbook-host';
import { errorCode, hostErrorFrom, sheetMissingError } from '../errors';
import type { SessionHost } from '../session';
import { prepare, type Prepared } from './prepare';
import { writeWithRetry } from './retry';
import { planTimeline, type OpInfo } from './timeline';

export async function applyPlanOffice(host: SessionHost, plan: WritePlan, options: ApplyOptions): Promise<ApplyReport> {
  const notes = host.capabilities.notes;
  const infos = planTimeline(plan);

  let prep: Prepared;
  try {
    prep = await host.session('apply', (s) => prepare(s, infos, notes, !!options.replaceMarks, host.budget));
  } catch (e) {
    if (e instanceof HostError) throw e;
    if (errorCode(e) === 'ItemNotFound') {
      const missing = await findMissingSheet(host, infos);
      if (missing) throw sheetMissingError(missing);
    }
    throw hostErrorFrom(e, true);
  }
  const prepSyncs = host.lastRun?.syncs ?? 0;

  const report = await writeWithRetry(host, prep, infos, notes, !!options.replaceMarks);
  const writeRun = host.lastRun;
  let syncs = prepSyncs + (writeRun?.syncs ?? 0);
  // Formulas and values written with calculation suspended: recalculate now (no data changes). A
  // recalculate op asks for its sheet's formulas all to be calculated.
  const sheetsToCalculate = [...new Set(infos.filter((i) => i.op.op === 'recalculate').map((i) => (i.op as { sheet: string }).sheet))];
  if (sheetsToCalculate.length || infos.some((i) => i.op.op === 'setFormula' || i.op.op === 'setValue')) {
    try {
      await host.session('apply', async (s) => {
        s.ctx.workbook.application.calculate('Recalculate');
        for (const name of sheetsToCalculate) s.ctx.workbook.worksheets.getItem(name).calculate(true);
        await s.sync();
      });
      syncs += 1;
    } catch {
      /* the workbook recalculates on its next change; the write itself succeeded */
    }
  }
  report.syncs = syncs;
  host.lastRun = { op: 'apply', syncs, writeSyncs: report.writeSyncs ?? 1 };
  return report;
}

async function findMissingSheet(host: SessionHost, infos: OpInfo[]): Promise<string | undefined> {
  try {
    const names = await host.session('apply', async (s) => {
      const sheets = s.ctx.workbook.worksheets;
      sheets.load('items/name');
      await s.sync();
      return sheets.items.map((x) => x.name.toLowerCase());
    });
    const added = new Set<string>();
    for (const i of infos) {
      if (i.op.op === 'addSheet') added.add(sanitiseSheetName(i.op.name).toLowerCase());
      else if (i.sheet && !added.has(i.sheet.toLowerCase()) && !names.includes(i.sheet.toLowerCase())) return i.sheet;
    }
  } catch {
    /* keep the first error */
  }
  return undefined;
}
