/**
 * The indicator framework and the rule families: the one home of the domain's vocabulary (domain primer §2, §4).
 * Every list, type and zod schema of 一级/二级 keys, their standard names, parents and order, what counts as a
 * cost, the frameworks, directions, rule families and scoring methods is derived from the tuples below.
 */
import { z } from 'zod';
import { normalizeText } from './text';
import { memoString } from './memo';

// ---------------------------------------------------------------- 一级 / 二级

/** Standard 一级 keys, in the new framework's order. */
export const CATEGORY_KEYS = ['cost', 'output', 'effect', 'satisfaction'] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];
export const CategoryKeySchema = z.enum(CATEGORY_KEYS);

/** Standard 二级 keys. `cost` is 成本指标 as a 二级 under 产出 (old framework). */
export const SUBCATEGORY_KEYS = [
  'economicCost',
  'socialCost',
  'ecoCost',
  'cost',
  'quantity',
  'quality',
  'timeliness',
  'economicEffect',
  'socialEffect',
  'ecoEffect',
  'sustainability',
  'serviceSatisfaction',
] as const;
export type SubcategoryKey = (typeof SUBCATEGORY_KEYS)[number];
export const SubcategoryKeySchema = z.enum(SUBCATEGORY_KEYS);

/** new: 成本指标 is a 一级 (财预〔2021〕101号); old: 成本 is a 二级 under 产出, or absent. */
export const FRAMEWORKS = ['new', 'old'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
export const FrameworkSchema = z.enum(FRAMEWORKS);

export const STANDARD_CATEGORIES: Record<CategoryKey, string> = {
  cost: '成本指标',
  output: '产出指标',
  effect: '效益指标',
  satisfaction: '满意度指标',
};

export const STANDARD_SUBCATEGORIES: Record<SubcategoryKey, string> = {
  economicCost: '经济成本指标',
  socialCost: '社会成本指标',
  ecoCost: '生态环境成本指标',
  cost: '成本指标',
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  economicEffect: '经济效益指标',
  socialEffect: '社会效益指标',
  ecoEffect: '生态效益指标',
  sustainability: '可持续影响指标',
  serviceSatisfaction: '服务对象满意度指标',
};

/** Each framework's 一级 in order, and each 一级's 二级 in order. */
export const CATEGORY_ORDER: Record<Framework, CategoryKey[]> = {
  new: ['cost', 'output', 'effect', 'satisfaction'],
  old: ['output', 'effect', 'satisfaction'],
};

export const SUBCATEGORY_ORDER: Record<Framework, Record<CategoryKey, SubcategoryKey[]>> = {
  new: {
    cost: ['economicCost', 'socialCost', 'ecoCost'],
    output: ['quantity', 'quality', 'timeliness'],
    effect: ['economicEffect', 'socialEffect', 'ecoEffect', 'sustainability'],
    satisfaction: ['serviceSatisfaction'],
  },
  old: {
    cost: [],
    output: ['quantity', 'quality', 'timeliness', 'cost'],
    effect: ['economicEffect', 'socialEffect', 'ecoEffect', 'sustainability'],
    satisfaction: ['serviceSatisfaction'],
  },
};

/** Which 一级 each 二级 belongs to, derived from the frameworks' order (成本 as a 二级 belongs to 产出). */
export const SUBCATEGORY_PARENT = Object.fromEntries(
  SUBCATEGORY_KEYS.map((key) => [key, (['new', 'old'] as const).map((fw) => CATEGORY_KEYS.find((c) => SUBCATEGORY_ORDER[fw][c].includes(key))).find((c) => c)!]),
) as Record<SubcategoryKey, CategoryKey>;

/** The parent of a 二级 in a framework (a 二级 that framework lacks takes its parent in the other). */
export function parentOf(key: SubcategoryKey, framework: Framework): CategoryKey {
  for (const cat of CATEGORY_ORDER[framework]) if (SUBCATEGORY_ORDER[framework][cat].includes(key)) return cat;
  return SUBCATEGORY_PARENT[key];
}

/** The 二级 of the new framework's 成本 一级. */
export const COST_SUBCATEGORIES: readonly SubcategoryKey[] = SUBCATEGORY_ORDER.new.cost;

/** The 二级 key as the framework has it: 成本 is `cost` under 产出 (old) or `economicCost` … under 成本 (new). */
export function subcategoryForFramework(key: SubcategoryKey, framework: Framework): SubcategoryKey {
  if (framework === 'old' && COST_SUBCATEGORIES.includes(key)) return 'cost';
  if (framework === 'new' && key === 'cost') return 'economicCost';
  return key;
}

/** Whether an indicator under this 一级 / 二级 is a cost (反向, bounded by the project's fund), in either framework. */
export function isCostKey(category: CategoryKey | null, subcategory: SubcategoryKey | null): boolean {
  return category === 'cost' || subcategory === 'cost' || (subcategory !== null && COST_SUBCATEGORIES.includes(subcategory));
}

/**
 * The 一级 a label names, or null: the standard names, a weight after them (产出指标(50分)), and the
 * templates' words: 预期产出指标, 效果指标, 实施效果指标, 预算(或投资规模)控制指标 (a cost).
 */
export const categoryKeyOf = memoString(categoryKeyOfText, 2000);

function categoryKeyOfText(text: string): CategoryKey | null {
  const t = normalizeText(text);
  if (!t) return null;
  if (/满意/.test(t)) return 'satisfaction';
  if (/成本|预算.{0,8}控制|投资规模/.test(t)) return 'cost';
  if (/产出/.test(t)) return 'output';
  if (/效益|效果|影响/.test(t)) return 'effect';
  return null;
}

/** A weight after a label: 「(50分)」, 「（10分）」, or a range the template allows 「（0-20）分」 (no single weight). */
const WEIGHT_SUFFIX = /[(（]\s*(\d+(?:\.\d+)?)(?:\s*[-~～—－]\s*(\d+(?:\.\d+)?))?\s*分?\s*[)）]\s*分?$/;

/**
 * A 一级 label without the weight written after it (「产出指标(50分)」 → 产出指标, 50; 「成本指标（0-20）分」 → 成本指标,
 * no weight); memoised, the result is shared. A bracket with neither 分 nor a range (「指标(2)」) is not a weight.
 */
export const stripCategoryWeight = memoString((text: string): { readonly name: string; readonly weight: number | null } => {
  const t = normalizeText(text);
  const m = WEIGHT_SUFFIX.exec(t);
  if (!m || (!m[0].includes('分') && m[2] === undefined)) return { name: t, weight: null };
  return { name: t.slice(0, m.index), weight: m[2] === undefined ? Number(m[1]) : null };
}, 2000);

/**
 * A 一级 that wraps the standard 一级 (the investment-plan form: 一级 实施效果指标 over the 二级 产出指标 and
 * 效益指标): its 二级 column names the 一级.
 */
export const wrapperCategory = memoString((text: string): boolean => /^(实施效果指标|实施效果|绩效指标)$/.test(normalizeText(text)), 2000);

/**
 * The 共性 一级 of the evaluation framework (项目支出绩效评价, 财预〔2020〕10号: 决策, 过程 — written 项目决策, 项目管理,
 * 项目过程), which some provinces' 自评表 print above 产出 and 效益: known dimensions, outside the target framework,
 * so their 二级 (项目立项, 资金管理, …) are not misplaced 二级 and their rows need no 指标值.
 */
export const isEvaluationDimension = memoString((text: string): boolean => /^(项目)?(决策|过程|管理|实施)(指标)?$/.test(stripCategoryWeight(text).name), 2000);

/** The evaluation framework's names of the target framework's 一级 (项目产出, 项目效益, 项目满意度): standard there. */
export const isEvaluationCategoryName = memoString((text: string): boolean => /^项目(产出|效益|满意度)(指标)?$/.test(stripCategoryWeight(text).name), 2000);

/** Whether a label is a 一级's name (产出指标, 效益指标, 满意度指标, 成本指标, with or without a weight), not a 二级's. */
export function isCategoryName(text: string): boolean {
  return /^(成本|产出|预期产出|效益|效果|满意度)指标$/.test(stripCategoryWeight(text).name);
}

/** The 二级 a label names, or null. */
export const subcategoryKeyOf = memoString(subcategoryKeyOfText, 2000);

function subcategoryKeyOfText(text: string): SubcategoryKey | null {
  const t = normalizeText(text);
  if (!t) return null;
  if (/满意/.test(t)) return 'serviceSatisfaction';
  if (/经济成本/.test(t)) return 'economicCost';
  if (/社会成本/.test(t)) return 'socialCost';
  if (/(生态|环境)成本/.test(t)) return 'ecoCost';
  if (/成本|预算.{0,8}控制|投资规模/.test(t)) return 'cost';
  if (/数量/.test(t)) return 'quantity';
  if (/质量/.test(t)) return 'quality';
  if (/时效|时间|进度/.test(t)) return 'timeliness';
  if (/经济效益/.test(t)) return 'economicEffect';
  if (/社会效益/.test(t)) return 'socialEffect';
  if (/生态(环境)?效益|环境效益/.test(t)) return 'ecoEffect';
  if (/可持续/.test(t)) return 'sustainability';
  return null;
}

const STANDARD_SUBCATEGORY_NAMES = new Set(Object.values(STANDARD_SUBCATEGORIES));
const STANDARD_CATEGORY_NAMES = new Set(Object.values(STANDARD_CATEGORIES));

/** Whether the text is the standard name of its 二级 (or of its 一级), after normalisation and without a weight written after it (数量指标（10分）). */
export function isStandardSubcategoryName(text: string): boolean {
  return STANDARD_SUBCATEGORY_NAMES.has(stripCategoryWeight(text).name);
}

export function isStandardCategoryName(text: string): boolean {
  return STANDARD_CATEGORY_NAMES.has(stripCategoryWeight(text).name);
}

// ---------------------------------------------------------------- directions

/** 指标值类型: ≥ (正向), ≤ (反向), =, 定性. */
export const DIRECTIONS = ['gte', 'lte', 'eq', 'qualitative'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DirectionSchema = z.enum(DIRECTIONS);

// ---------------------------------------------------------------- rule families and scoring methods

/** The families of 评（扣）分标准 (primer §4); `unspecified` = no computable method. One parser and one scorer each. */
const SCORED_FAMILIES = ['step', 'threshold', 'tier', 'binary', 'perOccurrence', 'checklist'] as const;
export const RULE_FAMILIES = [...SCORED_FAMILIES, 'unspecified'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];
export const RuleFamilySchema = z.enum(RULE_FAMILIES);

/**
 * How a score was computed: a rule family (other than `unspecified`), or the fallbacks when the rule gives no
 * method (`default` = 分值 × completion, `grade` = a grade word, `onTime` = a time target), or 预算执行率.
 */
export const SCORE_METHODS = [...SCORED_FAMILIES, 'default', 'grade', 'onTime', 'budgetExecution'] as const;
export type ScoreMethod = (typeof SCORE_METHODS)[number];
export const ScoreMethodSchema = z.enum(SCORE_METHODS);
