/** Filling a template: placeholders `{name}` / `{name*0.8}` with params, defaults and the built-ins. */
import type { Direction } from '../../model';
import { formatNumber } from '../../snapshot/snapshot';
import { tidy } from '../../parse/numbers';
import type { IndicatorTemplate, TemplateLibrary } from './schema';

export type ParamValue = number | string;

/** Values the planner knows about the place an indicator goes. */
export interface Builtins {
  weight?: number;
  project?: string;
  fund?: number | null;
  year?: number;
}

export const BUILTIN_PARAMS = ['weight', 'project', 'fund', 'year', 'target'] as const;

/** A template that cannot be filled: the params that have neither a value nor a default. */
export class TemplateFillError extends Error {
  constructor(
    readonly templateId: string,
    readonly missing: string[],
    message?: string,
  ) {
    super(message ?? `模板「${templateId}」缺少参数：${missing.join('、')} / template "${templateId}" needs a value for: ${missing.join(', ')}`);
    this.name = 'TemplateFillError';
  }
}

const PLACEHOLDER = /\{\s*([A-Za-z][A-Za-z0-9]*)\s*(?:([*/+-])\s*(-?\d+(?:\.\d+)?)\s*)?\}/g;

/** Names a pattern refers to. */
export function placeholdersOf(pattern: string): string[] {
  const out: string[] = [];
  for (const m of pattern.matchAll(PLACEHOLDER)) out.push(m[1]);
  return out;
}

export function formatParam(v: ParamValue): string {
  return typeof v === 'number' ? formatNumber(tidy(v)) : v;
}

/** Fills a pattern; `lookup` returns undefined for a name it does not know (then MissingParam is thrown). */
export function renderPattern(pattern: string, lookup: (name: string) => ParamValue | undefined): string {
  return pattern.replace(PLACEHOLDER, (_all, name: string, op?: string, num?: string) => {
    const v = lookup(name);
    if (v === undefined) throw new MissingParam(name);
    if (!op) return formatParam(v);
    const x = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(x)) throw new Error(`{${name}${op}${num}}: ${name} is not a number (${v})`);
    const k = Number(num);
    const r = op === '*' ? x * k : op === '/' ? x / k : op === '+' ? x + k : x - k;
    return formatParam(tidy(r));
  });
}

class MissingParam extends Error {
  constructor(readonly param: string) {
    super(param);
  }
}

/** Units that measure nothing: `{target}` does not repeat them. */
const NO_MEASURE = new Set(['', '无', '-', '—', '/', '／', '定性']);

/** The target followed by its unit when the unit measures something and the target does not end with it. */
export function targetWithUnit(target: string, unit: string): string {
  const u = unit.trim();
  if (NO_MEASURE.has(u) || target.endsWith(u)) return target;
  return `${target}${u}`;
}

/** An indicator filled from a template, ready to be written. */
export interface FilledIndicator {
  templateId: string;
  name: string;
  /** A number when the filled target reads as a plain number. */
  target: string | number;
  unit: string;
  direction: Direction;
  content: string | null;
  rule: string;
  weight: number;
  /** Every param with the value used. */
  params: Record<string, ParamValue>;
}

export interface FillOptions {
  /** Values given by the caller; they win over defaults. */
  values?: Record<string, ParamValue | undefined>;
  builtins: Builtins;
  /** Prefix the rule with the library's weight statement (when the table has no 分值 column). */
  stateWeight: boolean;
  /** Use each param's sample when it has no value and no default (tests and previews only). */
  samples?: boolean;
}

/** Resolves every param of the template: given value, else default (a pattern), else sample (when asked). */
export function resolveParams(t: IndicatorTemplate, opts: FillOptions): Record<string, ParamValue> {
  const given = opts.values ?? {};
  const b = opts.builtins;
  const builtin: Record<string, ParamValue | undefined> = {
    weight: b.weight,
    project: b.project,
    fund: b.fund ?? undefined,
    year: b.year,
  };
  const resolved: Record<string, ParamValue> = {};
  const missing = new Set<string>();
  const visiting = new Set<string>();

  const lookup = (name: string): ParamValue | undefined => {
    if (name in t.params) return resolve(name);
    const g = given[name];
    if (g !== undefined && g !== '') return g;
    if (name === 'weight' && builtin.weight === undefined && opts.samples) return 10;
    if (builtin[name] === undefined && opts.samples) {
      if (name === 'project') return '示例项目';
      if (name === 'fund') return 100;
      if (name === 'year') return 2024;
    }
    return builtin[name];
  };

  const resolve = (name: string): ParamValue | undefined => {
    if (name in resolved) return resolved[name];
    const p = t.params[name];
    if (visiting.has(name)) throw new Error(`template ${t.id}: params refer to each other (${[...visiting, name].join(' → ')})`);
    visiting.add(name);
    try {
      let v: ParamValue | undefined = given[name] === '' ? undefined : given[name];
      if (v === undefined && p.default !== undefined) {
        if (typeof p.default === 'number') v = p.default;
        else {
          try {
            v = renderPattern(p.default, lookup);
          } catch (e) {
            if (!(e instanceof MissingParam)) throw e;
            v = undefined;
          }
        }
      }
      if (v === undefined && opts.samples) v = p.sample;
      if (v === undefined) {
        missing.add(name);
        return undefined;
      }
      if (p.type === 'number') {
        const n = typeof v === 'number' ? v : Number(String(v).trim());
        if (!Number.isFinite(n)) throw new TemplateFillError(t.id, [name], `模板「${t.id}」的参数 ${name} 应为数值：${v} / template "${t.id}": ${name} must be a number, got "${v}"`);
        v = n;
      } else v = String(v);
      resolved[name] = v;
      return v;
    } finally {
      visiting.delete(name);
    }
  };

  for (const name of Object.keys(t.params)) resolve(name);
  if (missing.size) throw new TemplateFillError(t.id, [...missing]);
  for (const k of Object.keys(builtin)) {
    if (k in resolved) continue;
    const v = lookup(k);
    if (v !== undefined) resolved[k] = k === 'weight' || k === 'fund' || k === 'year' ? Number(v) : v;
  }
  return resolved;
}

/** Fills a template. Throws TemplateFillError naming the params that have no value. */
export function fillTemplate(t: IndicatorTemplate, library: Pick<TemplateLibrary, 'weightStatement'>, opts: FillOptions): FilledIndicator {
  const params = resolveParams(t, opts);
  const missing = new Set<string>();
  const lookup = (name: string): ParamValue | undefined => {
    const v = params[name];
    if (v === undefined) missing.add(name);
    return v;
  };
  const render = (pattern: string): string => {
    try {
      return renderPattern(pattern, lookup);
    } catch (e) {
      if (e instanceof MissingParam) {
        missing.add(e.param);
        return '';
      }
      throw e;
    }
  };
  const name = render(t.name);
  const targetText = render(t.target);
  const unit = render(t.unit);
  const withTarget = (name2: string): ParamValue | undefined => (name2 === 'target' ? targetWithUnit(targetText, unit) : lookup(name2));
  const renderWithTarget = (pattern: string): string => {
    try {
      return renderPattern(pattern, withTarget);
    } catch (e) {
      if (e instanceof MissingParam) {
        missing.add(e.param);
        return '';
      }
      throw e;
    }
  };
  const content = t.content ? renderWithTarget(t.content) : null;
  let rule = renderWithTarget(t.rule);
  if (opts.stateWeight) rule = renderWithTarget(library.weightStatement) + rule;
  if (missing.size) throw new TemplateFillError(t.id, [...missing]);
  const weight = typeof params.weight === 'number' ? params.weight : Number(params.weight);
  return {
    templateId: t.id,
    name,
    target: /^-?\d+(?:\.\d+)?$/.test(targetText) ? Number(targetText) : targetText,
    unit,
    direction: t.direction,
    content,
    rule,
    weight,
    params,
  };
}
