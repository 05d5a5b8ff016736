import { defineCorpusWorkbook } from '../lib/workbook';

/**
 * 上海市普陀区建设和管理委员会 2026年区级部门预算, last page: 财政项目支出绩效目标申报表（2026年度）,
 * project 兰溪路-真南路下立交工程. Same Shanghai form as 拆违经费, but the cost row has no 一级 (its 一级 cell is
 * empty; the 二级 reads 生态环境成本指标), one 二级 (社会效益指标) is merged over three indicators, and the
 * 「绩效指标」 label of column A is absent. Cell grid follows the PDF's table extraction (8 columns).
 */
export default defineCorpusWorkbook({
  sheets: [
    {
      name: '财政项目支出绩效目标申报表',
      rows: [
        ['财政项目支出绩效目标申报表'], // 1
        ['（2026年度）'], // 2
        ['项目名称', null, '兰溪路-真南路下立交工程', null, '项目性质', '阶段性项目', '项目类别', '特定目标类'], // 3
        ['主管部门', null, '上海市普陀区建设和管理委员会', null, '实施单位', '上海市普陀区市政工程建设中心'], // 4
        ['计划开始日期', null, '2026/1/1', null, '计划完成日期', '2027/12/31'], // 5
        ['项目资金\n（元）', null, '项目资金总额', null, 771325800, '年度资金申请总额', null, 226145100], // 6
        [null, null, '其中：财政资金', null, 771325800, '其中：当年财政拨款', null, 226145100], // 7
        [null, null, null, null, null, '上年结转资金', null, 0], // 8
        [null, null, '其他资金', null, 0, '其他资金', null, 0], // 9
        ['项目\n绩效\n目标', '项目总目标', null, null, null, '年度总体目标'], // 10
        [
          null,
          '为居民出行提供快速便捷的通道，完善、提高了路网服务功能分流中环路的交通压力、强化铁路两侧的片区的交通联系，支撑区域一体化发展。',
          null,
          null,
          null,
          '积极推进项目前期征收工作，年内开展管线搬迁及维护结构施工。',
        ], // 11
        [null, '一级指标', '二级指标', '三级指标', null, null, '年度(/项目)指标值'], // 12
        [null, null, '生态环境成本指标', '文明施工情况', null, null, '可控'], // 13
        [null, '产出指标', '数量指标', '道路建设长度', null, null, '985米'], // 14
        [null, null, '质量指标', '项目验收达标率', null, null, '=100.00(%)'], // 15
        [null, null, '时效指标', '项目完成及时性', null, null, '及时'], // 16
        [null, '效益指标', '社会效益指标', '道路安全隐患减少情况', null, null, '减少'], // 17
        [null, null, null, '道路景观提升情况', null, null, '提升'], // 18
        [null, null, null, '道路通行能力提升情况', null, null, '提升'], // 19
        [null, null, '可持续影响指标', '长效管理制度健全性', null, null, '健全'], // 20
        [null, '满意度指标', '服务对象满意度指标', '居民群众满意度', null, null, '≥90.00(%)'], // 21
      ],
      merges: [
        'A1:H1',
        'A2:H2',
        'A3:B3',
        'C3:D3',
        'A4:B4',
        'C4:D4',
        'F4:H4',
        'A5:B5',
        'C5:D5',
        'F5:H5',
        'A6:B9',
        'C6:D6',
        'F6:G6',
        'C7:D8',
        'E7:E8',
        'F7:G7',
        'F8:G8',
        'C9:D9',
        'F9:G9',
        'A10:A11',
        'B10:E10',
        'F10:H10',
        'B11:E11',
        'F11:H11',
        'D12:F12',
        'G12:H12',
        'D13:F13',
        'G13:H13',
        'B14:B16',
        'D14:F14',
        'G14:H14',
        'D15:F15',
        'G15:H15',
        'D16:F16',
        'G16:H16',
        'B17:B20',
        'C17:C19',
        'D17:F17',
        'G17:H17',
        'D18:F18',
        'G18:H18',
        'D19:F19',
        'G19:H19',
        'D20:F20',
        'G20:H20',
        'D21:F21',
        'G21:H21',
      ],
      numFmts: { E6: '#,##0.00', H6: '#,##0.00', E7: '#,##0.00', H7: '#,##0.00' },
    },
  ],
});
