/** 一级/二级 named other than the standard names (可持续发展影响指标 → 可持续影响指标). Fix: rename. */
import type { RuleModule } from '../findings';
import type { CategoryBlock, Project, SubcategoryBlock, TargetTable } from '../../model';
import { STANDARD_CATEGORIES, STANDARD_SUBCATEGORIES, isEvaluationCategoryName, isStandardCategoryName, isStandardSubcategoryName } from '../../domain/framework';

import { renameFix } from '../../edit/fixes/descriptors';

export const nonstandardName: RuleModule = {
  id: 'nonstandard-name',
  severity: 'warning',
  category: 'subcategoryType',
  description: { 'zh-CN': '一级、二级指标应使用标准名称', 'en-US': '一级 and 二级 use their standard names' },
  create(ctx) {
    /** Reports a 一级 or 二级 block named other than its standard name. */
    const report = (level: '一级' | '二级', block: CategoryBlock | SubcategoryBlock, std: string, project: Project, table: TargetTable) =>
      ctx.report(table, {
        cell: block.cell,
        project,
        message: {
          'zh-CN': `${level}指标「${block.name}」不是标准名称（应为：${std}）`,
          'en-US': `${level} "${block.name}" is not a standard name (standard: ${std})`,
        },
        data: { standard: std },
        fix: renameFix(table, block.cell, block.name, std),
      });
    return {
      project(project, table) {
        const cats = project.categories;
        for (let ci = 0; ci < cats.length; ci++) {
          const cat = cats[ci];
          if (cat.key && !isStandardCategoryName(cat.name) && !isEvaluationCategoryName(cat.name)) report('一级', cat, STANDARD_CATEGORIES[cat.key], project, table);
          for (let si = 0; si < cat.subcategories.length; si++) {
            const sub = cat.subcategories[si];
            if (sub.key && !isStandardSubcategoryName(sub.name)) report('二级', sub, STANDARD_SUBCATEGORIES[sub.key], project, table);
          }
        }
      },
    };
  },
};
