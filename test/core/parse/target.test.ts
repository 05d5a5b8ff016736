import { parseTarget, type ParsedTargetDetail } from '../../../src/core/parse/target';

/** The fields a case checks; the others must hold their defaults. */
type Expect = Partial<ParsedTargetDetail>;

const DEFAULTS = {
  value: null,
  unit: null,
  isPercent: false,
  direction: null,
  date: null,
  vague: false,
};

function num(value: number, unit: string | null, extra: Expect = {}): Expect {
  return { kind: 'number', value, unit, ...extra };
}
function pct(value: number, extra: Expect = {}): Expect {
  return { kind: 'number', value, unit: '%', isPercent: true, ...extra };
}
function date(year: number, month: number | null, day: number | null, bound: 'by' | 'after' | 'on'): Expect {
  return { kind: 'date', date: { year, month, day, bound } };
}
const vague: Expect = { kind: 'text', vague: true };
const concrete: Expect = { kind: 'text', vague: false };
const empty: Expect = { kind: 'empty' };

function check(raw: Parameters<typeof parseTarget>[0], expected: Expect): void {
  const got = parseTarget(raw);
  expect(got).toEqual({ ...DEFAULTS, text: got.text, ...expected });
}

describe('parseTarget: numbers', () => {
  const cases: [string | number, Expect][] = [
    ['57.6万元', num(57.6, '万元')],
    ['≥95%', pct(95, { direction: 'gte' })],
    ['1965家单位', num(1965, '家单位')],
    ['501', num(501, null)],
    [501, num(501, null)],
    [0.95, num(0.95, null)],
    [0, num(0, null)],
    [-0, num(0, null)],
    ['-0', num(0, null)],
    ['不低于90%', pct(90, { direction: 'gte' })],
    ['≤10万元', num(10, '万元', { direction: 'lte' })],
    ['大于等于95%', pct(95, { direction: 'gte' })],
    ['95%以上', pct(95, { direction: 'gte' })],
    ['95%（含）以上', pct(95, { direction: 'gte' })],
    ['100%', pct(100)],
    ['1,965家', num(1965, '家')],
    ['１９６５家', num(1965, '家')],
    ['１，９６５家', num(1965, '家')],
    ['约30万元', num(30, '万元', { approximate: true })],
    ['30万元左右', num(30, '万元', { approximate: true })],
    ['10万元以内', num(10, '万元', { direction: 'lte' })],
    ['不超过5%', pct(5, { direction: 'lte' })],
    ['5%以下', pct(5, { direction: 'lte' })],
    ['不少于10次', num(10, '次', { direction: 'gte' })],
    ['≧98%', pct(98, { direction: 'gte' })],
    ['≦3%', pct(3, { direction: 'lte' })],
    ['＝100%', pct(100, { direction: 'eq' })],
    ['达到95%', pct(95, { direction: 'gte' })],
    ['控制在57.6万元以内', num(57.6, '万元', { direction: 'lte' })],
    ['17万元', num(17, '万元')],
    ['10套', num(10, '套')],
    ['1577个', num(1577, '个')],
    ['501台', num(501, '台')],
    ['95 %', pct(95)],
    ['3年', num(3, '年')],
    ['12个月', num(12, '个月')],
    ['2024.12', num(2024.12, null)],
    ['同比下降1%', pct(1)],
    ['95%。', pct(95)],
  ];
  test.each(cases)('%j', (raw, expected) => check(raw, expected));

  // Decision: a range keeps its lower bound as `value` (the least the target asks for) and both
  // bounds in `range`; it states no single comparison, so direction is null.
  test.each<[string, Expect]>([
    ['3-5个', num(3, '个', { range: { min: 3, max: 5 } })],
    ['3~5个', num(3, '个', { range: { min: 3, max: 5 } })],
    ['3至5个', num(3, '个', { range: { min: 3, max: 5 } })],
    ['85%-95%', pct(85, { range: { min: 85, max: 95 } })],
    ['0-10%(含)', pct(0, { range: { min: 0, max: 10 } })],
    ['5-3个', num(3, '个', { range: { min: 3, max: 5 } })],
  ])('range %j', (raw, expected) => check(raw, expected));
});

describe('parseTarget: dates', () => {
  const cases: [string, Expect][] = [
    ['2024年12月前', date(2024, 12, null, 'by')],
    ['2025年10月底前', date(2025, 10, null, 'by')],
    ['2024年', date(2024, null, null, 'on')],
    ['2024年度', date(2024, null, null, 'on')],
    ['2024年底前', date(2024, null, null, 'by')],
    ['2024年底', date(2024, null, null, 'by')],
    ['2024年12月', date(2024, 12, null, 'on')],
    ['2024年6月30日前', date(2024, 6, 30, 'by')],
    ['2024年12月31日前完成', date(2024, 12, 31, 'by')],
    ['2024年12月之前', date(2024, 12, null, 'by')],
    ['2024年7月后', date(2024, 7, null, 'after')],
    ['2024年内', date(2024, null, null, 'by')],
    ['在2024年12月前', date(2024, 12, null, 'by')],
    ['截至2024年底', date(2024, null, null, 'by')],
    ['2024-12-31', date(2024, 12, 31, 'on')],
    ['2024/6', date(2024, 6, null, 'on')],
    ['2024.12.31', date(2024, 12, 31, 'on')],
    ['２０２４年１２月前', date(2024, 12, null, 'by')],
  ];
  test.each(cases)('%j', (raw, expected) => check(raw, expected));

  test.each(['2024年13月', '2024年预算', '12月底前', '2024年上半年'])('%j is text, not a date', (raw) => {
    expect(parseTarget(raw).kind).toBe('text');
  });
});

describe('parseTarget: text', () => {
  const vagueWords = [
    '有效', '规范', '稳定', '持续', '提升', '完整', '明显', '良好', '进一步', '减少', '降低', '下降', '优化',
    '管理', '服务', '检查', '提高', '明显提升', '持续有效', '进一步优化', '有所提升', '规范、有序', '稳步提升',
  ];
  test.each(vagueWords)('%j is vague', (raw) => check(raw, vague));

  const concreteWords = ['无遗失损坏', '无错漏', '合格', '按时完成', '达标', '无', '是', '2024年预算', '零事故', '有效投诉处理率'];
  test.each(concreteWords)('%j is concrete text', (raw) => check(raw, concrete));

  test('booleans are text', () => {
    check(true, { ...concrete, text: 'TRUE' });
    check(false, { ...concrete, text: 'FALSE' });
  });

  test('non-finite numbers are text', () => {
    check(Number.NaN, concrete);
    check(Number.POSITIVE_INFINITY, concrete);
  });

  test('the text is kept as written, trimmed', () => {
    expect(parseTarget('  57.6万元 ').text).toBe('57.6万元');
    expect(parseTarget('１９６５家').text).toBe('１９６５家');
    expect(parseTarget(501).text).toBe('501');
  });
});

describe('parseTarget: empty', () => {
  test.each<[string | null | undefined]>([[''], ['   '], ['\u3000'], ['\t\n'], [null], [undefined]])('%j', (raw) => {
    check(raw, { ...empty, text: '' });
  });
});

describe('parseTarget: seed 指标值 cells', () => {
  // Every 指标值 of /work/shared/seed/衡阳市机关事务管理局-2024-绩效目标表.txt.
  const seed: [string, Expect][] = [
    ['57.6万元', num(57.6, '万元')],
    ['501', num(501, null)],
    ['规范', vague],
    ['2024年12月前', date(2024, 12, null, 'by')],
    ['有效', vague],
    ['稳定', vague],
    ['95%', pct(95)],
    ['17万元', num(17, '万元')],
    ['1965家单位', num(1965, '家单位')],
    ['200家单位', num(200, '家单位')],
    ['完整', vague],
    ['持续', vague],
    ['76万元', num(76, '万元')],
    ['10套', num(10, '套')],
    ['提升', vague],
    ['≥95%', pct(95, { direction: 'gte' })],
    ['2024年预算', concrete],
    ['检查', vague],
    ['减少', vague],
    ['无遗失损坏', concrete],
    ['优化', vague],
    ['无错漏', concrete],
    ['管理', vague],
    ['降低', vague],
    ['下降', vague],
    ['服务', vague],
    ['', empty],
  ];
  test.each(seed)('%j', (raw, expected) => check(raw, expected));
});
