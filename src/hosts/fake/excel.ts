/**
 * An in-memory fake of the part of the Excel JavaScript API that jixiao uses, with Office.js's
 * semantics: objects are proxies; a property can be read only after `load()` and `context.sync()`
 * (reading it earlier throws PropertyNotLoaded); writes and method calls are queued and run, in order,
 * on `sync()`; `*OrNullObject` methods give objects whose `isNullObject` is known after a sync; a
 * failing action rejects the sync and leaves the actions before it applied (as Excel does).
 *
 * Every sync is recorded with its request and response size (JSON bytes) and whether it carried
 * writes; Excel on the web's 5 MB payload limit is enforced (configurable). Failures can be simulated:
 * a protected sheet (AccessDenied on writes), cell-edit mode (every sync rejected, nothing applied),
 * an API set the host lacks (notes, ApiNotFound), and a failure injected at the N-th sync, either
 * before anything runs or after K write actions.
 *
 * This module is the environment (Excel.run, requirement sets, the sync log); one module per Excel
 * object holds the rest: sync.ts (the batch and sync()), proxy.ts (load/get/write), context.ts,
 * workbook.ts, application.ts, worksheets.ts, worksheet.ts, range.ts, range-format.ts / range-fill.ts /
 * range-font.ts (on range-part.ts), range-areas.ts, notes.ts, names.ts, custom-xml.ts; and the model
 * edits they share: address.ts, rows.ts, copy.ts, cell-properties.ts.
 *
 * Plain TypeScript, no Node modules: the browser preview runs on it too.
 */
import type { CellValue } from '../../core/snapshot/snapshot';
import type { ExcelEnvironment, XlRequestContext } from '../office/excel-api';
import { FakeRequestContext } from './context';
import { findSheet, type FakeSheet, type FakeWorkbook } from './model';
import { FAKE_PAYLOAD_LIMIT, type FakeEnvironment, type FakeExcelOptions, type InjectedFailure, type ResolvedOptions, type SyncRecord } from './options';

export { FAKE_PAYLOAD_LIMIT } from './options';
export type { FakeExcelOptions, SyncRecord, InjectedFailure } from './options';
export { parseAddress, fullAddress } from './address';
export type { FakeRequestContext } from './context';
export type { FakeRangeProxy } from './range';
export type { FakeWorksheetProxy } from './worksheet';

function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class FakeExcel implements ExcelEnvironment, FakeEnvironment {
  readonly options: ResolvedOptions;
  readonly syncLog: SyncRecord[] = [];
  /** Simulates Excel in cell-edit mode: every sync is rejected with InvalidOperationInCellEditMode. */
  editMode = false;
  private failures: InjectedFailure[] = [];
  private syncCounter = 0;

  constructor(
    public workbook: FakeWorkbook,
    options: FakeExcelOptions = {},
  ) {
    const notes = options.notes ?? true;
    let apiVersion = options.apiVersion ?? '1.18';
    if (!notes && compareVersion(apiVersion, '1.17') > 0) apiVersion = '1.17';
    this.options = {
      apiVersion,
      notes: notes && compareVersion(apiVersion, '1.18') >= 0,
      payloadLimit: options.payloadLimit ?? FAKE_PAYLOAD_LIMIT,
      userName: options.userName ?? 'Fake User',
      source: options.source ?? 'preview',
      evaluate: options.evaluate,
    };
  }

  get source(): string {
    return this.options.source;
  }

  /** Excel.run: a new request context for the batch; queued actions left at the end are synced. */
  async run<T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx);
    if (ctx.pending() > 0) await ctx.sync();
    return result;
  }

  /** Office.context.requirements.isSetSupported. */
  isSetSupported(name: string, version = '1.1'): boolean {
    if (name !== 'ExcelApi') return false;
    return compareVersion(version, this.options.apiVersion) <= 0;
  }

  injectFailure(f: InjectedFailure): void {
    this.failures.push(f);
  }

  clearFailures(): void {
    this.failures = [];
  }

  /** The sync number the next sync will get. */
  get nextSync(): number {
    return this.syncCounter + 1;
  }

  get stats(): { syncs: number; writeSyncs: number; requestBytes: number; responseBytes: number } {
    let requestBytes = 0;
    let responseBytes = 0;
    let writeSyncs = 0;
    for (const s of this.syncLog) {
      requestBytes += s.requestBytes;
      responseBytes += s.responseBytes;
      if (s.writes > 0) writeSyncs++;
    }
    return { syncs: this.syncLog.length, writeSyncs, requestBytes, responseBytes };
  }

  resetStats(): void {
    this.syncLog.length = 0;
    this.syncCounter = 0;
  }

  /** Protects or unprotects a sheet (as the user would). */
  setProtected(sheet: string, on: boolean): void {
    const s = findSheet(this.workbook, sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    s.protected = on;
  }

  /** @internal */
  takeSyncNumber(): number {
    return ++this.syncCounter;
  }

  /** @internal */
  failureFor(index: number, hasWrites: boolean): InjectedFailure | undefined {
    const i = this.failures.findIndex((f) => f.atSync === index || (f.nextWriteSync === true && hasWrites));
    if (i < 0) return undefined;
    return this.failures.splice(i, 1)[0];
  }

  private dirty = new Map<FakeSheet, Set<number>>();

  /** @internal A formula was written: the next calculate('Recalculate') evaluates it again. */
  markDirty(sheet: FakeSheet, key: number): void {
    let set = this.dirty.get(sheet);
    if (!set) {
      set = new Set();
      this.dirty.set(sheet, set);
    }
    set.add(key);
  }

  /** @internal */
  takeDirty(): Map<FakeSheet, Set<number>> {
    const d = this.dirty;
    this.dirty = new Map();
    return d;
  }

  /** Sets (or removes) the formula evaluator (see FakeExcelOptions.evaluate). */
  setEvaluator(evaluate: FakeExcelOptions['evaluate']): void {
    this.options.evaluate = evaluate;
  }

  /** @internal */
  evaluate(formula: string, sheet: string, address: string): CellValue | undefined {
    if (!this.options.evaluate) return undefined;
    try {
      return this.options.evaluate(formula, sheet, address);
    } catch {
      return '#VALUE!';
    }
  }
}
