/**
 * The plain workbook behind the fake Excel API: sheets of cells (value, formula, number format, fill,
 * font, note, hyperlink), merged areas, protection, custom XML parts, the active sheet and the selection.
 * It can be built from a WorkbookSnapshot, turned back into one, and serialised to JSON and back (a
 * "save and reopen"). Plain TypeScript: no Node modules, so it runs in the browser preview too.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot/snapshot';
import { toA1, type RangeRef } from '../../core/domain/a1';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface FakeFill {
  /** '#RRGGBB'. */
  color: string;
  /** Office.js FillPattern: 'None' (no fill), 'Solid', 'Gray50', ... */
  pattern: string;
  patternColor?: string;
}

export interface FakeFont {
  color?: string;
  bold?: boolean;
  underline?: string;
  italic?: boolean;
  name?: string;
  size?: number;
  strikethrough?: boolean;
}

export interface FakeBorder {
  style?: string;
  color?: string;
  weight?: string;
}

export interface FakeNote {
  content: string;
  author: string;
}

export interface FakeCell {
  /** The value shown (a formula cell's cached result). */
  value?: CellValue;
  /** With the leading '='. */
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill;
  font?: FakeFont;
  note?: FakeNote;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
  wrapText?: boolean;
  verticalAlignment?: string;
  horizontalAlignment?: string;
  indentLevel?: number;
  borders?: { top?: FakeBorder; bottom?: FakeBorder; left?: FakeBorder; right?: FakeBorder };
}

export interface FakeSheet {
  name: string;
  /** Key = row * MAX_COLS + (col - 1), rows and columns 1-based. */
  cells: Map<number, FakeCell>;
  merges: RangeRef[];
  protected: boolean;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Column widths in points, by 1-based column. */
  columnWidths: Record<number, number>;
  /** Row heights in points of rows that have their own, by 1-based row. */
  rowHeights?: Record<number, number>;
  /** Stable id (Office.js Worksheet.id). */
  id: string;
}

export interface FakeCustomXmlPart {
  id: string;
  xml: string;
}

export interface FakeName {
  name: string;
  sheet: string;
  row: number;
  col: number;
  visible: boolean;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  /** Structure protection: no sheets may be added, deleted or renamed. */
  structureProtected?: boolean;
  /** Workbook names that refer to one cell (they move with it). */
  names?: FakeName[];
  activeSheet: string;
  /** The selected range: sheet name and 1-based rectangle. */
  selection: { sheet: string; range: RangeRef };
  customXmlParts: FakeCustomXmlPart[];
  /** Counter for ids of new sheets and parts. */
  nextId: number;
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + (col - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return (key % MAX_COLS) + 1;
}

export function newSheet(wb: FakeWorkbook, name: string): FakeSheet {
  const s: FakeSheet = { name, cells: new Map(), merges: [], protected: false, visibility: 'Visible', columnWidths: {}, id: `{sheet-${wb.nextId++}}` };
  return s;
}

export function emptyWorkbook(): FakeWorkbook {
  const wb: FakeWorkbook = { sheets: [], activeSheet: 'Sheet1', selection: { sheet: 'Sheet1', range: { top: 1, left: 1, bottom: 1, right: 1 } }, customXmlParts: [], nextId: 1 };
  wb.sheets.push(newSheet(wb, 'Sheet1'));
  return wb;
}

export function findSheet(wb: FakeWorkbook, name: string): FakeSheet | undefined {
  const low = name.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === low);
}

/** Whether a cell carries nothing at all (it can be dropped from the map). */
export function isBlankCell(c: FakeCell): boolean {
  return (
    (c.value === undefined || c.value === null || c.value === '') &&
    c.formula === undefined &&
    (c.numberFormat === undefined || c.numberFormat === 'General') &&
    c.fill === undefined &&
    (c.font === undefined || Object.keys(c.font).length === 0) &&
    c.note === undefined &&
    c.hyperlink === undefined &&
    c.wrapText === undefined &&
    c.verticalAlignment === undefined &&
    c.horizontalAlignment === undefined &&
    c.indentLevel === undefined &&
    (c.borders === undefined || Object.keys(c.borders).length === 0)
  );
}

/** Builds a workbook from a snapshot: values, formulas (with their cached values), number formats and merges. */
export function workbookFromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbook {
  const wb: FakeWorkbook = { sheets: [], activeSheet: '', selection: { sheet: '', range: { top: 1, left: 1, bottom: 1, right: 1 } }, customXmlParts: [], nextId: 1 };
  for (const s of snapshot.sheets) wb.sheets.push(sheetFromSnapshot(wb, s));
  if (wb.sheets.length === 0) wb.sheets.push(newSheet(wb, 'Sheet1'));
  wb.activeSheet = wb.sheets[0].name;
  wb.selection.sheet = wb.sheets[0].name;
  return wb;
}

function sheetFromSnapshot(wb: FakeWorkbook, snap: SheetSnapshot): FakeSheet {
  const sheet = newSheet(wb, snap.name);
  snap.values.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      sheet.cells.set(cellKey(r + 1, c + 1), { value: v });
    });
  });
  for (const [addr, f] of Object.entries(snap.formulas ?? {})) {
    const p = parseCell(addr);
    const cell = cellAt(sheet, p.row, p.col, true);
    cell.formula = `=${f.replace(/^=/, '')}`;
  }
  for (const [addr, nf] of Object.entries(snap.numberFormats ?? {})) {
    const p = parseCell(addr);
    cellAt(sheet, p.row, p.col, true).numberFormat = nf;
  }
  sheet.merges = snap.merges.map((m) => ({ ...m }));
  return sheet;
}

/** The snapshot a host would read: values from A1 to the last cell with a value, formulas, number formats, merges. */
export function snapshotFromWorkbook(wb: FakeWorkbook, source = 'fake'): WorkbookSnapshot {
  return { source, sheets: wb.sheets.map((s) => sheetToSnapshot(s)) };
}

export function sheetToSnapshot(sheet: FakeSheet): SheetSnapshot {
  let rows = 0;
  let cols = 0;
  for (const [k, c] of sheet.cells) {
    if (!hasContent(c)) continue;
    rows = Math.max(rows, keyRow(k));
    cols = Math.max(cols, keyCol(k));
  }
  const values: CellValue[][] = [];
  for (let r = 0; r < rows; r++) values.push(new Array<CellValue>(cols).fill(null));
  const formulas: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  for (const [k, c] of sheet.cells) {
    const r = keyRow(k);
    const col = keyCol(k);
    if (hasContent(c)) values[r - 1][col - 1] = c.value === undefined || c.value === '' ? null : c.value;
    if (c.formula !== undefined) formulas[toA1(r, col)] = c.formula.replace(/^=/, '');
    if (c.numberFormat !== undefined && c.numberFormat !== 'General') numberFormats[toA1(r, col)] = c.numberFormat;
  }
  const snap: SheetSnapshot = { name: sheet.name, values, merges: sheet.merges.map((m) => ({ ...m })).sort((a, b) => a.top - b.top || a.left - b.left) };
  if (Object.keys(formulas).length) snap.formulas = formulas;
  if (Object.keys(numberFormats).length) snap.numberFormats = numberFormats;
  return snap;
}

export function hasContent(c: FakeCell): boolean {
  return c.formula !== undefined || (c.value !== undefined && c.value !== null && c.value !== '');
}

export function cellAt(sheet: FakeSheet, row: number, col: number, create: true): FakeCell;
export function cellAt(sheet: FakeSheet, row: number, col: number, create?: false): FakeCell | undefined;
export function cellAt(sheet: FakeSheet, row: number, col: number, create = false): FakeCell | undefined {
  const k = cellKey(row, col);
  let c = sheet.cells.get(k);
  if (!c && create) {
    c = {};
    sheet.cells.set(k, c);
  }
  return c;
}

function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

// -------------------------------------------------------------------------------------------------
// Save and reopen

interface SavedWorkbook {
  format: 'jixiao-fake-workbook';
  version: 1;
  activeSheet: string;
  selection: FakeWorkbook['selection'];
  customXmlParts: FakeCustomXmlPart[];
  names?: FakeName[];
  structureProtected?: boolean;
  nextId: number;
  sheets: Array<Omit<FakeSheet, 'cells'> & { cells: Array<[number, number, FakeCell]> }>;
}

/** The workbook as JSON text: everything the fake keeps, custom XML parts included (a "save"). */
export function saveWorkbook(wb: FakeWorkbook): string {
  const out: SavedWorkbook = {
    format: 'jixiao-fake-workbook',
    version: 1,
    activeSheet: wb.activeSheet,
    selection: wb.selection,
    customXmlParts: wb.customXmlParts,
    names: wb.names ?? [],
    structureProtected: wb.structureProtected ?? false,
    nextId: wb.nextId,
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      id: s.id,
      merges: s.merges,
      protected: s.protected,
      visibility: s.visibility,
      columnWidths: s.columnWidths,
      rowHeights: s.rowHeights ?? {},
      cells: [...s.cells].filter(([, c]) => !isBlankCell(c)).map(([k, c]) => [keyRow(k), keyCol(k), c] as [number, number, FakeCell]),
    })),
  };
  return JSON.stringify(out);
}

/** A workbook from saveWorkbook's text (a "reopen"): nothing is shared with the saved one. */
export function openWorkbook(text: string): FakeWorkbook {
  const data = JSON.parse(text) as SavedWorkbook;
  if (data.format !== 'jixiao-fake-workbook') throw new Error('not a saved fake workbook');
  return {
    activeSheet: data.activeSheet,
    selection: data.selection,
    customXmlParts: data.customXmlParts.map((p) => ({ ...p })),
    names: (data.names ?? []).map((n) => ({ ...n })),
    structureProtected: data.structureProtected ?? false,
    nextId: data.nextId,
    sheets: data.sheets.map((s) => ({
      name: s.name,
      id: s.id,
      merges: s.merges.map((m) => ({ ...m })),
      protected: s.protected,
      visibility: s.visibility,
      columnWidths: { ...s.columnWidths },
      rowHeights: { ...(s.rowHeights ?? {}) },
      cells: new Map(s.cells.map(([r, c, cell]) => [cellKey(r, c), cell])),
    })),
  };
}

/** A deep copy (for before/after comparisons in tests). */
export function cloneWorkbook(wb: FakeWorkbook): FakeWorkbook {
  return openWorkbook(saveWorkbook(wb));
}
