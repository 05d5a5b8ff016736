/** Excel literals and numbers for people: the exact texts the formulas and explanations use. */
import fc from 'fast-check';
import { D, fmt, lit } from '../../../src/core/score/num';
import { formatNumber } from '../../../src/core/snapshot/snapshot';

test.each([
  [10, '10'],
  [0.6, '0.6'],
  [-2, '(-2)'],
  [-0, '0'],
  [0.1 + 0.2, '0.3'],
  [1e-7, '0.0000001'],
  [1.5e21, '1500000000000000000000'],
  [-3.25e-8, '(-0.0000000325)'],
])('lit(%p) = %s', (n, text) => {
  expect(lit(n)).toBe(text);
});

test('a number and its decimal give the same literal', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }), (n) => {
      expect(lit(n)).toBe(lit(D(fmt(n))));
    }),
    { numRuns: 2000 },
  );
});

test('fmt of a decimal reads as the number it rounds to', () => {
  // The path every decimal took before: rounded to 15 digits, then read as a number.
  const slow = (d: ReturnType<typeof D>) => formatNumber(d.toSignificantDigits(15).toNumber());
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }), fc.integer({ min: 0, max: 20 }), (n, places) => {
      const d = D(n).toDecimalPlaces(places);
      expect(fmt(d)).toBe(slow(d));
    }),
    { numRuns: 3000 },
  );
  expect(fmt(D('-0'))).toBe('0');
  expect(fmt(D('41.80'))).toBe('41.8');
  expect(fmt(D('1e-7'))).toBe('1e-7');
  expect(fmt(D('10').dividedBy(3))).toBe('3.33333333333333');
});
