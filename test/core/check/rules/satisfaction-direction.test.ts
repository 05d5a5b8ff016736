/** satisfaction-direction: a satisfaction rate is a floor (≥), not `=` or `≤`. */
import { ruleTable, CLEAN } from './harness';

ruleTable('satisfaction-direction', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: '= 95%', project: CLEAN.with({ satisfaction: { target: '95%', direction: '=' } }), expect: ['M11'] },
  { name: 'full-width ＝', project: CLEAN.with({ satisfaction: { target: '95%', direction: '＝' } }), expect: ['M11'] },
  { name: '≧ is ≥', project: CLEAN.with({ satisfaction: { target: '95%', direction: '≧' } }), expect: [] },
  { name: 'no type written, = in the value', project: CLEAN.with({ satisfaction: { target: '=99%', direction: undefined } }), expect: ['I11'] },
  { name: 'no type written, ≥ in the value', project: CLEAN.with({ satisfaction: { target: '≥99%', direction: undefined } }), expect: [] },
]);
