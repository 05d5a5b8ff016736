/**
 * The package (OPC) level of an .xlsx: its parts, their relationships and content types. Parts are
 * inflated and decoded when first read; on save, parts that were not written keep their compressed bytes.
 */
import { decodeUtf8, encodeUtf8, inflateEntry, readZip, writeZip, type OutEntry, type ZipEntry } from './zip';
import { XML_DECL, childrenOf, escapeAttr, parseXml, startTag } from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
  customXmlProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
};

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  xml: 'application/xml',
};

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Directory of a part path ('xl/worksheets/sheet1.xml' → 'xl/worksheets'). */
export function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** The relationships part of a part ('xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'; '' → '_rels/.rels'). */
export function relsPathOf(part: string): string {
  const dir = dirOf(part);
  const name = part.slice(dir ? dir.length + 1 : 0);
  return `${dir ? dir + '/' : ''}_rels/${name}.rels`;
}

/** The part a relationship target points at, from the part that holds the relationship. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = dirOf(source).split('/').filter(Boolean);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** A relative target from `source`'s directory to `part`. */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The element as written (kept verbatim), or undefined for a new relationship. */
  raw?: string;
}

/** The relationships of one part. */
export class Rels {
  readonly items: Rel[] = [];
  dirty = false;
  private head = `${XML_DECL}<Relationships xmlns="${RELS_NS}">`;
  private tail = '</Relationships>';

  constructor(
    readonly path: string,
    /** The part these relationships belong to. */
    readonly source: string,
    xml?: string,
  ) {
    if (!xml) return;
    const root = parseXml(xml);
    const kids = childrenOf(root, 'Relationship');
    this.head = xml.slice(0, root.openEnd);
    this.tail = xml.slice(root.closeStart);
    if (root.selfClosing) {
      this.head = xml.slice(0, root.start) + startTag(root.name, root.attrs);
      this.tail = `</${root.name}>` + xml.slice(root.end);
    }
    for (const k of kids) {
      this.items.push({ id: k.attrs.Id ?? '', type: k.attrs.Type ?? '', target: k.attrs.Target ?? '', external: k.attrs.TargetMode === 'External', raw: xml.slice(k.start, k.end) });
    }
  }

  byType(type: string): Rel[] {
    return this.items.filter((r) => r.type === type);
  }

  byId(id: string): Rel | undefined {
    return this.items.find((r) => r.id === id);
  }

  /** The part a relationship points at. */
  partOf(r: Rel): string {
    return resolveTarget(this.source, r.target);
  }

  add(type: string, part: string): string {
    const used = new Set(this.items.map((r) => r.id));
    let n = this.items.length + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.items.push({ id, type, target: relativeTarget(this.source, part), external: false });
    this.dirty = true;
    return id;
  }

  remove(id: string): void {
    const i = this.items.findIndex((r) => r.id === id);
    if (i >= 0) {
      this.items.splice(i, 1);
      this.dirty = true;
    }
  }

  toXml(): string {
    const body = this.items.map((r) => r.raw ?? `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`);
    return this.head + body.join('') + this.tail;
  }
}

/** [Content_Types].xml: defaults by extension and overrides by part. */
export class ContentTypes {
  private readonly overrides = new Map<string, { type: string; raw?: string }>();
  private readonly defaults = new Map<string, { type: string; raw?: string }>();
  private readonly head: string;
  private readonly tail: string;
  dirty = false;

  constructor(xml: string) {
    const root = parseXml(xml);
    this.head = xml.slice(0, root.openEnd);
    this.tail = xml.slice(root.closeStart);
    for (const k of root.children) {
      const raw = xml.slice(k.start, k.end);
      if (k.local === 'Default') this.defaults.set((k.attrs.Extension ?? '').toLowerCase(), { type: k.attrs.ContentType ?? '', raw });
      else if (k.local === 'Override') this.overrides.set((k.attrs.PartName ?? '').replace(/^\//, ''), { type: k.attrs.ContentType ?? '', raw });
    }
  }

  typeOf(part: string): string | undefined {
    return this.overrides.get(part)?.type ?? this.defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase())?.type;
  }

  setOverride(part: string, type: string): void {
    if (this.overrides.get(part)?.type === type) return;
    this.overrides.set(part, { type });
    this.dirty = true;
  }

  ensureDefault(ext: string, type: string): void {
    if (this.defaults.has(ext.toLowerCase())) return;
    this.defaults.set(ext.toLowerCase(), { type });
    this.dirty = true;
  }

  removeOverride(part: string): void {
    if (this.overrides.delete(part)) this.dirty = true;
  }

  toXml(): string {
    const d = [...this.defaults].map(([ext, v]) => v.raw ?? `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(v.type)}"/>`);
    const o = [...this.overrides].map(([part, v]) => v.raw ?? `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(v.type)}"/>`);
    return this.head + d.join('') + o.join('') + this.tail;
  }
}

/** An .xlsx package opened for editing. */
export class XlsxPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Names in the input's order, then the added parts. */
  private readonly order: string[] = [];
  private readonly texts = new Map<string, string>();
  private readonly written = new Map<string, string>();
  private readonly rels = new Map<string, Rels>();
  private types?: ContentTypes;

  constructor(bytes: Uint8Array) {
    for (const e of readZip(bytes)) {
      if (this.entries.has(e.name)) continue;
      this.entries.set(e.name, e);
      this.order.push(e.name);
    }
    if (!this.entries.has('[Content_Types].xml')) throw new Error('not an .xlsx package: no [Content_Types].xml');
  }

  has(part: string): boolean {
    return this.written.has(part) || this.entries.has(part);
  }

  /** Every part name (directories left out). */
  parts(): string[] {
    return this.order.filter((n) => !n.endsWith('/') && this.has(n));
  }

  text(part: string): string {
    const w = this.written.get(part);
    if (w !== undefined) return w;
    let t = this.texts.get(part);
    if (t === undefined) {
      const e = this.entries.get(part);
      if (!e) throw new Error(`no part ${part}`);
      t = decodeUtf8(inflateEntry(e));
      this.texts.set(part, t);
    }
    return t;
  }

  /** Writes a part (new or replaced). */
  setText(part: string, xml: string): void {
    if (!this.order.includes(part)) this.order.push(part);
    this.written.set(part, xml);
    this.texts.delete(part);
  }

  remove(part: string): void {
    this.written.delete(part);
    this.texts.delete(part);
    this.entries.delete(part);
    this.rels.delete(part);
    this.contentTypes().removeOverride(part);
    const relsPath = relsPathOf(part);
    if (this.has(relsPath)) this.remove(relsPath);
    this.rels.delete(relsPath);
  }

  contentTypes(): ContentTypes {
    this.types ??= new ContentTypes(this.text('[Content_Types].xml'));
    return this.types;
  }

  /** The relationships of a part ('' for the package's own); empty when it has none. */
  relsOf(part: string): Rels {
    const path = relsPathOf(part);
    let r = this.rels.get(path);
    if (!r) {
      r = new Rels(path, part, this.has(path) ? this.text(path) : undefined);
      this.rels.set(path, r);
    }
    return r;
  }

  /** The workbook part ('xl/workbook.xml' unless the package says otherwise). */
  workbookPath(): string {
    const main = this.relsOf('').byType(REL.officeDocument)[0];
    return main ? resolveTarget('', main.target) : 'xl/workbook.xml';
  }

  /** A free part name `${prefix}${n}${suffix}` (n from 1). */
  freeName(prefix: string, suffix: string): string {
    const taken = new Set(this.parts().map((p) => p.toLowerCase()));
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  }

  /** The package's bytes: written parts compressed, the others copied as they were. */
  save(): Uint8Array {
    for (const r of this.rels.values()) {
      if (!r.dirty) continue;
      if (r.items.length === 0) {
        if (this.has(r.path)) {
          this.written.delete(r.path);
          this.entries.delete(r.path);
        }
      } else this.setText(r.path, r.toXml());
      r.dirty = false;
    }
    if (this.types?.dirty) this.setText('[Content_Types].xml', this.types.toXml());
    const out: OutEntry[] = [];
    for (const name of this.order) {
      const w = this.written.get(name);
      if (w !== undefined) out.push({ name, data: encodeUtf8(w) });
      else {
        const e = this.entries.get(name);
        if (e) out.push({ name, entry: e });
      }
    }
    return writeZip(out);
  }
}
