/** Helpers of the Office host: addresses as Excel reports them, values as Excel takes them, dates. */
import { colToLetters, parseA1, toA1, type RangeRef } from '../../core/domain/a1';
import type { CellValue } from '../../core/snapshot/snapshot';
import type { PlanValue } from '../../core/plan/ops';
import { normaliseColour } from '../../core/plan/conventions';

/** Splits "Sheet1!A1:B2,'My, sheet'!C3" into its areas, respecting quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The sheet name and rectangle of one area ("'Sheet 1'!A1:B2", "Sheet1!5:7", "A1"). */
export function parseArea(area: string): { sheet?: string; rect: RangeRef } {
  const bang = area.lastIndexOf('!');
  let sheet: string | undefined;
  let ref = area;
  if (bang >= 0) {
    sheet = area.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = area.slice(bang + 1);
  }
  const [a, b] = ref.replace(/\$/g, '').split(':');
  const one = (s: string, end: boolean): { row: number; col: number } => {
    if (/^\d+$/.test(s)) return { row: Number(s), col: end ? 16384 : 1 };
    if (/^[A-Za-z]+$/.test(s)) {
      let col = 0;
      for (const ch of s.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
      return { row: end ? 1048576 : 1, col };
    }
    return parseA1(s);
  };
  const p = one(a, false);
  const q = b === undefined ? p : one(b, true);
  return { sheet, rect: { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) } };
}

export function rectA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function columnRange(left: number, right: number, top: number, bottom: number): string {
  return `${colToLetters(left)}${top}:${colToLetters(right)}${bottom}`;
}

export function normaliseCell(a1: string): string {
  const p = parseA1(a1.replace(/^.*!/, ''));
  return toA1(p.row, p.col);
}

export function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.replace(/^#/, '').toUpperCase() === b.replace(/^#/, '').toUpperCase();
}

/** A colour as Office.js takes it: `#RRGGBB`. */
export function hexColor(c: string): string {
  return `#${normaliseColour(c)}`;
}

/**
 * Excel reads a string written through `values` as if it were typed: '=…' becomes a formula, '123'
 * a number, '95%' a percentage, 'TRUE' a boolean, '2024-1-1' a date. A leading apostrophe keeps
 * the text as it is (the apostrophe is not part of the value).
 */
export function needsTextPrefix(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'\u00a0]/.test(s)) return true;
  const t = s.trim();
  if (t !== s) return /^[=+\-@]/.test(t) || looksTyped(t);
  return looksTyped(t);
}

function looksTyped(t: string): boolean {
  if (/^[+-]?[\d,]*\.?\d+([eE][+-]?\d+)?%?$/.test(t)) return true;
  if (/^\(?[$¥￥€£]?\s*[\d,]+(\.\d+)?\)?$/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i.test(t)) return true;
  if (/^\d+\s+\d+\/\d+$/.test(t)) return true;
  return false;
}

/** A plan value as the element of a `values` array: text kept as text, null clearing the cell. */
export function valueInput(v: PlanValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  return needsTextPrefix(v) ? `'${v}` : v;
}

/** What `values` reported back → snapshot value. */
export function snapshotValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Whether a number format shows dates or times (tokens y m d h s outside quotes, brackets and escapes). */
export function isDateFormat(fmt: string): boolean {
  if (!fmt || fmt === 'General' || fmt === '@') return false;
  const plain = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  return /[ymdhs]/i.test(plain) && !/^[#0.,%E+\-\s]*$/i.test(plain);
}

/** An Excel serial date (1900 system) as the ISO text the .xlsx host gives dates. */
export function serialToIso(serial: number): string {
  if (!Number.isFinite(serial) || serial < 0) return String(serial);
  // Excel counts 1900-02-29 (serial 60), which did not exist: serials after it are one day ahead.
  const days = serial >= 61 ? serial - 1 : serial;
  const ms = Math.round((days * 86400 + Date.UTC(1899, 11, 31) / 1000) ) * 1000;
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (Math.floor(serial) === serial || (h === 0 && m === 0 && s === 0)) return day;
  return `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Approximate JSON size of a value in bytes (request size estimates). */
export function approxBytes(v: unknown): number {
  const s = JSON.stringify(v);
  if (s === undefined) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 3;
  return n;
}
