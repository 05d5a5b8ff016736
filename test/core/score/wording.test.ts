/**
 * The standard wording of filled 自评表: grade phrases (达成预期指标, 达到, 基本达成, an actual that restates a
 * text target), actual values written with a comparison, a unit or 以上/以下, 预算执行率 from every variant of
 * the 项目资金 block, and a user's score that its rule does not give. Each indicator case is scored by the engine
 * and its formula evaluated on the same cells, as in families.test.ts.
 */
import { caseSheet, scoreCase, evalOnSheet, setCell, PORTABLE_FUNCTIONS, type Case } from './harness';
import { functionsOf } from './formula-eval';
import { runScore } from '../../../src/core/score';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { buildSelfEvalSheet } from './selfeval-builder';
import { filledSelfEval } from './filled';

const W = '该指标分值为10分。';
const BINARY = '该指标分值为10分，达到目标值计10分，否则不得分。';

const cases: Case[] = [
  { name: '达成预期指标', rule: W, target: '有效', actual: '达成预期指标', score: 10 },
  { name: '达到预期目标', rule: W, target: '有效', actual: '达到预期目标', score: 10 },
  { name: '达到', rule: W, target: '按规定执行', actual: '达到', score: 10 },
  { name: '已完成', rule: W, target: '按规定执行', actual: '已完成', score: 10 },
  { name: '未达到', rule: W, target: '按规定执行', actual: '未达到', score: 0 },
  { name: '基本达成: 80% of the weight', rule: W, target: '有效', actual: '基本达成', score: 8, explains: ['80%'] },
  { name: '基本达成 under a binary rule: not reached', rule: BINARY, target: '有效', actual: '基本达成', score: 0 },
  { name: '达成预期指标 under a binary rule', rule: BINARY, target: '有效', actual: '达成预期指标', score: 10 },
  { name: '及时 (a grade word) for 及时', rule: W, target: '及时', actual: '及时', score: 10 },
  { name: 'the actual repeats a text target (符合要求)', rule: W, target: '符合要求', actual: '符合要求', score: 10, explains: ['与指标值相同'] },
  { name: 'another text is still unknown', rule: W, target: '符合要求', actual: '基本符合', score: null },
  { name: '≥300米 against ≥300 米', rule: W, target: 300, unit: '米', dir: '≥', actual: '≥300米', score: 10 },
  { name: '100%以上 against ≥95%', rule: W, target: '95%', unit: '%', dir: '≥', actual: '100%以上', score: 10 },
  { name: '不低于90人 against 100 人', rule: W, target: 100, unit: '人', dir: '≥', actual: '不低于90人', score: 9 },
  { name: '≥96% under a step rule (每降低1%扣2分)', rule: '该指标分值为10分，每降低1%扣2分，扣完为止。', target: '98%', unit: '%', dir: '≥', actual: '≥96%', score: 6 },
  { name: 'a range is not a value (3-5个)', rule: W, target: 4, unit: '个', dir: '≥', actual: '3-5个', score: null },
];

describe('standard wording', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { s, snapshot } = scoreCase(c);
    expect({ score: s.score, needsReview: s.needsReview }).toEqual({ score: c.score, needsReview: c.review ?? c.score === null });
    for (const e of c.explains ?? []) expect(s.explanation['zh-CN']).toContain(e);
    if (s.formula) {
      for (const fn of functionsOf(s.formula)) expect(PORTABLE_FUNCTIONS).toContain(fn);
      if (s.score !== null) expect(evalOnSheet(s.formula, snapshot.sheets[0])).toBe(s.score);
    }
  });
});

describe('预算执行率 from every variant of the 项目资金 block', () => {
  /** A 自评表 whose block header (D5:I5) reads `words`, with 全年 figures 40 → 30 and 分值 10 (7.5). */
  const withHeader = (words: (string | null)[], row6: (number | string | null)[]) => {
    const s = buildSelfEvalSheet({ project: '某项目', rows: [{ cat: '产出指标', sub: '数量指标', name: '数量', target: 10, actual: 10, weight: 90 }] });
    words.forEach((w, i) => setCell(s.sheet, `${'DEFGHI'[i]}5`, w));
    row6.forEach((v, i) => setCell(s.sheet, `${'DEFGHI'[i]}6`, v));
    const book: WorkbookSnapshot = { source: 'test', sheets: [s.sheet] };
    return runScore(book, BUILTIN_PROFILES.national).projects[0].budgetExecution;
  };

  test.each([
    ['年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率（B/A） | 得分', ['年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分']],
    ['年初预算数 | 调整后预算数 | 预算执行数 | 分值 | 预算执行率 | 得分', ['年初预算数', '调整后预算数', '预算执行数', '分值', '预算执行率', '得分']],
    ['年初预算数 | 全年（调整）预算数 | 全年执行数 | 执行率权重 | 执行率（%） | 执行率得分（分）', ['年初预算数', '全年（调整）\n预算数', '全年执行数', '执行率权重', '执行率（%）', '执行率得分（分）']],
  ])('%s', (_name, words) => {
    const be = withHeader(words, [40, 40, 30, 10, null, null]);
    expect(be).not.toBeNull();
    expect([be!.score, be!.rate]).toEqual([7.5, 0.75]);
  });

  test('年初预算数（A） | 全年执行数（B） | 分值（10分） | 执行率（B/A） | 得分: no 全年预算数, the 执行率 as written', () => {
    const be = withHeader(['年初预算数（A）', '全年执行数（B）', '分值（10分）', '执行率（B/A）', '得分', '得分计算方法'], [310.2, 154.74, 10, '50%', 5, '执行率*该指标分值']);
    expect(be?.score).toBe(5);
  });
});

describe('a score of the user’s that the rule does not give', () => {
  // The filled 自评表: row 14 (节约型机关创建数, 180 of ≥200, 10 分) scores 9.
  const changed = () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H14', 10);
    return f.book;
  };

  test('is kept without --overwrite, and reported', () => {
    const r = runScore(changed(), BUILTIN_PROFILES.national);
    const s = r.projects[0].indicators.find((x) => x.row === 14)!;
    expect([s.kept, s.score]).toEqual([true, 10]);
    const f = r.findings.find((x) => x.id === 'self-score-mismatch')!;
    expect([f.cell, f.severity]).toEqual(['H14', 'warning']);
    expect(f.data).toMatchObject({ stated: 10, computed: 9 });
  });

  test('is replaced with --overwrite, and reported too', () => {
    const r = runScore(changed(), BUILTIN_PROFILES.national, { overwrite: true });
    expect(r.projects[0].indicators.find((x) => x.row === 14)!.score).toBe(9);
    expect(r.findings.filter((x) => x.id === 'self-score-mismatch').map((x) => x.cell)).toEqual(['H14']);
  });

  test('a 预算执行率 score: budget-execution-score-mismatch, kept or replaced alike', () => {
    const f = filledSelfEval();
    setCell(f.sheet, 'I6', 9);
    for (const overwrite of [false, true]) {
      const r = runScore(f.book, BUILTIN_PROFILES.national, { overwrite });
      expect(r.findings.filter((x) => x.id === 'budget-execution-score-mismatch').map((x) => x.cell)).toEqual(['I6']);
      expect(r.projects[0].budgetExecution!.score).toBe(overwrite ? 9.5 : 9);
    }
  });

  test('the scores a unit wrote as its rules give: nothing', () => {
    const r = runScore(filledSelfEval().book, BUILTIN_PROFILES.national);
    expect(r.findings.filter((x) => x.id.endsWith('-mismatch'))).toEqual([]);
  });
});

describe('a grade gives a band, not a point (达成 100–80% of the weight, 未达成 50–0%)', () => {
  // The filled 自评表: row 18 (推动绿色低碳发展, 有效 / 达成, 15 分) scores 15 by grade.
  const written = (v: number) => {
    const f = filledSelfEval();
    setCell(f.sheet, 'H18', v);
    return f.book;
  };

  test('13 of 15 for 达成 agrees with the rule: kept even with --overwrite, not reported', () => {
    for (const overwrite of [false, true]) {
      const r = runScore(written(13), BUILTIN_PROFILES.national, { overwrite });
      expect(r.projects[0].indicators.find((x) => x.row === 18)!.score).toBe(13);
      expect(r.findings.filter((x) => x.id === 'self-score-mismatch' || x.id === 'score-kept-differs')).toEqual([]);
    }
  });

  test('10 of 15 for 达成 is below the band: replaced with --overwrite, and reported', () => {
    const r = runScore(written(10), BUILTIN_PROFILES.national, { overwrite: true });
    expect(r.projects[0].indicators.find((x) => x.row === 18)!.score).toBe(15);
    expect(r.findings.filter((x) => x.id === 'self-score-mismatch').map((x) => x.cell)).toEqual(['H18']);
  });
});

test('a score the rule cannot compute stays the user’s with --overwrite: nothing replaces it', () => {
  const f = filledSelfEval();
  setCell(f.sheet, 'F18', '目标明确、内容细化');
  setCell(f.sheet, 'H18', 14);
  const s = runScore(f.book, BUILTIN_PROFILES.national, { overwrite: true }).projects[0].indicators.find((x) => x.row === 18)!;
  expect([s.kept, s.score, s.needsReview]).toEqual([true, 14, false]);
  expect(s.explanation['zh-CN']).toContain('无法自动计分');
});

test('定量 (no comparison) in the 指标值类型 is scored as higher-is-better', () => {
  const { s } = scoreCase({ name: '定量', rule: W, target: '100%', unit: '%', dir: '定量指标', actual: '72.74%', score: 7.27 });
  expect(s.score).toBe(7.27);
});

test.each([
  ['预算调整率', '3%', '0', 10, '按反向计'],
  ['公用经费控制率', '100%', '97%', 10, '按反向计'],
  ['服务覆盖率', '100%', '97%', 9.7, '（正向）'],
])('with no direction written, a rate kept low by its name is scored lower-is-better: %s %s, actual %s', (name, target, actual, score, why) => {
  // The harness names its indicator 测试指标 (H3): this case needs the name.
  const sheet = caseSheet({ name, rule: W, target, unit: '%', dir: '定量', actual, score });
  setCell(sheet, 'H3', name);
  const s = runScore({ source: 'test', sheets: [sheet] }, BUILTIN_PROFILES.hunan).projects[0].indicators[0];
  expect([s.method, s.score]).toEqual(['default', score]);
  expect(s.explanation['zh-CN']).toContain(why);
});
