/**
 * The real-world reference: ../shared/fixtures/seed-findings.md. Every "must" is found at its row with its
 * severity; no error is reported anywhere the document says it must not be (errors are compared exactly).
 */
import { readWorkbookFile } from '../../src/hosts/xlsx/read';
import { runCheck } from '../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../src/core/profile';
import type { Finding } from '../../src/core/check/findings';
import { readFileSync } from 'node:fs';
import { BUNDLED_SEED, SEED, SHARED_SEED } from '../support/seed';

const P = '项目支出绩效目标表';
const D = '整体支出绩效目标表';

let findings: Finding[];
let result: ReturnType<typeof runCheck>;

beforeAll(async () => {
  result = runCheck(await readWorkbookFile(SEED), BUILTIN_PROFILES.hunan);
  findings = result.findings;
});

const at = (sheet: string, row: number) => findings.filter((f) => f.sheet === sheet && f.row === row);

describe('seed workbook: layout', () => {
  test('reads both tables with their projects', () => {
    const tables = result.model.sheets.flatMap((s) => s.tables);
    expect(tables.map((t) => [t.sheet, t.kind])).toEqual([
      [P, 'project'],
      [D, 'department'],
    ]);
    const pt = tables[0];
    expect(pt.department?.name).toBe('衡阳市机关事务管理局');
    expect(pt.department?.fund).toBe(133);
    expect(pt.projects.map((p) => [p.name, p.fund, p.firstRow, p.lastRow, p.indicators.length])).toEqual([
      ['公车管理专项经费', 40, 6, 16, 7],
      ['公共机构节能专项经费', 17, 17, 28, 8],
      ['厅级干部周转房租赁及生活费', 76, 29, 39, 7],
    ]);
    expect(pt.projects.every((p) => p.framework === 'new')).toBe(true);
    const dt = tables[1];
    expect(dt.projects).toHaveLength(1);
    expect(dt.projects[0].indicators).toHaveLength(15);
    expect(dt.department?.fund).toBe(705.86);
    expect(dt.columns).toMatchObject({ code: 1, name: 2, fund: 3, fundGeneral: 4, fundBasic: 8, fundProject: 9, goal: 10, category: 11, subcategory: 12, indicator: 13, direction: 14, target: 15, unit: 16, content: 17, rule: 18 });
  });
});

describe('seed workbook: what must be reported', () => {
  const must: [string, number, string, string, 'error' | 'warning'][] = [
    [P, 6, 'I6', 'cost-exceeds-fund', 'error'],
    [P, 9, 'K9', 'stated-weight-mismatch', 'error'],
    [P, 38, 'G38', 'nonstandard-name', 'warning'],
    [P, 13, 'L13', 'unit-mismatch', 'warning'],
    [P, 36, 'L36', 'unit-mismatch', 'warning'],
    [P, 16, 'M16', 'satisfaction-direction', 'warning'],
    [P, 28, 'M28', 'satisfaction-direction', 'warning'],
    [D, 6, 'R6', 'stated-weight-mismatch', 'error'],
    [D, 6, 'N6', 'cost-direction', 'warning'],
    [D, 9, 'P9', 'value-in-unit-column', 'error'],
    [D, 11, 'P11', 'value-in-unit-column', 'error'],
    [D, 12, 'P12', 'value-in-unit-column', 'error'],
    [D, 22, 'P22', 'value-in-unit-column', 'error'],
    [D, 20, 'N20', 'qualitative-explained-by-number', 'warning'],
  ];
  test.each(must)('%s row %i: %s %s (%s)', (sheet, row, cell, id, severity) => {
    const hit = at(sheet, row).find((f) => f.id === id);
    expect(hit).toBeDefined();
    expect(hit!.cell).toBe(cell);
    expect(hit!.severity).toBe(severity);
    expect(hit!.message['zh-CN'].length).toBeGreaterThan(5);
    expect(hit!.message['en-US'].length).toBeGreaterThan(5);
  });

  test('the cost finding names both amounts', () => {
    const f = at(P, 6).find((x) => x.id === 'cost-exceeds-fund')!;
    expect(f.message['zh-CN']).toContain('57.6');
    expect(f.message['zh-CN']).toContain('40');
  });

  test('the weight finding on row 9 names 20 and 10', () => {
    const f = at(P, 9).find((x) => x.id === 'stated-weight-mismatch')!;
    expect(f.data).toMatchObject({ stated: 20, maxAward: 10 });
  });

  test('the satisfaction finding says another project types it ≥', () => {
    const f = at(P, 16).find((x) => x.id === 'satisfaction-direction')!;
    expect(f.message['zh-CN']).toContain('厅级干部周转房租赁及生活费');
  });
});

describe('seed workbook: what must not be reported', () => {
  test('the only errors are the defects of the source', () => {
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.sheet}!${f.cell} ${f.id}`);
    expect(errors.sort()).toEqual(
      [
        `${P}!I6 cost-exceeds-fund`,
        `${P}!K9 stated-weight-mismatch`,
        `${D}!R6 stated-weight-mismatch`,
        `${D}!P9 value-in-unit-column`,
        `${D}!P11 value-in-unit-column`,
        `${D}!P12 value-in-unit-column`,
        `${D}!P22 value-in-unit-column`,
      ].sort(),
    );
  });

  test('no money finding: 133 = 40 + 17 + 76, 705.86 = 705.86 = 572.86 + 133, 项目支出 = project sheet total', () => {
    const money = ['projects-sum-department', 'department-money-columns', 'department-project-total'];
    expect(findings.filter((f) => money.includes(f.id))).toEqual([]);
  });

  test('cost targets equal to their funds (rows 17, 29) are fine', () => {
    expect(at(P, 17).filter((f) => f.id === 'cost-exceeds-fund')).toEqual([]);
    expect(at(P, 29).filter((f) => f.id === 'cost-exceeds-fund')).toEqual([]);
  });

  test('weights sum to 90 with 20/40/20/10: no weight finding', () => {
    expect(findings.filter((f) => f.id === 'weight-total' || f.id === 'category-weight')).toEqual([]);
  });

  test('empty optional 二级 rows are at most info', () => {
    for (const row of [7, 8, 12, 14, 18, 19, 24, 25, 30, 31, 35, 37]) {
      expect(at(P, row).filter((f) => f.severity !== 'info')).toEqual([]);
    }
  });

  test('vague targets are warnings or info, never errors', () => {
    expect(findings.filter((f) => f.id === 'vague-target' && f.severity === 'error')).toEqual([]);
  });
});

// The README's example (and the tests of a clone without ../shared) use examples/hengyang-2024.xlsx:
// it must stay the shared seed, byte for byte.
(SHARED_SEED ? test : test.skip)('examples/hengyang-2024.xlsx is the shared seed', () => {
  expect(readFileSync(BUNDLED_SEED).equals(readFileSync(SHARED_SEED!))).toBe(true);
});
