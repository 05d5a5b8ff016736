/**
 * The ledger of marks: for every cell jixiao marked, what it looked like before (fill colour and
 * pattern, font colour and bold, note text or none) and what jixiao put there (the mark's fill, the
 * note text it added), plus the sheets jixiao added. Kept in the workbook as a custom XML part, so
 * "清除标记" restores the exact original formats even after the workbook was saved, closed and reopened.
 *
 *   <ledger xmlns="urn:jixiao:ledger:1" version="1">
 *     <sheet name="检查结果"/>
 *     <cell sheet="项目支出绩效目标表" ref="I7" mark="#FFC7CE" touched="fill note">
 *       <was pattern="None" color="#FFFFFF" patternColor="#000000" fontColor="#000000" bold="0"/>
 *       <note>the user's note, when the cell had one</note>
 *       <ours>[jixiao] 错误：…</ours>
 *     </cell>
 *   </ledger>
 *
 * Plain TypeScript (no DOM): the format is ours, so a small exact parser reads it.
 */

export const LEDGER_NAMESPACE = 'urn:jixiao:ledger:1';
/** Namespace of the transient part that records how far a write batch with row inserts got. */
export const PROGRESS_NAMESPACE = 'urn:jixiao:progress:1';

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
  /** The note text jixiao added (the part after the user's own note). */
  ours?: string;
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

// -------------------------------------------------------------------------------------------------
// XML

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Characters XML 1.0 cannot carry at all (control characters): dropped from note texts. */
function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export function ledgerToXml(l: Ledger): string {
  const out: string[] = [`<ledger xmlns="${LEDGER_NAMESPACE}" version="1">`];
  for (const s of l.sheets) out.push(`<sheet name="${escAttr(s)}"/>`);
  for (const c of l.cells) {
    const attrs = [`sheet="${escAttr(c.sheet)}"`, `ref="${escAttr(c.ref)}"`];
    if (c.mark) attrs.push(`mark="${escAttr(c.mark)}"`);
    attrs.push(`touched="${c.touched.join(' ')}"`);
    const w = c.was;
    const was = [`pattern="${escAttr(w.fill.pattern)}"`, `color="${escAttr(w.fill.color)}"`];
    if (w.fill.patternColor) was.push(`patternColor="${escAttr(w.fill.patternColor)}"`);
    was.push(`fontColor="${escAttr(w.font.color)}"`, `bold="${w.font.bold ? 1 : 0}"`);
    let body = `<was ${was.join(' ')}/>`;
    if (w.note !== null) body += `<note>${escText(xmlSafe(w.note))}</note>`;
    if (c.ours !== undefined) body += `<ours>${escText(xmlSafe(c.ours))}</ours>`;
    out.push(`<cell ${attrs.join(' ')}>${body}</cell>`);
  }
  out.push('</ledger>');
  return out.join('');
}

function attrsOf(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = unescape(m[2]);
  return out;
}

/** Reads a ledger part; throws on anything that is not one. */
export function ledgerFromXml(xml: string): Ledger {
  const root = /<ledger\b([^>]*?)(\/?)>/.exec(xml);
  if (!root) throw new Error('not a jixiao ledger');
  const l = emptyLedger();
  if (root[2] === '/') return l;
  const re = /<sheet\b([^>]*?)\/>|<cell\b([^>]*)>([\s\S]*?)<\/cell>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[1] !== undefined) {
      const a = attrsOf(m[1]);
      if (a.name) l.sheets.push(a.name);
      continue;
    }
    const a = attrsOf(m[2]);
    const body = m[3];
    const wasM = /<was\b([^>]*?)\/>/.exec(body);
    const w = attrsOf(wasM ? wasM[1] : '');
    const noteM = /<note>([\s\S]*?)<\/note>/.exec(body);
    const oursM = /<ours>([\s\S]*?)<\/ours>/.exec(body);
    const touched = (a.touched ?? '').split(/\s+/).filter((t): t is Touched => t === 'fill' || t === 'note');
    const cell: LedgerCell = {
      sheet: a.sheet ?? '',
      ref: a.ref ?? '',
      touched,
      was: {
        fill: { pattern: w.pattern ?? 'None', color: w.color ?? '#FFFFFF', ...(w.patternColor ? { patternColor: w.patternColor } : {}) },
        font: { color: w.fontColor ?? '#000000', bold: w.bold === '1' },
        note: noteM ? unescape(noteM[1]) : null,
      },
    };
    if (a.mark) cell.mark = a.mark;
    if (oursM) cell.ours = unescape(oursM[1]);
    if (cell.sheet && cell.ref) l.cells.push(cell);
  }
  return l;
}

/** Several parts (two panes wrote at once, or an older run left one): one ledger, the oldest record of a cell first. */
export function mergeLedgers(list: Ledger[]): Ledger {
  const out = emptyLedger();
  const seen = new Map<string, LedgerCell>();
  for (const l of list) {
    for (const s of l.sheets) if (!out.sheets.some((x) => x.toLowerCase() === s.toLowerCase())) out.sheets.push(s);
    for (const c of l.cells) {
      const k = ledgerKey(c.sheet, c.ref);
      if (!seen.has(k)) {
        seen.set(k, c);
        out.cells.push(c);
      }
    }
  }
  return out;
}

export function progressXml(done: number): string {
  return `<progress xmlns="${PROGRESS_NAMESPACE}" done="${done}"/>`;
}

export function progressFromXml(xml: string): number {
  const m = /done="(-?\d+)"/.exec(xml);
  return m ? Number(m[1]) : -1;
}
