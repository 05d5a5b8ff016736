/** 一级指标类型错误: the project uses the other framework than the profile (成本 as 一级 vs as a 二级 under 产出). */
import type { RuleModule } from '../findings';

const NAME = { new: { zh: '新框架（成本指标为一级指标）', en: 'the new framework (cost as a 一级)' }, old: { zh: '旧框架（成本指标为产出指标下的二级）', en: 'the old framework (cost as a 二级 under output)' } };

export const frameworkMismatch: RuleModule = {
  id: 'framework-mismatch',
  severity: 'warning',
  category: 'categoryType',
  description: { 'zh-CN': '指标体系须与配置一致', 'en-US': 'The indicator framework matches the profile' },
  create(ctx) {
    return {
      project(project, table) {
        if (!project.framework || project.framework === ctx.profile.framework) return;
        ctx.report(table, {
          cell: project.nameCell,
          project,
          message: {
            'zh-CN': `项目「${project.name}」采用${NAME[project.framework].zh}，配置「${ctx.profile.id}」要求${NAME[ctx.profile.framework].zh}`,
            'en-US': `Project "${project.name}" uses ${NAME[project.framework].en}; profile "${ctx.profile.id}" expects ${NAME[ctx.profile.framework].en}`,
          },
        });
      },
    };
  },
};
