/** 分值: per 一级, the weights add up to what the profile expects (成本20 产出40 效益20 满意度10 by default). */
import type { RuleModule } from '../findings';
import type { CategoryKey } from '../model';
import { STANDARD_CATEGORIES } from '../layout/headers';
import { fmt, forEachProject, near, sum, weightOf } from './util';

export const categoryWeight: RuleModule = {
  id: 'category-weight',
  severity: 'warning',
  category: 'other',
  description: { 'zh-CN': '各一级指标分值须符合配置', 'en-US': 'Weights per 一级 match the profile' },
  check(ctx) {
    forEachProject(ctx, (table, project) => {
      const expected = table.kind === 'department' ? ctx.profile.weights.perCategoryDepartment : ctx.profile.weights.perCategory;
      if (!expected) return;
      const named = project.indicators.filter((i) => i.name);
      if (named.length === 0 || named.some((i) => weightOf(i) === null)) return;
      for (const key of Object.keys(expected) as CategoryKey[]) {
        const want = expected[key];
        if (want === undefined) continue;
        const blocks = project.categories.filter((c) => c.key === key);
        if (blocks.length === 0) continue; // required-category reports a missing 一级
        const inds = named.filter((i) => i.categoryKey === key);
        const got = sum(inds.map((i) => weightOf(i)!));
        if (near(got, want, 1e-6)) continue;
        ctx.report(table, {
          cell: blocks[0].cell,
          project,
          message: {
            'zh-CN': `项目「${project.name}」的「${STANDARD_CATEGORIES[key]}」分值合计 ${fmt(got)}，配置要求 ${fmt(want)}`,
            'en-US': `Project "${project.name}": ${STANDARD_CATEGORIES[key]} weights sum to ${fmt(got)}, the profile expects ${fmt(want)}`,
          },
          data: { category: key, total: got, expected: want },
        });
      }
    });
  },
};
