/**
 * total-score-mismatch: a filled 自评表's 总分 differs from the sum of the scores it states. Found by the
 * scoring engine from `runCheck` on a workbook that holds scores; a target table holds none.
 */
import { ruleTable, CLEAN } from './harness';
import { runCheck } from '../../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';
import type { WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';
import { filledSelfEval } from '../../score/filled';
import { setCell } from '../../score/harness';

ruleTable('total-score-mismatch', [{ name: 'a target table states no scores', project: CLEAN, expect: [] }]);

const found = (book: WorkbookSnapshot) => runCheck(book, BUILTIN_PROFILES.national).findings.filter((f) => f.id === 'total-score-mismatch');

// The filled 自评表: scores 84.5 + 预算执行率 9.5 = 94 in H21.
describe('the 总分 row', () => {
  test('94 = the scores with 预算执行率: nothing', () => expect(found(filledSelfEval().book)).toEqual([]));

  test('95 written', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H21', 95);
    const [hit] = found(f.book);
    expect([hit.cell, hit.severity]).toEqual(['H21', 'error']);
    expect(hit.data).toMatchObject({ stated: 95, sum: 94 });
  });

  test('the total follows the scores as written, not as the rules give them', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H14', 10);
    setCell(f.sheet, 'H21', 95);
    expect(found(f.book)).toEqual([]);
  });

  test('a weighted row with no score: the sum is not known', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H14', null);
    setCell(f.sheet, 'H21', 95);
    expect(found(f.book)).toEqual([]);
  });
});

test('a 自评得分 stated above the header (宁夏) when the 总分 row has none', () => {
  const f = filledSelfEval();
  f.sheet.merges = f.sheet.merges.filter((m) => m.top !== 2);
  setCell(f.sheet, 'A2', '自评得分');
  setCell(f.sheet, 'B2', 98);
  setCell(f.sheet, 'H21', null);
  expect(found(f.book).map((x) => x.cell)).toEqual(['B2']);
});
