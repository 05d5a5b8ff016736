/**
 * Notes of one worksheet: the comments part (text, authors) and the legacy VML drawing (one shape per
 * note). Notes the plan does not touch keep their XML and their shape as written; jixiao's text goes into
 * runs of its own after the user's (`\n\n` between), so it can be taken out again exactly and the user's
 * rich text stays. Notes move with their rows; new notes get a shape sized to their text.
 */
import { colToLetters, parseA1 } from '../../core/domain/a1';
import { CONTENT_TYPE, REL, type XlsxPackage } from './package';
import type { SheetModel } from './sheet';
import { Splice, XML_DECL, child, childrenOf, escapeText, localName, parseXml, startTag, type XNode } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const VML_NS = { v: 'urn:schemas-microsoft-com:vml', o: 'urn:schemas-microsoft-com:office:office', x: 'urn:schemas-microsoft-com:office:excel' };

interface Run {
  /** The run's properties as written ('' for none), or null for a bare <t> run. */
  rPr: string | null;
  text: string;
}

interface Note {
  row: number;
  col: number;
  author: string;
  /** Attributes of <comment> other than ref and authorId. */
  attrs: Record<string, string>;
  /** The comment's <text> as written, until the note changes. */
  raw: string | null;
  runs: Run[] | null;
  /** Index of its shape in the VML, for a note read from the file. */
  shape?: number;
  rowAtRead: number;
}

interface Shape {
  node: XNode;
  note: boolean;
  /** Cell of a note shape (0-based, as x:Row / x:Column hold it). */
  row0?: number;
  col0?: number;
  drop?: boolean;
}

const key = (row: number, col: number) => row * 16384 + col;

function runsOf(textXml: string): Run[] {
  const t = parseXml(textXml);
  const runs: Run[] = [];
  for (const c of t.children) {
    if (c.local === 't') runs.push({ rPr: null, text: c.text });
    else if (c.local === 'r') {
      const rPr = child(c, 'rPr');
      runs.push({ rPr: rPr ? textXml.slice(rPr.start, rPr.end) : '', text: child(c, 't')?.text ?? '' });
    }
  }
  return runs;
}

function runXml(r: Run, p: string): string {
  const space = /^\s|\s$|\n/.test(r.text) ? ' xml:space="preserve"' : '';
  const t = `<${p}t${space}>${escapeText(r.text)}</${p}t>`;
  return r.rPr === null ? t : `<${p}r>${r.rPr}${t}</${p}r>`;
}

/** A note box big enough for its text: columns and rows the shape spans. */
function noteBox(text: string): { cols: number; rows: number } {
  let lines = 0;
  for (const para of text.split('\n')) {
    let px = 0;
    for (const ch of para) px += ch.charCodeAt(0) > 0x2e7f ? 12 : 7;
    lines += Math.max(1, Math.ceil(px / 240));
  }
  const height = Math.min(400, Math.max(60, 16 * lines + 16));
  return { cols: 4, rows: Math.ceil(height / 20) };
}

export class SheetNotes {
  private readonly notes = new Map<number, Note>();
  private commentsPath?: string;
  private commentsXml?: string;
  private commentsRoot?: XNode;
  private vmlPath?: string;
  private vmlXml?: string;
  private vmlRoot?: XNode;
  private shapes: Shape[] = [];
  private changed = false;
  private moved = false;

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly sheet: SheetModel,
  ) {
    const rels = pkg.relsOf(sheet.path);
    const c = rels.byType(REL.comments)[0];
    if (c) {
      this.commentsPath = rels.partOf(c);
      if (pkg.has(this.commentsPath)) this.readComments(pkg.text(this.commentsPath));
      else this.commentsPath = undefined;
    }
    const ld = sheet.sectionNode('legacyDrawing');
    const rid = ld ? Object.entries(ld.attrs).find(([k]) => localName(k) === 'id')?.[1] : undefined;
    const v = rid ? rels.byId(rid) : undefined;
    if (v && pkg.has(rels.partOf(v))) {
      this.vmlPath = rels.partOf(v);
      this.readVml(pkg.text(this.vmlPath));
    }
  }

  private readComments(xml: string): void {
    const root = parseXml(xml);
    this.commentsXml = xml;
    this.commentsRoot = root;
    const authors = childrenOf(child(root, 'authors'), 'author').map((a) => a.text);
    for (const c of childrenOf(child(root, 'commentList'), 'comment')) {
      let p: { row: number; col: number };
      try {
        p = parseA1(c.attrs.ref ?? '');
      } catch {
        continue;
      }
      const attrs = { ...c.attrs };
      delete attrs.ref;
      delete attrs.authorId;
      const text = child(c, 'text');
      this.notes.set(key(p.row, p.col), { row: p.row, col: p.col, author: authors[Number(c.attrs.authorId ?? 0)] ?? '', attrs, raw: text ? xml.slice(text.start, text.end) : '', runs: null, rowAtRead: p.row });
    }
  }

  private readVml(xml: string): void {
    this.vmlXml = xml;
    const root = parseXml(xml);
    this.vmlRoot = root;
    for (const n of root.children) {
      if (n.local !== 'shape') {
        this.shapes.push({ node: n, note: false });
        continue;
      }
      const cd = child(n, 'ClientData');
      const note = cd?.attrs.ObjectType === 'Note';
      const row = child(cd, 'Row');
      const col = child(cd, 'Column');
      const s: Shape = { node: n, note };
      if (note && row && col) {
        s.row0 = Number(row.text.trim());
        s.col0 = Number(col.text.trim());
        const nt = this.notes.get(key(s.row0 + 1, s.col0 + 1));
        if (nt && nt.shape === undefined) nt.shape = this.shapes.length;
      }
      this.shapes.push(s);
    }
  }

  has(row: number, col: number): boolean {
    return this.notes.has(key(row, col));
  }

  text(row: number, col: number): string | null {
    const n = this.notes.get(key(row, col));
    if (!n) return null;
    return this.runs(n)
      .map((r) => r.text)
      .join('');
  }

  private runs(n: Note): Run[] {
    n.runs ??= n.raw ? runsOf(n.raw) : [];
    return n.runs;
  }

  /** Adds jixiao's text to the cell's note (after the user's, a blank line between), or a new note. */
  append(row: number, col: number, body: string, author: string): void {
    const n = this.notes.get(key(row, col));
    this.changed = true;
    if (!n) {
      this.notes.set(key(row, col), { row, col, author, attrs: {}, raw: null, runs: [{ rPr: '', text: body }], rowAtRead: row });
      return;
    }
    const runs = this.runs(n);
    const had = runs.map((r) => r.text).join('');
    // A run of its own, with the properties of the last run (the look of the note's text).
    const last = runs[runs.length - 1];
    runs.push({ rPr: last ? (last.rPr ?? '') : '', text: `${had ? '\n\n' : ''}${body}` });
    n.raw = null;
  }

  /** Keeps the first `length` characters of the note (its runs cut there). */
  truncate(row: number, col: number, length: number): void {
    const n = this.notes.get(key(row, col));
    if (!n) return;
    const runs = this.runs(n);
    const out: Run[] = [];
    let left = length;
    for (const r of runs) {
      if (left <= 0) break;
      out.push(r.text.length <= left ? r : { ...r, text: r.text.slice(0, left) });
      left -= r.text.length;
    }
    n.runs = out;
    n.raw = null;
    this.changed = true;
  }

  /** Replaces the note's text (one run). */
  setText(row: number, col: number, text: string): void {
    const n = this.notes.get(key(row, col));
    if (!n) return;
    const first = this.runs(n)[0];
    n.runs = [{ rPr: first?.rPr ?? '', text }];
    n.raw = null;
    this.changed = true;
  }

  remove(row: number, col: number): void {
    const n = this.notes.get(key(row, col));
    if (!n) return;
    if (n.shape !== undefined) this.shapes[n.shape].drop = true;
    this.notes.delete(key(row, col));
    this.changed = true;
  }

  /** Notes at or below row `at` move down `count` rows. */
  shift(at: number, count: number): void {
    const list = [...this.notes.values()].filter((n) => n.row >= at);
    if (!list.length && !this.shapes.length) return;
    for (const n of list) this.notes.delete(key(n.row, n.col));
    for (const n of list) {
      n.row += count;
      this.notes.set(key(n.row, n.col), n);
    }
    this.moved = true;
  }

  // -----------------------------------------------------------------------------------------------
  // Save

  private commentsText(): string {
    const p = this.commentsRoot ? this.commentsRoot.name.slice(0, this.commentsRoot.name.length - 'comments'.length) : '';
    const list = [...this.notes.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const authors: string[] = [];
    const authorId = (a: string) => {
      let i = authors.indexOf(a);
      if (i < 0) i = authors.push(a) - 1;
      return i;
    };
    const body = list.map((n) => {
      const attrs = { ref: colToLetters(n.col) + n.row, authorId: String(authorId(n.author)), ...n.attrs };
      const text = n.raw ?? `<${p}text>${this.runs(n).map((r) => runXml(r, p)).join('')}</${p}text>`;
      return `${startTag(`${p}comment`, attrs)}${text}</${p}comment>`;
    });
    const authorsXml = `<${p}authors>${authors.map((a) => `<${p}author>${escapeText(a)}</${p}author>`).join('')}</${p}authors>`;
    const listXml = `<${p}commentList>${body.join('')}</${p}commentList>`;
    const root = this.commentsRoot;
    const xml = this.commentsXml;
    if (!root || !xml) return `${XML_DECL}<comments xmlns="${MAIN_NS}">${authorsXml}${listXml}</comments>`;
    const s = new Splice(xml);
    const a = child(root, 'authors');
    const l = child(root, 'commentList');
    if (a) s.replace(a.start, a.end, authorsXml);
    if (l) s.replace(l.start, l.end, listXml);
    if (!a || !l) s.replace(root.openEnd, root.openEnd, `${a ? '' : authorsXml}${l ? '' : listXml}`);
    return s.toString();
  }

  private prefixes(): { v: string; o: string; x: string } {
    const out = { v: 'v', o: 'o', x: 'x' };
    for (const [k, val] of Object.entries(this.vmlRoot?.attrs ?? {})) {
      if (!k.startsWith('xmlns:')) continue;
      if (val === VML_NS.v) out.v = k.slice(6);
      else if (val === VML_NS.o) out.o = k.slice(6);
      else if (val === VML_NS.x) out.x = k.slice(6);
    }
    return out;
  }

  private shapeXml(n: Note, id: number, z: number): string {
    const { v, o, x } = this.prefixes();
    const box = noteBox(this.text(n.row, n.col) ?? '');
    const r0 = n.row - 1;
    const c0 = n.col - 1;
    return (
      `<${v}:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:${box.cols * 48}pt;height:${box.rows * 15}pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" ${o}:insetmode="auto">` +
      `<${v}:fill color2="#ffffe1"/><${v}:shadow on="t" color="black" obscured="t"/><${v}:path ${o}:connecttype="none"/>` +
      `<${v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${v}:textbox>` +
      `<${x}:ClientData ObjectType="Note"><${x}:MoveWithCells/><${x}:SizeWithCells/>` +
      `<${x}:Anchor>${c0 + 1}, 15, ${r0}, 2, ${c0 + 1 + box.cols}, 15, ${r0 + box.rows}, 2</${x}:Anchor>` +
      `<${x}:AutoFill>False</${x}:AutoFill><${x}:Row>${r0}</${x}:Row><${x}:Column>${c0}</${x}:Column></${x}:ClientData></${v}:shape>`
    );
  }

  /** A shape as written, with its anchor rows moved and (for a note) its cell. */
  private movedShape(s: Shape, note: Note | undefined, moves: (r: number) => number): string {
    const xml = this.vmlXml as string;
    const base = s.node.start;
    const raw = xml.slice(base, s.node.end);
    const cd = child(s.node, 'ClientData');
    const anchor = child(cd, 'Anchor');
    const row = child(cd, 'Row');
    const sp = new Splice(raw);
    if (anchor && !anchor.children.length) {
      const parts = anchor.text.split(',').map((t) => t.trim());
      if (parts.length === 8) {
        const top = Number(parts[2]);
        const bottom = Number(parts[6]);
        const newTop = note ? note.row - 1 : moves(top + 1) - 1;
        const newBottom = note ? bottom + (newTop - top) : moves(bottom + 1) - 1;
        if (newTop !== top || newBottom !== bottom) {
          parts[2] = String(newTop);
          parts[6] = String(newBottom);
          sp.replace(anchor.openEnd - base, anchor.closeStart - base, parts.join(', '));
        }
      }
    }
    if (note && row && s.row0 !== note.row - 1) sp.replace(row.openEnd - base, row.closeStart - base, String(note.row - 1));
    return sp.toString();
  }

  /** Writes the comments and VML parts (and their relationships) when notes changed or moved. */
  save(moves: (r: number) => number): void {
    if (!this.changed && !this.moved) return;
    const pkg = this.pkg;
    const rels = pkg.relsOf(this.sheet.path);
    if (this.notes.size === 0) {
      if (this.commentsPath) {
        const rel = rels.items.find((r) => r.type === REL.comments && rels.partOf(r) === this.commentsPath);
        if (rel) rels.remove(rel.id);
        pkg.remove(this.commentsPath);
        this.commentsPath = undefined;
      }
    } else if (this.changed || this.moved) {
      if (!this.commentsPath) {
        this.commentsPath = pkg.freeName('xl/comments', '.xml');
        rels.add(REL.comments, this.commentsPath);
        pkg.contentTypes().setOverride(this.commentsPath, CONTENT_TYPE.comments);
      }
      pkg.setText(this.commentsPath, this.commentsText());
    }
    this.saveVml(moves);
  }

  private saveVml(moves: (r: number) => number): void {
    const pkg = this.pkg;
    const rels = pkg.relsOf(this.sheet.path);
    const byShape = new Map<number, Note>();
    for (const n of this.notes.values()) if (n.shape !== undefined) byShape.set(n.shape, n);
    const fresh = [...this.notes.values()].filter((n) => n.shape === undefined);
    let maxId = 0;
    let shapesLeft = fresh.length;
    const kept: string[] = [];
    this.shapes.forEach((s, i) => {
      const m = /_x0000_s(\d+)/.exec(s.node.attrs.id ?? s.node.attrs['o:spid'] ?? '');
      if (m) maxId = Math.max(maxId, Number(m[1]));
      if (s.drop) return;
      if (s.node.local === 'shape') shapesLeft++;
      kept.push(this.movedShape(s, byShape.get(i), moves));
    });
    if (shapesLeft === 0) {
      // No shape left: a drawing jixiao's notes needed goes (with its relationship and reference).
      if (this.vmlPath && this.shapes.some((s) => s.drop)) {
        const rel = rels.items.find((r) => r.type === REL.vmlDrawing && rels.partOf(r) === this.vmlPath);
        if (rel) rels.remove(rel.id);
        pkg.remove(this.vmlPath);
        this.sheet.setSection('legacyDrawing', '');
      }
      return;
    }
    if (!this.vmlPath) {
      const data = nextIdmap(pkg);
      maxId = data * 1024;
      this.vmlPath = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
      const id = rels.add(REL.vmlDrawing, this.vmlPath);
      pkg.contentTypes().ensureDefault('vml', CONTENT_TYPE.vml);
      const rp = this.sheet.relsPrefix().prefix;
      this.sheet.setSection('legacyDrawing', `<${this.sheet.el('legacyDrawing')} ${rp}:id="${id}"/>`);
      this.vmlXml = `<xml xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>${SHAPETYPE}</xml>`;
      this.vmlRoot = parseXml(this.vmlXml);
      kept.push(this.vmlXml.slice(this.vmlRoot.openEnd, this.vmlRoot.closeStart));
    } else if (fresh.length && !this.shapes.some((s) => s.node.local === 'shapetype' && s.node.attrs.id === '_x0000_t202')) {
      const { v, o } = this.prefixes();
      kept.unshift(SHAPETYPE.replace(/<v:/g, `<${v}:`).replace(/<\/v:/g, `</${v}:`).replace(/ o:/g, ` ${o}:`));
    }
    const root = this.vmlRoot as XNode;
    const xml = this.vmlXml as string;
    let z = kept.length;
    const added = fresh.map((n) => this.shapeXml(n, ++maxId, ++z));
    pkg.setText(this.vmlPath, xml.slice(0, root.openEnd) + kept.join('') + added.join('') + xml.slice(root.closeStart));
  }
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A shape-id block (o:idmap data) no VML part of the package uses. */
function nextIdmap(pkg: XlsxPackage): number {
  let max = 0;
  for (const p of pkg.parts()) {
    if (!p.toLowerCase().endsWith('.vml')) continue;
    try {
      const root = parseXml(pkg.text(p));
      for (const l of childrenOf(root, 'shapelayout')) {
        const data = child(l, 'idmap')?.attrs.data;
        for (const d of (data ?? '').split(',')) if (Number(d) > max) max = Number(d);
      }
    } catch {
      /* not XML: ignore */
    }
  }
  return max + 1;
}
