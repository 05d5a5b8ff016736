/** 指标与指标值不匹配: a unit typed into the value (`1965家单位` while the unit column says 家). */
import type { RuleModule } from '../findings';
import { normalizeText } from '../../domain/text';
import { unitText } from './util';

export const unitGluedToValue: RuleModule = {
  id: 'unit-glued-to-value',
  severity: 'warning',
  category: 'valueMismatch',
  description: { 'zh-CN': '指标值与度量单位应分列填写且一致', 'en-US': 'Target and unit sit in their own columns and agree' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        const t = ind.parsedTarget;
        if (!ind.target || t.kind !== 'number' || !t.unit || t.isPercent) return;
        const unit = unitText(ind);
        if (unit === '') return; // missing-field reports the empty unit column
        const glued = normalizeText(t.unit);
        const same = glued === unit;
        ctx.report(table, {
          cell: ind.target.cell,
          project,
          indicator: ind,
          severity: same ? 'info' : 'warning',
          message: same
            ? {
                'zh-CN': `「${ind.name}」的指标值「${ind.target.text}」带有单位，单位已在度量单位列，指标值宜只填数值 ${t.value}`,
                'en-US': `"${ind.name}": the target "${ind.target.text}" repeats its unit; the unit column has it, so the target should be the number ${t.value}`,
              }
            : {
                'zh-CN': `「${ind.name}」的指标值「${ind.target.text}」带有单位「${t.unit}」，与度量单位「${unit}」不一致`,
                'en-US': `"${ind.name}": the target "${ind.target.text}" carries the unit "${t.unit}", which differs from the unit column "${unit}"`,
              },
          data: { value: t.value, gluedUnit: t.unit, unit },
        });
      },
    };
  },
};
