import { defineCorpusWorkbook } from '../lib/workbook';

/**
 * 天津市财政局 津财基指〔2022〕23号, 附件: 天津市农业绿色发展专项（畜禽粪污资源化利用整县推进项目）2022年中央
 * 预算内投资计划绩效目标表（宝坻区）. The NDRC investment-plan form: key-value block (专项名称, 下达地方或单位,
 * 下达中央预算内投资（万元）, 总体目标), then 一级 实施效果指标 over the 二级 产出指标 / 效益指标, one value
 * column 指标值. The stored copy ends inside the fifth indicator row; the rebuild stops after the fourth.
 */
export default defineCorpusWorkbook({
  sheets: [
    {
      name: '绩效目标表',
      rows: [
        ['附件'], // 1
        ['天津市农业绿色发展专项(畜禽粪污资源化利用整县推进项目)2022年中央预算内投资计划绩效目标表'], // 2
        ['(天津市宝坻区畜禽粪污资源化利用整区推进项目)'], // 3
        ['专项名称', '农业绿色发展专项 (畜禽粪污资源化利用整县推进项目)'], // 4
        ['下达地方或单位', '宝坻区人民政府'], // 5
        ['下达中央预算内投资(万元)', 2350], // 6
        ['总 体 目 标', '提高畜禽粪污综合利用率和规模养殖场设施装备配套率。'], // 7
        ['绩 效 指 标', '一级指标', '二级指标', '三级指标', '指标值'], // 8
        [null, '实施效果指标', '产出指标', '建设项目个数(含续建)', 1], // 9
        [null, null, null, '竣工验收合格率', '100%'], // 10
        [null, null, null, '按进度计划实施情况', '按计划实施'], // 11
        [null, null, '效益指标', '完工项目县畜禽粪污综合利用率', '≥90%'], // 12
      ],
      merges: ['A2:F2', 'A3:F3', 'B4:F4', 'B5:F5', 'B6:F6', 'B7:F7', 'A8:A12', 'E8:F8', 'B9:B12', 'C9:C11', 'E9:F9', 'E10:F10', 'E11:F11', 'E12:F12'],
    },
  ],
});
