/**
 * 指标值: the target value of an indicator, as written in the cell.
 *
 * Reads numbers with their glued unit (`57.6万元`, `1965家单位`, `95%`), comparisons written in the
 * value (`≥95%`, `不低于90%`, `10万元以内`), dates (`2024年12月前`, `2025年10月底前`, `2024年`)
 * and qualitative words (`有效`, `规范`, `无遗失损坏`), flagging the vague ones.
 *
 * Decisions the callers must know:
 * - A range (`3-5个`, `85%-95%`, `3至5个`) parses as kind 'number' with `value` = the lower bound
 *   (the least the target asks for), `direction` null and `range` = {min, max}.
 * - `约30万元` / `30万元左右` parse as 30 万元 with `approximate: true`.
 * - A change written as the target (`下降1%`, `同比增长5%`) parses as the number (1, 5) with its unit;
 *   the direction stays null (the word says which way, not a comparison).
 * - A number cell (not text) is taken as it is: 0.95 is 0.95, not 95%.
 * - `2024年预算` (a year followed by other words) and `12月底前` (no year) are text, not dates or numbers.
 * - Texts longer than MAX_TARGET_CHARS are read as (non-vague) text without further parsing.
 * - `=100百分比` and `≥90.00(%)` are percentages (`isPercent`, unit `%`); `985(米)` is 985 米.
 */
import { memoString } from '../domain/memo';
import type { Direction, ParsedTarget, TargetDate } from '../model';
import { normalizeText } from '../domain/text';
import { longestFirst } from './numbers';

/** ParsedTarget plus optional details. The extra fields are only present when they apply. */
export interface ParsedTargetDetail extends ParsedTarget {
  /** For a range target (`3-5个`): both bounds, as written. `value` holds `min`. */
  range?: { min: number; max: number };
  /** `约30万元`, `30万元左右`. */
  approximate?: true;
  /** A text target that is a template leftover (「XX」, 「**」, 「……」, 「请填写」): the leftover. */
  placeholder?: string;
  /** A text target that says there is no indicator (本项目不适用此指标, 不适用; not 无, a target of its own). */
  notApplicable?: true;
}

/** A 指标值 cell is short; longer texts are kept as text and not scanned (bounds the work). */
const MAX_TARGET_CHARS = 200;
/** The longest unit accepted as glued to a number (`家单位`, `个专项`, `平方米`). */
const MAX_UNIT_CHARS = 6;

export function parseTarget(raw: string | number | boolean | null | undefined): ParsedTargetDetail {
  if (raw == null) return EMPTY;
  if (typeof raw === 'boolean') return textTarget(raw ? 'TRUE' : 'FALSE', false);
  if (typeof raw === 'number') {
    let hit = numberTargets.get(raw);
    if (hit === undefined) {
      if (numberTargets.size >= 20000) numberTargets.clear();
      numberTargets.set(raw, (hit = numberTarget(raw)));
    }
    return hit;
  }
  return parseTargetCached(raw.trim());
}

/** Results are shared between callers (as the memoised text results are): treat them as immutable. */
const EMPTY = emptyTarget('');
const numberTargets = new Map<number, ParsedTargetDetail>();

function numberTarget(raw: number): ParsedTargetDetail {
  // A number cell is taken as it is (0.95 stays 0.95; the cell's format is not known here).
  if (!Number.isFinite(raw)) return textTarget(String(raw), false);
  return { ...baseTarget(String(raw)), kind: 'number', value: raw + 0 }; // + 0 turns -0 into 0
}

/** Memoised on the text: results are shared, treat them as immutable. */
const parseTargetCached = memoString(parseTargetText);

function parseTargetText(text: string): ParsedTargetDetail {
  if (text.length > MAX_TARGET_CHARS) return textTarget(text, false);
  const s = normalizeText(text).replace(/[。.,;、]+$/, '');
  if (s === '') return emptyTarget(text);
  const parsed = parseDate(s, text) ?? parseNumber(s, text);
  if (parsed) return parsed;
  // Marks the checks read from the parse, shared by every row with the same text (no string is read again).
  const t = textTarget(text, isVague(s));
  const leftover = templateLeftover(text);
  if (leftover !== null) t.placeholder = leftover;
  if (text.includes('不适用')) t.notApplicable = true;
  return t;
}

// ---------------------------------------------------------------- building results

function baseTarget(text: string): ParsedTargetDetail {
  return {
    kind: 'text',
    text,
    value: null,
    unit: null,
    isPercent: false,
    direction: null,
    date: null,
    vague: false,
  };
}

function emptyTarget(text: string): ParsedTargetDetail {
  return { ...baseTarget(text), kind: 'empty' };
}

function textTarget(text: string, vague: boolean): ParsedTargetDetail {
  return { ...baseTarget(text), vague };
}

// ---------------------------------------------------------------- dates

/** Words before a date that do not change it (`在2024年12月前`, `截至2024年底`). */
const DATE_PREFIX = '(?:在|于|截至|截止到|截止于|截止|到|至)?';
/** `2024年`, `2024年度`, `2024年12月`, `2024年12月31日`, then the bound words. */
const CN_DATE = new RegExp(`^${DATE_PREFIX}(\\d{4})年度?(?:(\\d{1,2})月份?(?:(\\d{1,2})[日号])?)?(.*)$`);
/** `2024-12-31`, `2024/12`, `2024.12.31` (a dotted date needs all three parts: `2024.12` is a number). */
const ISO_DATE = new RegExp(`^${DATE_PREFIX}(\\d{4})(?:[-/](\\d{1,2})(?:[-/](\\d{1,2}))?|\\.(\\d{1,2})\\.(\\d{1,2}))(.*)$`);
/**
 * What may follow a date: 底/末 (end of the period), then 前/之前/以前/内 (not later than)
 * or 后/之后/以后 (after), then 完成-like words.
 */
const DATE_SUFFIX = /^(底|末)?(前|之前|以前|内|以内|之内|后|之后|以后)?(完成|完工|结束|办结)?$/;

function parseDate(s: string, text: string): ParsedTargetDetail | null {
  let year: string, month: string | undefined, day: string | undefined, rest: string;
  const cn = CN_DATE.exec(s);
  const iso = cn ? null : ISO_DATE.exec(s);
  if (cn) {
    [, year, month, day, rest] = cn;
  } else if (iso) {
    year = iso[1];
    month = iso[2] ?? iso[4];
    day = iso[3] ?? iso[5];
    rest = iso[6];
  } else {
    return null;
  }
  const suffix = DATE_SUFFIX.exec(rest);
  if (!suffix) return null;
  const date: TargetDate = {
    year: Number(year),
    month: month === undefined ? null : Number(month),
    day: day === undefined ? null : Number(day),
    bound: dateBound(suffix[1], suffix[2]),
  };
  if (!validDate(date)) return null;
  return { ...baseTarget(text), kind: 'date', date };
}

/** 前/之前/以前/内 and 底/末 ("by the end of") = 'by'; 后 = 'after'; nothing = 'on'. */
function dateBound(end: string | undefined, rel: string | undefined): TargetDate['bound'] {
  if (rel !== undefined && rel.endsWith('后')) return 'after';
  if (rel !== undefined || end !== undefined) return 'by';
  return 'on';
}

function validDate(d: TargetDate): boolean {
  if (d.year < 1900 || d.year > 2199) return false;
  if (d.month !== null && (d.month < 1 || d.month > 12)) return false;
  if (d.day !== null && (d.day < 1 || d.day > 31)) return false;
  return true;
}

// ---------------------------------------------------------------- numbers

type Affix = readonly [string, Direction | null, 'approx'?];

/** Words before the number. Comparisons set the direction; the others are dropped. */
const NUMBER_PREFIXES = longestFirst<Direction | null, Affix>([
  ['≥', 'gte'],
  ['>=', 'gte'],
  ['>', 'gte'],
  ['大于等于', 'gte'],
  ['大于或等于', 'gte'],
  ['大于', 'gte'],
  ['高于', 'gte'],
  ['超过', 'gte'],
  ['不低于', 'gte'],
  ['不少于', 'gte'],
  ['不小于', 'gte'],
  ['达到', 'gte'],
  ['至少', 'gte'],
  ['≤', 'lte'],
  ['<=', 'lte'],
  ['<', 'lte'],
  ['小于等于', 'lte'],
  ['小于或等于', 'lte'],
  ['小于', 'lte'],
  ['低于', 'lte'],
  ['不高于', 'lte'],
  ['不超过', 'lte'],
  ['不多于', 'lte'],
  ['不大于', 'lte'],
  ['最多', 'lte'],
  ['至多', 'lte'],
  ['=', 'eq'],
  ['等于', 'eq'],
  ['约', null, 'approx'],
  ['大约', null, 'approx'],
  ['约为', null, 'approx'],
  ['近', null, 'approx'],
  ['接近', null, 'approx'],
  ['控制在', null],
  ['为', null],
  ['完成', null],
  ['共', null],
  ['合计', null],
  ['累计', null],
  ['同比', null],
  ['较上年', null],
  ['比上年', null],
  // A change as the target (`下降1%`): the number is read, the direction is not a comparison.
  ['增长', null],
  ['增加', null],
  ['提高', null],
  ['提升', null],
  ['下降', null],
  ['降低', null],
  ['减少', null],
]);

/** Words after the number and its unit. */
const NUMBER_SUFFIXES = longestFirst<Direction | null, Affix>([
  ['以上', 'gte'],
  ['及以上', 'gte'],
  ['(含)以上', 'gte'],
  ['以下', 'lte'],
  ['及以下', 'lte'],
  ['(含)以下', 'lte'],
  ['以内', 'lte'],
  ['之内', 'lte'],
  ['内', 'lte'],
  ['左右', null, 'approx'],
  ['(含)', null],
]);

/** A number with optional sign, thousands separators (`1,965`) and decimals. */
const NUMBER_AT_START = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
/** Range separators (`3-5个`, `3~5个`, `3至5个`). */
const RANGE_SEPARATOR = /^(?:-|~|至|到|—|–)/;
/** Characters a unit never holds: digits at its start, comparisons, separators, brackets. */
const NOT_A_UNIT = /^\d|[≥≤<>=,;:。、.()[\]{}]/;

interface NumberScan {
  value: number;
  percent: boolean;
  rest: string;
}

/** Reads a number (and a `%` right after it) at the start of s. */
function scanNumber(s: string): NumberScan | null {
  const m = NUMBER_AT_START.exec(s);
  if (!m) return null;
  const value = Number(m[0].replace(/,/g, '')) + 0; // + 0 turns -0 into 0
  if (!Number.isFinite(value)) return null;
  let rest = s.slice(m[0].length);
  const percent = rest.startsWith('%');
  if (percent) rest = rest.slice(1);
  return { value, percent, rest };
}

function parseNumber(s: string, text: string): ParsedTargetDetail | null {
  let direction: Direction | null = null;
  let approximate = false;
  // Up to three prefix words (`同比下降`, `控制在约`).
  let rest = s;
  for (let k = 0; k < 3; k++) {
    const prefix = NUMBER_PREFIXES.find(([w]) => rest.startsWith(w));
    if (!prefix) break;
    direction ??= prefix[1];
    approximate ||= prefix[2] === 'approx';
    rest = rest.slice(prefix[0].length);
  }
  const first = scanNumber(rest);
  if (!first) return null;
  let percent = first.percent;
  rest = first.rest;

  let range: { min: number; max: number } | undefined;
  const sep = RANGE_SEPARATOR.exec(rest);
  if (sep) {
    const second = scanNumber(rest.slice(sep[0].length));
    if (!second || first.percent !== second.percent && first.percent) return null;
    range = { min: Math.min(first.value, second.value), max: Math.max(first.value, second.value) };
    percent ||= second.percent;
    rest = second.rest;
  }

  const suffix = NUMBER_SUFFIXES.find(([w]) => rest.endsWith(w));
  if (suffix) {
    rest = rest.slice(0, rest.length - suffix[0].length);
    direction ??= suffix[1];
    approximate ||= suffix[2] === 'approx';
  }
  if (rest.startsWith('(含)')) rest = rest.slice(4);
  // A unit in brackets (`=100.00(%)`, `985(米)`: how Shanghai's budget system exports values) and 百分比
  // spelled out (`=100百分比`, 甘肃) are the unit as written plainly.
  const bracketed = /^\(([^()]+)\)$/.exec(rest);
  if (bracketed) rest = bracketed[1];
  if (!percent && (rest === '%' || rest === '百分比' || rest === '百分率')) {
    percent = true;
    rest = '';
  }

  const unit = readUnit(rest, percent);
  if (unit === undefined) return null;
  if (!percent && unit !== null && looksLikeDatePart(first.value, unit)) return null;
  const target: ParsedTargetDetail = {
    ...baseTarget(text),
    kind: 'number',
    value: range ? range.min : first.value,
    unit,
    isPercent: percent,
    direction: range ? null : direction,
  };
  if (range) target.range = range;
  if (approximate) target.approximate = true;
  return target;
}

/**
 * `2024年预算` (a year, not 2024 of something), `12月底前` (a month with no year, not 12 of 月底前):
 * calendar words after a number are not a unit. `3年`, `12个月` stay durations.
 */
function looksLikeDatePart(value: number, unit: string): boolean {
  if (/^[月日号]/.test(unit)) return true;
  return unit.startsWith('年') && Number.isInteger(value) && value >= 1900 && value <= 2199;
}

/** The unit after the number: '%' for percentages, the glued word, or null; undefined = not a unit. */
function readUnit(rest: string, percent: boolean): string | null | undefined {
  if (percent) return rest === '' ? '%' : undefined;
  if (rest === '') return null;
  if (rest.length > MAX_UNIT_CHARS || NOT_A_UNIT.test(rest)) return undefined;
  return rest;
}

// ---------------------------------------------------------------- template leftovers

/**
 * The template leftover a text is or holds (「……」, 「**」, 「XX」, 「请填写」, a bare 「指标2」), or null. Ellipses and
 * bare template names count only as the whole cell (`包括……等` is prose); the others anywhere.
 */
export function templateLeftover(text: string): string | null {
  return MAY_HOLD_LEFTOVER.test(text) ? leftoverCached(text) : null;
}

/** A character every leftover holds (before normalisation): most cells are passed over by this test alone. */
const MAY_HOLD_LEFTOVER = /[.．…。·*＊XxＸｘ×请指]/;

const leftoverCached = memoString((text: string): string | null => {
  const s = normalizeText(text);
  if (s === '') return null;
  // NFKC spells 「…」 as three dots.
  if (/^[.。·]+$/.test(s) && s.length >= 3) return text.trim();
  if (/^(?:三级)?指标[0-9一二三四五六七八九十]+[:：]?$/.test(s)) return s;
  const m = /\*{2,}|(?<![A-Za-z])(?:X{2,}|x{2,}|×{2,})(?![A-Za-z])|请(?:填写|填报|输入|选择)/.exec(s);
  return m ? m[0] : null;
});

/** 本项目不适用此指标, 不适用, or 无 alone: a cell that says there is no indicator. */
export function saysNotApplicable(text: string): boolean {
  if (text.includes('不适用')) return true;
  // Only a short cell can be 无 alone (`无`, ` 无 `, `暂无`): the rest are passed over without normalising.
  if (text.length > 8 || !text.includes('无')) return false;
  const s = normalizeText(text);
  return s === '无' || s === '暂无';
}

// ---------------------------------------------------------------- vague words

/**
 * Words that on their own do not make a measurable target (primer §3.5: 有效, 提升, 明显, 良好,
 * 进一步, 规范 = 指标不够细化、量化). A target is vague when it is made of these words only
 * (`有效`, `明显提升`, `持续有效`, `进一步优化`); `无遗失损坏`, `无错漏`, `按时完成`, `合格`
 * state something checkable and are not vague.
 */
const VAGUE_WORDS = [
  '有效', '提升', '提高', '明显', '显著', '良好', '较好', '优良', '优质', '进一步', '规范', '稳定',
  '持续', '完整', '完善', '减少', '降低', '下降', '优化', '管理', '服务', '增加', '增长', '增强',
  '加强', '改善', '改进', '促进', '推进', '保障', '稳步', '逐步', '不断', '大幅', '积极', '高效',
  '有序', '健全', '合理', '充分', '到位', '落实', '平稳', '较高', '较大', '更好', '好', '高',
  // One-word activities with nothing to measure (seed: 检查, 管理, 服务).
  '检查', '监督', '推动', '开展', '实施', '建设', '加快', '深化', '强化', '巩固',
];

/** Words that may sit between vague words without adding content (`有所提升`, `规范、有序`). */
const FILLER_WORDS = ['有所', '得到', '更加', '较', '很', '更', '了', '的', '地', '得', '和', '与', '及', '并', '且', '、', ',', ';', '!'];

/** [word, whether it is a vague word (true) or a filler (false)], longest first. */
const VAGUE_SCAN = longestFirst<boolean>([...VAGUE_WORDS.map((w) => [w, true] as const), ...FILLER_WORDS.map((w) => [w, false] as const)]);

function isVague(s: string): boolean {
  let i = 0;
  let vagueWords = 0;
  while (i < s.length) {
    const hit = VAGUE_SCAN.find(([w]) => s.startsWith(w, i));
    if (!hit) return false;
    if (hit[1]) vagueWords++;
    i += hit[0].length;
  }
  return vagueWords > 0;
}
