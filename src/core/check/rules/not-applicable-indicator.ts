/**
 * 指标与项目的相关性不够: a row that says 本项目不适用此指标 / 不适用 / 无 instead of naming an indicator. A 二级
 * that does not apply is left out (the optional ones) or given a real indicator (the required ones); a row
 * that states the absence is neither, and its empty fields are not the defect (SUPERSEDES).
 */
import type { RuleModule } from '../findings';
import type { Field } from '../../model';
import type { ParsedTargetDetail } from '../../parse/target';
import { notApplicableText } from './util';

export const notApplicableIndicator: RuleModule = {
  id: 'not-applicable-indicator',
  severity: 'warning',
  category: 'irrelevant',
  description: { 'zh-CN': '不得以“本项目不适用此指标”“无”代替指标', 'en-US': 'No row says 本项目不适用此指标 or 无 in place of an indicator' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        let said: Field | null = null;
        // The target's is marked by its parse; 无 alone there counts only on a row with no 三级 (安全事故: 无 is a target).
        const t = ind.parsedTarget as ParsedTargetDetail;
        if (ind.name && notApplicableText(ind.name)) said = { text: ind.name, raw: ind.name, cell: ind.cell };
        else if (ind.target && (t.notApplicable || (ind.name === '' && notApplicableText(ind.target.text)))) said = ind.target;
        else if ((ind.name === '' || ind.target === null) && ind.content && ind.content.text.includes('不适用')) said = ind.content;
        if (said === null) return;
        const sub = ind.subcategory?.text ?? '';
        ctx.report(table, {
          cell: said.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `第${ind.row}行${sub ? `（${sub}）` : ''}写的是「${said.text}」，不是一个指标：不适用的二级指标应删除该行，必填的二级指标应设置实际的三级指标`,
            'en-US': `Row ${ind.row}${sub ? ` (${sub})` : ''} says "${said.text}" instead of naming an indicator: delete the row where the 二级 does not apply, or set a real indicator where it is required`,
          },
        });
      },
    };
  },
};
