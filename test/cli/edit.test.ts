/** `jixiao fix`, `jixiao insert` and `jixiao templates` end to end, through the built bin (as `npx jixiao` runs them). */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jixiao, sha, SEED, ROOT } from '../support/cli';
import { readWorkbookFile } from '../../src/hosts/xlsx/read';
import { readWorkbookModel } from '../../src/core/layout/read';
import { buildProjectSheet, cleanProject } from '../fixtures/builder';
import { snapshotToXlsx } from '../fixtures/xlsx';
import { indicatorRows } from '../core/edit/helpers';
import { rangeToA1 } from '../../src/core/domain/a1';

const exists = async (p: string) =>
  fs
    .access(p)
    .then(() => true)
    .catch(() => false);

let tmp: string;
let seedSha: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-ops-cli-'));
  seedSha = await sha(SEED);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
  // The input is never modified.
  expect(await sha(SEED)).toBe(seedSha);
});

describe('jixiao templates', () => {
  test('--json lists every template with its example and params', async () => {
    const r = await jixiao(['templates', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe('1');
    expect(doc.templates.length).toBeGreaterThanOrEqual(22);
    expect(doc.templates.find((t: { id: string }) => t.id === 'cost-control')).toMatchObject({ default: true, subcategories: ['economicCost', 'cost'], family: 'step' });
  });

  test('text, one 二级, English', async () => {
    const r = await jixiao(['templates', '--under', '满意度', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('satisfaction-tiers (default)');
    expect(r.stdout).not.toContain('cost-control');
  });

  test("a user's file extends the library; a bad one is a usage error (exit 2)", async () => {
    const mine = path.join(tmp, 'mine.json');
    const lib = JSON.parse(await fs.readFile(path.join(ROOT, 'templates', 'indicators.json'), 'utf8'));
    const t = { ...lib.templates.find((x: { id: string }) => x.id === 'count-reach'), id: 'vehicle-count', default: false };
    await fs.writeFile(mine, JSON.stringify({ version: 1, templates: [t] }));
    const r = await jixiao(['templates', '--json', '--templates', mine]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).templates.map((x: { id: string }) => x.id)).toContain('vehicle-count');
    await fs.writeFile(mine, JSON.stringify({ version: 1, templates: [{ ...t, rule: '酌情计分' }] }));
    const bad = await jixiao(['templates', '--templates', mine]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('vehicle-count');
  });
});

describe('jixiao fix', () => {
  test('the seed: safe fixes by default, a report of what was done, the re-check; exit 0', async () => {
    const out = path.join(tmp, 'seed.fixed.xlsx');
    const r = await jixiao(['fix', SEED, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: '1', file: SEED, output: out, profile: 'hunan', lang: 'zh-CN' });
    const byStatus = (s: string) => doc.fixes.filter((f: { status: string }) => f.status === s).map((f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`);
    expect(byStatus('applied')).toEqual(['value-in-unit-column@P9', 'value-in-unit-column@P11', 'value-in-unit-column@P12', 'value-in-unit-column@P22']);
    expect(doc.fixes.filter((f: { status: string }) => f.status === 'applied').every((f: { resolved: boolean }) => f.resolved)).toBe(true);
    expect(byStatus('skipped')).toHaveLength(3);
    expect(doc.after.errors).toBe(doc.before.errors - 4);
    const model = readWorkbookModel(await readWorkbookFile(out));
    expect(indicatorRows(model).find((x) => x.name === '产权证管理')).toMatchObject({ target: '1577', unit: '个' });
  });

  test('--only by fix id applies the unsafe ones asked for (text report)', async () => {
    const out = path.join(tmp, 'seed.dir.xlsx');
    const r = await jixiao(['fix', SEED, '--out', out, '--only', 'set-direction', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fixed (2)');
    expect(r.stdout).toContain('M16: "=" → "≥"');
    expect(r.stdout).toContain('Not selected (4)');
  });

  test('a fix that cannot be planned is reported and exits 1', async () => {
    // No 成本 一级 and no 资金总额: the cost-control template has no amount to fill in.
    const p = cleanProject('甲', 40);
    const noCost = { ...p, fund: undefined, rows: p.rows.filter((r) => r.cat !== '成本指标') };
    const file = path.join(tmp, 'nocost.xlsx');
    await fs.writeFile(file, await snapshotToXlsx({ source: file, sheets: [buildProjectSheet({ projects: [noCost] })] }));
    const r = await jixiao(['fix', file, '--out', path.join(tmp, 'nocost.out.xlsx'), '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const refused = doc.fixes.find((f: { status: string }) => f.status === 'refused');
    expect(refused.rule).toBe('required-category');
    expect(refused.notes[0].message).toContain('amount');
  });

  test('usage errors exit 2: the output over the input, an unknown id; an unreadable file exits 2', async () => {
    expect((await jixiao(['fix', SEED, '--out', SEED])).code).toBe(2);
    const unknown = await jixiao(['fix', SEED, '--out', path.join(tmp, 'x.xlsx'), '--only', 'no-such-fix']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-fix');
    const txt = path.join(tmp, 'not.xlsx');
    await fs.writeFile(txt, 'hello');
    const r = await jixiao(['fix', txt, '--out', path.join(tmp, 'y.xlsx'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toContain('not.xlsx');
    expect(await exists(path.join(tmp, 'y.xlsx'))).toBe(false);
  });
});

/** The merged areas of each sheet of a written file, as A1 ranges (top to bottom, left to right). */
async function mergesOf(file: string): Promise<Record<string, string[]>> {
  const wb = await readWorkbookFile(file);
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.merges.map(rangeToA1)]));
}

// The seed's 整体支出 sheet: no insert touches it.
const DEPARTMENT_MERGES = [
  'A1:R1', 'A2:F2', 'P2:R2', 'A3:A5', 'B3:B5', 'C3:I3', 'J3:J5', 'K3:R3', 'C4:C5', 'D4:G4', 'H4:I4', 'K4:K5', 'L4:L5', 'M4:M5', 'N4:N5', 'O4:O5', 'P4:P5',
  'Q4:Q5', 'R4:R5', 'A6:A22', 'B6:B22', 'C6:C22', 'D6:D22', 'E6:E22', 'F6:F22', 'G6:G22', 'H6:H22', 'I6:I22', 'J6:J22', 'K6:K8', 'K9:K17', 'L9:L12', 'L13:L16', 'K18:K21',
];
// The seed's project sheet: header rows 1–4, projects on rows 6–16, 17–28 and 29–39.
const HEADER_MERGES = ['A1:N1', 'A2:G2', 'L2:N2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:N3'];
const PROJECT_MERGES = [
  ...HEADER_MERGES,
  'A6:A16', 'B6:B16', 'C6:C16', 'D6:D16', 'E6:E16', 'F6:F8', 'F9:F11', 'F12:F15',
  'A17:A28', 'B17:B28', 'C17:C28', 'D17:D28', 'E17:E28', 'F17:F19', 'F20:F23', 'G20:G21', 'F24:F27',
  'A29:A39', 'B29:B39', 'C29:C39', 'D29:D39', 'E29:E39', 'F29:F31', 'F32:F34', 'F35:F38',
];

describe('jixiao insert', () => {
  test('the seed’s merged areas (what the inserts below start from)', async () => {
    expect(await mergesOf(SEED)).toEqual({ 项目支出绩效目标表: PROJECT_MERGES, 整体支出绩效目标表: DEPARTMENT_MERGES });
  });

  test('a template row under a 二级 of a project', async () => {
    const out = path.join(tmp, 'ins.xlsx');
    const r = await jixiao(['insert', SEED, '--project', '公车管理专项经费', '--under', '时效指标', '--template', 'on-time-rate', '--set', 'item=公车调度', '--weight', '5', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.done[0]).toMatchObject({ sheet: '项目支出绩效目标表', cell: 'H12' });
    expect(doc.after.indicators).toBe(doc.before.indicators + 1);
    const rows = indicatorRows(readWorkbookModel(await readWorkbookFile(out)));
    expect(rows.find((x) => x.name === '公车调度及时率')).toMatchObject({ project: '公车管理专项经费', subcategory: '时效指标', target: '100%', direction: '≥' });
    // Row 12 goes in under 时效 (G11) of the first project: its project cells grow over it (6–16 → 6–17),
    // so do its 产出 一级 (F9:F11 → F9:F12) and the 时效 二级 (G11:G12, one row before); the rest moves down one row.
    expect(await mergesOf(out)).toEqual({
      项目支出绩效目标表: [
        ...HEADER_MERGES,
        'A6:A17', 'B6:B17', 'C6:C17', 'D6:D17', 'E6:E17', 'F6:F8', 'F9:F12', 'G11:G12', 'F13:F16',
        'A18:A29', 'B18:B29', 'C18:C29', 'D18:D29', 'E18:E29', 'F18:F20', 'F21:F24', 'G21:G22', 'F25:F28',
        'A30:A40', 'B30:B40', 'C30:C40', 'D30:D40', 'E30:E40', 'F30:F32', 'F33:F35', 'F36:F39',
      ],
      整体支出绩效目标表: DEPARTMENT_MERGES,
    });
  });

  test('a whole project, and the score columns', async () => {
    const a = await jixiao(['insert', SEED, '--new-project', '新项目', '--fund', '10', '--with-indicators', '--out', path.join(tmp, 'proj.xlsx')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('插入项目「新项目」');
    expect(a.stdout).toContain('D5'); // the department total is named: it is not changed
    // The new project fills rows 40–50 under the table: its code, name and fund cells merged down
    // (area and goal are empty), its 一级 over their rows; nothing above moves.
    expect(await mergesOf(path.join(tmp, 'proj.xlsx'))).toEqual({
      项目支出绩效目标表: [...PROJECT_MERGES, 'A40:A50', 'B40:B50', 'D40:D50', 'F40:F42', 'F43:F45', 'F46:F49'],
      整体支出绩效目标表: DEPARTMENT_MERGES,
    });
    const b = await jixiao(['insert', SEED, '--score-columns', '--sheet', '整体支出绩效目标表', '--out', path.join(tmp, 'cols.xlsx'), '--lang', 'en-US']);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('actual (S), score (T)');
  });

  test('refused: exit 1 and nothing written; one mode at a time (exit 2)', async () => {
    const out = path.join(tmp, 'none.xlsx');
    const r = await jixiao(['insert', SEED, '--project', '没有这个项目', '--under', '时效', '--template', 'completion-time', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('找不到项目「没有这个项目」');
    expect(await exists(out)).toBe(false);
    expect((await jixiao(['insert', SEED, '--score-columns', '--new-project', 'x', '--out', out])).code).toBe(2);
    expect((await jixiao(['insert', SEED, '--project', 'x', '--out', out])).code).toBe(2);
  });
});
