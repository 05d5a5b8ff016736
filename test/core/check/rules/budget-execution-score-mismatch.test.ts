/**
 * budget-execution-score-mismatch: 预算执行率's score differs from 分值 × 全年执行数 / 全年预算数. Found by the
 * scoring engine from `runCheck` on a workbook that holds scores; a target table holds none.
 */
import { ruleTable, CLEAN } from './harness';
import { runCheck } from '../../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';
import type { WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';
import { filledSelfEval } from '../../score/filled';
import { buildSelfEvalSheet } from '../../score/selfeval-builder';
import { setCell } from '../../score/harness';

ruleTable('budget-execution-score-mismatch', [{ name: 'a target table states no scores', project: CLEAN, expect: [] }]);

const found = (book: WorkbookSnapshot) =>
  runCheck(book, BUILTIN_PROFILES.national)
    .findings.filter((f) => f.id === 'budget-execution-score-mismatch')
    .map((f) => f.cell);

// The filled 自评表's block: 全年预算数 17, 全年执行数 16.15, 分值 10 → 9.5 in I6.
describe('the 项目资金 block', () => {
  test('9.5 of 10 at 95%: nothing', () => expect(found(filledSelfEval().book)).toEqual([]));

  test('written 9', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'I6', 9);
    const r = runCheck(f.book, BUILTIN_PROFILES.national).findings.find((x) => x.id === 'budget-execution-score-mismatch')!;
    expect([r.cell, r.severity]).toEqual(['I6', 'warning']);
    expect(r.message['zh-CN']).toContain('9.5');
    expect(r.message['zh-CN']).toContain('执行率 95');
  });

  test('分值 100 on the block (written for 10): 100 × 95% is the rule', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'G6', 100);
    expect(found(f.book)).toEqual(['I6']);
    setCell(f.sheet, 'I6', 95);
    expect(found(f.book)).toEqual([]);
  });

  test('a score that follows the 执行率 as written, rounded (49.88% written 50%, 5 of 10), is not a mismatch', () => {
    const f = filledSelfEval({ budget: { full: 310.2, spent: 154.74, rate: 0.5 } });
    f.sheet.numberFormats = { ...f.sheet.numberFormats, H6: '0%' };
    setCell(f.sheet, 'I6', 5);
    expect(found(f.book)).toEqual([]);
    setCell(f.sheet, 'I6', 6);
    expect(found(f.book)).toEqual(['I6']);
  });
});

test('预算执行率 as an indicator row, under a block with no 得分 of its own: 分值 × the block’s 执行率', () => {
  const s = buildSelfEvalSheet({
    project: '初中公用经费',
    budget: { full: 64.8, spent: 64.8 },
    rows: [
      { cat: '项目管理', sub: '投入管理', name: '预算执行率', target: '—', actual: '100%', weight: 10, score: 9 },
      { cat: '产出指标', sub: '数量指标', name: '保障人数', target: '2370人', actual: '2370人', weight: 90, score: 90 },
    ],
  });
  for (const a1 of ['G5', 'I5', 'G6', 'I6', 'G7', 'I7', 'G8', 'I8', 'G9', 'I9']) setCell(s.sheet, a1, null);
  const book: WorkbookSnapshot = { source: 'test', sheets: [s.sheet] };
  expect(found(book)).toEqual(['H13']);
  setCell(s.sheet, 'H13', 10);
  expect(found(book)).toEqual([]);
});
