/** 资金: on a department (整体) table, 资金总额 = Σ by income nature = 基本支出 + 项目支出. */
import type { RuleModule } from '../findings';
import type { Field } from '../../model';
import { fmt, near, sum, toleranceIn } from './util';
import { numberOf } from '../../domain/values';

const INCOME_LABEL = { general: '一般公共预算', govFund: '政府性基金拨款', specialAccount: '财政专户管理资金', other: '其他资金' } as const;
const EXPENSE_LABEL = { basic: '基本支出', project: '项目支出' } as const;

export const departmentMoneyColumns: RuleModule = {
  id: 'department-money-columns',
  severity: 'error',
  category: 'other',
  description: {
    'zh-CN': '资金总额须等于按收入性质分之和，也须等于基本支出与项目支出之和',
    'en-US': 'The fund equals the sum by income nature and basic + project expenditure',
  },
  create(ctx) {
    return {
      end() {
        for (const table of ctx.tables) {
          const dep = table.department;
          if (!dep || dep.fund === null || !dep.fundField) continue;
          const compare = (parts: Partial<Record<string, Field>>, labels: Record<string, string>, zh: string, en: string) => {
            const entries = Object.entries(parts).filter(([, f]) => f !== undefined) as [string, Field][];
            const nums = entries.map(([k, f]) => ({ k, v: numberOf(f) }));
            if (!nums.some((n) => n.v !== null)) return; // the block is not filled: nothing to add up
            const total = sum(nums.map((n) => n.v ?? 0));
            if (near(total, dep.fund!, toleranceIn(table.moneyUnit, ctx.profile.moneyTolerance))) return;
            const shown = nums.filter((n) => n.v !== null).map((n) => `${labels[n.k]} ${fmt(n.v!)}`).join(' + ');
            ctx.report(table, {
              cell: dep.fundField!.cell,
              message: {
                'zh-CN': `资金总额 ${fmt(dep.fund!)} 不等于${zh}之和：${shown} = ${fmt(total)}`,
                'en-US': `Fund ${fmt(dep.fund!)} differs from the sum ${en}: ${shown} = ${fmt(total)}`,
              },
              data: { fund: dep.fund, sum: total },
            });
          };
          compare(dep.byIncome, INCOME_LABEL, '按收入性质分', 'by income nature');
          compare(dep.byExpense, EXPENSE_LABEL, '按支出性质分（基本支出 + 项目支出）', 'by expenditure nature (basic + project)');
        }
      },
    };
  },
};
