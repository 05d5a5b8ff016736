/**
 * The tier formula leaves out the bounds earlier tiers settle. Property: for any tiers (in order, with
 * gaps, overlaps, open or closed ends) and any value (bounds included), the formula evaluated by the
 * independent evaluator gives the points of the first tier the value is in, or 0, as the engine does.
 */
import fc from 'fast-check';
import type { Tier } from '../../../src/core/model';
import { inTier, tierChain } from '../../../src/core/score/methods';
import { D } from '../../../src/core/score/num';
import { evalFormula } from './formula-eval';

const bound = fc.option(fc.integer({ min: 0, max: 12 }).map((n) => n * 5), { nil: null });
const tier: fc.Arbitrary<Tier> = fc
  .record({ a: bound, b: bound, minInclusive: fc.boolean(), maxInclusive: fc.boolean(), points: fc.integer({ min: 0, max: 10 }) })
  .map(({ a, b, minInclusive, maxInclusive, points }) => {
    const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
    return { min, max, minInclusive, maxInclusive, points };
  });

test('the tier formula matches the first tier the value is in', () => {
  fc.assert(
    fc.property(fc.array(tier, { minLength: 1, maxLength: 5 }), fc.integer({ min: -1, max: 61 }), fc.boolean(), (tiers, n, half) => {
      const x = half ? n + 0.5 : n;
      const formula = tierChain('A1', tiers);
      const expected = tiers.find((t) => inTier(D(x), t))?.points ?? 0;
      expect(evalFormula(formula, () => x)).toBe(expected);
    }),
    { numRuns: 3000 },
  );
});

test('bounds the tiers before settle are not tested again', () => {
  const t = (min: number | null, max: number | null, points: number, minInclusive = true, maxInclusive = false): Tier => ({ min, max, minInclusive, maxInclusive, points });
  // 95（含）以上 10 分，85%-95% 8 分，75%-85% 6 分，75% 以下 0 分
  expect(tierChain('x', [t(95, null, 10), t(85, 95, 8), t(75, 85, 6), t(null, 75, 0)])).toBe('IF(x>=95,10,IF(x>=85,8,IF(x>=75,6,0)))');
  // from the bottom up: 60 以下 0 分，60-80 6 分，80 以上 10 分
  expect(tierChain('x', [t(null, 60, 0), t(60, 80, 6), t(80, null, 10)])).toBe('IF(x<60,0,IF(x<80,6,10))');
  // a gap (85-90) keeps both bounds of the tier below it
  expect(tierChain('x', [t(90, null, 10), t(80, 85, 8)])).toBe('IF(x>=90,10,IF(AND(x>=80,x<85),8,0))');
});
