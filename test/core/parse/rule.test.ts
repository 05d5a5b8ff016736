import { parseRule, RULE_FAMILY_LABELS, MAX_RULE_CHARS } from '../../../src/core/parse/rule';
import { evalExpr } from '../../../src/core/parse/expr';
import type { ParsedRule, RuleFamily, Tier } from '../../../src/core/model';

type Expect = Partial<Record<string, unknown>> & { family: RuleFamily };

/** Builders for the expected rule (only the fields a case states are compared). */
const step = (e: Omit<Expect, 'family'>): Expect => ({ family: 'step', partialSteps: false, cap: null, ...e });
const threshold = (e: Omit<Expect, 'family'>): Expect => ({ family: 'threshold', ...e });
const tier = (e: Omit<Expect, 'family'>): Expect => ({ family: 'tier', ...e });
const binary = (e: Omit<Expect, 'family'>): Expect => ({ family: 'binary', ...e });
const perOcc = (e: Omit<Expect, 'family'>): Expect => ({ family: 'perOccurrence', effect: 'deduct', ...e });
const checklist = (e: Omit<Expect, 'family'>): Expect => ({ family: 'checklist', ...e });
const unspecified = (statedWeight: number | null): Expect => ({ family: 'unspecified', statedWeight, maxAward: statedWeight });

function t(min: number | null, minInclusive: boolean, max: number | null, maxInclusive: boolean, points: number): Tier {
  return { min, minInclusive, max, maxInclusive, points };
}

const SATISFACTION_TIERS = [t(95, true, null, false, 10), t(85, true, 95, false, 8), t(75, true, 85, false, 6), t(null, false, 75, false, 0)];
const FORMULA_TEXT =
  '完成率小于60%为不及格，不得分；大于等于60%，按超过的比重赋分，计算公式为：得分=（实际完成率-60%）/（1-60%）*10，完成率=实际完成值/指标值*100%';

function check(text: string, expected: Expect): ParsedRule {
  const rule = parseRule(text);
  expect(rule).toMatchObject(expected);
  expect(rule.text).toBe(text);
  return rule;
}

describe('parseRule: primer §4 and brief examples', () => {
  const cases: [string, Expect][] = [
    // step deduction
    ['预算成本控制在57.6万元以内计20分，每超过10%扣2分，扣完为止', step({ base: 20, maxAward: 20, trigger: 'over', stepSize: 10, stepUnit: 'percent', deductPerStep: 2 })],
    ['每超过一个百分点扣0.5分，扣完为止', step({ base: null, trigger: 'over', stepSize: 1, stepUnit: 'point', deductPerStep: 0.5 })],
    ['准确率每降低1%扣2分', step({ trigger: 'under', stepSize: 1, stepUnit: 'percent', deductPerStep: 2 })],
    ['实际完成情况与计划每相差3%，扣1分，扣满15分为止', step({ trigger: 'diff', stepSize: 3, stepUnit: 'percent', deductPerStep: 1, cap: 15 })],
    ['出错率每增加10%，扣1分', step({ trigger: 'over', stepSize: 10, deductPerStep: 1 })],
    ['每超过10%扣2分，不足10%按10%计', step({ trigger: 'over', stepSize: 10, deductPerStep: 2, partialSteps: true })],
    ['每超过2个百分点扣1分', step({ stepSize: 2, stepUnit: 'point', deductPerStep: 1 })],
    ['每超过百分之五扣1分', step({ stepSize: 5, stepUnit: 'percent', deductPerStep: 1 })],
    ['每超过1万元扣1分，最多扣10分', step({ stepSize: 1, stepUnit: 'absolute', deductPerStep: 1, cap: 10 })],
    ['每下降一个百分点扣减1分', step({ trigger: 'under', stepSize: 1, stepUnit: 'point', deductPerStep: 1 })],
    ['每偏离5%扣1分', step({ trigger: 'diff', stepSize: 5, deductPerStep: 1 })],
    ['每超过5%扣1分，每低于5%扣1分', step({ trigger: 'diff', stepSize: 5, deductPerStep: 1 })],
    // threshold + formula
    [FORMULA_TEXT, threshold({ threshold: 0.6, maxAward: 10, rateDefinition: 'actualOverTarget' })],
    [
      '完成率小于60%为不及格，不得分；大于等于60%，得分=（实际完成率-60%）/（1-60%）*10，完成率=实际完成值/指标值*100%',
      threshold({ threshold: 0.6, maxAward: 10, rateDefinition: 'actualOverTarget' }),
    ],
    ['完成率低于80%不得分，得分=(完成率-80%)/(1-80%)×20，完成率=指标值/实际完成值×100%', threshold({ threshold: 0.8, maxAward: 20, rateDefinition: 'targetOverActual' })],
    ['得分=实际完成率×10', threshold({ threshold: 0, maxAward: 10 })],
    ['分值10分，得分=实际完成率×分值', threshold({ statedWeight: 10, threshold: 0, maxAward: 10 })],
    ['得分=实际完成值/指标值*10', threshold({ threshold: 0, maxAward: 10 })],
    // tiers
    ['满意度95%（含）以上计10分，85%-95%计8分，75%-85%计6分，75%以下计0分', tier({ tiers: SATISFACTION_TIERS, percent: true, maxAward: 10 })],
    [
      '≥90%，计5分；80%(含)-90%，计4分；…低于60%不得分',
      tier({ tiers: [t(90, true, null, false, 5), t(80, true, 90, false, 4), t(null, false, 60, false, 0)], percent: true, maxAward: 5 }),
    ],
    [
      '≥90%，计5分；80%(含)-90%，计4分；70%(含)-80%，计3分；60%(含)-70%，计2分；低于60%不得分',
      tier({ tiers: [t(90, true, null, false, 5), t(80, true, 90, false, 4), t(70, true, 80, false, 3), t(60, true, 70, false, 2), t(null, false, 60, false, 0)] }),
    ],
    [
      '预算调整率=0，计3分；0-10%(含)，计2分；…大于30%不得分',
      tier({ tiers: [t(0, true, 0, true, 3), t(0, true, 10, true, 2), t(30, false, null, false, 0)], percent: true, maxAward: 3 }),
    ],
    [
      '预算调整率=0，计3分；0-10%(含)，计2分；10%-30%(含)，计1分；大于30%不得分',
      tier({ tiers: [t(0, true, 0, true, 3), t(0, true, 10, true, 2), t(10, true, 30, true, 1), t(30, false, null, false, 0)] }),
    ],
    ['满意度达到90%以上得10分，80%-90%得8分，否则不得分', tier({ tiers: [t(90, true, null, false, 10), t(80, true, 90, false, 8)] })],
    ['80%≤满意度<90%计8分；满意度≥90%计10分', tier({ tiers: [t(80, true, 90, false, 8), t(90, true, null, false, 10)] })],
    ['90%(不含)-100%计10分，90%及以下计5分', tier({ tiers: [t(90, false, 100, false, 10), t(null, false, 90, true, 5)] })],
    ['完成3个以上计5分，1-3个计3分', tier({ tiers: [t(3, true, null, false, 5), t(1, true, 3, false, 3)], percent: false })],
    // binary
    ['达到目标值计20分，否则不得分', binary({ points: 20, maxAward: 20, condition: 'reach' })],
    ['未达到标准值不得分', binary({ points: null, maxAward: null, condition: 'reach' })],
    ['按时完成计10分，否则不得分', binary({ points: 10, maxAward: 10, condition: 'onTime' })],
    ['未按时完成不得分', binary({ points: null, condition: 'onTime' })],
    ['2024年12月前完成计10分，否则不得分', binary({ points: 10, condition: 'onTime' })],
    ['完成得满分，未完成不得分', binary({ points: null, condition: 'reach' })],
    ['验收合格得10分，不合格不得分', binary({ points: 10, condition: 'reach' })],
    // per occurrence
    ['每出现一个专项未按进度完成资金下达扣0.5分，扣完为止', perOcc({ pointsPer: 0.5, base: null, cap: null })],
    ['每发生一起扣5分', perOcc({ pointsPer: 5 })],
    ['每次扣1分，最多扣5分', perOcc({ pointsPer: 1, cap: 5 })],
    ['每有1人次有效投诉扣2分', perOcc({ pointsPer: 2 })],
    ['每发表一篇加1分', perOcc({ pointsPer: 1, effect: 'add' })],
    // checklist
    [
      '①已制定…1分；②…合规、完整，1分；③…有效执行，1分',
      checklist({ items: [{ label: '已制定', points: 1 }, { label: '合规、完整', points: 1 }, { label: '有效执行', points: 1 }], deductPerMissing: null, maxAward: 3 }),
    ],
    ['每少一项扣1分，扣完为止', checklist({ items: [], deductPerMissing: 1, maxAward: null })],
    [
      '(1)制度健全，2分；(2)执行有效，3分',
      checklist({ items: [{ label: '制度健全', points: 2 }, { label: '执行有效', points: 3 }], maxAward: 5 }),
    ],
    ['1.建立台账得1分；2.按月报送得1分', checklist({ items: [{ label: '建立台账', points: 1 }, { label: '按月报送', points: 1 }], maxAward: 2 })],
    [
      '该指标分值为3分，①制度建立；②台账完整；③按时报送。每缺一项扣1分',
      checklist({ statedWeight: 3, deductPerMissing: 1, maxAward: 3, items: [{ label: '制度建立', points: 1 }, { label: '台账完整', points: 1 }, { label: '按时报送', points: 1 }] }),
    ],
    // unspecified
    ['按完成情况赋分', unspecified(null)],
    ['从提供服务情况评分', unspecified(null)],
    ['该指标分值为5分。', unspecified(5)],
    ['按公车调度出错率扣分', unspecified(null)],
    ['', unspecified(null)],
    ['(10分)', unspecified(10)],
    ['分值：10分', unspecified(10)],
    ['该指标分值5分', unspecified(5)],
    ['视情况酌情扣分', unspecified(null)],
    ['≥90%计10分', unspecified(null)], // a single tier says nothing about the rest
    ['得分=（实际完成率-60%）/（1-60%）×', unspecified(null)], // a formula it cannot read
    ['得分=（实际完成率-60%/（1-60%）*10', unspecified(null)], // unbalanced
    ['得分=分值×实际完成率', unspecified(null)], // 分值 with no stated weight
    ['达到95%计10分，否则不得分', unspecified(null)], // a condition other than the target
    ['每超过10%扣2分，每超过5%扣1分', unspecified(null)], // clauses that disagree
    ['完成率100%计10分，90%计8分', unspecified(null)], // a bare number is not a range
    ['每季度报送一次，未按时报送扣1分', unspecified(null)], // 每 here is not a count of events
    ['每发生一起，则扣5分', perOcc({ pointsPer: 5 })],
    ['实际完成值≥目标值得满分，否则按比例得分', unspecified(null)], // partial scores are not binary
    ['预算执行率100%得10分，每降低1个百分点扣0.5分', step({ base: 10, maxAward: 10, trigger: 'under', stepSize: 1, stepUnit: 'point', deductPerStep: 0.5 })],
    ['满意度≥90%得满分，80%-90%得8分', unspecified(null)],
  ];
  test.each(cases)('%s', (text, expected) => {
    check(text, expected);
  });
});

describe('parseRule: seed 评（扣）分标准 texts', () => {
  // Every distinct rule text of /work/shared/seed/衡阳市机关事务管理局-2024-绩效目标表.txt.
  const seed: [string, Expect][] = [
    [
      '该指标分值为20分，预算成本控制在57.6万元以内计20分，每超过10%扣2分，扣完为止。',
      step({ statedWeight: 20, base: 20, maxAward: 20, trigger: 'over', stepSize: 10, stepUnit: 'percent', deductPerStep: 2 }),
    ],
    [
      '该指标分值为20分，预算成本控制在17万元以内计20分，每超过10%扣2分，扣完为止。',
      step({ statedWeight: 20, base: 20, maxAward: 20, trigger: 'over', stepSize: 10, stepUnit: 'percent', deductPerStep: 2 }),
    ],
    [
      '该指标分值为20分，预算成本控制在76万元以内计20分，每超过10%扣2分，扣完为止。',
      step({ statedWeight: 20, base: 20, maxAward: 20, trigger: 'over', stepSize: 10, stepUnit: 'percent', deductPerStep: 2 }),
    ],
    [
      // 分值 10 but 计20分: both kept, a check compares them.
      '该指标分值为10分，预算成本控制在年度预算范围以内计20分，每超过10%扣1分，扣完为止。',
      step({ statedWeight: 10, base: 20, maxAward: 20, trigger: 'over', stepSize: 10, stepUnit: 'percent', deductPerStep: 1 }),
    ],
    [
      '该指标分值为10分，按公车调度出错率扣分，出错率每增加10%，扣1分，扣完为止。',
      step({ statedWeight: 10, base: null, maxAward: 10, trigger: 'over', stepSize: 10, stepUnit: 'percent', deductPerStep: 1 }),
    ],
    [`该指标分值为20分，${FORMULA_TEXT}`, threshold({ statedWeight: 20, threshold: 0.6, maxAward: 10, rateDefinition: 'actualOverTarget' })],
    [`该指标分值为10分，${FORMULA_TEXT}`, threshold({ statedWeight: 10, threshold: 0.6, maxAward: 10, rateDefinition: 'actualOverTarget' })],
    [
      '该指标分值为10分，满意度95%（含）以上计10分，85%-95%计8分，75%-85%计6分，75%以下计0分。',
      tier({ statedWeight: 10, maxAward: 10, tiers: SATISFACTION_TIERS, percent: true }),
    ],
    ['该指标分值为20分，达到目标值计20分，否则不得分。', binary({ statedWeight: 20, points: 20, maxAward: 20, condition: 'reach' })],
    ['该指标分值5分，未达到标准值不得分。', binary({ statedWeight: 5, points: null, maxAward: 5, condition: 'reach' })],
    ['该指标分值10分，未达到标准值不得分。', binary({ statedWeight: 10, points: null, maxAward: 10, condition: 'reach' })],
    ['该指标分值为10分，按完成情况赋分。', unspecified(10)],
    ['该指标分值为10分，从降低机关运行成本情况评分。', unspecified(10)],
    ['该指标分值为10分，从提供服务情况评分。', unspecified(10)],
    ['该指标分值为10分，按能耗统计完整正确情况评分。', unspecified(10)],
    ['该指标分值为10分，从租赁房屋家具家电配置和提供服务质量情况评分。', unspecified(10)],
    ['该指标分值为10分，从降低机关运行成本、提高行政效率情况评分。', unspecified(10)],
  ];
  test.each(seed)('%s', (text, expected) => {
    check(text, expected);
  });
});

describe('parseRule: threshold formula', () => {
  test('the formula is an Expr over rate with percentages as fractions', () => {
    const rule = parseRule(FORMULA_TEXT);
    if (rule.family !== 'threshold') throw new Error(rule.family);
    expect(rule.formula).toEqual({
      kind: 'bin',
      op: '*',
      left: {
        kind: 'bin',
        op: '/',
        left: { kind: 'bin', op: '-', left: { kind: 'var', name: 'rate' }, right: { kind: 'num', value: 0.6 } },
        right: { kind: 'bin', op: '-', left: { kind: 'num', value: 1 }, right: { kind: 'num', value: 0.6 } },
      },
      right: { kind: 'num', value: 10 },
    });
    const at = (rate: number) => evalExpr(rule.formula, { rate, actual: rate, target: 1 });
    expect(at(0.6)).toBeCloseTo(0);
    expect(at(0.8)).toBeCloseTo(5);
    expect(at(1)).toBeCloseTo(10);
  });

  test('full-width and half-width brackets and operators read the same', () => {
    const a = parseRule('得分=（实际完成率－60％）÷（1－60％）×10');
    const b = parseRule('得分=(实际完成率-60%)/(1-60%)*10');
    expect(a.family).toBe('threshold');
    if (a.family === 'threshold' && b.family === 'threshold') expect(a.formula).toEqual(b.formula);
  });
});

describe('parseRule: weight statements', () => {
  test.each<[string, number | null]>([
    ['该指标分值为20分，按完成情况赋分', 20],
    ['该指标分值5分，按完成情况赋分', 5],
    ['分值：10分', 10],
    ['分值:7.5分', 7.5],
    ['(10分)按完成情况赋分', 10],
    ['按完成情况赋分（10分）', 10],
    ['权重10分，按完成情况赋分', 10],
    ['按完成情况赋分', null],
  ])('%s → %j', (text, weight) => {
    expect(parseRule(text).statedWeight).toBe(weight);
  });
});

describe('parseRule: input edges', () => {
  test('null and undefined are an empty unspecified rule', () => {
    expect(parseRule(null)).toEqual({ family: 'unspecified', text: '', statedWeight: null, maxAward: null });
    expect(parseRule(undefined)).toEqual({ family: 'unspecified', text: '', statedWeight: null, maxAward: null });
  });

  test('only the first MAX_RULE_CHARS characters are read, the text is kept whole', () => {
    const text = '按完成情况赋分'.padEnd(MAX_RULE_CHARS, '。') + '该指标分值为10分';
    const rule = parseRule(text);
    expect(rule.statedWeight).toBeNull();
    expect(rule.text).toBe(text);
  });
});

describe('RULE_FAMILY_LABELS', () => {
  test('names every family in zh-CN and en-US', () => {
    expect(RULE_FAMILY_LABELS).toEqual({
      step: { 'zh-CN': '步进扣分', 'en-US': 'step deduction' },
      threshold: { 'zh-CN': '阈值+公式', 'en-US': 'threshold + formula' },
      tier: { 'zh-CN': '分档', 'en-US': 'tiers' },
      binary: { 'zh-CN': '达标', 'en-US': 'binary' },
      perOccurrence: { 'zh-CN': '按次', 'en-US': 'per occurrence' },
      checklist: { 'zh-CN': '清单', 'en-US': 'checklist' },
      unspecified: { 'zh-CN': '未明确', 'en-US': 'unspecified' },
    });
  });
});
