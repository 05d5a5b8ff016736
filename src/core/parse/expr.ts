/**
 * A small, safe recursive-descent parser for the score formulas written in rules
 * (`得分=（实际完成率-60%）/（1-60%）*10`). It never evaluates text as code.
 *
 * Grammar (after normalizeText, so full-width brackets and digits are half-width):
 *   expr    := term (('+' | '-') term)*
 *   term    := factor (('*' | '×' | '·' | '/' | '÷') factor)*
 *   factor  := ('+' | '-') factor | primary
 *   primary := number ['%'] | variable | '(' expr ')' | '[' expr ']'
 * A percentage becomes a fraction (`60%` → 0.6), because `rate` is a fraction (1 = 100%).
 * Variables: 实际完成率/完成率/实际完成比例 → rate; 实际完成值/实际值/完成值/实际数 → actual;
 * 指标值/目标值/计划值/标准值 → target; 分值/该指标分值/指标分值 → the stated weight (a number),
 * only when the caller knows it.
 * The parser stops at the first character that cannot continue the expression and reports
 * where; it fails (null) on unbalanced brackets, a missing operand, nesting deeper than MAX_DEPTH
 * or more than MAX_OPERATORS operators.
 */
import type { Expr } from '../model';
import { longestFirst } from './numbers';

const MAX_DEPTH = 32;
/** A formula has a handful of operators; more means it is not a formula (and bounds evaluation depth). */
const MAX_OPERATORS = 64;

type VarName = 'rate' | 'actual' | 'target' | 'weight';

const VARIABLES = longestFirst<VarName>([
  ['实际完成率', 'rate'],
  ['实际完成比例', 'rate'],
  ['完成比例', 'rate'],
  ['完成率', 'rate'],
  ['实际完成值', 'actual'],
  ['实际完成数', 'actual'],
  ['实际值', 'actual'],
  ['完成值', 'actual'],
  ['实际数', 'actual'],
  ['年度指标值', 'target'],
  ['指标值', 'target'],
  ['目标值', 'target'],
  ['计划值', 'target'],
  ['标准值', 'target'],
  ['该指标分值', 'weight'],
  ['指标分值', 'weight'],
  ['分值', 'weight'],
]);

const OPEN: Record<string, string> = { '(': ')', '[': ']' };

export interface ExprParse {
  expr: Expr;
  /** Index in the input just after the expression. */
  end: number;
}

/**
 * Parses the expression that starts at `start` in `s`. `weight` replaces 分值 in the formula;
 * when it is null a formula that mentions 分值 fails.
 */
export function parseExpr(s: string, start = 0, weight: number | null = null): ExprParse | null {
  const p = new ExprParser(s, start, weight);
  const expr = p.expr(0);
  if (!expr) return null;
  return { expr, end: p.pos };
}

class ExprParser {
  private operators = 0;

  constructor(
    private readonly s: string,
    public pos: number,
    private readonly weight: number | null,
  ) {}

  expr(depth: number): Expr | null {
    if (depth > MAX_DEPTH) return null;
    let left = this.term(depth);
    while (left) {
      const op = this.peek();
      if (op !== '+' && op !== '-') break;
      if (++this.operators > MAX_OPERATORS) return null;
      this.pos++;
      const right = this.term(depth);
      if (!right) return null;
      left = { kind: 'bin', op, left, right };
    }
    return left;
  }

  private term(depth: number): Expr | null {
    let left = this.factor(depth);
    while (left) {
      const c = this.peek();
      const op = c === '*' || c === '×' || c === '·' ? '*' : c === '/' || c === '÷' ? '/' : null;
      if (!op) break;
      if (++this.operators > MAX_OPERATORS) return null;
      this.pos++;
      const right = this.factor(depth);
      if (!right) return null;
      left = { kind: 'bin', op, left, right };
    }
    return left;
  }

  private factor(depth: number): Expr | null {
    const c = this.peek();
    if (c === '-' || c === '+') {
      if (depth > MAX_DEPTH || ++this.operators > MAX_OPERATORS) return null;
      this.pos++;
      const inner = this.factor(depth + 1);
      if (!inner) return null;
      return c === '-' ? { kind: 'bin', op: '-', left: { kind: 'num', value: 0 }, right: inner } : inner;
    }
    return this.primary(depth);
  }

  private primary(depth: number): Expr | null {
    const c = this.peek();
    if (c !== undefined && c in OPEN) {
      this.pos++;
      const inner = this.expr(depth + 1);
      if (!inner || this.peek() !== OPEN[c]) return null;
      this.pos++;
      return inner;
    }
    return this.number() ?? this.variable();
  }

  private number(): Expr | null {
    const m = /^\d+(?:\.\d+)?/.exec(this.s.slice(this.pos, this.pos + 32));
    if (!m) return null;
    this.pos += m[0].length;
    let value = Number(m[0]);
    if (this.peek() === '%') {
      this.pos++;
      value = value / 100;
    }
    return { kind: 'num', value };
  }

  private variable(): Expr | null {
    const hit = VARIABLES.find(([word]) => this.s.startsWith(word, this.pos));
    if (!hit) return null;
    const [word, name] = hit;
    if (name === 'weight') {
      if (this.weight === null) return null;
      this.pos += word.length;
      return { kind: 'num', value: this.weight };
    }
    this.pos += word.length;
    return { kind: 'var', name };
  }

  private peek(): string | undefined {
    return this.s[this.pos];
  }
}

export interface ExprEnv {
  rate: number;
  actual: number;
  target: number;
}

/** Evaluates an expression; NaN or ±Infinity when it divides by zero. Depth is bounded by the parser. */
export function evalExpr(e: Expr, env: ExprEnv): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'var':
      return env[e.name];
    case 'bin': {
      const a = evalExpr(e.left, env);
      const b = evalExpr(e.right, env);
      switch (e.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
      }
    }
  }
}

/** Whether the expression mentions a variable (a formula must depend on the result). */
export function usesVariable(e: Expr): boolean {
  if (e.kind === 'var') return true;
  if (e.kind === 'num') return false;
  return usesVariable(e.left) || usesVariable(e.right);
}
