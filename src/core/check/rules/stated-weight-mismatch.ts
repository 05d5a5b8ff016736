/** 分值: the 分值 a rule states equals the 分值 column and the most the rule itself can award. */
import type { RuleModule } from '../findings';
import { fmt, near } from './util';
import { numberOf } from '../../domain/values';

export const statedWeightMismatch: RuleModule = {
  id: 'stated-weight-mismatch',
  severity: 'error',
  category: 'other',
  description: {
    'zh-CN': '评分标准写明的分值须等于分值列，也须等于该标准最多可得的分数',
    'en-US': "A rule's stated weight equals the weight column and the most the rule can award",
  },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        const rule = ind.parsedRule;
        if (!ind.rule) return;
        const column = numberOf(ind.weight);
        if (rule.statedWeight !== null && column !== null && !near(rule.statedWeight, column, 1e-6)) {
          ctx.report(table, {
            cell: ind.weight!.cell,
            project,
            indicator: ind,
            message: {
              'zh-CN': `「${ind.name}」的评分标准写明分值为${fmt(rule.statedWeight)}分，分值列却是 ${fmt(column)}`,
              'en-US': `"${ind.name}": the rule states ${fmt(rule.statedWeight)} points but the weight column says ${fmt(column)}`,
            },
            data: { stated: rule.statedWeight, column },
          });
        }
        const weight = rule.statedWeight ?? column;
        if (weight === null || rule.maxAward === null || near(weight, rule.maxAward, 1e-6)) return;
        const how =
          rule.family === 'threshold'
            ? { zh: '其计分公式最多只能得', en: 'its formula can give at most' }
            : { zh: '按其计分方法最多可得', en: 'its method awards at most' };
        ctx.report(table, {
          cell: ind.rule.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」的评分标准写明分值为${fmt(weight)}分，但${how.zh}${fmt(rule.maxAward)}分`,
            'en-US': `"${ind.name}": the rule states ${fmt(weight)} points but ${how.en} ${fmt(rule.maxAward)}`,
          },
          data: { stated: weight, maxAward: rule.maxAward, family: rule.family },
        });
      },
    };
  },
};
