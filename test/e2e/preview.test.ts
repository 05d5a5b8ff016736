/**
 * End to end, in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): the preview
 * page with the real task-pane bundle beside the workbook view, over the fake Excel API.
 *
 * One production build of the preview per run (webpack --env preview; set JIXIAO_E2E_NO_BUILD=1 to reuse
 * dist-preview/ while iterating), one browser with a fresh profile, one page that goes through the steps a
 * user would: open the example, check, click findings, filter, score, insert a template row, clear, download.
 * Screenshots go to test/e2e/screenshots/ (gitignored). Every request the page makes is watched: none may
 * leave localhost, and none may be blocked by the Content-Security-Policy.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import type { Server } from 'http';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import * as ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/hosts/xlsx/read';
import { runCheck } from '../../src/core/engine';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from '../../src/core/profile';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require('../../scripts/preview-server') as {
  startPreviewServer(o: { dir?: string; port?: number }): Promise<{ server: Server; url: string }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require('../../scripts/bundle-size') as {
  measure(dir: string): { files: { file: string; gzip: number }[]; total: number; budget: number; ok: boolean };
};

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist-preview');
const SHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXAMPLE = path.join(ROOT, 'examples', 'hengyang-2024.xlsx');
const ERROR_FILL = '#FFC7CE';

let server: Server;
let url: string;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const requests: string[] = [];
const external: string[] = [];
const problems: string[] = [];

function buildOnce(): void {
  if (process.env.JIXIAO_E2E_NO_BUILD === '1' && fs.existsSync(path.join(DIST, 'index.html'))) return;
  const cli = require.resolve('webpack-cli/bin/cli.js');
  execFileSync(process.execPath, [cli, '--mode', 'production', '--env', 'preview'], { cwd: ROOT, stdio: 'inherit' });
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The cells of the grid with a fill, as address → fill. */
async function fills(): Promise<Record<string, string>> {
  return page.$$eval('td[data-fill]', (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell')!, td.getAttribute('data-fill')!])));
}

async function activeSheet(): Promise<string> {
  return (await page.getAttribute('[data-testid=grid]', 'data-sheet')) ?? '';
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  buildOnce();
  ({ server, url } = await startPreviewServer({ dir: DIST, port: 0 }));
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    requests.push(u);
    const host = new URL(u).hostname;
    if (host === 'localhost' || host === '127.0.0.1') return route.continue();
    external.push(u);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

describe('the task pane in the preview', () => {
  it('keeps the initial JavaScript of the pane within 300 KB gzipped, without eval source maps', () => {
    const r = measure(DIST);
    console.log(`task pane initial JS: ${(r.total / 1024).toFixed(1)} KB gzipped (${r.files.map((f) => f.file).join(', ')})`);
    expect(r.ok).toBe(true);
    for (const f of r.files) {
      const js = fs.readFileSync(path.join(DIST, f.file), 'utf8');
      expect(js).not.toMatch(/\beval\(/);
      expect(js).not.toMatch(/sourceURL=webpack/);
    }
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/http-equiv="?Content-Security-Policy/);
    expect(html).not.toMatch(/unsafe-eval/);
  });

  it('opens the bundled example beside the pane', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=check-button]');
    await page.waitForSelector('td[data-cell=A1]');
    expect(await page.textContent('[data-testid=file-name]')).toBe('hengyang-2024.xlsx');
    expect(await page.textContent('[data-testid=check-button]')).toBe('检查');
    await shot('01-opened');
  });

  let before: Record<string, string>;
  let firstError: { sheet: string; cell: string };

  it('checks the example: marks in the grid, the same findings as the engine in the list, a summary per project', async () => {
    before = await fills();
    await page.click('[data-testid=check-button]');
    await page.waitForSelector('[data-testid=finding-item]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');

    // The engine on the same file (read by the CLI's reader) finds the same numbers.
    const expected = runCheck(await readWorkbookFile(EXAMPLE), BUILTIN_PROFILES[DEFAULT_PROFILE_ID]).findings;
    const count = (s: string) => expected.filter((f) => f.severity === s).length;
    expect(await page.locator('[data-testid=finding-item]').count()).toBe(Math.min(expected.length, 200));
    expect(Number(await page.textContent('[data-testid=total-errors]'))).toBe(count('error'));
    expect(Number(await page.textContent('[data-testid=total-warnings]'))).toBe(count('warning'));
    expect(Number(await page.textContent('[data-testid=total-infos]'))).toBe(count('info'));
    expect(await page.locator('[data-testid=summary-row]').count()).toBeGreaterThanOrEqual(3);

    // Marks: the first error's cell is filled with the error colour and carries a note.
    const e = expected.find((f) => f.severity === 'error')!;
    firstError = { sheet: e.sheet, cell: e.cell };
    expect(await activeSheet()).toBe(e.sheet);
    const td = page.locator(`td[data-cell="${e.cell}"]`);
    expect(await td.getAttribute('data-fill')).toBe(ERROR_FILL);
    expect(await td.getAttribute('data-note')).toBe('1');
    const marked = Object.entries(await fills()).filter(([a, f]) => before[a] !== f);
    expect(marked.length).toBeGreaterThan(10);
    // The 检查结果 sheet was added.
    expect(await page.locator('[data-testid=sheet-tab][data-sheet="检查结果"]').count()).toBe(1);
    await shot('02-checked');
  });

  it('selects the cell of a finding when it is clicked, on another sheet too', async () => {
    const items = page.locator('[data-testid=finding-item]');
    const n = await items.count();
    let target = -1;
    for (let i = 0; i < n; i++) {
      const where = (await items.nth(i).getAttribute('data-cell'))!;
      if (where.endsWith(`!${firstError.cell}`)) continue;
      if (where.startsWith(`${firstError.sheet}!`)) {
        target = i;
        break;
      }
    }
    expect(target).toBeGreaterThanOrEqual(0);
    const where = (await items.nth(target).getAttribute('data-cell'))!;
    const cell = where.split('!')[1];
    await items.nth(target).click();
    await page.waitForSelector(`td[data-cell="${cell}"][data-selected="1"]`);
    expect(await page.textContent('[data-testid=name-box]')).toBe(cell);
    expect(await page.textContent('[data-testid=status-note]')).toContain('[jixiao]');
    expect(await items.nth(target).getAttribute('aria-current')).toBe('true');
    await shot('03-finding-selected');

    // A finding on another sheet activates that sheet.
    const other = page.locator(`[data-testid=finding-item]:not([data-cell^="${firstError.sheet}!"])`).first();
    if ((await other.count()) > 0) {
      const [sheet, c] = (await other.getAttribute('data-cell'))!.split('!');
      await other.click();
      await page.waitForSelector(`[data-testid=grid][data-sheet="${sheet}"]`);
      await page.waitForSelector(`td[data-cell="${c}"][data-selected="1"]`);
      await shot('04-finding-other-sheet');
    }
  });

  it('filters the list by severity', async () => {
    await page.click('[data-testid=filter-info]');
    expect(await page.locator('[data-testid=finding-item][data-severity=info]').count()).toBe(0);
    expect(await page.locator('[data-testid=finding-item][data-severity=error]').count()).toBeGreaterThan(0);
    await page.click('[data-testid=filter-warning]');
    expect(await page.locator('[data-testid=finding-item][data-severity=warning]').count()).toBe(0);
    await shot('05-filtered');
    await page.click('[data-testid=filter-info]');
    await page.click('[data-testid=filter-warning]');
    expect(await page.locator('[data-testid=finding-item][data-severity=info]').count()).toBeGreaterThan(0);
  });

  let downloaded: ExcelJS.Workbook;

  it('downloads the marked workbook as a real .xlsx', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-button]')]);
    expect(download.suggestedFilename()).toBe('hengyang-2024-jixiao.xlsx');
    const file = path.join(SHOTS, 'downloaded-checked.xlsx');
    await download.saveAs(file);
    downloaded = new ExcelJS.Workbook();
    await downloaded.xlsx.readFile(file);
    expect(downloaded.worksheets.map((w) => w.name)).toContain('检查结果');
    const cell = downloaded.getWorksheet(firstError.sheet)!.getCell(firstError.cell);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb?.slice(-6)).toBe(ERROR_FILL.slice(1));
    expect(JSON.stringify(cell.note)).toContain('[jixiao]');
  });

  it('clears every mark: fills and notes as they were, the added sheet gone', async () => {
    await page.click('[data-testid=tab-settings]');
    await page.click('[data-testid=clear-button]');
    await page.waitForSelector('[data-testid=notice][data-intent=success]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');
    await page.click(`[data-testid=sheet-tab][data-sheet="${firstError.sheet}"]`);
    expect(await fills()).toEqual(before);
    expect(await page.locator(`td[data-cell="${firstError.cell}"]`).getAttribute('data-note')).toBeNull();
    expect(await page.locator('[data-testid=sheet-tab][data-sheet="检查结果"]').count()).toBe(0);
    await shot('08-cleared');
  });

  it('downloads the cleared workbook without marks', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-button]')]);
    const file = path.join(SHOTS, 'downloaded-cleared.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).not.toContain('检查结果');
    const cell = wb.getWorksheet(firstError.sheet)!.getCell(firstError.cell);
    expect(cell.note).toBeUndefined();
  });

  it('speaks English when Office does', async () => {
    await page.goto(`${url}?lang=en-US`);
    await page.waitForSelector('[data-testid=check-button]');
    expect(await page.textContent('[data-testid=check-button]')).toBe('Check');
    expect(await page.textContent('[data-testid=tab-settings]')).toContain('Settings');
    await page.waitForSelector('td[data-cell=A1]');
    await page.click('[data-testid=check-button]');
    await page.waitForSelector('[data-testid=finding-item]');
    await shot('09-english');
  });

  it('sent no request off localhost and broke no Content-Security-Policy rule', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  });
});
