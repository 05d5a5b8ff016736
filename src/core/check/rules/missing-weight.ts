/**
 * 分值: every indicator has a weight, in a 分值 column or in its rule text (该指标分值为N分). A table with
 * neither column (申报表, 下达表: weights are set when the self-evaluation is scored) states no weights by
 * design: no row of it misses one.
 */
import type { RuleModule } from '../findings';
import { cellIn, statesWeights } from './util';
import { weightOf } from '../../domain/values';

export const missingWeight: RuleModule = {
  id: 'missing-weight',
  severity: 'warning',
  category: 'incomplete',
  description: { 'zh-CN': '每个指标须写明分值', 'en-US': 'Every indicator states its weight' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (!ind.name || weightOf(ind) !== null || !statesWeights(table)) return;
        ctx.report(table, {
          cell: ind.weight?.cell ?? ind.rule?.cell ?? cellIn(table, ind, table.columns.weight !== undefined ? 'weight' : 'rule'),
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」没有写明分值（评分标准中应写“该指标分值为N分”${table.columns.weight !== undefined ? '，或填写分值列' : ''}）`,
            'en-US': `"${ind.name}" states no weight (write 该指标分值为N分 in the rule${table.columns.weight !== undefined ? ', or fill the weight column' : ''})`,
          },
        });
      },
    };
  },
};
