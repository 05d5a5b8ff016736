/**
 * A1 references in formulas, for row operations: where a formula points, how a row insertion moves
 * it (the hosts' semantics: a reference at or below the insertion point moves down, a range that
 * spans it grows), and the relative copy of a formula to another row (fill-down).
 *
 * The scanner skips string literals ("…") and reads, outside them: an optional sheet prefix
 * (`'项目 表'!`, `Sheet1!`), then a cell (`$B$7`), a range (`B7:B9`), a row range (`3:5`) or a column
 * range (`B:D`). A word followed by `(` is a function (LOG10), not a reference; a letter run glued to
 * other letters, digits, `_`, `.` or `!` is a name, not a reference.
 */
import { colToLetters, lettersToCol } from '../domain/a1';

export interface RefPart {
  /** 0 for a column range (B:D). */
  row: number;
  /** 0 for a row range (3:5). */
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export interface FormulaRef {
  start: number;
  end: number;
  /** Sheet named by the prefix (unquoted), or null for the formula's own sheet. */
  sheet: string | null;
  /** The prefix as written, including '!' ('' when none). */
  prefix: string;
  a: RefPart;
  /** Second corner of a range, or null for a single cell. */
  b: RefPart | null;
}

const IDENT = /[A-Za-z0-9_.\u00c0-\uffff]/;

/** Every reference of the formula (without the leading '='), in order. */
export function scanRefs(formula: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  const s = formula;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      i++;
      while (i < s.length) {
        if (s[i] === '"') {
          if (s[i + 1] === '"') i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    // A reference starts where no identifier character precedes it.
    if (i > 0 && (IDENT.test(s[i - 1]) || s[i - 1] === '!' || s[i - 1] === "'" || s[i - 1] === ']')) {
      i++;
      continue;
    }
    const r = readRef(s, i);
    if (r) {
      refs.push(r);
      i = r.end;
    } else i++;
  }
  return refs;
}

function readRef(s: string, at: number): FormulaRef | null {
  let i = at;
  let sheet: string | null = null;
  let prefix = '';
  // Sheet prefix
  if (s[i] === "'") {
    let j = i + 1;
    let name = '';
    while (j < s.length) {
      if (s[j] === "'") {
        if (s[j + 1] === "'") {
          name += "'";
          j += 2;
          continue;
        }
        break;
      }
      name += s[j];
      j++;
    }
    if (s[j] !== "'" || s[j + 1] !== '!') return null;
    sheet = name;
    prefix = s.slice(i, j + 2);
    i = j + 2;
  } else {
    const m = /^([A-Za-z_\u00c0-\uffff][A-Za-z0-9_.\u00c0-\uffff]*)!/.exec(s.slice(i, i + 64));
    if (m) {
      sheet = m[1];
      prefix = m[0];
      i += m[0].length;
    }
  }
  const rest = s.slice(i, i + 40);
  let m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?/.exec(rest);
  if (m) {
    const end = i + m[0].length;
    if (!endsRef(s, end)) return null;
    const a: RefPart = { colAbs: m[1] === '$', col: lettersToCol(m[2]), rowAbs: m[3] === '$', row: Number(m[4]) };
    const b: RefPart | null = m[6] ? { colAbs: m[5] === '$', col: lettersToCol(m[6]), rowAbs: m[7] === '$', row: Number(m[8]) } : null;
    if (a.col > 16384 || (b && b.col > 16384)) return null;
    return { start: at, end, sheet, prefix, a, b };
  }
  m = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})/.exec(rest);
  if (m) {
    const end = i + m[0].length;
    if (!endsRef(s, end)) return null;
    return { start: at, end, sheet, prefix, a: { row: Number(m[2]), rowAbs: m[1] === '$', col: 0, colAbs: false }, b: { row: Number(m[4]), rowAbs: m[3] === '$', col: 0, colAbs: false } };
  }
  m = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/.exec(rest);
  if (m) {
    const end = i + m[0].length;
    if (!endsRef(s, end)) return null;
    return { start: at, end, sheet, prefix, a: { row: 0, rowAbs: false, col: lettersToCol(m[2]), colAbs: m[1] === '$' }, b: { row: 0, rowAbs: false, col: lettersToCol(m[4]), colAbs: m[3] === '$' } };
  }
  return null;
}

/** A reference ends before a non-identifier character that is not '(' (a function call) or '!'. */
function endsRef(s: string, end: number): boolean {
  const next = s[end];
  if (next === undefined) return true;
  if (IDENT.test(next) || next === '(' || next === '!' || next === ':') return false;
  return true;
}

function partText(p: RefPart): string {
  if (p.col === 0) return `${p.rowAbs ? '$' : ''}${p.row}`;
  if (p.row === 0) return `${p.colAbs ? '$' : ''}${colToLetters(p.col)}`;
  return `${p.colAbs ? '$' : ''}${colToLetters(p.col)}${p.rowAbs ? '$' : ''}${p.row}`;
}

export function refText(r: Pick<FormulaRef, 'prefix' | 'a' | 'b'>): string {
  return `${r.prefix}${partText(r.a)}${r.b ? `:${partText(r.b)}` : ''}`;
}

/** Rewrites every reference with `fn` (which returns the new reference, or null to keep it). */
export function mapRefs(formula: string, fn: (r: FormulaRef) => Pick<FormulaRef, 'prefix' | 'a' | 'b'> | null): string {
  const refs = scanRefs(formula);
  if (refs.length === 0) return formula;
  let out = '';
  let pos = 0;
  for (const r of refs) {
    const n = fn(r);
    if (!n) continue;
    out += formula.slice(pos, r.start) + refText(n);
    pos = r.end;
  }
  return out + formula.slice(pos);
}

/** Whether the reference points at `target` (a sheet name), the formula living on `home`. */
export function refersTo(r: FormulaRef, home: string, target: string): boolean {
  return (r.sheet ?? home) === target;
}

/** Rows a reference covers: [top, bottom] (a column range covers every row). */
export function refRows(r: FormulaRef): [number, number] {
  if (r.a.row === 0) return [1, 1048576];
  const b = r.b ?? r.a;
  return [Math.min(r.a.row, b.row), Math.max(r.a.row, b.row)];
}

/** Columns a reference covers (a row range covers every column). */
export function refCols(r: FormulaRef): [number, number] {
  if (r.a.col === 0) return [1, 16384];
  const b = r.b ?? r.a;
  return [Math.min(r.a.col, b.col), Math.max(r.a.col, b.col)];
}

/**
 * The formula after inserting `count` rows before row `at` of `sheet` (the formula lives on `home`):
 * references at or below `at` move down; a range with its top above `at` and its bottom at or below it grows.
 */
export function shiftForInsert(formula: string, home: string, sheet: string, at: number, count: number): string {
  return mapRefs(formula, (r) => {
    if (!refersTo(r, home, sheet) || r.a.row === 0) return null;
    const move = (p: RefPart): RefPart => (p.row >= at ? { ...p, row: p.row + count } : p);
    if (!r.b) return r.a.row >= at ? { ...r, a: move(r.a) } : null;
    const topIsA = r.a.row <= r.b.row;
    const top = topIsA ? r.a : r.b;
    const bottom = topIsA ? r.b : r.a;
    if (top.row >= at) return { ...r, a: move(r.a), b: move(r.b) };
    if (bottom.row >= at) {
      const grown = { ...bottom, row: bottom.row + count };
      return topIsA ? { ...r, b: grown } : { ...r, a: grown };
    }
    return null;
  });
}

/** The formula copied `dRow` rows down (up when negative): relative row parts move, absolute ones stay. */
export function copyFormula(formula: string, dRow: number): string | null {
  let bad = false;
  const out = mapRefs(formula, (r) => {
    const move = (p: RefPart): RefPart => {
      if (p.row === 0 || p.rowAbs) return p;
      const row = p.row + dRow;
      if (row < 1) bad = true;
      return { ...p, row };
    };
    return { ...r, a: move(r.a), b: r.b ? move(r.b) : null };
  });
  return bad ? null : out;
}

/**
 * Ranges (with two corners) of `sheet` that end right above `at` or start at `at`: those a row
 * inserted at `at` does not join by itself (the hosts grow only ranges that span the insertion point).
 */
export function adjacentRanges(formula: string, home: string, sheet: string, at: number): FormulaRef[] {
  return scanRefs(formula).filter((r) => {
    if (!r.b || r.a.row === 0 || !refersTo(r, home, sheet)) return false;
    const [top, bottom] = refRows(r);
    return bottom === at - 1 || top === at;
  });
}

/**
 * Makes every range of `sheet` whose rows are exactly [top, bottom] (before) cover [newTop, newBottom],
 * keeping which corner is written first and the `$` marks.
 */
export function resizeRange(formula: string, home: string, sheet: string, from: [number, number], to: [number, number], cols?: [number, number]): string {
  return mapRefs(formula, (r) => {
    if (!r.b || r.a.row === 0 || !refersTo(r, home, sheet)) return null;
    const [top, bottom] = refRows(r);
    if (top !== from[0] || bottom !== from[1]) return null;
    if (cols) {
      const [l, rt] = refCols(r);
      if (l !== cols[0] || rt !== cols[1]) return null;
    }
    const aTop = r.a.row <= r.b.row;
    const a = { ...r.a, row: aTop ? to[0] : to[1] };
    const b = { ...r.b, row: aTop ? to[1] : to[0] };
    return { ...r, a, b };
  });
}
