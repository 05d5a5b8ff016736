/** Profiles: the framework and weights a review expects. Validated with zod; built-ins mirror the seed and the national template. */
import { z } from 'zod';
import { FrameworkSchema, SUBCATEGORY_ORDER, SubcategoryKeySchema } from './domain/framework';

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
