/**
 * 自评: the 预算执行率 score of the 项目资金 block differs from 分值 × 全年执行数 / 全年预算数 (at most the
 * 分值). Found by the scoring engine (score-review.ts).
 */
import { scoreReviewRule } from './score-review';

export const budgetExecutionScoreMismatch = scoreReviewRule({
  id: 'budget-execution-score-mismatch',
  severity: 'warning',
  category: 'other',
  description: { 'zh-CN': '预算执行率得分须等于 分值 × 全年执行数 / 全年预算数', 'en-US': 'The 预算执行率 score is the weight × spent / full-year budget' },
});
