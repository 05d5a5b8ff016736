/**
 * Benchmark of `jixiao score`: a generated target table with 实际完成值 and 得分 columns (projects of 8
 * indicators, every rule family), read, scored, and written back with live formulas. Prints the time
 * to read the file, the engine's time (layout + scores + formulas + explanations + the write plan), the
 * formula-writing time (applying the plan to the .xlsx), and the whole CLI run.
 * Target, as for checking: the engine adds at most 10% to the file's read time.
 *   npm run bench:score            (10,000 indicator rows)
 *   npm run bench:score -- 1000    (chosen sizes)
 *   npm run bench:score -- --distinct   (every cost, count and satisfaction value different: rows share less)
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Score from '../src/core/score';
import { buildProjectSheet } from '../test/fixtures/builder';
import { snapshotToXlsx } from '../test/fixtures/xlsx';
import { CACHE, projectsFor, withActuals } from './generate';
import { engine, profiles, timedRead, xlsxWrite } from './engine';
import { firstRun, median, time } from './util';

// The compiled engine (lib/), as `jixiao` runs it (see engine.ts).
const score: typeof Score = require('../lib/core/score');
const { BUILTIN_PROFILES } = profiles;
const { applyPlanToXlsx } = xlsxWrite;

const RUNS = 3;


async function scoreWorkbook(indicatorRows: number, distinct: boolean): Promise<string> {
  await fs.mkdir(CACHE, { recursive: true });
  const file = path.join(CACHE, `score-bench-${indicatorRows}${distinct ? '-distinct' : ''}.xlsx`);
  try {
    await fs.access(file);
    return file;
  } catch {
    /* build it */
  }
  const projects = withActuals(projectsFor(indicatorRows), distinct);
  const sheet = buildProjectSheet({ projects, extraColumns: ['actual', 'score'] });
  await fs.writeFile(file, await snapshotToXlsx({ source: file, sheets: [sheet] }));
  return file;
}

async function main(): Promise<void> {
  const distinct = process.argv.includes('--distinct');
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const list = sizes.length ? sizes : [10000];
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-score-bench-'));
  const table: string[][] = [['indicator rows', 'read (ms)', 'engine (ms)', 'engine/read', 'first run', 'check engine (ms)', 'write formulas (ms)', 'scored', 'review', 'formulas', 'end-to-end CLI (ms)']];
  try {
    for (const n of list) {
      const file = await scoreWorkbook(n, distinct);
      const input = await fs.readFile(file);
      const reads: number[] = [];
      const engines: number[] = [];
      const writes: number[] = [];
      const checks: number[] = [];
      let scored = 0;
      let review = 0;
      let formulas = 0;
      for (let i = 0; i < RUNS; i++) {
        const [tr, snapshot] = await timedRead(file);
        const [te, out] = await time(() => {
          const r = score.runScore(snapshot, BUILTIN_PROFILES.hunan);
          return { r, plan: score.scorePlan(r, 'zh-CN') };
        });
        // For comparison: the check engine on the same snapshot (the same layout reading, then the rules).
        const [tc] = await time(() => engine.checkPlan(engine.runCheck(snapshot, BUILTIN_PROFILES.hunan), 'zh-CN'));
        checks.push(tc);
        const [tw] = await time(() => applyPlanToXlsx(input, out.plan));
        reads.push(tr);
        engines.push(te);
        writes.push(tw);
        const inds = out.r.projects.flatMap((p) => p.indicators);
        scored = inds.filter((s) => s.score !== null).length;
        review = inds.filter((s) => s.needsReview).length;
        formulas = out.plan.ops.filter((o) => o.op === 'setFormula').length;
      }
      let e2e = '';
      if (n <= 10000) {
        const runs: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const [t] = await time(() => {
            try {
              execFileSync(process.execPath, [path.join(__dirname, '..', 'bin', 'jixiao.js'), 'score', file, '--out', path.join(tmp, 'out.xlsx'), '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
            } catch (e) {
              if ((e as { status?: number }).status !== 1) throw e; // 1 = some scores need review, as generated
            }
          });
          runs.push(t);
        }
        e2e = median(runs).toFixed(0);
      }
      const r = median(reads);
      const e = median(engines);
      table.push([String(n), r.toFixed(0), e.toFixed(0), `${((e / r) * 100).toFixed(1)}%`, firstRun(engines, reads), median(checks).toFixed(0), median(writes).toFixed(0), String(scored), String(review), String(formulas), e2e]);
      process.stderr.write(`${n} rows done\n`);
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) process.stdout.write(r.map((c, i) => c.padStart(widths[i])).join('  ') + '\n');
  if (distinct) process.stdout.write('distinct actual values (--distinct)\n');
  process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; median of ${RUNS} runs; node ${process.version}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
