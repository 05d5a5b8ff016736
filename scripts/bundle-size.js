#!/usr/bin/env node
/**
 * Measures the task pane's initial JavaScript: every local <script src> of taskpane.html (the webpack runtime
 * and the taskpane entry chunk; lazily loaded tabs are not initial), gzipped at level 9 as a web server would.
 * Prints the sizes and fails when the total is over the budget (300 KB = 307,200 bytes gzipped).
 *   node scripts/bundle-size.js [dist-dir] [--json] [--optional]
 * --optional: when the directory holds no build, say so and exit 0 (the add-in benchmark calls it that way).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BUDGET = 300 * 1024;

function measure(dir) {
  const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]).filter((s) => !/^https?:/.test(s));
  const files = srcs.map((src) => {
    const buf = fs.readFileSync(path.join(dir, src));
    return { file: src, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
  const lazy = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.chunk.js'))
    .map((f) => {
      const buf = fs.readFileSync(path.join(dir, f));
      return { file: f, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
    });
  const total = files.reduce((n, f) => n + f.gzip, 0);
  return { files, lazy, total, budget: BUDGET, ok: total <= BUDGET };
}

module.exports = { measure, BUDGET };

if (require.main === module) {
  const args = process.argv.slice(2);
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
  if (!fs.existsSync(path.join(dir, 'taskpane.html'))) {
    console.log(`task pane initial JavaScript: no build in ${path.relative(process.cwd(), dir) || dir} (run npm run build first)`);
    process.exit(args.includes('--optional') ? 0 : 1);
  }
  const r = measure(dir);
  if (args.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`task pane initial JavaScript (${path.relative(process.cwd(), dir) || dir}/taskpane.html):`);
    for (const f of r.files) console.log(`  ${f.file.padEnd(36)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
    console.log(`  ${'total'.padEnd(36)} ${''.padStart(10)}  gzip ${kb(r.total).padStart(9)}  (budget ${kb(BUDGET)})`);
    if (r.lazy.length) {
      console.log('loaded on demand:');
      for (const f of r.lazy) console.log(`  ${f.file.padEnd(36)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
    }
    if (!r.ok) console.log(`over budget by ${kb(r.total - BUDGET)}`);
  }
  process.exit(r.ok ? 0 : 1);
}
