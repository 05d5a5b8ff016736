/**
 * Test helpers: unzip .xlsx packages and compare their XML parts semantically
 * (a writer may re-serialise what it rebuilds: attribute order, `true` for `1`, `<a></a>` for `<a/>`, numeric
 * character references, dropped ignorable attributes such as x14ac:dyDescent).
 */
import { unescapeXml } from '../../../src/hosts/xml-text';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

export type Parts = Record<string, Uint8Array>;

export function unzip(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  const out: Parts = {};
  for (const [k, v] of Object.entries(files)) if (!k.endsWith('/')) out[k] = v;
  return out;
}

export function text(parts: Parts, name: string): string {
  const p = parts[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** A canonical XML node. */
export interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
});


/** Attribute prefixes that are markup-compatibility ignorable decorations, not content. */
const IGNORED_ATTR = /^(xmlns(:.*)?|mc:Ignorable|x14ac:dyDescent|xr\d*:uid|xr:revisionId)$/;

function normAttr(v: string): string {
  const u = unescapeXml(v);
  if (u === 'true') return '1';
  if (u === 'false') return '0';
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(u)) return String(Number(u));
  return u;
}

/** Boolean font properties: `<b/>` means `<b val="1"/>`. */
const BOOL_PROPS = new Set(['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow']);
/** Attributes whose schema default makes them equivalent to their absence. */
const DEFAULTS: Record<string, Record<string, string>> = {
  sheetFormatPr: { outlineLevelRow: '0', outlineLevelCol: '0' },
};
/** Elements whose children may come in any order (CT_Font and CT_RPrElt are xsd:choice lists). */
const UNORDERED = new Set(['font', 'rPr']);

function normalise(n: Node): Node {
  if (BOOL_PROPS.has(n.tag) && n.attrs.val === undefined) n.attrs = { ...n.attrs, val: '1' };
  const d = DEFAULTS[n.tag];
  if (d) for (const [k, v] of Object.entries(d)) if (n.attrs[k] === v) delete n.attrs[k];
  if (UNORDERED.has(n.tag)) n.children.sort((a, b) => (canon(a) < canon(b) ? -1 : canon(a) > canon(b) ? 1 : 0));
  return n;
}

function convert(raw: Record<string, unknown>): Node | undefined {
  const tag = Object.keys(raw).find((k) => k !== ':@');
  if (!tag || tag.startsWith('?')) return undefined;
  if (tag === '#text') return { tag: '#text', attrs: {}, children: [], text: unescapeXml(String(raw['#text'])) };
  const attrs: Record<string, string> = {};
  const a = (raw[':@'] ?? {}) as Record<string, string>;
  for (const k of Object.keys(a).sort()) if (!IGNORED_ATTR.test(k)) attrs[k] = normAttr(String(a[k]));
  const children: Node[] = [];
  let txt = '';
  for (const c of (raw[tag] as Array<Record<string, unknown>>) ?? []) {
    const n = convert(c);
    if (!n) continue;
    if (n.tag === '#text') txt += n.text;
    else children.push(n);
  }
  // Whitespace between elements is not content.
  if (children.length && !txt.trim()) txt = '';
  return normalise({ tag, attrs, children, text: txt });
}

export function parseXml(xml: string): Node {
  const raw = parser.parse(xml) as Array<Record<string, unknown>>;
  for (const r of raw) {
    const n = convert(r);
    if (n) return n;
  }
  throw new Error('no root element');
}

/** Canonical string of a node (attributes sorted, booleans and numbers normalised). */
export function canon(n: Node): string {
  const a = Object.entries(n.attrs)
    .map(([k, v]) => ` ${k}=${JSON.stringify(v)}`)
    .join('');
  return `<${n.tag}${a}>${n.text ? JSON.stringify(n.text) : ''}${n.children.map(canon).join('')}</${n.tag}>`;
}

export function child(n: Node, tag: string): Node | undefined {
  return n.children.find((c) => c.tag === tag);
}

export function children(n: Node | undefined, tag: string): Node[] {
  return n ? n.children.filter((c) => c.tag === tag) : [];
}

export interface CellInfo {
  s: string;
  t: string;
  v: string | undefined;
  f: string | undefined;
  /** The value with shared strings resolved. */
  value: string | undefined;
}

export function sharedStrings(parts: Parts): string[] {
  if (!parts['xl/sharedStrings.xml']) return [];
  const sst = parseXml(text(parts, 'xl/sharedStrings.xml'));
  return children(sst, 'si').map(siText);
}

function siText(si: Node): string {
  let s = '';
  const t = child(si, 't');
  if (t) s += t.text;
  for (const r of children(si, 'r')) s += child(r, 't')?.text ?? '';
  return s;
}

/** Cells of a worksheet: A1 -> style, type, raw value, formula, resolved value. Empty unstyled cells are left out. */
export function cells(sheet: Node, sst: string[]): Map<string, CellInfo> {
  const out = new Map<string, CellInfo>();
  for (const row of children(child(sheet, 'sheetData'), 'row')) {
    for (const c of children(row, 'c')) {
      const s = c.attrs.s ?? '0';
      const t = c.attrs.t ?? 'n';
      const v = child(c, 'v')?.text;
      const fNode = child(c, 'f');
      const f = fNode ? fNode.text || canon(fNode) : undefined;
      let value = v;
      if (t === 's' && v !== undefined) value = sst[Number(v)];
      if (t === 'inlineStr') value = siText(child(c, 'is') ?? { tag: 'is', attrs: {}, children: [], text: '' });
      if (s === '0' && v === undefined && f === undefined && value === undefined) continue;
      out.set(c.attrs.r, { s, t, v, f, value });
    }
  }
  return out;
}

/** The cellXfs entries of styles.xml, canonical, with fillId / applyFill optionally left out. */
export function cellXfs(styles: Node, withoutFill = false): string[] {
  return children(child(styles, 'cellXfs'), 'xf').map((xf) => {
    if (!withoutFill) return canon(xf);
    const attrs = { ...xf.attrs };
    delete attrs.fillId;
    delete attrs.applyFill;
    return canon({ ...xf, attrs });
  });
}
