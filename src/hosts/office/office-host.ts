/**
 * The Office.js host: the only code that calls Excel.run. It reads sheets into snapshots, applies
 * write plans, keeps the ledger of marks and clears them, and moves the selection.
 *
 * It is written against the structural API in excel-api.ts, so the same class runs in Excel
 * (createOfficeHost() in office-entry.ts passes the real Excel.run) and on the in-memory fake
 * (new OfficeHost(fakeExcel)) in tests and in the browser preview.
 *
 * Reads: one sync per sheet. The first sync also lists the sheets; each sheet's read takes its used
 * range's values, the formulas and number formats of formula and numeric cells (special cells, so the
 * response carries them only where they exist) and the merged areas. Before a sheet's size is known
 * the read takes its first `firstReadRows` rows (the budget over an assumed 12 columns: ~14,500 rows);
 * the rest of a larger sheet is read in row blocks, one sync each, sized from rowCount × columnCount
 * (budget: 80% of Excel on the web's 5 MB at an estimated 24 bytes a cell). A first read refused as
 * too large (a sheet much wider than assumed) is retried sizes first.
 *
 * Writes (apply/, clear.ts): the cells' current state and the ledger are read first, protection is
 * checked, then every write goes in one batch (one sync) with calculation suspended. If that sync
 * fails, the host rolls back what Excel applied before the failing action, so nothing is half-written.
 */
import type { WorkbookSnapshot, SheetSnapshot, CellValue } from '../../core/snapshot/snapshot';
import type { WritePlan } from '../../core/plan/ops';
import type { RangeRef } from '../../core/domain/a1';
import { toA1 } from '../../core/domain/a1';
import type { ApplyOptions, ApplyReport, CellAddress, ClearReport, HostCapabilities, WorkbookHost } from '../workbook-host';
import { HostError } from '../workbook-host';
import type { ExcelEnvironment, XlRange, XlRangeAreas, XlWorksheet } from './excel-api';
import { errorCode, hostErrorFrom, sheetMissingError, unsupportedError } from './errors';
import { DEFAULT_BUDGET, budgetCells, withSession, type Budget, type RunStats, type Session } from './session';
import { isDateFormat, normaliseCell, parseArea, serialToIso, snapshotValue, splitAreas } from './util';
import { applyPlanOffice } from './apply';
import { clearMarksOffice } from './clear';

export interface OfficeHostOptions {
  /** Overrides of the request budget (tests use a small payloadLimit to exercise block reads). */
  budget?: Partial<Budget>;
}

/**
 * The lowest ExcelApi set the host needs: merged areas (1.13); also fill patterns (1.12), special cells
 * and cell properties (1.9), workbook protection and the active cell (1.7), suspended calculation and
 * Worksheet.calculate (1.6), custom XML parts (1.5), names (1.4).
 */
export const REQUIRED_API = '1.13';
/** Notes (detected at run time; without them messages go only to the 检查结果 sheet). */
export const NOTES_API = '1.18';

export class OfficeHost implements WorkbookHost {
  readonly budget: Budget;
  /** Syncs of the last operation (for the benchmark and the tests). */
  lastRun: RunStats | undefined;

  constructor(
    readonly env: ExcelEnvironment,
    options: OfficeHostOptions = {},
  ) {
    this.budget = { ...DEFAULT_BUDGET, ...(options.budget ?? {}) };
  }

  get capabilities(): HostCapabilities {
    return { notes: this.env.isSetSupported('ExcelApi', NOTES_API), ledger: 'customXml' };
  }

  /** Throws HostError('unsupported') when the host lacks the API sets jixiao needs. */
  requireApi(what: { 'zh-CN': string; 'en-US': string } = { 'zh-CN': '合并单元格的读取', 'en-US': 'reading merged cells' }): void {
    if (!this.env.isSetSupported('ExcelApi', REQUIRED_API)) throw unsupportedError(`${what['zh-CN']} / ${what['en-US']}`, REQUIRED_API);
  }

  /** @internal Runs a batch, counting syncs into lastRun. */
  session<T>(op: RunStats['op'], fn: (s: Session) => Promise<T>): Promise<T> {
    return withSession(this.env, fn, (syncs, writeSyncs) => {
      this.lastRun = { op, syncs, writeSyncs };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  async readWorkbook(): Promise<WorkbookSnapshot> {
    this.requireApi();
    try {
      return await this.session('read', (s) => this.readFast(s));
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'InvalidArgument') {
        // The first read of a sheet guessed its width wrong (or the sheet ends near the last row):
        // read again, sizes first.
        try {
          return await this.session('read', (s) => this.readSafe(s));
        } catch (e2) {
          throw hostErrorFrom(e2, true);
        }
      }
      throw hostErrorFrom(e, true);
    }
  }

  /** Rows read with a sheet's first sync, before its size is known. */
  get firstReadRows(): number {
    return Math.max(1, Math.floor(budgetCells(this.budget) / this.budget.assumedColumns));
  }

  private async readFast(s: Session): Promise<WorkbookSnapshot> {
    const ctx = s.ctx;
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    const first = queueSheetRead(sheets.getFirst(), this.firstReadRows);
    await s.sync();
    const names = sheets.items.map((w) => w.name);
    const out: SheetSnapshot[] = [];
    for (let i = 0; i < names.length; i++) {
      const read = i === 0 ? first : queueSheetRead(sheets.getItem(names[i]), this.firstReadRows);
      if (i > 0) await s.sync();
      out.push(await this.finishSheet(s, names[i], read));
    }
    return { source: this.env.source ?? 'Excel', sheets: out };
  }

  /** Sizes first, then blocks: for sheets whose first read was too large. */
  private async readSafe(s: Session): Promise<WorkbookSnapshot> {
    const sheets = s.ctx.workbook.worksheets;
    sheets.load('items/name');
    await s.sync();
    const names = sheets.items.map((w) => w.name);
    const out: SheetSnapshot[] = [];
    for (const name of names) {
      const ws = sheets.getItem(name);
      const used = ws.getUsedRange(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await s.sync();
      const read: SheetRead = { ws, used, blocks: [], coveredRows: 0 };
      out.push(await this.finishSheet(s, name, read));
    }
    return { source: this.env.source ?? 'Excel', sheets: out };
  }

  /**
   * Reads the rest of a sheet in row blocks (when the first read did not cover it) and builds its
   * snapshot. A block Excel refuses as too large is read again in halves.
   */
  private async finishSheet(s: Session, name: string, read: SheetRead): Promise<SheetSnapshot> {
    const top = read.used.rowIndex + 1;
    const left = read.used.columnIndex + 1;
    const rows = read.used.rowCount;
    const cols = read.used.columnCount;
    const bottom = top + rows - 1;
    let perBlock = Math.max(1, Math.floor(budgetCells(this.budget) / Math.max(1, cols)));
    for (let start = top + read.coveredRows; start <= bottom; ) {
      const n = Math.min(perBlock, bottom - start + 1);
      const range = read.ws.getRangeByIndexes(start - 1, left - 1, n, cols);
      const block = queueBlock(range, { top: start, left, bottom: start + n - 1, right: left + cols - 1 });
      try {
        await s.sync();
      } catch (e) {
        const code = errorCode(e);
        if ((code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded') && n > 1) {
          perBlock = Math.max(1, Math.floor(n / 2));
          continue;
        }
        throw e;
      }
      read.blocks.push(block);
      start += n;
    }
    return buildSnapshot(name, read);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  async applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyReport> {
    this.requireApi({ 'zh-CN': '写入标记和公式', 'en-US': 'writing marks and formulas' });
    return applyPlanOffice(this, plan, options);
  }

  async clearMarks(): Promise<ClearReport> {
    this.requireApi({ 'zh-CN': '清除标记', 'en-US': 'clearing marks' });
    return clearMarksOffice(this);
  }

  // ---------------------------------------------------------------------------------------------
  // Selection

  async select(target: CellAddress): Promise<void> {
    let cell: string;
    try {
      cell = normaliseCell(target.cell);
    } catch {
      throw new HostError('failed', { 'zh-CN': `单元格地址无效：${target.cell}`, 'en-US': `Not a cell address: ${target.cell}` }, target);
    }
    try {
      await this.session('select', async (s) => {
        const ws = s.ctx.workbook.worksheets.getItem(target.sheet);
        ws.activate();
        ws.getRange(cell).select();
        await s.sync();
      });
    } catch (e) {
      if (errorCode(e) === 'ItemNotFound') throw sheetMissingError(target.sheet);
      throw hostErrorFrom(e, true, target);
    }
  }

  async getSelection(): Promise<CellAddress | null> {
    try {
      return await this.session('selection', async (s) => {
        const cell = s.ctx.workbook.getActiveCell();
        cell.load('address');
        await s.sync();
        const a = parseArea(cell.address);
        if (!a.sheet) return null;
        return { sheet: a.sheet, cell: toA1(a.rect.top, a.rect.left) };
      });
    } catch (e) {
      throw hostErrorFrom(e, true);
    }
  }
}

// -------------------------------------------------------------------------------------------------
// Sheet reads

interface BlockRead {
  rect: RangeRef | null;
  range: XlRange;
  formulas: XlRangeAreas;
  numbers: XlRangeAreas;
  merges: XlRangeAreas;
}

interface SheetRead {
  ws: XlWorksheet;
  used: XlRange;
  blocks: BlockRead[];
  /** Rows of the used range the first read covered (0 when it read only the size). */
  coveredRows: number;
}

function queueBlock(range: XlRange, rect: RangeRef | null): BlockRead {
  range.load(rect ? 'values' : 'rowIndex,columnIndex,values');
  const formulas = range.getSpecialCellsOrNullObject('Formulas');
  formulas.load({ areas: { address: true, formulas: true, numberFormat: true } });
  const numbers = range.getSpecialCellsOrNullObject('Constants', 'Numbers');
  numbers.load({ areas: { address: true, numberFormat: true } });
  const merges = range.getMergedAreasOrNullObject();
  merges.load('address');
  return { rect, range, formulas, numbers, merges };
}

/**
 * The first read of a sheet: its used range's size, and its first `rows` rows (all of a sheet up to
 * that size) in the same request.
 */
function queueSheetRead(ws: XlWorksheet, rows: number): SheetRead {
  const used = ws.getUsedRange(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const band = used.getRow(0).getResizedRange(rows - 1, 0);
  const window = used.getIntersection(band);
  const read: SheetRead = { ws, used, blocks: [queueBlock(window, null)], coveredRows: rows };
  return read;
}

function buildSnapshot(name: string, read: SheetRead): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  const merges = new Map<string, RangeRef>();
  const put = (r: number, c: number, v: CellValue) => {
    while (values.length < r) values.push([]);
    const line = values[r - 1];
    while (line.length < c) line.push(null);
    line[c - 1] = v;
  };
  for (const b of read.blocks) {
    const top = b.rect ? b.rect.top : b.range.rowIndex + 1;
    const left = b.rect ? b.rect.left : b.range.columnIndex + 1;
    const grid = b.range.values;
    const bottom = top + grid.length - 1;
    const right = left + (grid[0]?.length ?? 0) - 1;
    const inBlock = (r: number, c: number) => r >= top && r <= bottom && c >= left && c <= right;
    grid.forEach((line, i) => {
      line.forEach((v, j) => {
        const sv = snapshotValue(v);
        if (sv !== null) put(top + i, left + j, sv);
      });
    });
    // Number formats of numeric cells (dates become ISO text, as the .xlsx host gives them).
    if (!b.numbers.isNullObject) {
      for (const area of b.numbers.areas.items) {
        const a = parseArea(area.address).rect;
        area.numberFormat.forEach((line, i) =>
          line.forEach((f, j) => {
            const r = a.top + i;
            const c = a.left + j;
            if (!inBlock(r, c) || typeof f !== 'string' || f === 'General') return;
            numberFormats[toA1(r, c)] = f;
            const v = grid[r - top]?.[c - left];
            if (typeof v === 'number' && isDateFormat(f)) put(r, c, serialToIso(v));
          }),
        );
      }
    }
    if (!b.formulas.isNullObject) {
      for (const area of b.formulas.areas.items) {
        const a = parseArea(area.address).rect;
        area.formulas.forEach((line, i) =>
          line.forEach((f, j) => {
            const r = a.top + i;
            const c = a.left + j;
            if (!inBlock(r, c) || typeof f !== 'string' || !f.startsWith('=')) return;
            formulas[toA1(r, c)] = f.slice(1);
            const fmt = area.numberFormat[i]?.[j];
            if (typeof fmt === 'string' && fmt !== 'General') {
              numberFormats[toA1(r, c)] = fmt;
              const v = grid[r - top]?.[c - left];
              if (typeof v === 'number' && isDateFormat(fmt)) put(r, c, serialToIso(v));
            }
          }),
        );
      }
    }
    if (!b.merges.isNullObject) {
      for (const area of splitAreas(b.merges.address)) {
        const m = parseArea(area).rect;
        merges.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
      }
    }
  }
  // Rows past the last one with a value are dropped (a snapshot ends at its last value).
  while (values.length > 0 && values[values.length - 1].every((v) => v === null)) values.pop();
  const snap: SheetSnapshot = { name, values, merges: [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left) };
  if (Object.keys(formulas).length) snap.formulas = formulas;
  if (Object.keys(numberFormats).length) snap.numberFormats = numberFormats;
  return snap;
}
