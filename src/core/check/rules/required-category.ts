/** 完整性: every required 一级 is present with at least one indicator (产出, 效益, 满意度; 成本 in the new framework). */
import type { RuleModule } from '../findings';
import type { CategoryKey } from '../../model';
import { CATEGORY_ORDER, STANDARD_CATEGORIES, SUBCATEGORY_PARENT } from '../../domain/framework';
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
        // A table with no 一级 column (a flat list of indicators) does not use the framework's hierarchy.
        if (table.columns.category === undefined) return;
        const framework = project.framework ?? ctx.profile.framework;
        const required = framework === 'new' ? REQUIRED_NEW : REQUIRED_OLD;
        // One pass: how many indicators each 一级 holds (a row with a target but no name counts: missing-field
        // reports the name), and which 一级 have a 二级 of theirs placed under another 一级 (subcategory-parent).
        const counts = [0, 0, 0, 0];
        const misplaced = [false, false, false, false];
        const cats = project.categories;
        for (let ci = 0; ci < cats.length; ci++) {
          const c = cats[ci];
          if (!c.key) continue;
          let n = 0;
          for (let si = 0; si < c.subcategories.length; si++) {
            const sub = c.subcategories[si];
            const inds = sub.indicators;
            for (let i = 0; i < inds.length; i++) if (inds[i].name || inds[i].target) n++;
            if (sub.key !== null && inds.length > 0) {
              const parent = SUBCATEGORY_PARENT[sub.key];
              if (parent !== c.key && !(sub.key === 'cost' && c.key === 'cost')) misplaced[categorySlot(parent)] = true;
            }
          }
          counts[categorySlot(c.key)] += n;
        }
        for (let ki = 0; ki < required.length; ki++) {
          const key = required[ki];
          if (counts[categorySlot(key)] > 0 || misplaced[categorySlot(key)]) continue;
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
