/** qualitative-explained-by-number: a 定性 indicator whose explanation states a number in its own unit should be quantified. */
import { ruleTable, CLEAN } from './harness';

// system (row 10): 管理制度健全性, 定性.
ruleTable('qualitative-explained-by-number', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'explanation with a number but no measuring unit', project: CLEAN.with({ system: { direction: '定性', content: '对全市1965家单位统计' } }), expect: [] },
  { name: '下降 in % explained as 同比下降1%', project: CLEAN.with({ system: { target: '下降', unit: '%', direction: '定性', content: '人均能耗同比下降1%' } }), expect: ['M10'] },
]);
