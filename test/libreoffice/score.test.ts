/**
 * The formulas in a scored copy, recalculated by LibreOffice (an independent spreadsheet engine): every
 * score cell, 预算执行率, 总分 and the grade must equal the engine's numbers. To be sure LibreOffice computed
 * them (rather than showing the cached values), a second copy is written with wrong cached values, and a
 * third with changed actual values (the scores must follow).
 * Skipped with a message when soffice is missing locally; CI installs LibreOffice, and there a missing
 * soffice fails the test.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScore, scorePlan, ScoreReportSchema, type ScoreReport, type ScoreResult } from '../../src/core/score';
import { BUILTIN_PROFILES } from '../../src/core/profile';
import type { PlanOp } from '../../src/core/plan/ops';
import { readWorkbookFile } from '../../src/hosts/xlsx/read';
import { applyPlanToXlsx } from '../../src/hosts/xlsx/write';
import type { WorkbookSnapshot } from '../../src/core/snapshot/snapshot';
import { parseA1 } from '../../src/core/domain/a1';
import { describeWithLibreOffice, recalculate, sofficeForTests } from './recalc';
import { casesWorkbook, CASES_SHEET } from '../core/score/workbook';
import { snapshotToXlsxWithFormats } from '../core/score/xlsx';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'jixiao.js');

const soffice = sofficeForTests();

/** Expected values of every cell scoring writes: sheet!A1 → number, text, or '' (empty). */
function expectations(result: ScoreResult): Map<string, number | string> {
  const out = new Map<string, number | string>();
  for (const p of result.projects) {
    for (const s of p.indicators) if (s.formula) out.set(`${p.sheet}!${s.cell}`, s.score ?? '');
    const b = p.budgetExecution;
    if (b?.formula) out.set(`${p.sheet}!${b.cell}`, b.score ?? '');
    if (p.totalCell) out.set(`${p.sheet}!${p.totalCell}`, p.total ?? '');
    if (p.gradeCell) out.set(`${p.sheet}!${p.gradeCell}`, p.grade ?? '');
  }
  return out;
}

function valueAt(wb: WorkbookSnapshot, key: string): unknown {
  const [sheet, a1] = key.split('!');
  const p = parseA1(a1);
  const v = wb.sheets.find((s) => s.name === sheet)?.values[p.row - 1]?.[p.col - 1];
  return v === undefined || v === null ? '' : v;
}

function compare(lo: WorkbookSnapshot, expected: Map<string, number | string>): string[] {
  const wrong: string[] = [];
  for (const [key, want] of expected) {
    const got = valueAt(lo, key);
    const ok = typeof want === 'number' ? typeof got === 'number' && Math.abs(got - want) < 1e-9 : got === want;
    if (!ok) wrong.push(`${key}: LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
  }
  return wrong;
}

describeWithLibreOffice(soffice, 'LibreOffice recalculation of a scored workbook', () => {
  let tmp: string;
  let input: string;
  let scored: string;
  let report: ScoreReport;
  let result: ScoreResult;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-lo-'));
    input = path.join(tmp, 'cases.xlsx');
    scored = path.join(tmp, 'cases.scored.xlsx');
    await fs.writeFile(input, await snapshotToXlsxWithFormats(casesWorkbook()));
    let stdout: string;
    try {
      ({ stdout } = await run(process.execPath, [BIN, 'score', input, '--out', scored, '--json'], { cwd: ROOT, maxBuffer: 64 << 20 }));
    } catch (e) {
      stdout = (e as { stdout: string }).stdout; // exit 1: some cases need review
    }
    report = ScoreReportSchema.parse(JSON.parse(stdout));
    result = runScore(await readWorkbookFile(input), BUILTIN_PROFILES.hunan);
  }, 120_000);
  afterAll(async () => {
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  test('the CLI and the engine agree on the cells to check', () => {
    const fromCli = report.files[0].projects.flatMap((p) => p.indicators.map((s) => [s.cell, s.score]));
    const fromEngine = result.projects.flatMap((p) => p.indicators.map((s) => [s.cell, s.score]));
    expect(fromCli).toEqual(fromEngine);
    expect(expectations(result).size).toBeGreaterThan(120);
    // The formula forms LibreOffice has to agree on are all here: grade words against an array
    // constant, prefixes by LEFT against one, and tier chains.
    const formulas = result.projects.flatMap((p) => p.indicators.map((s) => s.formula ?? ''));
    expect(formulas.some((f) => /OR\(TRIM\([A-Z]+\d+\)=\{"/.test(f))).toBe(true);
    expect(formulas.some((f) => /OR\(LEFT\(TRIM\([A-Z]+\d+\),4\)=\{"/.test(f))).toBe(true);
    expect(result.projects.some((p) => p.indicators.some((s) => s.method === 'tier' && s.formula !== null))).toBe(true);
  });

  test('every score cell of the CLI’s copy, recalculated, equals the engine’s number', async () => {
    const out = await recalculate(soffice!, scored, path.join(tmp, 'lo1'));
    expect(compare(await readWorkbookFile(out), expectations(result))).toEqual([]);
  }, 240_000);

  test('LibreOffice computes them itself: a copy with wrong cached values comes back right', async () => {
    const plan = scorePlan(result, 'zh-CN');
    const poisoned: PlanOp[] = plan.ops.map((op) => (op.op === 'setFormula' ? { ...op, value: -12345 } : op));
    const file = path.join(tmp, 'poisoned.xlsx');
    await fs.writeFile(file, await applyPlanToXlsx(await fs.readFile(input), { ops: poisoned }));
    const before = await readWorkbookFile(file);
    expect(valueAt(before, `${CASES_SHEET}!Q5`)).toBe(-12345);
    const out = await recalculate(soffice!, file, path.join(tmp, 'lo2'));
    expect(compare(await readWorkbookFile(out), expectations(result))).toEqual([]);
  }, 240_000);

  test('the formulas are live: changed actual values give the engine’s new scores', async () => {
    // Change every numeric actual value of the cases sheet (×1.1, and 0 → 1) in the scored copy.
    const scoredSnapshot = await readWorkbookFile(scored);
    const sheet = scoredSnapshot.sheets.find((s) => s.name === CASES_SHEET)!;
    const ops: PlanOp[] = [];
    const rows = result.projects.filter((p) => p.sheet === CASES_SHEET).flatMap((p) => p.indicators);
    for (const s of rows) {
      const p = parseA1(s.actualCell!);
      const v = sheet.values[p.row - 1]?.[p.col - 1];
      if (typeof v === 'number' && !sheet.numberFormats?.[s.actualCell!]?.match(/[ymd]/)) {
        const nv = v === 0 ? 1 : Math.round(v * 110) / 100;
        sheet.values[p.row - 1][p.col - 1] = nv;
        ops.push({ op: 'setValue', sheet: CASES_SHEET, cell: s.actualCell!, value: nv });
      }
    }
    expect(ops.length).toBeGreaterThan(50);
    const file = path.join(tmp, 'changed.xlsx');
    await fs.writeFile(file, await applyPlanToXlsx(await fs.readFile(scored), { ops }));
    const rescored = runScore(scoredSnapshot, BUILTIN_PROFILES.hunan);
    // Only the cells holding a formula from the first run can follow the change.
    const hadFormula = new Set(rows.filter((s) => s.formula).map((s) => `${CASES_SHEET}!${s.cell}`));
    const expected = new Map<string, number | string>();
    for (const p of rescored.projects.filter((q) => q.sheet === CASES_SHEET)) {
      for (const s of p.indicators) if (s.score !== null && hadFormula.has(`${CASES_SHEET}!${s.cell}`)) expected.set(`${CASES_SHEET}!${s.cell}`, s.score);
    }
    const changedScores = [...expected].filter(([k, v]) => v !== valueAt(scoredSnapshot, k));
    expect(changedScores.length).toBeGreaterThan(20);
    const out = await recalculate(soffice!, file, path.join(tmp, 'lo3'));
    expect(compare(await readWorkbookFile(out), expected)).toEqual([]);
  }, 240_000);
});
