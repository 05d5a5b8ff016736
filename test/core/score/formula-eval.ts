/**
 * An independent evaluator for the formulas jixiao writes, for tests: a small Excel-grammar parser
 * (operators with Excel's precedence and coercions, references, ranges, lazy IF) whose functions are
 * those of @formulajs/formulajs, not ours. Empty cells behave as in Excel: "" in text comparisons and
 * text functions, 0 in arithmetic, not a number for ISNUMBER/COUNT.
 */
import * as formulajs from '@formulajs/formulajs';
import { parseA1 } from '../../../src/core/domain/a1';

export type Value = number | string | boolean | null | FormulaError | Value[][];

export class FormulaError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; row: number; col: number }
  | { t: 'range'; top: number; left: number; bottom: number; right: number }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'array'; rows: Value[][] }
  | { t: 'un'; op: '-' | '+' | '%'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node };

type Tok = { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 'id'; v: string } | { k: 'op'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: 'str', v: s });
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ k: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^\$?[A-Za-z_][A-Za-z0-9_.]*\$?\d*/.exec(src.slice(i));
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      out.push({ k: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>(),:%{};'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    throw new Error(`unexpected character ${c} in ${src}`);
  }
  return out;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  parse(): Node {
    const e = this.comparison();
    if (this.i !== this.toks.length) throw new Error(`trailing tokens at ${this.i}`);
    return e;
  }
  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.k === 'op' && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new Error(`expected ${v} at ${this.i}`);
    this.i++;
  }
  private comparison(): Node {
    let l = this.concat();
    for (;;) {
      const t = this.peek();
      if (t?.k === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(t.v)) {
        this.i++;
        l = { t: 'bin', op: t.v, l, r: this.concat() };
      } else return l;
    }
  }
  private concat(): Node {
    let l = this.additive();
    while (this.isOp('&')) {
      this.i++;
      l = { t: 'bin', op: '&', l, r: this.additive() };
    }
    return l;
  }
  private additive(): Node {
    let l = this.term();
    for (;;) {
      const t = this.peek();
      if (t?.k === 'op' && (t.v === '+' || t.v === '-')) {
        this.i++;
        l = { t: 'bin', op: t.v, l, r: this.term() };
      } else return l;
    }
  }
  private term(): Node {
    let l = this.power();
    for (;;) {
      const t = this.peek();
      if (t?.k === 'op' && (t.v === '*' || t.v === '/')) {
        this.i++;
        l = { t: 'bin', op: t.v, l, r: this.power() };
      } else return l;
    }
  }
  private power(): Node {
    let l = this.unary();
    while (this.isOp('^')) {
      this.i++;
      l = { t: 'bin', op: '^', l, r: this.unary() };
    }
    return l;
  }
  private unary(): Node {
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.toks[this.i++] as { v: '-' | '+' }).v;
      return { t: 'un', op, e: this.unary() };
    }
    let e = this.primary();
    while (this.isOp('%')) {
      this.i++;
      e = { t: 'un', op: '%', e };
    }
    return e;
  }
  /** An array constant after its `{`: constants, `,` between columns, `;` between rows. */
  private arrayConstant(): Node {
    const rows: Value[][] = [[]];
    for (;;) {
      const neg = this.isOp('-');
      if (neg) this.i++;
      const t = this.toks[this.i++];
      if (!t) throw new Error('unterminated array constant');
      if (t.k === 'num') rows[rows.length - 1].push(neg ? -t.v : t.v);
      else if (!neg && t.k === 'str') rows[rows.length - 1].push(t.v);
      else if (!neg && t.k === 'id' && /^(TRUE|FALSE)$/i.test(t.v)) rows[rows.length - 1].push(t.v.toUpperCase() === 'TRUE');
      else throw new Error(`not a constant in an array: ${JSON.stringify(t)}`);
      if (this.isOp(',')) this.i++;
      else if (this.isOp(';')) {
        this.i++;
        rows.push([]);
      } else {
        this.expect('}');
        if (rows.some((r) => r.length !== rows[0].length)) throw new Error('ragged array constant');
        return { t: 'array', rows };
      }
    }
  }
  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new Error('unexpected end');
    if (t.k === 'num') return { t: 'num', v: t.v };
    if (t.k === 'str') return { t: 'str', v: t.v };
    if (t.k === 'op' && t.v === '(') {
      const e = this.comparison();
      this.expect(')');
      return e;
    }
    if (t.k === 'op' && t.v === '{') return this.arrayConstant();
    if (t.k === 'id') {
      if (this.isOp('(')) {
        this.i++;
        const args: Node[] = [];
        if (!this.isOp(')')) {
          for (;;) {
            args.push(this.comparison());
            if (this.isOp(',')) {
              this.i++;
              continue;
            }
            break;
          }
        }
        this.expect(')');
        return { t: 'call', name: t.v.toUpperCase(), args };
      }
      const up = t.v.toUpperCase();
      if (up === 'TRUE' || up === 'FALSE') return { t: 'bool', v: up === 'TRUE' };
      if (CELL.test(t.v)) {
        const a = parseA1(t.v.replace(/\$/g, ''));
        if (this.isOp(':')) {
          this.i++;
          const u = this.toks[this.i++];
          if (!u || u.k !== 'id' || !CELL.test(u.v)) throw new Error('bad range');
          const b = parseA1(u.v.replace(/\$/g, ''));
          return { t: 'range', top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
        }
        return { t: 'ref', row: a.row, col: a.col };
      }
      throw new Error(`unknown name ${t.v}`);
    }
    throw new Error(`unexpected token ${JSON.stringify(t)}`);
  }
}

export function parseFormula(src: string): Node {
  return new Parser(tokenize(src.replace(/^=/, ''))).parse();
}

/** Cell values: number, string, boolean, or null for an empty cell (dates as serial numbers). */
export type CellLookup = (row: number, col: number) => number | string | boolean | null;

const TEXT_FUNCTIONS = new Set(['TRIM', 'LEFT', 'MID', 'SUBSTITUTE', 'FIND', 'VALUE', 'LEN']);
const EPOCH = Date.UTC(1899, 11, 30);

function isErr(v: unknown): v is FormulaError {
  return v instanceof FormulaError;
}

function fromLib(v: unknown): Value {
  if (v instanceof Error) return new FormulaError(v.message || '#VALUE!');
  if (v instanceof Date) return Math.round((Date.UTC(v.getFullYear(), v.getMonth(), v.getDate()) - EPOCH) / 86400000);
  if (v === undefined) return null;
  return v as Value;
}

function toNumber(v: Value): number | FormulaError {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return new FormulaError('#VALUE!');
  const s = v.trim();
  if (s === '') return new FormulaError('#VALUE!');
  const n = Number(s);
  return Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

function toText(v: Value): string | FormulaError {
  if (isErr(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  if (Array.isArray(v)) return new FormulaError('#VALUE!');
  return v;
}

function truthy(v: Value): boolean | FormulaError {
  if (isErr(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return new FormulaError('#VALUE!');
}

/** Excel's comparison: empty = "" = 0 = FALSE by the other side's type; numbers < text < booleans. */
function compare(a: Value, b: Value): number | FormulaError {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const rank = (x: Value) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A binary operator on values; with an array operand, element by element (a single value against each). */
function binary(op: string, a: Value, b: Value): Value {
  if (Array.isArray(a) || Array.isArray(b)) {
    const shape = (Array.isArray(a) ? a : b) as Value[][];
    const at = (v: Value, r: number, c: number): Value => (Array.isArray(v) ? (v as Value[][])[r][c] : v);
    return shape.map((row, r) => row.map((_, c) => binary(op, at(a, r, c), at(b, r, c))));
  }
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    if (isErr(c)) return c;
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  if (op === '&') {
    const x = toText(a);
    const y = toText(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    return x + y;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new FormulaError('#DIV/0!') : x / y;
    case '^':
      return x ** y;
  }
  throw new Error(`operator ${op}`);
}

export function evaluate(node: Node, cell: CellLookup): Value {
  const ev = (n: Node): Value => evaluate(n, cell);
  switch (node.t) {
    case 'num':
      return node.v;
    case 'str':
      return node.v;
    case 'bool':
      return node.v;
    case 'ref':
      return cell(node.row, node.col);
    case 'array':
      return node.rows.map((r) => r.slice());
    case 'range': {
      const rows: Value[][] = [];
      for (let r = node.top; r <= node.bottom; r++) {
        const line: Value[] = [];
        for (let c = node.left; c <= node.right; c++) line.push(cell(r, c));
        rows.push(line);
      }
      return rows;
    }
    case 'un': {
      const v = toNumber(ev(node.e));
      if (isErr(v)) return v;
      return node.op === '-' ? -v : node.op === '%' ? v / 100 : v;
    }
    case 'bin':
      return binary(node.op, ev(node.l), ev(node.r));
    case 'call': {
      const name = node.name;
      if (name === 'IF') {
        const c = truthy(ev(node.args[0]));
        if (isErr(c)) return c;
        if (c) return node.args.length > 1 ? ev(node.args[1]) : true;
        return node.args.length > 2 ? ev(node.args[2]) : false;
      }
      const fn = (formulajs as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`function ${name} is not in @formulajs/formulajs`);
      const args = node.args.map((a) => {
        const v = ev(a);
        if (v === null && TEXT_FUNCTIONS.has(name)) return '';
        if (isErr(v)) return new Error(v.code);
        return v;
      });
      if (name === 'ISNUMBER') return typeof args[0] === 'number';
      // Excel errors on an error argument (IF and ISNUMBER aside).
      const bad = args.find((x) => x instanceof Error);
      if (bad && !name.startsWith('IS')) return new FormulaError((bad as Error).message);
      return fromLib(fn(...args));
    }
  }
}

/** Evaluates a formula (with or without '=') against cell values. */
export function evalFormula(src: string, cell: CellLookup): Value {
  return evaluate(parseFormula(src), cell);
}

/** Every function a formula calls (for the portability check). */
export function functionsOf(src: string): Set<string> {
  const out = new Set<string>();
  const walk = (n: Node) => {
    if (n.t === 'call') {
      out.add(n.name);
      n.args.forEach(walk);
    } else if (n.t === 'un') walk(n.e);
    else if (n.t === 'bin') {
      walk(n.l);
      walk(n.r);
    }
  };
  walk(parseFormula(src));
  return out;
}
