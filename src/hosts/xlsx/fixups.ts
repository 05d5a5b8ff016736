/**
 * A last pass over the package that excelize wrote, for what excelize cannot do itself:
 *
 * - formula cached values: excelize's SetCellFormula marks the cell t="str" and keeps whatever <v>
 *   the cell had (a shared-string index becomes a bogus text, a number becomes text), so we rewrite
 *   the <c> element of every formula we set with the right type and the computed value;
 * - mark styles: excelize's GetStyle/NewStyle round trip loses what its Style model cannot express
 *   (font scheme and outline, theme colours of borders, the cell style a format is based on
 *   (xfId), quotePrefix, ...), so every cell format created for a mark is replaced by a verbatim
 *   copy of the format it was cloned from, with only the fill changed;
 * - notes: excelize's DeleteComment leaves the VML shape of a note that another program wrote, and
 *   when it re-serialises such a VML part it writes the office namespace as `xmlns:_=...` /
 *   `_:insetmode`; we drop shapes of notes that no longer exist (or that were superseded by a newer
 *   shape for the same cell) and restore the `o:` prefix.
 */
import { unescapeXml } from '../xml-text';
import { unzipSync, zipSync, strFromU8, strToU8, type Unzipped } from 'fflate';
import { colToLetters, parseA1 } from '../../core/domain/a1';
import type { PlanValue } from '../../core/plan/ops';

export interface FormulaFix {
  sheet: string;
  row: number;
  col: number;
  value: PlanValue;
}

export interface StylePatch {
  /** The cell format (cellXfs index) excelize created for the mark. */
  newId: number;
  /** The cell format it was cloned from. */
  oldId: number;
}

export interface Fixups {
  formulas: FormulaFix[];
  styles: StylePatch[];
  /** Sheets whose notes were changed through excelize. */
  noteSheets: Set<string>;
}

export function emptyFixups(): Fixups {
  return { formulas: [], styles: [], noteSheets: new Set() };
}

export function hasFixups(f: Fixups): boolean {
  return f.formulas.length > 0 || f.styles.length > 0 || f.noteSheets.size > 0;
}

// ---------------------------------------------------------------------------------------------
// Small XML helpers (excelize writes predictable XML; parts it did not touch keep their own form)

const ATTR_RE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(tag))) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}


export function escapeXml(s: string): string {
  // Characters XML 1.0 forbids are dropped.
  // eslint-disable-next-line no-control-regex
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Sets (or adds) an attribute in the start tag at the beginning of `element`. */
function setAttr(element: string, name: string, value: string): string {
  const end = startTagEnd(element);
  const tag = element.slice(0, end);
  const rest = element.slice(end);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`) + rest;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escapeXml(value)}"${tag.slice(close)}${rest}`;
}

function removeAttr(element: string, name: string): string {
  const end = startTagEnd(element);
  const re = new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  return element.slice(0, end).replace(re, '') + element.slice(end);
}

/** Index just past the '>' that ends the start tag at the beginning of `element`. */
function startTagEnd(element: string): number {
  let q: string | null = null;
  for (let i = 0; i < element.length; i++) {
    const ch = element[i];
    if (q) {
      if (ch === q) q = null;
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === '>') return i + 1;
  }
  return element.length;
}

function posixJoin(base: string, rel: string): string {
  if (rel.startsWith('/')) return rel.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const p of rel.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function relsPathOf(part: string): string {
  const dir = dirOf(part);
  const name = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? dir + '/' : ''}_rels/${name}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const re = /<(?:\w+:)?Relationship\b[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const a = attrs(m[0]);
    out.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
  }
  return out;
}

/** Sheet name -> worksheet part path (e.g. 'xl/worksheets/sheet1.xml'). */
export function sheetParts(files: Unzipped): Map<string, string> {
  const map = new Map<string, string>();
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!wb || !rels) return map;
  const byId = new Map(parseRels(strFromU8(rels)).map((r) => [r.id, r]));
  const re = /<(?:\w+:)?sheet\b[^>]*>/g;
  const xml = strFromU8(wb);
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const a = attrs(m[0]);
    const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = rid ? byId.get(rid) : undefined;
    if (a.name !== undefined && rel) map.set(a.name, posixJoin('xl', rel.target));
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Formula cached values

function serialiseValue(value: PlanValue): { t?: string; v?: string } {
  if (value === null || value === undefined) return {};
  if (typeof value === 'number') return Number.isFinite(value) ? { v: String(value) } : {};
  if (typeof value === 'boolean') return { t: 'b', v: value ? '1' : '0' };
  return { t: 'str', v: escapeXml(String(value)) };
}

/** Rewrites a formula cell so that its cached value is `value` with the matching type. */
export function setCachedValue(cell: string, value: PlanValue): string {
  const end = startTagEnd(cell);
  let tag = cell.slice(0, end);
  if (!tag.endsWith('/>') && cell.indexOf('<f') < 0) return cell; // not a formula cell: leave it
  const fm = /<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/.exec(cell);
  if (!fm) return cell;
  tag = removeAttr(tag, 't');
  const { t, v } = serialiseValue(value);
  if (t) tag = setAttr(tag, 't', t);
  if (tag.endsWith('/>')) tag = tag.slice(0, -2) + '>';
  return `${tag}${fm[0]}${v !== undefined ? `<v>${v}</v>` : ''}</c>`;
}

/**
 * Writes the cached values in one pass over the sheet (cells found by address in document order), so
 * 10,000 formulas cost one scan of the sheet, not one scan and one copy each.
 */
function fixFormulas(xml: string, fixes: FormulaFix[]): string {
  const byRef = new Map<string, FormulaFix>();
  for (const fx of fixes) byRef.set(colToLetters(fx.col) + fx.row, fx); // the last fix of a cell wins
  const needle = '<c r="';
  const out: string[] = [];
  let last = 0;
  let i = xml.indexOf(needle);
  while (i >= 0 && byRef.size > 0) {
    const start = i + needle.length;
    const q = xml.indexOf('"', start);
    if (q < 0) break;
    const ref = xml.slice(start, q);
    const fx = byRef.get(ref);
    if (!fx) {
      i = xml.indexOf(needle, q);
      continue;
    }
    byRef.delete(ref);
    const tagEnd = startTagEnd(xml.slice(i, i + 4096)) + i;
    let end = tagEnd;
    if (xml.charCodeAt(tagEnd - 2) !== 47 /* / */) {
      const close = xml.indexOf('</c>', tagEnd);
      if (close < 0) break;
      end = close + 4;
    }
    out.push(xml.slice(last, i), setCachedValue(xml.slice(i, end), fx.value));
    last = end;
    i = xml.indexOf(needle, end);
  }
  if (last === 0) return xml;
  out.push(xml.slice(last));
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// Mark styles

const XF_RE = /<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g;

export function patchStyles(xml: string, patches: StylePatch[]): string {
  const open = /<cellXfs\b[^>]*>/.exec(xml);
  if (!open) return xml;
  const start = open.index + open[0].length;
  const end = xml.indexOf('</cellXfs>', start);
  if (end < 0) return xml;
  const xfs = xml.slice(start, end).match(XF_RE) ?? [];
  for (const p of patches) {
    const src = xfs[p.oldId];
    const made = xfs[p.newId];
    if (src === undefined || made === undefined) continue;
    const fillId = attrs(made.slice(0, startTagEnd(made))).fillId;
    if (fillId === undefined) continue;
    xfs[p.newId] = setAttr(setAttr(src, 'fillId', fillId), 'applyFill', '1');
  }
  return xml.slice(0, start) + xfs.join('') + xml.slice(end);
}

// ---------------------------------------------------------------------------------------------
// Notes (comments + legacy VML)

export function fixVml(vml: string, commentRefs: Set<string>): string {
  // Restore the office namespace prefix excelize renames to '_' when re-serialising foreign shapes.
  const office = 'urn:schemas-microsoft-com:office:office';
  const rootDeclaresO = new RegExp(`xmlns:o\\s*=\\s*["']${office.replace(/[.:]/g, '\\$&')}["']`).test(vml.slice(0, 2000));
  if (rootDeclaresO && vml.indexOf(`xmlns:_="${office}"`) >= 0) {
    vml = vml.split(` xmlns:_="${office}"`).join('').replace(/(\s)_:([A-Za-z][\w.-]*\s*=)/g, '$1o:$2');
  }
  // Keep one shape per note, and only for notes that exist.
  const shapeRe = /<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g;
  const shapes: Array<{ start: number; end: number; key?: string }> = [];
  let m: RegExpExecArray | null;
  while ((m = shapeRe.exec(vml))) {
    const s = m[0];
    let key: string | undefined;
    if (/ObjectType\s*=\s*["']Note["']/.test(s)) {
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(s);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(s);
      if (row && col) key = colToLetters(Number(col[1]) + 1) + (Number(row[1]) + 1);
    }
    shapes.push({ start: m.index, end: m.index + s.length, key });
  }
  const lastFor = new Map<string, number>();
  shapes.forEach((s, i) => {
    if (s.key) lastFor.set(s.key, i);
  });
  const drop = shapes.filter((s, i) => s.key !== undefined && (!commentRefs.has(s.key) || lastFor.get(s.key) !== i));
  if (drop.length === 0) return vml;
  let out = '';
  let pos = 0;
  for (const d of drop) {
    out += vml.slice(pos, d.start);
    pos = d.end;
  }
  return out + vml.slice(pos);
}

function commentRefsOf(xml: string): Set<string> {
  const refs = new Set<string>();
  const re = /<comment\b[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const ref = attrs(m[0]).ref;
    if (ref) {
      try {
        const p = parseA1(ref);
        refs.add(colToLetters(p.col) + p.row);
      } catch {
        /* ignore a malformed ref */
      }
    }
  }
  return refs;
}

function fixNotes(files: Unzipped, sheetPart: string): void {
  const relsPath = relsPathOf(sheetPart);
  const rels = files[relsPath];
  if (!rels) return;
  const list = parseRels(strFromU8(rels));
  const base = dirOf(sheetPart);
  const comments = list.find((r) => r.type.endsWith('/comments') && !r.external);
  const vmls = list.filter((r) => r.type.endsWith('/vmlDrawing') && !r.external);
  const refs = comments && files[posixJoin(base, comments.target)] ? commentRefsOf(strFromU8(files[posixJoin(base, comments.target)])) : new Set<string>();
  for (const v of vmls) {
    const p = posixJoin(base, v.target);
    const data = files[p];
    if (!data) continue;
    const xml = strFromU8(data);
    const fixed = fixVml(xml, refs);
    if (fixed !== xml) files[p] = strToU8(fixed);
  }
}

// ---------------------------------------------------------------------------------------------

/** Applies the fixups to the package bytes excelize wrote. */
export function applyFixups(bytes: Uint8Array, fx: Fixups): Uint8Array {
  if (!hasFixups(fx)) return bytes;
  const files = unzipSync(bytes);
  const parts = sheetParts(files);
  if (fx.formulas.length) {
    const bySheet = new Map<string, FormulaFix[]>();
    for (const f of fx.formulas) {
      const list = bySheet.get(f.sheet);
      if (list) list.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    for (const [sheet, list] of bySheet) {
      const part = parts.get(sheet);
      if (!part || !files[part]) continue;
      files[part] = strToU8(fixFormulas(strFromU8(files[part]), list));
    }
  }
  if (fx.styles.length && files['xl/styles.xml']) {
    files['xl/styles.xml'] = strToU8(patchStyles(strFromU8(files['xl/styles.xml']), fx.styles));
  }
  for (const sheet of fx.noteSheets) {
    const part = parts.get(sheet);
    if (part) fixNotes(files, part);
  }
  // Directory entries carry no data; keep files only, in their original order.
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) if (!name.endsWith('/')) out[name] = data;
  return zipSync(out, { level: 6 });
}

/** Reads the number of cell formats (cellXfs) of a package, without unpacking anything else. */
export function countCellXfs(bytes: Uint8Array): number {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'xl/styles.xml' });
    const data = files['xl/styles.xml'];
    if (!data) return 1;
    const xml = strFromU8(data);
    const open = /<cellXfs\b[^>]*>/.exec(xml);
    if (!open) return 1;
    const end = xml.indexOf('</cellXfs>', open.index);
    return Math.max(1, (xml.slice(open.index, end < 0 ? undefined : end).match(XF_RE) ?? []).length);
  } catch {
    return 1;
  }
}
