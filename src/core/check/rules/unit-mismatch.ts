/** 指标与指标值不匹配: a 定性 indicator with a text target but a measuring unit (有效 in 万元). */
import type { RuleModule } from '../findings';
import { isMeasureUnit, unitText } from './util';

export const unitMismatch: RuleModule = {
  id: 'unit-mismatch',
  severity: 'warning',
  category: 'valueMismatch',
  description: { 'zh-CN': '度量单位须与指标值相符', 'en-US': 'The unit fits the target' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (ind.direction !== 'qualitative' || !ind.target || ind.parsedTarget.kind !== 'text') return;
        const unit = unitText(ind);
        if (!isMeasureUnit(unit)) return;
        ctx.report(table, {
          cell: ind.unit!.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」的度量单位为「${unit}」，指标却是定性、指标值为「${ind.target.text}」：单位与指标值不匹配`,
            'en-US': `"${ind.name}": unit "${unit}" but the indicator is 定性 with target "${ind.target.text}": unit and value do not match`,
          },
        });
      },
    };
  },
};
