/**
 * Benchmark of row insertion: 50 template rows into a sheet of 10,000 indicator rows (1,250 merged
 * projects, ~15,000 merged areas), as one plan, spread over the sheet (one row under the 时效 of every
 * 25th project) and all at one place (50 rows under one 二级). Times: read, plan, apply with the xlsx
 * host, read back; the result is checked (50 more indicators, no overlapping merge).
 *   npm run bench:insert            (10,000 rows, 50 inserts)
 *   npm run bench:insert -- 1000 20 (rows, inserts)
 */
import { promises as fs } from 'node:fs';
import { readWorkbook } from '../src/hosts/xlsx/read';
import { applyPlanToXlsx } from '../src/hosts/xlsx/write';
import { readWorkbookModel } from '../src/core/layout/read';
import { createOpsContext, planInsertTemplates, type InsertTemplateRequest } from '../src/core/edit';
import { benchWorkbook } from './generate';
import { median, time } from './util';

const RUNS = 3;

function indicators(model: ReturnType<typeof readWorkbookModel>): number {
  return model.sheets.flatMap((s) => s.tables.flatMap((t) => t.projects)).reduce((n, p) => n + p.indicators.filter((i) => i.name).length, 0);
}

async function main(): Promise<void> {
  const [rowsArg, countArg] = process.argv.slice(2).map(Number);
  const rows = rowsArg > 0 ? rowsArg : 10000;
  const count = countArg > 0 ? countArg : 50;
  const file = await benchWorkbook(rows);
  const bytes = new Uint8Array(await fs.readFile(file));

  const scenarios: { name: string; requests: (projects: string[]) => InsertTemplateRequest[] }[] = [
    {
      name: `${count} rows spread over the sheet`,
      requests: (projects) => {
        const step = Math.max(1, Math.floor(projects.length / count));
        return Array.from({ length: count }, (_, i) => ({ project: projects[(i * step) % projects.length], subcategory: 'timeliness', template: 'on-time-rate', values: { item: `任务${i + 1}` } }));
      },
    },
    {
      name: `${count} rows under one 二级`,
      requests: (projects) => Array.from({ length: count }, (_, i) => ({ project: projects[Math.floor(projects.length / 2)], subcategory: 'quantity', template: 'count-reach', values: { item: `任务${i + 1}`, count: i + 1 } })),
    },
  ];

  const table: string[][] = [['scenario', 'read (ms)', 'plan (ms)', 'apply (ms)', 'read back (ms)', 'ops', 'indicators before → after']];
  for (const sc of scenarios) {
    const reads: number[] = [];
    const plans: number[] = [];
    const applies: number[] = [];
    const backs: number[] = [];
    let ops = 0;
    let summary = '';
    for (let i = 0; i < RUNS; i++) {
      const [tr, snapshot] = await time(() => readWorkbook(bytes, file));
      const [tp, result] = await time(() => {
        const ctx = createOpsContext(snapshot, { year: 2024 });
        const projects = ctx.model.sheets[0].tables[0].projects.map((p) => p.name);
        return { ctx, r: planInsertTemplates(ctx, sc.requests(projects)) };
      });
      if (result.r.refused.length) throw new Error(`refused: ${result.r.refused.map((n) => n.message['en-US']).join('; ')}`);
      const [ta, out] = await time(() => applyPlanToXlsx(bytes, result.r.plan));
      const [tb, back] = await time(async () => readWorkbookModel(await readWorkbook(out, 'out')));
      const before = indicators(result.ctx.model);
      const after = indicators(back);
      if (after !== before + count) throw new Error(`expected ${before + count} indicators after the insert, got ${after}`);
      reads.push(tr);
      plans.push(tp);
      applies.push(ta);
      backs.push(tb);
      ops = result.r.plan.ops.length;
      summary = `${before} → ${after}`;
    }
    table.push([sc.name, median(reads).toFixed(0), median(plans).toFixed(0), median(applies).toFixed(0), median(backs).toFixed(0), String(ops), summary]);
    process.stderr.write(`${sc.name}: done\n`);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  process.stdout.write(`insert benchmark: ${rows} indicator rows (${(bytes.length / 1024).toFixed(0)} KiB)\n`);
  for (const r of table) process.stdout.write(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + '\n');
  process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; median of ${RUNS} runs; node ${process.version}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
