/** `jixiao score` end to end, through the built bin (as `npx jixiao` runs it). */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jixiao, sha, SEED } from '../support/cli';
import { ScoreReportSchema, type ScoreReport } from '../../src/core/score';
import { readWorkbookFile } from '../../src/hosts/xlsx/read';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/snapshot';
import { parseA1 } from '../../src/core/domain/a1';
import { casesSheet, casesWorkbook, CASES_SHEET } from '../core/score/workbook';
import { snapshotToXlsxWithFormats } from '../core/score/xlsx';
import { standardSelfEval } from '../core/score/selfeval-builder';

/** Every cell of a snapshot (values, formulas, number formats) by sheet!A1, and its merges. */
function cellMap(wb: WorkbookSnapshot): { cells: Map<string, string>; merges: Set<string> } {
  const cells = new Map<string, string>();
  const merges = new Set<string>();
  for (const s of wb.sheets) {
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== '') cells.set(`${s.name}!${colLetters(c + 1)}${r + 1}`, `v=${JSON.stringify(v)}`);
      }),
    );
    for (const [a1, f] of Object.entries(s.formulas ?? {})) cells.set(`${s.name}!${a1}`, `${cells.get(`${s.name}!${a1}`) ?? ''} f=${f}`);
    for (const [a1, nf] of Object.entries(s.numberFormats ?? {})) cells.set(`${s.name}!${a1}`, `${cells.get(`${s.name}!${a1}`) ?? ''} nf=${nf}`);
    for (const m of s.merges) merges.add(`${s.name}!${m.top},${m.left}:${m.bottom},${m.right}`);
  }
  return { cells, merges };
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellOf(sheet: SheetSnapshot, a1: string): unknown {
  const p = parseA1(a1);
  return sheet.values[p.row - 1]?.[p.col - 1] ?? null;
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-score-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('jixiao score --json on every worked case and a 自评表', () => {
  let input: string;
  let out: string;
  let report: ScoreReport;
  let code: number;
  let inputHash: string;
  beforeAll(async () => {
    input = path.join(tmp, 'cases.xlsx');
    out = path.join(tmp, 'cases.scored.xlsx');
    await fs.writeFile(input, await snapshotToXlsxWithFormats(casesWorkbook()));
    inputHash = await sha(input);
    const r = await jixiao(['score', input, '--out', out, '--json']);
    code = r.code;
    report = ScoreReportSchema.parse(JSON.parse(r.stdout));
  });

  test('exits 1: some scores need review', () => {
    expect(code).toBe(1);
    expect(report.files[0].summary.needsReview).toBeGreaterThan(0);
  });

  test('the JSON matches the schema and holds every case’s worked number', () => {
    expect(report.version).toBe('1');
    const f = report.files[0];
    expect(f.output).toBe(out);
    const { cases } = casesSheet();
    const inds = f.projects.filter((p) => p.sheet === CASES_SHEET).flatMap((p) => p.indicators);
    expect(inds.map((s) => s.score)).toEqual(cases.map((c) => c.score));
    const se = f.projects.find((p) => p.layout === 'selfEvaluation')!;
    expect([se.name, se.total, se.grade, se.totalCell, se.budgetExecution?.score]).toEqual(['公共机构节能专项经费', 94, '优', 'H21', 9.5]);
    const first = inds[2];
    expect(first).toMatchObject({ indicator: '指标3', cell: 'Q5', actualCell: 'O5', score: 18, weight: 20, method: 'step', needsReview: false });
    expect(first.explanation['zh-CN']).toContain('实际 41.8 万元，超出目标 38 万元 10.0%，满 1 档，扣 2 分，得 18 分');
  });

  test('never writes the input', async () => {
    expect(await sha(input)).toBe(inputHash);
  });

  test('the scored copy holds each formula with its cached value', async () => {
    const after = await readWorkbookFile(out);
    const f = report.files[0];
    for (const p of f.projects) {
      const sheet = after.sheets.find((s) => s.name === p.sheet)!;
      for (const s of p.indicators) {
        if (s.formula) expect(sheet.formulas?.[s.cell]).toBe(s.formula);
        const v = cellOf(sheet, s.cell);
        if (s.score !== null) expect(v).toBe(s.score);
        else expect(v === null || v === '').toBe(true);
      }
    }
    const se = after.sheets.find((s) => s.name === '项目支出绩效自评表')!;
    expect([cellOf(se, 'H21'), cellOf(se, 'G22'), cellOf(se, 'I6')]).toEqual([94, '优', 9.5]);
  });

  test('every cell except the 得分 cells is unchanged', async () => {
    const before = cellMap(await readWorkbookFile(input));
    const after = cellMap(await readWorkbookFile(out));
    const f = report.files[0];
    const written = new Set<string>();
    for (const p of f.projects) {
      for (const s of p.indicators) written.add(`${p.sheet}!${s.cell}`);
      if (p.totalCell) written.add(`${p.sheet}!${p.totalCell}`);
      if (p.budgetExecution) written.add(`${p.sheet}!${p.budgetExecution.cell}`);
    }
    written.add('项目支出绩效自评表!G22'); // the grade
    const keys = new Set([...before.cells.keys(), ...after.cells.keys()]);
    const changed = [...keys].filter((k) => !written.has(k) && before.cells.get(k) !== after.cells.get(k));
    expect(changed).toEqual([]);
    expect([...after.merges].sort()).toEqual([...before.merges].sort());
  });

  test('text output in English, grouped by file and project', async () => {
    const r = await jixiao(['score', input, '--out', path.join(tmp, 'en.xlsx'), '--lang', 'en-US']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('项目支出绩效自评表 › 公共机构节能专项经费  total 94 (优)');
    expect(r.stdout).toContain('⚠ needs review');
    expect(r.stdout).toContain('Actual 41.8 万元, over the target 38 万元 by 10.0%: 1 whole step, −2, score 18.');
    expect(r.stdout).toMatch(/Total: \d+ indicator\(s\), \d+ scored, \d+ need review/);
  });
});

describe('exit codes', () => {
  test('0 when everything is scored', async () => {
    const input = path.join(tmp, 'clean.xlsx');
    await fs.writeFile(input, await snapshotToXlsxWithFormats({ source: 'x', sheets: [standardSelfEval().sheet] }));
    const r = await jixiao(['score', input, '--out', path.join(tmp, 'out-dir') + path.sep]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('总分 94（优）');
    await expect(fs.access(path.join(tmp, 'out-dir', 'clean.评分.xlsx'))).resolves.toBeUndefined();
  });

  test('2 for a file that is not a workbook', async () => {
    const bad = path.join(tmp, 'bad.xlsx');
    await fs.writeFile(bad, 'not a workbook');
    const r = await jixiao(['score', bad, '--out', path.join(tmp, 'bad.out.xlsx'), '--json']);
    expect(r.code).toBe(2);
    const doc = ScoreReportSchema.parse(JSON.parse(r.stdout));
    expect(doc.files[0].error).toContain('不是 Excel 工作簿');
  });

  test('2 without --out, and --out may not be the input', async () => {
    expect((await jixiao(['score', SEED])).code).toBe(2);
    const input = path.join(tmp, 'self.xlsx');
    await fs.copyFile(SEED, input);
    const r = await jixiao(['score', input, '--out', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });
});

describe('the seed (a target table with no 实际完成值 column)', () => {
  test('without --add-actual: the table is reported, exit 1', async () => {
    const r = await jixiao(['score', SEED, '--out', path.join(tmp, 'seed.xlsx'), '--json']);
    expect(r.code).toBe(1);
    const doc = ScoreReportSchema.parse(JSON.parse(r.stdout));
    expect(doc.files[0].findings.map((f) => f.id)).toEqual(['score-no-actual-column', 'score-no-actual-column']);
    expect(doc.files[0].projects).toEqual([]);
  });

  test('--add-actual adds 实际完成值 and 得分 with formulas that wait for the values', async () => {
    const out = path.join(tmp, 'seed-actual.xlsx');
    const r = await jixiao(['score', SEED, '--out', out, '--add-actual', '--json']);
    expect(r.code).toBe(1);
    const f = ScoreReportSchema.parse(JSON.parse(r.stdout)).files[0];
    expect(f.addedColumns).toEqual([
      { sheet: '项目支出绩效目标表', role: 'actual', column: 'O' },
      { sheet: '项目支出绩效目标表', role: 'score', column: 'P' },
      { sheet: '整体支出绩效目标表', role: 'actual', column: 'S' },
      { sheet: '整体支出绩效目标表', role: 'score', column: 'T' },
    ]);
    const inds = f.projects.flatMap((p) => p.indicators);
    expect(inds.length).toBe(37);
    expect(inds.every((s) => s.score === null && s.needsReview)).toBe(true);
    // The 公车管理 threshold row (its formula awards at most 10 of the stated 20) gets its formula all the same.
    const car = inds.find((s) => s.indicator === '公车管理' && s.sheet === '项目支出绩效目标表')!;
    expect(car.method).toBe('threshold');
    expect(car.formula).toContain('MIN(10,');
    const after = await readWorkbookFile(out);
    const sheet = after.sheets[0];
    expect([cellOf(sheet, 'O3'), cellOf(sheet, 'P3')]).toEqual(['实际完成值', '得分']);
    expect(sheet.merges).toEqual(expect.arrayContaining([{ top: 3, left: 15, bottom: 4, right: 15 }, { top: 3, left: 16, bottom: 4, right: 16 }]));
  });
});
