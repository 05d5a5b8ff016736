/**
 * 自评: a score the table states differs from the score its own rule gives (the national default
 * 分值 × 实际/目标 where the rule gives no method). The message holds both scores and the computation.
 * Found by the scoring engine (score-review.ts).
 */
import { scoreReviewRule } from './score-review';

export const selfScoreMismatch = scoreReviewRule({
  id: 'self-score-mismatch',
  severity: 'warning',
  category: 'other',
  description: { 'zh-CN': '自评得分须与其评分标准计算的结果一致', 'en-US': 'A stated score agrees with what its own rule gives' },
});
