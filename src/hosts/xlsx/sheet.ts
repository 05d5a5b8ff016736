/**
 * One worksheet part, opened for editing. One pass of the tokenizer finds the top-level sections and the
 * rows of sheetData; rows are parsed when an op touches them. On save the part is spliced: untouched rows
 * and sections are copied as they were written, touched rows are rebuilt, sections an op changed
 * (merged cells, column widths, the dimension) are replaced, and new sections (mergeCells, hyperlinks,
 * legacyDrawing) go where the schema puts them.
 */
import { parseRange, rangeToA1, type RangeRef } from '../../core/domain/a1';
import { cellXml, findCell, findRow, formulaOf, formulaXml, parseRow, rowXml, type CellRec, type RowRec } from './cells';
import { Splice, localName, parseXml, prefixOf, scanXml, startTag, type XNode } from './xml';

/** Worksheet children in schema order (CT_Worksheet). */
const ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

export const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Section {
  local: string;
  start: number;
  end: number;
}

export interface ColRec {
  min: number;
  max: number;
  attrs: Record<string, string>;
}

/** What the serialiser needs from the writer: formulas moved by the row insertions made after them, and the final row mapping. */
export interface SaveContext {
  /** The formula after the insertions made since `epoch`, on sheet `home`; the same string when nothing moves. */
  moveFormula(text: string, epoch: number, home: string): string;
  /** Whether formulas written before the last insertion may move (any insertion in the workbook). */
  formulasMove: boolean;
  /** A list of ranges on sheet `home` (`A1:B2 C3`) moved with the rows; the same string when nothing moves. */
  moveRef(ref: string, home: string): string;
  /** Section XML with references moved (sqref, formulas, ...); the same string when nothing moves. */
  moveSection(local: string, xml: string, home: string): string;
}

export class SheetModel {
  readonly xml: string;
  readonly root: XNode;
  readonly prefix: string;
  readonly sections: Section[] = [];
  rows: RowRec[] = [];
  private sheetData?: { start: number; openEnd: number; closeStart: number; end: number; selfClosing: boolean };
  private rowsChanged = false;
  private mergeList?: RangeRef[];
  private mergeIndex?: Map<number, RangeRef[]>;
  private mergesDirty = false;
  private colList?: ColRec[];
  private colsChanged = false;
  /** Sections to add or replace (by local name): their XML. */
  private readonly replaced = new Map<string, string>();
  /** Extent of the cells written by this run. */
  private written = { top: Infinity, left: Infinity, bottom: 0, right: 0 };

  constructor(
    readonly name: string,
    readonly path: string,
    xml: string,
  ) {
    this.xml = xml;
    let depth = 0;
    let root: XNode | undefined;
    let section: Section | null = null;
    let inData = false;
    let row: RowRec | null = null;
    let prevRow = 0;
    scanXml(xml, {
      open: (name, attrs, start, openEnd) => {
        depth++;
        if (depth === 1) root = { name, local: localName(name), attrs, children: [], text: '', start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: false };
        else if (depth === 2) {
          section = { local: localName(name), start, end: openEnd };
          if (section.local === 'sheetData') {
            inData = true;
            this.sheetData = { start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: false };
          }
        } else if (depth === 3 && inData && localName(name) === 'row') {
          const r = attrs.r ? Number(attrs.r) : prevRow + 1;
          row = { r, origR: r, start, end: openEnd, attrs: null, cells: null, dirty: false };
        }
      },
      close: (_name, closeStart, end, selfClosing) => {
        if (depth === 3 && row) {
          row.end = end;
          this.rows.push(row);
          prevRow = row.r;
          row = null;
        } else if (depth === 2 && section) {
          section.end = end;
          this.sections.push(section);
          if (inData && this.sheetData) Object.assign(this.sheetData, { closeStart: selfClosing ? end : closeStart, end, selfClosing });
          inData = false;
          section = null;
        } else if (depth === 1 && root) {
          root.closeStart = closeStart;
          root.end = end;
        }
        depth--;
      },
    });
    if (!root || root.local !== 'worksheet') throw new Error(`${name}: not a worksheet / 不是工作表`);
    this.root = root;
    this.prefix = prefixOf(root.name);
    for (let i = 1; i < this.rows.length; i++) {
      if (this.rows[i].r <= this.rows[i - 1].r) {
        this.rows.sort((a, b) => a.r - b.r);
        break;
      }
    }
  }

  el(local: string): string {
    return this.prefix + local;
  }

  section(local: string): Section | undefined {
    return this.sections.find((s) => s.local === local);
  }

  /** A section parsed (undefined when the sheet has none). */
  sectionNode(local: string): XNode | undefined {
    const s = this.section(local);
    return s ? parseXml(this.xml, s.start, s.end) : undefined;
  }

  /** Replaces (or adds) a section; '' removes it. */
  setSection(local: string, xml: string): void {
    this.replaced.set(local, xml);
  }

  hasSection(local: string): boolean {
    const r = this.replaced.get(local);
    return r !== undefined ? r !== '' : !!this.section(local);
  }

  // -----------------------------------------------------------------------------------------------
  // Rows and cells

  row(r: number, create: boolean): RowRec | undefined {
    let i = findRow(this.rows, r);
    if (i < 0) {
      if (!create) return undefined;
      i = -i - 1;
      const row: RowRec = { r, origR: 0, start: -1, end: -1, attrs: {}, cells: [], dirty: true };
      this.rows.splice(i, 0, row);
      this.rowsChanged = true;
      return row;
    }
    const row = this.rows[i];
    if (!row.cells) parseRow(this.xml, row);
    return row;
  }

  cell(r: number, col: number, create: boolean): CellRec | undefined {
    const row = this.row(r, create);
    if (!row) return undefined;
    const cells = row.cells as CellRec[];
    let i = findCell(cells, col);
    if (i >= 0) return cells[i];
    if (!create) return undefined;
    i = -i - 1;
    const c: CellRec = { col, attrs: { r: '' }, inner: '', f: null, epoch: 0 };
    cells.splice(i, 0, c);
    this.touch(row, r, col);
    return c;
  }

  markRowsChanged(): void {
    this.rowsChanged = true;
  }

  /** Marks a row as changed (after writing its cells). */
  touch(row: RowRec, r: number, col: number): void {
    row.dirty = true;
    this.rowsChanged = true;
    const w = this.written;
    if (r < w.top) w.top = r;
    if (r > w.bottom) w.bottom = r;
    if (col < w.left) w.left = col;
    if (col > w.right) w.right = col;
  }

  /** The format a cell shows: its own, else its row's (customFormat), else its column's. */
  styleAt(r: number, col: number): number {
    const row = this.row(r, false);
    if (row) {
      const c = row.cells ? row.cells[findCell(row.cells, col)] : undefined;
      if (c) return Number(c.attrs.s ?? 0);
      const a = row.attrs ?? {};
      if (a.s !== undefined && (a.customFormat === '1' || a.customFormat === 'true')) return Number(a.s);
    }
    const col2 = this.cols().find((x) => x.min <= col && x.max >= col);
    return col2 && col2.attrs.style !== undefined ? Number(col2.attrs.style) : 0;
  }

  setStyle(r: number, col: number, s: number): void {
    const c = this.cell(r, col, true) as CellRec;
    if (s === Number(c.attrs.s ?? 0)) return;
    if (s === 0) delete c.attrs.s;
    else c.attrs.s = String(s);
    c.raw = undefined;
    this.touch(this.row(r, false) as RowRec, r, col);
  }

  /** Rows at or below `at` move down by `count` (row numbers only; the caller moves everything else). */
  shiftRows(at: number, count: number): void {
    let i = findRow(this.rows, at);
    if (i < 0) i = -i - 1;
    for (let k = i; k < this.rows.length; k++) this.rows[k].r += count;
    if (i < this.rows.length) this.rowsChanged = true;
    if (this.written.bottom >= at) this.written.bottom += count;
  }

  // -----------------------------------------------------------------------------------------------
  // Merged cells (in rows as they are now)

  /** Merged areas changed (moved, added, removed in the list merges() returns): written on save. */
  get mergesChanged(): boolean {
    return this.mergesDirty;
  }

  set mergesChanged(v: boolean) {
    this.mergesDirty = v;
    this.mergeIndex = undefined;
  }

  /** The merged area a cell is in (found through an index by row, built once per change of the list). */
  mergeAt(row: number, col: number): RangeRef | undefined {
    if (!this.mergeIndex) {
      const index = new Map<number, RangeRef[]>();
      for (const m of this.merges()) {
        for (let r = m.top; r <= m.bottom; r++) {
          const list = index.get(r);
          if (list) list.push(m);
          else index.set(r, [m]);
        }
      }
      this.mergeIndex = index;
    }
    return this.mergeIndex.get(row)?.find((m) => col >= m.left && col <= m.right);
  }

  merges(): RangeRef[] {
    if (!this.mergeList) {
      this.mergeList = [];
      const n = this.sectionNode('mergeCells');
      for (const m of n?.children ?? []) {
        if (m.local !== 'mergeCell' || !m.attrs.ref) continue;
        try {
          this.mergeList.push(parseRange(m.attrs.ref));
        } catch {
          /* a malformed ref: left out */
        }
      }
    }
    return this.mergeList;
  }

  // -----------------------------------------------------------------------------------------------
  // Columns

  cols(): ColRec[] {
    if (!this.colList) {
      this.colList = [];
      const n = this.sectionNode('cols');
      for (const c of n?.children ?? []) {
        if (c.local !== 'col') continue;
        const attrs = { ...c.attrs };
        const min = Number(attrs.min);
        const max = Number(attrs.max);
        delete attrs.min;
        delete attrs.max;
        if (min >= 1 && max >= min) this.colList.push({ min, max, attrs });
      }
    }
    return this.colList;
  }

  colWidth(col: number): number | undefined {
    const c = this.cols().find((x) => x.min <= col && x.max >= col);
    return c && c.attrs.width !== undefined ? Number(c.attrs.width) : undefined;
  }

  setColWidth(col: number, width: number): void {
    const list = this.cols();
    const i = list.findIndex((x) => x.min <= col && x.max >= col);
    const attrs: Record<string, string> = i >= 0 ? { ...list[i].attrs } : {};
    attrs.width = String(width);
    attrs.customWidth = '1';
    if (i >= 0) {
      const c = list[i];
      const parts: ColRec[] = [];
      if (c.min < col) parts.push({ min: c.min, max: col - 1, attrs: c.attrs });
      parts.push({ min: col, max: col, attrs });
      if (c.max > col) parts.push({ min: col + 1, max: c.max, attrs: c.attrs });
      list.splice(i, 1, ...parts);
    } else {
      const at = list.findIndex((x) => x.min > col);
      list.splice(at < 0 ? list.length : at, 0, { min: col, max: col, attrs });
    }
    this.colsChanged = true;
  }

  // -----------------------------------------------------------------------------------------------
  // Relationship namespace prefix (for r:id of new sections)

  relsPrefix(): { prefix: string; declare: boolean } {
    for (const [k, v] of Object.entries(this.root.attrs)) if (k.startsWith('xmlns:') && v === RELS_NS) return { prefix: k.slice(6), declare: false };
    return { prefix: 'r', declare: true };
  }

  // -----------------------------------------------------------------------------------------------
  // Save

  get changed(): boolean {
    return this.rowsChanged || this.mergesChanged || this.colsChanged || this.replaced.size > 0;
  }

  private sheetDataXml(ctx: SaveContext): string {
    const sd = this.sheetData;
    const rowName = this.el('row');
    const cName = this.el('c');
    const out: string[] = [sd && !sd.selfClosing ? this.xml.slice(sd.start, sd.openEnd) : `<${this.el('sheetData')}>`];
    const fNeedle = `<${this.el('f')}`;
    // Whether the row being written had a formula moved (then it cannot be copied as it was).
    let moved: boolean;
    let rowOrig = 0;
    const cellText = (c: CellRec, r: number) => {
      if (ctx.formulasMove || c.epoch > 0) {
        const f = formulaOf(c);
        if (f && f.text) {
          const text = ctx.moveFormula(f.text, c.epoch, this.name);
          if (text !== f.text) {
            f.text = text;
            c.inner = f.before + formulaXml(f) + f.after;
            c.raw = undefined;
            moved = true;
          }
        }
        if (moveFormulaRef(c, ctx, this.name)) moved = true;
      }
      return cellXml(c, r, cName, r !== rowOrig);
    };
    // Offset of the next formula in the file at or after the current row (one forward scan for all rows).
    let nextF = ctx.formulasMove ? this.xml.indexOf(fNeedle) : -1;
    for (const row of this.rows) {
      const raw = row.start >= 0;
      let hasF = false;
      if (raw && nextF >= 0) {
        if (nextF < row.start) nextF = this.xml.indexOf(fNeedle, row.start);
        hasF = nextF >= 0 && nextF < row.end;
      }
      if (raw && !row.dirty && row.r === row.origR && !hasF) {
        out.push(this.xml.slice(row.start, row.end));
        continue;
      }
      if (!row.cells) parseRow(this.xml, row);
      moved = false;
      rowOrig = row.origR;
      const text = rowXml(row, rowName, cName, (c) => cellText(c, row.r));
      out.push(raw && !row.dirty && row.r === row.origR && !moved ? this.xml.slice(row.start, row.end) : text);
    }
    out.push(`</${this.el('sheetData')}>`);
    return out.join('');
  }

  private colsXml(): string {
    const list = this.cols();
    if (!list.length) return '';
    const col = this.el('col');
    return `<${this.el('cols')}>${list.map((c) => startTag(col, { min: String(c.min), max: String(c.max), ...c.attrs }, true)).join('')}</${this.el('cols')}>`;
  }

  private mergesXml(): string {
    const list = this.merges();
    if (!list.length) return '';
    const mc = this.el('mergeCell');
    return `<${this.el('mergeCells')} count="${list.length}">${list.map((m) => `<${mc} ref="${rangeToA1(m)}"/>`).join('')}</${this.el('mergeCells')}>`;
  }

  /** The dimension after this run: the old one (moved) grown over the cells written. */
  private dimensionXml(ctx: SaveContext): string | undefined {
    const d = this.section('dimension');
    const old = d ? parseXml(this.xml, d.start, d.end).attrs.ref : undefined;
    let ext: RangeRef | undefined;
    try {
      ext = old ? parseRange(ctx.moveRef(old, this.name)) : undefined;
    } catch {
      ext = undefined;
    }
    const w = this.written;
    const first = this.rows[0]?.r;
    const last = this.rows[this.rows.length - 1]?.r;
    if (!ext && w.bottom === 0) return undefined;
    const r: RangeRef = ext ?? { top: w.top, left: w.left, bottom: w.bottom, right: w.right };
    if (w.bottom > 0) {
      r.top = Math.min(r.top, w.top);
      r.left = Math.min(r.left, w.left);
      r.bottom = Math.max(r.bottom, w.bottom);
      r.right = Math.max(r.right, w.right);
    }
    if (last !== undefined && last > r.bottom) r.bottom = last;
    if (first !== undefined && ext && first < r.top) r.top = first;
    const ref = rangeToA1(r);
    return ref === old ? undefined : `<${this.el('dimension')} ref="${ref}"/>`;
  }

  /** The part's new text, or undefined when nothing changed. */
  toXml(ctx: SaveContext): string | undefined {
    const edits = new Map<string, string>(this.replaced);
    if (this.rowsChanged || ctx.formulasMove) {
      const dim = this.dimensionXml(ctx);
      if (dim) edits.set('dimension', dim);
    }
    if (this.colsChanged) edits.set('cols', this.colsXml());
    if (this.mergesChanged) edits.set('mergeCells', this.mergesXml());
    const s = new Splice(this.xml);
    for (const sec of this.sections) {
      if (edits.has(sec.local)) continue;
      if (sec.local === 'sheetData') {
        if (this.rowsChanged || ctx.formulasMove) s.replace(sec.start, sec.end, this.sheetDataXml(ctx));
        continue;
      }
      const text = this.xml.slice(sec.start, sec.end);
      const moved = ctx.moveSection(sec.local, text, this.name);
      if (moved !== text) s.replace(sec.start, sec.end, moved);
    }
    if (!this.sheetData && this.rowsChanged) edits.set('sheetData', this.sheetDataXml(ctx));
    for (const [local, xml] of edits) {
      const sec = this.section(local);
      if (sec) s.replace(sec.start, sec.end, xml);
      else if (xml) s.insert(this.insertionPoint(local), xml);
    }
    if (this.relsPrefix().declare && [...edits.values()].some((x) => x.includes(' r:id="'))) {
      s.replace(this.root.start, this.root.openEnd, startTag(this.root.name, { ...this.root.attrs, 'xmlns:r': RELS_NS }));
    }
    if (s.size === 0) return undefined;
    return s.toString();
  }

  /** Where a new section goes: before the first existing section that the schema puts after it. */
  private insertionPoint(local: string): number {
    const rank = ORDER.indexOf(local);
    for (const sec of this.sections) {
      const k = ORDER.indexOf(sec.local);
      if (k > rank) return sec.start;
    }
    return this.root.closeStart;
  }
}

/** Moves the range of an array or shared formula's master (`ref`) with the rows. */
function moveFormulaRef(c: CellRec, ctx: SaveContext, home: string): boolean {
  const f = c.f;
  if (!f || !f.attrs.ref) return false;
  const moved = ctx.moveRef(f.attrs.ref, home);
  if (moved === f.attrs.ref) return false;
  f.attrs = { ...f.attrs, ref: moved };
  c.inner = f.before + formulaXml(f) + f.after;
  c.raw = undefined;
  return true;
}
