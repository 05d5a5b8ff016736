/**
 * Rows inserted into a sheet whose rows hold formulas — a 得分 column filled down, 合计 totals under the
 * table, the department's fund summed over the projects, another sheet pointing into the table — keep
 * those formulas right. LibreOffice recalculates the written file (every cached result in the input is
 * poisoned with 999, so a right total can only come from a recalculation) and the totals must equal the
 * sums of the cells they cover.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildProjectSheet, cleanProject, type ProjectSpec } from '../fixtures/builder';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/snapshot';
import { toA1 } from '../../src/core/domain/a1';
import { readWorkbook } from '../../src/hosts/xlsx';
import { planInsertProject, planInsertTemplate } from '../../src/core/edit';
import { planFixes } from '../../src/core/edit/fixes';
import { describeWithLibreOffice, recalculate, sofficeForTests } from './recalc';
import { expectIntact, expectMergesMoved, mergeOverlaps, openWithPlainExcelJS, roundTrip, type RoundTrip } from '../core/edit/helpers';

const SHEET = '项目支出绩效目标表';
const SUMMARY = '汇总';
// Columns with extraColumns ['actual', 'weight', 'score'].
const D = 4;
const O = 15;
const P = 16;
const Q = 17;
const POISON = 999;

function weightOfRule(rule: string | undefined): number | null {
  const m = rule ? /该指标分值为(\d+)分/.exec(rule) : null;
  return m ? Number(m[1]) : null;
}

/** Three clean projects (p1 without 时效, p3 without its 成本 一级), weights, actuals, 得分 formulas, totals, a summary sheet. */
function workbook(): WorkbookSnapshot {
  const list: ProjectSpec[] = [cleanProject('公车管理', 40), cleanProject('公共机构节能', 17), cleanProject('周转房租赁', 76)];
  list[0].rows = list[0].rows.filter((r) => r.sub !== '时效指标');
  list[2].rows = list[2].rows.filter((r) => r.cat !== '成本指标');
  for (const p of list) p.rows = p.rows.map((r) => (r.name ? { ...r, weight: weightOfRule(r.rule) ?? undefined, actual: 1 } : r));
  const s = buildProjectSheet({ projects: list, department: { name: '某局', fund: POISON }, extraColumns: ['actual', 'weight', 'score'], sheet: SHEET });
  const formulas: Record<string, string> = {};
  const put = (row: number, col: number, v: CellValue) => {
    while (s.values.length < row) s.values.push([]);
    const line = s.values[row - 1];
    while (line.length < col) line.push(null);
    line[col - 1] = v;
  };
  const first = 4; // the department row is 3; projects start at 4
  const last = s.values.length;
  for (let r = first; r <= last; r++) {
    formulas[toA1(r, Q)] = `IF(${toA1(r, O)}="",0,${toA1(r, P)})`;
    put(r, Q, POISON);
  }
  const total = last + 1;
  put(total, 1, '合计');
  formulas[toA1(total, P)] = `SUM(${toA1(first, P)}:${toA1(last, P)})`;
  formulas[toA1(total, Q)] = `SUM(${toA1(first, Q)}:${toA1(last, Q)})`;
  put(total, P, POISON);
  put(total, Q, POISON);
  formulas[toA1(3, D)] = `SUM(${toA1(first, D)}:${toA1(last, D)})`;
  // p3's fund cell (its project starts after the first two) holds a formula: it moves up with the label.
  const p3Top = first + list[0].rows.length + list[1].rows.length;
  formulas[toA1(p3Top, D)] = '70+6';
  const sheet: SheetSnapshot = { ...s, formulas };
  const summary: SheetSnapshot = {
    name: SUMMARY,
    values: [
      ['分值合计', POISON],
      ['得分合计', POISON],
      ['周转房资金', POISON],
    ],
    merges: [],
    formulas: { B1: `'${SHEET}'!${toA1(total, P)}`, B2: `SUM('${SHEET}'!${toA1(first, Q)}:${toA1(last, Q)})`, B3: `'${SHEET}'!${toA1(p3Top, D)}` },
  };
  return { source: 'formulas', sheets: [sheet, summary] };
}

const soffice = sofficeForTests();
let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-ops-lo-'));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** The written file as LibreOffice recalculates it. */
async function recalculated(rt: RoundTrip, name: string): Promise<WorkbookSnapshot> {
  const input = path.join(tmp, `${name}.xlsx`);
  await fs.writeFile(input, rt.after.bytes);
  const out = await recalculate(soffice!, input, path.join(tmp, `${name}-lo`));
  return readWorkbook(await fs.readFile(out), out);
}

const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : 0);

/** Every total equals the sum of what it covers; every 得分 follows its row; the summary sheet follows the table. */
function expectTotalsRight(lo: WorkbookSnapshot, rt: RoundTrip): void {
  const sheet = lo.sheets.find((s) => s.name === SHEET)!;
  const v = sheet.values;
  const totalRow = v.findIndex((row) => row?.[0] === '合计') + 1;
  expect(totalRow).toBeGreaterThan(0);
  const table = rt.after.model.sheets.find((s) => s.sheet === SHEET)!.tables[0];
  const projects = table.projects;
  const first = projects[0].firstRow;
  const last = projects[projects.length - 1].lastRow;
  expect(last).toBe(totalRow - 1);
  let weights = 0;
  let scores = 0;
  let funds = 0;
  for (let r = first; r <= last; r++) {
    const row = v[r - 1] ?? [];
    weights += num(row[P - 1]);
    scores += num(row[Q - 1]);
    funds += num(row[D - 1]);
    // 得分 = 分值 where an actual is filled, else 0: on old rows and new ones alike.
    expect([r, num(row[Q - 1])]).toEqual([r, row[O - 1] === null || row[O - 1] === undefined || row[O - 1] === '' ? 0 : num(row[P - 1])]);
  }
  expect(v[totalRow - 1][P - 1]).toBe(weights);
  expect(v[totalRow - 1][Q - 1]).toBe(scores);
  expect(v[2][D - 1]).toBe(funds);
  expect(funds).toBe(projects.reduce((s, p) => s + (p.fund ?? 0), 0));
  const summary = lo.sheets.find((s) => s.name === SUMMARY)!.values;
  expect(summary[0][1]).toBe(weights);
  expect(summary[1][1]).toBe(scores);
  expect(summary[2][1]).toBe(76);
  // The formulas themselves cover exactly the table's rows.
  const f = rt.after.snapshot.sheets.find((s) => s.name === SHEET)!.formulas!;
  expect(f[toA1(totalRow, P)]).toBe(`SUM(P${first}:P${last})`);
  expect(f[toA1(3, D)]).toBe(`SUM(D${first}:D${last})`);
}

describeWithLibreOffice(soffice, 'formulas below and beside inserted rows, recalculated by LibreOffice', () => {
  let step1: RoundTrip;

  test('the input recalculates to the right totals (the check itself works)', async () => {
    const rt = await roundTrip(workbook(), () => ({ plan: { ops: [] }, done: [], refused: [], warnings: [], shifts: [], inserted: [] }));
    expectTotalsRight(await recalculated(rt, 'input'), rt);
  });

  test('fixes: 时效 inside project 1, 成本 一级 at the top of project 3 (its cells move up, the summary follows)', async () => {
    step1 = await roundTrip(workbook(), (ctx, before) => planFixes(ctx, before.findings, { only: ['required-output-subcategory', 'required-category'] }));
    expect(step1.result.refused).toEqual([]);
    expectIntact(step1, ['公车管理|完成时间', '周转房租赁|周转房租赁成本控制']);
    // The summary's reference to p3's fund follows the cell that moved up.
    const p3 = step1.after.model.sheets[0].tables[0].projects[2];
    expect(step1.after.snapshot.sheets[1].formulas!.B3).toBe(`'${SHEET}'!D${p3.firstRow}`);
    // The new rows carry the 得分 formula of their column.
    const f = step1.after.snapshot.sheets[0].formulas!;
    expect(f[toA1(p3.firstRow, Q)]).toBe(`IF(O${p3.firstRow}="",0,P${p3.firstRow})`);
    expect(f[toA1(p3.firstRow, D)]).toBe('70+6');
    expectMergesMoved(step1);
    expect(mergeOverlaps(step1.after.bytes)).toEqual([]);
    await openWithPlainExcelJS(step1.after.bytes);
    expectTotalsRight(await recalculated(step1, 'fixes'), step1);
  });

  test('a row after the table\'s last row: the totals under it take it in', async () => {
    const rt = await roundTrip(step1.after.bytes, (ctx) =>
      planInsertTemplate(ctx, { project: '周转房租赁', subcategory: 'serviceSatisfaction', template: 'satisfaction-step', values: { object: '干部' }, weight: 5 }),
    );
    expect(rt.result.refused).toEqual([]);
    expectIntact(rt, ['周转房租赁|干部满意度']);
    expectMergesMoved(rt);
    const lo = await recalculated(rt, 'last-row');
    expectTotalsRight(lo, rt);
  });

  test('a new project at the end: the department sum takes its fund in', async () => {
    const rt = await roundTrip(step1.after.bytes, (ctx) => planInsertProject(ctx, { name: '新项目', fund: 10, withIndicators: true }));
    expect(rt.result.refused).toEqual([]);
    expectIntact(rt, ['新项目成本控制', '年度任务完成率', '验收合格率', '完成时间', '社会效益', '服务对象满意度'].map((n) => `新项目|${n}`), ['新项目']);
    expectMergesMoved(rt);
    const lo = await recalculated(rt, 'new-project');
    expectTotalsRight(lo, rt);
    const sheet = lo.sheets.find((s) => s.name === SHEET)!;
    expect(sheet.values[2][D - 1]).toBe(40 + 17 + 76 + 10);
  });
});
