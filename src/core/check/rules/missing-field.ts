/** 完整性: 三级名称, 指标值, 度量单位, 指标值类型 and the rule are filled on every indicator row. */
import { isEvaluationDimension } from '../../domain/framework';
import { isQuantitativeWord } from '../../parse/direction';
import type { RuleModule } from '../findings';
import type { Indicator } from '../../model';
import { cellIn, hasUnit } from './util';
import { parseTarget } from '../../parse/target';

/** How a message names the row (messages are built only for rows that report something). */
const who = (ind: Indicator): string => ind.name || `第${ind.row}行`;
const whoEn = (ind: Indicator): string => ind.name || `row ${ind.row}`;

export const missingField: RuleModule = {
  id: 'missing-field',
  severity: 'error',
  category: 'incomplete',
  description: {
    'zh-CN': '三级指标名称、指标值、度量单位、指标值类型、评（扣）分标准须填写',
    'en-US': 'Indicator name, target, unit, direction and scoring rule are filled',
  },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (!ind.name) {
          ctx.report(table, {
            cell: cellIn(table, ind, 'indicator'),
            project,
            indicator: ind,
            message: { 'zh-CN': `第${ind.row}行有指标值或评分标准，但三级指标名称为空`, 'en-US': `Row ${ind.row} has a target or rule but no indicator name` },
          });
        }
        const unit = hasUnit(ind);
        // 共性 rows of the evaluation framework (项目决策 / 项目管理) are scored on evidence: they have no 指标值 by design.
        if (ind.categoryKey === null && ind.category && isEvaluationDimension(ind.category.text)) return;
        if (!ind.target) {
          // A number in the unit column is reported by value-in-unit-column instead.
          const unitHoldsValue = unit && parseTarget(ind.unit!.raw).kind === 'number';
          if (!unitHoldsValue) {
            ctx.report(table, {
              cell: cellIn(table, ind, 'target'),
              project,
              indicator: ind,
              message: { 'zh-CN': `「${who(ind)}」的指标值为空`, 'en-US': `"${whoEn(ind)}": the target is empty` },
            });
          }
        }
        if (table.columns.unit !== undefined && !unit && ind.direction !== 'qualitative' && ind.parsedTarget.kind === 'number') {
          const glued = ind.parsedTarget.unit;
          ctx.report(table, {
            cell: cellIn(table, ind, 'unit'),
            project,
            indicator: ind,
            severity: glued ? 'warning' : 'error',
            message: glued
              ? { 'zh-CN': `「${who(ind)}」的度量单位为空（单位「${glued}」写在了指标值里）`, 'en-US': `"${whoEn(ind)}": the unit column is empty (the unit "${glued}" is in the target)` }
              : { 'zh-CN': `「${who(ind)}」的度量单位为空`, 'en-US': `"${whoEn(ind)}": the unit is empty` },
          });
        }
        if (table.columns.direction !== undefined && !ind.directionField) {
          ctx.report(table, {
            cell: cellIn(table, ind, 'direction'),
            project,
            indicator: ind,
            message: { 'zh-CN': `「${who(ind)}」的指标值类型为空（应为 ≥、≤、= 或 定性）`, 'en-US': `"${whoEn(ind)}": the direction is empty (≥, ≤, = or 定性)` },
          });
        } else if (ind.directionField && ind.direction === null && !isQuantitativeWord(ind.directionField.text)) {
          // 定量 names no comparison but is a valid type (湖南 整体 tables type only 定量/定性): not unreadable.
          ctx.report(table, {
            cell: ind.directionField.cell,
            project,
            indicator: ind,
            message: {
              'zh-CN': `「${who(ind)}」的指标值类型「${ind.directionField.text}」无法识别（应为 ≥、≤、= 或 定性）`,
              'en-US': `"${whoEn(ind)}": direction "${ind.directionField.text}" is not one of ≥, ≤, =, 定性`,
            },
          });
        }
        if (table.columns.rule !== undefined && !ind.rule) {
          ctx.report(table, {
            cell: cellIn(table, ind, 'rule'),
            project,
            indicator: ind,
            severity: 'warning',
            message: { 'zh-CN': `「${who(ind)}」的评（扣）分标准为空`, 'en-US': `"${whoEn(ind)}": the scoring rule is empty` },
          });
        }
      },
    };
  },
};
