/**
 * Loads an .xlsx file into the fake Excel workbook in the browser (exceljs's browser build): values as Excel
 * reports them (dates as serial numbers with their format, a formula's cached result), formulas, number
 * formats, solid fills, font colour/bold/underline, notes, merged areas, column widths and alignment.
 */
import * as ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { cellKey, newSheet, type FakeCell, type FakeSheet, type FakeWorkbook } from '../hosts/fake/model';
import type { CellValue } from '../core/snapshot/snapshot';

/** Extra display information the fake does not keep (row heights, horizontal alignment) by sheet name. */
export interface DisplayInfo {
  rowHeights: Record<string, Record<number, number>>;
  align: Record<string, Record<number, string>>;
}

export interface LoadedBook {
  workbook: FakeWorkbook;
  display: DisplayInfo;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

function argbToHex(argb: string | undefined): string | undefined {
  if (!argb) return undefined;
  const s = argb.length === 8 ? argb.slice(2) : argb;
  return /^[0-9A-Fa-f]{6}$/.test(s) ? `#${s.toUpperCase()}` : undefined;
}

/** A few theme colours (Office theme) so that tables coloured with theme fills still look right. */
const THEME = ['#FFFFFF', '#000000', '#E7E6E6', '#44546A', '#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'];

function colourOf(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  if (!c) return undefined;
  if (c.argb) return argbToHex(c.argb);
  if (typeof c.theme === 'number') return THEME[c.theme];
  return undefined;
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('text' in o) return plain(o.text);
    if ('result' in o) return plain(o.result);
  }
  return String(v);
}

function noteText(note: string | ExcelJS.Comment | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: Array<{ text?: string }> }).texts;
  return texts ? texts.map((t) => t.text ?? '').join('') : undefined;
}

/** Points from exceljs's column width in characters (Excel: pixels = 7·w + 5 for Calibri 11; 0.75 pt a pixel). */
function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The workbook's custom XML parts (exceljs does not read them), as Excel lists them: jixiao's ledger of marks among
 * them, so the pane's 清除标记 clears a copy the command line marked.
 */
function customXmlParts(bytes: ArrayBuffer): FakeWorkbook['customXmlParts'] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(bytes), { filter: (f) => /^customXml\/item\d+\.xml$/.test(f.name) });
  } catch {
    return [];
  }
  return Object.keys(files)
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((name, i) => ({ id: `{00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}}`, xml: strFromU8(files[name]).replace(/^\uFEFF/, '') }));
}

export async function loadXlsx(bytes: ArrayBuffer): Promise<LoadedBook> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes);
  } catch (e) {
    throw new Error(`无法读取该文件（不是有效的 .xlsx 工作簿）/ cannot read the file (not a valid .xlsx workbook): ${(e as Error).message}`, { cause: e });
  }
  const wb: FakeWorkbook = { sheets: [], activeSheet: '', selection: { sheet: '', range: { top: 1, left: 1, bottom: 1, right: 1 } }, customXmlParts: customXmlParts(bytes), nextId: 1 };
  const display: DisplayInfo = { rowHeights: {}, align: {} };
  book.eachSheet((ws) => {
    const sheet: FakeSheet = newSheet(wb, ws.name);
    sheet.visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    const heights: Record<number, number> = {};
    const align: Record<number, string> = {};
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height) heights[r] = row.height;
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const fc: FakeCell = {};
        if (cell.type === ExcelJS.ValueType.Formula) {
          const f = cell.formula;
          if (f) fc.formula = `=${f.replace(/^=/, '')}`;
          fc.value = plain(cell.result);
        } else {
          fc.value = plain(cell.value);
        }
        if (fc.value === null || fc.value === '') delete fc.value;
        const nf = cell.numFmt;
        if (nf && nf !== 'General') fc.numberFormat = nf;
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
          const color = colourOf(fill.fgColor);
          if (color) fc.fill = { color, pattern: 'Solid' };
        }
        const font = cell.font;
        if (font) {
          const color = colourOf(font.color);
          const f: NonNullable<FakeCell['font']> = {};
          if (color && color !== '#000000') f.color = color;
          if (font.bold) f.bold = true;
          if (font.underline) f.underline = font.underline === true ? 'Single' : String(font.underline);
          if (Object.keys(f).length) fc.font = f;
        }
        const note = noteText(cell.note as string | ExcelJS.Comment | undefined);
        if (note) fc.note = { content: note, author: '' };
        if (cell.alignment?.wrapText) fc.wrapText = true;
        if (cell.alignment?.horizontal) align[cellKey(r, c)] = cell.alignment.horizontal;
        if (Object.keys(fc).length) sheet.cells.set(cellKey(r, c), fc);
      });
    });
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    sheet.merges = merges.map(parseRange);
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === 'number') sheet.columnWidths[i + 1] = widthToPoints(col.width);
    });
    display.rowHeights[ws.name] = heights;
    display.align[ws.name] = align;
    wb.sheets.push(sheet);
  });
  if (wb.sheets.length === 0) throw new Error('工作簿中没有工作表 / the workbook has no worksheet');
  const first = wb.sheets.find((s) => s.visibility === 'Visible') ?? wb.sheets[0];
  wb.activeSheet = first.name;
  wb.selection = { sheet: first.name, range: { top: 1, left: 1, bottom: 1, right: 1 } };
  return { workbook: wb, display };
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`bad address ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}
