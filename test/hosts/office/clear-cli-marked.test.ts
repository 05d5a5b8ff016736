/**
 * One ledger for both hosts: a copy `jixiao check --out` marked, opened in Excel (the fake, loaded from the .xlsx as
 * the preview does), is cleared by the add-in's 清除标记 back to the cells of the original workbook.
 */
import { promises as fs } from 'node:fs';
import { SEED } from '../../support/seed';
import { readWorkbook, applyPlanToXlsx } from '../../../src/hosts/xlsx';
import { runCheck, checkPlan } from '../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { loadXlsx } from '../../../src/preview/xlsx-load';
import { FakeExcel } from '../../../src/hosts/fake';
import { LEDGER_NAMESPACE, OfficeHost } from '../../../src/hosts/office';
import { FINDINGS_SHEET_NAME } from '../../../src/core/check/i18n';
import { diff, state } from './helpers';

const buffer = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

test('the add-in clears a CLI-marked copy back to the original cells', async () => {
  const original = new Uint8Array(await fs.readFile(SEED));
  const snapshot = await readWorkbook(original, 'seed.xlsx');
  const plan = checkPlan(runCheck(snapshot, BUILTIN_PROFILES.hunan), 'zh-CN');
  const marked = await applyPlanToXlsx(original, plan);

  const before = (await loadXlsx(buffer(original))).workbook;
  const opened = (await loadXlsx(buffer(marked))).workbook;
  expect(opened.customXmlParts.some((p) => p.xml.includes(LEDGER_NAMESPACE))).toBe(true);
  expect(opened.sheets.map((s) => s.name)).toContain(FINDINGS_SHEET_NAME);

  const host = new OfficeHost(new FakeExcel(opened));
  const r = await host.clearMarks();
  expect(r.cleared).toBe(plan.ops.filter((o) => o.op === 'mark').length);
  expect(r.skipped).toBe(0);
  expect(r.sheetsRemoved).toEqual([FINDINGS_SHEET_NAME]);
  const sheets = (w: typeof before) => (state(w) as { sheets: unknown[] }).sheets;
  expect(diff({ sheets: sheets(before) }, { sheets: sheets(opened) })).toEqual([]);
  expect(sheets(opened)).toEqual(sheets(before));
});
