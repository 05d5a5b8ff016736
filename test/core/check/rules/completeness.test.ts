import { ruleTable, project, projectBook, CLEAN } from './harness';
import { cleanProject } from '../../../fixtures/builder';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';

const OLD = cleanProject('节能', 17, { framework: 'old' });
const without = (pred: (r: (typeof CLEAN.rows)[number]) => boolean) => ({ ...CLEAN, rows: CLEAN.rows.filter((r) => !pred(r)) });

ruleTable('required-category', [
  { name: 'clean project, new framework', book: projectBook([CLEAN]), expect: [] },
  { name: 'old framework under the national profile', book: projectBook([OLD]), expect: [], profile: BUILTIN_PROFILES.national },
  { name: 'no 满意度 at all', book: projectBook([without((r) => r.cat === '满意度指标')]), expect: ['B3'] },
  { name: 'no 效益 at all', book: projectBook([without((r) => r.cat === '效益指标')]), expect: ['B3'] },
  // The 满意度 一级 row is there but holds no 三级 indicator: point at the 一级 cell.
  { name: '满意度 row without indicator', book: projectBook([project({ 8: { name: undefined, target: undefined, rule: undefined, unit: undefined, dir: undefined, content: undefined } })]), expect: ['F11'] },
  { name: 'no 成本 in the new framework', book: projectBook([without((r) => r.cat === '成本指标')]), expect: ['B3'] },
]);

ruleTable('required-output-subcategory', [
  { name: 'clean project', book: projectBook([CLEAN]), expect: [] },
  { name: 'merged layout without 时效', book: projectBook([without((r) => r.sub === '时效指标')]), expect: ['F5'] },
  { name: 'repeated layout without 质量', book: projectBook([without((r) => r.sub === '质量指标')], { layout: 'repeated' }), expect: ['F5'] },
  { name: 'old framework needs 成本 under 产出 for the national profile', book: projectBook([{ ...OLD, rows: OLD.rows.filter((r) => r.sub !== '成本指标') }]), expect: ['F3'], profile: BUILTIN_PROFILES.national },
]);

ruleTable('subcategory-parent', [
  { name: 'clean project', book: projectBook([CLEAN]), expect: [] },
  { name: 'old framework: 成本指标 under 产出', book: projectBook([OLD]), expect: [] },
  { name: '数量指标 under 效益指标', book: projectBook([project({ 6: { sub: '数量指标' } })]), expect: ['G9'] },
  { name: 'unknown 二级', book: projectBook([project({ 6: { sub: '其他指标' } })]), expect: ['G9'] },
  { name: 'unknown 一级', book: projectBook([project({ 8: { cat: '公众指标', sub: '服务对象满意度指标' } })]), expect: ['F11'] },
]);

ruleTable('nonstandard-name', [
  { name: 'clean project', book: projectBook([CLEAN]), expect: [] },
  { name: 'full-width spaces in a standard name are fine', book: projectBook([project({ 2: { sub: '数量　指标' }, 3: { sub: '数量　指标' } })]), expect: [] },
  { name: '可持续发展影响指标', book: projectBook([project({ 7: { sub: '可持续发展影响指标' } })]), expect: ['G10'] },
  { name: '产出 without 指标', book: projectBook([project({ 2: { cat: '产出' }, 3: { cat: '产出' }, 4: { cat: '产出' }, 5: { cat: '产出' } })]), expect: ['F5'] },
]);

ruleTable('project-no-indicators', [
  { name: 'clean project', book: projectBook([CLEAN]), expect: [] },
  { name: 'a project with only 二级 rows', book: projectBook([CLEAN, { name: '空项目', fund: 5, rows: [{ cat: '产出指标', sub: '数量指标' }] }]), expect: ['B12'] },
]);

ruleTable('missing-field', [
  { name: 'clean project', book: projectBook([CLEAN]), expect: [] },
  { name: 'qualitative without unit is fine', book: projectBook([project({ 5: { unit: undefined } })]), expect: [] },
  { name: 'empty target', book: projectBook([project({ 2: { target: undefined } })]), expect: ['I5'] },
  { name: 'empty unit on a number', book: projectBook([project({ 3: { unit: undefined } })]), expect: ['L6'] },
  { name: 'empty unit, unit glued to the value', book: projectBook([project({ 3: { unit: undefined, target: '12次' } })]), expect: ['L6:warning'] },
  { name: 'empty direction', book: projectBook([project({ 3: { dir: undefined } })]), expect: ['M6'] },
  { name: 'unreadable direction', book: projectBook([project({ 3: { dir: '大概' } })]), expect: ['M6'] },
  { name: 'empty rule', book: projectBook([project({ 3: { rule: undefined } })]), expect: ['K6:warning'] },
  { name: 'a value without a name', book: projectBook([project({ 3: { name: undefined } })]), expect: ['H6'] },
]);

ruleTable('duplicate-indicator', [
  { name: 'clean project', book: projectBook([CLEAN]), expect: [] },
  { name: 'the same name in two projects is fine', book: projectBook([CLEAN, cleanProject('节能', 17)]), expect: [] },
  { name: 'the same name twice in one project', book: projectBook([project({ 3: { name: '服务单位数量' } })]), expect: ['H6'] },
]);

ruleTable('framework-mismatch', [
  { name: 'new framework, new profile', book: projectBook([CLEAN]), expect: [] },
  { name: 'old framework, national profile', book: projectBook([OLD]), expect: [], profile: BUILTIN_PROFILES.national },
  { name: 'old framework, new profile', book: projectBook([OLD]), expect: ['B3'] },
]);
