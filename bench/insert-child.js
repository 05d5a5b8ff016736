/**
 * What `jixiao insert` does, for COUNT template rows at once (the CLI inserts one per run): read the
 * workbook, plan the rows (spread over the projects, one under the 时效 二级 of every n-th), apply the plan,
 * write the copy and read it back. Runs the compiled engine in lib/, as `jixiao` does; bench/write.bench.ts
 * times it in a child process like the CLI commands.
 *   node bench/insert-child.js FILE OUT COUNT
 */
'use strict';
const fs = require('node:fs');
const { readInput } = require('../lib/cli/inputs');
const { readWorkbook } = require('../lib/hosts/xlsx/read');
const { applyPlanToXlsx } = require('../lib/hosts/xlsx/write');
const { readWorkbookModel } = require('../lib/core/layout/read');
const { createOpsContext, planInsertTemplates } = require('../lib/core/edit');
const { BUILTIN_PROFILES } = require('../lib/core/profile');

async function main() {
  const [file, out, countArg] = process.argv.slice(2);
  const count = Number(countArg) || 50;
  const { bytes, snapshot } = await readInput(file);
  const ctx = createOpsContext(snapshot, { profile: BUILTIN_PROFILES.hunan, year: 2024 });
  const projects = ctx.model.sheets[0].tables[0].projects.map((p) => p.name);
  const step = Math.max(1, Math.floor(projects.length / count));
  const requests = Array.from({ length: count }, (_, i) => ({ project: projects[(i * step) % projects.length], subcategory: 'timeliness', template: 'on-time-rate', values: { item: `任务${i + 1}` } }));
  const result = planInsertTemplates(ctx, requests);
  if (result.refused.length) throw new Error(`refused: ${result.refused.map((n) => n.message['en-US']).join('; ')}`);
  const output = await applyPlanToXlsx(bytes, result.plan);
  fs.writeFileSync(out, output);
  const model = readWorkbookModel(await readWorkbook(output, out));
  const indicators = model.sheets.flatMap((s) => s.tables.flatMap((t) => t.projects)).reduce((n, p) => n + p.indicators.filter((i) => i.name).length, 0);
  process.stdout.write(`${indicators}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e && e.stack) || e}\n`);
  process.exit(2);
});
