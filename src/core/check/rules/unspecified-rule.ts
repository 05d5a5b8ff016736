/** 指标不够细化、量化 (info): the rule gives no computable method (按完成情况赋分); scoring falls back to the national default. */
import type { RuleModule } from '../findings';

export const unspecifiedRule: RuleModule = {
  id: 'unspecified-rule',
  severity: 'info',
  category: 'notQuantified',
  description: { 'zh-CN': '评分标准应给出可计算的计分方法', 'en-US': 'The scoring rule gives a computable method' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (!ind.rule || !ind.name || ind.parsedRule.family !== 'unspecified') return;
        ctx.report(table, {
          cell: ind.rule.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」的评分标准未给出可计算的计分方法，自评时只能按国家默认方法或人工评分`,
            'en-US': `"${ind.name}": the rule gives no computable method; self-evaluation falls back to the national default or manual scoring`,
          },
        });
      },
    };
  },
};
