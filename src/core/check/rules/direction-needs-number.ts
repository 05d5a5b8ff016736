/** 指标与指标值不匹配: `≥ ≤ =` (and 定量) need a number (or a date for a time target), not a text. */
import type { RuleModule } from '../findings';
import { isQuantitativeWord } from '../../parse/direction';

const SYMBOL = { gte: '≥', lte: '≤', eq: '=' } as const;

export const directionNeedsNumber: RuleModule = {
  id: 'direction-needs-number',
  severity: 'error',
  category: 'valueMismatch',
  description: { 'zh-CN': '定量指标（≥ ≤ =）的指标值须为数值', 'en-US': 'A quantitative target (≥ ≤ =) is a number' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (!ind.target || ind.direction === 'qualitative') return;
        const quantitative = ind.direction === null && isQuantitativeWord(ind.directionField?.text);
        if (ind.direction === null && !quantitative) return;
        const k = ind.parsedTarget.kind;
        if (k === 'number' || k === 'date' || k === 'empty') return;
        const sym = ind.direction === null ? '定量' : SYMBOL[ind.direction];
        ctx.report(table, {
          cell: ind.target.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」的指标值类型为「${sym}」，指标值「${ind.target.text}」却不是数值`,
            'en-US': `"${ind.name}" is typed "${sym}" but its target "${ind.target.text}" is not a number`,
          },
        });
      },
    };
  },
};
