/** qualitative-with-number: a 定性 indicator whose target is a number should be typed ≥, ≤ or =. */
import { ruleTable, CLEAN } from './harness';

ruleTable('qualitative-with-number', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: '定性 with 95%', project: CLEAN.with({ satisfaction: { target: '95%', direction: '定性' } }), expect: ['M11'] },
]);
