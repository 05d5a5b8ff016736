/**
 * The ledger of marks: for every cell jixiao marked, what it looked like before (fill colour and
 * pattern, font colour and bold, note text or none) and what jixiao put there (the mark's fill; the
 * length and hash of the note text it added), plus the sheets jixiao added. Kept in the workbook as
 * custom XML parts, so "清除标记" restores the exact original formats and notes even after the
 * workbook was saved, closed and reopened.
 *
 *   <ledger xmlns="urn:jixiao:ledger:1" version="1">
 *     <sheet i="0" name="项目支出绩效目标表"/>
 *     <added name="检查结果"/>
 *     <c s="0" r="I7" m="#FFC7CE" t="fill note" p="None" c="#FFFFFF" fc="#000000" b="0" ol="57" oh="9f2c01aa">the user's note</c>
 *   </ledger>
 *
 * `c` holds the cell's note before jixiao wrote (no `n="0"`), or n="0" when it had none. A large
 * ledger is split over several parts (each a ledger of its own) so no request exceeds Excel on the
 * web's 5 MB limit. Plain TypeScript (no DOM): the format is ours, so a small exact parser reads it.
 *
 * One format for both hosts: the add-in keeps it in the workbook's custom XML parts through Office.js, the
 * .xlsx host writes the same parts into the package (customXml/itemN.xml), so the add-in's 清除标记 clears
 * a copy the CLI marked and `jixiao clear` clears a workbook the add-in marked. The .xlsx host also records
 * `x`, the cell format (cellXfs index) before the mark, to restore the exact format when the styles were
 * not renumbered since (it checks that they were not); the add-in keeps `x` as it is.
 */

export const LEDGER_NAMESPACE = 'urn:jixiao:ledger:1';
/** Largest ledger part written (characters of XML). */
export const LEDGER_PART_MAX = 1_000_000;

export interface FillState {
  /** Office.js FillPattern: 'None' means no fill. */
  pattern: string;
  color: string;
  patternColor?: string;
}

export interface CellState {
  fill: FillState;
  font: { color: string; bold: boolean };
  /** The note's text, or null for none. */
  note: string | null;
}

export type Touched = 'fill' | 'note';

export interface LedgerCell {
  sheet: string;
  /** A1 address of the cell (the top-left cell of a merge). */
  ref: string;
  /** The fill jixiao set ('#RRGGBB'), when it set one. */
  mark?: string;
  /** What jixiao changed: only these are restored. */
  touched: Touched[];
  /** The cell before jixiao touched it the first time. */
  was: CellState;
  /**
   * .xlsx only: the cell format (cellXfs index) before the mark. Excel renumbers formats when it saves, so
   * the .xlsx host uses it only when that format still equals the marked one but for the fill.
   */
  xf?: number;
  /** The note text jixiao added (in memory while writing; the part keeps its length and hash). */
  ours?: string;
  oursLength?: number;
  oursHash?: string;
}

export interface Ledger {
  cells: LedgerCell[];
  /** Sheets jixiao added. */
  sheets: string[];
}

export function emptyLedger(): Ledger {
  return { cells: [], sheets: [] };
}

export function ledgerKey(sheet: string, ref: string): string {
  return `${sheet.toLowerCase()}\u0000${ref.toUpperCase()}`;
}

/** FNV-1a (32 bits) of a string's UTF-16 code units, as 8 hex digits. */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Length and hash of our note text, from the text in memory or from the part. */
export function oursSignature(c: LedgerCell): { length: number; hash: string } | undefined {
  if (c.ours !== undefined) return { length: c.ours.length, hash: textHash(c.ours) };
  if (c.oursLength !== undefined && c.oursHash) return { length: c.oursLength, hash: c.oursHash };
  return undefined;
}

/**
 * The note text once jixiao's part is taken out: the user's note (null when there was none), or
 * undefined when jixiao's text is not in the note any more (the user rewrote it).
 */
export function noteWithoutOurs(current: string, rec: LedgerCell): string | null | undefined {
  const sig = oursSignature(rec);
  if (!sig || sig.length === 0) return undefined;
  const matches = (i: number) => i >= 0 && i + sig.length <= current.length && textHash(current.slice(i, i + sig.length)) === sig.hash;
  // As jixiao left it: the user's note, a blank line, ours.
  const tail = current.length - sig.length;
  if (matches(tail)) {
    const head = current.slice(0, tail);
    if (rec.was.note !== null ? head === `${rec.was.note}\n\n` : head === '') return rec.was.note;
  }
  // Edited around it: take out our text wherever it still is (it starts with the tag).
  for (let i = current.lastIndexOf('[jixiao]'); i >= 0; i = i > 0 ? current.lastIndexOf('[jixiao]', i - 1) : -1) {
    if (!matches(i)) continue;
    let rest = current.slice(0, i) + current.slice(i + sig.length);
    rest = rest.replace(/\n\n$/, '').replace(/^\n\n/, '');
    return rest === '' ? null : rest;
  }
  return undefined;
}

// -------------------------------------------------------------------------------------------------
// XML

/** XML's predefined and numeric character references, decoded. */
function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}


/** Characters XML 1.0 cannot carry (control characters), written as escapes the parser reads back. */
function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (ch) => `&#xE${ch.charCodeAt(0).toString(16).padStart(3, '0')};`);
}

function xmlUnsafe(s: string): string {
  return s.replace(/[\ue000-\ue01f]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xe000));
}

function cellXml(c: LedgerCell, sheetIndex: number): string {
  const a = [`s="${sheetIndex}"`, `r="${escAttr(c.ref)}"`];
  if (c.mark) a.push(`m="${escAttr(c.mark)}"`);
  a.push(`t="${c.touched.join(' ')}"`);
  const w = c.was;
  if (c.touched.includes('fill')) {
    a.push(`p="${escAttr(w.fill.pattern)}"`, `c="${escAttr(w.fill.color)}"`);
    if (w.fill.patternColor) a.push(`pc="${escAttr(w.fill.patternColor)}"`);
    a.push(`fc="${escAttr(w.font.color)}"`, `b="${w.font.bold ? 1 : 0}"`);
  }
  if (c.xf !== undefined) a.push(`x="${c.xf}"`);
  const sig = oursSignature(c);
  if (sig) a.push(`ol="${sig.length}"`, `oh="${sig.hash}"`);
  if (w.note === null) return `<c ${a.join(' ')} n="0"/>`;
  return `<c ${a.join(' ')}>${xmlSafe(escText(w.note))}</c>`;
}

/** The ledger as one or more parts, none longer than `max` characters. */
export function ledgerToParts(l: Ledger, max = LEDGER_PART_MAX): string[] {
  const head = `<ledger xmlns="${LEDGER_NAMESPACE}" version="1">`;
  const parts: string[] = [];
  let names: string[] = [];
  let body: string[] = [];
  let size = head.length;
  const start = () => {
    names = [];
    body = l.sheets.length && parts.length === 0 ? l.sheets.map((s) => `<added name="${escAttr(s)}"/>`) : [];
    size = head.length + body.reduce((n, x) => n + x.length, 0) + 10;
  };
  const finish = () => parts.push(`${head}${names.map((n, i) => `<sheet i="${i}" name="${escAttr(n)}"/>`).join('')}${body.join('')}</ledger>`);
  start();
  for (const c of l.cells) {
    const known = names.includes(c.sheet);
    const est = cellXml(c, names.length).length + (known ? 0 : c.sheet.length * 6 + 30);
    if (body.length && size + est > max) {
      finish();
      start();
    }
    let i = names.indexOf(c.sheet);
    if (i < 0) {
      i = names.length;
      names.push(c.sheet);
      size += c.sheet.length * 6 + 30;
    }
    const x = cellXml(c, i);
    body.push(x);
    size += x.length;
  }
  finish();
  return parts;
}

export function ledgerToXml(l: Ledger): string {
  return ledgerToParts(l, Number.MAX_SAFE_INTEGER)[0];
}

function attrsOf(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** Reads a ledger part; throws on anything that is not one. */
export function ledgerFromXml(xml: string): Ledger {
  const root = /<ledger\b([^>]*?)(\/?)>/.exec(xml);
  if (!root || !root[1].includes(LEDGER_NAMESPACE)) throw new Error('not a jixiao ledger');
  const l = emptyLedger();
  if (root[2] === '/') return l;
  const names: string[] = [];
  const re = /<sheet\b([^>]*?)\/>|<added\b([^>]*?)\/>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[1] !== undefined) {
      const a = attrsOf(m[1]);
      names[Number(a.i)] = a.name ?? '';
      continue;
    }
    if (m[2] !== undefined) {
      const a = attrsOf(m[2]);
      if (a.name) l.sheets.push(a.name);
      continue;
    }
    const a = attrsOf(m[3]);
    const touched = (a.t ?? '').split(/\s+/).filter((t): t is Touched => t === 'fill' || t === 'note');
    const cell: LedgerCell = {
      sheet: names[Number(a.s)] ?? '',
      ref: a.r ?? '',
      touched,
      was: {
        fill: { pattern: a.p ?? 'None', color: a.c ?? '#FFFFFF', ...(a.pc ? { patternColor: a.pc } : {}) },
        font: { color: a.fc ?? '#000000', bold: a.b === '1' },
        note: a.n === '0' || m[4] === undefined ? null : xmlUnsafe(unescapeXml(m[4])),
      },
    };
    if (a.m) cell.mark = a.m;
    if (a.x !== undefined && /^\d+$/.test(a.x)) cell.xf = Number(a.x);
    if (a.ol !== undefined && a.oh) {
      cell.oursLength = Number(a.ol);
      cell.oursHash = a.oh;
    }
    if (cell.sheet && cell.ref) l.cells.push(cell);
  }
  return l;
}

/** Several parts (a large ledger, or parts left by two panes at once): one ledger, a cell's oldest record first. */
export function mergeLedgers(list: Ledger[]): Ledger {
  const out = emptyLedger();
  const seen = new Set<string>();
  for (const l of list) {
    for (const s of l.sheets) if (!out.sheets.some((x) => x.toLowerCase() === s.toLowerCase())) out.sheets.push(s);
    for (const c of l.cells) {
      const k = ledgerKey(c.sheet, c.ref);
      if (!seen.has(k)) {
        seen.add(k);
        out.cells.push(c);
      }
    }
  }
  return out;
}
