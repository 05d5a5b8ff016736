/**
 * Benchmark of the cell parsers on 100 KB cells (the adversarial shapes of test/core/parse/property.test.ts:
 * repeated clauses, open brackets, long formulas, digits, …). The parsers are memoised on the text, so
 * every timed call gets a text no call has seen (a run number in front of it): the figures are parses,
 * not cache hits. A cached call of the same text is shown beside them for contrast. Target: well under
 * 50 ms per parser and cell.
 *   npm run bench:parse            (5 runs per cell)
 *   npm run bench:parse -- 20      (runs per cell)
 */
import { parseRule } from '../src/core/parse/rule';
import { parseTarget } from '../src/core/parse/target';
import { parseDirection } from '../src/core/parse/direction';
import { median, time } from './util';

const SIZE = 100_000;
const BUDGET_MS = 50;

const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** The words, numbers and symbols the rule parser looks for (as in the property test). */
const RULE_TOKENS = [
  '每', '超过', '超出', '降低', '下降', '相差', '增加', '低于', '差', '一个百分点', '百分点', '个', '百分之', '五',
  '10', '0.5', '60', '1', '0', '100', '95', '3', '%', '％', '扣', '扣除', '分', '计', '得', '不得分', '否则', '达到',
  '未达到', '标准值', '目标值', '得分=', '得分为', '（', '）', '(', ')', '[', ']', '*', '×', '/', '÷', '-', '+', '.',
  '实际完成率', '完成率', '完成率=', '实际完成值', '指标值', '含', '（含）', '(不含)', '以上', '以下', '以内', '及以上',
  '≥', '≤', '≧', '>', '<', '=', '＝', '，', ',', '；', '。', '、', ':', '①', '②', '③', '⑴', '1.', '2、', '该指标分值为',
  '分值', '满分', '扣完为止', '扣满', '为止', '不足', '按', '发生', '一起', '次', '项', '每少一项', '按时', '完成', '…',
  ' ', '\u3000', '\n', '85%-95%', '满意度', '为', '大于等于', '小于', '不低于', '加', '最多扣', '2024年', '12月前',
];

const CELLS: [string, string][] = [
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

const PARSERS: [string, (text: string) => unknown][] = [
  ['parseRule', parseRule],
  ['parseTarget', parseTarget],
  ['parseDirection', parseDirection],
];

/**
 * A text no parser has seen: the run number goes in front, where it survives the cuts the parsers make
 * before their memo (parseDirection keeps the first 64 characters) and the trim parseTarget does.
 */
let serial = 0;
const fresh = (text: string) => `第${++serial}次：${text}`;

async function main(): Promise<void> {
  const arg = Number(process.argv[2]);
  const runs = arg > 0 ? arg : 5;
  // Warm-up: compile the parsers on texts of the same shapes (not timed).
  for (const [, text] of CELLS) for (const [, parse] of PARSERS) parse(fresh(text));

  const table: string[][] = [['cell (100 KB)', ...PARSERS.flatMap(([name]) => [`${name} median`, 'max', 'cached'])]];
  let over = 0;
  for (const [name, text] of CELLS) {
    const row = [name];
    for (const [, parse] of PARSERS) {
      const times: number[] = [];
      let last = '';
      for (let i = 0; i < runs; i++) {
        last = fresh(text);
        times.push((await time(() => parse(last)))[0]);
      }
      const [cached] = await time(() => parse(last));
      const max = Math.max(...times);
      if (max >= BUDGET_MS) over++;
      row.push(median(times).toFixed(2), `${max.toFixed(2)}${max >= BUDGET_MS ? ' !' : ''}`, cached.toFixed(3));
    }
    table.push(row);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  process.stdout.write(`parse benchmark: uncached parses of 100 KB cells, ms (median and max of ${runs} distinct texts; cached: the last text again)\n`);
  for (const r of table) process.stdout.write(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + '\n');
  process.stdout.write(`${over ? `${over} parser/cell pairs at or over` : 'every parse under'} the ${BUDGET_MS} ms budget; node ${process.version}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
