/**
 * Every row of a table is classified: template leftovers, text, notes, signatures and rows the reader cannot read
 * are never indicators; header words with markers and column sets; project boundaries from the project's own cells.
 */
import { readSheetModel, readWorkbookModel } from '../../../src/core/layout/read';
import { headerInfo, roleOfHeader } from '../../../src/core/layout/headers';
import { parseAmount } from '../../../src/core/layout/money';
import { checkWorkbook } from '../../../src/core/check/run';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { categoryKeyOf, isStandardCategoryName, isStandardSubcategoryName, stripCategoryWeight, subcategoryKeyOf } from '../../../src/core/domain/framework';
import type { CellValue, SheetSnapshot } from '../../../src/core/snapshot/snapshot';
import type { RowKind, TargetTable } from '../../../src/core/model';
import { parseRange } from '../../../src/core/domain/a1';
import { buildFormSheet, SELF_EVAL_HEADER } from '../../fixtures/forms';

const kinds = (t: TargetTable, kind: RowKind) => t.layoutRows.filter((r) => r.kind === kind).map((r) => r.row);
const sheet = (values: CellValue[][], merges: string[] = [], name = 's'): SheetSnapshot => ({ name, values, merges: merges.map(parseRange) });

describe('template leftovers, text and unreadable rows', () => {
  // Rows 6–15 under the header on row 5.
  const { sheet: s, rows } = buildFormSheet({
    project: '暖通改造',
    header: [...SELF_EVAL_HEADER.slice(0, 7), '评（扣）分标准'],
    rows: [
      ['产出指标', '数量指标', '指标1工程资金金额', 43.2, 37.24, 10, 9],
      ['产出指标', '数量指标', '指标2'],
      ['产出指标', '数量指标', '……'],
      ['产出指标', '质量指标', '指标1：'],
      ['产出指标', '时效指标'],
      ['效益指标', '经济效益指标', null, null, null, null, null, '未达指标值酌情扣分'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '95%', 10, 10],
    ],
    after: [['财政部门审核意见'], ['注：请根据实际情况填报'], ['填表人：李四'], [null, null, null, null, null, null, null, null, null, '核对人签名栏外的备忘']],
  });
  const t = readSheetModel(s).tables[0];
  const first = rows.firstIndicator;

  test('「指标2」, 「……」, 「指标1：」 and a 二级 left with only its rule are placeholders; a 二级 alone is a label row', () => {
    expect(t.projects[0].indicators.map((i) => i.row)).toEqual([first, first + 6]);
    expect(kinds(t, 'placeholder')).toEqual([first + 1, first + 2, first + 3, first + 5]);
    expect(t.projects[0].rows.map((r) => r.row)).toEqual(Array.from({ length: 7 }, (_, i) => first + i));
    expect(t.projects[0].lastRow).toBe(first + 6);
  });

  test('审核意见 is text, 注 a note, 填表人 a signature; a row outside every column is unrecognised', () => {
    expect(kinds(t, 'text')).toEqual([rows.after[0]]);
    expect(kinds(t, 'note')).toEqual([rows.after[1]]);
    expect(kinds(t, 'signature')).toEqual([rows.after[2]]);
    expect(kinds(t, 'unrecognised')).toEqual([rows.after[3]]);
  });

  test('the unrecognised row is reported as info, naming the row', () => {
    const findings = checkWorkbook(readWorkbookModel({ source: 't', sheets: [s] }), { profile: BUILTIN_PROFILES.national, only: ['unrecognised-row'] });
    expect(findings.map((f) => [f.id, f.severity, f.row, f.cell])).toEqual([['unrecognised-row', 'info', rows.after[3], `J${rows.after[3]}`]]);
    expect(findings[0].message['zh-CN']).toContain('未能识别的行');
  });

  test('empty rows inside the block’s merges are the project’s template rows, also past the last written row', () => {
    const values: CellValue[][] = [
      ['项目名称', '市民中心运维'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值'],
      [null, '产出指标', '数量指标', '预算执行率', '100%'],
      [],
      [null, null, '时效指标'],
      [],
      [null, '效益指标', '经济效益指标', '大厅运行正常率', '100%'],
    ];
    const t2 = readSheetModel(sheet(values, ['A2:A9', 'B3:B6', 'C3:C4', 'C5:C6', 'B7:B9', 'C7:C9'])).tables[0];
    const p = t2.projects[0];
    expect([p.firstRow, p.lastRow]).toEqual([1, 9]);
    expect(p.indicators.map((i) => i.row)).toEqual([3, 7]);
    expect(kinds(t2, 'placeholder')).toEqual([4, 6]);
  });
});

describe('header words', () => {
  test.each([
    ['资金总额（万元）', 'fund'],
    ['年度(/项目)指标值', 'target'],
    ['指标值及单位', 'target'],
    ['计划指标值(或计划水平)', 'target'],
    ['*指标值', 'target'],
    ['年度\n指标值', 'target'],
    ['年初指标值', 'target'],
    ['指标方向性', 'direction'],
    ['计算符号', 'direction'],
    ['权重', 'weight'],
    ['参考分值', 'weight'],
    ['分值（分）', 'weight'],
    ['全年完成值', 'actual'],
    ['实际完成值(B)', 'actual'],
    ['指标得分（分）', 'score'],
    ['绩效标准', null],
  ])('%s → %s', (word, role) => {
    expect(roleOfHeader(word)).toBe(role);
  });

  test('markers: a money unit, a column set’s period', () => {
    expect(headerInfo('资金总额（万元）')).toMatchObject({ role: 'fund', moneyUnit: '万元' });
    expect(headerInfo('指标值(长期)')).toMatchObject({ role: 'target', period: 'long' });
    expect(headerInfo('三级指标（年度）')).toMatchObject({ role: 'indicator', period: 'annual' });
    expect(headerInfo('单位名称')).toMatchObject({ role: 'name', unitLevel: true });
  });

  test('(长期)/(年度) sets side by side: the annual set is read', () => {
    const t = readSheetModel(
      sheet([
        ['项目名称', '教育基础设施'],
        ['一级指标', '二级指标(长期)', '三级指标(长期)', '指标值(长期)', '二级指标(年度)', '三级指标(年度)', '指标值(年度)'],
        ['产出指标', '数量指标', null, null, '数量指标', '重点工程数量', 2],
      ]),
    ).tables[0];
    expect(t.columns).toMatchObject({ category: 1, subcategory: 5, indicator: 6, target: 7 });
    expect(t.projects[0].indicators.map((i) => i.name)).toEqual(['重点工程数量']);
  });

  test('二级/三级 written twice (mid-term, then the year): the last set is read', () => {
    const t = readSheetModel(
      sheet([
        ['项目\n名称', '镇际联网路', null, '中期市财政预算(万元)', 284500, '本年度申请市财政预算资金(万元)', null, 919],
        ['绩效指标', '一级\n指标', '二级\n指标', '三级\n指标', '指标值(或计划水平)', '二级\n指标', '三级\n指标', '计划指标值(或计划水平)'],
        [null, '预期产出指标', '数量指标', '结算项目数', 3, '数量指标', '结算项目数', 3],
        [null, null, '预算(或投资规模)控制指标', '年度预算执行率', '≥90%', '预算(或投资规模)控制指标', '年度预算执行率', '≥90%'],
      ], ['B1:C1', 'F1:G1', 'A2:A4', 'B3:B4']),
    ).tables[0];
    expect(t.columns).toMatchObject({ category: 2, subcategory: 6, indicator: 7, target: 8 });
    const p = t.projects[0];
    expect([p.name, p.fund, p.framework]).toEqual(['镇际联网路', 919, 'old']);
    expect(p.categories.map((c) => [c.key, c.subcategories.map((s) => s.key)])).toEqual([['output', ['quantity', 'cost']]]);
  });

  test('no 指标值 column: the first recipient column (笏石街道办, 埭头镇) holds the targets', () => {
    const t = readSheetModel(
      sheet([
        ['项目名称', '水利专项资金'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标解释', '指标方向', '笏石街道办', '埭头镇'],
        [null, '产出指标', '数量指标', '修复工程(个)', '反映修复情况', '≥', 1, 1],
      ]),
    ).tables[0];
    expect(t.columns).toMatchObject({ indicator: 4, content: 5, direction: 6, target: 7 });
    expect(t.projects[0].indicators[0].target?.raw).toBe(1);
  });
});

describe('一级 and 二级 words', () => {
  test('weights after the name, template words', () => {
    expect(categoryKeyOf('产出指标(50分)')).toBe('output');
    expect(isStandardCategoryName('产出指标（50分）')).toBe(true);
    expect(isStandardSubcategoryName('数量指标\n（10分）')).toBe(true);
    // A range the template allows (重庆 审批表): the standard name, and no single weight.
    expect(isStandardCategoryName('成本指标（0-20）分')).toBe(true);
    expect(stripCategoryWeight('成本指标（0-20）分')).toEqual({ name: '成本指标', weight: null });
    expect(stripCategoryWeight('指标(2)')).toEqual({ name: '指标(2)', weight: null });
    expect([categoryKeyOf('预期产出指标'), categoryKeyOf('效果指标'), subcategoryKeyOf('预算(或投资规模)控制指标')]).toEqual(['output', 'effect', 'cost']);
  });

  test('the 一级 weight is read on the block', () => {
    const t = readSheetModel(
      sheet([
        ['项目名称', '公用经费'],
        ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
        ['项目产出（30分）', '数量指标（10分）', '保障人数', '2370人', 10],
      ]),
    ).tables[0];
    expect(t.projects[0].categories.map((c) => [c.key, c.weight])).toEqual([['output', 30]]);
  });

  test('实施效果指标 over 产出指标 / 效益指标: the 二级 column names the 一级', () => {
    const t = readSheetModel(
      sheet([
        ['专项名称', '畜禽粪污资源化利用'],
        ['下达中央预算内投资(万元)', 2350],
        ['绩 效 指 标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '实施效果指标', '产出指标', '建设项目个数', 1],
        [null, null, null, '竣工验收合格率', '100%'],
        [null, null, '效益指标', '综合利用率', '≥90%'],
      ], ['A3:A6', 'B4:B6', 'C4:C5']),
    ).tables[0];
    const p = t.projects[0];
    expect([p.name, p.fund, t.moneyUnit]).toEqual(['畜禽粪污资源化利用', 2350, '万元']);
    expect(p.categories.map((c) => [c.key, c.subcategories.map((s) => s.name)])).toEqual([
      ['output', ['']],
      ['effect', ['']],
    ]);
    expect(p.indicators.map((i) => [i.row, i.categoryKey, i.category?.text])).toEqual([
      [4, 'output', '产出指标'],
      [5, 'output', '产出指标'],
      [6, 'effect', '效益指标'],
    ]);
  });
});

describe('project boundaries from the project’s own cells', () => {
  const header = ['单位名称', '项目名称', '资金总额', '一级指标', '二级指标', '三级指标', '指标值', '度量单位', '指标值类型'];
  const row = (unit: CellValue, name: CellValue, fund: CellValue, ind: string): CellValue[] => [unit, name, fund, '产出指标', '数量指标', ind, 10, '次', '≥'];

  test('a 单位名称 merged over two projects is the unit; 项目名称 makes the projects', () => {
    const t = readSheetModel(sheet([header, row('某局', '甲项目', 10, '检查次数'), row(null, null, null, '培训次数'), row(null, '乙项目', 20, '检查次数')], ['A2:A4', 'B2:B3', 'C2:C3'])).tables[0];
    expect(t.columns).toMatchObject({ unitName: 1, name: 2, fund: 3 });
    expect(t.projects.map((p) => [p.name, p.fund, p.unit?.text, p.firstRow, p.lastRow])).toEqual([
      ['甲项目', 10, '某局', 2, 3],
      ['乙项目', 20, '某局', 4, 4],
    ]);
  });

  test('a unit-level name merged over projects that differ by their codes', () => {
    const h = ['单位名称', '项目编码', '资金总额', '一级指标', '二级指标', '三级指标', '指标值', '度量单位', '指标值类型'];
    const t = readSheetModel(sheet([h, row('某局', 'P01', 10, '检查次数'), row(null, null, null, '培训次数'), row(null, 'P02', 20, '检查次数')], ['A2:A4', 'B2:B3', 'C2:C3'])).tables[0];
    expect(t.projects.map((p) => [p.code?.text, p.fund, p.firstRow, p.lastRow])).toEqual([
      ['P01', 10, 2, 3],
      ['P02', 20, 4, 4],
    ]);
  });
});

describe('project boundaries from the fund', () => {
  test('a 单位名称 merged over two projects with no code column: each merged fund starts a project', () => {
    const h = ['单位名称', '资金总额', '一级指标', '二级指标', '三级指标', '指标值', '度量单位', '指标值类型'];
    const r = (unit: CellValue, fund: CellValue, ind: string): CellValue[] => [unit, fund, '产出指标', '数量指标', ind, 10, '次', '≥'];
    const t = readSheetModel(sheet([h, r('某局', 10, '检查次数'), r(null, null, '培训次数'), r(null, 20, '检查次数')], ['A2:A4', 'B2:B3'])).tables[0];
    expect(t.projects.map((p) => [p.name, p.fund, p.firstRow, p.lastRow])).toEqual([
      ['某局', 10, 2, 3],
      ['某局', 20, 4, 4],
    ]);
  });
});

describe('amounts', () => {
  test.each([
    ['250万', 250, '万元'],
    ['10000万元', 10000, '万元'],
    ['854万854万(高标准农田建设400万元)', 854, '万元'],
    ['20万元', 20, '万元'],
    ['10,308,000.00', 10308000, null],
    ['1.5亿元', 15000, '万元'],
  ])('%s', (text, value, unit) => {
    expect(parseAmount(text)).toEqual({ value, unit });
  });

  test.each(['2023-01-01', '12.5%', '约50万', '按计划'])('%s is not an amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});
