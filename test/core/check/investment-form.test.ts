/**
 * The investment-plan form (中央预算内投资计划绩效目标表): 一级 实施效果指标 over the 二级 column's 产出指标 /
 * 效益指标, with indicators straight under them. The form has no 二级 level: no 二级 is reported as unknown or
 * misplaced, and 产出 is not asked for 数量/质量/时效.
 */
import { runCheck } from '../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { parseRange } from '../../../src/core/domain/a1';

function book(rows: CellValue[][], merges: string[]): WorkbookSnapshot {
  return { source: 't.xlsx', sheets: [{ name: '绩效目标表', values: rows, merges: merges.map(parseRange) }] };
}

test('no subcategory-parent or required-output-subcategory on the form without 二级', () => {
  const r = runCheck(
    book(
      [
        ['专项名称', '畜禽粪污资源化利用'],
        ['下达中央预算内投资(万元)', 2350],
        ['绩 效 指 标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '实施效果指标', '产出指标', '建设项目个数', 1],
        [null, null, null, '竣工验收合格率', '100%'],
        [null, null, '效益指标', '综合利用率', '≥90%'],
        [null, null, '满意度指标', '群众满意度', '≥90%'],
      ],
      ['A3:A7', 'B4:B7', 'C4:C5'],
    ),
    BUILTIN_PROFILES.national,
  );
  const ids = r.findings.map((f) => f.id);
  expect(ids).not.toContain('subcategory-parent');
  expect(ids).not.toContain('required-output-subcategory');
  expect(ids).not.toContain('required-category');
});
