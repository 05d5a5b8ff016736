import { defineCorpusWorkbook } from '../lib/workbook';

/**
 * 廊坊市食品工程学校, 附件1 项目支出绩效自评表（2019年度）: 办公宿舍楼、食堂及餐厅暖通改造经费 (万元).
 * National template of the time, filled in Word: every 二级 keeps its template rows 「指标1 …」, 「指标2」 and
 * 「……」, empty ones left in; 成本指标 is a 二级 under 产出 (old framework); 效益指标 appears twice as a 一级
 * (经济/社会/生态 under one cell, 可持续影响 under a second). The stored copy ends inside the 满意度 block (row 39).
 * Column geometry follows the cell order of the page (label, row label, six amounts; 一级 … 偏差原因).
 */
type Row = (string | number | null)[];

const rows: Row[] = [
  ['附件1'], // 1
  ['项目支出绩效自评表'], // 2
  ['2019年度)'], // 3
  ['项目名称', null, '办公宿舍楼、食堂及餐厅暖通改造经费'], // 4
  ['主管部门', null, '廊坊市发改委', null, null, '实施单位', '廊坊市食品工程学校'], // 5
  ['项目资金\n(万元)', null, null, '年初\n预算数', '全年\n预算数', '全年\n执行数', '分值', '执行率', '得分'], // 6
  [null, null, '年度资金总额', 43.2, 43.2, 37.24, 10, 0.86, 9], // 7
  [null, null, '其中:当年财政拨款', 43.2, 43.2, 37.24], // 8
  [null, null, '上年结转资金'], // 9
  [null, null, '其他资金'], // 10
  ['年度总体目标', null, '预期目标', null, null, null, '实际完成情况'], // 11
  [null, null, '43.2', null, null, null, '37.24'], // 12
  [null, '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'], // 13
  [null, '产出指标', '数量指标', '指标1工程资金金额', 43.2, 37.24, 10, 9, '已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。'], // 14
  [null, null, null, '指标2'], // 15
  [null, null, null, '……'], // 16
  [null, null, '质量指标', '指标1工程完工率', 100, 100, 10, 10], // 17
  [null, null, null, '指标2工程验收合格率', 100, 100, 10, 10], // 18
  [null, null, null, '……'], // 19
  [null, null, '时效指标', '指标1项目完成及时率', 100, 100, 10, 10], // 20
  [null, null, null, '指标2'], // 21
  [null, null, null, '……'], // 22
  [null, null, '成本指标', '指标1成本控制率', 100, 100, 10, 10], // 23
  [null, null, null, '指标2'], // 24
  [null, null, null, '……'], // 25
  [null, '效益指标', '经济效益\n指标', '指标1安全率', 100, 100, 10, 10, 0], // 26
  [null, null, null, '指标2'], // 27
  [null, null, null, '……'], // 28
  [null, null, '社会效益\n指标', '指标1学校发展能力', 100, 100, 10, 10, 0], // 29
  [null, null, null, '指标2'], // 30
  [null, null, null, '……'], // 31
  [null, null, '生态效益\n指标', '指标1'], // 32
  [null, null, null, '指标2'], // 33
  [null, null, null, '……'], // 34
  [null, '效益指标', '可持续影响\n指标', '指标1长期使用性', 100, 100, 10, 10], // 35
  [null, null, null, '指标2'], // 36
  [null, null, null, '……'], // 37
  [null, '满意度\n指标', '服务对象满意度指标', '指标1学生满意度', 100, 100, 10, 10, 0], // 38
  [null, null, null, '指标2'], // 39
];

export default defineCorpusWorkbook({
  sheets: [
    {
      name: '项目支出绩效自评表',
      rows,
      merges: [
        'A2:I2',
        'A3:I3',
        'A4:B4',
        'C4:I4',
        'A5:B5',
        'C5:E5',
        'G5:I5',
        'A6:B10',
        'G8:I8',
        'G9:I9',
        'G10:I10',
        'A11:B12',
        'C11:F11',
        'G11:I11',
        'C12:F12',
        'G12:I12',
        'B14:B25',
        'C14:C16',
        'C17:C19',
        'C20:C22',
        'C23:C25',
        'B26:B34',
        'C26:C28',
        'C29:C31',
        'C32:C34',
        'B35:B37',
        'C35:C37',
        'B38:B39',
        'C38:C39',
      ],
      numFmts: { H7: '0%' },
    },
  ],
});
