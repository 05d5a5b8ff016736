/**
 * Every rule family and every scoring semantic, with worked numbers (docs/scoring.md).
 * Each case is scored by the engine, and the formula it writes is evaluated by an independent
 * evaluator (@formulajs/formulajs functions) on the same cells: both must give the same number.
 */
import { scoreCase, evalOnSheet, PORTABLE_FUNCTIONS } from './harness';
import { ALL } from './cases';
import { functionsOf } from './formula-eval';

for (const [family, cases] of ALL) {
  describe(family, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const { s, snapshot } = scoreCase(c);
      expect({ score: s.score, needsReview: s.needsReview }).toEqual({ score: c.score, needsReview: c.review ?? c.score === null });
      for (const e of c.explains ?? []) expect(s.explanation['zh-CN']).toContain(e);
      expect(s.explanation['en-US']).toMatch(/^[A-Z]/);
      if (s.needsReview) expect(s.reason).not.toBeNull();
      // The formula: written whenever a score is, and it gives the engine's number.
      if (s.score !== null) expect(s.formula).not.toBeNull();
      if (s.formula) {
        for (const fn of functionsOf(s.formula)) expect(PORTABLE_FUNCTIONS).toContain(fn);
        const v = evalOnSheet(s.formula, snapshot.sheets[0]);
        if (s.score !== null) expect(v).toBe(s.score);
        else expect(v).toBe('');
      }
    });
  });
}

test('every family is covered', () => {
  const methods = new Set(ALL.flatMap(([, cases]) => cases.map((c) => scoreCase(c).s.method)));
  expect([...methods].sort()).toEqual(['binary', 'checklist', 'default', 'grade', 'onTime', 'perOccurrence', 'step', 'threshold', 'tier']);
});
