/**
 * The rollback after a failed write sync. Excel leaves the actions before the failing one applied, so
 * the host restores what the prepare step saw, last change first: fills, notes, values, formats and
 * merges, deletes inserted rows and added sheets (renaming back a sheet it was replacing), and puts the
 * ledger back as it was. The hidden names placed before each row insert tell which inserts Excel made.
 */
import { colToLetters, parseA1, rangeToA1, toA1 } from '../../../core/domain/a1';
import type { XlNote } from '../excel-api';
import { LEDGER_NAMESPACE } from '../ledger';
import { applyFill } from '../marks';
import { budgetBytes, type SessionHost } from '../session';
import { approxBytes, valueInput } from '../util';
import type { Prepared } from './prepare';
import type { Undo, WriteBatch } from './state';

export async function rollback(host: SessionHost, w: WriteBatch, prep: Prepared): Promise<void> {
  await host.session('rollback', async (s) => {
    const ctx = s.ctx;
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    const ledgerParts = ctx.workbook.customXmlParts.getByNamespace(LEDGER_NAMESPACE);
    ledgerParts.load('items/id');
    const probes = w.probes.map((p) => ({ ...p, now: ctx.workbook.names.getItemOrNullObject(p.name).load('formula') }));
    await s.sync();
    // The inserts Excel made: their probe names moved down with the cells.
    let done = 0;
    for (const p of probes) {
      if (p.now.isNullObject) break;
      const m = /\$?(\d+)\s*$/.exec(String(p.now.formula));
      if (!m || Number(m[1]) === p.at) break;
      done++;
    }
    const names = sheets.items.map((x) => x.name);
    const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
    const applied = w.undo.filter((u) => (u.kind === 'insert' ? u.index < done : u.seg <= done));
    const inserts = w.undo.filter((u): u is Extract<Undo, { kind: 'insert' }> => u.kind === 'insert' && u.index < done);

    // Notes as they are now (rows moved by the inserts made after each step).
    const now = (u: { seg: number; sheet: string; ref: string }): string => {
      const p = parseA1(u.ref);
      let r = p.row;
      for (const x of inserts) if (x.index >= u.seg && x.sheet.toLowerCase() === u.sheet.toLowerCase() && r >= x.at) r += x.count;
      return toA1(r, p.col);
    };
    const limit = budgetBytes(host.budget);
    let spent = 0;
    const noteProbes = new Map<Undo, XlNote>();
    for (const u of applied) {
      if (u.kind !== 'note' || !has(u.sheet)) continue;
      const n = sheets.getItem(u.sheet).notes.getItemOrNullObject(now(u));
      n.load('content');
      noteProbes.set(u, n);
      spent += 700;
      if (spent > limit) {
        await s.sync();
        spent = 0;
      }
    }
    if (noteProbes.size) await s.sync();

    // The restores, last change first (every step can be repeated: past the budget they go in
    // several syncs, and a rollback that stops half-way can be run again).
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    spent = 0;
    const seenNote = new Set<string>();
    for (let i = applied.length - 1; i >= 0; i--) {
      const u = applied[i];
      const cost = u.kind === 'format' ? 420 * u.formats.length * (u.formats[0]?.length ?? 1) : u.kind === 'note' ? 500 + approxBytes(u.was) : 400;
      if (spent > 0 && spent + cost > limit) {
        await s.sync(true);
        spent = 0;
        ctx.workbook.application.suspendApiCalculationUntilNextSync();
      }
      spent += cost;
      switch (u.kind) {
        case 'fill':
          if (has(u.sheet)) applyFill(sheets.getItem(u.sheet).getRange(u.ref), u.was);
          break;
        case 'value':
          if (has(u.sheet)) sheets.getItem(u.sheet).getRange(u.ref).formulas = [[restoreInput(u.was)]];
          break;
        case 'note': {
          const probe = noteProbes.get(u);
          const key = `${u.seg}\u0000${u.sheet}\u0000${u.ref}`;
          if (!probe || seenNote.has(key)) break;
          seenNote.add(key);
          const ws = sheets.getItem(u.sheet);
          const exists = !probe.isNullObject;
          if (u.was === null) {
            if (exists) ws.notes.getItem(u.ref).delete();
          } else if (exists) ws.notes.getItem(u.ref).content = u.was;
          else ws.notes.add(ws.getRange(u.ref), u.was);
          break;
        }
        case 'insert':
          if (has(u.sheet)) sheets.getItem(u.sheet).getRange(`${u.at}:${u.at + u.count - 1}`).delete('Up');
          break;
        case 'merge':
          if (has(u.sheet)) {
            const ws = sheets.getItem(u.sheet);
            ws.getRange(rangeToA1(u.range)).unmerge();
            for (const m of u.inner) ws.getRange(rangeToA1(m)).merge(false);
          }
          break;
        case 'format':
          if (has(u.sheet)) {
            const ws = sheets.getItem(u.sheet);
            const r = u.range;
            const range = ws.getRange(rangeToA1(r));
            range.setCellProperties(u.formats.map((line) => line.map((f) => (f ? { format: f.format } : {}))));
            range.numberFormat = u.formats.map((line) => line.map((f) => (f ? f.numberFormat : null)));
            for (const [c, wd] of u.widths) {
              const f = ws.getRange(`${colToLetters(c)}:${colToLetters(c)}`).format;
              if (wd === null) f.useStandardWidth = true;
              else f.columnWidth = wd;
            }
          }
          break;
        case 'sheet':
          if (u.temp) {
            if (has(u.temp)) {
              if (has(u.name)) sheets.getItem(u.name).delete();
              sheets.getItem(u.temp).name = u.name;
            }
          } else if (has(u.name) && !prep.sheets.some((x) => x.name.toLowerCase() === u.name.toLowerCase())) sheets.getItem(u.name).delete();
          break;
      }
    }
    // The ledger as it was.
    const before = new Set(w.partIds);
    for (const p of ledgerParts.items) if (!before.has(p.id)) ctx.workbook.customXmlParts.getItem(p.id).delete();
    for (const p of prep.parts) if (ledgerParts.items.some((x) => x.id === p.id)) ctx.workbook.customXmlParts.getItem(p.id).setXml(p.xml);
    for (const p of probes) if (!p.now.isNullObject) p.now.delete();
    await s.sync(true);
  });
}

/** A formula or value read before, as the element to write it back. */
function restoreInput(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v);
  if (s.startsWith('=')) return s;
  return valueInput(s);
}
