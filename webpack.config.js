/**
 * Builds the Excel add-in (task pane + function commands) into dist/, and with `--env preview` also the
 * preview page (task pane beside an in-browser workbook over the fake Excel API) into dist-preview/.
 *
 *   npm run build                      production add-in for https://localhost:3000/
 *   ADDIN_URL=https://host/path/ npm run build    the same for a department's web server
 *   OFFICE_JS=local npm run build      serve office.js from dist/office-js/ instead of Microsoft's CDN
 *                                      (for intranets that cannot reach the CDN)
 *   npm run dev-server                 https://localhost:3000 with office-addin-dev-certs
 *
 * No eval anywhere: devtool is 'source-map' or off (never an eval-* kind), so the pages can forbid
 * 'unsafe-eval' in their Content-Security-Policy.
 */
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function addinUrl() {
  const raw = process.env.ADDIN_URL || DEV_URL;
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${raw}`);
  }
  if (u.protocol !== 'https:') throw new Error(`ADDIN_URL must be https (Office loads add-ins only over https): ${raw}`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** Content-Security-Policy of a page; Fluent UI (Griffel) inserts <style> elements, hence style-src 'unsafe-inline'. */
function csp({ officeJs }) {
  // office.js from the CDN loads its host scripts from the same origin (and, on some hosts, MicrosoftAjax from
  // ajax.aspnetcdn.com); Excel on the web's scripts insert inline styles (hence style-src 'unsafe-inline' too).
  const office = officeJs.startsWith('https://') ? ` ${new URL(officeJs).origin} https://ajax.aspnetcdn.com` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const preview = Boolean(env.preview);
  const url = addinUrl();
  const localOfficeJs = process.env.OFFICE_JS === 'local';
  const officeJs = localOfficeJs ? 'office-js/office.js' : CDN_OFFICE_JS;
  const outDir = path.join(__dirname, preview ? 'dist-preview' : 'dist');

  const page = (filename, chunks, title, extra = {}) =>
    new HtmlWebpackPlugin({
      filename,
      template: path.join(__dirname, 'src/taskpane/page.html'),
      chunks: ['runtime', ...chunks],
      chunksSortMode: 'manual',
      inject: 'body',
      scriptLoading: 'defer',
      minify: !dev,
      templateParameters: { title, csp: csp({ officeJs: extra.officeJs ?? '' }), officeJs: extra.officeJs ?? '', body: extra.body ?? '<div id="root"></div>' },
    });

  const plugins = [
    page('taskpane.html', ['taskpane'], '绩效目标表助手', { officeJs }),
    page('commands.html', ['commands'], '绩效目标表助手 commands', { officeJs, body: '' }),
    page('message.html', ['message'], '绩效目标表助手', { body: '' }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
        { from: 'src/taskpane/help.html', to: 'help.html' },
        {
          from: 'manifest.xml',
          to: 'manifest.xml',
          // Every https://localhost:3000/… URL moves under ADDIN_URL; the bare origin (AppDomain) becomes its origin.
          transform: (content) => content.toString('utf8').split(DEV_URL).join(url).split(DEV_URL.replace(/\/$/, '')).join(new URL(url).origin),
        },
        ...(localOfficeJs ? [{ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js' }] : []),
        ...(preview ? [{ from: 'examples/hengyang-2024.xlsx', to: 'examples/hengyang-2024.xlsx' }] : []),
      ],
    }),
  ];
  if (preview) {
    // The real task-pane bundle (taskpane chunk) beside the workbook view; no office.js (the preview host stands in).
    // The preview downloads results through the CLI's writer (src/hosts/xlsx/write.ts, plain JavaScript).
    plugins.push(page('index.html', ['preview', 'taskpane'], 'jixiao 预览 / preview', { body: '<div id="preview-root"></div>' }));
  }

  return {
    mode,
    target: 'web',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/ribbon/commands.ts',
      message: './src/ribbon/message.ts',
      ...(preview ? { preview: './src/preview/index.tsx' } : {}),
    },
    output: {
      path: outDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    devtool: dev || process.env.SOURCE_MAPS ? 'source-map' : false,
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
      // exceljs's browser build is self-contained; the preview reads and writes .xlsx with it.
      alias: { exceljs$: path.join(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
      fallback: { fs: false, path: false, zlib: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        { test: /\.css$/, type: 'asset/source' },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } } },
        },
      ],
    },
    optimization: {
      runtimeChunk: 'single',
      splitChunks: { chunks: 'async' },
    },
    performance: {
      // The pane's own budget is enforced by scripts/bundle-size.js (initial JS ≤ 300 KB gzipped); the preview page may be large.
      hints: false,
    },
    plugins,
    stats: 'errors-warnings',
    devServer: {
      port: 3000,
      host: 'localhost',
      hot: false,
      liveReload: true,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: env.WEBPACK_SERVE ? await devCerts() : {} },
    },
  };
};

/**
 * Certificates trusted by Office for https://localhost: office-addin-dev-certs makes them and installs its CA
 * on first use. Where it cannot install the CA (Linux without sudo), the generated certificates are used as
 * they are, with a warning: the browser will ask to trust them.
 */
async function devCerts() {
  const certs = require('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const file = (n) => path.join(dir, n);
    if (fs.existsSync(file('localhost.crt')) && fs.existsSync(file('localhost.key'))) {
      console.warn(`office-addin-dev-certs: ${e.message.split('\n')[0]}\n  serving with the certificates in ${dir} (not trusted by this system: trust ${file('ca.crt')} by hand)`);
      return { key: fs.readFileSync(file('localhost.key')), cert: fs.readFileSync(file('localhost.crt')), ca: fs.readFileSync(file('ca.crt')) };
    }
    throw new Error(`office-addin-dev-certs could not make a localhost certificate: ${e.message}`, { cause: e });
  }
}

// Guard against editing the manifest's dev URL without the build noticing.
if (!fs.readFileSync(path.join(__dirname, 'manifest.xml'), 'utf8').includes(DEV_URL)) {
  throw new Error(`manifest.xml must use ${DEV_URL} URLs (the build replaces them with ADDIN_URL)`);
}
