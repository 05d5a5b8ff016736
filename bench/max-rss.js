/** Preloaded (`node --require`) by bench/write.bench.ts: reports the process's peak RSS (KiB) on stderr when it exits. */
'use strict';
process.on('exit', () => {
  process.stderr.write(`jixiao-max-rss ${process.resourceUsage().maxRSS}\n`);
});
