/** `jixiao clear`, a marked copy checked again, and output names that would collide: end to end, through the built bin. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jixiao, sha, SEED } from '../support/cli';
import { CheckReportSchema } from '../../src/core/check/report';
import { FINDINGS_SHEET_NAME } from '../../src/core/check/i18n';
import { writePlan } from '../../src/hosts/xlsx';
import { notesOf, sheetCells, sheetNames, unzip } from '../hosts/xlsx/sheetparts';

const S1 = '项目支出绩效目标表';
const S2 = '整体支出绩效目标表';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-clear-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const parts = async (file: string) => unzip(new Uint8Array(await fs.readFile(file)));

describe('jixiao clear', () => {
  test('gives back the input’s cells from a marked copy; the input is never written', async () => {
    const marked = path.join(tmp, 'marked.xlsx');
    expect((await jixiao(['check', SEED, '--out', marked])).code).toBe(1);
    const before = await sha(marked);
    const out = path.join(tmp, 'cleared.xlsx');
    const r = await jixiao(['clear', marked, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: '1', file: marked, output: out, sheetsRemoved: [FINDINGS_SHEET_NAME] });
    expect(doc.cleared).toBeGreaterThan(30);
    expect(await sha(marked)).toBe(before);
    const a = await parts(SEED);
    const c = await parts(out);
    expect(sheetNames(c)).toEqual([S1, S2]);
    for (const s of [S1, S2]) {
      expect(sheetCells(c, s)).toEqual(sheetCells(a, s));
      expect(notesOf(c, s).size).toBe(0);
    }
  });

  test('text output; --out over the input and an unreadable file exit 2', async () => {
    const marked = path.join(tmp, 'marked2.xlsx');
    await jixiao(['check', SEED, '--out', marked]);
    const r = await jixiao(['clear', marked, '--out', path.join(tmp, 'c2.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已删除 jixiao 添加的工作表：检查结果');
    const same = await jixiao(['clear', marked, '--out', marked]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('覆盖');
    const broken = path.join(tmp, 'broken.xlsx');
    await fs.writeFile(broken, 'not a workbook');
    const bad = await jixiao(['clear', broken, '--out', path.join(tmp, 'c3.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('broken.xlsx');
  });
});

describe('check --out of a marked copy', () => {
  test('a corrected cell loses its mark and note; the other notes do not stack', async () => {
    const m1 = path.join(tmp, 'm1.xlsx');
    await jixiao(['check', SEED, '--out', m1]);
    const corrected = path.join(tmp, 'm1-corrected.xlsx');
    await fs.writeFile(corrected, writePlan(new Uint8Array(await fs.readFile(m1)), { ops: [{ op: 'setValue', sheet: S1, cell: 'I6', value: '30万元' }] }));
    const m2 = path.join(tmp, 'm2.xlsx');
    await jixiao(['check', corrected, '--out', m2]);
    const n1 = notesOf(await parts(m1), S1);
    const n2 = notesOf(await parts(m2), S1);
    expect(n1.get('I6')).toContain('大于项目资金总额');
    expect(n2.get('I6') ?? '').not.toContain('大于项目资金总额');
    for (const [ref, note] of n2) expect({ ref, tags: note.split('[jixiao]').length - 1 }).toEqual({ ref, tags: 1 });
    expect(sheetNames(await parts(m2))).toEqual([S1, S2, FINDINGS_SHEET_NAME]);
  });
});

describe('output names never collide', () => {
  test('two inputs named t.xlsx in different folders get t.检查.xlsx and t (2).检查.xlsx', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    await fs.mkdir(a);
    await fs.mkdir(b);
    await fs.copyFile(SEED, path.join(a, 't.xlsx'));
    await fs.copyFile(SEED, path.join(b, 't.xlsx'));
    await fs.writeFile(path.join(b, 'T.xlsx'), await fs.readFile(SEED)).catch(() => undefined);
    const out = path.join(tmp, 'out');
    const r = await jixiao(['check', a, b, '--out', out, '--json']);
    const doc = CheckReportSchema.parse(JSON.parse(r.stdout));
    const outputs = doc.files.map((f) => f.output!);
    expect(new Set(outputs.map((o) => o.toLowerCase())).size).toBe(outputs.length);
    expect(outputs.map((o) => path.basename(o))).toEqual(expect.arrayContaining(['t.检查.xlsx', 't (2).检查.xlsx']));
    for (const o of outputs) expect((await fs.stat(o)).isFile()).toBe(true);

    const scored = path.join(tmp, 'scored');
    const s = await jixiao(['score', path.join(a, 't.xlsx'), path.join(b, 't.xlsx'), '--out', scored, '--json']);
    expect(JSON.parse(s.stdout).files.map((f: { output: string }) => path.basename(f.output))).toEqual(['t.评分.xlsx', 't (2).评分.xlsx']);
  });
});
