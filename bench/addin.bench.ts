/**
 * Benchmark of the Excel add-in's host on the fake Excel API: for check and score at 1,000 and 10,000
 * indicator rows, the syncs (round trips to Excel) and the request and response bytes of the read and
 * of the write. Excel on the web refuses a request or response over 5 MB; the host reads a sheet in
 * one sync and writes a check in one sync, splitting only past that limit.
 *   npm run bench:addin              (1,000 and 10,000 rows)
 *   npm run bench:addin -- 1000      (chosen sizes)
 */
import type { WorkbookSnapshot } from '../src/core/snapshot/snapshot';
import { BUILTIN_PROFILES } from '../src/core/profile';
import { runCheck, checkPlan } from '../src/core/check/engine';
import { runScore, scorePlan } from '../src/core/score';
import { measureFlow, type FlowMeasure } from '../src/hosts/fake';
import { buildProjectSheet } from '../test/fixtures/builder';
import { projectsFor, withActuals } from './generate';

const profile = BUILTIN_PROFILES.hunan;

/** The check benchmark's table (bench/generate.ts). */
function checkTable(rows: number): WorkbookSnapshot {
  const projects = projectsFor(rows);
  const fund = projects.reduce((n, p) => n + (p.fund as number), 0);
  return { source: `bench-${rows}`, sheets: [buildProjectSheet({ projects, department: { name: '基准测试单位', fund } })] };
}

/** The score benchmark's table (as bench/score.bench.ts): 实际完成值 and 得分 columns, actual values varied by project. */
function scoreTable(rows: number): WorkbookSnapshot {
  const projects = withActuals(projectsFor(rows));
  return { source: `score-bench-${rows}`, sheets: [buildProjectSheet({ projects, extraColumns: ['actual', 'score'] })] };
}

function kb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(0)} KB`;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const list = sizes.length ? sizes : [1000, 10000];
  const table: string[][] = [
    ['rows', 'flow', 'read syncs', 'read request', 'read response', 'apply syncs', 'write syncs', 'apply request', 'largest request', 'ops', 'fake ms'],
  ];
  const add = (n: number, flow: string, m: FlowMeasure) =>
    table.push([
      String(n),
      flow,
      String(m.read.syncs),
      kb(m.read.requestBytes),
      kb(m.read.responseBytes),
      String(m.apply.syncs),
      String(m.apply.writeSyncs),
      kb(m.apply.requestBytes),
      kb(Math.max(m.apply.maxRequestBytes, m.read.maxRequestBytes)),
      String(m.ops),
      String(m.read.ms + m.apply.ms),
    ]);
  for (const n of list) {
    add(n, 'check', await measureFlow(checkTable(n), (s) => checkPlan(runCheck(s, profile), 'zh-CN')));
    add(n, 'score', await measureFlow(scoreTable(n), (s) => scorePlan(runScore(s, profile), 'zh-CN')));
    process.stderr.write(`${n} rows done\n`);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) process.stdout.write(r.map((c, i) => c.padStart(widths[i])).join('  ') + '\n');
  process.stdout.write(
    'On the fake Excel API (src/hosts/fake): apply syncs include the reads before writing (cell states, ledger) and, for score, a recalculation; ' +
      'write syncs carry the changes (Excel on the web: at most 5 MB a request).\n',
  );
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
