/** 资金: a cost target does not exceed the project's 资金总额. */
import type { RuleModule } from '../findings';
import { fmt, isCost, moneyInWan, unitText } from './util';

export const costExceedsFund: RuleModule = {
  id: 'cost-exceeds-fund',
  severity: 'error',
  category: 'valueMismatch',
  description: { 'zh-CN': '成本指标值不得超过项目资金总额', 'en-US': "A cost target does not exceed the project's fund" },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        // Compared in 万元: the fund as the table writes it (元 or 万元) converted, the target by its own unit.
        const fund = project.fundWan;
        if (!isCost(ind) || !ind.target || fund === null) return;
        const amount = moneyInWan(ind.parsedTarget, unitText(ind));
        if (amount === null || amount <= fund + ctx.profile.moneyTolerance) return;
        // Say the amount in 万元 only when the target was written in another unit.
        const inWan = ind.target.text.replace(/\s/g, '') === `${fmt(amount)}万元` ? '' : `（${fmt(amount)}万元）`;
        const inWanEn = inWan ? ` (${fmt(amount)} 万元)` : '';
        ctx.report(table, {
          cell: ind.target.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `成本指标「${ind.name}」的指标值 ${ind.target.text}${inWan}大于项目资金总额 ${fmt(fund)}万元`,
            'en-US': `Cost indicator "${ind.name}": target ${ind.target.text}${inWanEn} is larger than the project's fund ${fmt(fund)} 万元`,
          },
          data: { amount, fund },
        });
      },
    };
  },
};
