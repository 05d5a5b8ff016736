/**
 * Rows and cells of a worksheet as the writer keeps them: a row stays the text it was in the file until
 * an op touches it; then its cells are parsed (attributes, and the content as written), and only the cells
 * an op writes are rebuilt. A formula keeps the number of row insertions made before it was written
 * (`epoch`), so every formula is moved once, at the end, by the insertions made after it.
 */
import { colToLetters, lettersToCol } from '../../core/domain/a1';
import type { PlanValue } from '../../core/plan/ops';
import { escapeText, localName, scanXml, startTag } from './xml';

export interface FormulaRec {
  attrs: Record<string, string>;
  text: string;
  /** Content of the cell before and after the <f> element, as written. */
  before: string;
  after: string;
  /** Element name as written (`f`, `x:f`). */
  name: string;
}

export interface CellRec {
  col: number;
  /** Attributes as written (r is replaced by the cell's address when it is written out). */
  attrs: Record<string, string>;
  /** The cell's text in the file, while nothing changed it (copied as it is when its row did not move). */
  raw?: string;
  /** Content as written ('' for an empty cell). */
  inner: string;
  /** The formula (undefined: not read yet; null: none). */
  f?: FormulaRec | null;
  /** Row insertions made before the formula was written. */
  epoch: number;
  /** The formula text after the end-of-plan move (set by the serialiser). */
  changed?: boolean;
}

export interface RowRec {
  /** Row number now. */
  r: number;
  /** Row number in the file (0 for a row this run added). */
  origR: number;
  /** The row's text in the file: [start, end) (start = end = -1 for a new row). */
  start: number;
  end: number;
  /** Attributes other than r (parsed rows). */
  attrs: Record<string, string> | null;
  /** Cells in column order (parsed rows). */
  cells: CellRec[] | null;
  dirty: boolean;
}

const CELL_REF = /^([A-Za-z]{1,3})(\d+)$/;

/** Parses the cells of a row from its text in the file. */
export function parseRow(xml: string, row: RowRec): void {
  const cells: CellRec[] = [];
  let depth = 0;
  let rowAttrs: Record<string, string> = {};
  let prev = 0;
  let col = 0;
  let attrs: Record<string, string> | null = null;
  let start = 0;
  let openEnd = 0;
  scanXml(
    xml,
    {
      open(name, a, s, e) {
        depth++;
        if (depth === 1) {
          rowAttrs = a;
          delete rowAttrs.r;
        } else if (depth === 2 && localName(name) === 'c') {
          const m = a.r ? CELL_REF.exec(a.r) : null;
          col = m ? lettersToCol(m[1]) : prev + 1;
          attrs = a;
          start = s;
          openEnd = e;
        }
      },
      close(name, closeStart, end) {
        if (depth === 2 && attrs && localName(name) === 'c') {
          cells.push({ col, attrs, raw: xml.slice(start, end), inner: xml.slice(openEnd, closeStart), epoch: 0 });
          prev = col;
          attrs = null;
        }
        depth--;
      },
    },
    row.start,
    row.end,
  );
  // A file's cells are in column order; keep them so even when one is not.
  for (let i = 1; i < cells.length; i++) {
    if (cells[i].col <= cells[i - 1].col) {
      cells.sort((a, b) => a.col - b.col);
      break;
    }
  }
  row.attrs = rowAttrs;
  row.cells = cells;
}

/** The formula of a cell (parsed from its content once). */
export function formulaOf(c: CellRec): FormulaRec | null {
  if (c.f !== undefined) return c.f;
  c.f = null;
  if (!c.inner || c.inner.indexOf('f') < 0) return null;
  let depth = 0;
  let found: FormulaRec | null = null;
  let fStart = -1;
  let fAttrs: Record<string, string> = {};
  let text = '';
  let fName = '';
  scanXml(c.inner, {
    open(name, a, start) {
      depth++;
      if (depth === 1 && !found && fStart < 0 && localName(name) === 'f') {
        fStart = start;
        fAttrs = a;
        fName = name;
        text = '';
      }
    },
    text(t) {
      if (fStart >= 0 && depth === 1) text += t;
    },
    close(_name, _closeStart, end) {
      if (depth === 1 && fStart >= 0 && !found) {
        found = { attrs: fAttrs, text, before: c.inner.slice(0, fStart), after: c.inner.slice(end), name: fName };
        fStart = -1;
      }
      depth--;
    },
  });
  c.f = found;
  return found;
}

/** The <f> element of a formula record. */
export function formulaXml(f: FormulaRec): string {
  return f.text === '' ? startTag(f.name, f.attrs, true) : `${startTag(f.name, f.attrs)}${escapeText(f.text)}</${f.name}>`;
}

/** Content and type attribute for a value written into a cell (inline strings: the shared string table is left as it is). */
export function valueXml(value: PlanValue, prefix: string): { t?: string; inner: string } {
  if (value === null || value === undefined) return { inner: '' };
  if (typeof value === 'number') return Number.isFinite(value) ? { inner: `<${prefix}v>${numberText(value)}</${prefix}v>` } : { inner: '' };
  if (typeof value === 'boolean') return { t: 'b', inner: `<${prefix}v>${value ? 1 : 0}</${prefix}v>` };
  const s = String(value);
  const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
  return { t: 'inlineStr', inner: `<${prefix}is><${prefix}t${space}>${escapeText(s)}</${prefix}t></${prefix}is>` };
}

/** Type attribute and cached value of a formula's result. */
export function cachedXml(value: PlanValue, prefix: string): { t?: string; v: string } {
  if (value === null || value === undefined) return { v: '' };
  if (typeof value === 'number') return Number.isFinite(value) ? { v: `<${prefix}v>${numberText(value)}</${prefix}v>` } : { v: '' };
  if (typeof value === 'boolean') return { t: 'b', v: `<${prefix}v>${value ? 1 : 0}</${prefix}v>` };
  return { t: 'str', v: `<${prefix}v>${escapeText(String(value))}</${prefix}v>` };
}

function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/** A cell as XML, at `row` (`moved`: not the row it was read from). */
export function cellXml(c: CellRec, row: number, cName: string, moved: boolean): string {
  if (c.raw !== undefined && !moved) return c.raw;
  const attrs: Record<string, string | undefined> = { ...c.attrs, r: colToLetters(c.col) + row };
  if (!c.inner) return startTag(cName, attrs, true);
  return `${startTag(cName, attrs)}${c.inner}</${cName}>`;
}

/** A row as XML (parsed rows only). */
export function rowXml(row: RowRec, rowName: string, cName: string, cellText: (c: CellRec) => string): string {
  const attrs: Record<string, string | undefined> = { r: String(row.r), ...(row.attrs ?? {}) };
  const cells = row.cells ?? [];
  // spans (the columns the row's cells take, a hint for Excel) grows over cells written outside it.
  const spans = attrs.spans ? /^(\d+):(\d+)$/.exec(attrs.spans) : null;
  if (spans && cells.length) {
    const lo = Math.min(Number(spans[1]), cells[0].col);
    const hi = Math.max(Number(spans[2]), cells[cells.length - 1].col);
    attrs.spans = `${lo}:${hi}`;
  }
  if (cells.length === 0) return startTag(rowName, attrs, true);
  let s = startTag(rowName, attrs);
  for (const c of cells) s += cellText(c);
  return `${s}</${rowName}>`;
}

/** Index of the cell of column `col` in a row's cells (binary search), or -(insertion point) - 1. */
export function findCell(cells: CellRec[], col: number): number {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cells[mid].col;
    if (c === col) return mid;
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/** Index of row `r` in rows sorted by r (binary search), or -(insertion point) - 1. */
export function findRow(rows: RowRec[], r: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = rows[mid].r;
    if (x === r) return mid;
    if (x < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/** The value text (<v>) and inline string (<is>) of a cell's content. */
export function cellContent(inner: string): { v?: string; is?: string } {
  let v: string | undefined;
  let is: string | undefined;
  const stack: string[] = [];
  scanXml(inner, {
    open(name) {
      stack.push(localName(name));
    },
    close() {
      stack.pop();
    },
    text(t) {
      const top = stack[stack.length - 1];
      if (stack.length === 1 && top === 'v') v = (v ?? '') + t;
      else if (stack[0] === 'is' && top === 't' && !stack.includes('rPh')) is = (is ?? '') + t;
    },
  });
  return { v, is };
}

/** The texts of a shared string table, by index. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  let cur = '';
  scanXml(xml, {
    open(name) {
      const l = localName(name);
      stack.push(l);
      if (l === 'si' && stack.length === 2) cur = '';
    },
    close() {
      const l = stack.pop();
      if (l === 'si' && stack.length === 1) out.push(cur);
    },
    text(t) {
      if (stack[stack.length - 1] === 't' && !stack.includes('rPh')) cur += t;
    },
  });
  return out;
}
