/** The fixes rules attach to their findings (what they do is data; planFixes plans it). */
import type { Fix } from '../../check/findings';
import type { CategoryKey, CellRef, Direction, Framework, Indicator, Project, SubcategoryKey, TargetTable } from '../../model';
import type { Profile } from '../../profile';
import type { CellValue } from '../../snapshot/snapshot';
import { CATEGORY_ORDER, STANDARD_SUBCATEGORIES } from '../../domain/framework';
import { toA1 } from '../../domain/a1';

export const FIX_IDS = ['add-indicator', 'move-to-target', 'rename-standard', 'set-direction'] as const;
export type FixId = (typeof FIX_IDS)[number];

/** The 二级 whose default template fills a missing 一级 (产出: every required 二级 of the profile). */
export function subcategoriesFor(category: CategoryKey, framework: Framework, profile: Profile): SubcategoryKey[] {
  switch (category) {
    case 'cost':
      return ['economicCost'];
    case 'output':
      return profile.requiredOutputSubcategories.filter((k) => !(k === 'cost' && framework === 'new'));
    case 'effect':
      return ['socialEffect'];
    default:
      return ['serviceSatisfaction'];
  }
}

/** Every required 二级 of a project with no indicator at all. */
export function requiredSubcategories(framework: Framework, profile: Profile): SubcategoryKey[] {
  const cats = CATEGORY_ORDER[framework];
  return cats.flatMap((c) => subcategoriesFor(c, framework, profile));
}

/** Add an indicator from the library's default template under each 二级 (creating the 二级/一级 where missing). Safe. */
export function addIndicatorsFix(table: TargetTable, project: Project, subcategories: SubcategoryKey[]): Fix {
  const names = subcategories.map((k) => STANDARD_SUBCATEGORIES[k]);
  return {
    id: 'add-indicator',
    label: {
      'zh-CN': `按模板补充${names.map((n) => `「${n}」`).join('')}三级指标`,
      'en-US': `Add ${subcategories.length > 1 ? 'indicators' : 'an indicator'} from the template for ${names.join(', ')}`,
    },
    safe: true,
    action: { kind: 'addIndicators', sheet: table.sheet, project: project.name, projectRow: project.firstRow, items: subcategories.map((subcategory) => ({ subcategory })) },
  };
}

/** Move a value typed in the unit column into the empty target cell; the unit column keeps the unit. Safe. */
export function moveToTargetFix(table: TargetTable, ind: Indicator, value: number | null, unit: string | null, isPercent: boolean): Fix | undefined {
  const col = table.columns.target;
  if (!ind.unit || col === undefined || value === null) return undefined;
  const target: CellValue = isPercent ? `${ind.unit.text.replace(/\s+/g, '')}` : value;
  const rest: CellValue = isPercent ? '%' : (unit ?? null);
  return {
    id: 'move-to-target',
    label: {
      'zh-CN': `把「${ind.unit.text}」移到指标值列${rest ? `，度量单位留「${rest}」` : ''}`,
      'en-US': `Move "${ind.unit.text}" to the target column${rest ? `, keep "${rest}" as the unit` : ''}`,
    },
    safe: true,
    action: { kind: 'moveValue', sheet: table.sheet, from: ind.unit.cell.a1, to: toA1(ind.row, col), value: target, rest },
  };
}

/** Rename a 一级/二级 to its standard name. Replaces what the user typed: not safe. */
export function renameFix(table: TargetTable, cell: CellRef, current: string, standard: string): Fix {
  return {
    id: 'rename-standard',
    label: { 'zh-CN': `改为标准名称「${standard}」`, 'en-US': `Rename to the standard name ${standard}` },
    safe: false,
    action: { kind: 'setValue', sheet: table.sheet, cell: cell.a1, expect: current, value: standard },
  };
}

const SYMBOL: Record<Direction, string> = { gte: '≥', lte: '≤', eq: '=', qualitative: '定性' };

/** Set the 指标值类型 cell. Replaces what the user typed: not safe. */
export function setDirectionFix(table: TargetTable, ind: Indicator, d: Direction): Fix | undefined {
  if (!ind.directionField) return undefined;
  return {
    id: 'set-direction',
    label: { 'zh-CN': `指标值类型改为「${SYMBOL[d]}」`, 'en-US': `Set the direction to "${SYMBOL[d]}"` },
    safe: false,
    action: { kind: 'setValue', sheet: table.sheet, cell: ind.directionField.cell.a1, expect: ind.directionField.text, value: SYMBOL[d] },
  };
}
