/** not-applicable-indicator: a row that says 本项目不适用此指标 / 不适用 / 无 instead of an indicator. */
import { ruleTable, CLEAN } from './harness';

// socialCost (row 4) is the empty 社会成本指标 row; accidents (row 9) is 安全事故次数, 0 起.
ruleTable('not-applicable-indicator', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: '三级 「本项目不适用此指标」', project: CLEAN.with({ socialCost: { indicator: '本项目不适用此指标' } }), expect: ['H4'] },
  { name: '三级 「无」', project: CLEAN.with({ socialCost: { indicator: '无' } }), expect: ['H4'] },
  { name: 'no 三级, 指标值 「不适用」', project: CLEAN.with({ socialCost: { target: '不适用' } }), expect: ['I4'] },
  { name: 'no 三级, 指标值 「无」', project: CLEAN.with({ socialCost: { target: '无', unit: '无' } }), expect: ['I4'] },
  { name: 'the content says so on a row with no 指标值', project: CLEAN.with({ socialCost: { indicator: '社会成本', content: '本项目不适用此指标' } }), expect: ['J4'] },
  { name: 'a named indicator whose target is 无 (no accidents) is an indicator', project: CLEAN.with({ accidents: { target: '无' } }), expect: [] },
]);
