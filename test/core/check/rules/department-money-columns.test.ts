/** department-money-columns: on a 整体支出 table, 资金总额 (C6) = Σ by income nature = 基本支出 + 项目支出. */
import { ruleTable, type Row } from './harness';

const rows: Row[] = [{ category: '产出指标', subcategory: '数量指标', indicator: '产权证管理', direction: '=', target: '1577', unit: '个', rule: '该指标分值5分，未达到标准值不得分。' }];

ruleTable('department-money-columns', [
  { name: '705.86 = 705.86 = 572.86 + 133', departmentTable: { name: '某局', fund: 705.86, general: 705.86, basic: 572.86, project: 133, rows }, expect: [] },
  { name: 'income columns not filled', departmentTable: { name: '某局', fund: 100, rows }, expect: [] },
  { name: 'basic + project ≠ fund', departmentTable: { name: '某局', fund: 705.86, general: 705.86, basic: 572.86, project: 130, rows }, expect: ['C6'] },
  { name: 'income sum ≠ fund', departmentTable: { name: '某局', fund: 705.86, general: 700, other: 5, basic: 572.86, project: 133, rows }, expect: ['C6'] },
]);
