#!/usr/bin/env node
/**
 * `npm start`: on Windows and macOS, sideloads manifest.xml into desktop Excel with office-addin-debugging
 * (which also starts the https dev server on localhost:3000). office-addin-debugging is fetched by npx on
 * first use rather than kept in package.json: it requires @microsoft/m365agentstoolkit-cli as a peer, a
 * tree of several hundred packages with a native module (keytar) that does not build on CI machines.
 * On Linux there is no desktop Excel to sideload into: this says so and starts the preview instead.
 *   npm start            (Windows / macOS: desktop Excel; Linux: the preview)
 *   npm start -- web     sideload into Excel on the web (office-addin-debugging asks for a document URL)
 */
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 1));
}

const platform = process.argv[2] === 'web' ? 'web' : 'desktop';
if (process.platform === 'win32' || process.platform === 'darwin' || platform === 'web') {
  run(npx, [
    '--yes',
    'office-addin-debugging@6',
    'start',
    'manifest.xml',
    platform,
    '--app',
    'excel',
    '--dev-server',
    'npm run dev-server',
    '--dev-server-port',
    '3000',
  ]);
} else {
  console.log(
    [
      '在 Linux 上无法旁加载（sideload）到 Excel：没有桌面版 Excel。',
      'Sideloading into Excel is impossible on Linux: there is no desktop Excel here.',
      '  • Excel 网页版 / Excel on the web: run `npm run dev-server`, then in Excel on the web choose',
      '    Home › Add-ins › More Add-ins › Upload My Add-in and upload manifest.xml (see docs/deployment.md).',
      '  • Starting the preview instead (task pane beside an in-browser workbook) …',
      '',
    ].join('\n'),
  );
  run(npm, ['run', 'preview']);
}
