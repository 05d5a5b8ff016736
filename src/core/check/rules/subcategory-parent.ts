/** 二级指标类型错误: each 二级 sits under its own 一级, and names a known 二级. */
import type { RuleModule } from '../findings';
import { STANDARD_CATEGORIES, SUBCATEGORY_PARENT, isEvaluationDimension } from '../../domain/framework';

export const subcategoryParent: RuleModule = {
  id: 'subcategory-parent',
  severity: 'error',
  category: 'subcategoryType',
  description: { 'zh-CN': '二级指标须归属正确的一级指标', 'en-US': 'Each 二级 sits under its own 一级' },
  create(ctx) {
    return {
      project(project, table) {
        const cats = project.categories;
        for (let ci = 0; ci < cats.length; ci++) {
          const cat = cats[ci];
          // 项目决策 / 项目管理: the evaluation framework's 共性 dimensions, with their own 二级.
          if (cat.key === null && isEvaluationDimension(cat.name)) continue;
          for (let si = 0; si < cat.subcategories.length; si++) {
            const sub = cat.subcategories[si];
            // A 二级 block of no name: a form with no 二级 level (一级 实施效果指标 over 产出指标 / 效益指标).
            if (sub.key === null && sub.name === '') continue;
            if (sub.key === null) {
              ctx.report(table, {
                cell: sub.cell,
                project,
                message: {
                  'zh-CN': `二级指标「${sub.name}」不是标准的二级指标类型`,
                  'en-US': `二级 "${sub.name}" is not a known 二级 type`,
                },
              });
              continue;
            }
            const parent = SUBCATEGORY_PARENT[sub.key];
            // 成本指标 as a 二级 sits under 产出 (old framework); elsewhere it is misplaced.
            if (cat.key === null || parent === cat.key) continue;
            if (sub.key === 'cost' && cat.key === 'cost') continue;
            ctx.report(table, {
              cell: sub.cell,
              project,
              message: {
                'zh-CN': `二级指标「${sub.name}」应属于「${STANDARD_CATEGORIES[parent]}」，不应在「${cat.name}」下`,
                'en-US': `二级 "${sub.name}" belongs under ${STANDARD_CATEGORIES[parent]}, not under "${cat.name}"`,
              },
            });
          }
          if (cat.key === null && cat.name) {
            ctx.report(table, {
              cell: cat.cell,
              project,
              severity: 'error',
              message: {
                'zh-CN': `一级指标「${cat.name}」不是标准的一级指标（成本、产出、效益、满意度）`,
                'en-US': `一级 "${cat.name}" is not a standard 一级 (cost, output, effect, satisfaction)`,
              },
            });
          }
        }
      },
    };
  },
};
