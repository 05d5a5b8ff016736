/** 一级/二级 named other than the standard names (可持续发展影响指标 → 可持续影响指标). Fix: rename. */
import type { RuleModule } from '../findings';
import { STANDARD_CATEGORIES, STANDARD_SUBCATEGORIES, isStandardCategoryName, isStandardSubcategoryName } from '../layout/headers';

import { renameFix } from '../fixes/descriptors';

export const nonstandardName: RuleModule = {
  id: 'nonstandard-name',
  severity: 'warning',
  category: 'subcategoryType',
  description: { 'zh-CN': '一级、二级指标应使用标准名称', 'en-US': '一级 and 二级 use their standard names' },
  create(ctx) {
    return {
      project(project, table) {
        const cats = project.categories;
        for (let ci = 0; ci < cats.length; ci++) {
          const cat = cats[ci];
          if (cat.key && !isStandardCategoryName(cat.name)) {
            const std = STANDARD_CATEGORIES[cat.key];
            ctx.report(table, {
              cell: cat.cell,
              project,
              message: {
                'zh-CN': `一级指标「${cat.name}」不是标准名称（应为：${std}）`,
                'en-US': `一级 "${cat.name}" is not a standard name (standard: ${std})`,
              },
              data: { standard: std },
              fix: renameFix(table, cat.cell, cat.name, std),
            });
          }
          for (let si = 0; si < cat.subcategories.length; si++) {
            const sub = cat.subcategories[si];
            if (!sub.key || isStandardSubcategoryName(sub.name)) continue;
            const std = STANDARD_SUBCATEGORIES[sub.key];
            ctx.report(table, {
              cell: sub.cell,
              project,
              message: {
                'zh-CN': `二级指标「${sub.name}」不是标准名称（应为：${std}）`,
                'en-US': `二级 "${sub.name}" is not a standard name (standard: ${std})`,
              },
              data: { standard: std },
              fix: renameFix(table, sub.cell, sub.name, std),
            });
          }
        }
      },
    };
  },
};
