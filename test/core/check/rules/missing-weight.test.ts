/** missing-weight: every indicator has a weight, in a 分值 column or in its rule text (该指标分值为N分). */
import { ruleTable, runRule, CLEAN } from './harness';
import type { WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';

ruleTable('missing-weight', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'no 分值 in the rule', project: CLEAN.with({ system: { rule: '按完成情况赋分。' } }), expect: ['K10'] },
]);

test('a table with neither a 分值 nor a 评分标准 column (申报表) states no weights: no row misses one', () => {
  const wb: WorkbookSnapshot = {
    source: 'test',
    sheets: [{ name: '绩效目标申报表', values: [['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '培训人数', '≥500人'], ['满意度指标', '服务对象满意度指标', '满意度', '≥90%']], merges: [] }],
  };
  expect(runRule('missing-weight', wb)).toEqual([]);
});
