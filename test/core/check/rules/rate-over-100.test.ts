/** rate-over-100: a rate (满意度, 合格率, 完成率, …) is at most 100%. */
import { ruleTable, CLEAN } from './harness';

ruleTable('rate-over-100', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'a growth rate may exceed 100%', project: CLEAN.with({ count: { indicator: '业务增长', target: '150%', unit: '%' } }), expect: [] },
  { name: 'satisfaction 105%', project: CLEAN.with({ satisfaction: { indicator: '服务对象满意度', target: '105%', unit: '%' } }), expect: ['I11'] },
]);
