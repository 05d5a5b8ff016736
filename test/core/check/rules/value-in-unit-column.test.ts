/** value-in-unit-column: the target is not typed in the unit column (`1577个`, `95%` under 度量单位). */
import { ruleTable, CLEAN, type DepartmentTable, type Row } from './harness';

// A 整体支出 table: its first indicator row is 6, the unit column P.
const department = (row: Row): DepartmentTable => ({ name: '某局', fund: 100, general: 100, basic: 60, project: 40, rows: [row] });
const title = { category: '产出指标', subcategory: '数量指标', indicator: '产权证管理', direction: '=', content: '集中保管', rule: '该指标分值5分，未达到标准值不得分。' };

ruleTable('value-in-unit-column', [
  { name: 'clean', departmentTable: department({ ...title, target: '1577', unit: '个' }), expect: [] },
  { name: 'text in the unit column with an empty target is not a value', departmentTable: department({ ...title, target: undefined, unit: '无' }), expect: [] },
  { name: '1577个 in the unit column', departmentTable: department({ ...title, target: undefined, unit: '1577个' }), expect: ['P6'] },
  {
    name: '95% in the unit column',
    departmentTable: department({ ...title, category: '满意度指标', subcategory: '服务对象满意度指标', indicator: '满意度', direction: '≥', target: undefined, unit: '95%' }),
    expect: ['P6'],
  },
  { name: 'project table too', project: CLEAN.with({ count: { indicator: '服务单位数量', target: undefined, unit: '200家' } }), expect: ['L5'] },
]);
