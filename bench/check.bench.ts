/**
 * Benchmark of `jixiao check`: for 1,000, 10,000 and 100,000 indicator rows, the time to read the file,
 * the time the engine adds (layout + rules), and for 10,000 rows the whole CLI run end to end.
 * Targets: engine ≤ 10% of the read time at every size; 10,000 rows end to end < 2 s.
 *   npm run bench            (all sizes)
 *   npm run bench -- 1000    (chosen sizes)
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { benchWorkbook } from './generate';
import { engine, profiles, timedRead } from './engine';
import { firstRun, median, time } from './util';

const { runCheck, checkPlan } = engine;
const { BUILTIN_PROFILES } = profiles;

const RUNS = 3;

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const list = sizes.length ? sizes : [1000, 10000, 100000];
  const rows: string[][] = [['indicator rows', 'read (ms)', 'engine (ms)', 'engine/read', 'first run', 'findings', 'plan ops', 'end-to-end CLI (ms)']];
  for (const n of list) {
    const file = await benchWorkbook(n);
    const reads: number[] = [];
    const engines: number[] = [];
    let findings = 0;
    let ops = 0;
    for (let i = 0; i < RUNS; i++) {
      const [tr, snapshot] = await timedRead(file);
      const [te, result] = await time(() => {
        const r = runCheck(snapshot, BUILTIN_PROFILES.hunan);
        return { r, plan: checkPlan(r, 'zh-CN') };
      });
      reads.push(tr);
      engines.push(te);
      findings = result.r.findings.length;
      ops = result.plan.ops.length;
    }
    let e2e = '';
    if (n <= 10000) {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const [t] = await time(() => {
          try {
            execFileSync(process.execPath, [path.join(__dirname, '..', 'bin', 'jixiao.js'), 'check', file, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
          } catch (e) {
            if ((e as { status?: number }).status !== 1) throw e; // 1 = errors found, as expected
          }
        });
        runs.push(t);
      }
      e2e = median(runs).toFixed(0);
    }
    const r = median(reads);
    const e = median(engines);
    rows.push([String(n), r.toFixed(0), e.toFixed(0), `${((e / r) * 100).toFixed(1)}%`, firstRun(engines, reads), String(findings), String(ops), e2e]);
    process.stderr.write(`${n} rows done\n`);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) process.stdout.write(r.map((c, i) => c.padStart(widths[i])).join('  ') + '\n');
  process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; median of ${RUNS} runs; node ${process.version}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
