import { ruleTable, project, projectBook, departmentBook, book, CLEAN } from './harness';
import { buildDepartmentSheet, buildProjectSheet, cleanProject } from '../../../fixtures/builder';

const deptRows = [{ cat: '产出指标', sub: '数量指标', name: '产权证管理', dir: '=', target: '1577', unit: '个', rule: '该指标分值5分，未达到标准值不得分。' }];

ruleTable('cost-exceeds-fund', [
  { name: 'cost equal to the fund', book: projectBook([CLEAN]), expect: [] },
  { name: '57.6万元 against a fund of 40', book: projectBook([project({ 0: { target: '57.6万元' } })]), expect: ['I3'] },
  { name: 'in 元: 576000元 against 40 万元', book: projectBook([project({ 0: { target: '576000', unit: '元' } })]), expect: ['I3'] },
  { name: 'in 元 below the fund', book: projectBook([project({ 0: { target: '390000', unit: '元' } })]), expect: [] },
]);

ruleTable('projects-sum-department', [
  { name: '133 = 40 + 17 + 76', book: projectBook([cleanProject('a', 40), cleanProject('b', 17), cleanProject('c', 76)], { department: { name: '某局', fund: 133 } }), expect: [] },
  { name: 'decimals: 0.1 + 0.2 = 0.3', book: projectBook([cleanProject('a', 0.1), cleanProject('b', 0.2)], { department: { name: '某局', fund: 0.3 } }), expect: [] },
  { name: '140 ≠ 133', book: projectBook([cleanProject('a', 40), cleanProject('b', 17), cleanProject('c', 76)], { department: { name: '某局', fund: 140 } }), expect: ['D3'] },
]);

ruleTable('department-money-columns', [
  { name: '705.86 = 705.86 = 572.86 + 133', book: departmentBook({ name: '某局', fund: 705.86, general: 705.86, basic: 572.86, project: 133, rows: deptRows }), expect: [] },
  { name: 'income columns not filled', book: departmentBook({ name: '某局', fund: 100, rows: deptRows }), expect: [] },
  { name: 'basic + project ≠ fund', book: departmentBook({ name: '某局', fund: 705.86, general: 705.86, basic: 572.86, project: 130, rows: deptRows }), expect: ['C6'] },
  { name: 'income sum ≠ fund', book: departmentBook({ name: '某局', fund: 705.86, general: 700, other: 5, basic: 572.86, project: 133, rows: deptRows }), expect: ['C6'] },
]);

const projSheet = (fund: number) => buildProjectSheet({ projects: [cleanProject('a', 40), cleanProject('b', fund)], department: { name: '某局', fund: 40 + fund } });
ruleTable('department-project-total', [
  { name: '项目支出 equals the project sheet', book: book(projSheet(93), buildDepartmentSheet({ name: '某局', fund: 705.86, basic: 572.86, project: 133, rows: deptRows })), expect: [] },
  { name: 'no project sheet: nothing to compare', book: departmentBook({ name: '某局', fund: 705.86, basic: 572.86, project: 133, rows: deptRows }), expect: [] },
  { name: '项目支出 differs from the project sheet', book: book(projSheet(90), buildDepartmentSheet({ name: '某局', fund: 705.86, basic: 572.86, project: 133, rows: deptRows })), expect: ['I6'] },
]);
