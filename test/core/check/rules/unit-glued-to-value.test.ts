/** unit-glued-to-value: a unit typed into the value (`1965家单位` while the unit column says 家). */
import { ruleTable, CLEAN } from './harness';

ruleTable('unit-glued-to-value', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'percent with unit % is fine', project: CLEAN.with({ accuracy: { target: '98%', unit: '%' } }), expect: [] },
  { name: '1965家单位 vs 家', project: CLEAN.with({ count: { target: '1965家单位', unit: '家' } }), expect: ['I5:warning'] },
  { name: '40万元 vs 万元', project: CLEAN.with({ cost: { target: '40万元', unit: '万元' } }), expect: ['I3:info'] },
]);
