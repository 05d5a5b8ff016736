/** 分值: a project's indicator weights add up to the profile's total (90 + 10 for 预算执行率 by default). */
import type { RuleModule } from '../findings';
import { fmt, fromExact, isHollowRow, near, toExact } from './util';
import { weightOf } from '../../domain/values';

export const weightTotal: RuleModule = {
  id: 'weight-total',
  severity: 'error',
  category: 'other',
  description: { 'zh-CN': '各指标分值之和须等于配置的总分', 'en-US': "Indicator weights add up to the profile's total" },
  create(ctx) {
    const expected = ctx.profile.weights.indicatorTotal;
    return {
      project(project, table) {
        const inds = project.indicators;
        let named = 0;
        let exact = 0;
        for (let i = 0; i < inds.length; i++) {
          const ind = inds[i];
          if (!ind.name) continue;
          const w = weightOf(ind);
          if (w === null) {
            // A template row left in (「……」, 「指标2」, a name with nothing else) has no weight by nature: it
            // does not make the total unknown. A filled row with no weight does (missing-weight reports it).
            if (isHollowRow(ind)) continue;
            return;
          }
          named++;
          exact += toExact(w);
        }
        if (named === 0) return;
        const total = fromExact(exact);
        if (near(total, expected, 1e-6)) return;
        ctx.report(table, {
          cell: project.nameCell,
          project,
          message: {
            'zh-CN': `项目「${project.name}」各指标分值之和为 ${fmt(total)}，配置要求 ${fmt(expected)}（另有预算执行率 ${fmt(ctx.profile.weights.budgetExecution)} 分）`,
            'en-US': `Project "${project.name}": weights sum to ${fmt(total)}, the profile expects ${fmt(expected)} (plus ${fmt(ctx.profile.weights.budgetExecution)} for budget execution)`,
          },
          data: { total, expected },
        });
      },
    };
  },
};
