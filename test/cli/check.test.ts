/** `jixiao check` end to end, through the built bin (as `npx jixiao` runs it). */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jixiao, sha, SEED } from '../support/cli';
import { CheckReportSchema } from '../../src/core/check/report';
import { readWorkbookFile } from '../../src/hosts/xlsx/read';
import { FINDINGS_SHEET_NAME } from '../../src/core/check/i18n';
import { snapshotToXlsx } from '../fixtures/xlsx';
import { FIXTURES } from '../fixtures/catalog';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('jixiao check --json on the seed', () => {
  let report: ReturnType<typeof CheckReportSchema.parse>;
  let code: number;
  beforeAll(async () => {
    const r = await jixiao(['check', SEED, '--json']);
    code = r.code;
    report = CheckReportSchema.parse(JSON.parse(r.stdout));
  });

  test('exits 1: errors were found', () => expect(code).toBe(1));

  test('matches the schema and lists both tables', () => {
    expect(report.version).toBe('1');
    expect(report.files).toHaveLength(1);
    expect(report.files[0].tables.map((t) => [t.sheet, t.kind, t.range])).toEqual([
      ['项目支出绩效目标表', 'project', 'A3:N39'],
      ['整体支出绩效目标表', 'department', 'A3:R22'],
    ]);
    expect(report.files[0].tables[0].projects.map((p) => [p.name, p.fund])).toEqual([
      ['公车管理专项经费', 40],
      ['公共机构节能专项经费', 17],
      ['厅级干部周转房租赁及生活费', 76],
    ]);
  });

  test('reports what seed-findings.md says it must, with cell, row, project and indicator', () => {
    const f = report.files[0].findings;
    const key = (x: (typeof f)[number]) => `${x.sheet}!${x.cell}/${x.row} ${x.severity} ${x.project} | ${x.indicator}`;
    const keys = f.map(key);
    expect(keys).toEqual(
      expect.arrayContaining([
        '项目支出绩效目标表!I6/6 error 公车管理专项经费 | 衡阳市公车管理工作成本控制情况',
        '项目支出绩效目标表!K9/9 error 公车管理专项经费 | 公车管理',
        '项目支出绩效目标表!G38/38 warning 厅级干部周转房租赁及生活费 | null',
        '项目支出绩效目标表!L13/13 warning 公车管理专项经费 | 降低机关运行成本',
        '项目支出绩效目标表!L36/36 warning 厅级干部周转房租赁及生活费 | 降低机关运行成本',
        '项目支出绩效目标表!M16/16 warning 公车管理专项经费 | 全市机关事业单位满意度',
        '项目支出绩效目标表!M28/28 warning 公共机构节能专项经费 | 全市机关事业单位满意度',
        '整体支出绩效目标表!R6/6 error 衡阳市机关事务管理局 | 成本控制',
        '整体支出绩效目标表!N6/6 warning 衡阳市机关事务管理局 | 成本控制',
        '整体支出绩效目标表!P9/9 error 衡阳市机关事务管理局 | 产权证管理',
        '整体支出绩效目标表!P11/11 error 衡阳市机关事务管理局 | 能源资源消费统计',
        '整体支出绩效目标表!P12/12 error 衡阳市机关事务管理局 | 公车管理',
        '整体支出绩效目标表!P22/22 error 衡阳市机关事务管理局 | 全市机关事业单位',
        '整体支出绩效目标表!N20/20 warning 衡阳市机关事务管理局 | 节约水电气，降低能耗',
      ]),
    );
    expect(f.filter((x) => x.severity === 'error')).toHaveLength(7);
    expect(report.files[0].summary.errors).toBe(7);
  });

  test('findings that jixiao can fix say so', () => {
    const moved = report.files[0].findings.find((x) => x.cell === 'P9' && x.id === 'value-in-unit-column')!;
    expect(moved.fix).toMatchObject({ id: 'move-to-target', safe: true });
    expect(report.files[0].findings.find((x) => x.id === 'cost-exceeds-fund')!.fix).toBeUndefined();
  });

  test('messages are in the chosen language', async () => {
    const en = CheckReportSchema.parse(JSON.parse((await jixiao(['check', SEED, '--json', '--lang', 'en-US'])).stdout));
    expect(en.files[0].findings[0].message).toMatch(/^[\x20-\x7e\u2018-\u201d\u4e00-\u9fff\u3000-\u303f\uff00-\uffef≥≤]+$/);
    expect(en.files[0].findings.some((x) => x.message.includes('larger than the project'))).toBe(true);
  });
});

describe('jixiao check: text output, --out, exit codes', () => {
  test('prints findings grouped by file, sheet and project in zh-CN', async () => {
    const r = await jixiao(['check', SEED]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const i = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(i('hengyang-2024.xlsx')).toBe(0);
    expect(i('项目支出绩效目标表')).toBeLessThan(i('公车管理专项经费'));
    expect(i('公车管理专项经费')).toBeLessThan(i('[cost-exceeds-fund]'));
    expect(r.stdout).toContain('合计：7 个错误');
  });

  test('--out writes a marked copy and leaves the input untouched', async () => {
    const input = path.join(tmp, 'seed.xlsx');
    await fs.copyFile(SEED, input);
    const before = await sha(input);
    const out = path.join(tmp, 'marked.xlsx');
    const r = await jixiao(['check', input, '--out', out]);
    expect(r.code).toBe(1);
    expect(await sha(input)).toBe(before);
    const snap = await readWorkbookFile(out);
    expect(snap.sheets.map((s) => s.name)).toEqual(['项目支出绩效目标表', '整体支出绩效目标表', FINDINGS_SHEET_NAME]);
    const list = snap.sheets[2].values;
    expect(list.length).toBe(2 + 48);
    expect(list.flat()).toEqual(expect.arrayContaining(['I6', 'cost-exceeds-fund']));
  });

  test('--out refuses to overwrite the input', async () => {
    const input = path.join(tmp, 'same.xlsx');
    await fs.copyFile(SEED, input);
    const before = await sha(input);
    const r = await jixiao(['check', input, '--out', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('覆盖');
    expect(await sha(input)).toBe(before);
  });

  test('a directory is checked file by file; an unreadable file exits 2 naming it', async () => {
    const dir = path.join(tmp, 'batch');
    await fs.mkdir(dir);
    const clean = FIXTURES.find((f) => f.id === 'merged-clean')!;
    await fs.writeFile(path.join(dir, 'a-clean.xlsx'), await snapshotToXlsx(clean.book));
    await fs.writeFile(path.join(dir, 'b-broken.xlsx'), 'this is not a workbook');
    await fs.writeFile(path.join(dir, '~$lock.xlsx'), 'lock file');
    const r = await jixiao(['check', dir, '--json']);
    expect(r.code).toBe(2);
    const doc = CheckReportSchema.parse(JSON.parse(r.stdout));
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(['a-clean.xlsx', 'b-broken.xlsx']);
    expect(doc.files[0].findings).toEqual([]);
    expect(doc.files[1].error).toContain('b-broken.xlsx');
  });

  test('a clean workbook exits 0', async () => {
    const file = path.join(tmp, 'clean.xlsx');
    await fs.writeFile(file, await snapshotToXlsx(FIXTURES.find((f) => f.id === 'department-and-projects')!.book));
    const r = await jixiao(['check', file]);
    expect(r.code).toBe(0);
  });

  test('a missing file exits 2 naming it', async () => {
    const r = await jixiao(['check', path.join(tmp, 'nope.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('nope.xlsx');
  });

  test('--profile national and a profile file', async () => {
    const national = await jixiao(['check', SEED, '--json', '--profile', 'national']);
    const doc = CheckReportSchema.parse(JSON.parse(national.stdout));
    expect(doc.profile).toBe('national');
    expect(doc.files[0].findings.some((f) => f.id === 'framework-mismatch')).toBe(true);

    const file = path.join(tmp, 'p.json');
    await fs.writeFile(file, JSON.stringify({ id: 'mine', name: '自定义', framework: 'new', weights: { indicatorTotal: 100, budgetExecution: 0 } }));
    const mine = CheckReportSchema.parse(JSON.parse((await jixiao(['check', SEED, '--json', '--profile', file])).stdout));
    expect(mine.files[0].findings.filter((f) => f.id === 'weight-total')).toHaveLength(4);

    await fs.writeFile(file, JSON.stringify({ id: 'bad', framework: 'newest' }));
    const bad = await jixiao(['check', SEED, '--profile', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('framework');
  });
});

describe('usage errors', () => {
  test('an unknown option of a subcommand exits 2, not 1', async () => {
    const r = await jixiao(['check', SEED, '--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option');
  });

  test('a missing argument exits 2', async () => {
    const r = await jixiao(['check']);
    expect(r.code).toBe(2);
  });
});

describe('jixiao check without --profile chooses the profile from the tables', () => {
  test('an old-framework workbook is checked with the national profile, and the output says why', async () => {
    const old = FIXTURES.find((f) => f.id === 'old-framework-national')!;
    const file = path.join(tmp, 'old-framework.xlsx');
    await fs.writeFile(file, await snapshotToXlsx(old.book));
    const json = await jixiao(['check', file, '--json']);
    const report = CheckReportSchema.parse(JSON.parse(json.stdout));
    expect(report.profile).toBe('national');
    expect(report.files[0].profileChosen).toMatchObject({ id: 'national', from: 'table', framework: 'old' });
    expect(report.files[0].findings.map((f) => f.id)).not.toContain('framework-mismatch');
    const text = await jixiao(['check', file]);
    expect(text.stdout).toContain('审核配置：national');
    // A named profile is used as given, and nothing is said about a choice.
    const named = CheckReportSchema.parse(JSON.parse((await jixiao(['check', file, '--json', '--profile', 'hunan'])).stdout));
    expect(named.profile).toBe('hunan');
    expect(named.files[0].profileChosen).toBeUndefined();
    expect(named.files[0].findings.map((f) => f.id)).toContain('framework-mismatch');
  });

  test('the seed (new framework, 90 points) keeps the hunan profile', async () => {
    const report = CheckReportSchema.parse(JSON.parse((await jixiao(['check', SEED, '--json'])).stdout));
    expect(report.profile).toBe('hunan');
    expect(report.files[0].profileChosen).toMatchObject({ id: 'hunan', from: 'table', framework: 'new', points: 90 });
  });
});
