/** Profiles: the framework and weights a review expects. Validated with zod; built-ins mirror the seed and the national template. */
import { z } from 'zod';
import { FrameworkSchema, SUBCATEGORY_ORDER, SubcategoryKeySchema, type Framework } from './domain/framework';
import type { Bilingual, Lang } from './domain/lang';
import { weightOf } from './domain/values';
import type { Project, WorkbookModel } from './model';

const categoryWeights = z.object({
  cost: z.number().nonnegative().optional(),
  output: z.number().nonnegative(),
  effect: z.number().nonnegative(),
  satisfaction: z.number().nonnegative(),
});

export const ProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  /** 'new' (财预〔2021〕101号): 成本指标 is a 一级; 'old': 成本指标 is a 二级 under 产出指标. */
  framework: FrameworkSchema,
  weights: z.object({
    /** Σ indicator weights expected per project (and for a department table). */
    indicatorTotal: z.number().positive(),
    /** 预算执行率's weight in self-evaluation. */
    budgetExecution: z.number().nonnegative(),
    /** Expected Σ per 一级 for a project; omitted = not checked. */
    perCategory: categoryWeights.optional(),
    /** Expected Σ per 一级 for a department (整体) table; omitted = not checked. */
    perCategoryDepartment: categoryWeights.optional(),
  }),
  /** Tolerance for money comparisons, 万元. */
  moneyTolerance: z.number().nonnegative().default(0.005),
  /** Which 二级 under 产出 are required. */
  requiredOutputSubcategories: z.array(SubcategoryKeySchema.extract(SUBCATEGORY_ORDER.old.output as ['quantity', 'quality', 'timeliness', 'cost'])).default(['quantity', 'quality', 'timeliness']),
});

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;

export const BUILTIN_PROFILES: Record<string, Profile> = {
  hunan: ProfileSchema.parse({
    id: 'hunan',
    name: '新框架（成本指标为一级）：成本20 产出40 效益20 满意度10 + 预算执行率10',
    nameEn: 'New framework (cost as 一级): cost 20, output 40, effect 20, satisfaction 10 + budget execution 10',
    framework: 'new',
    weights: {
      indicatorTotal: 90,
      budgetExecution: 10,
      perCategory: { cost: 20, output: 40, effect: 20, satisfaction: 10 },
    },
  }),
  national: ProfileSchema.parse({
    id: 'national',
    name: '全国自评默认（成本在产出下）：产出50 效益30 满意度10 + 预算执行率10',
    nameEn: 'National self-evaluation default (cost under output): output 50, effect 30, satisfaction 10 + budget execution 10',
    framework: 'old',
    weights: {
      indicatorTotal: 90,
      budgetExecution: 10,
      perCategory: { output: 50, effect: 30, satisfaction: 10 },
    },
    requiredOutputSubcategories: ['quantity', 'quality', 'timeliness', 'cost'],
  }),
};

export const DEFAULT_PROFILE_ID = 'hunan';

/** Parse a user's profile (already JSON-decoded); throws a readable message naming the field. */
export function parseProfile(input: unknown, where = 'profile'): Profile {
  const r = ProfileSchema.safeParse(input);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${where}: ${issues}`);
  }
  return r.data;
}

// ---------------------------------------------------------------- choosing a profile from the tables

/** The profile chosen for a workbook when the user names none, and why. */
export interface ProfileChoice {
  profile: Profile;
  /** 'table': read from the tables (their framework, their points); 'default': they say nothing, the default applies. */
  from: 'table' | 'default';
  /** The framework most projects use (成本指标 a 一级: new; under 产出: old), or null. */
  framework: Framework | null;
  /** The points the projects' 分值 add up to, when most state them (100, or 90 with 预算执行率's 10 beside them); else null. */
  points: number | null;
  reason: Bilingual;
}

/**
 * The profile a workbook's tables call for: the framework most of its projects use (new → hunan, old →
 * national), and the points their weights add up to. Tables whose indicators carry 100 points (no 预算执行率
 * beside them) get that profile with an indicator total of 100 and no per-一级 split; 90, or no weights, keep it
 * as it is. Pure: the same model gives the same choice.
 */
export function chooseProfile(model: WorkbookModel): ProfileChoice {
  let newCount = 0;
  let oldCount = 0;
  const totals = new Map<number, number>();
  for (const sheet of model.sheets) {
    for (const table of sheet.tables) {
      for (const p of table.projects) {
        if (p.framework === 'new') newCount++;
        else if (p.framework === 'old') oldCount++;
        const total = statedTotal(p);
        if (total !== null) totals.set(total, (totals.get(total) ?? 0) + 1);
      }
    }
  }
  const framework: Framework | null = newCount === 0 && oldCount === 0 ? null : newCount >= oldCount ? 'new' : 'old';
  let points: number | null = null;
  let best = 0;
  for (const [t, n] of totals) if ((t === 100 || t === 90) && n > best) [points, best] = [t, n];
  const base = BUILTIN_PROFILES[framework === 'old' ? 'national' : DEFAULT_PROFILE_ID];
  if (framework === null && points === null) {
    return {
      profile: base,
      from: 'default',
      framework,
      points,
      reason: { 'zh-CN': '表中看不出指标框架和分值，使用默认口径', 'en-US': 'the tables show no framework or points: the default profile' },
    };
  }
  const profile =
    points === 100
      ? ProfileSchema.parse({
          ...base,
          id: `${base.id}-100`,
          name: `${base.name.split('：')[0]}：指标合计100分`,
          nameEn: `${base.nameEn?.split(':')[0] ?? base.id}: indicators 100 points`,
          weights: { indicatorTotal: 100, budgetExecution: 0 },
        })
      : base;
  const fw = {
    'zh-CN': framework === 'new' ? '成本指标为一级（新框架）' : framework === 'old' ? '成本指标在产出指标下或没有（旧框架）' : '框架不明',
    'en-US': framework === 'new' ? 'cost is a 一级 (new framework)' : framework === 'old' ? 'cost under output, or none (old framework)' : 'framework unknown',
  };
  const pts = points === null ? { 'zh-CN': '未写分值', 'en-US': 'no weights stated' } : { 'zh-CN': `指标分值合计${points}分`, 'en-US': `indicator weights total ${points}` };
  return {
    profile,
    from: 'table',
    framework,
    points,
    reason: {
      'zh-CN': `按表选择：${fw['zh-CN']}，${pts['zh-CN']}`,
      'en-US': `chosen from the tables: ${fw['en-US']}, ${pts['en-US']}`,
    },
  };
}

/** The profile for a workbook: the one the user named, else the one its tables call for (with the choice, to report). */
export function resolveProfile(named: Profile | null, model: WorkbookModel): { profile: Profile; choice: ProfileChoice | null } {
  if (named) return { profile: named, choice: null };
  const choice = chooseProfile(model);
  return { profile: choice.profile, choice };
}

/** Σ of a project's weights (分值 column, or 该指标分值为N分 in the rule), when every indicator states one. */
function statedTotal(p: Project): number | null {
  let sum = 0;
  let n = 0;
  for (const ind of p.indicators) {
    if (!ind.name) continue;
    const w = weightOf(ind);
    if (w === null || !Number.isFinite(w)) return null;
    sum += w;
    n++;
  }
  return n === 0 ? null : Math.round(sum * 100) / 100;
}

/** How the profile was chosen when no --profile was given (`chooseProfile` in core/profile.ts). */
export const ProfileChosenSchema = z.object({
  /** The profile's id (as `profile`). */
  id: z.string(),
  /** 'table': from the tables' framework and points; 'default': they say nothing. */
  from: z.enum(['table', 'default']),
  framework: FrameworkSchema.nullable(),
  /** The points the projects' weights add up to (100 or 90), or null. */
  points: z.number().nullable(),
  /** Why, in --lang. */
  reason: z.string(),
});

export type ProfileChosen = z.infer<typeof ProfileChosenSchema>;

/** The report's `profileChosen` for a choice (the CLI sets it when no --profile is given). */
export function profileChosen(choice: ProfileChoice, lang: Lang): ProfileChosen {
  return { id: choice.profile.id, from: choice.from, framework: choice.framework, points: choice.points, reason: choice.reason[lang] };
}

