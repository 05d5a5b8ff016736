/** The Office host with every kind of plan op: template rows (insertRows, merge), scoring (copyFormat, formulas), sheets, selection. */
import { HostError } from '../../../src/hosts/workbook-host';
import { cellAt, findSheet, planValues } from '../../../src/hosts/fake';
import { parseA1 } from '../../../src/core/domain/a1';
import type { WritePlan } from '../../../src/core/plan/ops';
import { FINDINGS_SHEET_NAME } from '../../../src/core/check/i18n';
import { createOpsContext, planInsertTemplate } from '../../../src/core/edit';
import { listTemplates } from '../../../src/core/edit/templates';
import { runScore, scorePlan } from '../../../src/core/score';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { SHEET, checkPlanFor, decorate, diff, markOps, setup, state, tableSnapshot } from './helpers';

function templatePlan(snapshot: ReturnType<typeof tableSnapshot>, project = '项目2'): WritePlan {
  const ctx = createOpsContext(snapshot, { profile: BUILTIN_PROFILES.hunan });
  const t = listTemplates(undefined, { subcategory: 'quantity' as never })[0];
  const r = planInsertTemplate(ctx, { project, subcategory: '数量指标', template: t.id });
  expect(r.refused).toEqual([]);
  return r.plan;
}

describe('template rows (insertRows, setValue, merge)', () => {
  test('rows go in with the formats of their source row, merges grow, marks below move and still clear exactly', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const check = checkPlanFor(snapshot);
    const marks = markOps(check);
    decorate(fake.workbook, marks.map((m) => m.cell));
    const sheet = findSheet(fake.workbook, SHEET)!;
    // The source row (15) has formats of its own; one of its cells is also marked by a check.
    cellAt(sheet, 16, 8, true).borders = { bottom: { style: 'Continuous', color: '#000000' } };
    cellAt(sheet, 16, 8, true).font = { bold: true, italic: true };
    cellAt(sheet, 16, 9, true).numberFormat = '0.0';
    sheet.rowHeights = { 16: 30, 40: 22 };
    await host.applyPlan({ ops: [...check.ops, { op: 'mark', sheet: SHEET, cell: 'J16', severity: 'warning', note: '[jixiao] test' }] });
    const beforeInsert = state(fake.workbook);

    const plan = templatePlan(snapshot);
    expect(plan.ops[0]).toMatchObject({ op: 'insertRows', at: 17, count: 1, formatFrom: 16 });
    fake.resetStats();
    const r = await host.applyPlan(plan);
    expect(r.rowsInserted).toBe(1);
    expect(r.writeSyncs).toBe(1);
    expect(fake.syncLog.filter((s) => s.writes > 0)).toHaveLength(1);

    // The new row: source formats (not the mark's fill), the template's values as text.
    expect(cellAt(sheet, 17, 8)?.borders).toEqual({ bottom: { style: 'Continuous' } });
    expect(cellAt(sheet, 17, 8)?.font).toEqual({ bold: true, italic: true });
    expect(cellAt(sheet, 17, 9)?.numberFormat).toBe('0.0');
    expect(sheet.rowHeights).toEqual({ 16: 30, 17: 30, 41: 22 });
    expect(cellAt(sheet, 17, 10)?.fill).toBeUndefined();
    expect(cellAt(sheet, 17, 8)?.value).toBe('年度任务完成率');
    expect(cellAt(sheet, 17, 9)?.value).toBe('100%');
    // Merges: the project's grew over the new row, the 二级's was merged by the plan.
    const g = plan.ops.find((o) => o.op === 'merge');
    expect(g).toMatchObject({ op: 'merge', range: 'G15:G17' });
    expect(sheet.merges).toContainEqual({ top: 15, left: 7, bottom: 17, right: 7 });
    const project = sheet.merges.find((m) => m.left === 2 && m.top <= 17 && m.bottom >= 17);
    expect(project && project.bottom - project.top).toBeGreaterThan(1);
    // The probe names are gone; the ledger follows the moved rows.
    expect(fake.workbook.names ?? []).toEqual([]);
    expect(fake.workbook.customXmlParts.map((p) => p.xml.includes('urn:jixiao:ledger:1'))).toEqual([true]);
    const moved = marks.filter((m) => parseA1(m.cell).row >= 17);
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved) {
      const p = parseA1(m.cell);
      expect(cellAt(sheet, p.row + 1, p.col)?.note?.content.endsWith(m.note)).toBe(true);
    }

    // Clear: every mark restored where its cell now is.
    const c = await host.clearMarks();
    expect(c.skipped).toBe(0);
    expect(c.cleared).toBe(marks.length + 1);
    void beforeInsert;
    for (const m of moved) {
      const p = parseA1(m.cell);
      expect(cellAt(sheet, p.row + 1, p.col)?.note?.content ?? '').not.toContain('[jixiao]');
      expect(cellAt(sheet, p.row + 1, p.col)?.fill?.color ?? 'none').not.toBe('#FFC7CE');
    }
    expect(cellAt(sheet, 16, 10)?.fill).toBeUndefined();
  });

  test('a failure at any point of the insert batch leaves the workbook as it was', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const check = checkPlanFor(snapshot);
    decorate(fake.workbook, markOps(check).map((m) => m.cell));
    findSheet(fake.workbook, SHEET)!.rowHeights = { 16: 30, 40: 22 };
    await host.applyPlan(check);
    const plan = templatePlan(snapshot);
    const before = state(fake.workbook);
    // How many writes the batch has.
    const probe = setup(snapshot);
    await probe.host.applyPlan(check);
    probe.fake.resetStats();
    await probe.host.applyPlan(plan);
    const writes = probe.fake.syncLog.find((s) => s.writes > 0)!.writes;
    expect(writes).toBeGreaterThan(8);
    for (let k = 0; k < writes; k++) {
      fake.injectFailure({ nextWriteSync: true, afterWrites: k });
      const err = await host.applyPlan(plan).catch((e) => e);
      expect(err).toBeInstanceOf(HostError);
      const d = diff(before, state(fake.workbook));
      if (d.length) throw new Error(`failure after ${k} writes left: ${d.join('\n')}`);
      expect(state(fake.workbook)).toEqual(before);
    }
    await expect(host.applyPlan(plan)).resolves.toMatchObject({ rowsInserted: 1 });
  });

  test('a merge the plan would cut is refused before anything is written', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const before = state(fake.workbook);
    const err = (await host.applyPlan({ ops: [{ op: 'setValue', sheet: SHEET, cell: 'H5', value: 'x' }, { op: 'merge', sheet: SHEET, range: 'A1:B1' }] }).catch((e) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.messages['en-US']).toContain('crosses the merged area A1:A2');
    expect(state(fake.workbook)).toEqual(before);
  });
});

describe('scoring (copyFormat, merge, setValue, setFormula, mark)', () => {
  test('added columns take their neighbour’s formats and widths; formulas and notes are written; clear keeps the scores', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const sheet = findSheet(fake.workbook, SHEET)!;
    sheet.columnWidths[14] = 80;
    for (let r = 1; r <= 30; r++) cellAt(sheet, r, 14, true).borders = { left: { style: 'Continuous' } };
    const read = await host.readWorkbook();
    const result = runScore(read, BUILTIN_PROFILES.hunan, { addActual: true });
    const plan = scorePlan(result, 'zh-CN');
    const kinds = new Set(plan.ops.map((o) => o.op));
    expect([...kinds].sort()).toEqual(['copyFormat', 'mark', 'merge', 'setFormula', 'setValue']);
    const before = state(fake.workbook);
    fake.setEvaluator(planValues(plan));
    fake.resetStats();
    const r = await host.applyPlan(plan);
    expect(r.writeSyncs).toBe(1);
    // A recalculation after the write (calculation was suspended while writing).
    expect(fake.syncLog[fake.syncLog.length - 1].writes).toBe(0);
    const added = result.addedColumns.map((c) => parseA1(`${c.letter}1`).col);
    expect(added).toEqual([15, 16]);
    for (const col of added) {
      expect(sheet.columnWidths[col]).toBe(80);
      expect(cellAt(sheet, 10, col)?.borders).toEqual({ left: { style: 'Continuous' } });
      expect(sheet.merges).toContainEqual({ top: 1, left: col, bottom: 2, right: col });
    }
    const formulas = plan.ops.filter((o) => o.op === 'setFormula');
    expect(formulas.length).toBeGreaterThan(900);
    for (const f of formulas.slice(0, 50)) {
      if (f.op !== 'setFormula') continue;
      const p = parseA1(f.cell);
      const c = cellAt(sheet, p.row, p.col)!;
      expect(c.formula).toBe(`=${f.formula}`);
      const norm = (v: unknown) => (v === '' || v === undefined ? null : v);
      expect(norm(c.value)).toEqual(norm(f.value));
      if (f.note) expect(c.note?.content).toBe(f.note);
    }
    // Clear removes marks and notes, not the scores.
    const c = await host.clearMarks();
    expect(c.skipped).toBe(0);
    const f0 = formulas[0];
    if (f0.op === 'setFormula') {
      const p = parseA1(f0.cell);
      expect(cellAt(sheet, p.row, p.col)?.formula).toBe(`=${f0.formula}`);
      expect(cellAt(sheet, p.row, p.col)?.note).toBeUndefined();
    }
    for (const s of fake.workbook.sheets) for (const cell of s.cells.values()) expect(cell.note?.content ?? '').not.toContain('[jixiao]');
    expect(state(fake.workbook)).not.toEqual(before);
  });

  test.each([0, 3, 9, 500, 2100])('a failure after %i writes of the scoring batch is rolled back', async (k) => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = scorePlan(runScore(await host.readWorkbook(), BUILTIN_PROFILES.hunan, { addActual: true }), 'zh-CN');
    const before = state(fake.workbook);
    fake.injectFailure({ nextWriteSync: true, afterWrites: k });
    const err = (await host.applyPlan(plan).catch((e) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.messages['en-US']).toContain('not changed');
    expect(diff(before, state(fake.workbook))).toEqual([]);
    expect(state(fake.workbook)).toEqual(before);
  });
});

test('a recalculate op calculates its sheet after the write (calculation was suspended while writing)', async () => {
  const snapshot = { source: 'r', sheets: [{ name: 'R', values: [[1, 2, 3]], formulas: { C1: 'A1+B1' }, merges: [] }] };
  const { fake, host } = setup(snapshot, { evaluate: (f) => (f === '=A1+B1' ? 3 : f === '=C1*2' ? 6 : undefined) });
  fake.workbook.sheets[0].cells.get(1 * 16384 + 2)!.value = 999; // a stale cached value
  fake.resetStats();
  await host.applyPlan({ ops: [{ op: 'setFormula', sheet: 'R', cell: 'D1', formula: 'C1*2', value: null }, { op: 'recalculate', sheet: 'R' }] });
  const s = findSheet(fake.workbook, 'R')!;
  expect(cellAt(s, 1, 4)).toMatchObject({ formula: '=C1*2', value: 6 });
  expect(cellAt(s, 1, 3)?.value).toBe(3);
  expect(fake.syncLog.filter((x) => x.writes > 0)).toHaveLength(1);
  expect(fake.syncLog[fake.syncLog.length - 1].writes).toBe(0);
  expect(fake.syncLog.some((x) => x.failed)).toBe(false);
});

describe('sheets, colours, values', () => {
  test('a user sheet named 检查结果 is kept: the findings go to 检查结果 (2), and clear removes only ours', async () => {
    const snapshot = tableSnapshot(1000);
    snapshot.sheets.push({ name: FINDINGS_SHEET_NAME, values: [['我自己的检查结果']], merges: [] });
    const { fake, host } = setup(snapshot);
    const before = state(fake.workbook);
    const r = await host.applyPlan(checkPlanFor(snapshot));
    expect(r.sheetsAdded).toEqual([`${FINDINGS_SHEET_NAME} (2)`]);
    const again = await host.applyPlan(checkPlanFor(snapshot), { replaceMarks: true });
    expect(again.sheetsAdded).toEqual([`${FINDINGS_SHEET_NAME} (2)`]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([SHEET, FINDINGS_SHEET_NAME, `${FINDINGS_SHEET_NAME} (2)`]);
    const c = await host.clearMarks();
    expect(c.sheetsRemoved).toEqual([`${FINDINGS_SHEET_NAME} (2)`]);
    expect(state(fake.workbook)).toEqual(before);
  });

  test('a mark on A1 of a user’s sheet does not make it look like a sheet jixiao added', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const before = state(fake.workbook);
    const plan = checkPlanFor(snapshot);
    await host.applyPlan({ ops: [{ op: 'mark', sheet: SHEET, cell: 'A1', severity: 'info', note: '[jixiao] 提示：A1' }, ...plan.ops] });
    await host.applyPlan(plan, { replaceMarks: true });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([SHEET, FINDINGS_SHEET_NAME]);
    const r = await host.clearMarks();
    expect(r.sheetsRemoved).toEqual([FINDINGS_SHEET_NAME]);
    expect(state(fake.workbook)).toEqual(before);
  });

  test('the pane’s mark colour (MarkOp.fill) is used, and cleared like the others', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const before = state(fake.workbook);
    await host.applyPlan({ ops: [{ op: 'mark', sheet: SHEET, cell: 'H5', severity: 'error', note: '[jixiao] x', fill: 'FF00FF' }] });
    expect(cellAt(findSheet(fake.workbook, SHEET)!, 5, 8)?.fill).toEqual({ color: '#FF00FF', pattern: 'Solid' });
    await host.clearMarks();
    expect(state(fake.workbook)).toEqual(before);
  });

  test('a mark on a merged cell goes on the merge’s top-left cell', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const sheet = findSheet(fake.workbook, SHEET)!;
    const m = sheet.merges.find((x) => x.bottom - x.top >= 3 && x.left === 2)!;
    await host.applyPlan({ ops: [{ op: 'mark', sheet: SHEET, cell: `B${m.top + 2}`, severity: 'warning', note: '[jixiao] merged' }] });
    expect(cellAt(sheet, m.top, 2)?.fill?.color).toBe('#FFEB9C');
    expect(cellAt(sheet, m.top + 2, 2)?.fill).toBeUndefined();
  });

  test('texts stay texts: leading zeros, percents, formulas-looking strings', async () => {
    const { fake, host } = setup(tableSnapshot(1000));
    const values = ['001', '95%', '=SUM(A1)', '-3', 'TRUE', '2024-1-1', ' plain '];
    await host.applyPlan({ ops: values.map((v, i) => ({ op: 'setValue' as const, sheet: SHEET, cell: `Z${i + 1}`, value: v })) });
    const sheet = findSheet(fake.workbook, SHEET)!;
    expect(values.map((_, i) => cellAt(sheet, i + 1, 26)?.value)).toEqual(values);
    expect(cellAt(sheet, 3, 26)?.formula).toBeUndefined();
  });
});

describe('selection', () => {
  test('select activates the sheet and selects the cell; getSelection reads it back', async () => {
    const snapshot = tableSnapshot(1000);
    snapshot.sheets.push({ name: '第二张', values: [['x']], merges: [] });
    const { fake, host } = setup(snapshot);
    await host.select({ sheet: '第二张', cell: 'C7' });
    expect(fake.workbook.activeSheet).toBe('第二张');
    expect(await host.getSelection()).toEqual({ sheet: '第二张', cell: 'C7' });
    await host.select({ sheet: SHEET, cell: 'i94' });
    expect(await host.getSelection()).toEqual({ sheet: SHEET, cell: 'I94' });
    expect(host.lastRun).toEqual({ op: 'selection', syncs: 1, writeSyncs: 0 });
  });

  test('a missing sheet or a bad address: HostError', async () => {
    const { host } = setup(tableSnapshot(1000));
    const e1 = (await host.select({ sheet: '没有这张表', cell: 'A1' }).catch((e) => e)) as HostError;
    expect(e1).toBeInstanceOf(HostError);
    expect(e1.messages['zh-CN']).toContain('没有这张表');
    const e2 = (await host.select({ sheet: SHEET, cell: 'not a cell' }).catch((e) => e)) as HostError;
    expect(e2).toBeInstanceOf(HostError);
  });
});
