/** 资金: the projects' 资金总额 add up to the department summary row's total. */
import type { RuleModule } from '../findings';
import { fmt, near, sum, toleranceIn } from './util';

export const projectsSumDepartment: RuleModule = {
  id: 'projects-sum-department',
  severity: 'error',
  category: 'other',
  description: { 'zh-CN': '各项目资金总额之和须等于单位合计', 'en-US': "Projects' funds add up to the department total" },
  create(ctx) {
    return {
      end() {
        for (const table of ctx.tables) {
          const dep = table.department;
          if (table.kind !== 'project' || !dep || dep.fund === null || !dep.fundField) continue;
          if (table.projects.length === 0 || table.projects.some((p) => p.fund === null)) continue;
          const total = sum(table.projects.map((p) => p.fund!));
          if (near(total, dep.fund, toleranceIn(table.moneyUnit, ctx.profile.moneyTolerance))) continue;
          const parts = table.projects.map((p) => fmt(p.fund!)).join(' + ');
          ctx.report(table, {
            cell: dep.fundField.cell,
            message: {
              'zh-CN': `单位「${dep.name}」的资金总额 ${fmt(dep.fund)} 不等于各项目之和 ${parts} = ${fmt(total)}`,
              'en-US': `"${dep.name}": fund ${fmt(dep.fund)} differs from the projects' sum ${parts} = ${fmt(total)}`,
            },
            data: { total: dep.fund, projectsSum: total },
          });
        }
      },
    };
  },
};
