/** Tiers: a range before every award (`95%（含）以上计10分，85%-95%计8分，…`). */
import type { Tier, TierRule } from '../../model';
import { longestFirst } from '../numbers';
import { NUM, type RuleContext } from './clauses';

/**
 * `满意度95%（含）以上计10分，85%-95%计8分，75%-85%计6分，75%以下计0分`.
 * The text is cut at every award (`计N分`, `得N分`, `N分`, `不得分`); the text before each award
 * must read as one range, else the rule is not a tier rule. Range semantics:
 * - `X以上`, `X（含）以上`, `X及以上`, `≥X`, `不低于X`, `达到X` include X; `>X`, `大于X`, `超过X` exclude it;
 * - `X以下`, `低于X`, `<X`, `不足X` exclude X; `X（含）以下`, `X及以下`, `X以内`, `≤X`, `不超过X` include it;
 * - `a-b` (also a~b, a至b) includes a and excludes b, unless marked: `a(不含)-b`, `a-b(含)`;
 * - `=X` / `为X` is the single point X; `a≤x<b` reads both bounds.
 * `否则/其他 不得分` after the tiers is allowed (0 points outside the tiers is the default).
 * Texts that deduct (扣) or step (每) are not tier rules. At least two tiers are needed.
 */
export function parseTier(body: string, ctx: RuleContext): TierRule | null {
  if (/扣|每/.test(body)) return null;
  const award = new RegExp(`(?:计|得|给|赋|记|为)?(?<!\\d)(?<!\\d\\.)(${NUM})分|不得分|不计分|不给分|得零分|零分`, 'g');
  const tiers: Tier[] = [];
  let percent = false;
  let prevEnd = 0;
  for (let m = award.exec(body); m; m = award.exec(body)) {
    const points = m[1] === undefined ? 0 : Number(m[1]);
    const condition = stripItemMarker(body.slice(prevEnd, m.index));
    prevEnd = m.index + m[0].length;
    if (points === 0 && /否则|其他|其它|其余|以外/.test(condition) && !/\d/.test(condition)) continue;
    const range = parseRange(condition);
    if (!range) return null;
    percent ||= range.percent;
    tiers.push({ ...range.bounds, points });
  }
  if (/\d/.test(body.slice(prevEnd)) || tiers.length < 2) return null;
  return {
    family: 'tier',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: Math.max(...tiers.map((t) => t.points)),
    tiers,
    percent,
  };
}

/** Drops separators and a list marker (`(1)`, `1.`, `1、`) at the start of a condition. */
function stripItemMarker(s: string): string {
  return s.replace(/^[,;。:、.]*(?:\(\d{1,2}\)|\d{1,2}[.、](?!\d))?/, '');
}

type Side = 'min' | 'max';
type Token =
  | { t: 'num'; value: number; percent: boolean; mark: boolean | null }
  | { t: 'op'; side: Side | 'eq'; inclusive: boolean; weak?: boolean }
  | { t: 'suffix'; side: Side; inclusive: boolean }
  | { t: 'sep' };

/** Comparison words before a number: which bound they set and whether it includes the number. */
const OPS = longestFirst<Token>([
  ['≥', { t: 'op', side: 'min', inclusive: true }],
  ['>=', { t: 'op', side: 'min', inclusive: true }],
  ['大于等于', { t: 'op', side: 'min', inclusive: true }],
  ['大于或等于', { t: 'op', side: 'min', inclusive: true }],
  ['不低于', { t: 'op', side: 'min', inclusive: true }],
  ['不少于', { t: 'op', side: 'min', inclusive: true }],
  ['不小于', { t: 'op', side: 'min', inclusive: true }],
  ['达到', { t: 'op', side: 'min', inclusive: true }],
  ['>', { t: 'op', side: 'min', inclusive: false }],
  ['大于', { t: 'op', side: 'min', inclusive: false }],
  ['高于', { t: 'op', side: 'min', inclusive: false }],
  ['超过', { t: 'op', side: 'min', inclusive: false }],
  ['多于', { t: 'op', side: 'min', inclusive: false }],
  ['≤', { t: 'op', side: 'max', inclusive: true }],
  ['<=', { t: 'op', side: 'max', inclusive: true }],
  ['小于等于', { t: 'op', side: 'max', inclusive: true }],
  ['小于或等于', { t: 'op', side: 'max', inclusive: true }],
  ['不高于', { t: 'op', side: 'max', inclusive: true }],
  ['不超过', { t: 'op', side: 'max', inclusive: true }],
  ['不大于', { t: 'op', side: 'max', inclusive: true }],
  ['不多于', { t: 'op', side: 'max', inclusive: true }],
  ['<', { t: 'op', side: 'max', inclusive: false }],
  ['小于', { t: 'op', side: 'max', inclusive: false }],
  ['低于', { t: 'op', side: 'max', inclusive: false }],
  ['少于', { t: 'op', side: 'max', inclusive: false }],
  ['不足', { t: 'op', side: 'max', inclusive: false }],
  ['不到', { t: 'op', side: 'max', inclusive: false }],
  ['未达到', { t: 'op', side: 'max', inclusive: false }],
  ['未达', { t: 'op', side: 'max', inclusive: false }],
  ['未满', { t: 'op', side: 'max', inclusive: false }],
  ['=', { t: 'op', side: 'eq', inclusive: true }],
  ['等于', { t: 'op', side: 'eq', inclusive: true }],
  ['为', { t: 'op', side: 'eq', inclusive: true, weak: true }],
  ['及以上', { t: 'suffix', side: 'min', inclusive: true }],
  ['以上', { t: 'suffix', side: 'min', inclusive: true }],
  ['及以下', { t: 'suffix', side: 'max', inclusive: true }],
  ['以下', { t: 'suffix', side: 'max', inclusive: false }],
  ['以内', { t: 'suffix', side: 'max', inclusive: true }],
  ['之内', { t: 'suffix', side: 'max', inclusive: true }],
  ['-', { t: 'sep' }],
  ['~', { t: 'sep' }],
  ['—', { t: 'sep' }],
  ['–', { t: 'sep' }],
  ['至', { t: 'sep' }],
  ['到', { t: 'sep' }],
]);

/** A condition longer than this is not a tier's range. */
const MAX_CONDITION_CHARS = 80;

/** Reads the range of one tier's condition; null when the condition is not exactly one range. */
function parseRange(condition: string): { bounds: Omit<Tier, 'points'>; percent: boolean } | null {
  if (condition.length > MAX_CONDITION_CHARS) return null;
  const tokens = tokenizeCondition(condition);
  if (!tokens) return null;
  return interpretRange(tokens);
}

/** Numbers (with % and an inclusion mark `(含)`/`(不含)`), comparison words, suffixes, separators; other text is skipped. */
function tokenizeCondition(c: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < c.length) {
    const num = /^\d+(?:\.\d+)?/.exec(c.slice(i, i + 24));
    if (num) {
      i += num[0].length;
      const percent = c[i] === '%';
      if (percent) i++;
      let mark: boolean | null = null;
      const m = /^\((不)?含(?:本数)?\)/.exec(c.slice(i, i + 8));
      if (m) {
        mark = m[1] === undefined;
        i += m[0].length;
      }
      tokens.push({ t: 'num', value: Number(num[0]), percent, mark });
      continue;
    }
    const op = OPS.find(([w]) => c.startsWith(w, i));
    if (op) {
      tokens.push(op[1]);
      i += op[0].length;
      continue;
    }
    if (c.startsWith('(含)', i) || c.startsWith('(不含)', i)) return null; // a mark with no number before it
    i++;
  }
  return tokens;
}

interface Bound {
  value: number;
  inclusive: boolean;
}

function interpretRange(tokens: Token[]): { bounds: Omit<Tier, 'points'>; percent: boolean } | null {
  const bounds: { min?: Bound; max?: Bound; eq?: Bound; weakEq?: Bound } = {};
  let percent = false;
  const set = (side: 'min' | 'max' | 'eq' | 'weakEq', b: Bound): boolean => {
    if (bounds[side]) return false;
    bounds[side] = b;
    return true;
  };
  let i = 0;
  while (i < tokens.length) {
    const a = tokens[i];
    const b = tokens[i + 1];
    const c = tokens[i + 2];
    if (a.t === 'num') {
      percent ||= a.percent;
      if (b?.t === 'sep' && c?.t === 'num') {
        // a-b: a included, b excluded, unless marked.
        percent ||= c.percent;
        if (!set('min', { value: a.value, inclusive: a.mark ?? true })) return null;
        if (!set('max', { value: c.value, inclusive: c.mark ?? false })) return null;
        i += 3;
      } else if (b?.t === 'suffix') {
        if (!set(b.side, { value: a.value, inclusive: a.mark ?? b.inclusive })) return null;
        i += 2;
      } else if (b?.t === 'op' && b.side !== 'eq') {
        // a ≤ x (the number comes first): the bound is on the other side.
        const side = b.side === 'max' ? 'min' : 'max';
        if (!set(side, { value: a.value, inclusive: b.inclusive })) return null;
        i += 2;
      } else if (tokens[i - 1]?.t === 'op' && (tokens[i - 1] as { weak?: boolean }).weak) {
        // `为0`: a single point, unless a comparison follows (`为95%以上` is handled above).
        if (!set('weakEq', { value: a.value, inclusive: true })) return null;
        i += 1;
      } else {
        return null; // a number with no comparison
      }
    } else if (a.t === 'op' && a.weak) {
      i += 1; // 为 is read with the number after it
    } else if (a.t === 'op' && b?.t === 'num') {
      percent ||= b.percent;
      if (a.side === 'eq') {
        if (!set('eq', { value: b.value, inclusive: true })) return null;
        i += 2;
      } else {
        if (!set(a.side, { value: b.value, inclusive: b.mark ?? a.inclusive })) return null;
        // `达到95%以上`: a suffix on the same side repeats the comparison.
        if (c?.t === 'suffix') {
          if (c.side !== a.side) return null;
          i += 1;
        }
        i += 2;
      }
    } else {
      return null;
    }
  }
  const { min, max, eq, weakEq } = bounds;
  const point = eq ?? (min || max ? undefined : weakEq);
  if (point) {
    if (eq && (min || max)) return null;
    return { bounds: { min: point.value, minInclusive: true, max: point.value, maxInclusive: true }, percent };
  }
  if (!min && !max) return null;
  if (min && max && (min.value > max.value || (min.value === max.value && !(min.inclusive && max.inclusive)))) return null;
  return {
    bounds: {
      min: min ? min.value : null,
      minInclusive: min ? min.inclusive : false,
      max: max ? max.value : null,
      maxInclusive: max ? max.inclusive : false,
    },
    percent,
  };
}
