/** cost-direction: a cost indicator is a ceiling, typed ≤ with an amount. */
import { ruleTable, runRule, CLEAN, cleanOld } from './harness';
import type { CellValue, WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';

ruleTable('cost-direction', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'old framework cost under 产出 is fine', project: cleanOld('x', 10), expect: [] },
  { name: 'cost typed 定性 with 2024年预算', project: CLEAN.with({ cost: { target: '2024年预算', direction: '定性' } }), expect: ['M3'] },
  { name: 'cost typed ≥', project: CLEAN.with({ cost: { target: '40', direction: '≥' } }), expect: ['M3'] },
  { name: 'cost typed 定量 (a number, no comparison)', project: CLEAN.with({ cost: { direction: '定量' } }), expect: ['M3'] },
  { name: 'a cost row with no 三级 name is still a cost row', project: CLEAN.with({ cost: { indicator: undefined, direction: '≥' } }), expect: ['M3'] },
  { name: 'an amount with no comparison anywhere is cost-no-upper-bound’s', project: CLEAN.with({ cost: { direction: undefined } }), expect: [] },
]);

test('without a 指标值类型 column the comparison in the value is the direction', () => {
  const wb: WorkbookSnapshot = {
    source: 'test',
    sheets: [{ name: '绩效目标表', values: [['一级指标', '二级指标', '三级指标', '指标值'], ...([
      ['成本指标', '经济成本指标', '资金使用效率', '=100百分比'],
      ['成本指标', '社会成本指标', '文化传承影响', '长远'],
      ['成本指标', '社会成本指标', '运行成本', '≤20万元'],
      ['成本指标', '生态环境成本指标', '运维费', '150万'],
    ] as CellValue[][])], merges: [] }],
  };
  expect(runRule('cost-direction', wb).map((f) => f.cell)).toEqual(['D2', 'D3']);
});
