/** A1 addresses and ranges. Rows and columns are 1-based everywhere in jixiao. */

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colToLetters(col: number): string {
  return col >= 1 && col <= 702 ? LETTERS[col] : lettersOf(col);
}

function lettersOf(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Column letters of the first columns, built once: toA1 runs for every cell the layout reader keeps. */
const LETTERS: string[] = [];
for (let c = 1; c <= 702; c++) LETTERS[c] = lettersOf(c);

export function toA1(row: number, col: number): string {
  return (col >= 1 && col <= 702 ? LETTERS[col] : lettersOf(col)) + row;
}

const A1_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseA1(a1: string): { row: number; col: number } {
  const m = A1_RE.exec(a1.trim());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  return { row: Number(m[2]), col: lettersToCol(m[1]) };
}

export function parseRange(ref: string): RangeRef {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Quote a sheet name for use in a formula or hyperlink location. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
