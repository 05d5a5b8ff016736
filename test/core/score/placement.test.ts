/**
 * Layouts: the national 项目支出绩效自评表 (预算执行率, 总分, 等级), target tables with 实际完成值/得分
 * columns (added when missing), project totals on 合计 rows, users' scores kept, the write plan.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { runScore, scorePlan, gradeOf, type ScoreResult } from '../../../src/core/score';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { readSheetModel } from '../../../src/core/layout/read';
import { buildProjectSheet, cleanProject, type RowSpec } from '../../fixtures/builder';
import { buildSelfEvalSheet, standardSelfEval } from './selfeval-builder';
import { evalOnSheet, setCell } from './harness';
import type { Value } from './formula-eval';

const national = BUILTIN_PROFILES.national;
const wb = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ source: 'test', sheets });

/** Evaluates every formula of a result in plan order (scores, then totals, then grades), as a spreadsheet would. */
function evaluateAll(result: ScoreResult, sheet: SheetSnapshot): Record<string, Value> {
  const values: Record<string, Value> = {};
  const ops = scorePlan(result, 'zh-CN').ops.filter((o) => o.op === 'setFormula' && o.sheet === sheet.name);
  for (const op of ops) if (op.op === 'setFormula') values[op.cell] = evalOnSheet(op.formula, sheet, values);
  return values;
}

describe('项目支出绩效自评表', () => {
  const se = standardSelfEval();
  const result = runScore(wb(se.sheet), national);
  const p = result.projects[0];

  test('is read as a self-evaluation with its project name, and 总分/自评等级 are not indicators', () => {
    expect(result.projects).toHaveLength(1);
    expect(p.layout).toBe('selfEvaluation');
    expect(p.name).toBe('公共机构节能专项经费');
    expect(p.indicators.map((s) => s.row)).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    const model = readSheetModel(se.sheet);
    expect(model.tables[0].projects[0].categories.map((c) => c.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
  });

  test('scores 预算执行率 as 10 × 执行率 from 全年执行数 / 全年预算数', () => {
    const b = p.budgetExecution!;
    expect(b.cell).toBe('I6');
    expect(b.score).toBe(9.5);
    expect(b.rate).toBeCloseTo(0.95, 12);
    expect(b.explanation['zh-CN']).toContain('执行率 = 16.15 / 17 = 95.0%；得分 = 10 × 95.0% = 9.5 分');
    expect(evalOnSheet(b.formula!, se.sheet)).toBe(9.5);
  });

  test('writes 总分 (Σ scores + 预算执行率) and the grade where the template has them', () => {
    expect(p.total).toBe(94);
    expect(p.grade).toBe('优');
    expect(p.totalCell).toBe(`H${se.rows.total}`);
    expect(p.gradeCell).toBe(`G${se.rows.grade}`);
    const values = evaluateAll(result, se.sheet);
    expect(values[p.totalCell!]).toBe(94);
    expect(values[p.gradeCell!]).toBe('优');
    for (const s of p.indicators) expect(values[s.cell]).toBe(s.score);
  });

  test.each([
    ['spent over budget: capped at 10', { full: 17, spent: 18 }, 10],
    ['exactly on budget', { full: 40, spent: 40 }, 10],
    ['96.25%', { full: 40, spent: 38.5 }, 9.63],
    ['nothing spent', { full: 40, spent: 0 }, 0],
    ['only the 执行率 cell, as text', { rate: '96%' }, 9.6],
    ['only the 执行率 cell, percent-formatted', { rate: 0.9625, rateFormat: '0.00%' }, 9.63],
    ['全年预算数 empty', { spent: 10 }, null],
    ['全年预算数 0', { full: 0, spent: 0 }, null],
  ] as const)('预算执行率: %s', (_n, b, expected) => {
    const { rateFormat, ...budget } = b as { full?: number; spent?: number; rate?: CellValue; rateFormat?: string };
    const s = standardSelfEval({ budget });
    if (rateFormat) s.sheet.numberFormats = { H6: rateFormat };
    const r = runScore(wb(s.sheet), national);
    const be = r.projects[0].budgetExecution!;
    expect(be.score).toBe(expected);
    expect(be.needsReview).toBe(expected === null);
    if (expected === null) {
      expect(r.projects[0].total).toBeNull();
      expect(r.findings.map((f) => f.cell)).toContain('I6');
    } else {
      expect(evalOnSheet(be.formula!, s.sheet)).toBe(expected);
    }
  });

  test('a missing score leaves the total and grade empty (never a partial total)', () => {
    const s = standardSelfEval();
    setCell(s.sheet, 'F19', '部分达成');
    const r = runScore(wb(s.sheet), national);
    const q = r.projects[0];
    expect(q.indicators.find((x) => x.row === 19)!.needsReview).toBe(true);
    expect(q.total).toBeNull();
    expect(q.grade).toBeNull();
    expect(q.partialTotal).toBe(83.5);
    const values = evaluateAll(r, s.sheet);
    expect(values[q.totalCell!]).toBe('');
    expect(values[q.gradeCell!]).toBe('');
    // Once the reviewer writes a score by hand, the total and grade appear.
    values.H19 = 7;
    expect(evalOnSheet(q.totalFormula!, s.sheet, values)).toBe(90.5);
    expect(evalOnSheet(q.gradeFormula!, s.sheet, { ...values, [q.totalCell!]: 90.5 })).toBe('优');
  });

  test('a 自评表 without a 自评等级 row gets 总分 only', () => {
    const s = buildSelfEvalSheet({ project: '某项目', budget: { full: 10, spent: 10 }, rows: [{ cat: '产出指标', sub: '数量指标', name: '数量', target: 10, actual: 10, weight: 90 }] });
    const r = runScore(wb(s.sheet), national);
    expect(r.projects[0].total).toBe(100);
    expect(r.projects[0].grade).toBe('优');
    expect(r.projects[0].gradeCell).toBeNull();
    expect(r.projects[0].totalCell).toBe(`H${s.rows.total}`);
  });
});

test.each([
  [100, '优'],
  [90, '优'],
  [89.99, '良'],
  [80, '良'],
  [79.99, '中'],
  [60, '中'],
  [59.99, '差'],
  [0, '差'],
] as const)('grade of %s is %s', (total, grade) => expect(gradeOf(total)).toBe(grade));

// ---------------------------------------------------------------- target tables

function rows(actuals: CellValue[]): RowSpec[] {
  const p = cleanProject('测试', 38);
  const named = p.rows.filter((r) => r.name);
  return p.rows.map((r) => (r.name ? { ...r, actual: actuals[named.indexOf(r)] } : r));
}

describe('target table with 实际完成值 and 得分 columns', () => {
  const sheet = buildProjectSheet({
    projects: [
      { name: '项目甲', fund: 38, rows: rows([41.8, 200, 12, '97%', '2024年11月', 0, '①②③', '96%']) },
      { name: '项目乙', fund: 38, rows: rows([38, 150, 11, '98%', '已完成', 1, '①③', '90%']) },
    ],
    extraColumns: ['actual', 'score'],
  });
  const result = runScore(wb(sheet), BUILTIN_PROFILES.hunan);

  test('scores every indicator of every project', () => {
    expect(result.projects.map((p) => [p.name, p.layout, p.indicators.length])).toEqual([
      ['项目甲', 'targetTable', 8],
      ['项目乙', 'targetTable', 8],
    ]);
    expect(result.projects[0].indicators.map((s) => s.score)).toEqual([18, 10, 10, 8, 10, 10, 10, 10]);
    expect(result.projects[0].total).toBe(86);
    expect(result.projects[0].grade).toBe('良');
    expect(result.projects[1].indicators.map((s) => s.score)).toEqual([20, 3.75, 0, 10, 10, 5, 7, 8]);
    expect(result.projects[1].total).toBe(63.75);
    expect(result.addedColumns).toEqual([]);
  });

  test('the total has no cell when the project has no 合计 row and its last row holds an indicator', () => {
    expect(result.projects.map((p) => p.totalCell)).toEqual([null, null]);
  });

  test('every formula gives the engine’s number', () => {
    const values = evaluateAll(result, sheet);
    for (const s of result.projects.flatMap((p) => p.indicators)) expect([s.cell, values[s.cell]]).toEqual([s.cell, s.score]);
  });
});

describe('合计 rows', () => {
  // A 合计 row under each project (the builder's merged layout, then a row inserted by hand).
  const base = buildProjectSheet({
    projects: [
      { name: '项目甲', fund: 38, rows: rows([41.8, 200, 12, '97%', '2024年11月', 0, '①②③', '96%']) },
      { name: '项目乙', fund: 38, rows: rows([38, 150, 11, '98%', '已完成', 1, '①③', '90%']) },
    ],
    extraColumns: ['actual', 'score'],
  });
  const sheet = insertTotalRows(base, ['项目甲', '项目乙']);

  test('are not indicators, and every project is still read', () => {
    const model = readSheetModel(sheet);
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0].projects.map((p) => p.name)).toEqual(['项目甲', '项目乙']);
    expect(model.tables[0].projects.flatMap((p) => p.indicators).some((i) => i.name === '合计')).toBe(false);
  });

  test('hold the project total as a live SUM of its scores', () => {
    const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan);
    expect(r.projects.map((p) => [p.totalCell, p.total])).toEqual([
      [`P${r.projects[0].lastRow + 1}`, 86],
      [`P${r.projects[1].lastRow + 1}`, 63.75],
    ]);
    const values = evaluateAll(r, sheet);
    expect(values[r.projects[0].totalCell!]).toBe(86);
    expect(values[r.projects[1].totalCell!]).toBe(63.75);
    expect(r.projects[0].totalFormula).toMatch(/^IF\(COUNT\(/);
  });
});

/** Inserts a 合计 row (label merged over the project columns) under each named project. */
function insertTotalRows(sheet: SheetSnapshot, names: string[]): SheetSnapshot {
  const model = readSheetModel(sheet);
  const lasts = model.tables[0].projects.filter((p) => names.includes(p.name)).map((p) => p.lastRow);
  const values = sheet.values.map((r) => [...r]);
  let merges = sheet.merges.map((m) => ({ ...m }));
  for (const last of [...lasts].sort((a, b) => b - a)) {
    values.splice(last, 0, ['合计']);
    merges = merges.map((m) => ({ ...m, top: m.top > last ? m.top + 1 : m.top, bottom: m.bottom > last ? m.bottom + 1 : m.bottom }));
    merges.push({ top: last + 1, left: 1, bottom: last + 1, right: 8 });
  }
  return { ...sheet, values, merges };
}

describe('added columns', () => {
  test('得分 is added right of the table when missing, formatted from 实际完成值', () => {
    const sheet = buildProjectSheet({ projects: [{ name: '项目甲', fund: 38, rows: rows([41.8, 200, 12, '97%', '2024年11月', 0, '①②③', '96%']) }], extraColumns: ['actual'] });
    const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan);
    expect(r.addedColumns).toEqual([
      { sheet: sheet.name, role: 'score', col: 16, letter: 'P', formatFrom: 15, header: '得分', headers: [{ row: 1, mergeTo: 2 }], top: 1, bottom: 11 },
    ]);
    expect(r.projects[0].indicators.map((s) => s.cell.replace(/\d+/, ''))).toEqual(Array(8).fill('P'));
    expect(r.projects[0].indicators[0].formula).toContain('O3');
    const ops = scorePlan(r, 'zh-CN').ops;
    expect(ops.slice(0, 3)).toEqual([
      { op: 'copyFormat', sheet: sheet.name, from: 'O1:O11', to: 'P1:P11', columnWidth: true },
      { op: 'merge', sheet: sheet.name, range: 'P1:P2' },
      { op: 'setValue', sheet: sheet.name, cell: 'P1', value: '得分' },
    ]);
  });

  test('headers are added under every repeated page header', () => {
    const sheet = buildProjectSheet({ pageEvery: 4, projects: [{ name: '项目甲', fund: 38, rows: rows([41.8, 200, 12, '97%', '2024年11月', 0, '①②③', '96%']) }], extraColumns: ['actual'] });
    const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan);
    expect(r.addedColumns[0].headers.length).toBeGreaterThan(1);
    expect(r.projects[0].indicators).toHaveLength(8);
  });

  test('two tables on one sheet each get their 得分 column in the first free column', () => {
    const a = buildProjectSheet({ projects: [{ name: '项目甲', fund: 38, rows: rows([41.8, 200, 12, '97%', '2024年11月', 0, '①②③', '96%']) }], extraColumns: ['actual'] });
    // Another unit's table under the first (its summary row makes it a new table, not a page of the first).
    const b = buildProjectSheet({ startRow: a.values.length + 3, department: { name: '乙单位', fund: 38 }, projects: [{ name: '项目乙', fund: 38, rows: rows([38, 150, 11, '98%', '已完成', 1, '①③', '90%']) }], extraColumns: ['actual'] });
    const values = b.values.map((row, i) => (i < a.values.length ? a.values[i] : row));
    const sheet: SheetSnapshot = { name: a.name, values, merges: [...a.merges, ...b.merges] };
    const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan);
    expect(r.addedColumns.map((c) => [c.letter, c.top, c.bottom])).toEqual([
      ['P', 1, 11],
      ['P', 14, 25],
    ]);
    expect(r.projects.map((p) => [p.name, p.total])).toEqual([
      ['项目甲', 86],
      ['项目乙', 63.75],
    ]);
  });

  test('without a 实际完成值 column nothing is scored, and the table is reported', () => {
    const sheet = buildProjectSheet({ projects: [cleanProject('项目甲', 38)] });
    const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan);
    expect(r.projects).toEqual([]);
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([['score-no-actual-column', 'error']]);
  });

  test('--add-actual adds 实际完成值 and 得分; the formulas wait for the actual values', () => {
    const sheet = buildProjectSheet({ projects: [cleanProject('项目甲', 38)] });
    const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan, { addActual: true });
    expect(r.addedColumns.map((c) => [c.role, c.letter, c.formatFrom])).toEqual([
      ['actual', 'O', 14],
      ['score', 'P', 14],
    ]);
    const inds = r.projects[0].indicators;
    expect(inds.every((s) => s.needsReview && s.score === null && s.formula !== null)).toBe(true);
    expect(r.findings.every((f) => f.id === 'score-no-actual')).toBe(true);
    // Entering an actual value makes the formula score it.
    const first = inds[0];
    expect(evalOnSheet(first.formula!, sheet)).toBe('');
    expect(evalOnSheet(first.formula!, sheet, { O3: 41.8 })).toBe(18);
  });
});

describe('scores already in the sheet', () => {
  const make = (score: CellValue, formula?: string) => {
    const sheet = buildProjectSheet({ projects: [{ name: '项目甲', fund: 38, rows: rows([41.8, 200, 12, '97%', '2024年11月', 0, '①②③', '96%']) }], extraColumns: ['actual', 'score'] });
    setCell(sheet, 'P3', score);
    if (formula) sheet.formulas = { P3: formula };
    return sheet;
  };

  test('a user’s score is kept, noted, and counted in the total', () => {
    const sheet = make(15);
    const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan);
    const s = r.projects[0].indicators[0];
    expect([s.kept, s.score, s.formula, s.previous]).toEqual([true, 15, null, 'user']);
    expect(s.explanation['zh-CN']).toContain('保留原有得分「15」');
    expect(s.explanation['zh-CN']).toContain('按评分标准计算为 18 分');
    expect(r.projects[0].total).toBe(83);
    expect(r.findings.map((f) => f.id)).toContain('score-kept-differs');
    const ops = scorePlan(r, 'zh-CN').ops.filter((o) => 'cell' in o && o.cell === 'P3');
    expect(ops.map((o) => o.op)).toEqual(['mark']);
  });

  test('--overwrite replaces it', () => {
    const sheet = make(15);
    const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan, { overwrite: true });
    const s = r.projects[0].indicators[0];
    expect([s.kept, s.score]).toEqual([false, 18]);
    const ops = scorePlan(r, 'zh-CN').ops.filter((o) => 'cell' in o && o.cell === 'P3');
    expect(ops.map((o) => o.op)).toEqual(['setFormula']);
  });

  test('a formula jixiao wrote is replaced on the next run', () => {
    const sheet = make(20, 'IF(TRIM(O3)="","",1)');
    const s = runScore(wb(sheet), BUILTIN_PROFILES.hunan).projects[0].indicators[0];
    expect([s.kept, s.previous, s.score]).toEqual([false, 'own', 18]);
  });

  test('a formula of the user’s is kept', () => {
    const sheet = make(17, 'O3/2');
    const s = runScore(wb(sheet), BUILTIN_PROFILES.hunan).projects[0].indicators[0];
    expect([s.kept, s.previous, s.score]).toEqual([true, 'user', 17]);
  });

  test('text in a score cell is kept and needs review', () => {
    const sheet = make('待定');
    const s = runScore(wb(sheet), BUILTIN_PROFILES.hunan).projects[0].indicators[0];
    expect([s.kept, s.needsReview, s.score]).toEqual([true, true, null]);
  });
});

describe('the write plan', () => {
  const sheet = buildProjectSheet({ projects: [{ name: '项目甲', fund: 38, rows: rows([41.8, 200, 12, '97%', null, 0, '①④', '96%']) }], extraColumns: ['actual', 'score'] });
  const r = runScore(wb(sheet), BUILTIN_PROFILES.hunan);

  test('a formula with its cached value and an explanation note in each scored cell', () => {
    const op = scorePlan(r, 'zh-CN').ops.find((o) => o.op === 'setFormula' && o.cell === 'P3');
    expect(op).toMatchObject({ op: 'setFormula', value: 18, note: expect.stringContaining('[jixiao] 评分：') });
    expect((op as { note: string }).note).toContain('实际 41.8 万元，超出目标 38 万元 10.0%，满 1 档，扣 2 分，得 18 分');
    const en = scorePlan(r, 'en-US').ops.find((o) => o.op === 'setFormula' && o.cell === 'P3');
    expect((en as { note: string }).note).toContain('Actual 41.8 万元, over the target 38 万元 by 10.0%: 1 whole step, −2, score 18.');
  });

  test('a mark saying 需人工评分 and why where a score needs review; the formula stays when only the actual is missing', () => {
    const ops = scorePlan(r, 'zh-CN').ops;
    const missing = r.projects[0].indicators.find((s) => s.actual === null)!;
    const bad = r.projects[0].indicators.find((s) => s.actual === '①④')!;
    expect(ops.filter((o) => 'cell' in o && o.cell === missing.cell).map((o) => o.op)).toEqual(['setFormula', 'mark']);
    expect(ops.filter((o) => 'cell' in o && o.cell === bad.cell).map((o) => o.op)).toEqual(['mark']);
    const mark = ops.find((o) => o.op === 'mark' && o.cell === bad.cell) as { note: string; severity: string };
    expect(mark.severity).toBe('warning');
    expect(mark.note).toMatch(/^\[jixiao\] 需人工评分：无法从「①④」读出已完成的项目编号/);
  });
});
