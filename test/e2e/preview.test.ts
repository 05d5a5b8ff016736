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
import { runCheck } from '../../src/core/check/engine';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from '../../src/core/profile';
import { runScore } from '../../src/core/score';
import { standardSelfEval } from '../core/score/selfeval-builder';
import { snapshotToXlsx } from '../fixtures/xlsx';

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

/** Waits for the pane to finish and returns its message ('' when none). */
async function settled(): Promise<{ intent: string; text: string }> {
  await page.waitForSelector('[data-testid=pane][data-busy=""]');
  const n = page.locator('[data-testid=notice]');
  if ((await n.count()) === 0) return { intent: '', text: '' };
  return { intent: (await n.getAttribute('data-intent')) ?? '', text: (await n.textContent()) ?? '' };
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
    await page.waitForSelector('[data-testid=file-name]:text("hengyang-2024.xlsx")');
    await page.waitForSelector('td[data-cell=A1]');
    expect(await page.textContent('[data-testid=check-button]')).toBe('检查');
    await shot('01-opened');
  });

  let before: Record<string, string>;
  let notesBefore: number;
  let firstError: { sheet: string; cell: string };

  it('checks the example: marks in the grid, the same findings as the engine in the list, a summary per project', async () => {
    before = await fills();
    notesBefore = await page.locator('td[data-note]').count();
    await page.click('[data-testid=check-button]');
    await page.waitForSelector('[data-testid=finding-item]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');

    // The engine on the same file (read by the CLI's reader) finds the same numbers.
    const expected = runCheck(await readWorkbookFile(EXAMPLE), BUILTIN_PROFILES[DEFAULT_PROFILE_ID]).findings;
    const count = (s: string) => expected.filter((f) => f.severity === s).length;
    expect(await page.locator('[data-testid=finding-item]').count()).toBe(Math.min(expected.length, 200));
    expect(Number(await page.textContent('[data-testid=total-errors]'))).toBe(count('error'));
    expect(Number(await page.textContent('[data-testid=total-warnings]'))).toBe(count('warning'));
    // By default the tables choose the profile, and the summary says which in words (no identifier).
    const chosen = await page.textContent('[data-testid=profile-chosen]');
    expect(chosen).toContain('审核口径：新框架（成本指标为一级）');
    expect(chosen).toContain('按表选择');
    expect(chosen).not.toContain('hunan');
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

  it('scores the example: adds the 实际完成值 and 得分 columns and writes a formula per indicator', async () => {
    await page.click('[data-testid=tab-score]');
    await page.click('[data-testid=score-button]');
    await page.waitForSelector('[data-testid=notice][data-intent=warning]'); // no 实际完成值 column yet
    await page.getByText('没有“实际完成值”列时添加一列').click();
    await page.click('[data-testid=score-button]');
    await page.waitForSelector('[data-testid=project-score]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');
    const expected = runScore(await readWorkbookFile(EXAMPLE), BUILTIN_PROFILES[DEFAULT_PROFILE_ID], { addActual: true });
    expect(await page.locator('[data-testid=project-score]').count()).toBe(expected.projects.length);
    // Every score waits for its actual value: all of them are on the review list.
    const pending = expected.projects.reduce((n, p) => n + p.indicators.filter((i) => i.needsReview).length, 0);
    expect(await page.locator('[data-testid=review-item]').count()).toBe(pending);
    // The grid shows the added headers and a formula in the first indicator's 得分 cell.
    const col = expected.addedColumns.find((c) => c.role === 'score' && c.sheet === expected.projects[0].sheet)!;
    await page.click(`[data-testid=sheet-tab][data-sheet="${col.sheet}"]`);
    expect(await page.textContent(`td[data-cell="${col.letter}${col.headers[0].row}"]`)).toBe('得分');
    const first = expected.projects[0].indicators[0];
    await page.locator(`td[data-cell="${first.cell}"]`).click();
    expect(await page.textContent('[data-testid=status-value]')).toBe(`=${first.formula}`);
    await shot('06-scored-example');
  });

  it('scores a 自评表 with actual values: totals, grades and the chart by 一级指标', async () => {
    const sheet = standardSelfEval().sheet;
    const snapshot = { source: 'selfeval.xlsx', sheets: [sheet] };
    const file = path.join(SHOTS, 'selfeval.xlsx');
    fs.writeFileSync(file, await snapshotToXlsx(snapshot));
    const expected = runScore(await readWorkbookFile(file), BUILTIN_PROFILES[DEFAULT_PROFILE_ID]).projects[0];
    expect(expected.total).not.toBeNull();

    await page.setInputFiles('[data-testid=open-file]', file);
    await page.waitForSelector('[data-testid=file-name]:text("selfeval.xlsx")');
    await page.click('[data-testid=score-button]');
    await page.waitForSelector('[data-testid=project-total]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');
    expect(Number(await page.textContent('[data-testid=project-total]'))).toBeCloseTo(expected.total!, 2);
    expect(await page.textContent('[data-testid=project-grade]')).toBe(expected.grade);
    const cats = await page.$$eval('[data-testid=category-chart] g[data-category]', (gs) => gs.map((g) => g.getAttribute('data-category')));
    expect(cats).toEqual(expect.arrayContaining(['output', 'effect', 'satisfaction']));
    // The total cell holds jixiao's formula.
    await page.locator(`td[data-cell="${expected.totalCell}"]`).click();
    expect(await page.textContent('[data-testid=status-value]')).toBe(`=${expected.totalFormula}`);
    await shot('07-scored-selfeval');

    // Back to the example for the rest.
    await page.goto(url);
    await page.waitForSelector('[data-testid=file-name]:text("hengyang-2024.xlsx")');
    await page.click('[data-testid=check-button]');
    await page.waitForSelector('[data-testid=finding-item]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');
  });

  it('inserts a template row under the project and 二级 of the selected cell', async () => {
    const sheet = firstError.sheet;
    await page.click(`[data-testid=sheet-tab][data-sheet="${sheet}"]`);
    const snapshot = await readWorkbookFile(EXAMPLE);
    const rowsBefore = snapshot.sheets.find((x) => x.name === sheet)!.values.length;
    // The 数量指标 row of the first project.
    const model = runCheck(snapshot, BUILTIN_PROFILES[DEFAULT_PROFILE_ID]).model;
    const project = model.sheets.find((x) => x.sheet === sheet)!.tables[0].projects.find((p) => p.indicators.length > 0)!;
    const quantity = project.rows.find((r) => r.subcategoryKey === 'quantity' && r.name)!;
    await page.locator(`td[data-cell="${quantity.cell.a1}"]`).click();
    await page.click('[data-testid=tab-insert]');
    await page.waitForSelector(`[data-testid=insert-target]:has-text("${project.name}")`);
    expect(await page.inputValue('[data-testid=subcategory-select]')).toBe('quantity');
    const item = page.locator('[data-testid=template-item]').first();
    const templateId = (await item.getAttribute('data-template'))!;
    await item.click();
    await page.click('[data-testid=insert-button]');
    await page.waitForSelector('[data-testid=notice]');
    const n = await settled();
    await shot('07b-inserted');
    expect(n).toEqual({ intent: expect.stringMatching(/success|warning/), text: expect.anything() });
    expect(await page.textContent('[data-testid=insert-notes]')).toContain('✓');
    expect(templateId).toBeTruthy();
    // One more row in the grid: the last row of the sheet moved down by one.
    const lastBefore = rowsBefore;
    const texts = await page.$$eval('td[data-cell]', (tds) => tds.filter((td) => td.textContent).map((td) => td.getAttribute('data-cell')!));
    const lastRow = Math.max(...texts.map((a) => Number(/\d+$/.exec(a)![0])));
    expect(lastRow).toBe(lastBefore + 1);
    await shot('07b-inserted');
  });

  it('applies a one-click fix and checks again', async () => {
    await page.waitForSelector('[data-testid=fix-item]');
    const before = await page.locator('[data-testid=fix-item]').count();
    const target = (await page.locator('[data-testid=fix-item]').first().getAttribute('data-cell'))!;
    await page.locator('[data-testid=fix-button]').first().click();
    await page.waitForSelector('[data-testid=notice]');
    const n = await settled();
    expect(n).toEqual({ intent: expect.stringMatching(/success|warning/), text: expect.anything() });
    const after = await page.locator('[data-testid=fix-item]').count();
    expect(after).toBeLessThan(before);
    expect(await page.locator(`[data-testid=fix-item][data-cell="${target}"]`).count()).toBe(0);
    await shot('07c-fixed');
  });

  it('clears every mark: fills and notes as they were, the added sheet gone', async () => {
    await page.click('[data-testid=tab-settings]');
    await page.click('[data-testid=clear-button]');
    await page.waitForSelector('[data-testid=notice][data-intent=success]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');
    await page.click(`[data-testid=sheet-tab][data-sheet="${firstError.sheet}"]`);
    // Rows were inserted since, so compare what does not move: how many cells carry each fill, and the notes.
    const tally = (f: Record<string, string>) => Object.values(f).reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {});
    const now = tally(await fills());
    for (const c of [ERROR_FILL, '#FFEB9C', '#DDEBF7']) expect(now[c] ?? 0).toBe(tally(before)[c] ?? 0);
    expect(await page.locator('td[data-note]').count()).toBe(notesBefore);
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

  it('loads a profile from a JSON file (validated), switches language and mark colour in 设置', async () => {
    await page.click('[data-testid=tab-settings]');
    const bad = path.join(SHOTS, 'bad-profile.json');
    fs.writeFileSync(bad, JSON.stringify({ id: 'x', name: 'x', framework: 'newest', weights: { indicatorTotal: 90, budgetExecution: 10 } }));
    await page.setInputFiles('[data-testid=profile-file]', bad);
    await page.waitForSelector('[data-testid=notice][data-intent=error]');
    expect(await page.textContent('[data-testid=notice]')).toContain('framework');
    const good = path.join(SHOTS, 'city-profile.json');
    fs.writeFileSync(good, JSON.stringify({ ...BUILTIN_PROFILES.national, id: 'city', name: '市级口径' }));
    await page.setInputFiles('[data-testid=profile-file]', good);
    await page.waitForSelector('[data-testid=notice][data-intent=success]');
    expect(await page.inputValue('[data-testid=profile-select]')).toBe('custom');
    await page.selectOption('[data-testid=profile-select]', DEFAULT_PROFILE_ID);

    // Mark colour: errors in light purple, then a check marks with it.
    await page.locator('[data-testid=colour-error]').fill('#e0c8ff');
    await page.selectOption('[data-testid=language-select]', 'en-US');
    expect(await page.textContent('[data-testid=tab-check]')).toContain('Check');
    await shot('08b-settings');
    await page.click('[data-testid=tab-check]');
    await page.click('[data-testid=check-button]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');
    await page.click(`[data-testid=sheet-tab][data-sheet="${firstError.sheet}"]`);
    expect(await page.locator('td[data-fill="#E0C8FF"]').count()).toBeGreaterThan(0);
    expect(await page.locator(`td[data-fill="${ERROR_FILL}"]`).count()).toBe(0);
    // Back to the defaults for the rest.
    await page.click('[data-testid=tab-settings]');
    await page.getByText('Default colours').click();
    await page.selectOption('[data-testid=language-select]', 'auto');
    await page.click('[data-testid=clear-button]');
    await page.waitForSelector('[data-testid=pane][data-busy=""]');
  });

  it('speaks English when Office does', async () => {
    await page.goto(`${url}?lang=en-US`);
    await page.waitForSelector('[data-testid=file-name]:text("hengyang-2024.xlsx")');
    expect(await page.textContent('[data-testid=check-button]')).toBe('Check');
    expect(await page.textContent('[data-testid=tab-settings]')).toContain('Settings');
    await page.waitForSelector('td[data-cell=A1]');
    await page.click('[data-testid=check-button]');
    await page.waitForSelector('[data-testid=finding-item]');
    await shot('09-english');
  });

  it('tells the user when an opened file is not a workbook', async () => {
    const bad = path.join(SHOTS, 'not-a-workbook.xlsx');
    fs.writeFileSync(bad, 'this is not a zip');
    await page.setInputFiles('[data-testid=open-file]', bad);
    await page.waitForSelector('[data-testid=preview-error]');
    expect(await page.textContent('[data-testid=preview-error]')).toContain('.xlsx');
  });

  it('says so in the pane when a sheet is protected, and writes nothing', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=file-name]:text("hengyang-2024.xlsx")');
    const fillsBefore = await fills();
    await page.evaluate((sheet) => (window as unknown as { __jixiaoFakeExcel: { setProtected(s: string, on: boolean): void } }).__jixiaoFakeExcel.setProtected(sheet, true), firstError.sheet);
    await page.click('[data-testid=check-button]');
    await page.waitForSelector('[data-testid=notice][data-intent=error]');
    const text = (await page.textContent('[data-testid=notice]'))!;
    expect(text).toMatch(/保护/);
    expect(text).toContain(firstError.sheet);
    expect(await fills()).toEqual(fillsBefore);
    expect(await page.locator('[data-testid=sheet-tab][data-sheet="检查结果"]').count()).toBe(0);
    await shot('09b-protected');
    await page.evaluate((sheet) => (window as unknown as { __jixiaoFakeExcel: { setProtected(s: string, on: boolean): void } }).__jixiaoFakeExcel.setProtected(sheet, false), firstError.sheet);
  });

  it('runs the ribbon command 一键检查 (same code as the Office function command) without the pane', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=file-name]:text("hengyang-2024.xlsx")');
    await page.click('[data-testid=ribbon-check]');
    await page.waitForSelector('[data-testid=ribbon-message]');
    const expected = runCheck(await readWorkbookFile(EXAMPLE), BUILTIN_PROFILES[DEFAULT_PROFILE_ID]).findings;
    const n = (sev: string) => expected.filter((f) => f.severity === sev).length;
    expect(await page.textContent('[data-testid=ribbon-message]')).toBe(`检查完成：${n('error')} 个错误，${n('warning')} 个警告，${n('info')} 个提示`);
    expect(await page.locator(`td[data-cell="${firstError.cell}"]`).getAttribute('data-fill')).toBe(ERROR_FILL);
    expect(await page.locator('[data-testid=sheet-tab][data-sheet="检查结果"]').count()).toBe(1);
    await shot('10-ribbon-command');
  });

  it('sent no request off localhost and broke no Content-Security-Policy rule', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  });
});
