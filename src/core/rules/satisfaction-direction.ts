/** 指标与指标值不匹配: a satisfaction rate is a floor (≥), not `=` or `≤`. Fix: set the direction to ≥. */
import type { RuleModule } from '../findings';
import { indicatorsOf, isSatisfaction } from './util';
import { setDirectionFix } from '../fixes/descriptors';

export const satisfactionDirection: RuleModule = {
  id: 'satisfaction-direction',
  severity: 'warning',
  category: 'valueMismatch',
  description: { 'zh-CN': '满意度指标应为 ≥', 'en-US': 'A satisfaction indicator is typed ≥' },
  check(ctx) {
    // Where another project types a satisfaction indicator ≥, say so: the workbook disagrees with itself.
    const gteElsewhere = new Map<string, string>();
    const visits = indicatorsOf(ctx);
    for (let vi = 0; vi < visits.length; vi++) {
      const { project, ind } = visits[vi];
      if (isSatisfaction(ind) && ind.direction === 'gte' && !gteElsewhere.has(project.name)) gteElsewhere.set(project.name, ind.name);
    }
    for (let vi = 0; vi < visits.length; vi++) {
      const { table, project, ind } = visits[vi];
      if (!isSatisfaction(ind) || (ind.direction !== 'eq' && ind.direction !== 'lte')) continue;
      const typed = ind.directionField!.text;
      const other = [...gteElsewhere.keys()].find((p) => p !== project.name);
      ctx.report(table, {
        cell: ind.directionField!.cell,
        project,
        indicator: ind,
        message: {
          'zh-CN': `满意度指标「${ind.name}」标为「${typed}」${ind.target ? `（${ind.target.text}）` : ''}：满意度是下限，应为「≥」${other ? `；项目「${other}」的同类指标为「≥」` : ''}`,
          'en-US': `Satisfaction indicator "${ind.name}" is typed "${typed}"${ind.target ? ` (${ind.target.text})` : ''}: a satisfaction rate is a floor, type it "≥"${other ? `; project "${other}" types the same indicator "≥"` : ''}`,
        },
        fix: setDirectionFix(table, ind, 'gte'),
      });
    }
  },
};
