/** 指标不够细化、量化: a 定性 indicator whose explanation states a number in its own unit (下降 / % / 同比下降1%). */
import type { RuleModule } from '../findings';
import { normalizeText } from '../../domain/text';
import { isMeasureUnit, unitText } from './util';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const qualitativeExplainedByNumber: RuleModule = {
  id: 'qualitative-explained-by-number',
  severity: 'warning',
  category: 'notQuantified',
  description: {
    'zh-CN': '指标解释已给出数值的定性指标应量化',
    'en-US': 'A qualitative indicator whose explanation states a number should be quantified',
  },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (ind.direction !== 'qualitative' || !ind.content) return;
        if (ind.parsedTarget.kind === 'number' || ind.parsedTarget.kind === 'date') return;
        const unit = unitText(ind);
        if (!isMeasureUnit(unit)) return;
        const content = normalizeText(ind.content.text).slice(0, 2000);
        const m = new RegExp(`(\\d+(?:\\.\\d+)?)${escapeRe(unit)}`).exec(content);
        if (!m) return;
        ctx.report(table, {
          cell: ind.directionField?.cell ?? ind.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」标为定性（指标值「${ind.target?.text ?? ''}」，单位 ${unit}），而指标解释写明了「${m[0]}」：应量化为定量指标`,
            'en-US': `"${ind.name}" is typed 定性 (target "${ind.target?.text ?? ''}", unit ${unit}) while its explanation states "${m[0]}": quantify it`,
          },
          data: { stated: m[0] },
        });
      },
    };
  },
};
