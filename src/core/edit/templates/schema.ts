/**
 * The indicator template library as data: for each standard 二级指标, standard 三级 indicators with a
 * name pattern, a target pattern, a unit, a direction and a rule text with placeholders.
 *
 * Placeholders are written `{name}`, or `{name op number}` with one of `* / + -` (`{weight*0.8}`,
 * `{rate-10}`). Names are the template's own params, or one of the built-ins:
 *   weight   the indicator's 分值 (chosen by the planner from the profile, or given);
 *   project  the project's name;
 *   fund     the project's 资金总额 (万元), when the table has one;
 *   year     the budget year (the year the table's dates use, else the current year);
 *   target   (in `content` and `rule` only) the filled target followed by its unit when the unit is
 *            a measuring unit the target does not already end with (`40` + `万元` → `40万元`).
 * A param's default may itself be a pattern (`"{fund}"`, `"{weight*0.1}"`); a param with no default
 * and no value given cannot be filled (the planner refuses and names it).
 *
 * `expect` states what the rule text means once filled: the family and the numbers parseRule must
 * read back (values may be patterns too). `checkLibraryRules` fills every template with its sample
 * values and verifies it, for the default library in the tests and for a user's file on load.
 */
import { z } from 'zod';
import { DirectionSchema, RuleFamilySchema, SubcategoryKeySchema } from '../../domain/framework';


const Bilingual = z.object({ 'zh-CN': z.string().min(1), 'en-US': z.string().min(1) });

/** A number, or a pattern that fills to a number (`"{weight*0.8}"`). */
const NumberOrPattern = z.union([z.number(), z.string().min(1)]);

export const TemplateParamSchema = z.object({
  label: Bilingual,
  type: z.enum(['number', 'text']),
  /** Default value, or a pattern over other params and the built-ins. */
  default: z.union([z.number(), z.string()]).optional(),
  /** The value used to test the template (and shown as an example). */
  sample: z.union([z.number(), z.string()]),
});

export const TemplateExpectSchema = z
  .object({
    family: RuleFamilySchema,
    maxAward: NumberOrPattern.optional(),
    /** step */
    trigger: z.enum(['over', 'under', 'diff']).optional(),
    stepSize: NumberOrPattern.optional(),
    stepUnit: z.enum(['percent', 'point', 'absolute']).optional(),
    deductPerStep: NumberOrPattern.optional(),
    /** threshold (a fraction: 0.6 for 60%) */
    threshold: NumberOrPattern.optional(),
    rateDefinition: z.enum(['actualOverTarget', 'targetOverActual']).optional(),
    /** tier: the points of each tier, in order */
    tierPoints: z.array(NumberOrPattern).optional(),
    /** binary */
    condition: z.enum(['reach', 'onTime']).optional(),
    /** perOccurrence */
    pointsPer: NumberOrPattern.optional(),
    /** checklist: the points of each item, in order */
    itemPoints: z.array(NumberOrPattern).optional(),
  })
  .strict();

export const TemplateSchema = z
  .object({
    /** Stable id, lower-case words joined by '-' (`cost-control`). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by "-"'),
    /** The 二级 this template may be inserted under (first = where it is listed). */
    subcategories: z.array(SubcategoryKeySchema).min(1),
    /** The template a fix uses for a missing indicator of its 二级 (one per 二级; else the first listed). */
    default: z.boolean().optional(),
    label: Bilingual,
    /** 三级指标 name pattern. */
    name: z.string().min(1),
    /** 指标值 pattern; a result that reads as a plain number is written as a number. */
    target: z.string().min(1),
    /** 度量单位 (may hold placeholders). */
    unit: z.string(),
    direction: DirectionSchema,
    /** 指标值内容 / 指标解释 pattern. */
    content: z.string().optional(),
    /** 评（扣）分标准 pattern. */
    rule: z.string().min(1),
    params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), TemplateParamSchema).default({}),
    expect: TemplateExpectSchema,
  })
  .strict();

export const TemplateLibrarySchema = z
  .object({
    version: z.literal(1),
    /** A user's file: true = start from nothing instead of extending the default library. */
    replace: z.boolean().optional(),
    /**
     * Written before the rule text when the table has no 分值 column, so the weight is stated
     * (`该指标分值为{weight}分，`). Omitted in a user's file = keep the default library's.
     */
    weightStatement: z.string().optional(),
    /** Default weight of an inserted indicator when the profile leaves nothing for its 一级. */
    defaultWeight: z.number().positive().optional(),
    /** Template ids of the base library to drop. */
    remove: z.array(z.string()).optional(),
    templates: z.array(TemplateSchema),
  })
  .strict();

export type TemplateParam = z.infer<typeof TemplateParamSchema>;
export type TemplateExpect = z.infer<typeof TemplateExpectSchema>;
export type IndicatorTemplate = z.infer<typeof TemplateSchema>;
export type TemplateLibraryFile = z.input<typeof TemplateLibrarySchema>;

/** A library ready for use: the default library merged with a user's file, validated. */
export interface TemplateLibrary {
  weightStatement: string;
  defaultWeight: number;
  templates: IndicatorTemplate[];
}
