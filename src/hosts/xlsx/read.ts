/**
 * Reads an .xlsx workbook into a WorkbookSnapshot (values, formulas, number formats, merges).
 * Reading uses exceljs (fast); writing edits the package itself (see write.ts).
 */
import * as fs from 'fs';
import * as ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { RangeRef } from '../../core/domain/a1';

export type WorkbookReadErrorReason = 'notWorkbook' | 'encrypted' | 'corrupt' | 'notFound';

/** A workbook that cannot be read; the message is bilingual (zh-CN / English) and names the file. */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: WorkbookReadErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

function fail(file: string, reason: WorkbookReadErrorReason, zh: string, en: string): WorkbookReadError {
  return new WorkbookReadError(file, reason, `无法读取 ${file}：${zh} / ${file}: ${en}`);
}

/**
 * exceljs checks every merge of a sheet against every earlier one while loading: quadratic, so a target
 * table with 15,000 merges (10,000 rows) took 10 s of a 10.8 s read. A saved file's merges never overlap
 * (Excel does not write such a file), so the loader applies each merge with an empty index and gathers
 * the index afterwards: the library's own merge code, in linear time.
 */
function linearMergeLoading(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const proto = require('exceljs/lib/doc/worksheet').prototype as {
    _parseMergeCells(model: { mergeCells?: string[] }): void;
    mergeCellsWithoutStyle(ref: string): void;
    _merges: Record<string, unknown>;
    __jixiaoLinearMerges?: boolean;
  };
  if (proto.__jixiaoLinearMerges) return;
  proto._parseMergeCells = function (this: typeof proto, model: { mergeCells?: string[] }) {
    const all: Record<string, unknown> = {};
    for (const ref of model.mergeCells ?? []) {
      this._merges = {};
      this.mergeCellsWithoutStyle(ref);
      Object.assign(all, this._merges);
    }
    this._merges = all;
  };
  proto.__jixiaoLinearMerges = true;
}
linearMergeLoading();

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Worksheet XML elements jixiao does not need; skipping them saves time (exceljs expands data validations per cell). */
const IGNORED_NODES = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

function asBuffer(input: Uint8Array | Buffer): Buffer {
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/** Checks the file's leading bytes; throws a WorkbookReadError for anything that is not a zip package. */
function checkSignature(buf: Buffer, file: string): void {
  if (buf.length === 0) throw fail(file, 'notWorkbook', '文件为空', 'the file is empty');
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5 || buf[2] === 7)) return;
  if (buf.length >= 8 && OLE2_MAGIC.every((b, i) => buf[i] === b)) {
    // An OLE2 compound file: either an encrypted OOXML package or a legacy binary workbook.
    if (buf.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0 || buf.indexOf(Buffer.from('EncryptionInfo', 'utf16le')) >= 0) {
      throw fail(
        file,
        'encrypted',
        '文件已加密（受密码保护），请在 Excel 或 WPS 中取消密码后重新保存',
        'the file is encrypted (password protected); remove the password in Excel or WPS and save it again',
      );
    }
    throw fail(
      file,
      'notWorkbook',
      '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再试',
      'this is a legacy Excel 97-2003 (.xls) file; open it in Excel or WPS and save it as .xlsx',
    );
  }
  const head = buf.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<')) {
    throw fail(
      file,
      'notWorkbook',
      '这是网页（HTML/XML）文件而不是 .xlsx 工作簿，请在 Excel 或 WPS 中打开后“另存为” .xlsx',
      'this is a web page (HTML/XML), not an .xlsx workbook; open it in Excel or WPS and save it as .xlsx',
    );
  }
  throw fail(file, 'notWorkbook', '不是 Excel 工作簿（.xlsx）文件', 'not an Excel workbook (.xlsx)');
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date as 'YYYY-MM-DD' (with 'THH:mm:ss' only when it has a time of day). exceljs gives UTC dates. */
export function dateToIso(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  const r = new Date(Math.round(t / 1000) * 1000);
  const day = `${r.getUTCFullYear()}-${pad2(r.getUTCMonth() + 1)}-${pad2(r.getUTCDate())}`;
  const h = r.getUTCHours();
  const m = r.getUTCMinutes();
  const s = r.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

function richTextToString(v: { richText?: Array<{ text?: string }> }): string {
  const runs = v.richText;
  if (!runs) return '';
  let s = '';
  for (let i = 0; i < runs.length; i++) s += runs[i].text ?? '';
  return s;
}

/** Converts a non-formula value (or a formula result) from exceljs to a CellValue. */
function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
    case 'boolean':
      return v;
    case 'string':
      return v;
    case 'object': {
      if (v instanceof Date) return dateToIso(v);
      const o = v as Record<string, unknown>;
      if (typeof o.error === 'string') return o.error;
      if (Array.isArray(o.richText)) return richTextToString(o as { richText: Array<{ text?: string }> });
      if ('text' in o) {
        const t = o.text;
        if (typeof t === 'string') return t;
        if (t && typeof t === 'object') return plain(t);
        return t === undefined || t === null ? null : String(t);
      }
      if ('result' in o) return plain(o.result);
      return null;
    }
    default:
      return String(v);
  }
}

// exceljs ValueType numbers (lib/doc/enums.js)
const T_NULL = 0;
const T_MERGE = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_FORMULA = 6;
const T_BOOLEAN = 9;

interface XCell {
  type: number;
  value: unknown;
  address: string;
  formula?: string;
  result?: unknown;
  numFmt?: string;
  style?: { numFmt?: string };
}
interface XRow {
  _cells: Array<XCell | undefined>;
}
interface XSheet {
  name: string;
  _rows: Array<XRow | undefined>;
  _merges: Record<string, { top: number; left: number; bottom: number; right: number }>;
}

function readSheet(ws: XSheet): SheetSnapshot {
  const rows = ws._rows;
  const values: CellValue[][] = new Array(rows.length);
  let formulas: Record<string, string> | undefined;
  let numberFormats: Record<string, string> | undefined;
  /** Rows past the last one with a value or a formula (rows that only carry a format) are dropped. */
  let last = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      values[r] = [];
      continue;
    }
    const cells = row._cells;
    const out: CellValue[] = new Array(cells.length);
    let used = false;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) {
        out[c] = null;
        continue;
      }
      const type = cell.type;
      if (type === T_NULL || type === T_MERGE) {
        out[c] = null;
        continue;
      }
      let v: CellValue;
      if (type === T_NUMBER || type === T_STRING || type === T_BOOLEAN) {
        v = cell.value as CellValue;
      } else if (type === T_FORMULA) {
        v = plain(cell.result);
        const f = cell.formula;
        if (f) {
          (formulas ??= {})[cell.address] = f.charCodeAt(0) === 61 /* = */ ? f.slice(1) : f;
          used = true;
        }
      } else {
        v = plain(cell.value);
      }
      out[c] = v;
      if (v !== null && v !== '') used = true;
      const fmt = cell.style?.numFmt;
      if (fmt && fmt !== 'General') (numberFormats ??= {})[cell.address] = fmt;
    }
    values[r] = out;
    if (used) last = r + 1;
  }
  if (last < values.length) values.length = last;

  const merges: RangeRef[] = [];
  for (const key of Object.keys(ws._merges)) {
    const m = ws._merges[key];
    if (m) merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const snap: SheetSnapshot = { name: ws.name, values, merges };
  if (formulas) snap.formulas = formulas;
  if (numberFormats) snap.numberFormats = numberFormats;
  return snap;
}

/** Reads a workbook from bytes. `source` names the file in messages and in the snapshot. */
export async function readWorkbook(input: Uint8Array | Buffer, source: string): Promise<WorkbookSnapshot> {
  const buf = asBuffer(input);
  checkSignature(buf, source);
  if (buf.indexOf('xl/workbook.xml') < 0) {
    if (buf.indexOf('xl/workbook.bin') >= 0) {
      throw fail(
        source,
        'notWorkbook',
        '这是二进制工作簿（.xlsb），请在 Excel 中“另存为” .xlsx 后再试',
        'this is a binary workbook (.xlsb); save it as .xlsx in Excel',
      );
    }
    if (buf.indexOf('[Content_Types].xml') < 0 && buf.indexOf('mimetype') >= 0 && buf.indexOf('opendocument') >= 0) {
      throw fail(
        source,
        'notWorkbook',
        '这是 OpenDocument 表格（.ods），请“另存为” .xlsx 后再试',
        'this is an OpenDocument spreadsheet (.ods); save it as .xlsx',
      );
    }
    throw fail(source, 'corrupt', '文件已损坏或不是 Excel 工作簿（找不到 xl/workbook.xml）', 'the file is damaged or not an Excel workbook (no xl/workbook.xml)');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw fail(source, 'corrupt', `文件已损坏或不完整（${detail}）`, `the file is damaged or incomplete (${detail})`);
  }
  const sheets: SheetSnapshot[] = [];
  for (const ws of wb.worksheets) sheets.push(readSheet(ws as unknown as XSheet));
  return { source, sheets };
}

/** Reads a workbook file. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  return readWorkbook(await readWorkbookBytes(path), path);
}

/** A workbook file's bytes; a missing, unreadable or folder path is a WorkbookReadError that names it. */
export async function readWorkbookBytes(path: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw fail(path, 'notWorkbook', '这是一个文件夹，不是文件', 'this is a folder, not a file');
    if (code === 'EACCES' || code === 'EPERM') throw fail(path, 'notFound', '没有读取权限', 'permission denied');
    throw fail(path, 'notFound', '文件不存在', 'file not found');
  }
}
