/**
 * Tables in 元: the fund is read in the table's unit (金额单位：元 above the header) and money checks compare like
 * with like — a cost target in 万元 against a fund in 元, and sums within a 元 table at the profile's tolerance.
 */
import { buildProjectSheet, cleanProject } from '../../fixtures/builder';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { runCheck } from '../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../src/core/profile';

/** The project sheet with `金额单位：元` written above it (every row and merge moves down one). */
function inYuan(sheet: SheetSnapshot): SheetSnapshot {
  return {
    ...sheet,
    values: [['金额单位：元'], ...sheet.values],
    merges: sheet.merges.map((m) => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 })),
  };
}

function check(fundYuan: number, costTarget: string, department?: { name: string; fund: number }) {
  const p = cleanProject('甲', 40);
  p.fund = fundYuan;
  p.rows[0] = { ...p.rows[0], target: costTarget, rule: '该指标分值为20分，预算成本控制在目标以内计20分，每超过10%扣2分，扣完为止。' };
  const sheet = inYuan(buildProjectSheet({ projects: [p], department }));
  const book: WorkbookSnapshot = { source: 't.xlsx', sheets: [sheet] };
  return runCheck(book, BUILTIN_PROFILES.hunan);
}

test('the fund of a 元 table is read in 元 and in 万元', () => {
  const r = check(400000, '38');
  const project = r.model.sheets[0].tables[0].projects[0];
  expect(r.model.sheets[0].tables[0].moneyUnit).toBe('元');
  expect(project.fund).toBe(400000);
  expect(project.fundWan).toBe(40);
});

test('a cost target in 万元 is compared with a fund in 元', () => {
  expect(check(400000, '38').findings.filter((f) => f.id === 'cost-exceeds-fund')).toEqual([]);
  const over = check(400000, '57.6').findings.filter((f) => f.id === 'cost-exceeds-fund');
  expect(over).toHaveLength(1);
  expect(over[0].message['zh-CN']).toContain('40万元');
});

test('sums in a 元 table are compared at the profile tolerance in 元 (0.005 万元 = 50 元)', () => {
  expect(check(400000, '38', { name: '某单位', fund: 400030 }).findings.filter((f) => f.id === 'projects-sum-department')).toEqual([]);
  expect(check(400000, '38', { name: '某单位', fund: 400100 }).findings.filter((f) => f.id === 'projects-sum-department')).toHaveLength(1);
});
