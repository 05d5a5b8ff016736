/** The test evaluator itself: the Excel semantics the score tests rely on. */
import { evalFormula } from './formula-eval';

const cells: Record<string, number | string | null> = { A1: ' 完成 ', A2: '部分完成 60%', A3: 7, A4: null };
const cell = (row: number, col: number) => cells[`${String.fromCharCode(64 + col)}${row}`] ?? null;

test.each([
  ['OR(TRIM(A1)={"达成","完成"})', true],
  ['OR(TRIM(A2)={"达成","完成"})', false],
  ['OR(LEFT(TRIM(A2),4)={"部分达成","部分完成"})', true],
  ['OR(A3={1,7;8,9})', true],
  ['OR(A3>{10,20})', false],
  ['IF(OR(TRIM(A4)={"无","零"}),1,0)', 0],
  ['OR(A3={-7,7})', true],
])('%s = %p', (formula, expected) => {
  expect(evalFormula(formula, cell)).toBe(expected);
});

test('array constants hold constants only', () => {
  expect(() => evalFormula('OR(A3={A1,2})', cell)).toThrow(/not a constant/);
});
