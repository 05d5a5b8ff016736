/**
 * Row operations end to end, on fixtures in every layout variant and both frameworks: plan, apply with
 * the xlsx host, read the written bytes back (readWorkbook + the layout reader) and check that the table
 * is intact — same projects and indicators with the same values, plus the inserted ones at their
 * standard place; merges valid (no overlap; a plain exceljs re-opens the file) — and that a fresh check
 * no longer reports what was fixed.
 */
import { buildDepartmentSheet, buildProjectSheet, cleanProject, type ProjectSpec, type ProjectTableSpec, type RowSpec } from '../../fixtures/builder';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import * as ExcelJS from 'exceljs';
import { OpsError, planAddScoreColumns, planInsertProject, planInsertSubcategory, planInsertTemplate, planInsertTemplates } from '../../../src/core/edit';
import { snapshotToXlsx } from '../../fixtures/xlsx';
import { cells, child, children, parseXml, sharedStrings, text, unzip } from '../../hosts/xlsx/xmlparts';
import { planFixes } from '../../../src/core/edit/fixes';
import { expectIntact, expectMergesMoved, expectStandardOrder, findingKeys, mergeOverlaps, openWithPlainExcelJS, roundTrip, type RoundTrip } from './helpers';

interface Variant {
  id: string;
  spec: Partial<ProjectTableSpec>;
  framework: 'new' | 'old';
}

const VARIANTS: Variant[] = [
  { id: 'merged', spec: { layout: 'merged' }, framework: 'new' },
  { id: 'repeated cells', spec: { layout: 'repeated' }, framework: 'new' },
  { id: 'written once (sparse), other header words', spec: { layout: 'sparse', words: 'other' }, framework: 'new' },
  { id: 'paged: title, header repeated every 4 rows, full-width words', spec: { title: true, pageEvery: 4, words: 'fullwidth' }, framework: 'new' },
  { id: 'paged and repeated cells', spec: { layout: 'repeated', pageEvery: 5, title: true }, framework: 'new' },
  { id: 'old framework, merged', spec: { layout: 'merged' }, framework: 'old' },
  { id: 'old framework, repeated and paged', spec: { layout: 'repeated', pageEvery: 6 }, framework: 'old' },
];

const profileOf = (v: Variant) => (v.framework === 'new' ? BUILTIN_PROFILES.hunan : BUILTIN_PROFILES.national);

function projects(v: Variant, edit: (name: string, rows: RowSpec[]) => RowSpec[] = (_n, r) => r): ProjectSpec[] {
  return [cleanProject('公车管理', 40, v), cleanProject('公共机构节能', 17, v), cleanProject('周转房租赁', 76, v)].map((p) => ({ ...p, rows: edit(p.name, p.rows) }));
}

function book(v: Variant, list: ProjectSpec[]): WorkbookSnapshot {
  const fund = list.reduce((s, p) => s + (p.fund as number), 0);
  return { source: 'fixture', sheets: [buildProjectSheet({ projects: list, department: { name: '某市机关事务管理局', fund }, ...v.spec })] };
}

async function expectValidFile(rt: RoundTrip): Promise<void> {
  // Merges moved and grown exactly as Excel moves them on the inserted rows, plus the plan's own.
  expectMergesMoved(rt);
  expect(mergeOverlaps(rt.after.bytes)).toEqual([]);
  await expect(openWithPlainExcelJS(rt.after.bytes)).resolves.toEqual(rt.before.snapshot.sheets.map((s) => s.name));
}

function project(rt: RoundTrip, name: string) {
  const p = rt.after.model.sheets.flatMap((s) => s.tables.flatMap((t) => t.projects)).find((x) => x.name === name);
  expect(p).toBeDefined();
  return p!;
}

function sub(rt: RoundTrip, projectName: string, key: string) {
  const p = project(rt, projectName);
  return p.categories.flatMap((c) => c.subcategories.map((s) => ({ ...s, category: c.key }))).filter((s) => s.key === key);
}

describe.each(VARIANTS)('$id', (v) => {
  const profile = profileOf(v);

  test('fixes: a missing 时效 row, a missing 满意度 一级, a missing first 二级 (and 成本 一级) are inserted at their standard places', async () => {
    const list = projects(v, (name, rows) => {
      if (name === '公车管理') return rows.filter((r) => r.sub !== '时效指标');
      if (name === '公共机构节能') return rows.filter((r) => r.cat !== '满意度指标');
      // The first 二级 of 产出, and 成本: the whole 一级 at the top of the project (new framework), or
      // the 二级 under 产出 (old framework, where it comes last).
      return rows.filter((r) => r.sub !== '数量指标' && r.cat !== '成本指标' && r.sub !== '成本指标');
    });
    const rt = await roundTrip(book(v, list), (ctx, before) => planFixes(ctx, before.findings), profile);
    const fixed = ['required-category', 'required-output-subcategory'];
    expect(findingKeys(rt.before.findings, fixed).length).toBeGreaterThanOrEqual(3);
    expect(rt.result.refused).toEqual([]);
    expect(rt.result.outcomes.every((o) => o.status === 'applied')).toBe(true);
    // A fresh check reports nothing: what was missing is there, and the weights the profile leaves were used.
    expect(rt.after.findings.map((f) => `${f.cell} ${f.id}: ${f.message['en-US']}`)).toEqual([]);
    const added = ['公车管理|完成时间', '公共机构节能|服务对象满意度', '周转房租赁|年度任务完成率', '周转房租赁|周转房租赁成本控制'];
    expectIntact(rt, added);
    // Standard places.
    const t = sub(rt, '公车管理', 'timeliness');
    expect(t).toHaveLength(1);
    expect(t[0].category).toBe('output');
    expect(t[0].indicators.map((i) => i.name)).toEqual(['完成时间']);
    const p1 = project(rt, '公车管理');
    const output = p1.categories.find((c) => c.key === 'output')!;
    expect(output.subcategories.map((s) => s.key).slice(-2)).toEqual(['quality', 'timeliness']);
    const p2 = project(rt, '公共机构节能');
    expect(p2.categories[p2.categories.length - 1]).toMatchObject({ key: 'satisfaction', name: '满意度指标' });
    expect(p2.categories[p2.categories.length - 1].subcategories.map((s) => s.name)).toEqual(['服务对象满意度指标']);
    const p3 = project(rt, '周转房租赁');
    const outputSubs = p3.categories.find((c) => c.key === 'output')!.subcategories.map((s) => s.key);
    expect(outputSubs).toEqual(v.framework === 'new' ? ['quantity', 'quality', 'timeliness'] : ['quantity', 'quality', 'timeliness', 'cost']);
    if (v.framework === 'new') {
      expect(p3.categories[0]).toMatchObject({ key: 'cost', name: '成本指标' });
      expect(p3.categories[0].subcategories[0].indicators[0]).toMatchObject({ name: '周转房租赁成本控制', direction: 'lte' });
      expect(p3.indicators.find((i) => i.name === '周转房租赁成本控制')!.target!.text).toBe('76');
      for (const p of [p1, p2, p3]) expectStandardOrder(p, 'new');
    }
    // The project cells still name each project on its first row, and code/fund/goal stay with it.
    expect(p3.nameCell.row).toBe(p3.firstRow);
    expect(p3.fund).toBe(76);
    expect(p3.goal?.text).toBe('完成周转房租赁工作。');
    await expectValidFile(rt);
  });

  test('a template row under an existing 二级 goes at the end of that 二级 (middle and last project)', async () => {
    const rt = await roundTrip(
      book(v, projects(v)),
      (ctx) => {
        const r1 = planInsertTemplate(ctx, { project: '公共机构节能', subcategory: '数量指标', template: 'count-reach', values: { item: '培训', count: 3, measure: '次' } });
        return r1;
      },
      profile,
    );
    expect(rt.result.refused).toEqual([]);
    expect(rt.result.done).toHaveLength(1);
    // 产出 was full: the indicator gets the default weight and the result says so.
    expect(rt.result.warnings).toHaveLength(1);
    expectIntact(rt, ['公共机构节能|培训数量']);
    const q = sub(rt, '公共机构节能', 'quantity');
    expect(q[0].indicators.map((i) => i.name)).toEqual(['服务单位数量', '检查次数', '培训数量']);
    const ind = q[0].indicators[2];
    expect(ind.target?.text).toBe('3');
    expect(ind.unit?.text).toBe('次');
    expect(ind.parsedRule).toMatchObject({ family: 'binary', statedWeight: 10, maxAward: 10 });
    await expectValidFile(rt);

    // The last project: its last 二级 is the table's last row.
    const rt2 = await roundTrip(book(v, projects(v)), (ctx) => planInsertTemplate(ctx, { project: '周转房租赁', subcategory: 'serviceSatisfaction', template: 'satisfaction-step', values: { object: '干部' }, weight: 5 }), profile);
    expectIntact(rt2, ['周转房租赁|干部满意度']);
    const s = sub(rt2, '周转房租赁', 'serviceSatisfaction');
    expect(s[0].indicators.map((i) => i.name)).toEqual(['服务对象满意度', '干部满意度']);
    expect(s[0].indicators[1].parsedRule).toMatchObject({ family: 'step', statedWeight: 5, maxAward: 5 });
    await expectValidFile(rt2);
  });

  test('a missing 二级 row alone goes at its standard place', async () => {
    const list = projects(v, (name, rows) => (name === '公车管理' ? rows.filter((r) => r.sub !== '社会成本指标') : rows));
    const rt = await roundTrip(book(v, list), (ctx) => planInsertSubcategory(ctx, { project: '公车管理', subcategory: '生态效益指标' }), profile);
    expect(rt.result.refused).toEqual([]);
    expectIntact(rt, []);
    const eco = sub(rt, '公车管理', 'ecoEffect');
    expect(eco).toHaveLength(1);
    expect(eco[0]).toMatchObject({ category: 'effect', name: '生态效益指标', indicators: [] });
    const effect = project(rt, '公车管理').categories.find((c) => c.key === 'effect')!;
    const keys = effect.subcategories.map((s) => s.key);
    expect(keys.indexOf('ecoEffect')).toBe(keys.indexOf('socialEffect') + 1);
    await expectValidFile(rt);
  });

  test('a whole project after the first one and another at the end, with the required indicators', async () => {
    const rt = await roundTrip(book(v, projects(v)), (ctx) => planInsertProject(ctx, { name: '新项目', fund: 10, after: '公车管理', withIndicators: true }), profile);
    expect(rt.result.refused).toEqual([]);
    const names = v.framework === 'new' ? ['新项目成本控制', '年度任务完成率', '验收合格率', '完成时间', '社会效益', '服务对象满意度'] : ['年度任务完成率', '验收合格率', '完成时间', '新项目成本控制', '社会效益', '服务对象满意度'];
    expectIntact(rt, names.map((n) => `新项目|${n}`), ['新项目']);
    const all = rt.after.model.sheets[0].tables[0].projects.map((p) => p.name);
    expect(all).toEqual(['公车管理', '新项目', '公共机构节能', '周转房租赁']);
    const p = project(rt, '新项目');
    expect(p.fund).toBe(10);
    expect(p.code?.text).toBe('000001');
    expect(p.lastRow - p.firstRow + 1).toBe(v.framework === 'new' ? 11 : 9);
    expect(rt.result.inserted).toEqual([{ sheet: rt.after.model.sheets[0].sheet, rows: Array.from({ length: p.lastRow - p.firstRow + 1 }, (_, i) => p.firstRow + i) }]);
    expect(rt.result.done[rt.result.done.length - 1].cell).toBe(p.nameCell.a1);
    expectStandardOrder(p, v.framework);
    expect(p.indicators.map((i) => i.name)).toEqual(names);
    // Weights from the profile: the new project checks clean (but for the department total).
    expect(rt.after.findings.filter((f) => f.project === '新项目').map((f) => f.id)).toEqual([]);
    await expectValidFile(rt);

    const rt2 = await roundTrip(book(v, projects(v)), (ctx) => planInsertProject(ctx, { name: '末尾项目', fund: 5 }), profile);
    expectIntact(rt2, [], ['末尾项目']);
    const last = rt2.after.model.sheets[0].tables[0].projects;
    expect(last[last.length - 1].name).toBe('末尾项目');
    expect(last[last.length - 1].categories.flatMap((c) => c.subcategories).length).toBe(v.framework === 'new' ? 11 : 9);
    await expectValidFile(rt2);
  });

  test('the 实际完成值 and 得分 columns go right of the table, in every header band', async () => {
    const rt = await roundTrip(book(v, projects(v)), (ctx) => planAddScoreColumns(ctx), profile);
    expect(rt.result.refused).toEqual([]);
    expectIntact(rt, []);
    const t0 = rt.before.model.sheets[0].tables[0];
    const t = rt.after.model.sheets[0].tables[0];
    expect(t.columns.actual).toBe(15);
    expect(t.columns.score).toBe(16);
    expect(t.headerBands).toEqual(t0.headerBands);
    const grid = rt.after.snapshot.sheets[0];
    for (const b of t.headerBands) expect(grid.values[b.bottom - 1].slice(14, 16)).toEqual(['实际完成值', '得分']);
    // Once there, nothing more to add.
    const again = await roundTrip(rt.after.bytes, (ctx) => planAddScoreColumns(ctx), profile);
    expect(again.result.plan.ops).toEqual([]);
    await expectValidFile(rt);
  });
});

describe('the department (整体支出) table', () => {
  const deptRows: RowSpec[] = [
    { cat: '成本指标', sub: '经济成本指标', name: '成本控制', dir: '≤', target: '705.86', unit: '万元', content: '成本控制在预算内', rule: '该指标分值为20分，预算成本控制在705.86万元以内计20分，每超过10%扣2分，扣完为止。' },
    { cat: '产出指标', sub: '数量指标', name: '产权证管理', dir: '=', target: undefined, unit: '1577个', content: '集中保管1577个房产证', rule: '该指标分值为20分，未达到标准值不得分。' },
    { cat: '产出指标', sub: '质量指标', name: '产权证管理质量', dir: '定性', target: '无遗失损坏', unit: '无', content: '不遗失损坏房产证', rule: '该指标分值为10分，未达到标准值不得分。' },
    { cat: '效益指标', sub: '社会效益指标', name: '办公用房达标率', dir: '≥', target: '100%', unit: '%', content: '办公用房全部达标', rule: '该指标分值为20分，达标率每降低1%扣2分，扣完为止。' },
    { cat: '满意度指标', sub: '服务对象满意度指标', name: '服务对象满意度', dir: '=', target: '95%', unit: '%', content: '满意率达到95%以上', rule: '该指标分值为10分，满意度95%（含）以上计10分，85%-95%计8分，75%-85%计6分，75%以下计0分。' },
  ];
  const dept = (layout: 'merged' | 'repeated') => ({ source: 'fixture', sheets: [buildDepartmentSheet({ name: '某局', fund: 705.86, general: 705.86, basic: 572.86, project: 133, rows: deptRows, layout })] });

  test.each(['merged', 'repeated'] as const)('%s: every fix (safe and unsafe) is applied and no longer reported', async (layout) => {
    const rt = await roundTrip(dept(layout), (ctx, before) => planFixes(ctx, before.findings, { unsafe: true }));
    const ids = rt.result.outcomes.map((o) => `${o.finding.id}:${o.status}`).sort();
    expect(ids).toEqual(['required-output-subcategory:applied', 'satisfaction-direction:applied', 'value-in-unit-column:applied']);
    const fixed = ['required-output-subcategory', 'satisfaction-direction', 'value-in-unit-column'];
    expect(findingKeys(rt.after.findings, fixed)).toEqual([]);
    const ind = rt.after.model.sheets[0].tables[0].projects[0].indicators;
    expect(ind.find((i) => i.name === '产权证管理')).toMatchObject({ target: { text: '1577' }, unit: { text: '个' } });
    expect(ind.find((i) => i.name === '服务对象满意度')!.direction).toBe('gte');
    // 时效 went in after 质量, under 产出; 10 points were left for 产出 (40 - 30).
    const done = ind.find((i) => i.name === '完成时间')!;
    expect(done).toMatchObject({ subcategoryKey: 'timeliness', categoryKey: 'output' });
    expect(done.row).toBe(ind.find((i) => i.name === '产权证管理质量')!.row + 1);
    expect(done.parsedRule.statedWeight).toBe(10);
    expect(rt.after.findings.map((f) => f.id)).toEqual([]);
    expectMergesMoved(rt);
    expect(mergeOverlaps(rt.after.bytes)).toEqual([]);
    await openWithPlainExcelJS(rt.after.bytes);
  });

  test('score columns follow the three-row header', async () => {
    const rt = await roundTrip(dept('merged'), (ctx) => planAddScoreColumns(ctx));
    const t = rt.after.model.sheets[0].tables[0];
    expect([t.columns.actual, t.columns.score]).toEqual([19, 20]);
    expect(rt.after.snapshot.sheets[0].merges).toEqual(expect.arrayContaining([{ top: 3, left: 11, bottom: 3, right: 20 }, { top: 4, left: 19, bottom: 5, right: 19 }]));
    expect(mergeOverlaps(rt.after.bytes)).toEqual([]);
  });
});

describe('what is outside the table', () => {
  test('a second table below moves down whole and re-reads the same', async () => {
    const a = buildProjectSheet({ projects: [cleanProject('甲', 40)], department: { name: '甲单位', fund: 40 } });
    const b = buildProjectSheet({ projects: [cleanProject('乙', 17)], department: { name: '乙单位', fund: 17 }, startRow: a.values.length + 3 });
    const wb: WorkbookSnapshot = { source: 'x', sheets: [{ name: 'S', values: [...a.values, ...b.values.slice(a.values.length)], merges: [...a.merges, ...b.merges] }] };
    const rt = await roundTrip(wb, (ctx) => planInsertTemplate(ctx, { project: '甲', subcategory: 'serviceSatisfaction', template: 'satisfaction-step', values: { object: '干部' } }));
    expectIntact(rt, ['甲|干部满意度']);
    const [t1, t2] = rt.after.model.sheets[0].tables;
    const [b1, b2] = rt.before.model.sheets[0].tables;
    expect(t1.headerBands).toEqual(b1.headerBands);
    expect(t2.headerBands[0].top).toBe(b2.headerBands[0].top + 1);
    await expectValidFile(rt);
  });

  test('content beside the table is never moved: the insertion is refused, naming the cell', async () => {
    const s = buildProjectSheet({ projects: [cleanProject('甲', 40), cleanProject('乙', 17)], department: { name: '单位', fund: 57 } });
    const row = 15;
    while (s.values[row - 1].length < 17) s.values[row - 1].push(null);
    s.values[row - 1][16] = '旁注';
    const rt = await roundTrip({ source: 'x', sheets: [s] }, (ctx) => planInsertTemplate(ctx, { project: '甲', subcategory: 'timeliness', template: 'on-time-rate' }));
    expect(rt.result.plan.ops).toEqual([]);
    expect(rt.result.refused).toHaveLength(1);
    expect(rt.result.refused[0]).toMatchObject({ sheet: '项目支出绩效目标表', cell: 'Q15' });
    expect(rt.result.refused[0].message['zh-CN']).toContain('Q15');
  });

  test('columns are not added over content: refused, naming the cell', async () => {
    const s = buildProjectSheet({ projects: [cleanProject('甲', 40)] });
    while (s.values[5].length < 15) s.values[5].push(null);
    s.values[5][14] = '备忘';
    const rt = await roundTrip({ source: 'x', sheets: [s] }, (ctx) => planAddScoreColumns(ctx));
    expect(rt.result.plan.ops).toEqual([]);
    expect(rt.result.refused[0]).toMatchObject({ cell: 'O6' });
  });

  test('an empty row of the 二级 is filled in place: nothing is inserted, no filled cell is written over', async () => {
    const p = cleanProject('甲', 40);
    // 社会成本指标 is an empty 二级 row in the clean project.
    const rt = await roundTrip(book({ id: 'x', spec: {}, framework: 'new' }, [p]), (ctx) => planInsertTemplate(ctx, { project: '甲', subcategory: 'socialCost', template: 'social-cost-events', weight: 5 }));
    expect(rt.result.plan.ops.filter((o) => o.op === 'insertRows')).toEqual([]);
    expect(rt.result.plan.ops.every((o) => o.op === 'setValue')).toBe(true);
    const before = rt.before.snapshot.sheets[0].values;
    for (const o of rt.result.plan.ops) {
      if (o.op !== 'setValue') continue;
      const m = /^([A-Z]+)(\d+)$/.exec(o.cell)!;
      expect(before[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? null).toBeNull();
    }
    expectIntact(rt, ['甲|负面社会影响事件']);
  });
});

describe('requests and formats', () => {
  const v: Variant = { id: 'merged', spec: {}, framework: 'new' };

  test('two rows for one 二级 in one plan: the empty row is filled, the second goes right under it', async () => {
    // An empty 生态效益指标 row between 社会效益 and 可持续影响.
    const list = projects(v, (name, rows) => {
      if (name !== '公车管理') return rows;
      const i = rows.findIndex((r) => r.sub === '可持续影响指标');
      return [...rows.slice(0, i), { cat: '效益指标', sub: '生态效益指标' }, ...rows.slice(i)];
    });
    const rt = await roundTrip(book(v, list), (ctx) =>
      planInsertTemplates(ctx, [
        { project: '公车管理', subcategory: 'ecoEffect', template: 'eco-effect', weight: 0 },
        { project: '公车管理', subcategory: 'ecoEffect', template: 'energy-saving-rate', values: { item: '人均能耗', rate: 1 }, weight: 0 },
      ]),
    );
    expect(rt.result.refused).toEqual([]);
    expect(rt.result.plan.ops.filter((o) => o.op === 'insertRows')).toHaveLength(1);
    expectIntact(rt, ['公车管理|生态效益', '公车管理|人均能耗降低率']);
    const s = sub(rt, '公车管理', 'ecoEffect');
    expect(s).toHaveLength(1);
    expect(s[0].indicators.map((i) => i.name)).toEqual(['生态效益', '人均能耗降低率']);
    expect(s[0].lastRow - s[0].firstRow).toBe(1);
    await expectValidFile(rt);
  });

  test('refusals: unknown project, unknown template, a template of another 二级, a project in a department table', async () => {
    const wb = book(v, projects(v));
    const rt = await roundTrip(wb, (ctx) => {
      expect(() => planInsertTemplate(ctx, { project: '无此项目', subcategory: 'quantity', template: 'count-reach' })).toThrow(OpsError);
      expect(() => planInsertTemplate(ctx, { project: '公车管理', subcategory: '不是二级', template: 'count-reach' })).toThrow(/不是二级指标/);
      const unknown = planInsertTemplate(ctx, { project: '公车管理', subcategory: 'quantity', template: 'no-such-template' });
      expect(unknown.refused[0].message['en-US']).toContain('no template "no-such-template"');
      const wrong = planInsertTemplate(ctx, { project: '公车管理', subcategory: 'quantity', template: 'satisfaction-tiers' });
      expect(wrong.refused[0].message['zh-CN']).toContain('不能放在「数量指标」下');
      expect([unknown.plan.ops, wrong.plan.ops]).toEqual([[], []]);
      return unknown;
    });
    expect(rt.after.snapshot.sheets[0].values).toEqual(rt.before.snapshot.sheets[0].values);
    const dept = { source: 'x', sheets: [buildDepartmentSheet({ name: '某局', fund: 1, rows: [{ cat: '产出指标', sub: '数量指标', name: 'a', target: 1, unit: '个', dir: '≥', rule: '该指标分值为10分，达到目标值计10分，否则不得分。' }] })] };
    await roundTrip(dept, (ctx) => {
      expect(() => planInsertProject(ctx, { name: '新' })).toThrow(/整体支出表/);
      return planAddScoreColumns(ctx);
    });
  });

  test('inserted rows take the formats and height of the row next to them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await snapshotToXlsx(book(v, projects(v)))) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const thin = { style: 'thin' as const, color: { argb: 'FF333333' } };
    for (let r = 4; r <= ws.rowCount; r++) {
      ws.getRow(r).height = 30;
      for (let c = 1; c <= 14; c++) {
        const cell = ws.getCell(r, c);
        cell.border = { top: thin, left: thin, bottom: thin, right: thin };
        cell.alignment = { wrapText: true, vertical: 'middle' };
        if (c === 9) cell.numFmt = '0.00';
      }
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const rt = await roundTrip(bytes, (ctx) => planInsertTemplate(ctx, { project: '公共机构节能', subcategory: 'quality', template: 'error-rate', values: { item: '统计' } }));
    const [row] = rt.result.inserted[0].rows;
    const parts = unzip(rt.after.bytes);
    const sheet = parseXml(text(parts, 'xl/worksheets/sheet1.xml'));
    const c = cells(sheet, sharedStrings(parts));
    for (let col = 1; col <= 14; col++) {
      const letter = String.fromCharCode(64 + col);
      expect([letter, c.get(`${letter}${row}`)?.s]).toEqual([letter, c.get(`${letter}${row - 1}`)?.s]);
    }
    const rows = new Map(children(child(sheet, 'sheetData'), 'row').map((r) => [Number(r.attrs.r), r]));
    expect(rows.get(row)!.attrs.ht).toBe('30');
    expectMergesMoved(rt);
  });
});

describe('two projects meet at one insertion point', () => {
  test.each(['merged', 'repeated', 'sparse'] as const)('%s: 满意度 after project 1 and 成本 at the top of project 2 go in the right order, whatever the order of the requests', async (layout) => {
    const v: Variant = { id: layout, spec: { layout }, framework: 'new' };
    const list = projects(v, (name, rows) => (name === '公车管理' ? rows.filter((r) => r.cat !== '满意度指标') : name === '公共机构节能' ? rows.filter((r) => r.cat !== '成本指标') : rows));
    const rt = await roundTrip(book(v, list), (ctx, before) => planFixes(ctx, [...before.findings].reverse()));
    const inserts = rt.result.plan.ops.filter((o) => o.op === 'insertRows');
    expect(inserts).toHaveLength(1);
    expect(rt.after.findings.map((f) => `${f.cell} ${f.id}`)).toEqual([]);
    expectIntact(rt, ['公车管理|服务对象满意度', '公共机构节能|公共机构节能成本控制']);
    const [p1, p2] = rt.after.model.sheets[0].tables[0].projects;
    expect(p1.categories.map((c) => c.key)).toEqual(['cost', 'output', 'effect', 'satisfaction']);
    expect(p2.categories.map((c) => c.key)).toEqual(['cost', 'output', 'effect', 'satisfaction']);
    expect(p2.firstRow).toBe(p1.lastRow + 1);
    await expectValidFile(rt);
  });
});
