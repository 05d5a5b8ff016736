/**
 * The prepare step of a write (reads, 1–3 syncs): the sheets and their protection, the ledger part, and
 * the current state of what the plan touches: fill, font and note of marked cells (and the merge they
 * are in), formulas of written cells, formats of rows and ranges that formats are copied from or onto,
 * merged areas of sheets whose rows or merges change, A1 of a sheet the plan may replace. A protected
 * sheet stops the write here, before anything is written. Reads past the request budget go in
 * several syncs.
 */
import type { AddSheetOp } from '../../../core/plan/ops';
import { sanitiseSheetName } from '../../../core/plan/conventions';
import { colToLetters, parseA1, toA1, type RangeRef } from '../../../core/domain/a1';
import type { XlClientResult, XlNote, XlRange, XlRangeAreas, XlRangeFormat, XlWorksheet, XlWorksheetCollection } from '../excel-api';
import { protectedError, structureProtectedError } from '../errors';
import { LEDGER_NAMESPACE, emptyLedger, ledgerFromXml, ledgerKey, mergeLedgers, type CellState, type Ledger } from '../ledger';
import { isGeneratedMarker } from '../marks';
import { budgetBytes, type Budget, type Session } from '../session';
import { parseArea, splitAreas } from '../util';
import { FORMAT_LOAD, PROBE_BYTES, probeBytes, probeCell, probeState, type CellFormat, type CellProbe, type FormatProbe } from './probes';
import { opSheet, type OpInfo } from './timeline';

export interface SheetInfo {
  name: string;
  protected: boolean;
  visibility: string;
}

export interface Prepared {
  sheets: SheetInfo[];
  /** Ledger parts: id and the XML they held. */
  parts: Array<{ id: string; xml: string }>;
  ledger: Ledger;
  /** State before the plan, by ledgerKey(sheet, A1) in pre-plan coordinates. */
  states: Map<string, CellState>;
  /** Formulas (or values) before the plan of cells the plan writes, by ledgerKey. */
  formulas: Map<string, unknown>;
  /** Top-left cell (pre-plan coordinates) of the merge each marked cell is in, by ledgerKey of the cell. */
  anchors: Map<string, { row: number; col: number }>;
  /** All merged areas (pre-plan) of sheets whose rows or merges the plan changes, by sheet (lower case). */
  merges: Map<string, RangeRef[]>;
  /** Right-most used column, by sheet (lower case). */
  lastCol: Map<string, number>;
  /** Cell formats (pre-plan coordinates) of rows formats are copied from or onto, by ledgerKey. */
  formats: Map<string, CellFormat>;
  /** Column widths (points; null: the standard width) by sheet (lower case) and column. */
  widths: Map<string, number | null>;
  /** Heights (points) of insertRows' source rows that have their own, by sheet (lower case) and pre-plan row. */
  heights: Map<string, number>;
  /** Sheets whose A1 says jixiao made them (lower case names). */
  generated: Set<string>;
  /** Current state of ledger cells this plan does not mark (replaceMarks). */
  stale: Map<string, CellState>;
}

function cacheSheets(sheets: XlWorksheetCollection): (name: string) => XlWorksheet {
  const cache = new Map<string, XlWorksheet>();
  return (name: string) => {
    const k = name.toLowerCase();
    let ws = cache.get(k);
    if (!ws) {
      ws = sheets.getItem(name);
      cache.set(k, ws);
    }
    return ws;
  };
}

export async function prepare(s: Session, infos: OpInfo[], notes: boolean, replaceMarks: boolean, budget: Budget): Promise<Prepared> {
  const ctx = s.ctx;
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected');
  const ledgerParts = ctx.workbook.customXmlParts.getByNamespace(LEDGER_NAMESPACE);
  ledgerParts.load('items/id');
  const addsSheets = infos.some((i) => i.op.op === 'addSheet');
  const structure = addsSheets ? ctx.workbook.protection.load('protected') : undefined;
  const ws = cacheSheets(sheets);
  // Reads past the request budget go in several syncs.
  let spent = 0;
  const spend = async (bytes: number) => {
    spent += bytes;
    if (spent > budgetBytes(budget)) {
      await s.sync();
      spent = 0;
    }
  };
  const addedByPlan = new Set(infos.filter((i) => i.op.op === 'addSheet').map((i) => sanitiseSheetName((i.op as AddSheetOp).name).toLowerCase()));
  const exists = (sheet: string) => !addedByPlan.has(sheet.toLowerCase());

  // Round 1: cells as the plan names them, merged areas and sizes of restructured sheets, widths.
  const probes = new Map<string, CellProbe>();
  const columnRuns = new Map<string, { sheet: string; rows: number[] }>();
  const structural = new Map<string, { sheet: string; used: XlRange; merges: XlRangeAreas }>();
  const widthProbes: Array<{ sheet: string; col: number; format: XlRangeFormat }> = [];
  const heightProbes: Array<{ sheet: string; row: number; format: XlRangeFormat }> = [];
  for (const info of infos) {
    const op = info.op;
    if (op.op === 'addSheet' || op.op === 'recalculate') continue;
    if (op.op === 'insertRows' || op.op === 'merge' || op.op === 'copyFormat') {
      const k = op.sheet.toLowerCase();
      if (exists(op.sheet) && !structural.has(k)) {
        const used = ws(op.sheet).getUsedRange();
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        const merges = used.getMergedAreasOrNullObject();
        merges.load('address');
        structural.set(k, { sheet: op.sheet, used, merges });
      }
      if (op.op === 'insertRows' && info.srcPre) {
        const format = ws(op.sheet).getRange(`${info.srcPre}:${info.srcPre}`).format;
        format.load('rowHeight,useStandardHeight');
        heightProbes.push({ sheet: op.sheet, row: info.srcPre, format });
      }
      if (op.op === 'copyFormat' && op.columnWidth && exists(op.sheet)) {
        const cols = new Set<number>();
        for (let c = (info.from as RangeRef).left; c <= (info.from as RangeRef).right; c++) cols.add(c);
        for (let c = (info.to as RangeRef).left; c <= (info.to as RangeRef).right; c++) cols.add(c);
        for (const c of cols) {
          if (widthProbes.some((w) => w.sheet.toLowerCase() === k && w.col === c)) continue;
          const l = colToLetters(c);
          const format = ws(op.sheet).getRange(`${l}:${l}`).format;
          format.load('columnWidth,useStandardWidth');
          widthProbes.push({ sheet: op.sheet, col: c, format });
        }
      }
      continue;
    }
    if (!info.pre) continue;
    const key = ledgerKey(op.sheet, toA1(info.pre.row, info.pre.col));
    const what = { formats: op.op === 'mark', merges: op.op === 'mark', note: notes && (op.op === 'mark' || !!op.note) };
    probes.set(key, probeCell(ws(op.sheet), op.sheet, info.pre.row, info.pre.col, what, probes.get(key)));
    await spend(probeBytes(what));
    if (op.op === 'setValue' || op.op === 'setFormula') {
      const ck = `${op.sheet.toLowerCase()}\u0000${info.pre.col}`;
      const run = columnRuns.get(ck) ?? { sheet: op.sheet, rows: [] };
      run.rows.push(info.pre.row);
      columnRuns.set(ck, run);
    }
  }
  const columnProbes: Array<{ sheet: string; col: number; top: number; range: XlRange }> = [];
  for (const [ck, run] of columnRuns) {
    const col = Number(ck.split('\u0000')[1]);
    const sorted = [...new Set(run.rows)].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i === sorted.length || sorted[i] !== sorted[i - 1] + 1) {
        const top = sorted[start];
        const bottom = sorted[i - 1];
        const range = ws(run.sheet).getRange(`${colToLetters(col)}${top}:${colToLetters(col)}${bottom}`);
        range.load('formulas');
        columnProbes.push({ sheet: run.sheet, col, top, range });
        await spend(PROBE_BYTES.run + (bottom - top + 1) * 60);
        start = i;
      }
    }
  }
  await s.sync();

  const sheetInfos: SheetInfo[] = sheets.items.map((x) => ({ name: x.name, protected: x.protection.protected, visibility: x.visibility }));
  const findSheet = (n: string) => sheetInfos.find((x) => x.name.toLowerCase() === n.toLowerCase());

  // A protected sheet or workbook structure: stop before anything is written.
  if (structure?.protected) throw structureProtectedError();
  for (const info of infos) {
    const name = opSheet(info.op);
    const si = name ? findSheet(name) : undefined;
    if (si?.protected) throw protectedError(si.name);
  }

  const states = new Map<string, CellState>();
  const anchors = new Map<string, { row: number; col: number }>();
  for (const [key, p] of probes) {
    states.set(key, probeState(p));
    if (p.merges && !p.merges.isNullObject) {
      for (const a of splitAreas(p.merges.address)) {
        const m = parseArea(a).rect;
        if (p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right) anchors.set(key, { row: m.top, col: m.left });
      }
    }
  }
  const formulas = new Map<string, unknown>();
  for (const cp of columnProbes) cp.range.formulas.forEach((line, i) => formulas.set(ledgerKey(cp.sheet, toA1(cp.top + i, cp.col)), line[0]));
  const merges = new Map<string, RangeRef[]>();
  const lastCol = new Map<string, number>();
  for (const [k, st] of structural) {
    const list: RangeRef[] = [];
    if (!st.merges.isNullObject) for (const a of splitAreas(st.merges.address)) list.push(parseArea(a).rect);
    merges.set(k, list);
    let right = st.used.columnIndex + st.used.columnCount;
    for (const m of list) right = Math.max(right, m.right);
    lastCol.set(k, right);
  }
  const widths = new Map<string, number | null>();
  for (const w of widthProbes) widths.set(`${w.sheet.toLowerCase()}\u0000${w.col}`, w.format.useStandardWidth === true ? null : w.format.columnWidth);
  const heights = new Map<string, number>();
  for (const h of heightProbes) if (h.format.useStandardHeight === false && h.format.rowHeight > 0) heights.set(`${h.sheet.toLowerCase()}\u0000${h.row}`, h.format.rowHeight);

  // Round 2: the ledger, the top-left cells of merges, A1 of sheets the plan may replace, formats.
  const partIds = ledgerParts.items.map((p) => p.id);
  const xmlResults: Array<{ id: string; xml: XlClientResult<string> }> = partIds.map((id) => ({ id, xml: ctx.workbook.customXmlParts.getItem(id).getXml() }));
  const anchorProbes = new Map<string, CellProbe>();
  for (const [key, a] of anchors) {
    const probe = probes.get(key) as CellProbe;
    const ak = ledgerKey(probe.sheet, toA1(a.row, a.col));
    if (probes.has(ak) || anchorProbes.has(ak)) continue;
    anchorProbes.set(ak, probeCell(ws(probe.sheet), probe.sheet, a.row, a.col, { formats: true, note: notes }));
    await spend(probeBytes({ formats: true, note: notes }));
  }
  const a1Probes: Array<{ name: string; range: XlRange; note?: XlNote }> = [];
  for (const info of infos) {
    if (info.op.op !== 'addSheet') continue;
    const base = sanitiseSheetName(info.op.name);
    for (let i = 1; i < 1000; i++) {
      const si = findSheet(candidateName(base, i));
      if (!si) break;
      if (a1Probes.some((x) => x.name.toLowerCase() === si.name.toLowerCase())) continue;
      const range = ws(si.name).getRange('A1');
      range.load('values');
      let note: XlNote | undefined;
      if (notes) {
        note = ws(si.name).notes.getItemOrNullObject('A1');
        note.load('content');
      }
      a1Probes.push({ name: si.name, range, note });
    }
  }
  const formatProbes: FormatProbe[] = [];
  const formatKeys = new Set<string>();
  const wantFormats = async (sheet: string, row: number, left: number, right: number) => {
    if (right < left) return;
    const fk = `${sheet.toLowerCase()}\u0000${row}\u0000${left}\u0000${right}`;
    if (formatKeys.has(fk)) return;
    formatKeys.add(fk);
    const range = ws(sheet).getRange(`${colToLetters(left)}${row}:${colToLetters(right)}${row}`);
    range.load('numberFormat');
    const props = range.getCellProperties(FORMAT_LOAD);
    formatProbes.push({ sheet, row, left, right, props, range });
    await spend(200 + (right - left + 1) * 360);
  };
  for (const info of infos) {
    const op = info.op;
    if (op.op === 'insertRows' && info.srcPre) await wantFormats(op.sheet, info.srcPre, 1, lastCol.get(op.sheet.toLowerCase()) ?? 1);
    if (op.op === 'copyFormat' && exists(op.sheet)) {
      const from = info.from as RangeRef;
      const to = info.to as RangeRef;
      for (const r of new Set(info.fromPre)) if (r !== null && r !== undefined) await wantFormats(op.sheet, r, from.left, from.right);
      for (const r of new Set(info.toPre)) if (r !== null && r !== undefined) await wantFormats(op.sheet, r, to.left, to.right);
    }
  }
  if (xmlResults.length || anchorProbes.size || a1Probes.length || formatProbes.length) await s.sync();
  for (const [k, p] of anchorProbes) states.set(k, probeState(p));
  const parts = xmlResults.map((x) => ({ id: x.id, xml: x.xml.value }));
  const ledgers: Ledger[] = [];
  for (const p of parts) {
    try {
      ledgers.push(ledgerFromXml(p.xml));
    } catch {
      /* not ours after all: ignore it */
    }
  }
  const ledger = ledgers.length ? mergeLedgers(ledgers) : emptyLedger();
  const generated = new Set<string>();
  for (const a of a1Probes) {
    const note = a.note && !a.note.isNullObject ? a.note.content : null;
    if (isGeneratedMarker(a.range.values[0]?.[0], note)) generated.add(a.name.toLowerCase());
  }
  const formats = new Map<string, CellFormat>();
  for (const f of formatProbes) {
    const props = f.props.value[0] ?? [];
    const nfs = f.range.numberFormat[0] ?? [];
    props.forEach((p, j) => formats.set(ledgerKey(f.sheet, toA1(f.row, f.left + j)), { format: p.format ?? {}, numberFormat: typeof nfs[j] === 'string' ? (nfs[j] as string) : 'General' }));
  }

  // Round 3 (replaceMarks): the cells a previous run marked and this plan does not.
  const stale = new Map<string, CellState>();
  if (replaceMarks && ledger.cells.length) {
    const marked = new Set<string>();
    for (const info of infos) {
      if (info.op.op !== 'mark' || !info.pre) continue;
      const k = ledgerKey(info.op.sheet, toA1(info.pre.row, info.pre.col));
      const a = anchors.get(k);
      marked.add(a ? ledgerKey(info.op.sheet, toA1(a.row, a.col)) : k);
    }
    const staleProbes = new Map<string, CellProbe>();
    for (const c of ledger.cells) {
      const k = ledgerKey(c.sheet, c.ref);
      if (marked.has(k)) continue;
      const si = findSheet(c.sheet);
      if (!si || generated.has(si.name.toLowerCase())) continue;
      if (si.protected) throw protectedError(si.name);
      const p = parseA1(c.ref);
      const what = { formats: true, note: notes && c.touched.includes('note') };
      staleProbes.set(k, probeCell(ws(si.name), si.name, p.row, p.col, what));
      await spend(probeBytes(what));
    }
    if (staleProbes.size) {
      await s.sync();
      for (const [k, p] of staleProbes) stale.set(k, probeState(p));
    }
  }
  return { sheets: sheetInfos, parts, ledger, states, formulas, anchors, merges, lastCol, formats, widths, heights, generated, stale };
}

export function candidateName(base: string, i: number): string {
  if (i === 1) return base;
  const suffix = ` (${i})`;
  return base.slice(0, 31 - suffix.length) + suffix;
}
