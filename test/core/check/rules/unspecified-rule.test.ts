/** unspecified-rule: the rule gives a computable method, not just 按完成情况赋分. */
import { ruleTable, CLEAN } from './harness';

ruleTable('unspecified-rule', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: '按完成情况赋分', project: CLEAN.with({ system: { rule: '该指标分值为10分，按完成情况赋分。' } }), expect: ['K10'] },
]);
