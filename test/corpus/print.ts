/** `npm run corpus`: per document and in total, layout exact or not, must-find recall, false errors, score agreement. */
import fs from 'node:fs';
import path from 'node:path';
import { runCorpus } from './lib/run';

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const results = await runCorpus(only.length ? only : undefined);
  let exact = 0;
  let found = 0;
  let must = 0;
  let falses = 0;
  let agree = 0;
  let scored = 0;
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  console.log(pad('document', 44) + pad('province', 8) + pad('layout', 8) + pad('must-find', 11) + pad('false', 7) + 'scores');
  for (const r of results) {
    if (r.layoutDiffs.length === 0) exact++;
    found += r.mustFind.found;
    must += r.mustFind.total;
    falses += r.falseFindings.length;
    agree += r.scores.agree;
    scored += r.scores.total;
    console.log(
      pad(r.folder, 44) +
        pad(r.key.province, 8) +
        pad(r.layoutDiffs.length ? '✗' : 'exact', 8) +
        pad(`${r.mustFind.found}/${r.mustFind.total}`, 11) +
        pad(String(r.falseFindings.length), 7) +
        (r.scores.total ? `${r.scores.agree}/${r.scores.total}` : '—'),
    );
    if (verbose) {
      for (const d of r.layoutDiffs) console.log(`    layout: ${d}`);
      for (const d of r.mustFind.missed) console.log(`    missed: ${d}`);
      for (const d of r.falseFindings) console.log(`    false:  ${d}`);
      for (const d of r.scores.diffs) console.log(`    score:  ${d}`);
    }
  }
  if (process.argv.includes('--write-gaps')) {
    // Rewrites known-gaps.json from this run: what corpus.test.ts expects to be still wrong, per document.
    const gaps: Record<string, string[]> = {};
    for (const r of results) {
      const a: string[] = [];
      if (r.layoutDiffs.length) a.push('layout');
      if (r.mustFind.missed.length) a.push('mustFind');
      if (r.falseFindings.length) a.push('noFalseErrors');
      if (r.scores.diffs.length) a.push('scores');
      if (a.length) gaps[r.folder] = a;
    }
    fs.writeFileSync(path.join(__dirname, 'known-gaps.json'), JSON.stringify(gaps, null, 2) + '\n');
  }
  console.log(
    `\ntotal: ${results.length} documents, layout exact ${exact}/${results.length}, must-find ${found}/${must}, false findings ${falses}, scores ${agree}/${scored}` +
      (verbose ? '' : '  (--verbose for the differences)'),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
