/**
 * Property-based tests: the parsers never throw and always return a well-formed result, whatever
 * the cell holds; generated well-formed wording parses back to what generated it; and a 100 KB cell
 * parses to a well-formed result. How fast such cells parse is measured by `npm run bench:parse`
 * (bench/parse.bench.ts), on distinct texts: the parsers are memoised, so timing the same text again
 * here would time a cache hit.
 */
import fc from 'fast-check';
import { parseDirection } from '../../../src/core/parse/direction';
import { parseTarget, type ParsedTargetDetail } from '../../../src/core/parse/target';
import { parseRule } from '../../../src/core/parse/rule';
import { evalExpr } from '../../../src/core/parse/expr';
import type { Expr, ParsedRule } from '../../../src/core/model';
import { BIG_CELLS, RULE_TOKENS } from './big-cells';

const RUNS = Number(process.env.FC_RUNS ?? 500);

// ---------------------------------------------------------------- well-formedness

const finite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);
const finiteOrNull = (n: unknown): boolean => n === null || finite(n);

function expectWellFormedTarget(r: ParsedTargetDetail): void {
  expect(['number', 'date', 'text', 'empty']).toContain(r.kind);
  expect(typeof r.text).toBe('string');
  expect(typeof r.vague).toBe('boolean');
  expect(typeof r.isPercent).toBe('boolean');
  if (r.kind === 'number') {
    expect(finite(r.value)).toBe(true);
  } else {
    expect(r.value).toBeNull();
    expect(r.unit).toBeNull();
    expect(r.isPercent).toBe(false);
    expect(r.direction).toBeNull();
  }
  if (r.isPercent) expect(r.unit).toBe('%');
  expect([null, 'gte', 'lte', 'eq', 'qualitative']).toContain(r.direction);
  expect(r.kind === 'date').toBe(r.date !== null);
  if (r.date) {
    expect(r.date.year).toBeGreaterThanOrEqual(1900);
    expect(r.date.year).toBeLessThanOrEqual(2199);
    if (r.date.month !== null) expect(r.date.month >= 1 && r.date.month <= 12).toBe(true);
    if (r.date.day !== null) expect(r.date.day >= 1 && r.date.day <= 31).toBe(true);
    expect(['by', 'after', 'on']).toContain(r.date.bound);
  }
  if (r.vague) expect(r.kind).toBe('text');
  if (r.range) {
    expect(r.range.min).toBeLessThanOrEqual(r.range.max);
    expect(r.value).toBe(r.range.min);
  }
  if ('approximate' in r) expect(r.approximate).toBe(true);
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

function expectWellFormedExpr(e: Expr, depth = 0): void {
  expect(depth).toBeLessThan(200);
  if (e.kind === 'num') expect(finite(e.value)).toBe(true);
  else if (e.kind === 'var') expect(['rate', 'actual', 'target']).toContain(e.name);
  else {
    expect(['+', '-', '*', '/']).toContain(e.op);
    expectWellFormedExpr(e.left, depth + 1);
    expectWellFormedExpr(e.right, depth + 1);
  }
}

function expectWellFormedRule(r: ParsedRule, input: string | null | undefined): void {
  expect(r.text).toBe(input ?? '');
  expect(finiteOrNull(r.statedWeight)).toBe(true);
  if (r.statedWeight !== null) expect(r.statedWeight).toBeGreaterThanOrEqual(0);
  expect(finiteOrNull(r.maxAward)).toBe(true);
  switch (r.family) {
    case 'step':
      expect(r.stepSize).toBeGreaterThan(0);
      expect(finite(r.deductPerStep)).toBe(true);
      expect(['over', 'under', 'diff']).toContain(r.trigger);
      expect(['percent', 'point', 'absolute']).toContain(r.stepUnit);
      expect(finiteOrNull(r.base) && finiteOrNull(r.cap)).toBe(true);
      expect(typeof r.partialSteps).toBe('boolean');
      expect(r.maxAward).toBe(r.base ?? r.statedWeight);
      break;
    case 'threshold':
      expect(finite(r.threshold) && r.threshold >= 0).toBe(true);
      expectWellFormedExpr(r.formula);
      expect(['actualOverTarget', 'targetOverActual']).toContain(r.rateDefinition);
      for (const rate of [0, 0.5, 1, 2]) expect(() => evalExpr(r.formula, { rate, actual: rate, target: 1 })).not.toThrow();
      break;
    case 'tier':
      expect(r.tiers.length).toBeGreaterThanOrEqual(2);
      for (const t of r.tiers) {
        expect(finite(t.points) && t.points >= 0).toBe(true);
        expect(finiteOrNull(t.min) && finiteOrNull(t.max)).toBe(true);
        expect(t.min !== null || t.max !== null).toBe(true);
        if (t.min !== null && t.max !== null) expect(t.min).toBeLessThanOrEqual(t.max);
      }
      expect(r.maxAward).toBe(Math.max(...r.tiers.map((t) => t.points)));
      break;
    case 'binary':
      expect(finiteOrNull(r.points)).toBe(true);
      expect(['reach', 'onTime']).toContain(r.condition);
      expect(r.maxAward).toBe(r.points ?? r.statedWeight);
      break;
    case 'perOccurrence':
      expect(finite(r.pointsPer)).toBe(true);
      expect(['deduct', 'add']).toContain(r.effect);
      expect(finiteOrNull(r.base) && finiteOrNull(r.cap)).toBe(true);
      break;
    case 'checklist':
      for (const item of r.items) {
        expect(typeof item.label).toBe('string');
        expect(finite(item.points)).toBe(true);
      }
      expect(finiteOrNull(r.deductPerMissing)).toBe(true);
      expect(r.items.length > 0 || r.deductPerMissing !== null).toBe(true);
      break;
    case 'unspecified':
      expect(r.maxAward).toBe(r.statedWeight);
      break;
    default:
      throw new Error(`unknown family ${(r as ParsedRule).family}`);
  }
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

// ---------------------------------------------------------------- arbitraries


const TARGET_TOKENS = [
  '≥', '≤', '>=', '<=', '＞＝', '不低于', '不超过', '大于等于', '以上', '以下', '以内', '约', '左右', '年', '月', '日',
  '底', '前', '后', '之前', '-', '~', '至', '%', '％', '万元', '家单位', '个', '台', '1', '2024', '12', '31', '0.5',
  '1,965', '１９', '有效', '规范', '提升', '有所', '无', '错漏', '(含)', '（含）', ' ', '.', ',', '、', '−', '+', '=',
];

const tokenMix = (tokens: string[], maxLength = 30) =>
  fc.array(fc.constantFrom(...tokens), { maxLength }).map((parts) => parts.join(''));

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'每超过扣分计得不含以上下≥≤=%（）()0123456789.,，；①②') }),
);

/** Strings built to trip parsers: deep brackets, long digit runs, repeated keywords, lone surrogates. */
const ADVERSARIAL = [
  '', ' ', '\u0000', '\ud800', '\udfff', '((((((((((', '))))))))', '得分=', '得分=(', '得分=()', '得分=1/0', '得分=实际完成率/0',
  '得分=--------1', '得分=' + '('.repeat(500) + '实际完成率' + ')'.repeat(500), '得分=' + '1+'.repeat(300) + '1',
  '9'.repeat(400), '9'.repeat(400) + '分', '每'.repeat(300), '每超过', '每超过%扣分', '每超过0%扣1分', '每超过-1%扣1分',
  '≥≥≥≥90%计10分', '90%-80%计5分，70%-60%计3分', '=0计3分=0计2分', '(含)以上计10分，以下计0分', '①②③④', '①1分②', '1.1.1.1.',
  '分值为分', '该指标分值为99999999999999999999999分', '得分=1e308*1e308*实际完成率', '得分=实际完成率*' + '9'.repeat(320),
  '完成率=', 'NaN', 'Infinity', '-Infinity', '1e400', '0x10', '１'.repeat(300), '%'.repeat(100), '-'.repeat(100),
];

// ---------------------------------------------------------------- never throw, always well-formed

describe('parsers never throw and return well-formed results', () => {
  test('parseRule on random strings', () => {
    fc.assert(fc.property(anyString, (s) => expectWellFormedRule(parseRule(s), s)), { numRuns: RUNS });
  });

  test('parseRule on random mixes of rule tokens', () => {
    fc.assert(fc.property(tokenMix(RULE_TOKENS, 40), (s) => expectWellFormedRule(parseRule(s), s)), { numRuns: RUNS * 4 });
  });

  test.each(ADVERSARIAL)('parseRule on adversarial %#', (s) => {
    expectWellFormedRule(parseRule(s), s);
  });

  test('parseTarget on random strings and numbers', () => {
    const raw = fc.oneof(
      anyString,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(fc.property(raw, (v) => expectWellFormedTarget(parseTarget(v))), { numRuns: RUNS });
  });

  test('parseTarget on random mixes of target tokens', () => {
    fc.assert(fc.property(tokenMix(TARGET_TOKENS, 12), (s) => expectWellFormedTarget(parseTarget(s))), { numRuns: RUNS * 4 });
  });

  test.each(ADVERSARIAL)('parseTarget on adversarial %#', (s) => {
    expectWellFormedTarget(parseTarget(s));
  });

  test('parseDirection on random strings and token mixes', () => {
    const allowed = [null, 'gte', 'lte', 'eq', 'qualitative'];
    fc.assert(
      fc.property(fc.oneof(anyString, tokenMix(TARGET_TOKENS, 6), tokenMix(['≥', '≤', '=', '定性', '正向', '反向', '大于', '小于', '等于'], 4)), (s) => {
        expect(allowed).toContain(parseDirection(s));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- generated wording parses back

describe('generated wording parses back to what generated it', () => {
  test('numbers with a unit and a comparison', () => {
    const prefix = fc.constantFrom<[string, 'gte' | 'lte' | 'eq' | null]>(
      ['', null], ['≥', 'gte'], ['≧', 'gte'], ['不低于', 'gte'], ['大于等于', 'gte'], ['≤', 'lte'], ['不超过', 'lte'], ['=', 'eq'],
    );
    const unit = fc.constantFrom('万元', '家', '家单位', '个', '台', '套', '次', '人', '%', '');
    const value = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100));
    fc.assert(
      fc.property(prefix, value, unit, fc.boolean(), ([p, direction], n, u, fullWidth) => {
        let text = `${p}${n}${u}`;
        if (fullWidth) text = text.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const r = parseTarget(text);
        expect(r).toMatchObject({ kind: 'number', value: n, unit: u === '' ? null : u, isPercent: u === '%', direction });
      }),
      { numRuns: RUNS },
    );
  });

  test('dates', () => {
    const bound = fc.constantFrom<[string, 'by' | 'after' | 'on']>(['', 'on'], ['前', 'by'], ['底前', 'by'], ['之前', 'by'], ['后', 'after']);
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), bound, (year, month, [suffix, b]) => {
        expect(parseTarget(`${year}年${month}月${suffix}`).date).toEqual({ year, month, day: null, bound: b });
      }),
      { numRuns: RUNS },
    );
  });

  test('satisfaction tiers', () => {
    // Distinct cut points high → low and points high → low.
    const table = fc
      .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 5 })
      .map((cuts) => cuts.sort((a, b) => b - a))
      .chain((cuts) => fc.tuple(fc.constant(cuts), fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: cuts.length, maxLength: cuts.length })));
    fc.assert(
      fc.property(table, fc.constantFrom('，', '；', ','), ([cuts, pts], sep) => {
        const points = [...pts].sort((a, b) => b - a);
        const parts = [`满意度${cuts[0]}%（含）以上计${points[0]}分`];
        for (let k = 1; k < cuts.length; k++) parts.push(`${cuts[k]}%-${cuts[k - 1]}%计${points[k]}分`);
        parts.push(`${cuts[cuts.length - 1]}%以下计0分`);
        const rule = parseRule(parts.join(sep));
        const expected = [
          { min: cuts[0], minInclusive: true, max: null, maxInclusive: false, points: points[0] },
          ...cuts.slice(1).map((c, k) => ({ min: c, minInclusive: true, max: cuts[k], maxInclusive: false, points: points[k + 1] })),
          { min: null, minInclusive: false, max: cuts[cuts.length - 1], maxInclusive: false, points: 0 },
        ];
        expect(rule).toMatchObject({ family: 'tier', percent: true, maxAward: points[0], tiers: expected });
      }),
      { numRuns: RUNS },
    );
  });

  test('step deductions', () => {
    const trigger = fc.constantFrom<[string, 'over' | 'under' | 'diff']>(
      ['超过', 'over'], ['超出', 'over'], ['增加', 'over'], ['降低', 'under'], ['下降', 'under'], ['低于', 'under'], ['相差', 'diff'], ['偏离', 'diff'],
    );
    const size = fc.oneof(
      fc.integer({ min: 1, max: 50 }).map((n) => [`${n}%`, n, 'percent'] as const),
      fc.integer({ min: 1, max: 9 }).map((n) => [`${n}个百分点`, n, 'point'] as const),
      fc.constant(['一个百分点', 1, 'point'] as const),
    );
    const amount = fc.integer({ min: 1, max: 100 }).map((n) => n / 2);
    fc.assert(
      fc.property(
        trigger, size, amount, fc.option(fc.integer({ min: 1, max: 30 })), fc.option(fc.integer({ min: 1, max: 30 })), fc.option(fc.integer({ min: 1, max: 30 })),
        ([word, trig], [sizeText, stepSize, stepUnit], deduct, base, cap, weight) => {
          const text =
            (weight === null ? '' : `该指标分值为${weight}分，`) +
            (base === null ? '' : `预算成本控制在预算以内计${base}分，`) +
            `每${word}${sizeText}扣${deduct}分，` +
            (cap === null ? '扣完为止' : `扣满${cap}分为止`);
          expect(parseRule(text)).toMatchObject({
            family: 'step', trigger: trig, stepSize, stepUnit, deductPerStep: deduct, base, cap, statedWeight: weight, maxAward: base ?? weight,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('threshold formulas: maxAward is the formula at rate 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 100 }), (cut, points) => {
        const text = `完成率小于${cut}%不得分；大于等于${cut}%，得分=（实际完成率-${cut}%）/（1-${cut}%）*${points}`;
        const rule = parseRule(text);
        expect(rule).toMatchObject({ family: 'threshold', threshold: cut / 100 });
        expect(rule.maxAward).toBeCloseTo(points, 6);
      }),
      { numRuns: RUNS },
    );
  });

  test('white space anywhere does not change a rule', () => {
    const texts = [
      '该指标分值为20分，预算成本控制在57.6万元以内计20分，每超过10%扣2分，扣完为止。',
      '该指标分值为10分，完成率小于60%为不及格，不得分；大于等于60%，得分=（实际完成率-60%）/（1-60%）*10',
      '该指标分值为10分，满意度95%（含）以上计10分，85%-95%计8分，75%-85%计6分，75%以下计0分。',
      '达到目标值计20分，否则不得分',
      '①已制定…1分；②…合规、完整，1分；③…有效执行，1分',
      '每发生一起扣5分',
    ];
    const withSpaces = fc
      .tuple(fc.constantFrom(...texts), fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\u3000', '\t', '\u00a0')), { maxLength: 8 }))
      .map(([text, inserts]) => {
        let s = text;
        for (const [at, ws] of inserts) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + ws + s.slice(i);
        }
        return [text, s] as const;
      });
    fc.assert(
      fc.property(withSpaces, ([text, spaced]) => {
        const { text: _a, ...a } = parseRule(text);
        const { text: _b, ...b } = parseRule(spaced);
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- 100 KB cells

describe('a 100 KB cell parses to a well-formed result', () => {
  test.each(BIG_CELLS)('%s', (_name, text) => {
    expectWellFormedRule(parseRule(text), text);
    expectWellFormedTarget(parseTarget(text));
    expect([null, 'gte', 'lte', 'eq', 'qualitative']).toContain(parseDirection(text));
  });
});
