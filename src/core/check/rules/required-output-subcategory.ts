/** 完整性: 产出指标 has 数量, 质量 and 时效 (and 成本 where the profile asks), each with an indicator. */
import type { RuleModule } from '../findings';
import type { CategoryBlock } from '../../model';
import { STANDARD_SUBCATEGORIES } from '../../domain/framework';

import { addIndicatorsFix } from '../../edit/fixes/descriptors';

/** Whether a 二级 of that kind under 产出 holds a named indicator. */
function filledUnder(output: CategoryBlock[], key: string): boolean {
  for (let ci = 0; ci < output.length; ci++) {
    const subs = output[ci].subcategories;
    for (let si = 0; si < subs.length; si++) {
      if (subs[si].key !== key) continue;
      const inds = subs[si].indicators;
      for (let i = 0; i < inds.length; i++) if (inds[i].name) return true;
    }
  }
  return false;
}

export const requiredOutputSubcategory: RuleModule = {
  id: 'required-output-subcategory',
  severity: 'error',
  category: 'addOutput',
  description: {
    'zh-CN': '产出指标须含数量、质量、时效指标',
    'en-US': 'Output has quantity, quality and timeliness indicators',
  },
  create(ctx) {
    return {
      project(project, table) {
        const cats = project.categories;
        let output: CategoryBlock[] | null = null;
        for (let ci = 0; ci < cats.length; ci++) if (cats[ci].key === 'output') (output ??= []).push(cats[ci]);
        if (output === null) return; // required-category reports the missing 一级
        // A form with no 二级 level (the investment-plan form: indicators straight under 产出指标) has no 数量/质量/时效 to ask for.
        if (output.every((c) => c.subcategories.every((s) => s.name === '' && s.key === null))) return;
        const required = ctx.profile.requiredOutputSubcategories;
        for (let ki = 0; ki < required.length; ki++) {
          const key = required[ki];
          // In the new framework 成本 is its own 一级, so 成本 under 产出 is not required there.
          if (key === 'cost' && project.framework === 'new') continue;
          if (filledUnder(output, key)) continue;
          const subs = output.flatMap((c) => c.subcategories).filter((s) => s.key === key);
          const name = STANDARD_SUBCATEGORIES[key];
          ctx.report(table, {
            cell: subs[0]?.cell ?? output[0].cell,
            project,
            message: subs.length
              ? {
                  'zh-CN': `项目「${project.name}」的「${name}」下没有三级指标`,
                  'en-US': `Project "${project.name}": ${name} has no indicator`,
                }
              : {
                  'zh-CN': `项目「${project.name}」的产出指标缺少「${name}」`,
                  'en-US': `Project "${project.name}": output lacks ${name}`,
                },
            data: { missing: key },
            fix: addIndicatorsFix(table, project, [key]),
          });
        }
      },
    };
  },
};
