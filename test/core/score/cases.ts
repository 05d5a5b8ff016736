/**
 * The worked cases of every rule family and every scoring semantic (docs/scoring.md): used by the
 * family tests (engine vs an independent formula evaluator) and by the LibreOffice recalculation test.
 */
import { serial, type Case } from './harness';

const W = (n: number) => `该指标分值为${n}分，`;

const COST_RULE = `${W(20)}预算成本控制在38万元以内计20分，每超过10%扣2分，扣完为止。`;
const cost = (actual: Case['actual'], score: number | null, extra: Partial<Case> = {}): Case => ({
  name: `step over 10% of 38万元: actual ${String(actual)}`,
  rule: COST_RULE,
  target: '38万元',
  unit: '万元',
  dir: '≤',
  cat: '成本指标',
  sub: '经济成本指标',
  actual,
  score,
  ...extra,
});

const STEP: Case[] = [
  cost(37, 20, { explains: ['未超出目标 38 万元，不扣分，得 20 分'] }),
  cost(38, 20),
  // 41.8 against 38 is exactly 10% over: one whole step (in binary floating point it is 9.999…%).
  cost(41.8, 18, { explains: ['实际 41.8 万元，超出目标 38 万元 10.0%，满 1 档，扣 2 分，得 18 分'] }),
  cost(41.79, 20, { explains: ['满 0 档'] }),
  cost(45.6, 16),
  cost(49.39, 16),
  cost(49.4, 14),
  cost(80, 0, { explains: ['满 11 档，扣 22 分'] }),
  cost('41.8万元', 18),
  cost(' 41.8 万元 ', 18),
  cost('41.8元', null, { review: true, explains: ['单位「元」与指标值的单位「万元」不一致'] }),
  cost('约四十万', null, { review: true }),
  cost(-1, null, { review: true, explains: ['负数'] }),
  cost(null, null, { review: true, explains: ['实际完成值未填写'] }),
  cost(41.8, null, { name: 'step: empty target', target: null, review: true, explains: ['指标值为空'] }),
  cost(1, null, { name: 'step: target 0', target: '0万元', review: true, explains: ['指标值为 0'] }),
  {
    name: 'step, partial steps count (不足10%按10%计): 38.1 is one step',
    rule: `${W(20)}预算成本控制在38万元以内计20分，每超过10%扣2分，不足10%按10%计，扣完为止。`,
    target: '38万元',
    dir: '≤',
    actual: 38.1,
    score: 18,
    explains: ['计 1 档'],
  },
  { name: 'step, partial steps: exactly one step stays one', rule: `${W(20)}每超过10%扣2分，不足10%按10%计，扣完为止。`, target: 38, dir: '≤', actual: 41.8, score: 18 },
  { name: 'step, partial steps: just over one step is two', rule: `${W(20)}每超过10%扣2分，不足10%按10%计，扣完为止。`, target: 38, dir: '≤', actual: 41.81, score: 16 },
  // Against a rate target, X% is percentage points.
  { name: 'step under a rate: 95% vs 98% is 3 points', rule: `${W(10)}准确率每降低1%扣2分，扣完为止。`, target: '98%', dir: '≥', actual: '95%', score: 4, explains: ['低于目标 98% 3 个百分点，满 3 档，扣 6 分，得 4 分'] },
  { name: 'step under a rate: half a point is no step', rule: `${W(10)}准确率每降低1%扣2分，扣完为止。`, target: '98%', dir: '≥', actual: '97.5%', score: 10 },
  { name: 'step under a rate: plain number read as percent', rule: `${W(10)}准确率每降低1%扣2分，扣完为止。`, target: '98%', dir: '≥', actual: 95, score: 4 },
  { name: 'step under a rate: percent-formatted cell 0.95', rule: `${W(10)}准确率每降低1%扣2分，扣完为止。`, target: '98%', dir: '≥', actual: 0.95, actualFormat: '0%', score: 4 },
  { name: 'step under a rate: 0.95 unformatted is ambiguous', rule: `${W(10)}准确率每降低1%扣2分，扣完为止。`, target: '98%', dir: '≥', actual: 0.95, score: null, review: true, explains: ['量纲不明确'] },
  { name: 'step under a rate: rate target as a percent-formatted number', rule: `${W(10)}准确率每降低1%扣2分，扣完为止。`, target: 0.98, targetFormat: '0%', dir: '≥', actual: 0.95, actualFormat: '0.00%', score: 4 },
  { name: 'step under a rate: above target, nothing deducted', rule: `${W(10)}准确率每降低1%扣2分，扣完为止。`, target: '98%', dir: '≥', actual: '100%', score: 10 },
  { name: 'step, 扣满N分为止 caps the deduction', rule: `${W(10)}准确率每降低1%扣2分，扣满6分为止。`, target: '98%', dir: '≥', actual: '90%', score: 4, explains: ['以 6 分为限'] },
  { name: 'step per percentage point (百分点)', rule: `${W(5)}每降低一个百分点扣0.5分，扣完为止。`, target: '90%', dir: '≥', actual: '87%', score: 3.5 },
  { name: 'step per percentage point needs a rate target', rule: `${W(5)}每降低一个百分点扣0.5分，扣完为止。`, target: 90, dir: '≥', actual: 87, score: null, review: true, explains: ['百分点'] },
  { name: 'step diff (每相差3%): 6% under is 2 steps', rule: `${W(15)}实际完成情况与计划每相差3%，扣1分，扣满15分为止。`, target: 100, unit: '个', dir: '=', actual: 94, score: 13 },
  { name: 'step diff: 6% over is 2 steps too', rule: `${W(15)}实际完成情况与计划每相差3%，扣1分，扣满15分为止。`, target: 100, unit: '个', dir: '=', actual: 106, score: 13 },
  { name: 'step diff: capped at 15', rule: `${W(15)}实际完成情况与计划每相差3%，扣1分，扣满15分为止。`, target: 100, unit: '个', dir: '=', actual: 52, score: 0 },
  { name: 'step absolute (每超过1万元)', rule: `${W(5)}每超过1万元扣1分，扣完为止。`, target: '10万元', dir: '≤', actual: 12.5, score: 3 },
  { name: 'step with no base and no weight needs review', rule: '每超过10%扣2分，扣完为止。', target: 38, dir: '≤', actual: 40, score: null, review: true, explains: ['没有分值'] },
  { name: 'step base from the 分值 column', rule: '每超过10%扣2分，扣完为止。', target: 38, dir: '≤', actual: 41.8, weight: 20, score: 18 },
];

const SEED_THRESHOLD = `${W(20)}完成率小于60%为不及格，不得分；大于等于60%，按超过的比重赋分，计算公式为：得分=（实际完成率-60%）/（1-60%）*10，完成率=实际完成值/指标值*100%`;
const thr = (actual: Case['actual'], score: number | null, extra: Partial<Case> = {}): Case => ({
  name: `threshold (seed 公车管理): actual ${String(actual)}`,
  rule: SEED_THRESHOLD,
  target: 501,
  unit: '台',
  dir: '=',
  actual,
  score,
  ...extra,
});

const THRESHOLD: Case[] = [
  // The formula awards at most 10 though the rule states 20: scored by the formula (the check reports the mismatch).
  thr(501, 10, { explains: ['完成率 = 实际 501 台 / 目标 501 台 = 100.0%', '此规则最多得 10 分，与分值 20 分不一致'] }),
  thr(600, 10, { explains: ['以 100% 计'] }),
  thr(450.9, 7.5),
  thr(400, 4.96),
  thr(300.6, 0),
  thr(300, 0, { explains: ['低于 60%，得 0 分'] }),
  thr(0, 0),
  thr(100, null, { name: 'threshold: target 0', target: 0, review: true, explains: ['指标值为 0'] }),
  thr('多台', null, { review: true }),
  { name: 'threshold edge: exactly 60% scores by the formula', rule: `${W(10)}完成率低于60%不得分；大于等于60%，得分=完成率*10`, target: 500, dir: '≥', actual: 300, score: 6 },
  { name: 'threshold edge: just under 60% is 0', rule: `${W(10)}完成率低于60%不得分；大于等于60%，得分=完成率*10`, target: 500, dir: '≥', actual: 299.5, score: 0 },
  { name: 'threshold 反向: 完成率 = 目标/实际', rule: `${W(10)}完成率低于60%不得分；大于等于60%，得分=完成率*10`, target: '10万元', dir: '≤', actual: 12.5, score: 8, explains: ['完成率 = 目标 10 万元 / 实际 12.5 万元 = 80.0%'] },
  { name: 'threshold 反向: actual 0 is 100%', rule: `${W(10)}完成率低于60%不得分；大于等于60%，得分=完成率*10`, target: '10万元', dir: '≤', actual: 0, score: 10 },
  { name: 'threshold: the rule’s own 完成率 definition wins', rule: `${W(10)}完成率低于60%不得分；得分=完成率*10，完成率=指标值/实际完成值`, target: 10, dir: '≥', actual: 20, score: 0 },
];

const SAT = `${W(10)}满意度95%（含）以上计10分，85%-95%计8分，75%-85%计6分，75%以下计0分。`;
const sat = (actual: Case['actual'], score: number | null, extra: Partial<Case> = {}): Case => ({
  name: `tiers (满意度): actual ${String(actual)}`,
  rule: SAT,
  target: '≥95%',
  unit: '%',
  dir: '≥',
  cat: '满意度指标',
  sub: '服务对象满意度指标',
  actual,
  score,
  ...extra,
});
const ADJ = `${W(3)}预算调整率=0，计3分；0-10%(含)，计2分；10%-20%(含)，计1分；大于20%不得分`;
const ORDERED = `${W(5)}60%以下不得分，60%-80%计3分，80%-90%（含）计4分，90%以上计5分`;

const TIER: Case[] = [
  sat('96%', 10, { explains: ['属于「95%（含）以上」档，得 10 分'] }),
  sat('95%', 10),
  sat('94.99%', 8),
  sat('85%', 8),
  sat('84.9%', 6),
  sat('75%', 6),
  sat('74.99%', 0, { explains: ['75%以下（不含）'] }),
  sat(96, 10),
  sat(0.95, 10, { actualFormat: '0%' }),
  sat(0.96, null, { review: true }),
  sat('很满意', null, { review: true }),
  { name: 'tiers: b (含) includes b', rule: ORDERED, target: '90%', dir: '≥', actual: '90%', score: 4 },
  { name: 'tiers: a is included', rule: ORDERED, target: '90%', dir: '≥', actual: '80%', score: 4 },
  { name: 'tiers: just under a', rule: ORDERED, target: '90%', dir: '≥', actual: '79.99%', score: 3 },
  { name: 'tiers: X以下 excludes X', rule: ORDERED, target: '90%', dir: '≥', actual: '60%', score: 3 },
  { name: 'tiers: under 60%', rule: ORDERED, target: '90%', dir: '≥', actual: '59.9%', score: 0 },
  { name: 'tiers: a single point (=0)', rule: ADJ, target: '0%', dir: '≤', actual: '0%', score: 3 },
  { name: 'tiers: 10% (含)', rule: ADJ, target: '0%', dir: '≤', actual: '10%', score: 2 },
  { name: 'tiers: 10.5%', rule: ADJ, target: '0%', dir: '≤', actual: '10.5%', score: 1 },
  { name: 'tiers: over 20%', rule: ADJ, target: '0%', dir: '≤', actual: '25%', score: 0, explains: ['属于「20%以上（不含）」档'] },
  { name: 'tiers on the completion rate (target is a count)', rule: `${W(10)}完成率95%（含）以上计10分，85%-95%计8分，85%以下计0分`, target: 200, unit: '家', dir: '≥', actual: 190, score: 10, explains: ['完成率 = 实际 190 家 / 目标 200 家 = 95.0%'] },
  { name: 'tiers on the completion rate: 94.5%', rule: `${W(10)}完成率95%（含）以上计10分，85%-95%计8分，85%以下计0分`, target: 200, unit: '家', dir: '≥', actual: 189, score: 8 },
  { name: 'tiers on counts', rule: `${W(6)}3个以上计6分，1-3个计3分，不足1个不得分`, target: 3, unit: '个', dir: '≥', actual: 2, score: 3 },
  { name: 'tiers on counts: edge 3', rule: `${W(6)}3个以上计6分，1-3个计3分，不足1个不得分`, target: 3, unit: '个', dir: '≥', actual: '3个', score: 6 },
];

const BIN20 = `${W(20)}达到目标值计20分，否则不得分。`;
const BINARY: Case[] = [
  { name: 'binary reach: equal', rule: BIN20, target: '10套', dir: '=', actual: 10, score: 20, explains: ['达到目标，得 20 分'] },
  { name: 'binary reach: under', rule: BIN20, target: '10套', dir: '=', actual: 9, score: 0 },
  { name: 'binary reach: over (= is 正向)', rule: BIN20, target: '10套', dir: '=', actual: 11, score: 20 },
  { name: 'binary reach: text with unit', rule: BIN20, target: '10套', dir: '=', actual: '10套', score: 20 },
  { name: 'binary reach: grade 达成', rule: BIN20, target: '10套', dir: '=', actual: '达成', score: 20 },
  { name: 'binary reach: grade 未达成', rule: BIN20, target: '10套', dir: '=', actual: '未达成', score: 0 },
  { name: 'binary reach: 部分达成 is not reached', rule: BIN20, target: '10套', dir: '=', actual: '部分达成 70%', score: 0 },
  { name: 'binary 反向 (≤)', rule: `${W(10)}达到目标值计10分，否则不得分。`, target: '5%', dir: '≤', actual: '5%', score: 10 },
  { name: 'binary 反向 over the limit', rule: `${W(10)}达到目标值计10分，否则不得分。`, target: '5%', dir: '≤', actual: '5.1%', score: 0 },
  { name: 'binary: a 成本 indicator is 反向 whatever its symbol', rule: BIN20, target: '57.6万元', dir: '≥', cat: '成本指标', sub: '经济成本指标', actual: 50, score: 20, explains: ['反向指标'] },
  { name: 'binary: a 成本 indicator over its target', rule: BIN20, target: '57.6万元', dir: '≥', cat: '成本指标', sub: '经济成本指标', actual: 60, score: 0 },
  { name: 'binary: unreadable direction', rule: BIN20, target: 10, dir: '≥≤', actual: 10, score: null, review: true, explains: ['指标值类型无法识别'] },
  { name: 'binary: points from the weight (未达到标准值不得分)', rule: '该指标分值5分，未达到标准值不得分。', target: '无遗失损坏', dir: '定性', actual: '达成', score: 5 },
  { name: 'binary: 否', rule: '该指标分值5分，未达到标准值不得分。', target: '无遗失损坏', dir: '定性', actual: '否', score: 0 },
  { name: 'binary: unknown grade', rule: '该指标分值5分，未达到标准值不得分。', target: '无遗失损坏', dir: '定性', actual: '差不多', score: null, review: true, explains: ['无法识别'] },
  { name: 'binary: no weight', rule: '达到目标值得满分，否则不得分。', target: 10, dir: '≥', actual: 10, score: null, review: true, explains: ['没有分值'] },
];

const ONTIME = `${W(10)}按时完成计10分，否则不得分。`;
const TIME: Case[] = [
  { name: 'time: a date cell on the last day of the month', rule: ONTIME, target: '2024年12月前', dir: '定性', actual: '2024-12-31', actualFormat: 'yyyy-mm-dd', score: 10, explains: ['不晚于截止 2024-12-31'] },
  { name: 'time: a date cell as a serial number (Office host)', rule: ONTIME, target: '2024年12月前', dir: '定性', actual: serial(2024, 11, 20), actualFormat: 'yyyy/m/d', score: 10 },
  { name: 'time: one day late', rule: ONTIME, target: '2024年12月前', dir: '定性', actual: '2025-01-01', actualFormat: 'yyyy-mm-dd', score: 0 },
  { name: 'time: a text month', rule: ONTIME, target: '2024年12月前', dir: '定性', actual: '2024年11月', score: 10, explains: ['按 2024-11-30 计'] },
  { name: 'time: a text month, late', rule: ONTIME, target: '2024年12月前', dir: '定性', actual: '2025年1月', score: 0 },
  { name: 'time: 按时完成', rule: ONTIME, target: '2024年12月前', dir: '定性', actual: '按时完成', score: 10 },
  { name: 'time: 未按时完成', rule: ONTIME, target: '2024年12月前', dir: '定性', actual: '未按时完成', score: 0 },
  { name: 'time: 底前 is the end of the month', rule: ONTIME, target: '2025年10月底前', dir: '定性', actual: '2025-10-31', actualFormat: 'yyyy-mm-dd', score: 10 },
  { name: 'time: a text month equal to the deadline month', rule: ONTIME, target: '2025年10月底前', dir: '定性', actual: '2025年10月', score: 10 },
  { name: 'time: a text day after the deadline', rule: ONTIME, target: '2025年10月底前', dir: '定性', actual: '2025年11月1日', score: 0 },
  { name: 'time: a number is not a date', rule: ONTIME, target: '2025年10月底前', dir: '定性', actual: 10, score: null, review: true },
];

const PEROCC = `${W(10)}每发生一起扣5分，扣完为止。`;
const PER: Case[] = [
  { name: 'per occurrence: none', rule: PEROCC, target: 0, unit: '起', dir: '≤', actual: 0, score: 10 },
  { name: 'per occurrence: one', rule: PEROCC, target: 0, unit: '起', dir: '≤', actual: 1, score: 5, explains: ['实际发生 1 次，扣 5 分，得 5 分'] },
  { name: 'per occurrence: down to 0', rule: PEROCC, target: 0, unit: '起', dir: '≤', actual: 3, score: 0 },
  { name: 'per occurrence: 无', rule: PEROCC, target: 0, unit: '起', dir: '≤', actual: '无', score: 10 },
  { name: 'per occurrence: 1起', rule: PEROCC, target: 0, unit: '起', dir: '≤', actual: '1起', score: 5 },
  { name: 'per occurrence: not a whole number', rule: PEROCC, target: 0, unit: '起', dir: '≤', actual: 1.5, score: null, review: true },
  { name: 'per occurrence: capped', rule: `${W(10)}每出现一次扣2分，最多扣6分。`, target: 0, dir: '≤', actual: 5, score: 4 },
  { name: 'per occurrence: added points, up to the weight', rule: `${W(5)}每发现一次加1分。`, target: 3, dir: '≥', actual: 3, score: 3 },
  { name: 'per occurrence: added points are capped by the weight', rule: `${W(5)}每发现一次加1分。`, target: 3, dir: '≥', actual: 8, score: 5 },
];

const LIST = `${W(10)}①已制定管理制度，4分；②制度合规、完整，3分；③制度有效执行，3分。`;
const CHECKLIST: Case[] = [
  { name: 'checklist: all items', rule: LIST, target: '制度健全并执行', dir: '定性', actual: '①②③', score: 10 },
  { name: 'checklist: items 1 and 3', rule: LIST, target: '制度健全并执行', dir: '定性', actual: '①③', score: 7, explains: ['实际完成第 1、3 项：4 + 3 = 7 分'] },
  { name: 'checklist: items by number', rule: LIST, target: '制度健全并执行', dir: '定性', actual: '1、3', score: 7 },
  { name: 'checklist: 全部', rule: LIST, target: '制度健全并执行', dir: '定性', actual: '全部', score: 10 },
  { name: 'checklist: 无', rule: LIST, target: '制度健全并执行', dir: '定性', actual: '无', score: 0 },
  { name: 'checklist: one item', rule: LIST, target: '制度健全并执行', dir: '定性', actual: '②', score: 3 },
  { name: 'checklist: no such item', rule: LIST, target: '制度健全并执行', dir: '定性', actual: '④', score: null, review: true },
  { name: 'checklist: a number is not a list', rule: LIST, target: '制度健全并执行', dir: '定性', actual: 3, score: null, review: true },
  { name: 'checklist: 12 is ambiguous', rule: LIST, target: '制度健全并执行', dir: '定性', actual: '12', score: null, review: true },
  { name: 'checklist per missing item: 2 missing', rule: `${W(5)}每少一项扣1分，扣完为止。`, target: '五项制度', dir: '定性', actual: 2, score: 3 },
  { name: 'checklist per missing item: none missing', rule: `${W(5)}每少一项扣1分，扣完为止。`, target: '五项制度', dir: '定性', actual: '全部', score: 5 },
  { name: 'checklist per missing item: down to 0', rule: `${W(5)}每少一项扣1分，扣完为止。`, target: '五项制度', dir: '定性', actual: 7, score: 0 },
];

const BY = `${W(10)}按完成情况赋分。`;
const UNSPECIFIED: Case[] = [
  { name: 'default 正向: 90%', rule: BY, target: 200, unit: '家', dir: '≥', actual: 180, score: 9, explains: ['得分 = 10 × 90.0% = 9 分'] },
  { name: 'default 正向: 100% completion', rule: BY, target: 200, unit: '家', dir: '≥', actual: 200, score: 10 },
  { name: 'default 正向: over 100% is 100%', rule: BY, target: 200, unit: '家', dir: '≥', actual: 250, score: 10 },
  { name: 'default 正向: 0', rule: BY, target: 200, unit: '家', dir: '≥', actual: 0, score: 0 },
  { name: 'default 正向: 2/3 rounds to 2 decimals', rule: BY, target: 3, dir: '≥', actual: 2, score: 6.67 },
  { name: 'default 正向: target 0', rule: BY, target: 0, dir: '≥', actual: 5, score: null, review: true, explains: ['指标值为 0'] },
  { name: 'default = is 正向', rule: BY, target: 501, dir: '=', actual: 480, score: 9.58 },
  { name: 'default 反向', rule: BY, target: '10万元', dir: '≤', actual: 12.5, score: 8 },
  { name: 'default 反向 under the limit', rule: BY, target: '10万元', dir: '≤', actual: 8, score: 10 },
  { name: 'default 反向, actual 0', rule: BY, target: '10万元', dir: '≤', actual: 0, score: 10 },
  { name: 'default 反向, target 0 and actual 0', rule: BY, target: 0, unit: '起', dir: '≤', actual: 0, score: 10 },
  { name: 'default 反向, target 0 and actual 2', rule: BY, target: 0, unit: '起', dir: '≤', actual: 2, score: 0 },
  { name: 'default: a 成本 indicator is 反向', rule: BY, target: '17万元', dir: '≥', cat: '成本指标', sub: '经济成本指标', actual: 20, score: 8.5, explains: ['成本指标按反向计'] },
  { name: 'default: no 指标值类型 reads as =', rule: BY, target: 100, actual: 50, score: 5, explains: ['按“=”（正向）计'] },
  { name: 'default: weight from the 分值 column', rule: BY, target: 100, dir: '≥', actual: 50, weight: 8, score: 4, explains: ['分值列 8 分与评分标准写的 10 分不一致'] },
  { name: 'default: no weight at all', rule: '按完成情况赋分。', target: 100, dir: '≥', actual: 50, score: null, review: true, explains: ['没有分值'] },
  { name: 'grade: 达成', rule: BY, target: '有效', dir: '定性', actual: '达成', score: 10 },
  { name: 'grade: 已完成', rule: BY, target: '有效', dir: '定性', actual: '已完成', score: 10 },
  { name: 'grade: 是', rule: BY, target: '有效', dir: '定性', actual: '是', score: 10 },
  { name: 'grade: 未完成', rule: BY, target: '有效', dir: '定性', actual: '未完成', score: 0 },
  { name: 'grade: 部分达成 70%', rule: BY, target: '有效', dir: '定性', actual: '部分达成 70%', score: 7 },
  { name: 'grade: 部分达成70% (no space)', rule: BY, target: '有效', dir: '定性', actual: '部分达成70%', score: 7 },
  { name: 'grade: 部分达成：60%', rule: BY, target: '有效', dir: '定性', actual: '部分达成：60%', score: 6 },
  { name: 'grade: 部分完成 55.5%', rule: BY, target: '有效', dir: '定性', actual: '部分完成 55.5%', score: 5.55 },
  { name: 'grade: 部分达成 without a share', rule: BY, target: '有效', dir: '定性', actual: '部分达成', score: null, review: true, explains: ['需写明达成比例'] },
  { name: 'grade: 部分达成 90% is outside 50–80%', rule: BY, target: '有效', dir: '定性', actual: '部分达成 90%', score: null, review: true },
  { name: 'grade: unknown word', rule: BY, target: '有效', dir: '定性', actual: '较好', score: null, review: true },
  { name: 'grade: a number', rule: BY, target: '有效', dir: '定性', actual: 95, score: null, review: true },
  { name: 'grade: not filled in', rule: BY, target: '有效', dir: '定性', actual: null, score: null, review: true },
  { name: 'time default: on time', rule: BY, target: '2024年12月前', dir: '定性', actual: serial(2024, 11, 20), actualFormat: 'yyyy-mm-dd', score: 10 },
  { name: 'time default: late needs review', rule: BY, target: '2024年12月前', dir: '定性', actual: '2025年1月', score: null, review: true, explains: ['逾期'] },
  { name: 'time default: 已完成', rule: BY, target: '2024年12月前', dir: '定性', actual: '已完成', score: 10 },
  { name: 'time default: 未完成', rule: BY, target: '2024年12月前', dir: '定性', actual: '未完成', score: 0 },
  { name: '定性 with a numeric target and a number needs review', rule: BY, target: '95%', dir: '定性', actual: '96%', score: null, review: true, explains: ['指标值类型为“定性”'] },
  { name: '定性 with a numeric target and a grade', rule: BY, target: '95%', dir: '定性', actual: '达成', score: 10 },
];

export const ALL: [string, Case[]][] = [
  ['step deduction', STEP],
  ['threshold + formula', THRESHOLD],
  ['tiers', TIER],
  ['binary', BINARY],
  ['binary time targets', TIME],
  ['per occurrence', PER],
  ['checklist', CHECKLIST],
  ['unspecified: national defaults and grades', UNSPECIFIED],
];

