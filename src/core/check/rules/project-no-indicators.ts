/** A project block with no 三级 indicator at all. */
import type { RuleModule } from '../findings';

import { addIndicatorsFix, requiredSubcategories } from '../../edit/fixes/descriptors';

export const projectNoIndicators: RuleModule = {
  id: 'project-no-indicators',
  severity: 'error',
  category: 'incomplete',
  description: { 'zh-CN': '每个项目须有三级指标', 'en-US': 'Every project has indicators' },
  create(ctx) {
    return {
      project(project, table) {
        if (project.indicators.some((i) => i.name)) return;
        ctx.report(table, {
          cell: project.nameCell,
          project,
          message: {
            'zh-CN': `项目「${project.name || '（未命名）'}」没有任何三级指标`,
            'en-US': `Project "${project.name || '(unnamed)'}" has no indicator`,
          },
          fix: addIndicatorsFix(table, project, requiredSubcategories(project.framework ?? ctx.profile.framework, ctx.profile)),
        });
      },
    };
  },
};
