import { ruleTable, project, projectBook, departmentBook, CLEAN } from './harness';
import { cleanProject } from '../../../fixtures/builder';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';

ruleTable('weight-total', [
  { name: '90 with the default profile', book: projectBook([CLEAN]), expect: [] },
  { name: 'old framework, national profile', book: projectBook([cleanProject('x', 10, { framework: 'old' })]), expect: [], profile: BUILTIN_PROFILES.national },
  { name: '95', book: projectBook([project({ 7: { rule: '该指标分值为15分，按完成情况赋分。' } })]), expect: ['B3'] },
  { name: 'a missing weight: no total (missing-weight reports it)', book: projectBook([project({ 7: { rule: '按完成情况赋分。' } })]), expect: [] },
  { name: 'a 分值 column wins over the text', book: projectBook([project({ 7: { weight: 10, rule: '按完成情况赋分。' } })], { extraColumns: ['weight'] }), expect: [] },
]);

ruleTable('category-weight', [
  { name: '20/40/20/10', book: projectBook([CLEAN]), expect: [] },
  { name: 'department tables are not checked per 一级 by default', book: departmentBook({ name: '某局', fund: 1, rows: [{ cat: '产出指标', sub: '数量指标', name: 'a', dir: '=', target: 1, unit: '个', rule: '该指标分值为90分，达到目标值计90分，否则不得分。' }] }), expect: [] },
  { name: '产出 45 and 效益 15', book: projectBook([project({ 2: { rule: '该指标分值为15分，达到目标值计15分，否则不得分。' }, 6: { rule: '该指标分值为5分，每发生一起扣5分，扣完为止。' } })]), expect: ['F5', 'F9'] },
]);

ruleTable('stated-weight-mismatch', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: '分值20 but the formula gives at most 10', book: projectBook([project({ 2: { rule: '该指标分值为20分，完成率小于60%为不及格，不得分；大于等于60%，按超过的比重赋分，计算公式为：得分=（实际完成率-60%）/（1-60%）*10，完成率=实际完成值/指标值*100%' } })]), expect: ['K5'] },
  { name: '分值10 but 计20分', book: projectBook([project({ 0: { rule: '该指标分值为10分，预算成本控制在年度预算范围以内计20分，每超过10%扣1分，扣完为止。' } })]), expect: ['K3'] },
  { name: 'tiers award at most 8 of 10', book: projectBook([project({ 8: { rule: '该指标分值为10分，满意度95%（含）以上计8分，85%-95%计6分，85%以下计0分。' } })]), expect: ['K11'] },
  { name: 'the 分值 column differs from the text', book: projectBook([project({ 3: { weight: 5 } })], { extraColumns: ['weight'] }), expect: ['O6'] },
]);

ruleTable('missing-weight', [
  { name: 'clean', book: projectBook([CLEAN]), expect: [] },
  { name: 'no 分值 in the rule', book: projectBook([project({ 7: { rule: '按完成情况赋分。' } })]), expect: ['K10'] },
]);
