/** missing-field: 三级名称, 指标值, 度量单位, 指标值类型 and the rule are filled on every indicator row. */
import { ruleTable, CLEAN } from './harness';

// checks (row 6): 检查次数, target 12, unit 次, direction ≥.
ruleTable('missing-field', [
  { name: 'clean project', project: CLEAN, expect: [] },
  { name: 'qualitative without unit is fine', project: CLEAN.with({ deadline: { target: '2024年12月前', direction: '定性', unit: undefined } }), expect: [] },
  { name: 'empty target', project: CLEAN.with({ count: { indicator: '服务单位数量', target: undefined } }), expect: ['I5'] },
  { name: 'empty unit on a number', project: CLEAN.with({ checks: { target: 12, unit: undefined } }), expect: ['L6'] },
  { name: 'empty unit, unit glued to the value', project: CLEAN.with({ checks: { target: '12次', unit: undefined } }), expect: ['L6:warning'] },
  { name: 'empty direction', project: CLEAN.with({ checks: { direction: undefined } }), expect: ['M6'] },
  { name: 'unreadable direction', project: CLEAN.with({ checks: { direction: '大概' } }), expect: ['M6'] },
  { name: '定量 is a type, not an unreadable direction', project: CLEAN.with({ checks: { direction: '定量' } }), expect: [] },
  { name: 'a 共性 row of 项目决策 has no 指标值 by design', project: CLEAN.with({ accidents: { category: '项目决策（10分）', subcategory: '项目立项', target: undefined, unit: undefined, direction: undefined } }), expect: [] },
  { name: 'empty rule', project: CLEAN.with({ checks: { rule: undefined } }), expect: ['K6:warning'] },
  { name: 'a value without a name', project: CLEAN.with({ checks: { indicator: undefined, target: 12 } }), expect: ['H6'] },
]);
