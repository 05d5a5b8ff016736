/**
 * self-score-mismatch: a filled 自评表's score that its own rule does not give. Found by the scoring engine,
 * which `runCheck` runs on a workbook that holds scores: a target table (the harness's cases) holds none.
 */
import { ruleTable, CLEAN } from './harness';
import { runCheck } from '../../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';
import type { WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';
import { filledSelfEval } from '../../score/filled';
import { setCell } from '../../score/harness';

ruleTable('self-score-mismatch', [{ name: 'a target table states no scores', project: CLEAN, expect: [] }]);

const found = (book: WorkbookSnapshot) => runCheck(book, BUILTIN_PROFILES.national).findings.filter((f) => f.id === 'self-score-mismatch');

// Rows of the filled 自评表 (test/core/score/filled.ts): 14 节约型机关创建数 ≥200家, actual 180, 10 分 → 9;
// 19 节能长效机制 健全, 部分达成 70%, 15 分 → 10.5; 20 服务对象满意度 ≥95%, 96% → 10.
describe('a filled 自评表', () => {
  test('scored as its rules give: nothing to report', () => {
    expect(found(filledSelfEval().book)).toEqual([]);
  });

  test('a score above what the default gives (180 of 200 → 9, written 10): both scores and the computation', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H14', 10);
    const [hit, ...rest] = found(f.book);
    expect(rest).toEqual([]);
    expect([hit.cell, hit.severity, hit.indicator]).toEqual(['H14', 'warning', '节约型机关创建数']);
    expect(hit.message['zh-CN']).toContain('表中得分 10');
    expect(hit.message['zh-CN']).toContain('应为 9 分');
    expect(hit.message['zh-CN']).toContain('180');
    expect(hit.data).toMatchObject({ stated: 10, computed: 9 });
  });

  test('部分达成 70% scored in full', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H19', 15);
    expect(found(f.book).map((x) => x.cell)).toEqual(['H19']);
  });

  test('a score written to fewer decimals than the rule gives is a disagreement only beyond the hundredth', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H19', 10.5);
    setCell(f.sheet, 'H20', 10.004);
    expect(found(f.book)).toEqual([]);
  });

  test('a row the rule cannot score (no actual value) is not compared', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'F14', null);
    setCell(f.sheet, 'H14', 3);
    expect(found(f.book)).toEqual([]);
  });

  test('a target table with the same rows and no 得分 is not scored at all', () => {
    const f = filledSelfEval();
    for (const row of f.sheet.values) if (row.length >= 8) row[7] = null;
    const r = runCheck(f.book, BUILTIN_PROFILES.national);
    expect(r.findings.filter((x) => x.id.endsWith('-mismatch') || x.id === 'stated-weight-total')).toEqual([]);
  });
});
