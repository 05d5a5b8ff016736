/**
 * styles.xml: the cell formats (cellXfs) and the fills and fonts they point at. A mark never recolours a
 * format other cells share: it gets a format of its own, a verbatim copy of the cell's format with only
 * its fill (and applyFill) changed, so theme colours, font schemes, borders, the cell style it is based
 * on and quotePrefix all stay. New formats, fills and fonts are appended; existing ones keep their index.
 */
import type { FillState } from '../../core/plan/ledger';
import { colourOf, fillState, fillXml, solidFillXml, themeColours } from './colours';
import type { XlsxPackage } from './package';
import { Splice, child, childrenOf, parseXml, prefixOf, startTag, withAttrs, type XNode } from './xml';

const THEME_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

interface List {
  node: XNode | undefined;
  items: XNode[];
  /** Items appended by this run (XML). */
  added: string[];
}

export interface PlainStyle {
  bold?: boolean;
  /** RRGGBB */
  fill?: string;
  link?: boolean;
}

export class Styles {
  private readonly xml: string;
  private readonly root: XNode;
  private readonly prefix: string;
  private readonly xfs: List;
  private readonly fills: List;
  private readonly fonts: List;
  private theme?: string[];
  /** Formats by their XML (existing and added), to reuse an equal one. */
  private readonly xfIndex = new Map<string, number>();
  private readonly fillIndex = new Map<string, number>();
  private readonly marks = new Map<string, number>();
  private readonly plain = new Map<string, number>();
  /** A mark format made by this run → the format it was copied from. */
  readonly unmarked = new Map<number, number>();
  readonly path: string;

  constructor(private readonly pkg: XlsxPackage) {
    const wb = pkg.workbookPath();
    const rel = pkg.relsOf(wb).byType(STYLES_REL)[0];
    this.path = rel ? pkg.relsOf(wb).partOf(rel) : 'xl/styles.xml';
    if (!pkg.has(this.path)) throw new Error('the workbook has no styles part / 工作簿缺少样式部件');
    this.xml = pkg.text(this.path);
    this.root = parseXml(this.xml);
    this.prefix = prefixOf(this.root.name);
    const list = (name: string, item: string): List => {
      const node = child(this.root, name);
      return { node, items: childrenOf(node, item), added: [] };
    };
    this.xfs = list('cellXfs', 'xf');
    this.fills = list('fills', 'fill');
    this.fonts = list('fonts', 'font');
    if (!this.xfs.node || !this.fills.node || !this.fonts.node) throw new Error('styles.xml lacks cellXfs, fills or fonts / 样式部件不完整');
  }

  get count(): number {
    return this.xfs.items.length + this.xfs.added.length;
  }

  private xfXml(i: number): string {
    const n = this.xfs.items[i];
    if (n) return this.xml.slice(n.start, n.end);
    return this.xfs.added[i - this.xfs.items.length] ?? this.xfXml(0);
  }

  private xfNode(i: number): XNode {
    const n = this.xfs.items[i];
    if (n) return n;
    const xml = this.xfs.added[i - this.xfs.items.length];
    if (xml === undefined) return this.xfs.items[0];
    return parseXml(xml);
  }

  private xfAttrs(i: number): Record<string, string> {
    return this.xfNode(i).attrs;
  }

  private fillNode(id: number): XNode | undefined {
    const n = this.fills.items[id];
    if (n) return n;
    const xml = this.fills.added[id - this.fills.items.length];
    return xml === undefined ? undefined : parseXml(xml);
  }

  private themeList(): string[] {
    if (!this.theme) {
      const wb = this.pkg.workbookPath();
      const rels = this.pkg.relsOf(wb);
      const rel = rels.byType(THEME_REL)[0];
      const path = rel ? rels.partOf(rel) : undefined;
      this.theme = themeColours(path && this.pkg.has(path) ? parseXml(this.pkg.text(path)) : undefined);
    }
    return this.theme;
  }

  private add(list: List, xml: string, index: Map<string, number>): number {
    const hit = index.get(xml);
    if (hit !== undefined) return hit;
    if (index.size === 0) list.items.forEach((n, i) => index.set(this.xml.slice(n.start, n.end), i));
    const again = index.get(xml);
    if (again !== undefined) return again;
    const id = list.items.length + list.added.length;
    list.added.push(xml);
    index.set(xml, id);
    return id;
  }

  private addXf(xml: string): number {
    return this.add(this.xfs, xml, this.xfIndex);
  }

  private addFill(xml: string): number {
    return this.add(this.fills, xml, this.fillIndex);
  }

  /** A copy of format `base` with fill `fillId` (the rest verbatim). */
  private withFill(base: number, fillId: number): number {
    const n = this.xfNode(base);
    const xml = this.xfs.items[base] ? this.xml : (this.xfs.added[base - this.xfs.items.length] ?? this.xml);
    return this.addXf(withAttrs(xml, n, { ...n.attrs, fillId: String(fillId), applyFill: '1' }));
  }

  /** The format of a cell marked with a solid fill of `colour` (RRGGBB), made from the cell's format. */
  markXf(base: number, colour: string): number {
    const from = this.unmarked.get(base) ?? base;
    const key = `${from}:${colour}`;
    let id = this.marks.get(key);
    if (id === undefined) {
      id = this.withFill(from, this.addFill(solidFillXml(colour, this.prefix)));
      this.marks.set(key, id);
      if (id !== from) this.unmarked.set(id, from);
    }
    return id;
  }

  /** Whether format `xf` shows a solid fill of `colour` ('#RRGGBB' or 'RRGGBB'). */
  showsMark(xf: number, colour: string): boolean {
    const f = this.fillStateOf(xf);
    return f.pattern === 'Solid' && f.color.replace('#', '').toUpperCase() === colour.replace('#', '').toUpperCase();
  }

  /** Whether two formats are equal but for their fill. */
  sameButFill(a: number, b: number): boolean {
    if (a === b) return true;
    if (a >= this.count || b >= this.count) return false;
    const strip = (i: number) => {
      const n = this.xfNode(i);
      const attrs: Record<string, string> = { ...n.attrs };
      delete attrs.fillId;
      delete attrs.applyFill;
      const xml = this.xfs.items[i] ? this.xml : (this.xfs.added[i - this.xfs.items.length] as string);
      const keys = Object.keys(attrs).sort();
      return keys.map((k) => `${k}=${attrs[k]}`).join(' ') + xml.slice(n.openEnd, n.closeStart).trim();
    };
    return strip(a) === strip(b);
  }

  /** Format `base` with a recorded fill state (a cell the add-in marked, restored here). */
  xfWithFillState(base: number, f: FillState): number {
    if (f.pattern === 'None') {
      const first = this.fillNode(0);
      if (first && fillState(first, this.themeList()).pattern === 'None') return this.withFill(base, 0);
    }
    return this.withFill(base, this.addFill(fillXml(f, this.prefix)));
  }

  fillStateOf(xf: number): FillState {
    const a = this.xfAttrs(xf);
    return fillState(this.fillNode(Number(a.fillId ?? 0)), this.themeList());
  }

  fontStateOf(xf: number): { color: string; bold: boolean } {
    const a = this.xfAttrs(xf);
    const font = this.fonts.items[Number(a.fontId ?? 0)] ?? this.fonts.items[0];
    const b = child(font, 'b');
    return { color: colourOf(child(font, 'color'), this.themeList(), '#000000') as string, bold: !!b && b.attrs.val !== '0' && b.attrs.val !== 'false' };
  }

  /** A format for a cell of a sheet jixiao writes (检查结果): bold, a fill, a link's look; top-aligned and wrapped. */
  plainXf(s: PlainStyle): number {
    const key = `${s.bold ? 1 : 0}|${s.fill ?? ''}|${s.link ? 1 : 0}`;
    if (key === '0||0') return 0;
    let id = this.plain.get(key);
    if (id !== undefined) return id;
    const p = this.prefix;
    let fontId = 0;
    if (s.bold || s.link) {
      const base = this.fonts.items[0];
      const keep = base ? base.children.filter((c) => !['b', 'u', 'color'].includes(c.local)).map((c) => this.xml.slice(c.start, c.end)) : [];
      const extra = [s.bold ? `<${p}b/>` : '', s.link ? `<${p}u/>` : '', s.link ? `<${p}color rgb="FF0563C1"/>` : ''];
      fontId = this.add(this.fonts, `<${p}font>${extra.join('')}${keep.join('')}</${p}font>`, new Map());
    }
    const fillId = s.fill ? this.addFill(solidFillXml(s.fill, p)) : 0;
    const attrs: Record<string, string | undefined> = { numFmtId: '0', fontId: String(fontId), fillId: String(fillId), borderId: '0', xfId: '0' };
    if (fontId) attrs.applyFont = '1';
    if (fillId) attrs.applyFill = '1';
    attrs.applyAlignment = '1';
    id = this.addXf(`${startTag(`${p}xf`, attrs)}<${p}alignment vertical="top" wrapText="1"/></${p}xf>`);
    this.plain.set(key, id);
    return id;
  }

  get dirty(): boolean {
    return this.xfs.added.length + this.fills.added.length + this.fonts.added.length > 0;
  }

  /** Writes styles.xml when formats were added. */
  save(): void {
    if (!this.dirty) return;
    const s = new Splice(this.xml);
    for (const list of [this.fonts, this.fills, this.xfs]) {
      const n = list.node as XNode;
      if (!list.added.length) continue;
      const count = String(list.items.length + list.added.length);
      const attrs = { ...n.attrs, count };
      if (n.selfClosing) s.replace(n.start, n.end, `${startTag(n.name, attrs)}${list.added.join('')}</${n.name}>`);
      else {
        s.replace(n.start, n.openEnd, startTag(n.name, attrs));
        s.insert(n.closeStart, list.added.join(''));
      }
    }
    this.pkg.setText(this.path, s.toString());
  }
}
