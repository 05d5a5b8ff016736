/**
 * grade-mismatch: a filled 自评表's grade (优/良/中/差) that does not follow from its total. Found by the scoring
 * engine from `runCheck` on a workbook that holds scores; a target table holds none.
 */
import { ruleTable, CLEAN } from './harness';
import { runCheck } from '../../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';
import type { WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';
import { filledSelfEval } from '../../score/filled';
import { setCell } from '../../score/harness';

ruleTable('grade-mismatch', [{ name: 'a target table states no scores', project: CLEAN, expect: [] }]);

const found = (book: WorkbookSnapshot) =>
  runCheck(book, BUILTIN_PROFILES.national)
    .findings.filter((f) => f.id === 'grade-mismatch')
    .map((f) => `${f.cell}:${f.severity}`);

// The filled 自评表: 总分 94 (H21), 自评等级 优 (G22).
describe('the 自评等级 row', () => {
  test('优 for 94: nothing', () => expect(found(filledSelfEval().book)).toEqual([]));
  test('优秀 is 优', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'G22', '优秀');
    expect(found(f.book)).toEqual([]);
  });
  test('良 for 94', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'G22', '良');
    expect(found(f.book)).toEqual(['G22:warning']);
  });
  test('优 for a total of 85 (the grade follows the total as written)', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H21', 85);
    expect(found(f.book)).toEqual(['G22:warning']);
  });
  test('a grade that is none of 优/良/中/差 is not judged', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'G22', '合格');
    expect(found(f.book)).toEqual([]);
  });
});
