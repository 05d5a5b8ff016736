/**
 * stated-weight-total: the 分值 column (with 预算执行率's) does not add up to the total 分值 the 总分 row
 * states. Found by the scoring engine from `runCheck` on a workbook that holds scores; a target table holds none.
 */
import { ruleTable, CLEAN } from './harness';
import { runCheck } from '../../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';
import type { WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';
import { filledSelfEval } from '../../score/filled';
import { setCell } from '../../score/harness';

ruleTable('stated-weight-total', [{ name: 'a target table states no scores', project: CLEAN, expect: [] }]);

const found = (book: WorkbookSnapshot) =>
  runCheck(book, BUILTIN_PROFILES.national)
    .findings.filter((f) => f.id === 'stated-weight-total')
    .map((f) => `${f.cell}:${f.severity}`);

// The filled 自评表: 分值 90 in the indicator rows + 10 on the block = the 100 of G21.
describe('the 总分 row’s 分值', () => {
  test('100 = 90 + 10: nothing', () => expect(found(filledSelfEval().book)).toEqual([]));
  test('a row weighted 15 instead of 10', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'G13', 15);
    expect(found(f.book)).toEqual(['G21:warning']);
  });
  test('the stated total is not 100', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'G21', 90);
    expect(found(f.book)).toEqual(['G21:warning']);
  });
});
