/** unit-in-name-mismatch: a unit in the indicator's name that disagrees with its unit (培训人员500人 in 个). */
import { ruleTable, runRule, CLEAN } from './harness';
import type { CellValue, WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';

// count (row 5): 服务单位数量, 200 家; accuracy (row 7): 数据准确率, 98%.
ruleTable('unit-in-name-mismatch', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: '培训人员500人 in 个', project: CLEAN.with({ count: { indicator: '培训人员500人', target: 500, unit: '个' } }), expect: ['L5'] },
  { name: '培训人员500人 in 人次 (people either way)', project: CLEAN.with({ count: { indicator: '培训人员500人', target: 500, unit: '人次' } }), expect: [] },
  { name: 'a unit in brackets', project: CLEAN.with({ count: { indicator: '受益户数(户)', unit: '个' } }), expect: ['L5'] },
  { name: 'the same unit in brackets', project: CLEAN.with({ count: { indicator: '服务单位数量(家)' } }), expect: [] },
  { name: 'a trailing % against 百分比', project: CLEAN.with({ accuracy: { indicator: '数据准确率%', unit: '百分比' } }), expect: [] },
  { name: 'a number that is a condition (24小时响应率)', project: CLEAN.with({ accuracy: { indicator: '24小时响应率' } }), expect: [] },
  { name: 'a year is not a unit', project: CLEAN.with({ count: { indicator: '服务单位数量2024年' } }), expect: [] },
]);

test('without a unit column the unit written with the value is compared', () => {
  const wb: WorkbookSnapshot = {
    source: 'test',
    sheets: [{ name: '绩效目标表', values: [['一级指标', '二级指标', '三级指标', '指标值'], ...([
      ['产出指标', '数量指标', '培训人员500人', '500个'],
      ['产出指标', '质量指标', '各项工作完成及时率%', '=99百分比'],
    ] as CellValue[][])], merges: [] }],
  };
  expect(runRule('unit-in-name-mismatch', wb).map((f) => f.cell)).toEqual(['C2']);
});
