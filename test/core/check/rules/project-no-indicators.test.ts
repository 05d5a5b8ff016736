/** project-no-indicators: every project has at least one 三级 indicator. */
import { ruleTable, CLEAN } from './harness';

ruleTable('project-no-indicators', [
  { name: 'clean project', project: CLEAN, expect: [] },
  {
    name: 'a project with only 二级 rows',
    // CLEAN fills rows 3–11: 空项目 is on row 12.
    projects: [CLEAN, { name: '空项目', fund: 5, rows: [{ category: '产出指标', subcategory: '数量指标' }] }],
    expect: ['B12'],
  },
]);
