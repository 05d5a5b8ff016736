import { defineCorpusWorkbook } from '../lib/workbook';

/**
 * 上海市普陀区体育事业管理中心 2022年度项目自评价: two 财政项目支出绩效自评表 (national template of
 * 财预〔2020〕10号, money in 元), one per printed page, stacked on one sheet with a blank row between them.
 * The second table is cut in the stored copy after its indicator names (no values, 分值 or 得分).
 * Columns (inferred from the national template; the stored copy is a PDF text extraction):
 * A:B labels | C row label / 二级 | D…I amounts (年初预算数 … 得分) ; indicator block B 一级, C 二级, D 三级,
 * E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因分析及改进措施.
 */
type Row = (string | number | null)[];

function header(): Row[] {
  return [
    ['财政项目支出绩效自评表'],
    ['(2022 年度)'],
  ];
}

const FUND_HEAD: Row = ['项目资金\n(元)', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
const IND_HEAD: Row = ['绩效\n指标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及\n改进措施'];

const rows: Row[] = [
  // ---- table 1 (page 1) ----
  ...header(), // 1–2
  ['项目名称', null, '普陀体育中心与委托运营方结算费用'], // 3
  ['主管部门', null, '上海市普陀区体育局', null, null, '实施单位', '上海市普陀区体育事业管理中心'], // 4
  FUND_HEAD, // 5
  [null, null, '年度资金总额', 250000, 250000, 215457.6, 10, 0.8619, 8.62], // 6
  [null, null, '其中:当年财政拨款', 250000, 250000, 215457.6, '—'], // 7
  [null, null, '上年结转资金', null, 0, 0, '—'], // 8
  [null, null, '其他资金', null, 0, 0, '—'], // 9
  ['年度\n总体\n目标', null, '预期目标', null, null, null, '实际完成情况'], // 10
  [null, null, null, null, null, null, '已完成普陀体育中心与委托运营方费用结算。'], // 11
  IND_HEAD, // 12
  [null, '产出指标', '数量指标', '与委托运营方结算完成率', '=100%', '100%', 10, 10], // 13
  [null, null, '质量指标', '合同结算条款完成率', '=100%', '100%', 20, 20], // 14
  [null, null, '时效指标', '费用结算及时性', '及时', '及时', 20, 20], // 15
  [null, '效益指标', '社会效益指标', '与委托运营方合同完成率', '=100%', '100%', 30, 30], // 16
  [null, '满意度指标', '服务对象满意度指标', '场馆开放满意度', '>=90%', '100%', 10, 10], // 17
  ['总分', null, null, null, null, null, 100, 98.62], // 18
  [], // 19
  // ---- table 2 (page 2) ----
  ...header(), // 20–21
  ['项目名称', null, '援滇对口支援及结对帮扶经费'], // 22
  ['主管部门', null, '上海市普陀区体育局', null, null, '实施单位', '上海市普陀区体育事业管理中心'], // 23
  FUND_HEAD, // 24
  [null, null, '年度资金总额', 20000, 20000, 9034, 10, 0.4517, 4.52], // 25
  [null, null, '其中:当年财政拨款', null, 0, 0, '—'], // 26
  [null, null, '上年结转资金', null, 0, 0, '—'], // 27
  [null, null, '其他资金', null, 0, 0, '—'], // 28
  ['年度\n总体\n目标', null, '预期目标', null, null, null, '实际完成情况'], // 29
  [null, null, null, null, null, null, '已完成援滇人员相关经费支付。'], // 30
  IND_HEAD, // 31
  [null, '产出指标', '数量指标', '经费使用率'], // 32
  [null, null, '质量指标', '经费完成情况'], // 33
  [null, null, '时效指标', '经费完成进度'], // 34
  [null, '效益指标', '社会效益指标', '经费使用完成情况'], // 35
  [null, '满意度指标', '服务对象满意度指标', '满意度'], // 36
  ['总分'], // 37
];

function merges(o: number): string[] {
  const r = (n: number) => n + o;
  return [
    `A${r(1)}:I${r(1)}`,
    `A${r(2)}:I${r(2)}`,
    `A${r(3)}:B${r(3)}`,
    `C${r(3)}:I${r(3)}`,
    `A${r(4)}:B${r(4)}`,
    `C${r(4)}:E${r(4)}`,
    `G${r(4)}:I${r(4)}`,
    `A${r(5)}:B${r(9)}`,
    `G${r(7)}:I${r(7)}`,
    `G${r(8)}:I${r(8)}`,
    `G${r(9)}:I${r(9)}`,
    `A${r(10)}:B${r(11)}`,
    `C${r(10)}:F${r(10)}`,
    `G${r(10)}:I${r(10)}`,
    `C${r(11)}:F${r(11)}`,
    `G${r(11)}:I${r(11)}`,
    `A${r(12)}:A${r(17)}`,
    `B${r(13)}:B${r(15)}`,
    `A${r(18)}:F${r(18)}`,
  ];
}

export default defineCorpusWorkbook({
  sheets: [
    {
      name: '财政项目支出绩效自评表',
      rows,
      merges: [...merges(0), ...merges(19)],
      numFmts: {
        D6: '0.00',
        E6: '0.00',
        F6: '#,##0.0',
        H6: '0.00%',
        D7: '0.00',
        E7: '0.00',
        F7: '0.0',
        D25: '0.00',
        E25: '0.00',
        F25: '#,##0',
        H25: '0.00%',
      },
    },
  ],
});
