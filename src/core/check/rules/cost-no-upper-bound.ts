/**
 * 指标不够细化、量化: a cost indicator with no upper bound. An amount with no ≤ anywhere (not in the
 * 指标值类型, not in the value, not as 以内/不超过 in its explanation or name: 「150万」, 「1600元/亩」, a bare
 * 100) states what is spent, not a ceiling; 「合理」, 「可控」, 「符合相关规定」 name control without an amount.
 */
import type { RuleModule } from '../findings';
import { normalizeText } from '../../domain/text';
import { isCost, rowName, statedDirection } from './util';
import type { ParsedTargetDetail } from '../../parse/target';

/** Words of control without an amount: the target says the cost is kept in check, not at what. */
const CONTROL = /合理|可控|受控|符合|参照|按照|依据|规定|标准|控制|不超|严格|节约|节俭|压缩|厉行/;

/** A ceiling written in words around the value (`控制在20万元以内` in the explanation). */
const CEILING = /≤|<=|以内|之内|以下|不超过|不高于|不大于|不多于|上限|封顶/;

export const costNoUpperBound: RuleModule = {
  id: 'cost-no-upper-bound',
  severity: 'warning',
  category: 'notQuantified',
  description: { 'zh-CN': '成本指标应写明上限（≤ 金额）', 'en-US': 'A cost indicator states a ceiling (≤ an amount)' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (!isCost(ind) || !ind.target) return;
        const t = ind.parsedTarget as ParsedTargetDetail;
        const who = rowName(ind);
        const text = ind.target.text;
        if (t.kind === 'number') {
          // A range (10-20万元) has its ceiling; a direction (≥, =, 定性) or an unreadable one is cost-direction's or missing-field's.
          if (t.range || statedDirection(ind) !== null || ind.directionField !== null) return;
          if (CEILING.test(ind.name) || (ind.content !== null && CEILING.test(normalizeText(ind.content.text)))) return;
          ctx.report(table, {
            cell: ind.target.cell,
            project,
            indicator: ind,
            message: {
              'zh-CN': `成本指标「${who.zh}」的指标值「${text}」没有上限（没有「≤」，也没有“以内”“不超过”）：成本指标应为「≤」一个金额`,
              'en-US': `Cost indicator "${who.en}": the target "${text}" has no ceiling (no "≤", no 以内 or 不超过): a cost target is "≤" an amount`,
            },
          });
          return;
        }
        if (t.kind !== 'text' || !CONTROL.test(normalizeText(text))) return;
        ctx.report(table, {
          cell: ind.target.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `成本指标「${who.zh}」的指标值「${text}」没有金额，也没有上限：应写明「≤」一个金额（如 ≤20万元）`,
            'en-US': `Cost indicator "${who.en}": the target "${text}" states neither an amount nor a ceiling: write "≤" an amount (such as ≤20万元)`,
          },
        });
      },
    };
  },
};
