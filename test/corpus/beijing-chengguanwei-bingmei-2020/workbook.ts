import { defineCorpusWorkbook } from '../lib/workbook';

/**
 * 抗疫特别国债项目绩效目标表（打捆项目）（2020年度）, 疫情期间区域病媒防治环境卫生清洁等费用, a Beijing district's
 * 城市管理委员 (name masked in the stored mirror), money in 万元. One project, key-value head, then 一级 | 二级 | 三级 | 指标值
 * only (no unit, type, weight or rule column; units written in the values); 成本指标 is a 二级 under 产出指标 (old
 * framework). Columns: A vertical labels | B 一级 | C 二级 | D 三级 | E:F 指标值.
 */
type Row = (string | number | null)[];

const rows: Row[] = [
  ['抗疫特别国债项目绩效目标表（打捆项目）'], // 1
  ['（2020年度）'], // 2
  ['项目名称', '疫情期间区域病媒防治环境卫生清洁等费用'], // 3
  ['主管预算部门', '〔区名被转载站替换〕城市管理委员', null, '项目预算金额\n（万元）', 5652], // 4
  [
    '绩\n效\n目\n标',
    '1.按《〔区名被转载站替换〕市市容环境卫生管理条例》及疫情期间各项文件规定，为提升我区环境卫生质量、坚决杜绝病媒传播的需要，搞好污染防治、环境卫生保洁消杀工作，开展我区环境卫生治理工作。\n2.工作由服务外包公司承担，采用服务外包方式，达到干净整洁、生活垃圾日产日清的效果。',
  ], // 5
  ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '指标值'], // 6
  [null, '产出指标', '数量指标', '清扫保洁道路面积', '1346.0088万平方米'], // 7
  [null, null, null, '清扫保洁道路条数', '485条'], // 8
  [null, null, null, '生活垃圾运输车辆', '283辆'], // 9
  [null, null, '质量指标', '垃圾无害化处理率', '100%'], // 10
  [null, null, '时效指标', '城市道路以克论净量化考核', '1次/月'], // 11
  [null, null, null, '环境卫生专项考核', '1次/月'], // 12
  [null, null, null, '各项费用使用周期', '2020年1月--2020年11月'], // 13
  [null, null, '成本指标', '人工成本', '≤620万/月'], // 14
  [null, '效益指标', '社会效益指标', '清扫保洁覆盖率', '≥99%'], // 15
  [null, null, '可持续影响指标', '保障期限', '2020年1月--2020年11月'], // 16
  [null, '满意度指标', '服务对象满意度指标', '周围群众满意度', '≥90%'], // 17
];

export default defineCorpusWorkbook({
  sheets: [
    {
      name: '绩效目标表',
      rows,
      merges: [
        'A1:F1',
        'A2:F2',
        'B3:F3',
        'B4:C4',
        'E4:F4',
        'B5:F5',
        'A6:A17',
        ...Array.from({ length: 12 }, (_, i) => `E${6 + i}:F${6 + i}`),
        'B7:B14',
        'C7:C9',
        'C11:C13',
        'B15:B16',
      ],
    },
  ],
});
