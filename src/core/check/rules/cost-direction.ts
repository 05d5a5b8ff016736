/**
 * 指标与指标值不匹配: a cost indicator is a ceiling: typed ≤ with an amount. Fix: set the direction to ≤.
 * Where the table has no 指标值类型 column, the comparison written in the value is the direction
 * (`=100百分比` is typed =). A number with no comparison anywhere is cost-no-upper-bound's.
 */
import type { RuleModule } from '../findings';
import { isCost, rowName, statedDirection } from './util';
import { setDirectionFix } from '../../edit/fixes/descriptors';
import { isQuantitativeWord } from '../../parse/direction';

export const costDirection: RuleModule = {
  id: 'cost-direction',
  severity: 'warning',
  category: 'valueMismatch',
  description: { 'zh-CN': '成本指标应为 ≤ 金额', 'en-US': 'A cost indicator is "≤ an amount"' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (!isCost(ind) || (!ind.name && !ind.target)) return;
        const kind = ind.parsedTarget.kind;
        const numeric = kind === 'number';
        const dir = statedDirection(ind);
        if (dir === 'lte' && numeric) return;
        if (kind === 'empty') return; // missing-field reports it
        if (dir === null) {
          const field = ind.directionField;
          if (field !== null) {
            // 定量 (a number, no comparison) says enough to be not ≤; other unreadable words are missing-field's.
            if (!isQuantitativeWord(field.text)) return;
          } else if (table.columns.direction !== undefined || numeric) {
            // An empty 指标值类型 is missing-field's; a number with no comparison anywhere is cost-no-upper-bound's.
            return;
          }
        }
        const who = rowName(ind);
        const target = ind.target?.text ?? '';
        const typed = ind.directionField?.text;
        ctx.report(table, {
          cell: ind.directionField?.cell ?? ind.target?.cell ?? ind.cell,
          project,
          indicator: ind,
          message:
            typed !== undefined
              ? {
                  'zh-CN': `成本指标「${who.zh}」标为「${typed}」、指标值为「${target}」：成本指标应为「≤」一个金额（万元）`,
                  'en-US': `Cost indicator "${who.en}" is typed "${typed}" with target "${target}": a cost indicator should be "≤" an amount (万元)`,
                }
              : {
                  'zh-CN': `成本指标「${who.zh}」的指标值为「${target}」：成本指标应为「≤」一个金额（万元）`,
                  'en-US': `Cost indicator "${who.en}" has the target "${target}": a cost indicator should be "≤" an amount (万元)`,
                },
          // With a number as target, typing it ≤ is the whole fix; a text target needs a person.
          fix: numeric ? setDirectionFix(table, ind, 'lte') : undefined,
        });
      },
    };
  },
};
