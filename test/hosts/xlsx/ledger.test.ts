/**
 * Marks a later run understands: the .xlsx host keeps the add-in's ledger of marks in the workbook, so a
 * marked copy checked (or scored) again shows no stale mark and no stacked note, `clear` gives back the
 * input's cells, a user's note survives all of it, and either host clears the other's marks.
 */
import * as fs from 'fs';
import * as ExcelJS from 'exceljs';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { clearXlsx, readWorkbook, writePlan } from '../../../src/hosts/xlsx';
import { runCheck, checkPlan } from '../../../src/core/check/engine';
import { runScore, scorePlan } from '../../../src/core/score';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { LEDGER_NAMESPACE, ledgerFromXml } from '../../../src/core/plan/ledger';
import { type WritePlan } from '../../../src/core/plan/ops';
import { NOTE_TAG } from '../../../src/core/plan/conventions';
import { FINDINGS_SHEET_NAME } from '../../../src/core/check/i18n';
import { SEED } from '../../support/seed';
import { cellXfs, children, parseXml, text } from './xmlparts';
import { fillOf, formatWithoutFill, notesOf, sheetCells, sheetNames, unzip, type Parts } from './sheetparts';

const S1 = '项目支出绩效目标表';
const S2 = '整体支出绩效目标表';
const seed = new Uint8Array(fs.readFileSync(SEED));

async function check(bytes: Uint8Array): Promise<Uint8Array> {
  const result = runCheck(await readWorkbook(bytes, 'in'), BUILTIN_PROFILES.hunan);
  return writePlan(bytes, checkPlan(result, 'zh-CN'), { replaceMarks: true });
}

async function findingCells(bytes: Uint8Array, sheet: string): Promise<Set<string>> {
  const result = runCheck(await readWorkbook(bytes, 'in'), BUILTIN_PROFILES.hunan);
  return new Set(checkPlan(result, 'zh-CN').ops.flatMap((op) => (op.op === 'mark' && op.sheet === sheet ? [op.cell] : [])));
}

const tags = (s: string | undefined) => (s ?? '').split(NOTE_TAG).length - 1;

/** The ledger parts of a package, as the add-in finds them (by namespace). */
function ledgerXml(parts: Parts): string[] {
  return Object.keys(parts)
    .filter((p) => /^customXml\/item\d+\.xml$/.test(p))
    .map((p) => text(parts, p))
    .filter((x) => x.includes(LEDGER_NAMESPACE));
}

describe('a marked copy checked again', () => {
  let m1: Uint8Array;
  let m2: Uint8Array;
  let corrected: Uint8Array;
  beforeAll(async () => {
    m1 = await check(seed);
    // The user corrects I6 (57.6万元 → 30万元, under the 40万元 fund) in the marked copy and checks it again.
    corrected = writePlan(m1, { ops: [{ op: 'setValue', sheet: S1, cell: 'I6', value: '30万元' }] });
    m2 = await check(corrected);
  });

  test('re-checking a corrected marked copy leaves no stale mark', async () => {
    const a = unzip(seed);
    const b = unzip(m2);
    const before = sheetCells(a, S1);
    const after = sheetCells(b, S1);
    const notes = notesOf(b, S1);
    const marked = await findingCells(corrected, S1);
    expect(notesOf(unzip(m1), S1).get('I6')).toContain('57.6万元大于');
    expect(notes.get('I6') ?? '').not.toContain('57.6');
    for (const [ref, cell] of before) {
      if (ref === 'I6' || marked.has(ref)) continue;
      // Not marked now: the format it had before any check, and no note.
      expect({ ref, s: after.get(ref)?.s }).toEqual({ ref, s: cell.s });
      expect({ ref, note: notes.get(ref) }).toEqual({ ref, note: undefined });
    }
    for (const ref of marked) expect({ ref, tags: tags(notes.get(ref)) }).toEqual({ ref, tags: 1 });
    expect(sheetNames(b)).toEqual([S1, S2, FINDINGS_SHEET_NAME]);
  });

  test('checking it once more changes nothing: notes never stack, formats do not pile up', async () => {
    const m3 = await check(m2);
    const b = unzip(m2);
    const c = unzip(m3);
    for (const s of [S1, S2]) {
      expect(notesOf(c, s)).toEqual(notesOf(b, s));
      expect(sheetCells(c, s)).toEqual(sheetCells(b, s));
    }
    expect(cellXfs(parseXml(text(c, 'xl/styles.xml'))).length).toBe(cellXfs(parseXml(text(unzip(m1), 'xl/styles.xml'))).length);
    expect(ledgerXml(c)).toHaveLength(1);
  });

  test('clear gives back cells equal to the input’s, and removes the sheet and the ledger', () => {
    const { bytes, report } = clearXlsx(m2);
    // The input with the user's correction, never marked.
    const a = unzip(writePlan(seed, { ops: [{ op: 'setValue', sheet: S1, cell: 'I6', value: '30万元' }] }));
    const c = unzip(bytes);
    expect(sheetNames(c)).toEqual([S1, S2]);
    for (const s of [S1, S2]) {
      expect(sheetCells(c, s)).toEqual(sheetCells(a, s));
      expect(notesOf(c, s).size).toBe(0);
    }
    expect(ledgerXml(c)).toEqual([]);
    expect(Object.keys(c).filter((p) => /comments|vmlDrawing|customXml/.test(p))).toEqual([]);
    expect(report.sheetsRemoved).toEqual([FINDINGS_SHEET_NAME]);
    expect(report.cleared).toBeGreaterThan(30);
  });
});

describe("a user's note on a marked cell", () => {
  let input: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(seed) as unknown as ExcelJS.Buffer);
    wb.getWorksheet(S1)!.getCell('I6').note = '张三：请核实成本';
    wb.getWorksheet(S1)!.getCell('B3').note = { texts: [{ font: { bold: true }, text: '李四:' }, { text: ' 表头' }] };
    input = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  test('survives check, re-check and clear', async () => {
    const m1 = await check(input);
    const n1 = notesOf(unzip(m1), S1);
    expect(n1.get('I6')).toMatch(/^张三：请核实成本\n\n\[jixiao\] 错误：/);
    expect(n1.get('B3')).toBe('李四: 表头');
    const m2 = await check(m1);
    expect(notesOf(unzip(m2), S1).get('I6')).toBe(n1.get('I6'));
    const c = unzip(clearXlsx(m2).bytes);
    const a = unzip(input);
    const n = notesOf(c, S1);
    expect(n.get('I6')).toBe('张三：请核实成本');
    expect(n.get('B3')).toBe('李四: 表头');
    expect([...n.keys()].sort()).toEqual(['B3', 'I6']);
    expect(sheetCells(c, S1)).toEqual(sheetCells(a, S1));
  });
});

describe('one ledger for both hosts', () => {
  test('the CLI writes the add-in’s ledger: a custom XML part of its namespace, related from the workbook', async () => {
    const p = unzip(await check(seed));
    const parts = ledgerXml(p);
    expect(parts).toHaveLength(1);
    const rels = parseXml(text(p, 'xl/_rels/workbook.xml.rels'));
    expect(children(rels, 'Relationship').some((r) => r.attrs.Type.endsWith('/customXml') && r.attrs.Target.includes('customXml/item'))).toBe(true);
    const ledger = ledgerFromXml(parts[0]);
    expect(ledger.sheets).toEqual([FINDINGS_SHEET_NAME]);
    const i6 = ledger.cells.find((c) => c.sheet === S1 && c.ref === 'I6')!;
    expect(i6).toMatchObject({ mark: '#FFC7CE', touched: ['fill', 'note'], was: { fill: { pattern: 'None' }, note: null } });
    expect(i6.xf).toBe(Number(sheetCells(unzip(seed), S1).get('I6')!.s));
    expect(i6.oursLength).toBe(notesOf(p, S1).get('I6')!.length);
  });

  test('a workbook the add-in marked (a ledger without cell formats) clears here', async () => {
    const p = unzip(await check(seed));
    // The add-in records fills and notes, not .xlsx cell formats: take them out.
    const out: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(p)) out[name] = /^customXml\/item\d+\.xml$/.test(name) ? strToU8(strFromU8(data).replace(/ x="\d+"/g, '')) : data;
    const c = unzip(clearXlsx(zipSync(out)).bytes);
    const a = unzip(seed);
    const before = sheetCells(a, S1);
    const after = sheetCells(c, S1);
    for (const ref of ['I6', 'K9', 'M16']) {
      expect(fillOf(c, after.get(ref))).toBe(fillOf(a, before.get(ref)));
      expect(formatWithoutFill(c, after.get(ref))).toBe(formatWithoutFill(a, before.get(ref)));
    }
    expect(notesOf(c, S1).size).toBe(0);
  });

  test('a mark the user recoloured since is left as it is', async () => {
    const m1 = await check(seed);
    // The user gives I6 the format of another cell (as Excel's format painter would).
    const painted = writePlan(m1, { ops: [{ op: 'copyFormat', sheet: S1, from: 'A1', to: 'I6' }] });
    const { bytes, report } = clearXlsx(painted);
    expect(sheetCells(unzip(bytes), S1).get('I6')!.s).toBe(sheetCells(unzip(seed), S1).get('A1')!.s);
    expect(report.cleared).toBeGreaterThan(0);
  });
});

describe('a scored copy scored again', () => {
  test('after the actual values are filled in, the 得分 notes are the new ones only', async () => {
    const first = runScore(await readWorkbook(seed, 'in'), BUILTIN_PROFILES.hunan, { addActual: true });
    const s1 = writePlan(seed, scorePlan(first, 'zh-CN'), { replaceMarks: true });
    const snap = await readWorkbook(s1, 's1');
    const again = runScore(snap, BUILTIN_PROFILES.hunan);
    const rows = again.projects.flatMap((p) => p.indicators).filter((s) => s.actualCell && typeof s.indicator === 'string');
    expect(rows.length).toBeGreaterThan(5);
    const n1 = notesOf(unzip(s1), S1);
    expect(rows.some((r) => tags(n1.get(r.cell)) === 1)).toBe(true);
    // Fill in every actual value: each indicator gets scored or a new reason.
    const fill: WritePlan = { ops: rows.map((s) => ({ op: 'setValue', sheet: s.sheet, cell: s.actualCell!, value: '达成' })) };
    const filled = writePlan(s1, fill);
    const second = runScore(await readWorkbook(filled, 'filled'), BUILTIN_PROFILES.hunan);
    const s2 = writePlan(filled, scorePlan(second, 'zh-CN'), { replaceMarks: true });
    const n2 = notesOf(unzip(s2), S1);
    let changed = 0;
    for (const s of rows) {
      const before = n1.get(s.cell);
      const after = n2.get(s.cell) ?? '';
      expect({ cell: s.cell, tags: tags(after) <= 1 }).toEqual({ cell: s.cell, tags: true });
      if (before && after !== before) {
        changed++;
        expect(after).not.toContain(before);
      }
    }
    expect(changed).toBeGreaterThan(0);
  });
});
