/** 资金 (cross-sheet): the department table's 项目支出 equals the project table's total for that unit. */
import type { RuleModule } from '../findings';
import type { TargetTable } from '../../model';
import { normalizeText } from '../../domain/text';
import { fmt, near, sum } from './util';
import { numberOf } from '../../domain/values';
import { toWan } from '../../layout/money';

/** The total of a project table in 万元: its department summary row, or else the sum of its projects. */
function projectTableTotal(t: TargetTable): number | null {
  if (t.department?.fundWan != null) return t.department.fundWan;
  if (t.projects.length === 0 || t.projects.some((p) => p.fundWan === null)) return null;
  return sum(t.projects.map((p) => p.fundWan!));
}

export const departmentProjectTotal: RuleModule = {
  id: 'department-project-total',
  severity: 'error',
  category: 'other',
  description: {
    'zh-CN': '整体支出表的项目支出须等于项目支出表的资金合计',
    'en-US': "The department table's project expenditure equals the project tables' total",
  },
  create(ctx) {
    return {
      end() {
        const projectTables = ctx.tables.filter((t) => t.kind === 'project');
        if (projectTables.length === 0) return;
        for (const table of ctx.tables) {
          const dep = table.department;
          const cell = dep?.byExpense.project;
          if (table.kind !== 'department' || !dep || !cell) continue;
          // In 万元, as the project tables' totals: the two sheets may state their amounts in different units.
          const value = toWan(numberOf(cell), table.moneyUnit);
          if (value === null) continue;
          // Match by unit code or name; with a single project table in the workbook, that one.
          const code = dep.code ? normalizeText(dep.code.text) : '';
          const name = normalizeText(dep.name);
          let matches = projectTables.filter(
            (t) =>
              (t.department && (normalizeText(t.department.name) === name || (code && t.department.code && normalizeText(t.department.code.text) === code))) ||
              (!t.department && code && t.projects.some((p) => p.code && normalizeText(p.code.text) === code)),
          );
          if (matches.length === 0 && projectTables.length === 1) matches = projectTables;
          if (matches.length === 0) continue;
          const totals = matches.map(projectTableTotal);
          if (totals.some((t) => t === null)) continue;
          const total = sum(totals as number[]);
          if (near(total, value, ctx.profile.moneyTolerance)) continue;
          const where = matches.map((t) => `「${t.sheet}」`).join('、');
          ctx.report(table, {
            cell: cell.cell,
            message: {
              'zh-CN': `项目支出 ${fmt(value)} 不等于项目支出绩效目标表${where}的资金合计 ${fmt(total)}`,
              'en-US': `Project expenditure ${fmt(value)} differs from the total ${fmt(total)} of the project table(s) ${where}`,
            },
            data: { value, total },
          });
        }
      },
    };
  },
};
