/**
 * The Office host on the fake Excel: check of a 1,000-row and a 10,000-row sheet (one read sync, one
 * write sync), clear restores every fill, font and note exactly, failures leave the workbook as it was.
 */
import { HostError } from '../../../src/hosts/workbook-host';
import { FakeExcel, findSheet, openWorkbook, saveWorkbook, cellAt, cloneWorkbook } from '../../../src/hosts/fake';
import { LEDGER_NAMESPACE, OfficeHost } from '../../../src/hosts/office';
import { parseA1 } from '../../../src/core/domain/a1';
import { MARK_FILLS, NOTE_TAG } from '../../../src/core/plan/conventions';
import { FINDINGS_SHEET_NAME, GENERATED_SHEET_MARKER } from '../../../src/core/check/i18n';
import { SHEET, checkPlanFor, decorate, diff, markOps, setup, state, tableSnapshot } from './helpers';

describe.each([1000, 10000])('check of a %i-row table', (rows) => {
  jest.setTimeout(120000);

  test('reads in one sync, writes in one sync, clear restores every cell exactly', async () => {
    const snapshot = tableSnapshot(rows);
    const { fake, host } = setup(snapshot);
    const plan0 = checkPlanFor(snapshot);
    const marks0 = markOps(plan0);
    expect(marks0.length).toBeGreaterThan(3);
    decorate(fake.workbook, marks0.map((m) => m.cell));
    const before = state(fake.workbook);

    // Read: one sync, the same snapshot the builder made.
    const read = await host.readWorkbook();
    expect(fake.syncLog).toHaveLength(1);
    expect(host.lastRun).toEqual({ op: 'read', syncs: 1, writeSyncs: 0 });
    expect(read.sheets).toHaveLength(1);
    expect(read.sheets[0].values).toEqual(snapshot.sheets[0].values);
    expect(read.sheets[0].merges).toEqual([...snapshot.sheets[0].merges].sort((a, b) => a.top - b.top || a.left - b.left));
    expect(fake.syncLog[0].responseBytes).toBeLessThan(5 * 1024 * 1024);

    // Apply: the writes go in one sync, with calculation suspended.
    const plan = checkPlanFor(read);
    expect(plan).toEqual(plan0);
    fake.resetStats();
    const report = await host.applyPlan(plan);
    const writing = fake.syncLog.filter((s) => s.writes > 0);
    expect(writing).toHaveLength(1);
    expect(writing[0].suspendedCalculation).toBe(true);
    expect(report.writeSyncs).toBe(1);
    expect(report.syncs).toBe(fake.syncLog.length);
    expect(report.marked).toBe(marks0.length);
    expect(report.sheetsAdded).toEqual([FINDINGS_SHEET_NAME]);
    expect(report.notes).toBe(true);

    // The marks: fill of the severity, the user's note kept before ours.
    const sheet = findSheet(fake.workbook, SHEET)!;
    for (const m of marks0) {
      const p = parseA1(m.cell);
      const c = cellAt(sheet, p.row, p.col)!;
      expect(c.fill).toEqual({ color: `#${MARK_FILLS[m.severity]}`, pattern: 'Solid', ...(c.fill?.patternColor ? { patternColor: c.fill.patternColor } : {}) });
      expect(c.note?.content.endsWith(m.note)).toBe(true);
    }
    const first = cellAt(sheet, parseA1(marks0[0].cell).row, parseA1(marks0[0].cell).col)!;
    expect(first.note?.content).toBe(`请财务科核对这个数 / check with finance\n\n${marks0[0].note}`);
    const results = findSheet(fake.workbook, FINDINGS_SHEET_NAME)!;
    expect(cellAt(results, 1, 1)?.value).toBe(GENERATED_SHEET_MARKER);
    expect(cellAt(results, 1, 1)?.note?.content.startsWith(NOTE_TAG)).toBe(true);
    expect(cellAt(results, 3, 4)?.hyperlink?.documentReference).toBe(`'${SHEET}'!${runLink(plan)}`);
    expect(fake.workbook.customXmlParts).toHaveLength(1);
    expect(fake.workbook.customXmlParts[0].xml).toContain(LEDGER_NAMESPACE);

    // Clear: every cell as it was, the findings sheet and the ledger gone.
    fake.resetStats();
    const cleared = await host.clearMarks();
    expect(cleared.cleared).toBe(marks0.length);
    expect(cleared.skipped).toBe(0);
    expect(cleared.sheetsRemoved).toEqual([FINDINGS_SHEET_NAME]);
    expect(fake.syncLog.filter((s) => s.writes > 0)).toHaveLength(1);
    const after = state(fake.workbook);
    expect(diff(before, after)).toEqual([]);
    expect(after).toEqual(before);
  });
});

/** The first finding's cell, as the 检查结果 sheet links it. */
function runLink(plan: ReturnType<typeof checkPlanFor>): string {
  const sheetOp = plan.ops.find((o) => o.op === 'addSheet');
  if (!sheetOp || sheetOp.op !== 'addSheet') return '';
  return String(sheetOp.rows[2][3].link?.cell ?? '');
}

describe('the ledger', () => {
  test('survives save, close and reopen: clear in a new session restores the original', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    decorate(fake.workbook, markOps(plan).map((m) => m.cell));
    const before = state(fake.workbook);
    await host.applyPlan(plan);

    const saved = saveWorkbook(fake.workbook);
    const reopened = new FakeExcel(openWorkbook(saved));
    expect(reopened.workbook.customXmlParts).toHaveLength(1);
    const host2 = new OfficeHost(reopened);
    const r = await host2.clearMarks();
    expect(r.cleared).toBe(markOps(plan).length);
    expect(diff(before, state(reopened.workbook))).toEqual([]);
    expect(state(reopened.workbook)).toEqual(before);
  });

  test('a second check keeps the first originals; replaceMarks restores the marks of fixed problems', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    const marks = markOps(plan);
    decorate(fake.workbook, marks.map((m) => m.cell));
    const before = state(fake.workbook);
    await host.applyPlan(plan);
    // The user fixes the first problem; the second check no longer marks that cell.
    const second = { ops: plan.ops.filter((o) => !(o.op === 'mark' && o.cell === marks[0].cell)) };
    const r = await host.applyPlan(second, { replaceMarks: true });
    expect(r.sheetsAdded).toEqual([FINDINGS_SHEET_NAME]);
    const sheet = findSheet(fake.workbook, SHEET)!;
    const p0 = parseA1(marks[0].cell);
    const c0 = cellAt(sheet, p0.row, p0.col)!;
    expect(c0.fill).toEqual({ color: '#FFFF00', pattern: 'Solid' });
    expect(c0.note?.content).toBe('请财务科核对这个数 / check with finance');
    // Marked again: the original is still the one from before the first check.
    const p2 = parseA1(marks[2].cell);
    expect(cellAt(sheet, p2.row, p2.col)?.note?.content).toBe(`多行批注\n第二行 & <特殊> "字符"\n\n${marks[2].note}`);
    // Only one findings sheet, replaced in place.
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([SHEET, FINDINGS_SHEET_NAME]);
    await host.clearMarks();
    expect(diff(before, state(fake.workbook))).toEqual([]);
    expect(state(fake.workbook)).toEqual(before);
  });

  test('a cell the user changed after the check is left alone by clear', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    const marks = markOps(plan);
    await host.applyPlan(plan);
    const sheet = findSheet(fake.workbook, SHEET)!;
    const p = parseA1(marks[0].cell);
    const c = cellAt(sheet, p.row, p.col)!;
    c.fill = { color: '#00B0F0', pattern: 'Solid' };
    c.note = { content: 'rewritten by the user', author: 'u' };
    const r = await host.clearMarks();
    expect(r.skipped).toBe(1);
    expect(r.cleared).toBe(marks.length - 1);
    expect(cellAt(sheet, p.row, p.col)?.fill).toEqual({ color: '#00B0F0', pattern: 'Solid' });
    expect(cellAt(sheet, p.row, p.col)?.note?.content).toBe('rewritten by the user');
  });
});

describe('failures leave the workbook as it was', () => {
  test('a failure in the middle of the write batch is rolled back', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    decorate(fake.workbook, markOps(plan).map((m) => m.cell));
    const before = state(fake.workbook);
    fake.injectFailure({ nextWriteSync: true, afterWrites: 17, code: 'GeneralException', message: 'Simulated failure' });
    const err = await host.applyPlan(plan).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('failed');
    expect((err as HostError).messages['zh-CN']).toContain('没有被改动');
    expect((err as HostError).messages['en-US']).toContain('not changed');
    // Excel applied the first 17 writes before failing: the host undid them.
    const failed = fake.syncLog.find((s) => s.failed);
    expect(failed?.writes).toBe(17);
    expect(diff(before, state(fake.workbook))).toEqual([]);
    expect(state(fake.workbook)).toEqual(before);
  });

  test.each([1, 5, 40, 80, 99])('failure after %i writes of a second check (findings sheet replaced) is rolled back', async (k) => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    decorate(fake.workbook, markOps(plan).map((m) => m.cell));
    await host.applyPlan(plan);
    const before = state(fake.workbook);
    fake.injectFailure({ nextWriteSync: true, afterWrites: k });
    const err = await host.applyPlan(plan, { replaceMarks: true }).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(fake.syncLog.find((s) => s.failed)?.writes).toBe(k);
    expect(diff(before, state(fake.workbook))).toEqual([]);
    expect(state(fake.workbook)).toEqual(before);
  });

  test('a write request Excel refuses as too large is sent again in smaller requests', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot, { payloadLimit: 22_000 });
    const plan = checkPlanFor(snapshot);
    decorate(fake.workbook, markOps(plan).map((m) => m.cell));
    const before = state(fake.workbook);
    const r = await host.applyPlan(plan);
    expect(fake.syncLog.some((s) => s.failed === 'RequestPayloadSizeLimitExceeded')).toBe(true);
    expect(r.writeSyncs).toBeGreaterThan(1);
    expect(fake.syncLog.filter((s) => !s.failed).every((s) => s.requestBytes <= 22_000)).toBe(true);
    await host.clearMarks();
    expect(state(fake.workbook)).toEqual(before);
  });

  test('a write sync rejected whole (before any action) needs no rollback', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    const before = state(fake.workbook);
    fake.injectFailure({ nextWriteSync: true });
    await expect(host.applyPlan(plan)).rejects.toBeInstanceOf(HostError);
    expect(state(fake.workbook)).toEqual(before);
  });

  test('a protected sheet: HostError with messages, nothing written', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    fake.setProtected(SHEET, true);
    const before = state(fake.workbook);
    const err = (await host.applyPlan(plan).catch((e) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('protected');
    expect(err.where?.sheet).toBe(SHEET);
    expect(err.messages['zh-CN']).toContain('受保护');
    expect(err.messages['zh-CN']).toContain(SHEET);
    expect(err.messages['en-US']).toContain('protected');
    expect(fake.syncLog.every((s) => s.writes === 0)).toBe(true);
    expect(state(fake.workbook)).toEqual(before);
    // Reading a protected sheet is fine.
    await expect(host.readWorkbook()).resolves.toBeDefined();
  });

  test('a protected workbook structure (no sheets can be added): HostError, nothing written', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    fake.workbook.structureProtected = true;
    const before = state(fake.workbook);
    const err = (await host.applyPlan(checkPlanFor(snapshot)).catch((e) => e)) as HostError;
    expect(err.code).toBe('protected');
    expect(err.messages['zh-CN']).toContain('工作簿的结构受保护');
    expect(state(fake.workbook)).toEqual(before);
  });

  test('clear on a sheet protected after the check: HostError, nothing written', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    await host.applyPlan(checkPlanFor(snapshot));
    fake.setProtected(SHEET, true);
    const before = state(fake.workbook);
    const err = (await host.clearMarks().catch((e) => e)) as HostError;
    expect(err.code).toBe('protected');
    expect(err.where?.sheet).toBe(SHEET);
    expect(state(fake.workbook)).toEqual(before);
    fake.setProtected(SHEET, false);
    await expect(host.clearMarks()).resolves.toMatchObject({ skipped: 0 });
  });

  test('cell-edit mode: HostError for read, apply and clear, nothing written', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    const before = state(fake.workbook);
    fake.editMode = true;
    for (const run of [() => host.readWorkbook(), () => host.applyPlan(plan), () => host.clearMarks(), () => host.select({ sheet: SHEET, cell: 'B7' })]) {
      const err = (await run().catch((e) => e)) as HostError;
      expect(err).toBeInstanceOf(HostError);
      expect(err.code).toBe('editMode');
      expect(err.messages['zh-CN']).toContain('编辑');
      expect(err.messages['en-US']).toContain('editing a cell');
    }
    expect(state(fake.workbook)).toEqual(before);
    fake.editMode = false;
    await expect(host.applyPlan(plan)).resolves.toMatchObject({ writeSyncs: 1 });
  });

  test('edit mode entered between the reads and the write: nothing written', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const plan = checkPlanFor(snapshot);
    const before = state(fake.workbook);
    fake.injectFailure({ nextWriteSync: true, code: 'InvalidOperationInCellEditMode' });
    const err = (await host.applyPlan(plan).catch((e) => e)) as HostError;
    expect(err.code).toBe('editMode');
    expect(state(fake.workbook)).toEqual(before);
  });

  test('an Excel without the needed API set: HostError unsupported, no request made', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot, { apiVersion: '1.12' });
    for (const run of [() => host.readWorkbook(), () => host.applyPlan(checkPlanFor(snapshot)), () => host.clearMarks()]) {
      const err = (await run().catch((e) => e)) as HostError;
      expect(err).toBeInstanceOf(HostError);
      expect(err.code).toBe('unsupported');
      expect(err.messages['zh-CN']).toContain('ExcelApi 1.13');
      expect(err.messages['en-US']).toContain('ExcelApi 1.13');
    }
    expect(fake.syncLog).toHaveLength(0);
  });

  test('an op this host does not know: HostError unsupported, nothing written', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot);
    const before = state(fake.workbook);
    const plan = { ops: [{ op: 'sparkle', sheet: SHEET } as unknown as ReturnType<typeof checkPlanFor>['ops'][number]] };
    const err = (await host.applyPlan(plan).catch((e) => e)) as HostError;
    expect(err.code).toBe('unsupported');
    expect(state(fake.workbook)).toEqual(before);
  });
});

describe('hosts without notes (below ExcelApi 1.18)', () => {
  test('marks are fills only, the findings sheet carries the messages, clear restores', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot, { notes: false });
    expect(host.capabilities).toEqual({ notes: false, ledger: 'customXml' });
    expect(fake.isSetSupported('ExcelApi', '1.18')).toBe(false);
    const plan = checkPlanFor(snapshot);
    const marks = markOps(plan);
    decorate(fake.workbook, marks.map((m) => m.cell));
    const before = state(fake.workbook);
    const r = await host.applyPlan(plan);
    expect(r.notes).toBe(false);
    expect(r.writeSyncs).toBe(1);
    const sheet = findSheet(fake.workbook, SHEET)!;
    const p = parseA1(marks[1].cell);
    expect(cellAt(sheet, p.row, p.col)?.fill?.color).toBe(`#${MARK_FILLS[marks[1].severity]}`);
    // No note of ours anywhere; the user's notes are untouched.
    for (const s of fake.workbook.sheets) for (const c of s.cells.values()) expect(c.note?.content.includes(NOTE_TAG) ?? false).toBe(false);
    const results = findSheet(fake.workbook, FINDINGS_SHEET_NAME)!;
    const messages = [...results.cells.values()].map((c) => c.value).filter((v) => typeof v === 'string') as string[];
    for (const m of marks) expect(messages.some((t) => m.note.includes(t) && t.length > 10)).toBe(true);
    await host.clearMarks();
    expect(state(fake.workbook)).toEqual(before);
  });

  test('the fake rejects notes calls with ApiNotFound (as an older Excel does)', async () => {
    const { fake } = setup(tableSnapshot(1000), { notes: false });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).notes.add('B7', 'x');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('reading past the request limit', () => {
  test('a sheet past the budget is read in row blocks, each within the limit', async () => {
    const snapshot = tableSnapshot(1000);
    const limit = 120_000;
    const { fake, host } = setup(snapshot, { payloadLimit: limit }, { budget: { payloadLimit: limit } });
    const read = await host.readWorkbook();
    expect(fake.syncLog.length).toBeGreaterThan(2);
    expect(fake.syncLog.every((s) => !s.failed && s.responseBytes <= limit)).toBe(true);
    expect(host.lastRun?.syncs).toBe(fake.syncLog.length);
    expect(read.sheets[0].values).toEqual(snapshot.sheets[0].values);
    expect(read.sheets[0].merges).toEqual([...snapshot.sheets[0].merges].sort((a, b) => a.top - b.top || a.left - b.left));
  });

  test('a sheet wider than guessed: the first read is refused, the host reads sizes first', async () => {
    const values: Array<Array<string | number | null>> = [];
    for (let r = 0; r < 400; r++) values.push(Array.from({ length: 60 }, (_, c) => (c % 7 === 0 ? r * 100 + c : `单元格${r}-${c}`)));
    const snapshot = { source: 'wide', sheets: [{ name: 'Wide', values, merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] }, { name: 'Second', values: [['x']], merges: [] }] };
    const limit = 200_000;
    const { fake, host } = setup(snapshot, { payloadLimit: limit }, { budget: { payloadLimit: limit } });
    const read = await host.readWorkbook();
    expect(fake.syncLog.some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(read.sheets.map((s) => s.name)).toEqual(['Wide', 'Second']);
    expect(read.sheets[0].values).toEqual(values);
    expect(read.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(read.sheets[1].values).toEqual([['x']]);
  });

  test('dates come as ISO text (as the .xlsx host gives them), formulas without "=", number formats of numbers', async () => {
    const snapshot = {
      source: 'd',
      sheets: [
        {
          name: 'D',
          values: [
            ['日期', 45292, 45292.5, 0.95, 'text'],
            ['x', 3, null, null, null],
          ],
          formulas: { B2: 'B1*2' },
          numberFormats: { B1: 'yyyy-mm-dd', C1: 'yyyy/m/d h:mm', D1: '0%', E1: '@' },
          merges: [],
        },
      ],
    };
    const { host } = setup(snapshot);
    const read = await host.readWorkbook();
    expect(read.sheets[0].values).toEqual([
      ['日期', '2024-01-01', '2024-01-01T12:00:00', 0.95, 'text'],
      ['x', 3],
    ]);
    expect(read.sheets[0].formulas).toEqual({ B2: 'B1*2' });
    expect(read.sheets[0].numberFormats).toEqual({ B1: 'yyyy-mm-dd', C1: 'yyyy/m/d h:mm', D1: '0%' });
  });

  test('responses larger than the host estimated: refused reads are retried in smaller blocks', async () => {
    const snapshot = tableSnapshot(1000);
    const { fake, host } = setup(snapshot, { payloadLimit: 90_000 });
    const read = await host.readWorkbook();
    expect(fake.syncLog.filter((s) => s.failed === 'ResponsePayloadSizeLimitExceeded').length).toBeGreaterThan(1);
    expect(fake.syncLog.filter((s) => !s.failed).every((s) => s.responseBytes <= 90_000)).toBe(true);
    expect(read.sheets[0].values).toEqual(snapshot.sheets[0].values);
    expect(read.sheets[0].merges).toEqual([...snapshot.sheets[0].merges].sort((a, b) => a.top - b.top || a.left - b.left));
  });

  test('several sheets: one sync each', async () => {
    const a = tableSnapshot(1000).sheets[0];
    const snapshot = { source: 's', sheets: [a, { ...a, name: '第二张' }, { name: '空表', values: [], merges: [] }] };
    const { fake, host } = setup(snapshot);
    const read = await host.readWorkbook();
    expect(fake.syncLog).toHaveLength(3);
    expect(read.sheets.map((s) => s.name)).toEqual([a.name, '第二张', '空表']);
    expect(read.sheets[2].values).toEqual([]);
    expect(read.sheets[1].values).toEqual(a.values);
  });
});

test('clone keeps the model independent (test helper sanity)', () => {
  const { fake } = setup(tableSnapshot(1000));
  const copy = cloneWorkbook(fake.workbook);
  expect(state(copy)).toEqual(state(fake.workbook));
});
