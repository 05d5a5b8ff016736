/** subcategory-parent: each 二级 sits under its own 一级, and names a known 二级. */
import { ruleTable, CLEAN, OLD } from './harness';

ruleTable('subcategory-parent', [
  { name: 'clean project', project: CLEAN, expect: [] },
  { name: 'old framework: 成本指标 under 产出', project: OLD, expect: [] },
  { name: '数量指标 under 效益指标', project: CLEAN.with({ accidents: { category: '效益指标', subcategory: '数量指标' } }), expect: ['G9'] },
  { name: 'unknown 二级', project: CLEAN.with({ accidents: { category: '效益指标', subcategory: '其他指标' } }), expect: ['G9'] },
  { name: 'unknown 一级', project: CLEAN.with({ satisfaction: { category: '公众指标', subcategory: '服务对象满意度指标' } }), expect: ['F11'] },
  { name: 'the evaluation framework’s 项目管理 and its own 二级', project: CLEAN.with({ accidents: { category: '项目管理（25分）', subcategory: '财务管理' } }), expect: [] },
]);
