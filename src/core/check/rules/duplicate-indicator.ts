/** 完整性: no two 三级 indicators of a project share a name. */
import type { RuleModule } from '../findings';
import { normalizeText } from '../../domain/text';

export const duplicateIndicator: RuleModule = {
  id: 'duplicate-indicator',
  severity: 'error',
  category: 'split',
  description: { 'zh-CN': '同一项目内三级指标名称不得重复', 'en-US': 'No duplicate indicator names within a project' },
  create(ctx) {
    return {
      project(project, table) {
        const seen = new Map<string, number>();
        const inds = project.indicators;
        for (let i = 0; i < inds.length; i++) {
          const ind = inds[i];
          if (!ind.name) continue;
          const key = normalizeText(ind.name);
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, ind.row);
            continue;
          }
          ctx.report(table, {
            cell: ind.cell,
            project,
            indicator: ind,
            message: {
              'zh-CN': `三级指标「${ind.name}」与第${first}行重名`,
              'en-US': `Indicator "${ind.name}" duplicates the one on row ${first}`,
            },
            data: { firstRow: first },
          });
        }
      },
    };
  },
};
