/** 指标与指标值不匹配: a 定性 indicator whose target is a number should be typed ≥, ≤ or =. Fix: set the direction. */
import type { RuleModule } from '../findings';

export const qualitativeWithNumber: RuleModule = {
  id: 'qualitative-with-number',
  severity: 'warning',
  category: 'valueMismatch',
  description: { 'zh-CN': '定性指标不应填数值型指标值', 'en-US': 'A qualitative indicator has no numeric target' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (ind.direction !== 'qualitative' || !ind.target || ind.parsedTarget.kind !== 'number') return;
        ctx.report(table, {
          cell: ind.directionField!.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」标为定性，指标值「${ind.target.text}」却是数值：应改为定量（≥、≤ 或 =）`,
            'en-US': `"${ind.name}" is typed 定性 but its target "${ind.target.text}" is a number: make it quantitative (≥, ≤ or =)`,
          },
        });
      },
    };
  },
};
