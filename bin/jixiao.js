#!/usr/bin/env node
'use strict';
// The compiled CLI lives in lib/ (built by `npm install` through the prepare script, or `npm run build:cli`).
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('jixiao: the CLI is not built yet; run `npm run build:cli` (npm install does it too).\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv).catch((e) => {
  process.stderr.write(`jixiao: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
});
