/** References in formulas: scanning, the hosts' row-insertion shift, fill-down copies, range resizing. */
import { adjacentRanges, copyFormula, refText, resizeRange, scanRefs, shiftForInsert } from '../../../src/core/edit/formula';

const S = '项目支出绩效目标表';

describe('scanRefs', () => {
  test.each([
    ['SUM(B2:B8)', ['B2:B8']],
    ['$A$1+B$2+$C3', ['$A$1', 'B$2', '$C3']],
    ["'项目 表'!D6*2+Sheet2!A1", ["'项目 表'!D6", 'Sheet2!A1']],
    [`${S}!O6:O39`, [`${S}!O6:O39`]],
    ['LOG10(A1)+ATAN2(B1,C1)', ['A1', 'B1', 'C1']],
    ['IF(A1="B2",C3,"D4")', ['A1', 'C3']],
    ['SUM(3:5)+SUM(B:D)', ['3:5', 'B:D']],
    ['A1B+X_1+name1', []],
    ['"He said ""A1"""&B2', ['B2']],
  ])('%s', (f, want) => {
    expect(scanRefs(f).map(refText)).toEqual(want);
  });
});

describe('shiftForInsert (2 rows before row 10)', () => {
  test.each([
    ['A9', 'A9'],
    ['A10', 'A12'],
    ['$A$10', '$A$12'],
    ['SUM(B2:B9)', 'SUM(B2:B9)'],
    ['SUM(B2:B10)', 'SUM(B2:B12)'],
    ['SUM(B10:B20)', 'SUM(B12:B22)'],
    ['SUM(B20:B2)', 'SUM(B22:B2)'],
    ["'Other'!A10", "'Other'!A10"],
    [`'${S}'!A10`, `'${S}'!A12`],
    ['SUM(B:B)', 'SUM(B:B)'],
  ])('%s → %s', (f, want) => {
    expect(shiftForInsert(f, S, S, 10, 2)).toBe(want);
  });

  test('a formula on another sheet moves only references to the shifted sheet', () => {
    expect(shiftForInsert(`${S}!O40+A40`, '汇总', S, 10, 1)).toBe(`${S}!O41+A40`);
  });
});

describe('copyFormula (fill-down)', () => {
  test('relative rows move, absolute ones stay', () => {
    expect(copyFormula('IF(Q7="","",Q7/I7*$O$3)', 2)).toBe('IF(Q9="","",Q9/I9*$O$3)');
    expect(copyFormula('SUM(A$1:A7)', 1)).toBe('SUM(A$1:A8)');
    expect(copyFormula('A1', -1)).toBeNull();
  });
});

describe('ranges next to an insertion', () => {
  test('adjacentRanges finds ranges ending right above or starting at the row', () => {
    expect(adjacentRanges('SUM(O6:O39)+SUM(P40:P45)+SUM(Q6:Q38)+O39', S, S, 40).map(refText)).toEqual(['O6:O39', 'P40:P45']);
  });

  test('resizeRange rewrites every range with those rows, keeping $ and corner order', () => {
    expect(resizeRange('SUM($O$6:$O$39)+SUM(P39:P6)+SUM(Q7:Q39)', S, S, [6, 39], [6, 41])).toBe('SUM($O$6:$O$41)+SUM(P41:P6)+SUM(Q7:Q39)');
  });
});
