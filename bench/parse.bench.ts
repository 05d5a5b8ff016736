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
import { BIG_CELLS } from '../test/core/parse/big-cells';

const BUDGET_MS = 50;

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
  for (const [, text] of BIG_CELLS) for (const [, parse] of PARSERS) parse(fresh(text));

  const table: string[][] = [['cell (100 KB)', ...PARSERS.flatMap(([name]) => [`${name} median`, 'max', 'cached'])]];
  let over = 0;
  for (const [name, text] of BIG_CELLS) {
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
