/** category-weight: per 一级, the weights add up to what the profile expects (成本 20, 产出 40, 效益 20, 满意度 10 by default). */
import { ruleTable, CLEAN } from './harness';

ruleTable('category-weight', [
  { name: '20/40/20/10', project: CLEAN, expect: [] },
  {
    name: 'department tables are not checked per 一级 by default',
    departmentTable: {
      name: '某局', fund: 1,
      rows: [{ category: '产出指标', subcategory: '数量指标', indicator: 'a', direction: '=', target: 1, unit: '个', rule: '该指标分值为90分，达到目标值计90分，否则不得分。' }],
    },
    expect: [],
  },
  {
    // count 10 → 15 (产出 45), accidents 10 → 5 (效益 15): the 一级 cells of rows 5 and 9.
    name: '产出 45 and 效益 15',
    project: CLEAN.with({ count: { rule: '该指标分值为15分，达到目标值计15分，否则不得分。' }, accidents: { rule: '该指标分值为5分，每发生一起扣5分，扣完为止。' } }),
    expect: ['F5', 'F9'],
  },
  {
    // 效益 15; the 「……」 row (row 12) has no weight by nature.
    name: 'a template row left in (「……」) does not switch the check off',
    project: (({ rows, ...p }) => ({ ...p, rows: [...rows, { category: '满意度指标', subcategory: '服务对象满意度指标', indicator: '……' }] }))(
      CLEAN.with({ accidents: { rule: '该指标分值为5分，每发生一起扣5分，扣完为止。' } }),
    ),
    expect: ['F9'],
  },
]);
