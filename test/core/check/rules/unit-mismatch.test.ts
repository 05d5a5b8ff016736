/** unit-mismatch: a 定性 indicator with a text target has no measuring unit (有效 in 万元). */
import { ruleTable, CLEAN } from './harness';

ruleTable('unit-mismatch', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'a date with unit 年 is fine', project: CLEAN.with({ deadline: { target: '2024年12月前', unit: '年', direction: '定性' } }), expect: [] },
  { name: '有效 in 万元', project: CLEAN.with({ system: { target: '有效', unit: '万元', direction: '定性' } }), expect: ['L10'] },
]);
