/** 指标与指标值不匹配: a satisfaction rate is a floor (≥), not `=` or `≤`. Fix: set the direction to ≥. */
import type { RuleModule } from '../findings';
import type { Indicator, Project, TargetTable } from '../../model';
import { isSatisfaction } from './util';
import { setDirectionFix } from '../../edit/fixes/descriptors';

export const satisfactionDirection: RuleModule = {
  id: 'satisfaction-direction',
  severity: 'warning',
  category: 'valueMismatch',
  description: { 'zh-CN': '满意度指标应为 ≥', 'en-US': 'A satisfaction indicator is typed ≥' },
  create(ctx) {
    // Where another project types a satisfaction indicator ≥, say so: the workbook disagrees with itself.
    // The mistyped rows are reported at the end, when every project has been seen.
    const gteElsewhere = new Map<string, string>();
    const mistyped: { ind: Indicator; project: Project; table: TargetTable }[] = [];
    return {
      indicator(ind, project, table) {
        if (!isSatisfaction(ind)) return;
        if (ind.direction === 'gte' && !gteElsewhere.has(project.name)) gteElsewhere.set(project.name, ind.name);
        // With no type written (no column, or an empty cell), a comparison in the value itself (「=99百分比」) counts.
        const direction = ind.directionField ? ind.direction : ind.parsedTarget.direction;
        if (direction === 'eq' || direction === 'lte') mistyped.push({ ind, project, table });
      },
      end() {
        for (const { ind, project, table } of mistyped) {
          const typed = ind.directionField ? ind.directionField.text : ind.target!.text;
          const other = [...gteElsewhere.keys()].find((p) => p !== project.name);
          ctx.report(table, {
            cell: ind.directionField ? ind.directionField.cell : ind.target!.cell,
            project,
            indicator: ind,
            message: {
              'zh-CN': `满意度指标「${ind.name}」标为「${typed}」${ind.target && ind.directionField ? `（${ind.target.text}）` : ''}：满意度是下限，应为「≥」${other ? `；项目「${other}」的同类指标为「≥」` : ''}`,
              'en-US': `Satisfaction indicator "${ind.name}" is typed "${typed}"${ind.target && ind.directionField ? ` (${ind.target.text})` : ''}: a satisfaction rate is a floor, type it "≥"${other ? `; project "${other}" types the same indicator "≥"` : ''}`,
            },
            ...(ind.directionField ? { fix: setDirectionFix(table, ind, 'gte') } : {}),
          });
        }
      },
    };
  },
};
