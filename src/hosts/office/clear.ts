/**
 * 清除标记: restores every cell in the ledger that still shows jixiao's mark to the fill and note it
 * had before, removes the sheets jixiao added (marker in A1) and the ledger. Cells the user changed
 * since (another fill, the note edited away) are left as they are and counted as skipped.
 *
 * Reads: the sheets and the ledger part (1 sync), the ledger and every sheet's A1 (1 sync), the
 * current state of the ledger's cells (1 sync); then one write sync.
 */
import type { ClearReport } from '../workbook-host';
import type { XlClientResult, XlNote, XlRange, XlWorksheet } from './excel-api';
import { hostErrorFrom, protectedError, rejectedWhole } from './errors';
import { LEDGER_NAMESPACE, emptyLedger, ledgerFromXml, mergeLedgers, noteWithoutOurs, type Ledger, type LedgerCell } from './ledger';
import { applyFill, isGeneratedMarker } from './marks';
import { sameColor } from './util';
import { budgetBytes, type SessionHost } from './session';

export async function clearMarksOffice(host: SessionHost): Promise<ClearReport> {
  const notes = host.capabilities.notes;
  let syncs = 0;
  try {
    return await host.session('clear', async (s) => {
      const ctx = s.ctx;
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility,items/protection/protected');
      const parts = ctx.workbook.customXmlParts.getByNamespace(LEDGER_NAMESPACE);
      parts.load('items/id');
      const structure = ctx.workbook.protection.load('protected');
      await s.sync();
      const infos = sheets.items.map((x) => ({ name: x.name, visibility: x.visibility, protected: x.protection.protected }));
      const find = (n: string) => infos.find((x) => x.name.toLowerCase() === n.toLowerCase());
      const wsCache = new Map<string, XlWorksheet>();
      const ws = (n: string) => {
        const k = n.toLowerCase();
        let w = wsCache.get(k);
        if (!w) {
          w = sheets.getItem(n);
          wsCache.set(k, w);
        }
        return w;
      };

      // The ledger and A1 of every sheet.
      const partIds = parts.items.map((p) => p.id);
      const xmls: XlClientResult<string>[] = partIds.map((id) => ctx.workbook.customXmlParts.getItem(id).getXml());
      const a1 = infos.map((i) => {
        const range = ws(i.name).getRange('A1');
        range.load('values');
        let note: XlNote | undefined;
        if (notes) {
          note = ws(i.name).notes.getItemOrNullObject('A1');
          note.load('content');
        }
        return { name: i.name, range, note };
      });
      await s.sync();
      const ledgers: Ledger[] = [];
      for (const x of xmls) {
        try {
          ledgers.push(ledgerFromXml(x.value));
        } catch {
          /* not a ledger */
        }
      }
      const ledger = ledgers.length ? mergeLedgers(ledgers) : emptyLedger();
      const generated = a1.filter((x) => isGeneratedMarker(x.range.values[0]?.[0], x.note && !x.note.isNullObject ? x.note.content : null)).map((x) => x.name);

      // The ledger's cells as they are now (in several syncs past the request budget).
      let spent = 0;
      const probes: Array<{ rec: LedgerCell; range: XlRange; note?: XlNote }> = [];
      const generatedSet = new Set(generated.map((n) => n.toLowerCase()));
      for (const rec of ledger.cells) {
        const si = find(rec.sheet);
        if (!si || generatedSet.has(si.name.toLowerCase())) continue;
        const range = ws(si.name).getRange(rec.ref);
        range.load('format/fill/color,format/fill/pattern');
        let note: XlNote | undefined;
        if (notes && rec.touched.includes('note')) {
          note = ws(si.name).notes.getItemOrNullObject(rec.ref);
          note.load('content');
        }
        probes.push({ rec, range, note });
        spent += note ? 700 : 400;
        if (spent > budgetBytes(host.budget)) {
          await s.sync();
          spent = 0;
        }
      }
      if (probes.length) await s.sync();

      let cleared = 0;
      let skipped = 0;
      const actions: Array<() => void> = [];
      for (let i = probes.length - 1; i >= 0; i--) {
        const { rec, range, note } = probes[i];
        const si = find(rec.sheet);
        let did = false;
        const fill = range.format.fill;
        if (rec.touched.includes('fill') && rec.mark && fill.pattern === 'Solid' && sameColor(fill.color, rec.mark)) {
          if (si?.protected) throw protectedError(si.name);
          actions.push(() => applyFill(ws(rec.sheet).getRange(rec.ref), rec.was.fill));
          did = true;
        }
        if (note && !note.isNullObject && rec.touched.includes('note')) {
          const rest = noteWithoutOurs(note.content, rec);
          if (rest !== undefined) {
            if (si?.protected) throw protectedError(si.name);
            if (rest === null) actions.push(() => ws(rec.sheet).notes.getItem(rec.ref).delete());
            else if (rest !== note.content) actions.push(() => (ws(rec.sheet).notes.getItem(rec.ref).content = rest));
            did = true;
          }
        }
        if (did) cleared++;
        else skipped++;
      }
      // Sheets jixiao added; a workbook keeps one visible sheet.
      const visibleLeft = infos.filter((x) => x.visibility === 'Visible' && !generatedSet.has(x.name.toLowerCase())).length;
      let removable = visibleLeft > 0 ? generated : generated.slice(0, -1);
      if (structure.protected) removable = []; // sheets cannot be removed; the marks still can
      if (!actions.length && !removable.length && !partIds.length) {
        syncs = s.syncs;
        return { cleared: 0, skipped, sheetsRemoved: [], syncs };
      }
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      // Past the request budget the restores go in several syncs; the ledger goes last, so a clear
      // that stops half-way is finished by the next one.
      let bytes = 0;
      for (const a of actions) {
        if (bytes > budgetBytes(host.budget)) {
          await s.sync(true);
          bytes = 0;
          ctx.workbook.application.suspendApiCalculationUntilNextSync();
        }
        a();
        bytes += 700;
      }
      for (const n of removable) ws(n).delete();
      for (const id of partIds) ctx.workbook.customXmlParts.getItem(id).delete();
      await s.sync(true);
      syncs = s.syncs;
      return { cleared, skipped, sheetsRemoved: removable, syncs };
    });
  } catch (e) {
    // The write is one batch; if Excel rejected it whole, nothing changed. Otherwise a retry finishes it.
    throw hostErrorFrom(e, rejectedWhole(e) || (host.lastRun?.writeSyncs ?? 0) === 0);
  }
}
