import { ruleTable, project, projectBook, departmentBook, CLEAN } from './harness';
import { cleanProject } from '../../../fixtures/builder';

const dept = (rows: Parameters<typeof departmentBook>[0]['rows']) => departmentBook({ name: '某局', fund: 100, general: 100, basic: 60, project: 40, rows });
const deptRow = (patch: object) => ({ cat: '产出指标', sub: '数量指标', name: '产权证管理', dir: '=', target: '1577', unit: '个', content: '集中保管', rule: '该指标分值5分，未达到标准值不得分。', ...patch });

ruleTable('value-in-unit-column', [
  { name: 'clean', book: dept([deptRow({})]), expect: [] },
  { name: 'text in the unit column with an empty target is not a value', book: dept([deptRow({ target: undefined, unit: '无' })]), expect: [] },
  { name: '1577个 in the unit column', book: dept([deptRow({ target: undefined, unit: '1577个' })]), expect: ['P6'] },
  { name: '95% in the unit column', book: dept([deptRow({ target: undefined, unit: '95%', name: '满意度', cat: '满意度指标', sub: '服务对象满意度指标', dir: '≥' })]), expect: ['P6'] },
  { name: 'project table too', book: projectBook([project({ 2: { target: undefined, unit: '200家' } })]), expect: ['L5'] },
]);

ruleTable('direction-needs-number', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: 'a date target under ≤ is fine', book: projectBook([project({ 5: { dir: '≤' } })]), expect: [] },
  { name: '= with a text target', book: projectBook([project({ 3: { target: '若干' } })]), expect: ['I6'] },
  { name: '≥ with a vague target', book: projectBook([project({ 8: { target: '较高' } })]), expect: ['I11'] },
]);

ruleTable('qualitative-with-number', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: '定性 with 95%', book: projectBook([project({ 8: { dir: '定性' } })]), expect: ['M11'] },
]);

ruleTable('qualitative-explained-by-number', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: 'explanation with a number but no measuring unit', book: projectBook([project({ 7: { content: '对全市1965家单位统计' } })]), expect: [] },
  { name: '下降 in % explained as 同比下降1%', book: projectBook([project({ 7: { target: '下降', unit: '%', content: '人均能耗同比下降1%' } })]), expect: ['M10'] },
]);

ruleTable('unit-mismatch', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: 'a date with unit 年 is fine', book: projectBook([project({ 5: { unit: '年' } })]), expect: [] },
  { name: '有效 in 万元', book: projectBook([project({ 7: { target: '有效', unit: '万元' } })]), expect: ['L10'] },
]);

ruleTable('unit-glued-to-value', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: 'percent with unit % is fine', book: projectBook([project({ 4: { target: '98%' } })]), expect: [] },
  { name: '1965家单位 vs 家', book: projectBook([project({ 2: { target: '1965家单位' } })]), expect: ['I5:warning'] },
  { name: '57.6万元 vs 万元', book: projectBook([project({ 0: { target: '40万元' } })]), expect: ['I3:info'] },
]);

ruleTable('cost-direction', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: 'old framework cost under 产出 is fine', book: projectBook([cleanProject('x', 10, { framework: 'old' })]), expect: [] },
  { name: 'cost typed 定性 with 2024年预算', book: projectBook([project({ 0: { dir: '定性', target: '2024年预算' } })]), expect: ['M3'] },
  { name: 'cost typed ≥', book: projectBook([project({ 0: { dir: '≥' } })]), expect: ['M3'] },
]);

ruleTable('satisfaction-direction', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: '= 95%', book: projectBook([project({ 8: { dir: '=' } })]), expect: ['M11'] },
  { name: 'full-width ＝', book: projectBook([project({ 8: { dir: '＝' } })]), expect: ['M11'] },
  { name: '≧ is ≥', book: projectBook([project({ 8: { dir: '≧' } })]), expect: [] },
]);

ruleTable('rate-over-100', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: 'a growth rate may exceed 100%', book: projectBook([project({ 2: { name: '业务增长', target: '150%', unit: '%' } })]), expect: [] },
  { name: 'satisfaction 105%', book: projectBook([project({ 8: { target: '105%' } })]), expect: ['I11'] },
]);

ruleTable('vague-target', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: '有效', book: projectBook([project({ 7: { target: '有效' } })]), expect: ['I10'] },
  { name: '提升', book: projectBook([project({ 7: { target: '提升' } })]), expect: ['I10'] },
]);

ruleTable('unspecified-rule', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: '按完成情况赋分', book: projectBook([project({ 7: { rule: '该指标分值为10分，按完成情况赋分。' } })]), expect: ['K10'] },
]);
