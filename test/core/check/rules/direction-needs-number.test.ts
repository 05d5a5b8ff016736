/** direction-needs-number: `≥ ≤ =` need a number (or a date for a time target), not a text. */
import { ruleTable, CLEAN } from './harness';

ruleTable('direction-needs-number', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'a date target under ≤ is fine', project: CLEAN.with({ deadline: { target: '2024年12月前', direction: '≤' } }), expect: [] },
  { name: '≥ with a text target', project: CLEAN.with({ checks: { target: '若干', direction: '≥' } }), expect: ['I6'] },
  { name: '≥ with a vague target', project: CLEAN.with({ satisfaction: { target: '较高', direction: '≥' } }), expect: ['I11'] },
  { name: '定量 with a number target is fine', project: CLEAN.with({ checks: { target: '95', direction: '定量' } }), expect: [] },
  { name: '定量 with a text target', project: CLEAN.with({ checks: { target: '按月安排', direction: '定量' } }), expect: ['I6'] },
]);
