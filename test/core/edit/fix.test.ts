/** Fixes on findings: which rules carry which fix, selection, refusals, and the seed fixed end to end. */
import { promises as fs } from 'node:fs';
import { FIXTURES } from '../../fixtures/catalog';
import { buildProjectSheet, cleanProject } from '../../fixtures/builder';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { readWorkbookModel } from '../../../src/core/layout/read';
import { checkWorkbook } from '../../../src/core/check/run';
import { createOpsContext, planInsertTemplates } from '../../../src/core/edit';
import { planFixes, selects } from '../../../src/core/edit/fixes';
import type { FixAction } from '../../../src/core/check/findings';
import { SEED } from '../../support/seed';
import { expectIntact, expectMergesMoved, findingKeys, indicatorRows, mergeOverlaps, openWithPlainExcelJS, roundTrip } from './helpers';

const P = '项目支出绩效目标表';
const D = '整体支出绩效目标表';

describe('fixes carried by findings', () => {
  const defects = FIXTURES.find((f) => f.id === 'defects-merged')!;
  const findings = checkWorkbook(readWorkbookModel(defects.book), { profile: BUILTIN_PROFILES.hunan });

  test('each fixable rule carries its fix, with both labels', () => {
    const byRule = new Map(findings.filter((f) => f.fix).map((f) => [f.id, f.fix!] as const));
    expect(byRule.get('value-in-unit-column')).toMatchObject({ id: 'move-to-target', safe: true, action: { kind: 'moveValue', from: 'P7', to: 'O7', value: 1577, rest: '个' } });
    expect(byRule.get('satisfaction-direction')).toMatchObject({ id: 'set-direction', safe: false, action: { kind: 'setValue', expect: '=', value: '≥' } });
    expect(byRule.get('nonstandard-name')).toMatchObject({ id: 'rename-standard', safe: false, action: { kind: 'setValue', expect: '可持续发展影响指标', value: '可持续影响指标' } });
    for (const fix of byRule.values()) {
      expect(fix.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(fix.label['en-US']).toMatch(/[A-Za-z]/);
    }
    // Findings a person must settle carry none.
    for (const id of ['cost-exceeds-fund', 'stated-weight-mismatch', 'vague-target', 'unit-mismatch']) expect(findings.filter((f) => f.id === id && f.fix)).toEqual([]);
  });

  test('selection: safe ones by default; --only by rule or fix id, unsafe ones included; --unsafe adds them all', () => {
    const move = findings.find((f) => f.id === 'value-in-unit-column')!;
    const dir = findings.find((f) => f.id === 'satisfaction-direction')!;
    expect([selects({}, move), selects({}, dir)]).toEqual([true, false]);
    expect([selects({ only: ['set-direction'] }, move), selects({ only: ['set-direction'] }, dir)]).toEqual([false, true]);
    expect(selects({ only: ['satisfaction-direction'] }, dir)).toBe(true);
    expect(selects({ unsafe: true }, dir)).toBe(true);
  });

  test('a fix whose cell changed since the check is refused, naming the cell', () => {
    const ctx = createOpsContext(defects.book);
    const f = findings.find((x) => x.id === 'nonstandard-name')!;
    const stale = { ...f, fix: { ...f.fix!, action: { ...f.fix!.action, expect: '别的名称' } as FixAction } };
    const r = planFixes(ctx, [stale], { unsafe: true });
    expect(r.outcomes[0].status).toBe('refused');
    expect(r.refused[0].message['zh-CN']).toContain(f.cell);
    expect(r.plan.ops).toEqual([]);
  });

  test('a move into a filled cell is refused', () => {
    const ctx = createOpsContext(defects.book);
    const f = findings.find((x) => x.id === 'value-in-unit-column')!;
    const filled = { ...f, fix: { ...f.fix!, action: { ...f.fix!.action, to: 'N7' } as FixAction } };
    const r = planFixes(ctx, [filled]);
    expect(r.outcomes[0].status).toBe('refused');
    expect(r.plan.ops).toEqual([]);
  });

  test('a project with no indicator at all gets the required ones, into its empty 二级 rows', async () => {
    const empty = { name: '空项目', fund: 5, code: '000001', rows: [{ cat: '产出指标', sub: '数量指标' }, { cat: '满意度指标', sub: '服务对象满意度指标' }] };
    const rt = await roundTrip({ source: 'x', sheets: [buildProjectSheet({ projects: [cleanProject('甲', 40), empty] })] }, (ctx, before) => planFixes(ctx, before.findings));
    const fix = rt.result.outcomes.find((o) => o.finding.id === 'project-no-indicators')!;
    expect(fix.status).toBe('applied');
    const added = indicatorRows(rt.after.model).filter((r) => r.project === '空项目');
    expect(added.map((r) => r.subcategory)).toEqual(['经济成本指标', '数量指标', '质量指标', '时效指标', '社会效益指标', '服务对象满意度指标']);
    expect(findingKeys(rt.after.findings, ['project-no-indicators', 'required-category', 'required-output-subcategory'])).toEqual([]);
    expect(rt.after.findings.filter((f) => f.project === '空项目').map((f) => f.id)).toEqual([]);
    expectMergesMoved(rt);
    expect(mergeOverlaps(rt.after.bytes)).toEqual([]);
  });
});

describe('the seed (hengyang-2024.xlsx)', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = new Uint8Array(await fs.readFile(SEED));
  });

  test('safe fixes: the four values typed in 计量单位 move to 指标值; nothing else changes', async () => {
    const rt = await roundTrip(bytes, (ctx, before) => planFixes(ctx, before.findings));
    const applied = rt.result.outcomes.filter((o) => o.status === 'applied').map((o) => `${o.finding.sheet}!${o.finding.cell}`);
    expect(applied).toEqual([`${D}!P9`, `${D}!P11`, `${D}!P12`, `${D}!P22`]);
    expect(rt.result.outcomes.filter((o) => o.status === 'skipped').map((o) => o.finding.id).sort()).toEqual(['nonstandard-name', 'satisfaction-direction', 'satisfaction-direction']);
    expect(findingKeys(rt.after.findings, ['value-in-unit-column'])).toEqual([]);
    // Nothing new is reported; only what was fixed is gone.
    const before = new Set(findingKeys(rt.before.findings));
    expect(findingKeys(rt.after.findings).filter((k) => !before.has(k))).toEqual([]);
    expect(rt.before.findings.length - rt.after.findings.length).toBe(4);
    const dept = indicatorRows(rt.after.model).filter((r) => r.sheet === D);
    expect(dept.filter((r) => ['产权证管理', '能源资源消费统计', '公车管理', '全市机关事业单位'].includes(r.name)).map((r) => [r.target, r.unit])).toEqual([
      ['1577', '个'],
      ['1965', '家'],
      ['501', '台'],
      ['95%', '%'],
    ]);
    // The project sheet is untouched.
    expect(rt.after.snapshot.sheets[0]).toEqual(rt.before.snapshot.sheets[0]);
  });

  test('every fix (--unsafe): directions and the 二级 name too; the fixed findings are gone', async () => {
    const rt = await roundTrip(bytes, (ctx, before) => planFixes(ctx, before.findings, { unsafe: true }));
    expect(rt.result.outcomes.every((o) => o.status === 'applied')).toBe(true);
    expect(findingKeys(rt.after.findings, ['value-in-unit-column', 'satisfaction-direction', 'nonstandard-name'])).toEqual([]);
    const p = indicatorRows(rt.after.model).filter((r) => r.sheet === P);
    expect(p.filter((r) => r.name === '全市机关事业单位满意度').map((r) => r.direction)).toEqual(['≥', '≥']);
    expect(p.find((r) => r.name === '持续服务')!.subcategory).toBe('可持续影响指标');
    expect(mergeOverlaps(rt.after.bytes)).toEqual([]);
    await openWithPlainExcelJS(rt.after.bytes);
  });

  test('an indicator whose name the project already has is refused, naming it', async () => {
    const rt = await roundTrip(bytes, (ctx) => planInsertTemplates(ctx, [{ project: '厅级干部周转房租赁及生活费', subcategory: '满意度', template: 'satisfaction-step', values: { object: '干部' } }]));
    expect(rt.result.plan.ops).toEqual([]);
    expect(rt.result.refused[0].message['zh-CN']).toContain('干部满意度');
  });

  test('a template row into the seed: merges grow over it, the table re-reads, values kept', async () => {
    const rt = await roundTrip(bytes, (ctx) =>
      planInsertTemplates(ctx, [
        { project: '公车管理专项经费', subcategory: '时效指标', template: 'on-time-rate', values: { item: '公车调度' } },
        { project: '厅级干部周转房租赁及生活费', subcategory: '满意度', template: 'satisfaction-step', values: { object: '入住干部' } },
      ]),
    );
    expect(rt.result.plan.ops.filter((o) => o.op === 'insertRows').map((o) => (o.op === 'insertRows' ? o.at : 0))).toEqual([40, 12]);
    expect(rt.result.refused).toEqual([]);
    expectIntact(rt, ['公车管理专项经费|公车调度及时率', '厅级干部周转房租赁及生活费|入住干部满意度']);
    expectMergesMoved(rt);
    expect(mergeOverlaps(rt.after.bytes)).toEqual([]);
    await openWithPlainExcelJS(rt.after.bytes);
  });
});
