/** Every rule module, in the order their findings are listed for a row. */
import type { RuleModule } from '../findings';
import { requiredCategory } from './required-category';
import { requiredOutputSubcategory } from './required-output-subcategory';
import { subcategoryParent } from './subcategory-parent';
import { nonstandardName } from './nonstandard-name';
import { projectNoIndicators } from './project-no-indicators';
import { missingField } from './missing-field';
import { duplicateIndicator } from './duplicate-indicator';
import { valueInUnitColumn } from './value-in-unit-column';
import { directionNeedsNumber } from './direction-needs-number';
import { qualitativeWithNumber } from './qualitative-with-number';
import { qualitativeExplainedByNumber } from './qualitative-explained-by-number';
import { unitMismatch } from './unit-mismatch';
import { unitGluedToValue } from './unit-glued-to-value';
import { costDirection } from './cost-direction';
import { satisfactionDirection } from './satisfaction-direction';
import { rateOver100 } from './rate-over-100';
import { vagueTarget } from './vague-target';
import { costExceedsFund } from './cost-exceeds-fund';
import { projectsSumDepartment } from './projects-sum-department';
import { departmentMoneyColumns } from './department-money-columns';
import { departmentProjectTotal } from './department-project-total';
import { weightTotal } from './weight-total';
import { categoryWeight } from './category-weight';
import { statedWeightMismatch } from './stated-weight-mismatch';
import { missingWeight } from './missing-weight';
import { frameworkMismatch } from './framework-mismatch';
import { unspecifiedRule } from './unspecified-rule';
import { placeholderText } from './placeholder-text';
import { notApplicableIndicator } from './not-applicable-indicator';
import { benefitTargetNo } from './benefit-target-no';
import { costNoUpperBound } from './cost-no-upper-bound';
import { unitInNameMismatch } from './unit-in-name-mismatch';
import { selfScoreMismatch } from './self-score-mismatch';
import { budgetExecutionScoreMismatch } from './budget-execution-score-mismatch';
import { totalScoreMismatch } from './total-score-mismatch';
import { gradeMismatch } from './grade-mismatch';
import { statedWeightTotal } from './stated-weight-total';
import { unrecognisedRow } from './unrecognised-row';

export const ALL_RULES: RuleModule[] = [
  projectNoIndicators,
  requiredCategory,
  requiredOutputSubcategory,
  subcategoryParent,
  nonstandardName,
  frameworkMismatch,
  placeholderText,
  notApplicableIndicator,
  missingField,
  duplicateIndicator,
  valueInUnitColumn,
  directionNeedsNumber,
  qualitativeWithNumber,
  qualitativeExplainedByNumber,
  costDirection,
  costNoUpperBound,
  satisfactionDirection,
  unitMismatch,
  unitGluedToValue,
  unitInNameMismatch,
  rateOver100,
  vagueTarget,
  benefitTargetNo,
  costExceedsFund,
  projectsSumDepartment,
  departmentMoneyColumns,
  departmentProjectTotal,
  weightTotal,
  categoryWeight,
  statedWeightMismatch,
  missingWeight,
  unspecifiedRule,
  selfScoreMismatch,
  budgetExecutionScoreMismatch,
  totalScoreMismatch,
  gradeMismatch,
  statedWeightTotal,
  unrecognisedRow,
];

/**
 * On the same row, a more specific finding hides a general one: the reviewer reads one explanation,
 * not three of the same defect.
 */
export const SUPERSEDES: Record<string, string[]> = {
  'project-no-indicators': ['required-category', 'weight-total'],
  'cost-direction': ['unit-mismatch', 'vague-target', 'qualitative-with-number'],
  'qualitative-explained-by-number': ['unit-mismatch', 'vague-target'],
  'value-in-unit-column': ['missing-field', 'direction-needs-number'],
  'missing-field': ['missing-weight'],
  // A template row left in, or a row that says 不适用, is to be deleted: its empty fields are not the defect.
  'placeholder-text': ['missing-field', 'missing-weight', 'duplicate-indicator', 'direction-needs-number', 'vague-target', 'unit-mismatch'],
  'not-applicable-indicator': ['missing-field', 'missing-weight', 'duplicate-indicator', 'direction-needs-number', 'vague-target', 'unit-mismatch', 'benefit-target-no'],
  'cost-no-upper-bound': ['cost-direction', 'vague-target'],
};

export const RULES_BY_ID: Record<string, RuleModule> = Object.fromEntries(ALL_RULES.map((r) => [r.id, r]));
