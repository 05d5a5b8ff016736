/** cost-no-upper-bound: a 成本 indicator with no ceiling (an amount with no ≤ anywhere; 合理, 可控, 符合相关规定). */
import { ruleTable, runRule, CLEAN, cleanOld } from './harness';
import type { CellValue, WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';

// cost (row 3): 公车管理成本控制, 40 万元, ≤.
ruleTable('cost-no-upper-bound', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'old framework, cost under 产出, ≤', project: cleanOld('x', 10), expect: [] },
  { name: 'an amount and an empty 指标值类型', project: CLEAN.with({ cost: { direction: undefined } }), expect: ['I3'] },
  { name: '≤ written in the value', project: CLEAN.with({ cost: { direction: undefined, target: '≤40万元' } }), expect: [] },
  { name: '以内 in the content', project: CLEAN.with({ cost: { direction: undefined, content: '控制在40万元以内' } }), expect: [] },
  { name: 'a range has its ceiling', project: CLEAN.with({ cost: { direction: undefined, target: '30-40' } }), expect: [] },
  { name: '合理', project: CLEAN.with({ cost: { target: '合理', direction: '定性' } }), expect: ['I3'] },
  { name: '符合相关规定', project: CLEAN.with({ cost: { target: '符合相关规定', direction: '定性' } }), expect: ['I3'] },
  { name: '可控', project: CLEAN.with({ cost: { target: '可控', direction: '≤' } }), expect: ['I3'] },
  { name: 'other text (2024年预算) is cost-direction’s', project: CLEAN.with({ cost: { target: '2024年预算', direction: '定性' } }), expect: [] },
  { name: 'typed ≥ is cost-direction’s', project: CLEAN.with({ cost: { direction: '≥' } }), expect: [] },
]);

/** A target table with only 一级 | 二级 | 三级 | 指标值 (甘肃, 湖北 目标表): no 指标值类型 column. */
const bare = (rows: CellValue[][]): WorkbookSnapshot => ({ source: 'test', sheets: [{ name: '绩效目标表', values: [['一级指标', '二级指标', '三级指标', '指标值'], ...rows], merges: [] }] });

test('without a 指标值类型 column the value alone decides', () => {
  const wb = bare([
    ['成本指标', '经济成本指标', '运行维护费', '150万'],
    ['成本指标', '经济成本指标', '单位补助', '1600元/亩'],
    ['成本指标', '社会成本指标', '采购成本', '≤20万元'],
    ['成本指标', '生态环境成本指标', '成本控制', '参照政府采购成本控制'],
    ['成本指标', '生态环境成本指标', '资金使用效率', '=100百分比'],
  ]);
  expect(runRule('cost-no-upper-bound', wb).map((f) => f.cell)).toEqual(['D2', 'D3', 'D5']);
});
