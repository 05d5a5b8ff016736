/**
 * 建议增加明确效益指标: a 效益 indicator whose target is 否 or 无 states that the project has no such effect.
 * Names that ask after a harm (是否发生安全事故, 环境污染事件) are the exception: there 否 / 无 is the effect.
 */
import type { RuleModule } from '../findings';
import { normalizeText } from '../../domain/text';

/** Harms whose absence is the effect: 否 / 无 is then the right target. */
const HARM = /事故|投诉|违规|违纪|违法|污染|纠纷|上访|信访|差错|失误|问题|风险|隐患|损失|损坏|处罚|通报|事件|负面|返贫|流失|破坏|伤亡|死亡|灾害|疫情|案件|超标/;

const NO = new Set(['否', '无', '没有']);

export const benefitTargetNo: RuleModule = {
  id: 'benefit-target-no',
  severity: 'warning',
  category: 'addEffect',
  description: { 'zh-CN': '效益指标的指标值不得为“否”或“无”', 'en-US': 'A 效益 target is not 否 or 无' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (ind.categoryKey !== 'effect' || !ind.target || ind.parsedTarget.kind !== 'text') return;
        if (!NO.has(normalizeText(ind.target.text)) || HARM.test(ind.name)) return;
        ctx.report(table, {
          cell: ind.target.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `效益指标「${ind.name || `第${ind.row}行`}」的指标值为「${ind.target.text}」，等于说项目没有这项效益：应写明可衡量的效益目标`,
            'en-US': `Effect indicator "${ind.name || `row ${ind.row}`}" has the target "${ind.target.text}", which says the project has no such effect: state a measurable effect`,
          },
        });
      },
    };
  },
};
