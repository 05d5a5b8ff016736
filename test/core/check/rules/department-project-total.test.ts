/** department-project-total: the 整体支出 table's 项目支出 (I6) equals the project table's total for that unit. */
import { ruleTable, clean, type DepartmentTable } from './harness';

const departmentTable: DepartmentTable = {
  name: '某局', fund: 705.86, basic: 572.86, project: 133,
  rows: [{ category: '产出指标', subcategory: '数量指标', indicator: '产权证管理', direction: '=', target: '1577', unit: '个', rule: '该指标分值5分，未达到标准值不得分。' }],
};

ruleTable('department-project-total', [
  { name: '项目支出 equals the project sheet', projects: [clean('a', 40), clean('b', 93)], department: { name: '某局', fund: 133 }, departmentTable, expect: [] },
  { name: 'no project sheet: nothing to compare', departmentTable, expect: [] },
  { name: '项目支出 differs from the project sheet', projects: [clean('a', 40), clean('b', 90)], department: { name: '某局', fund: 130 }, departmentTable, expect: ['I6'] },
]);
