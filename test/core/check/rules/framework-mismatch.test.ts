/** framework-mismatch: the project uses the profile's framework (成本 as a 一级, or as a 二级 under 产出). */
import { ruleTable, CLEAN, OLD } from './harness';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';

ruleTable('framework-mismatch', [
  { name: 'new framework, new profile', project: CLEAN, expect: [] },
  { name: 'old framework, national profile', project: OLD, profile: BUILTIN_PROFILES.national, expect: [] },
  { name: 'old framework, new profile', project: OLD, expect: ['B3'] },
]);
