/** The layout reader on every layout variant: the same content must give the same model. */
import { buildDepartmentSheet, buildProjectSheet, cleanProject, type ProjectTableSpec } from '../../fixtures/builder';
import { readSheetModel, readWorkbookModel } from '../../../src/core/layout/read';
import { checkWorkbook } from '../../../src/core/check/run';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import type { SheetModel } from '../../../src/core/model';

const PROJECTS = [cleanProject('公车管理', 40), cleanProject('公共机构节能', 17), cleanProject('周转房租赁', 76)];
const base: ProjectTableSpec = { projects: PROJECTS, department: { name: '某市机关事务管理局', fund: 133 } };

/** What must not depend on the layout: projects, their money, and every indicator under its 一级/二级. */
function summary(m: SheetModel) {
  return m.tables.map((t) => ({
    kind: t.kind,
    department: t.department ? [t.department.name, t.department.fund] : null,
    projects: t.projects.map((p) => ({
      name: p.name,
      fund: p.fund,
      goal: p.goal?.text ?? null,
      framework: p.framework,
      categories: p.categories.map((c) => [c.key, c.subcategories.map((s) => [s.key, s.indicators.map((i) => [i.name, i.target?.text ?? null, i.direction, i.unit?.text ?? null, i.parsedRule.family])])]),
    })),
  }));
}

const reference = summary(readSheetModel(buildProjectSheet(base)));

describe('project tables in every layout read the same', () => {
  const variants: [string, ProjectTableSpec][] = [
    ['repeated project/一级/二级 cells instead of merges', { ...base, layout: 'repeated' }],
    ['values written once, no merges', { ...base, layout: 'sparse' }],
    ["another province's header words", { ...base, words: 'other' }],
    ['full-width symbols and spaces in the header', { ...base, words: 'fullwidth' }],
    ['title rows and 附件2 above the header', { ...base, title: true }],
    ['header repeated every 4 rows (printed pages), merged', { ...base, title: true, pageEvery: 4 }],
    ['header repeated every 5 rows, repeated cells', { ...base, layout: 'repeated', pageEvery: 5 }],
    ['header repeated every 3 rows, sparse', { ...base, layout: 'sparse', pageEvery: 3 }],
    ['extra self-evaluation columns', { ...base, extraColumns: ['actual', 'weight', 'score'] }],
  ];
  test.each(variants)('%s', (_name, spec) => {
    const model = readSheetModel(buildProjectSheet(spec));
    expect(summary(model)).toEqual(reference);
  });

  test('the reference itself has three projects of 8 indicators under the department row', () => {
    expect(reference).toHaveLength(1);
    expect(reference[0].department).toEqual(['某市机关事务管理局', 133]);
    expect(reference[0].projects.map((p) => [p.name, p.fund])).toEqual([
      ['公车管理', 40],
      ['公共机构节能', 17],
      ['周转房租赁', 76],
    ]);
    const inds = reference[0].projects[0].categories.flatMap((c) => (c[1] as unknown[][]).flatMap((s) => s[1] as unknown[]));
    expect(inds).toHaveLength(8);
  });

  test('page repeats: the header bands are all found and each project stays one project', () => {
    const t = readSheetModel(buildProjectSheet({ ...base, title: true, pageEvery: 4 })).tables[0];
    expect(t.headerBands.length).toBeGreaterThan(5);
    expect(t.projects).toHaveLength(3);
  });

  test('extra columns are mapped', () => {
    const t = readSheetModel(buildProjectSheet({ ...base, extraColumns: ['actual', 'weight', 'score'] })).tables[0];
    expect(t.columns).toMatchObject({ actual: 15, weight: 16, score: 17 });
  });
});

describe('both frameworks', () => {
  test('成本 as a 二级 under 产出 (old framework)', () => {
    const m = readSheetModel(buildProjectSheet({ projects: [cleanProject('x', 10, { framework: 'old' })] }));
    const p = m.tables[0].projects[0];
    expect(p.framework).toBe('old');
    expect(p.categories.map((c) => c.key)).toEqual(['output', 'effect', 'satisfaction']);
    expect(p.categories[0].subcategories.map((s) => s.key)).toEqual(['cost', 'quantity', 'quality', 'timeliness']);
  });
});

describe('several tables and sheets', () => {
  test('two project tables stacked in one sheet, each with its department row', () => {
    const a = buildProjectSheet({ projects: [cleanProject('甲项目', 10)], department: { name: '甲单位', fund: 10 } });
    const b = buildProjectSheet({ projects: [cleanProject('乙项目', 20)], department: { name: '乙单位', fund: 20 }, startRow: a.values.length + 3 });
    const values = [...a.values, ...b.values.slice(a.values.length)];
    const m = readSheetModel({ name: 's', values, merges: [...a.merges, ...b.merges] });
    expect(m.tables.map((t) => [t.department?.name, t.projects.map((p) => p.name)])).toEqual([
      ['甲单位', ['甲项目']],
      ['乙单位', ['乙项目']],
    ]);
  });

  test('a workbook of several sheets, one without any table', () => {
    const wb = readWorkbookModel({
      source: 't',
      sheets: [
        buildProjectSheet({ ...base, sheet: '项目' }),
        { name: '说明', values: [['填表说明'], ['1. 金额单位为万元']], merges: [] },
        { name: '空表', values: [], merges: [] },
        buildDepartmentSheet({ name: '某市机关事务管理局', fund: 705.86, general: 705.86, basic: 572.86, project: 133, rows: PROJECTS[0].rows }),
      ],
    });
    expect(wb.sheets.map((s) => [s.sheet, s.tables.length])).toEqual([
      ['项目', 1],
      ['说明', 0],
      ['空表', 0],
      ['整体支出绩效目标表', 1],
    ]);
    expect(wb.sheets[1].noTableReason).toMatch(/未找到/);
    expect(wb.sheets[2].noTableReason).toMatch(/为空/);
  });
});

describe('department (整体支出) tables', () => {
  const spec = { name: '某局', fund: 705.86, general: 705.86, basic: 572.86, project: 133, rows: PROJECTS[0].rows };
  test.each(['merged', 'repeated', 'sparse'] as const)('%s: three-row header, money columns and indicators', (layout) => {
    const t = readSheetModel(buildDepartmentSheet({ ...spec, layout })).tables[0];
    expect(t.kind).toBe('department');
    expect(t.headerBands).toEqual([{ top: 3, bottom: 5 }]);
    expect(t.department?.fund).toBe(705.86);
    expect(t.department?.byExpense.basic?.raw).toBe(572.86);
    expect(t.projects).toHaveLength(1);
    expect(t.projects[0].indicators.filter((i) => i.name)).toHaveLength(8);
  });
});

describe('clean tables give no finding in any layout', () => {
  const layouts: ProjectTableSpec[] = [
    base,
    { ...base, layout: 'repeated' },
    { ...base, layout: 'sparse', words: 'other' },
    { ...base, title: true, pageEvery: 4, words: 'fullwidth' },
  ];
  test.each(layouts.map((l, i) => [i, l] as const))('variant %i', (_i, spec) => {
    const model = readWorkbookModel({ source: 't', sheets: [buildProjectSheet(spec)] });
    const findings = checkWorkbook(model, { profile: BUILTIN_PROFILES.hunan });
    expect(findings.map((f) => `${f.cell} ${f.id} ${f.message['zh-CN']}`)).toEqual([]);
  });

  test('old framework under the national profile', () => {
    const model = readWorkbookModel({ source: 't', sheets: [buildProjectSheet({ projects: [cleanProject('x', 10, { framework: 'old' })], layout: 'repeated' })] });
    expect(checkWorkbook(model, { profile: BUILTIN_PROFILES.national }).map((f) => `${f.cell} ${f.id}`)).toEqual([]);
  });
});

describe('defects are found in every layout', () => {
  const broken = {
    ...base,
    projects: [
      { ...PROJECTS[0], rows: PROJECTS[0].rows.map((r, i) => (i === 0 ? { ...r, target: '57.6万元' } : i === 8 ? { ...r, dir: '=' } : r)) },
      PROJECTS[1],
      PROJECTS[2],
    ],
  };
  test.each([
    ['merged', broken],
    ['repeated', { ...broken, layout: 'repeated' as const }],
    ['paged', { ...broken, title: true, pageEvery: 4 }],
  ])('%s', (_n, spec) => {
    const model = readWorkbookModel({ source: 't', sheets: [buildProjectSheet(spec)] });
    const ids = checkWorkbook(model, { profile: BUILTIN_PROFILES.hunan }).map((f) => `${f.project} ${f.indicator} ${f.id}`);
    expect(ids).toEqual(
      expect.arrayContaining(['公车管理 公车管理成本控制 cost-exceeds-fund', '公车管理 服务对象满意度 satisfaction-direction']),
    );
    expect(ids.filter((x) => !x.includes('unit-glued-to-value'))).toHaveLength(2);
  });
});

describe('robustness', () => {
  test('a merge over the whole sheet costs no more than the data', () => {
    const sheet = buildProjectSheet(base);
    const model = readSheetModel({ ...sheet, merges: [...sheet.merges, { top: 200, left: 1, bottom: 1048576, right: 16384 }] });
    expect(model.tables[0].projects).toHaveLength(3);
  });

  test('fields of merged cells are shared and are their own cell references', () => {
    const t = readSheetModel(buildProjectSheet(base)).tables[0];
    const [a, b] = t.projects[0].rows; // 经济成本 and 社会成本 rows, both under the merged 成本指标
    expect(a.category).toBe(b.category);
    expect(a.category!.cell.a1).toBe('F4');
    expect(JSON.parse(JSON.stringify(a.target))).toEqual({ text: '40', raw: '40', cell: { row: 4, col: 9, a1: 'I4' } });
  });
});
