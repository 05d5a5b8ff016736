/** 指标不够细化、量化: vague targets (有效, 提升, 明显, 良好, 进一步, 规范, …). */
import type { RuleModule } from '../findings';

export const vagueTarget: RuleModule = {
  id: 'vague-target',
  severity: 'warning',
  category: 'notQuantified',
  description: { 'zh-CN': '指标值应细化、量化，不用“有效”“提升”等笼统表述', 'en-US': 'Targets are specific, not vague words like 有效 or 提升' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (!ind.target || !ind.parsedTarget.vague) return;
        ctx.report(table, {
          cell: ind.target.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」的指标值「${ind.target.text}」表述笼统，不够细化、量化`,
            'en-US': `"${ind.name}": the target "${ind.target.text}" is vague, not specific or measurable`,
          },
        });
      },
    };
  },
};
