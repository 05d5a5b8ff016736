/** required-category: every required 一级 (产出, 效益, 满意度; 成本 in the new framework) has an indicator. */
import { ruleTable, CLEAN, OLD } from './harness';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';

ruleTable('required-category', [
  { name: 'clean project, new framework', project: CLEAN, expect: [] },
  { name: 'old framework under the national profile', project: OLD, profile: BUILTIN_PROFILES.national, expect: [] },
  { name: 'no 满意度 at all', project: CLEAN.with({ satisfaction: null }), expect: ['B3'] },
  { name: 'no 效益 at all', project: CLEAN.with({ accidents: null, system: null }), expect: ['B3'] },
  // The 满意度 一级 row is there but holds no 三级 indicator: point at the 一级 cell.
  {
    name: '满意度 row without indicator',
    project: CLEAN.with({ satisfaction: { category: '满意度指标', subcategory: '服务对象满意度指标', indicator: undefined, target: undefined, unit: undefined, direction: undefined, content: undefined, rule: undefined } }),
    expect: ['F11'],
  },
  { name: 'no 成本 in the new framework', project: CLEAN.with({ cost: null, socialCost: null }), expect: ['B3'] },
  // The 满意度 二级 sits under 效益: subcategory-parent reports the misplacement; 满意度 is not also "missing".
  { name: '服务对象满意度指标 placed under 效益指标', project: CLEAN.with({ satisfaction: { category: '效益指标' } }), expect: [] },
  // A 满意度 row with a target but no name: missing-field reports the name; the 一级 has its indicator.
  { name: '满意度 row with a target and no name', project: CLEAN.with({ satisfaction: { indicator: undefined } }), expect: [] },
]);
