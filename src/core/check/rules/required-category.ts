/** 完整性: every required 一级 is present with at least one indicator (产出, 效益, 满意度; 成本 in the new framework). */
import type { RuleModule } from '../findings';
import type { CategoryKey } from '../../model';
import { CATEGORY_ORDER, STANDARD_CATEGORIES } from '../../domain/framework';
import { categorySlot, firstCategory } from './util';
import { addIndicatorsFix, subcategoriesFor } from '../../edit/fixes/descriptors';

const CATEGORY_FOR: Record<CategoryKey, 'addOutput' | 'addEffect' | 'addSatisfaction' | 'incomplete'> = {
  output: 'addOutput',
  effect: 'addEffect',
  satisfaction: 'addSatisfaction',
  cost: 'incomplete',
};

const REQUIRED_NEW: readonly CategoryKey[] = CATEGORY_ORDER.new;
const REQUIRED_OLD: readonly CategoryKey[] = CATEGORY_ORDER.old;

export const requiredCategory: RuleModule = {
  id: 'required-category',
  severity: 'error',
  category: 'incomplete',
  description: {
    'zh-CN': '必备的一级指标（产出、效益、满意度，新框架下还有成本）须有三级指标',
    'en-US': 'Every required 一级 (output, effect, satisfaction; cost in the new framework) has indicators',
  },
  create(ctx) {
    return {
      project(project, table) {
        const framework = project.framework ?? ctx.profile.framework;
        const required = framework === 'new' ? REQUIRED_NEW : REQUIRED_OLD;
        // One pass: how many named indicators each 一级 holds.
        const counts = [0, 0, 0, 0];
        const cats = project.categories;
        for (let ci = 0; ci < cats.length; ci++) {
          const c = cats[ci];
          if (!c.key) continue;
          let n = 0;
          for (let si = 0; si < c.subcategories.length; si++) {
            const inds = c.subcategories[si].indicators;
            for (let i = 0; i < inds.length; i++) if (inds[i].name) n++;
          }
          counts[categorySlot(c.key)] += n;
        }
        for (let ki = 0; ki < required.length; ki++) {
          const key = required[ki];
          if (counts[categorySlot(key)] > 0) continue;
          const block = firstCategory(project, key);
          const name = STANDARD_CATEGORIES[key];
          ctx.report(table, {
            cell: block?.cell ?? project.nameCell,
            project,
            message: block
              ? {
                  'zh-CN': `项目「${project.name}」的一级指标「${name}」下没有三级指标`,
                  'en-US': `Project "${project.name}": 一级 ${name} has no indicator`,
                }
              : {
                  'zh-CN': `项目「${project.name}」缺少一级指标「${name}」`,
                  'en-US': `Project "${project.name}" lacks the 一级 ${name}`,
                },
            data: { missing: key, reviewCategory: CATEGORY_FOR[key] },
            fix: addIndicatorsFix(table, project, subcategoriesFor(key, framework, ctx.profile)),
          });
        }
      },
    };
  },
};
