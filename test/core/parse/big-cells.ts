/**
 * Adversarial cells for the parsers, shared by the property test (test/core/parse/property.test.ts: they never
 * throw and return a well-formed result) and the benchmark (bench/parse.bench.ts: how long an uncached parse takes).
 */

/** The words, numbers and symbols the rule parser looks for, to be mixed at random. */
export const RULE_TOKENS = [
  '每', '超过', '超出', '降低', '下降', '相差', '增加', '低于', '差', '一个百分点', '百分点', '个', '百分之', '五',
  '10', '0.5', '60', '1', '0', '100', '95', '3', '%', '％', '扣', '扣除', '分', '计', '得', '不得分', '否则', '达到',
  '未达到', '标准值', '目标值', '得分=', '得分为', '（', '）', '(', ')', '[', ']', '*', '×', '/', '÷', '-', '+', '.',
  '实际完成率', '完成率', '完成率=', '实际完成值', '指标值', '含', '（含）', '(不含)', '以上', '以下', '以内', '及以上',
  '≥', '≤', '≧', '>', '<', '=', '＝', '，', ',', '；', '。', '、', ':', '①', '②', '③', '⑴', '1.', '2、', '该指标分值为',
  '分值', '满分', '扣完为止', '扣满', '为止', '不足', '按', '发生', '一起', '次', '项', '每少一项', '按时', '完成', '…',
  ' ', '\u3000', '\n', '85%-95%', '满意度', '为', '大于等于', '小于', '不低于', '加', '最多扣', '2024年', '12月前',
];

/** A cell's size for the long-cell cases. */
export const BIG_CELL_SIZE = 100_000;

const fill = (unit: string) => unit.repeat(Math.ceil(BIG_CELL_SIZE / unit.length)).slice(0, BIG_CELL_SIZE);

/** 100 KB cells of the shapes that make parsers slow: repeated clauses, open brackets, long formulas, digits, … */
export const BIG_CELLS: [string, string][] = [
  ['repeated step clauses', fill('每超过10%扣2分，')],
  ['open brackets', fill('(')],
  ['a formula of open brackets', '得分=' + fill('(')],
  ['a formula of additions', '得分=' + fill('1+')],
  ['digits', fill('1')],
  ['digits then 分', fill('9') + '分'],
  ['repeated tiers', fill('满意度95%（含）以上计10分，')],
  ['repeated checklist items', fill('①已制定…1分；')],
  ['repeated 每', fill('每')],
  ['repeated comparisons', fill('≥')],
  ['repeated dates', fill('2024年12月前')],
  ['mixed tokens', fill(RULE_TOKENS.join(''))],
];
