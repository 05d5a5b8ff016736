/** Form tables: the project read from the key-value block above the header, stacked forms, the money unit. */
import { readSheetModel } from '../../../src/core/layout/read';
import { buildFormSheet, selfEvalRows, SELF_EVAL_HEADER, stackForms, type FormSpec } from '../../fixtures/forms';
import type { RowKind, TargetTable } from '../../../src/core/model';

const kinds = (t: TargetTable, kind: RowKind) => t.layoutRows.filter((r) => r.kind === kind).map((r) => r.row);

const SELF_EVAL: FormSpec = {
  annex: '附件1',
  title: '项目支出绩效自评表',
  project: '干部培训经费',
  department: '某市人社局',
  unit: '某市培训中心',
  budget: { label: '项目资金（万元）', initial: 30, full: 32, spent: 28.8, weight: 10, rate: 0.9, score: 9 },
  goal: '完成全年干部培训任务',
  header: SELF_EVAL_HEADER,
  rows: selfEvalRows(),
  after: [['总分', null, null, null, null, null, 100, 99], ['填表人：张三　联系电话：12345678']],
};

describe('the national 自评表: the project from the block above the header', () => {
  const { sheet, rows } = buildFormSheet(SELF_EVAL);
  const t = readSheetModel(sheet).tables[0];
  const p = t.projects[0];

  test('one project, named, funded with 全年预算数, from its 项目名称 row to its last indicator', () => {
    expect(t.projects).toHaveLength(1);
    expect([p.name, p.fund, p.fundWan, p.firstRow, p.lastRow]).toEqual(['干部培训经费', 32, 32, rows.first, rows.lastIndicator]);
    expect(p.nameCell.a1).toBe(`B${rows.first}`);
    expect(p.fundField?.cell.a1).toBe(`D${rows.budget}`);
    expect(p.indicators.map((i) => i.row)).toEqual(Array.from({ length: 7 }, (_, i) => rows.firstIndicator + i));
    expect(p.framework).toBe('old');
  });

  test('tells the department (主管部门) and the unit (实施单位) apart from the project, and reads the goal', () => {
    expect([p.department?.text, p.unit?.text, p.goal?.text]).toEqual(['某市人社局', '某市培训中心', '完成全年干部培训任务']);
  });

  test('the money unit, the block and every row above and under the indicators are classified', () => {
    expect(t.moneyUnit).toBe('万元');
    expect(t.infoBlock).toEqual({ top: rows.first, bottom: rows.header - 1 });
    expect(kinds(t, 'title')).toEqual([1, 2, 3]);
    expect(kinds(t, 'info')).toEqual([rows.first, rows.first + 1]);
    expect(kinds(t, 'text')).toEqual([rows.header - 1]);
    expect(kinds(t, 'budget')).toEqual([rows.budget! - 1, rows.budget!, rows.budget! + 1, rows.budget! + 2, rows.budget! + 3]);
    expect(kinds(t, 'header')).toEqual([rows.header]);
    expect(kinds(t, 'total')).toEqual([rows.after[0]]);
    expect(kinds(t, 'signature')).toEqual([rows.after[1]]);
    expect(kinds(t, 'unrecognised')).toEqual([]);
  });

  test('the header range and columns are the indicator header’s', () => {
    expect(t.range.top).toBe(rows.header);
    expect(t.columns).toMatchObject({ category: 2, subcategory: 3, indicator: 4, target: 5, actual: 6, weight: 7, score: 8, deviation: 9 });
  });
});

describe('forms stacked on one sheet', () => {
  const second: FormSpec = { ...SELF_EVAL, project: '援建经费', budget: { label: '项目资金（万元）', initial: 2, full: 2, spent: 0.9 }, rows: selfEvalRows().slice(0, 3), after: [['总分']] };
  const { sheet, rows } = stackForms([SELF_EVAL, second]);
  const tables = readSheetModel(sheet).tables;

  test('are two tables, not a page repeat: each its project, fund and rows', () => {
    expect(tables.map((t) => t.projects.map((p) => [p.name, p.fund, p.firstRow, p.lastRow]))).toEqual([
      [['干部培训经费', 32, rows[0].first, rows[0].lastIndicator]],
      [['援建经费', 2, rows[1].first, rows[1].lastIndicator]],
    ]);
    expect(tables[0].projects[0].indicators).toHaveLength(7);
    expect(tables[1].projects[0].indicators.map((i) => i.row)).toEqual([rows[1].firstIndicator, rows[1].firstIndicator + 1, rows[1].firstIndicator + 2]);
  });

  test('the second form’s block and titles are not rows of the first table', () => {
    const last = tables[0].layoutRows[tables[0].layoutRows.length - 1].row;
    expect(last).toBeLessThan(rows[1].first - 3);
    expect(kinds(tables[1], 'info')[0]).toBe(rows[1].first);
  });
});

describe('target forms (申报表)', () => {
  test('元: the year’s 年度资金申请总额 rather than the multi-year 项目资金总额, and the fund in 万元', () => {
    const { sheet, rows } = buildFormSheet({
      sheet: '财政项目支出绩效目标申报表',
      title: '财政项目支出绩效目标申报表',
      project: '拆违经费',
      budget: { line: ['项目资金\n（元）', '项目资金总额', 10308000, '年度资金申请总额', 3498000] },
      header: ['一级指标', '二级指标', '三级指标', '年度(/项目)指标值'],
      rows: [
        ['成本指标', '经济成本指标', '成本控制', '≤3498000元'],
        ['产出指标', '数量指标', '完成拆违计划', '=100.00(%)'],
      ],
    });
    const t = readSheetModel(sheet).tables[0];
    const p = t.projects[0];
    expect([t.moneyUnit, p.name, p.fund, p.fundWan, p.firstRow]).toEqual(['元', '拆违经费', 3498000, 349.8, rows.first]);
    expect(p.indicators.map((i) => i.target?.text)).toEqual(['≤3498000元', '=100.00(%)']);
  });

  test('资金情况（万元） with 「年度资金总额:16」 in one cell; 总体目标 over 年度目标', () => {
    const { sheet } = buildFormSheet({
      sheet: '绩效目标表',
      title: '绩效目标表',
      project: '薄弱学校改造',
      nameKey: '项目名称',
      budget: { line: ['资金情况\n(万元)', '年度资金总额:16'] },
      header: ['一级指标', '二级指标', '指标内容', '指标值'],
      rows: [['产出指标', '数量指标', '改造覆盖率', '100%']],
    });
    const t = readSheetModel(sheet).tables[0];
    expect([t.moneyUnit, t.projects[0].fund, t.columns.indicator]).toEqual(['万元', 16, 4]);
  });

  test('amounts written with their unit: 「854万(…)」, 「250万」', () => {
    const { sheet } = buildFormSheet({
      sheet: '申报表',
      project: '高标准农田',
      budget: { line: ['资金情况 (万元)', '年度资金总额:', '854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)'] },
      header: ['一级指标', '二级指标', '三级指标', '指标值'],
      rows: [['产出指标', '数量指标', '道路硬化里程', '≥100公里']],
    });
    expect(readSheetModel(sheet).tables[0].projects[0].fund).toBe(854);
  });

  test('a 整体 table names its department in 部门（单位）名称: a department table of one project', () => {
    const { sheet, rows } = buildFormSheet({
      sheet: '整体绩效目标表',
      title: '某中心2023年度整体绩效目标表',
      project: '某价格认证中心',
      nameKey: '部门(单位)名称',
      header: ['一级指标', '二级指标', '三级指标', '指标值类型', '指标值', '计量单位'],
      rows: [['产出指标', '数量指标', '认定件数', '≥', 100, '件']],
    });
    const t = readSheetModel(sheet).tables[0];
    expect([t.kind, t.department, t.moneyUnit, t.projects[0].name, t.projects[0].firstRow]).toEqual(['department', null, null, '某价格认证中心', rows.first]);
  });
});
