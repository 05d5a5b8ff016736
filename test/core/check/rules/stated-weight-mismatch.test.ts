/** stated-weight-mismatch: the 分值 a rule states equals the 分值 column and the most the rule itself can award. */
import { ruleTable, CLEAN } from './harness';

ruleTable('stated-weight-mismatch', [
  { name: 'clean', project: CLEAN, expect: [] },
  {
    name: '分值20 but the formula gives at most 10',
    project: CLEAN.with({ count: { rule: '该指标分值为20分，完成率小于60%为不及格，不得分；大于等于60%，按超过的比重赋分，计算公式为：得分=（实际完成率-60%）/（1-60%）*10，完成率=实际完成值/指标值*100%' } }),
    expect: ['K5'],
  },
  { name: '分值10 but 计20分', project: CLEAN.with({ cost: { rule: '该指标分值为10分，预算成本控制在年度预算范围以内计20分，每超过10%扣1分，扣完为止。' } }), expect: ['K3'] },
  { name: 'tiers award at most 8 of 10', project: CLEAN.with({ satisfaction: { rule: '该指标分值为10分，满意度95%（含）以上计8分，85%-95%计6分，85%以下计0分。' } }), expect: ['K11'] },
  // checks (row 6) states 10 points; the 分值 column is O.
  { name: 'the 分值 column differs from the text', project: CLEAN.with({ checks: { weight: 5 } }), extraColumns: ['weight'], expect: ['O6'] },
]);
