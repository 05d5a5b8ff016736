/**
 * 自评: the 总分 the table states differs from the sum of the scores it states (the indicators' and
 * 预算执行率's). Found by the scoring engine (score-review.ts).
 */
import { scoreReviewRule } from './score-review';

export const totalScoreMismatch = scoreReviewRule({
  id: 'total-score-mismatch',
  severity: 'error',
  category: 'other',
  description: { 'zh-CN': '总分须等于各项得分之和', 'en-US': 'The stated 总分 is the sum of the scores' },
});
