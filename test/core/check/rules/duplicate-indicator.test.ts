/** duplicate-indicator: no two 三级 indicators of a project share a name. */
import { ruleTable, CLEAN, clean } from './harness';

ruleTable('duplicate-indicator', [
  { name: 'clean project', project: CLEAN, expect: [] },
  { name: 'the same name in two projects is fine', projects: [CLEAN, clean('节能', 17)], expect: [] },
  // count (row 5) is 服务单位数量 already.
  { name: 'the same name twice in one project', project: CLEAN.with({ checks: { indicator: '服务单位数量' } }), expect: ['H6'] },
]);
