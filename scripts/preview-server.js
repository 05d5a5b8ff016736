#!/usr/bin/env node
/**
 * Serves the built preview (dist-preview/, from `webpack --env preview`) on http://localhost:PORT and prints
 * the URL. Static files only, bound to 127.0.0.1. PORT defaults to 3001 (3000 is the add-in's dev server).
 *   node scripts/preview-server.js [--port N] [--dir dist-preview] [--open-url-only]
 */
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Starts the server; resolves with { server, url } once it listens (port 0 = any free port). */
function startPreviewServer({ dir = path.join(__dirname, '..', 'dist-preview'), port = 3001, host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    return Promise.reject(new Error(`${root}/index.html not found: build the preview first (npx webpack --mode production --env preview)`));
  }
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://localhost:${p}/` });
    });
  });
}

module.exports = { startPreviewServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  startPreviewServer({ port: Number(opt('--port', process.env.PORT ?? 3001)), dir: opt('--dir', undefined) })
    .then(({ url }) => {
      console.log(`jixiao preview: ${url}`);
      console.log(`  English pane: ${url}?lang=en-US    another workbook: use "打开 .xlsx / Open" or drop a file on the grid`);
      console.log('  (Ctrl+C to stop)');
    })
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
