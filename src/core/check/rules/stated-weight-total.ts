/**
 * 自评: the 分值 column (with 预算执行率's) does not add up to the total 分值 the 总分 row states (100).
 * Found by the scoring engine (score-review.ts).
 */
import { scoreReviewRule } from './score-review';

export const statedWeightTotal = scoreReviewRule({
  id: 'stated-weight-total',
  severity: 'warning',
  category: 'other',
  description: { 'zh-CN': '各项分值之和须等于表中写明的总分值', 'en-US': 'The weights add up to the total the table states' },
});
