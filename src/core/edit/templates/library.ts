/**
 * The template library: the default one (templates/indicators.json in the repository) and a user's
 * own file extending or overriding it. A user's file has the same shape; its templates replace the
 * default ones with the same id and add the others; `remove` drops default ids; `replace: true`
 * starts from nothing. Every library is checked on load: zod for the shape, then the placeholders,
 * one default per 二级, and every rule text filled with its samples must parse back (parseRule) to
 * the family and numbers its `expect` states.
 */
import defaultData from '../../../../templates/indicators.json';
import type { Lang } from '../../check/findings';
import type { ParsedRule, SubcategoryKey } from '../../model';
import { parseRule } from '../../parse/rule';
import { STANDARD_SUBCATEGORIES, SUBCATEGORY_KEYS } from '../../domain/framework';
import { BUILTIN_PARAMS, fillTemplate, placeholdersOf, renderPattern, type FilledIndicator, type ParamValue } from './fill';
import { TemplateLibrarySchema, type IndicatorTemplate, type TemplateLibrary, type TemplateLibraryFile } from './schema';

export class TemplateLibraryError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'TemplateLibraryError';
  }
}

/** Validates the shape of a library file (already JSON-decoded); throws naming the field. */
export function parseTemplateLibraryFile(input: unknown, where = 'templates'): ReturnType<typeof TemplateLibrarySchema.parse> {
  const r = TemplateLibrarySchema.safeParse(input);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new TemplateLibraryError(`${where}: ${issues.join('; ')}`, issues);
  }
  return r.data;
}

function build(file: ReturnType<typeof TemplateLibrarySchema.parse>, base: TemplateLibrary | null): TemplateLibrary {
  const drop = new Set(file.remove ?? []);
  const start = base && !file.replace ? base.templates.filter((t) => !drop.has(t.id)) : [];
  const byId = new Map(start.map((t) => [t.id, t] as const));
  for (const t of file.templates) byId.set(t.id, t);
  return {
    weightStatement: file.weightStatement ?? base?.weightStatement ?? '该指标分值为{weight}分，',
    defaultWeight: file.defaultWeight ?? base?.defaultWeight ?? 10,
    templates: [...byId.values()],
  };
}

/** The library shipped with jixiao. */
export const DEFAULT_LIBRARY: TemplateLibrary = build(parseTemplateLibraryFile(defaultData, 'templates/indicators.json'), null);

/**
 * The default library extended by a user's file (JSON-decoded), checked. Throws a TemplateLibraryError
 * listing every problem (shape, placeholders, a rule that does not read back as its `expect`).
 */
export function loadTemplateLibrary(user?: unknown, where = 'templates', base: TemplateLibrary = DEFAULT_LIBRARY): TemplateLibrary {
  if (user === undefined || user === null) return base;
  const lib = build(parseTemplateLibraryFile(user, where), base);
  const problems = checkLibrary(lib);
  if (problems.length) throw new TemplateLibraryError(`${where}: ${problems.join('; ')}`, problems);
  return lib;
}

// ---------------------------------------------------------------- queries

export interface TemplateSummary {
  id: string;
  label: string;
  subcategories: SubcategoryKey[];
  /** Standard names of those 二级. */
  subcategoryNames: string[];
  default: boolean;
  direction: IndicatorTemplate['direction'];
  unit: string;
  family: ParsedRule['family'];
  /** Filled with the samples (weight 10), as a preview. */
  example: { name: string; target: string | number; unit: string; rule: string };
  params: { name: string; label: string; type: 'number' | 'text'; default?: number | string; sample: number | string }[];
}

/** Templates of the library (of one 二级 when given), in library order. */
export function listTemplates(library: TemplateLibrary = DEFAULT_LIBRARY, opts: { subcategory?: SubcategoryKey; lang?: Lang } = {}): TemplateSummary[] {
  const lang = opts.lang ?? 'zh-CN';
  return library.templates
    .filter((t) => !opts.subcategory || t.subcategories.includes(opts.subcategory))
    .map((t) => {
      const ex = sampleFill(t, library, { weight: 10 });
      return {
        id: t.id,
        label: t.label[lang],
        subcategories: [...t.subcategories],
        subcategoryNames: t.subcategories.map((k) => STANDARD_SUBCATEGORIES[k]),
        default: isDefault(library, t),
        direction: t.direction,
        unit: t.unit,
        family: t.expect.family,
        example: { name: ex.name, target: ex.target, unit: ex.unit, rule: ex.rule },
        params: Object.entries(t.params).map(([name, p]) => ({
          name,
          label: p.label[lang],
          type: p.type,
          ...(p.default !== undefined ? { default: p.default } : {}),
          sample: p.sample,
        })),
      };
    });
}

export function getTemplate(id: string, library: TemplateLibrary = DEFAULT_LIBRARY): IndicatorTemplate | undefined {
  return library.templates.find((t) => t.id === id);
}

/** The template a fix inserts for a missing indicator of this 二级: the one marked default, else the first listed. */
export function defaultTemplateFor(sub: SubcategoryKey, library: TemplateLibrary = DEFAULT_LIBRARY): IndicatorTemplate | undefined {
  const list = library.templates.filter((t) => t.subcategories.includes(sub));
  return list.find((t) => t.default) ?? list[0];
}

function isDefault(library: TemplateLibrary, t: IndicatorTemplate): boolean {
  return t.subcategories.some((k) => defaultTemplateFor(k, library) === t);
}

/** The template filled with its samples (a preview, and what the checks parse). */
export function sampleFill(t: IndicatorTemplate, library: TemplateLibrary, builtins: { weight: number }, stateWeight = false): FilledIndicator {
  return fillTemplate(t, library, { builtins: { weight: builtins.weight, project: '示例项目', fund: 100, year: 2024 }, stateWeight, samples: true });
}

// ---------------------------------------------------------------- checks

/**
 * Problems of a library: unknown placeholders, a 二级 with no template, and rule texts that do not
 * read back as their `expect` (filled with the samples, at weights 10 and 20, with and without the
 * weight statement).
 */
export function checkLibrary(library: TemplateLibrary): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const t of library.templates) {
    if (ids.has(t.id)) problems.push(`${t.id}: duplicate id`);
    ids.add(t.id);
    const known = new Set<string>([...BUILTIN_PARAMS, ...Object.keys(t.params)]);
    const patterns: [string, string][] = [
      ['name', t.name],
      ['target', t.target],
      ['unit', t.unit],
      ['content', t.content ?? ''],
      ['rule', t.rule],
      ...Object.entries(t.params).flatMap(([k, p]) => (typeof p.default === 'string' ? [[`params.${k}.default`, p.default] as [string, string]] : [])),
    ];
    for (const [field, pattern] of patterns) {
      for (const name of placeholdersOf(pattern)) {
        if (!known.has(name)) problems.push(`${t.id}: ${field} uses {${name}}, which is neither a param nor a built-in (${BUILTIN_PARAMS.join(', ')})`);
        if (name === 'target' && !['content', 'rule'].includes(field)) problems.push(`${t.id}: {target} may be used in content and rule only`);
      }
    }
    if (problems.some((p) => p.startsWith(`${t.id}:`))) continue;
    problems.push(...checkTemplateRule(t, library));
  }
  for (const key of SUBCATEGORY_KEYS) {
    if (!defaultTemplateFor(key, library)) problems.push(`no template for 二级 ${STANDARD_SUBCATEGORIES[key]} (${key})`);
    const defaults = library.templates.filter((t) => t.default && t.subcategories.includes(key));
    if (defaults.length > 1) problems.push(`二级 ${key} has ${defaults.length} default templates (${defaults.map((t) => t.id).join(', ')})`);
  }
  return problems;
}

/** Fills the template with its samples and checks parseRule reads the rule as `expect` says. */
export function checkTemplateRule(t: IndicatorTemplate, library: TemplateLibrary): string[] {
  const problems: string[] = [];
  for (const weight of [10, 20]) {
    for (const stateWeight of [false, true]) {
      let filled: FilledIndicator;
      try {
        filled = sampleFill(t, library, { weight }, stateWeight);
      } catch (e) {
        problems.push(`${t.id}: cannot fill with its samples: ${(e as Error).message}`);
        return problems;
      }
      const where = `${t.id} (weight ${weight}${stateWeight ? ', weight stated' : ''}): "${filled.rule}"`;
      const diff = compareRule(parseRule(filled.rule), t, filled.params, stateWeight ? weight : null);
      if (diff.length) problems.push(`${where}: ${diff.join(', ')}`);
    }
  }
  return problems;
}

/** Differences between a parsed rule and what the template's `expect` states. */
export function compareRule(rule: ParsedRule, t: IndicatorTemplate, params: Record<string, ParamValue>, statedWeight: number | null): string[] {
  const e = t.expect;
  const num = (v: number | string): number => (typeof v === 'number' ? v : Number(renderPattern(v, (n) => params[n])));
  const diffs: string[] = [];
  const same = (what: string, got: unknown, want: unknown) => {
    const ok = typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) < 1e-9 : got === want;
    if (!ok) diffs.push(`${what} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  same('family', rule.family, e.family);
  if (rule.family !== e.family) return diffs;
  if (statedWeight !== null) same('statedWeight', rule.statedWeight, statedWeight);
  if (e.maxAward !== undefined) same('maxAward', rule.maxAward, num(e.maxAward));
  switch (rule.family) {
    case 'step':
      if (e.trigger) same('trigger', rule.trigger, e.trigger);
      if (e.stepSize !== undefined) same('stepSize', rule.stepSize, num(e.stepSize));
      if (e.stepUnit) same('stepUnit', rule.stepUnit, e.stepUnit);
      if (e.deductPerStep !== undefined) same('deductPerStep', rule.deductPerStep, num(e.deductPerStep));
      break;
    case 'threshold':
      if (e.threshold !== undefined) same('threshold', rule.threshold, num(e.threshold));
      if (e.rateDefinition) same('rateDefinition', rule.rateDefinition, e.rateDefinition);
      break;
    case 'tier':
      if (e.tierPoints) same('tier points', JSON.stringify(rule.tiers.map((x) => x.points)), JSON.stringify(e.tierPoints.map(num)));
      break;
    case 'binary':
      if (e.condition) same('condition', rule.condition, e.condition);
      break;
    case 'perOccurrence':
      if (e.pointsPer !== undefined) same('pointsPer', rule.pointsPer, num(e.pointsPer));
      break;
    case 'checklist':
      if (e.itemPoints) same('item points', JSON.stringify(rule.items.map((x) => x.points)), JSON.stringify(e.itemPoints.map(num)));
      break;
    default:
      break;
  }
  return diffs;
}

export type { TemplateLibraryFile };
