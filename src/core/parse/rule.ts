/**
 * 评（扣）分标准: the scoring rule of an indicator, read into one of the rule families
 * (domain primer §4). The parser is conservative: a family is given only on wording it
 * recognises (a formula that reads, a range before every award, a `每…扣N分` clause, …), and
 * contradictory clauses make the rule 'unspecified' (then the national defaults apply):
 * when in doubt, unspecified, never a wrong rule.
 *
 * Families are tried from the strongest signal to the weakest:
 *   1. threshold  — a formula `得分=…` (a formula it cannot read makes the rule unspecified);
 *   2. tier       — every `计N分`/`不得分` is preceded by a range (`95%（含）以上`, `85%-95%`);
 *   3. checklist  — numbered items (①②③, (1)(2), 1. 2.) each with points, or `每少一项扣N分`;
 *   4. step       — `每超过10%扣2分`, `每降低1%扣2分`, `每相差3%扣1分`, `每超过一个百分点扣0.5分`;
 *   5. perOccurrence — `每发生一起扣5分`, `每出现一个…扣0.5分`;
 *   6. binary     — `达到目标值计20分，否则不得分`, `未达到标准值不得分`, `按时完成计10分`;
 *   7. unspecified.
 *
 * The weight statement (`该指标分值为20分`, `分值：10分`, `(10分)`) is read first and removed from
 * the text, so its `N分` does not count as an award. `statedWeight` and `maxAward` are kept apart:
 * `该指标分值为10分，…以内计20分，…` has statedWeight 10 and maxAward 20 (a check compares them).
 *
 * Only the first MAX_RULE_CHARS characters of a rule are read: real rules are a few dozen to a
 * few hundred characters, and the cap bounds the work on pasted or corrupted cells.
 */
import { memoString } from '../domain/memo';
import type {
  BinaryRule,
  ChecklistRule,
  Expr,
  ParsedRule,
  PerOccurrenceRule,
  RuleFamily,
  StepRule,
  ThresholdRule,
  Tier,
  TierRule,
  UnspecifiedRule,
} from '../model';
import { normalizeText } from '../domain/text';
import { evalExpr, parseExpr, usesVariable } from './expr';
import { CN_NUMERAL_CHARS, longestFirst, parseSmallNumber, tidy } from './numbers';

/** Rules longer than this are read up to this length only (documented cap, see the file comment). */
export const MAX_RULE_CHARS = 2000;

/** Display names of the families, for findings and the UI. */
export const RULE_FAMILY_LABELS: Readonly<Record<RuleFamily, { 'zh-CN': string; 'en-US': string }>> = {
  step: { 'zh-CN': '步进扣分', 'en-US': 'step deduction' },
  threshold: { 'zh-CN': '阈值+公式', 'en-US': 'threshold + formula' },
  tier: { 'zh-CN': '分档', 'en-US': 'tiers' },
  binary: { 'zh-CN': '达标', 'en-US': 'binary' },
  perOccurrence: { 'zh-CN': '按次', 'en-US': 'per occurrence' },
  checklist: { 'zh-CN': '清单', 'en-US': 'checklist' },
  unspecified: { 'zh-CN': '未明确', 'en-US': 'unspecified' },
};

/** What every family parser gets: the text as written and the weight it states. */
interface RuleContext {
  text: string;
  statedWeight: number | null;
}

const NUM = '\\d+(?:\\.\\d+)?';

/** Reads a 评（扣）分标准 text. Always returns a rule; `text` is the input as given ('' for null). Memoised: treat the result as immutable. */
export function parseRule(text: string | null | undefined): ParsedRule {
  return parseRuleCached(text == null ? '' : String(text));
}

const parseRuleCached = memoString(parseRuleText);

function parseRuleText(original: string): ParsedRule {
  const s = normalizeRuleText(original.slice(0, MAX_RULE_CHARS));
  const weight = findStatedWeight(s);
  const body = weight ? `${s.slice(0, weight.start)},${s.slice(weight.end)}` : s;
  const ctx: RuleContext = { text: original, statedWeight: weight ? weight.value : null };
  return (
    parseThreshold(body, ctx) ??
    parseTier(body, ctx) ??
    parseChecklist(body, ctx) ??
    parseStep(body, ctx) ??
    parsePerOccurrence(body, ctx) ??
    parseBinary(body, ctx) ??
    unspecified(ctx)
  );
}

// ---------------------------------------------------------------- text and weight

/**
 * normalizeText, but circled item numbers (①, ❶) become `(1)` first: NFKC would turn ① into a
 * bare `1`, which could not be told from a number.
 */
function normalizeRuleText(s: string): string {
  const marked = s.replace(/[\u2460-\u2473\u2776-\u277f\u24eb-\u24f4]/g, (c) => `(${circledValue(c)})`);
  return normalizeText(marked);
}

function circledValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1; // ①–⑳
  if (code >= 0x2776 && code <= 0x277f) return code - 0x2776 + 1; // ❶–❿
  return code - 0x24eb + 11; // ⓫–⓴
}

interface WeightMatch {
  value: number;
  start: number;
  end: number;
}

/** `该指标分值为20分`, `该指标分值5分`, `分值：10分`, `权重10分`, `满分10分`. */
const WEIGHT_STATEMENT = new RegExp(`(?:该指标|本指标|此指标|指标)?(?:分值|权重分?|满分|总分)(?:为|是|:|共)?(${NUM})分`);
/** `(10分)` opening the text. */
const WEIGHT_LEADING = new RegExp(`^\\((${NUM})分\\)`);
/** `…(10分)` closing the text (not when the text lists items, where it is the last item's points). */
const WEIGHT_TRAILING = new RegExp(`\\((${NUM})分\\)[。.]?$`);

function findStatedWeight(s: string): WeightMatch | null {
  const m = WEIGHT_STATEMENT.exec(s) ?? WEIGHT_LEADING.exec(s) ?? (hasItemMarkers(s) ? null : WEIGHT_TRAILING.exec(s));
  if (!m) return null;
  return { value: Number(m[1]), start: m.index, end: m.index + m[0].length };
}

function unspecified(ctx: RuleContext): UnspecifiedRule {
  return { family: 'unspecified', text: ctx.text, statedWeight: ctx.statedWeight, maxAward: ctx.statedWeight };
}

/** The first `计N分` / `得N分` (points awarded when the target is met), before `before` when given. */
function findBase(body: string, before = body.length): number | null {
  const m = new RegExp(`(?:计|得|给|赋|记)(${NUM})分`).exec(body.slice(0, before));
  return m ? Number(m[1]) : null;
}

/** `扣满15分为止`, `最多扣10分`, `扣分上限5分`; null for `扣完为止` or nothing. */
function findCap(body: string): number | null {
  const m = new RegExp(`(?:扣满|扣完|最多扣除?|最高扣除?|至多扣除?|扣分上限为?|扣分不超过|累计扣分不超过)(${NUM})分`).exec(body);
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------- threshold + formula

/**
 * `完成率小于60%为不及格，不得分；大于等于60%，…得分=（实际完成率-60%）/（1-60%）*10，
 * 完成率=实际完成值/指标值*100%`.
 * - The formula follows `得分=`; a `得分=` whose formula cannot be read makes the rule unspecified.
 *   `得分为…` counts only when it reads as a formula of the result (`低于60%得分为0` does not).
 * - The threshold is the rate written with 小于/低于/不足 (or 大于等于/不低于) outside the formula;
 *   a formula with no threshold has threshold 0. Two different thresholds → unspecified.
 * - maxAward is the largest value of the formula for rate in [threshold, 1].
 */
function parseThreshold(body: string, ctx: RuleContext): ParsedRule | null {
  const strong = body.indexOf('得分=');
  const weak = strong < 0 ? body.search(/得分为:?/) : -1;
  if (strong < 0 && weak < 0) return null;
  const at = strong >= 0 ? strong + 3 : weak + (body[weak + 3] === ':' ? 4 : 3);
  const parsed = parseExpr(body, at, ctx.statedWeight);
  const formula = parsed && formulaEndsCleanly(body, parsed.end) && usesVariable(parsed.expr) ? parsed.expr : null;
  if (!formula || !parsed) return strong >= 0 ? unspecified(ctx) : null;

  const outside = `${body.slice(0, at)},${body.slice(parsed.end)}`.replace(/完成率=[^,;。]*/g, ',');
  const threshold = findThresholdRate(outside);
  if (threshold === undefined) return unspecified(ctx);
  const rateDefinition = findRateDefinition(body);
  const rule: ThresholdRule = {
    family: 'threshold',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: maxOfFormula(formula, threshold, rateDefinition),
    threshold,
    formula,
    rateDefinition,
  };
  return rule;
}

/** After the formula: the end, a separator, a bracket note or the word 分 (`…*10分`). */
function formulaEndsCleanly(body: string, end: number): boolean {
  const next = body[end];
  return next === undefined || /[,;。.(分]/.test(next);
}

/** The completion rate below which nothing is awarded, as a fraction; undefined when contradictory. */
function findThresholdRate(outside: string): number | undefined {
  const below = new RegExp(`(?:小于|低于|不足|不到|未达到|未达|<)(${NUM})%`).exec(outside);
  const atLeast = new RegExp(`(?:大于等于|大于或等于|不低于|不少于|达到|≥|>=)(${NUM})%`).exec(outside);
  const values = [below, atLeast].filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]) / 100);
  if (values.length === 0) return 0;
  if (values.some((v) => v !== values[0])) return undefined;
  return values[0];
}

/** `完成率=实际完成值/指标值` (正向) or `完成率=指标值/实际完成值` (反向); 正向 when not written. */
function findRateDefinition(body: string): ThresholdRule['rateDefinition'] {
  const m = /完成率=([^,;。]{0,40})/.exec(body);
  if (!m) return 'actualOverTarget';
  const [num, den] = m[1].split(/[/÷]/);
  if (den === undefined) return 'actualOverTarget';
  const isTarget = (t: string) => /指标值|目标值|计划|标准值|预算/.test(t);
  const isActual = (t: string) => /实际|完成值|完成数/.test(t);
  if (isTarget(num) && isActual(den)) return 'targetOverActual';
  return 'actualOverTarget';
}

/** The most the formula awards for a rate in [threshold, 1] (sampled; the formulas are monotone in practice). */
function maxOfFormula(formula: Expr, threshold: number, def: ThresholdRule['rateDefinition']): number | null {
  const low = Math.min(Math.max(threshold, 0), 1);
  const samples = 200;
  let best = -Infinity;
  for (let k = 0; k <= samples; k++) {
    const rate = low + ((1 - low) * k) / samples;
    // Target 1, actual chosen so that the rate definition gives `rate`.
    const actual = def === 'actualOverTarget' ? rate : rate === 0 ? Infinity : 1 / rate;
    const v = evalExpr(formula, { rate, actual, target: 1 });
    if (Number.isFinite(v) && v > best) best = v;
  }
  return best === -Infinity ? null : tidy(best);
}

// ---------------------------------------------------------------- tiers

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
function parseTier(body: string, ctx: RuleContext): TierRule | null {
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

// ---------------------------------------------------------------- checklist

/** Item markers after normalisation: `(1)` (from ①, ⑴, (1)) or `1.`/`1、` at the start or after a separator. */
const ITEM_MARKER = /\((\d{1,2})\)|(?:^|[,;。:])(\d{1,2})[.、](?!\d)/g;

function hasItemMarkers(s: string): boolean {
  return findItemMarkers(s).length >= 2;
}

/** Markers numbered 1, 2, 3, … in order (other numbers in brackets are skipped). */
function findItemMarkers(s: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const re = new RegExp(ITEM_MARKER.source, 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const n = Number(m[1] ?? m[2]);
    if (n === found.length + 1) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** `每少一项扣1分`, `每缺一项扣0.5分`, `每有一项未落实扣1分`. */
const PER_MISSING = new RegExp(
  `每(?:少|缺少|缺失|缺|漏|差)(?:一|1)项[^扣每;。]{0,20}扣(?:除|减)?(${NUM})分|每有?(?:一|1)项[^扣每;。,]{0,12}?(?:未|不|缺)[^扣每;。]{0,20}扣(?:除|减)?(${NUM})分`,
);

/**
 * `①已制定…1分；②…合规、完整，1分；③…有效执行，1分` (items with their points, at least two)
 * and/or `每少一项扣1分，扣完为止`. maxAward is the sum of the items, or the weight when no items are listed.
 * Items without points take the per-missing deduction when it is stated, else the text is not a checklist.
 */
function parseChecklist(body: string, ctx: RuleContext): ChecklistRule | null {
  const perMissing = PER_MISSING.exec(body);
  const deductPerMissing = perMissing ? Number(perMissing[1] ?? perMissing[2]) : null;
  const markers = findItemMarkers(body);
  const items: { label: string; points: number }[] = [];
  if (markers.length >= 2) {
    for (let k = 0; k < markers.length; k++) {
      const end = k + 1 < markers.length ? markers[k + 1].start : perMissing ? perMissing.index : body.length;
      const item = readItem(body.slice(markers[k].end, Math.max(end, markers[k].end)), deductPerMissing);
      if (!item) return null;
      items.push(item);
    }
  }
  if (items.length === 0 && deductPerMissing === null) return null;
  const sum = tidy(items.reduce((acc, it) => acc + it.points, 0));
  return {
    family: 'checklist',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: items.length > 0 ? sum : ctx.statedWeight,
    items,
    deductPerMissing,
  };
}

/** One item: its label and the last `N分` in it (`…有效执行，1分`, `…得1分`, `…(1分)`). */
function readItem(text: string, fallbackPoints: number | null): { label: string; points: number } | null {
  const re = new RegExp(`(?:计|得|给|记)?\\(?(?<!\\d)(?<!\\d\\.)(${NUM})分\\)?`, 'g');
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  const points = last ? Number(last[1]) : fallbackPoints;
  if (points === null) return null;
  const labelText = last ? text.slice(0, last.index) + text.slice(last.index + last[0].length) : text;
  const label = labelText.replace(/^[,;。:、.]+|[,;。:、.]+$/g, '');
  return { label, points };
}

// ---------------------------------------------------------------- step deduction

type Trigger = StepRule['trigger'];

/** The deviation words after 每, longest first (相差 before 差). */
const TRIGGERS = longestFirst<Trigger>([
  ['超过', 'over'],
  ['超出', 'over'],
  ['超支', 'over'],
  ['高于', 'over'],
  ['多于', 'over'],
  ['增加', 'over'],
  ['增长', 'over'],
  ['上升', 'over'],
  ['提高', 'over'],
  ['降低', 'under'],
  ['下降', 'under'],
  ['低于', 'under'],
  ['减少', 'under'],
  ['少于', 'under'],
  ['不足', 'under'],
  ['未达到', 'under'],
  ['相差', 'diff'],
  ['偏离', 'diff'],
  ['偏差', 'diff'],
  ['误差', 'diff'],
  ['差', 'under'],
]);

/** Counting words: `每增加一起` counts occurrences, not a step of a quantity. */
const OCCURRENCE_CLASSIFIERS = /^(?:起|次|例|件|宗|人次|项|处|条|份|篇)/;

interface StepClause {
  index: number;
  trigger: Trigger;
  stepSize: number;
  stepUnit: StepRule['stepUnit'];
  deductPerStep: number;
}

/**
 * `每超过10%扣2分` (percent), `每超过一个百分点扣0.5分` (point), `每超过1万元扣1分` (absolute).
 * The base is the `计N分` before the first step clause. Several clauses must agree; `每超过…扣`
 * together with `每低于…扣` with the same step is 'diff'; any other mix is unspecified.
 */
function parseStep(body: string, ctx: RuleContext): ParsedRule | null {
  const clauses = findStepClauses(body);
  if (clauses.length === 0) return null;
  const first = clauses[0];
  let trigger = first.trigger;
  for (const c of clauses.slice(1)) {
    if (c.stepSize !== first.stepSize || c.stepUnit !== first.stepUnit || c.deductPerStep !== first.deductPerStep) {
      return unspecified(ctx);
    }
    if (c.trigger !== trigger) trigger = 'diff';
  }
  const base = findBase(body, first.index);
  const rule: StepRule = {
    family: 'step',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: base ?? ctx.statedWeight,
    base,
    trigger,
    stepSize: first.stepSize,
    stepUnit: first.stepUnit,
    deductPerStep: first.deductPerStep,
    cap: findCap(body),
    // 不足10%按10%计: a partial step counts as a whole one.
    partialSteps: /不足[^,;。]{0,12}按[^,;。]{0,12}计/.test(body),
  };
  return rule;
}

function findStepClauses(body: string): StepClause[] {
  const clauses: StepClause[] = [];
  for (let i = body.indexOf('每'); i >= 0; i = body.indexOf('每', i + 1)) {
    const clause = readStepClause(body, i);
    if (clause) clauses.push(clause);
  }
  return clauses;
}

const DEDUCTION = new RegExp(`^[^每;。]{0,12}?(?:扣除|扣减|扣|减)(${NUM})分`);

function readStepClause(body: string, at: number): StepClause | null {
  let pos = at + 1;
  if (body.startsWith('个', pos)) pos++;
  const trigger = TRIGGERS.find(([w]) => body.startsWith(w, pos));
  if (!trigger) return null;
  pos += trigger[0].length;
  if (body[pos] === '了') pos++;
  const quantity = readStepQuantity(body.slice(pos, pos + 24));
  if (!quantity) return null;
  pos += quantity.length;
  const deduction = DEDUCTION.exec(body.slice(pos, pos + 40));
  if (!deduction) return null;
  return {
    index: at,
    trigger: trigger[1],
    stepSize: quantity.size,
    stepUnit: quantity.unit,
    deductPerStep: Number(deduction[1]),
  };
}

const CN_OR_ARABIC = `(?:${NUM}|[${CN_NUMERAL_CHARS}]{1,3})`;
const STEP_POINT = new RegExp(`^(${CN_OR_ARABIC})?个?百分点`);
const STEP_PERCENT = new RegExp(`^(?:(${NUM})%|百分之(${CN_OR_ARABIC}))`);
const STEP_ABSOLUTE = new RegExp(`^(${CN_OR_ARABIC})([^\\d,;。扣减每%]{0,4})`);

/** The size of one step: `10%`, `百分之五`, `一个百分点`, `2个百分点`, `1万元`. */
function readStepQuantity(s: string): { size: number; unit: StepRule['stepUnit']; length: number } | null {
  const point = STEP_POINT.exec(s);
  if (point) {
    const size = point[1] === undefined ? 1 : parseSmallNumber(point[1]);
    return size === null || size <= 0 ? null : { size, unit: 'point', length: point[0].length };
  }
  const pct = STEP_PERCENT.exec(s);
  if (pct) {
    const size = pct[1] !== undefined ? Number(pct[1]) : parseSmallNumber(pct[2]);
    return size === null || size <= 0 ? null : { size, unit: 'percent', length: pct[0].length };
  }
  const abs = STEP_ABSOLUTE.exec(s);
  if (abs && !OCCURRENCE_CLASSIFIERS.test(abs[2]) && !abs[2].startsWith('个')) {
    const size = parseSmallNumber(abs[1]);
    return size === null || size <= 0 ? null : { size, unit: 'absolute', length: abs[0].length };
  }
  return null;
}

// ---------------------------------------------------------------- per occurrence

/** The words that make a `每…` clause count events: `每发生一起`, `每出现一个…`, `每次`, `每有1人次投诉`. */
const OCCURRENCE_START = /^(?:出现|发生|有|存在|发现|被|收到|接到|查出|查实|造成|次|起|例|件|宗|人次)/;
const OCCURRENCE_COUNT = new RegExp(`(?:\\d+|[${CN_NUMERAL_CHARS}])(?:起|次|例|件|宗|人次|个|项|处|家|条|份|户|篇|名|人)`);
/** After a comma inside a `每…扣N分` clause, only a short link (`则`, `即`) may precede the deduction. */
const MAX_WORDS_AFTER_COMMA = 2;
const OCCURRENCE_EFFECT = new RegExp(`^([^每;。]{0,40}?)(扣除|扣减|扣|减|加)(${NUM})分`);

/**
 * `每发生一起扣5分`, `每出现一个专项未按进度完成资金下达扣0.5分，扣完为止`, `每次加1分`.
 * Several clauses must agree, else unspecified.
 */
function parsePerOccurrence(body: string, ctx: RuleContext): ParsedRule | null {
  const clauses: { index: number; pointsPer: number; effect: PerOccurrenceRule['effect'] }[] = [];
  for (let i = body.indexOf('每'); i >= 0; i = body.indexOf('每', i + 1)) {
    const m = OCCURRENCE_EFFECT.exec(body.slice(i + 1, i + 64));
    if (!m) continue;
    const between = m[1];
    if (!OCCURRENCE_START.test(between) && !OCCURRENCE_COUNT.test(between)) continue;
    // `每发生一起，扣5分` is one clause; `每季度报送一次，未按时报送扣1分` is two (not a count of events).
    const comma = between.lastIndexOf(',');
    if (comma >= 0 && between.length - comma - 1 > MAX_WORDS_AFTER_COMMA) continue;
    clauses.push({ index: i, pointsPer: Number(m[3]), effect: m[2] === '加' ? 'add' : 'deduct' });
  }
  if (clauses.length === 0) return null;
  const first = clauses[0];
  if (clauses.some((c) => c.pointsPer !== first.pointsPer || c.effect !== first.effect)) return unspecified(ctx);
  const base = findBase(body, first.index);
  const rule: PerOccurrenceRule = {
    family: 'perOccurrence',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: base ?? ctx.statedWeight,
    pointsPer: first.pointsPer,
    effect: first.effect,
    base,
    cap: findCap(body),
  };
  return rule;
}

// ---------------------------------------------------------------- binary

const REACH_WORDS = /达到|达标|完成|实现|满足|符合|通过|合格/;
const ON_TIME_WORDS = /按时|按期|如期|准时|及时|规定时间|规定时限|时限内|逾期|延期|超期|前完成/;
const AWARD = new RegExp(`(?:计|得|给|赋|记)(${NUM})分|(?:计|得|给)满分`, 'g');
const ZERO = /不得分|不计分|不给分|得0分|计0分|得零分|0分/;
const NEGATION = /未|没有|否则|不能|不按|逾期|延期|超期/;
/** `否则按比例得分`, `酌情赋分`: partial scores, so not all-or-nothing. */
const PROPORTIONAL = /比例|酌情|相应|折算|按实际|视情|适当|部分/;
/** Dates in the condition (`2024年12月前完成计10分`) are part of an on-time condition, not numbers to score. */
const DATE_WORDS = /\d{4}年(?:\d{1,2}月)?(?:\d{1,2}[日号])?|\d{1,2}月(?:\d{1,2}[日号])?/g;

/**
 * `达到目标值计20分，否则不得分` (points 20), `未达到标准值不得分` (points null = the weight),
 * `按时完成计10分，否则不得分` (onTime). Needs a reach or on-time word and either one award or a
 * negated condition with no points; any other number in the text (`达到95%计10分`) or partial
 * scoring (`否则按比例得分`) → not binary.
 */
function parseBinary(body: string, ctx: RuleContext): BinaryRule | null {
  if (/扣|每/.test(body) || PROPORTIONAL.test(body)) return null;
  const onTime = ON_TIME_WORDS.test(body);
  if (!onTime && !REACH_WORDS.test(body)) return null;
  const awards = [...body.matchAll(AWARD)];
  if (awards.length > 1) return null;
  const award = awards[0];
  const zero = ZERO.exec(body);
  if (!award && !(zero && NEGATION.test(body.slice(0, zero.index)))) return null;
  const rest = body.replace(AWARD, ',').replace(ZERO, ',').replace(DATE_WORDS, ',');
  if (/\d/.test(rest)) return null;
  const points = award && award[1] !== undefined ? Number(award[1]) : null;
  return {
    family: 'binary',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: points ?? ctx.statedWeight,
    points,
    condition: onTime ? 'onTime' : 'reach',
  };
}
