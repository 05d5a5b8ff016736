/** 指标与指标值不匹配: a rate (满意度, 合格率, 完成率, …) is at most 100%. */
import type { RuleModule } from '../findings';
import { isSatisfaction } from './util';

const BOUNDED_RATE = /(满意|合格率|完成率|覆盖率|准确率|达标率|执行率|到位率|知晓率|及时率|正确率|通过率|入学率|参保率|普及率)/;

export const rateOver100: RuleModule = {
  id: 'rate-over-100',
  severity: 'error',
  category: 'valueMismatch',
  description: { 'zh-CN': '比率类指标值不得超过100%', 'en-US': 'A rate is at most 100%' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        const t = ind.parsedTarget;
        if (!ind.target || t.kind !== 'number' || !t.isPercent || t.value === null || t.value <= 100) return;
        if (!isSatisfaction(ind) && !BOUNDED_RATE.test(ind.name)) return;
        ctx.report(table, {
          cell: ind.target.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」的指标值 ${ind.target.text} 超过了100%`,
            'en-US': `"${ind.name}": the target ${ind.target.text} exceeds 100%`,
          },
        });
      },
    };
  },
};
