/** required-output-subcategory: 产出指标 has 数量, 质量 and 时效 (and 成本 where the profile asks), each with an indicator. */
import { ruleTable, CLEAN, OLD } from './harness';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';

ruleTable('required-output-subcategory', [
  { name: 'clean project', project: CLEAN, expect: [] },
  { name: 'merged layout without 时效', project: CLEAN.with({ deadline: null }), expect: ['F5'] },
  { name: 'repeated layout without 质量', project: CLEAN.with({ accuracy: null }), layout: 'repeated', expect: ['F5'] },
  { name: 'old framework needs 成本 under 产出 for the national profile', project: OLD.with({ cost: null }), profile: BUILTIN_PROFILES.national, expect: ['F3'] },
]);
