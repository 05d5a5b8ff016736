/** 分值: per 一级, the weights add up to what the profile expects (成本20 产出40 效益20 满意度10 by default). */
import type { RuleModule } from '../findings';
import { STANDARD_CATEGORIES, CATEGORY_KEYS } from '../../domain/framework';
import { categorySlot, firstCategory, fmt, fromExact, isHollowRow, near, toExact } from './util';
import { weightOf } from '../../domain/values';

export const categoryWeight: RuleModule = {
  id: 'category-weight',
  severity: 'warning',
  category: 'other',
  description: { 'zh-CN': '各一级指标分值须符合配置', 'en-US': 'Weights per 一级 match the profile' },
  create(ctx) {
    return {
      project(project, table) {
        const expected = table.kind === 'department' ? ctx.profile.weights.perCategoryDepartment : ctx.profile.weights.perCategory;
        if (!expected) return;
        // One pass over the named indicators: their weights per 一级, summed exactly (as `sum` does).
        const inds = project.indicators;
        const totals = [0, 0, 0, 0];
        let named = 0;
        for (let i = 0; i < inds.length; i++) {
          const ind = inds[i];
          if (!ind.name) continue;
          const w = weightOf(ind);
          if (w === null) {
            if (isHollowRow(ind)) continue; // a template row left in: no weight by nature (see weight-total)
            return; // missing-weight reports the gap
          }
          named++;
          if (ind.categoryKey !== null) totals[categorySlot(ind.categoryKey)] += toExact(w);
        }
        if (named === 0) return;
        for (let ki = 0; ki < CATEGORY_KEYS.length; ki++) {
          const key = CATEGORY_KEYS[ki];
          const want = expected[key];
          if (want === undefined) continue;
          const block = firstCategory(project, key);
          if (!block) continue; // required-category reports a missing 一级
          const got = fromExact(totals[ki]);
          if (near(got, want, 1e-6)) continue;
          ctx.report(table, {
            cell: block.cell,
            project,
            message: {
              'zh-CN': `项目「${project.name}」的「${STANDARD_CATEGORIES[key]}」分值合计 ${fmt(got)}，配置要求 ${fmt(want)}`,
              'en-US': `Project "${project.name}": ${STANDARD_CATEGORIES[key]} weights sum to ${fmt(got)}, the profile expects ${fmt(want)}`,
            },
            data: { category: key, total: got, expected: want },
          });
        }
      },
    };
  },
};
