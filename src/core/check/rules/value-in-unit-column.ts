/** 指标与指标值不匹配: 指标值 is empty while 计量单位 holds a value (`1577个`, `95%`). Fix: move it. */
import type { RuleModule } from '../findings';
import { parseTarget } from '../../parse/target';

import { moveToTargetFix } from '../../edit/fixes/descriptors';

export const valueInUnitColumn: RuleModule = {
  id: 'value-in-unit-column',
  severity: 'error',
  category: 'valueMismatch',
  description: { 'zh-CN': '指标值不得填在度量单位列', 'en-US': 'The target is not typed in the unit column' },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        if (ind.target || !ind.unit) return;
        const parsed = parseTarget(ind.unit.raw);
        if (parsed.kind !== 'number') return;
        ctx.report(table, {
          cell: ind.unit.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `「${ind.name}」的指标值为空，度量单位列却填了「${ind.unit.text}」：指标值填错了列`,
            'en-US': `"${ind.name}": the target is empty but the unit column holds "${ind.unit.text}": the value is in the wrong column`,
          },
          data: { value: parsed.value, unit: parsed.unit },
          fix: moveToTargetFix(table, ind, parsed.value, parsed.unit, parsed.isPercent),
        });
      },
    };
  },
};
