/**
 * Benchmark of writing .xlsx: the whole CLI run of `check --json` (reading and judging, nothing written)
 * beside the commands that write a copy: `check --out`, `score --out`, `fix` and `insert` (50 template rows,
 * bench/insert-child.js), each in a child process as a user runs it, at 1,000 and 10,000 indicator rows.
 * Prints the median times and their ratio to `check --json`, and the peak RSS of `check --out` at the
 * largest size. Targets: check --out ≤ 2×, score --out ≤ 2.5×, insert ≤ 3× check --json; check --out
 * at 10,000 rows under 300 MB.
 *   npm run bench:write            (1,000 and 10,000 rows)
 *   npm run bench:write -- 1000    (chosen sizes)
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkbook, fixWorkbook, scoreWorkbook } from './write-inputs';
import { median } from './util';

const RUNS = 3;
const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'jixiao.js');
const MAX_RSS = path.join(__dirname, 'max-rss.js');
const TARGETS: Record<string, number> = { 'check --out': 2, 'score --out': 2.5, insert: 3 };

interface Run {
  ms: number;
  /** Peak resident set size of the child, MiB. */
  rss: number;
}

/** Runs node with `args` (preloading max-rss.js); exit codes 0 and 1 (findings) are success. */
function run(args: string[]): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', MAX_RSS, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const m = /jixiao-max-rss (\d+)/.exec(r.stderr);
  return { ms, rss: m ? Number(m[1]) / 1024 : NaN };
}

function timed(args: () => string[]): { ms: number; rss: number } {
  const runs = Array.from({ length: RUNS }, () => run(args()));
  return { ms: median(runs.map((r) => r.ms)), rss: Math.max(...runs.map((r) => r.rss)) };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const list = sizes.length ? sizes : [1000, 10000];
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-write-bench-'));
  const out = (name: string) => path.join(tmp, name);
  const table: string[][] = [['rows', 'command', 'time (ms)', '× check --json', 'target', 'peak RSS (MiB)']];
  const misses: string[] = [];
  let rss = '';
  try {
    for (const n of list) {
      const check = await checkWorkbook(n);
      const score = await scoreWorkbook(n);
      const fix = await fixWorkbook(n);
      const commands: Array<[string, () => string[]]> = [
        ['check --json', () => [BIN, 'check', check, '--json']],
        ['check --out', () => [BIN, 'check', check, '--out', out('checked.xlsx')]],
        ['score --out', () => [BIN, 'score', score, '--out', out('scored.xlsx')]],
        ['fix', () => [BIN, 'fix', fix, '--out', out('fixed.xlsx')]],
        ['insert', () => [path.join(__dirname, 'insert-child.js'), check, out('inserted.xlsx'), '50']],
      ];
      let base = 0;
      for (const [name, args] of commands) {
        const t = timed(args);
        if (name === 'check --json') base = t.ms;
        const ratio = t.ms / base;
        const target = TARGETS[name];
        if (target && ratio > target) misses.push(`${n} rows: ${name} ${ratio.toFixed(2)}× > ${target}×`);
        table.push([String(n), name === 'insert' ? 'insert (50 rows)' : name, t.ms.toFixed(0), name === 'check --json' ? '1.00' : ratio.toFixed(2), target ? `≤ ${target}` : '', t.rss.toFixed(0)]);
        if (name === 'check --out' && n === Math.max(...list)) rss = `peak RSS of check --out at ${n} rows: ${t.rss.toFixed(0)} MiB (target < 300)`;
        process.stderr.write(`${n} rows: ${name} ${t.ms.toFixed(0)} ms\n`);
      }
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) process.stdout.write(r.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + '\n');
  process.stdout.write(`${rss}\n`);
  process.stdout.write(misses.length ? `over target: ${misses.join('; ')}\n` : 'every ratio within its target\n');
  process.stdout.write(`median of ${RUNS} runs, each a new process; node ${process.version}; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
