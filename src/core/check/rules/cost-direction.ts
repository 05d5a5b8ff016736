/** 指标与指标值不匹配: a cost indicator is a ceiling: typed ≤ with an amount. Fix: set the direction to ≤. */
import type { RuleModule } from '../findings';
import { isCost } from './util';
import { setDirectionFix } from '../../edit/fixes/descriptors';

export const costDirection: RuleModule = {
  id: 'cost-direction',
  severity: 'warning',
  category: 'valueMismatch',
  description: { 'zh-CN': '成本指标应为 ≤ 金额', 'en-US': 'A cost indicator is "≤ an amount"' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (!isCost(ind) || !ind.name) return;
        const numeric = ind.parsedTarget.kind === 'number';
        if (ind.direction === 'lte' && numeric) return;
        if (ind.direction === null && !ind.directionField) return; // missing-field reports it
        const typed = ind.directionField?.text ?? '';
        ctx.report(table, {
          cell: ind.directionField?.cell ?? ind.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `成本指标「${ind.name}」标为「${typed}」、指标值为「${ind.target?.text ?? ''}」：成本指标应为「≤」一个金额（万元）`,
            'en-US': `Cost indicator "${ind.name}" is typed "${typed}" with target "${ind.target?.text ?? ''}": a cost indicator should be "≤" an amount (万元)`,
          },
          // With a number as target, typing it ≤ is the whole fix; a text target needs a person.
          fix: numeric ? setDirectionFix(table, ind, 'lte') : undefined,
        });
      },
    };
  },
};
