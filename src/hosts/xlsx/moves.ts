/**
 * Row insertions and what they move. Each insertion is recorded in order; a formula or a range written
 * after k insertions (its epoch) moves by the insertions after it. Inserting rows moves each end of a
 * reference independently: an end at or below the insertion point moves down, one above it stays (so a
 * range that spans the insertion point grows, as Excel and the planner's shiftForInsert have it), which
 * lets all the insertions of a plan be applied to a reference at once, at the end.
 */
import { mapRefs, scanRefs, type RefPart } from '../../core/edit/formula';
import { escapeText, parseXml, Splice, startTag, type XNode } from './xml';

export interface RowInsert {
  /** Sheet name, lower case. */
  sheet: string;
  at: number;
  count: number;
}

/** Attributes holding ranges of the sheet they are on. */
const RANGE_ATTRS = new Set(['sqref', 'ref', 'activeCell', 'topLeftCell']);
/** Elements whose text is a formula. */
const FORMULA_TEXT = new Set(['formula', 'formula1', 'formula2', 'f']);

export class RowMoves {
  readonly list: RowInsert[] = [];
  private readonly sheets = new Set<string>();
  /** Sheet names as they may appear in XML text (lower case), for a quick "may refer to it" test. */
  private needles: string[] = [];

  get epoch(): number {
    return this.list.length;
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  add(sheet: string, at: number, count: number): void {
    const k = sheet.toLowerCase();
    this.list.push({ sheet: k, at, count });
    if (!this.sheets.has(k)) {
      this.sheets.add(k);
      const quoted = k.replace(/'/g, "''");
      this.needles.push(k, quoted, escapeText(k).toLowerCase(), escapeText(quoted).toLowerCase().replace(/'/g, '&apos;'));
    }
  }

  moved(sheet: string): boolean {
    return this.sheets.has(sheet.toLowerCase());
  }

  /** Whether text may name a sheet whose rows moved (a cheap test before parsing it). */
  mayName(text: string): boolean {
    const t = text.toLowerCase();
    return this.needles.some((n) => t.includes(n));
  }

  /** Row `r` of `sheet` after the insertions made since `epoch`. */
  row(sheet: string, r: number, epoch = 0): number {
    const k = sheet.toLowerCase();
    let x = r;
    for (let i = epoch; i < this.list.length; i++) {
      const m = this.list[i];
      if (m.sheet === k && x >= m.at) x += m.count;
    }
    return x;
  }

  /** A formula (on sheet `home`) after the insertions made since `epoch`. */
  formula(text: string, epoch: number, home: string | null): string {
    if (epoch >= this.list.length) return text;
    const homeKey = home?.toLowerCase() ?? null;
    const part = (sheet: string, p: RefPart): RefPart => (p.row > 0 ? { ...p, row: this.row(sheet, p.row, epoch) } : p);
    let changed = false;
    const out = mapRefs(text, (r) => {
      const sheet = r.sheet?.toLowerCase() ?? homeKey;
      if (!sheet || !this.sheets.has(sheet) || r.a.row === 0) return null;
      const a = part(sheet, r.a);
      const b = r.b ? part(sheet, r.b) : null;
      if (a.row === r.a.row && (!b || b.row === r.b?.row)) return null;
      changed = true;
      return { prefix: r.prefix, a, b };
    });
    return changed ? out : text;
  }

  /** A list of ranges (`A1:B2 C3`, `$A$1`, `3:5`) on sheet `home`, moved. */
  ref(ref: string, home: string, epoch = 0): string {
    if (!this.moved(home) || epoch >= this.list.length) return ref;
    return ref.replace(/(\$?)([A-Za-z]{0,3})(\$?)(\d+)/g, (m, d1: string, col: string, d2: string, row: string, off: number, all: string) => {
      // Only whole cell or row parts (not digits inside a longer word).
      const before = off > 0 ? all[off - 1] : ' ';
      if (!/[\s:,!]/.test(before)) return m;
      return `${d1}${col}${d2}${this.row(home, Number(row), epoch)}`;
    });
  }

  /** Whether a formula (on `home`) refers to a sheet whose rows moved. */
  refersToMoved(text: string, home: string): boolean {
    return scanRefs(text).some((r) => this.sheets.has((r.sheet ?? home).toLowerCase()) && r.a.row !== 0);
  }

  /**
   * A worksheet section (or any XML) with its references moved: range attributes (sqref, ref, activeCell,
   * topLeftCell) of sheet `home`, formula texts (formula, formula1/2, xm:f) and xm:sqref of any sheet.
   */
  section(xml: string, home: string): string {
    if (!this.any) return xml;
    const own = this.moved(home);
    if (!own && !this.mayName(xml)) return xml;
    const root = parseXml(xml);
    const s = new Splice(xml);
    const visit = (n: XNode) => {
      let attrs: Record<string, string> | null = null;
      for (const k of Object.keys(n.attrs)) {
        if (!RANGE_ATTRS.has(k) && !(k === 'id' && n.local === 'brk')) continue;
        const v = n.attrs[k];
        const moved = this.ref(v, home);
        if (moved !== v) (attrs ??= { ...n.attrs })[k] = moved;
      }
      if (n.local === 'hyperlink' && n.attrs.location) {
        const v = n.attrs.location;
        const moved = this.formula(v, 0, home);
        if (moved !== v) (attrs ??= { ...n.attrs }).location = moved;
      }
      if (attrs) s.replace(n.start, n.openEnd, startTag(n.name, attrs, n.selfClosing));
      if (n.children.length === 0 && !n.selfClosing && n.text) {
        const local = n.local;
        let t = n.text;
        if (FORMULA_TEXT.has(local)) t = this.formula(n.text, 0, home);
        else if (local === 'sqref') t = this.ref(n.text, home);
        if (t !== n.text) s.replace(n.openEnd, n.closeStart, escapeText(t));
      }
      for (const c of n.children) visit(c);
    };
    visit(root);
    return s.toString();
  }
}
