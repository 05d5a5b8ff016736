/** nonstandard-name: 一级 and 二级 use their standard names (可持续发展影响指标 → 可持续影响指标). */
import { ruleTable, CLEAN } from './harness';

const output = { category: '产出' };

ruleTable('nonstandard-name', [
  { name: 'clean project', project: CLEAN, expect: [] },
  { name: 'full-width spaces in a standard name are fine', project: CLEAN.with({ count: { subcategory: '数量　指标' }, checks: { subcategory: '数量　指标' } }), expect: [] },
  { name: '可持续发展影响指标', project: CLEAN.with({ system: { category: '效益指标', subcategory: '可持续发展影响指标' } }), expect: ['G10'] },
  { name: '产出 without 指标', project: CLEAN.with({ count: output, checks: output, accuracy: output, deadline: output }), expect: ['F5'] },
  {
    name: 'the evaluation framework’s 项目产出（30分） is standard there',
    project: CLEAN.with({ count: { category: '项目产出（30分）' }, checks: { category: '项目产出（30分）' }, accuracy: { category: '项目产出（30分）' }, deadline: { category: '项目产出（30分）' } }),
    expect: [],
  },
]);
