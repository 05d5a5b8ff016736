/** vague-target: targets are specific, not vague words like 有效 or 提升. */
import { ruleTable, CLEAN } from './harness';

ruleTable('vague-target', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: '有效', project: CLEAN.with({ system: { target: '有效' } }), expect: ['I10'] },
  { name: '提升', project: CLEAN.with({ system: { target: '提升' } }), expect: ['I10'] },
]);
