/** 自评: the stated grade (优/良/中/差) does not follow from the stated total. Found by the scoring engine (score-review.ts). */
import { scoreReviewRule } from './score-review';

export const gradeMismatch = scoreReviewRule({
  id: 'grade-mismatch',
  severity: 'warning',
  category: 'other',
  description: { 'zh-CN': '自评等级须与总分相符（优 ≥ 90，良 80–89，中 60–79，差 < 60）', 'en-US': 'The stated grade follows from the total (优 ≥ 90, 良 80–89, 中 60–79, 差 < 60)' },
});
