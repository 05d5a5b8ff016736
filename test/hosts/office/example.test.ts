/** The bundled example workbook through the Office host on the fake: the same snapshot as the .xlsx host reads, check and clear exact. */
import * as path from 'node:path';
import { readWorkbookFile } from '../../../src/hosts/xlsx/read';
import { checkPlanFor, decorate, markOps, setup, state } from './helpers';

test('examples/hengyang-2024.xlsx: read, check, clear', async () => {
  const snapshot = await readWorkbookFile(path.join(__dirname, '..', '..', '..', 'examples', 'hengyang-2024.xlsx'));
  const { fake, host } = setup(snapshot);
  const read = await host.readWorkbook();
  expect(fake.syncLog).toHaveLength(snapshot.sheets.length);
  expect(read.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
  read.sheets.forEach((s, i) => {
    const want = snapshot.sheets[i];
    // The .xlsx host keeps trailing empty cells of a row; values and merges are the same.
    const trim = (rows: unknown[][]) => rows.map((r) => { const x = [...r]; while (x.length && (x[x.length - 1] === null || x[x.length - 1] === undefined)) x.pop(); return x; });
    expect(trim(s.values)).toEqual(trim(want.values));
    expect(s.merges).toEqual([...want.merges].sort((a, b) => a.top - b.top || a.left - b.left));
    expect(s.formulas ?? {}).toEqual(want.formulas ?? {});
  });
  const plan = checkPlanFor(read);
  expect(plan).toEqual(checkPlanFor(snapshot));
  const marks = markOps(plan);
  expect(marks.length).toBeGreaterThan(0);
  const sheetName = marks[0].sheet;
  if (sheetName === snapshot.sheets[0].name) decorate(fake.workbook, marks.filter((m) => m.sheet === sheetName).map((m) => m.cell));
  const before = state(fake.workbook);
  const r = await host.applyPlan(plan);
  expect(r.writeSyncs).toBe(1);
  const c = await host.clearMarks();
  expect(c.skipped).toBe(0);
  expect(state(fake.workbook)).toEqual(before);
});
