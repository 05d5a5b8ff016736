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
 * Plain TypeScript, no Node modules: the browser preview runs on it too.
 */
import type { CellValue } from '../../core/snapshot/snapshot';
import { colToLetters, quoteSheet, type RangeRef } from '../../core/domain/a1';
import type {
  ExcelEnvironment,
  XlApplication,
  XlClientResult,
  XlCustomXmlPart,
  XlCustomXmlPartCollection,
  XlCustomXmlPartScopedCollection,
  XlCellProperties,
  XlCellPropertiesFormat,
  XlCellPropertiesLoad,
  XlNamedItem,
  XlNamedItemCollection,
  XlNote,
  XlNoteCollection,
  XlRange,
  XlRangeAreas,
  XlRangeAreasLoad,
  XlRangeCollection,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
  XlRangeHyperlink,
  XlRequestContext,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
  XlWorkbookProtection,
} from '../office/excel-api';
import { ErrorCodes, FakeOfficeError, notLoaded } from './errors';
import { itemsTree, parseLoad, type LoadTree } from './load';
import { jsonBytes, normaliseColor, readFormula, readValue, shiftFormulaRows, utf8Length, writeInput } from './cells';
import {
  MAX_COLS,
  MAX_ROWS,
  cellAt,
  cellKey,
  findSheet,
  hasContent,
  isBlankCell,
  keyCol,
  keyRow,
  newSheet,
  type FakeCell,
  type FakeName,
  type FakeSheet,
  type FakeWorkbook,
} from './model';

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the simulated host supports (default '1.18'). */
  apiVersion?: string;
  /** Cell notes (ExcelApi 1.18). false simulates an older host: notes calls fail with ApiNotFound and isSetSupported('ExcelApi', '1.18') is false. */
  notes?: boolean;
  /** Request and response size limit in bytes (Excel on the web: 5 MB). Infinity for desktop Excel. */
  payloadLimit?: number;
  /**
   * Computes a formula's value when one is written or recalculated (Excel does; the fake does not
   * unless told how). Return undefined (or null: a formula never yields "no value") when unknown:
   * the cell keeps its cached value. planValues()
   * makes one from write plans (their setFormula ops carry the computed values).
   */
  evaluate?: (formula: string, sheet: string, address: string) => CellValue | undefined;
  /** Author of notes added through the API. */
  userName?: string;
  /** Name used in snapshots and messages. */
  source?: string;
}

export interface SyncRecord {
  /** 1-based number of the sync since the fake was made (or since resetStats()). */
  index: number;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Actions that change the workbook. */
  writes: number;
  /** Whether application.suspendApiCalculationUntilNextSync() was queued in this batch. */
  suspendedCalculation: boolean;
  /** Error code, when the sync was rejected. */
  failed?: string;
}

export interface InjectedFailure {
  /** The sync (1-based, counted as in SyncRecord.index) that fails. */
  atSync?: number;
  /** Or: the next sync whose batch carries writes. */
  nextWriteSync?: boolean;
  /** Run this many write actions of the batch first, then fail (undefined: fail before anything runs). */
  afterWrites?: number;
  code?: string;
  message?: string;
}

export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;

interface Action {
  write: boolean;
  /** What the request carries for this action (its size is counted). */
  desc: unknown;
  /** Runs the action; returns what to apply to proxies if the whole sync succeeds, and the response size. */
  run: () => { commit?: () => void; bytes?: number } | void;
}

function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// =================================================================================================
// The environment

export class FakeExcel implements ExcelEnvironment {
  readonly options: Required<Omit<FakeExcelOptions, 'evaluate'>> & Pick<FakeExcelOptions, 'evaluate'>;
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

// =================================================================================================
// Request context and proxies

class FakeRequestContext implements XlRequestContext {
  readonly workbook: FakeWorkbookProxy;
  /** @internal */ queue: Action[] = [];
  /** @internal */ nullables: FakeObject[] = [];
  /** @internal */ suspend = false;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  get wb(): FakeWorkbook {
    return this.fake.workbook;
  }

  pending(): number {
    return this.queue.length;
  }

  /** @internal */
  push(a: Action): void {
    this.queue.push(a);
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    const actions = this.queue;
    this.queue = [];
    const nullables = this.nullables;
    this.nullables = [];
    const suspend = this.suspend;
    this.suspend = false;
    const index = fake.takeSyncNumber();
    // The request: each distinct object path once, then the actions.
    const paths = new Set<string>();
    let requestBytes = 2;
    for (const a of actions) {
      requestBytes += jsonBytes(a.desc) + 1;
      const p = (a.desc as { p?: string }).p;
      if (p && !paths.has(p)) {
        paths.add(p);
        requestBytes += utf8Length(p) + 8;
      }
    }
    for (const o of nullables) {
      if (!paths.has(o.path)) {
        paths.add(o.path);
        requestBytes += utf8Length(o.path) + 8;
      }
    }
    const record: SyncRecord = { index, requestBytes, responseBytes: 0, actions: actions.length, writes: 0, suspendedCalculation: suspend };
    fake.syncLog.push(record);
    await Promise.resolve(); // a round trip: never synchronous

    const reject = (code: string, message: string): never => {
      record.failed = code;
      throw new FakeOfficeError(code, message);
    };
    if (fake.editMode) {
      reject(
        ErrorCodes.invalidOperationInCellEditMode,
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    }
    const failure = fake.failureFor(index, actions.some((a) => a.write));
    if (failure && failure.afterWrites === undefined) reject(failure.code ?? ErrorCodes.generalException, failure.message ?? 'Injected failure (fake).');
    if (requestBytes > fake.options.payloadLimit) {
      reject(ErrorCodes.requestPayloadSizeLimitExceeded, 'The request payload size has exceeded the limit. See https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.');
    }
    const commits: Array<() => void> = [];
    let responseBytes = 2;
    let writes = 0;
    for (const a of actions) {
      if (a.write && failure && writes >= (failure.afterWrites ?? 0)) {
        record.writes = writes;
        reject(failure.code ?? ErrorCodes.generalException, failure.message ?? `Injected failure after ${writes} writes (fake).`);
      }
      try {
        const r = a.run();
        if (r) {
          if (r.commit) commits.push(r.commit);
          if (r.bytes) responseBytes += r.bytes;
        }
      } catch (e) {
        record.writes = writes;
        if (e instanceof FakeOfficeError) {
          record.failed = e.code;
          throw e;
        }
        record.failed = ErrorCodes.generalException;
        throw new FakeOfficeError(ErrorCodes.generalException, e instanceof Error ? e.message : String(e));
      }
      if (a.write) writes++;
    }
    record.writes = writes;
    for (const o of nullables) {
      if (o.nullState === undefined) {
        let t: unknown = null;
        try {
          t = o.target();
        } catch {
          t = null;
        }
        const isNull = t === null;
        commits.push(() => {
          if (o.nullState === undefined) o.nullState = isNull;
        });
        responseBytes += 8;
      }
    }
    record.responseBytes = responseBytes;
    if (responseBytes > fake.options.payloadLimit) reject(ErrorCodes.responsePayloadSizeLimitExceeded, 'The response payload size has exceeded the limit.');
    for (const c of commits) c();
  }
}

abstract class FakeObject {
  /** @internal */ nullState: boolean | undefined;
  protected loaded = new Map<string, unknown>();
  protected local = new Map<string, unknown>();

  constructor(
    readonly ctx: FakeRequestContext,
    readonly path: string,
    readonly nullable = false,
  ) {
    if (nullable) ctx.nullables.push(this);
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** The model object this proxy stands for, found now (at execution); null for a null object. */
  abstract target(): unknown;
  /** Names of the scalar properties load() with no argument loads. */
  protected abstract scalarNames(): string[];
  protected abstract readScalar(name: string, target: unknown): unknown;
  protected navChild(_name: string): FakeObject | undefined {
    return undefined;
  }
  protected className(): string {
    return this.constructor.name.replace(/^Fake|Proxy$/g, '');
  }

  protected getProp<T>(name: string): T {
    if (this.nullState === true) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.className()}.${name}: the object is a null object.`);
    if (this.local.has(name)) return this.local.get(name) as T;
    if (this.loaded.has(name)) return this.loaded.get(name) as T;
    throw notLoaded(`${this.className()}.${name}`);
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    this.ctx.push({ write: false, desc: { a: 'load', p: this.path, v: spec ?? null }, run: () => this.runLoad(tree) });
    return this;
  }

  /** @internal Executes a load now; the values reach the proxy on commit (when the whole sync succeeds). */
  runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    let t: unknown;
    try {
      t = this.target();
    } catch (e) {
      if (this.nullable) t = null;
      else throw e;
    }
    if (t === null || t === undefined) {
      if (!this.nullable) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.className()}: the object does not exist.`);
      return {
        commit: () => {
          this.nullState = true;
        },
        bytes: 16,
      };
    }
    const values = new Map<string, unknown>();
    const names = tree.props.size === 0 && tree.nav.size === 0 ? this.scalarNames() : [...tree.props];
    let bytes = 2;
    for (const n of names) {
      const v = this.readScalar(n, t);
      values.set(n, v);
      bytes += utf8Length(n) + 3 + jsonBytes(v);
    }
    const children: Array<() => void> = [];
    for (const [name, sub] of tree.nav) {
      const child = this.navChild(name);
      if (!child) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.className()} has no property ${name}.`);
      const r = child.runLoad(sub);
      children.push(r.commit);
      bytes += utf8Length(name) + 3 + r.bytes;
    }
    return {
      commit: () => {
        if (this.nullable) this.nullState = false;
        for (const [k, v] of values) {
          this.loaded.set(k, v);
          this.local.delete(k);
        }
        for (const c of children) c();
      },
      bytes,
    };
  }

  /** @internal Queues a write action on this object. */
  protected write(name: string, args: unknown, fn: () => void): void {
    this.ctx.push({
      write: true,
      desc: { a: 'w', p: this.path, n: name, v: args },
      run: () => {
        fn();
      },
    });
  }

  /** @internal Queues a non-write method call (activate, select, suspend...). */
  protected call(name: string, args: unknown, fn: () => { commit?: () => void; bytes?: number } | void): void {
    this.ctx.push({ write: false, desc: { a: 'm', p: this.path, n: name, v: args }, run: fn });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

class FakeClientResult<T> implements XlClientResult<T> {
  private has = false;
  private v: T | undefined;
  get value(): T {
    if (!this.has) throw notLoaded('ClientResult.value');
    return this.v as T;
  }
  /** @internal */
  set(v: T): void {
    this.has = true;
    this.v = v;
  }
}

// -------------------------------------------------------------------------------------------------
// Workbook and application

class FakeWorkbookProxy extends FakeObject implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly names: FakeNamedItemCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, 'workbook');
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }

  readonly protection: FakeWorkbookProtection;

  target(): unknown {
    return this.ctx.wb;
  }
  protected scalarNames(): string[] {
    return ['name'];
  }
  protected readScalar(name: string): unknown {
    if (name === 'name') return this.ctx.fake.source;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `Workbook has no property ${name}.`);
  }

  getSelectedRange(): FakeRangeProxy {
    const ctx = this.ctx;
    const sheet = new FakeWorksheetProxy(ctx, 'workbook.getSelectedRange().worksheet', () => {
      const s = findSheet(ctx.wb, ctx.wb.selection.sheet);
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'No selection.');
      return s;
    });
    return new FakeRangeProxy(ctx, 'workbook.getSelectedRange()', sheet, () => ({ ...ctx.wb.selection.range }));
  }

  /** The active cell: the top-left cell of the selection. */
  getActiveCell(): FakeRangeProxy {
    const ctx = this.ctx;
    const sheet = new FakeWorksheetProxy(ctx, 'workbook.getActiveCell().worksheet', () => {
      const s = findSheet(ctx.wb, ctx.wb.selection.sheet);
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'No selection.');
      return s;
    });
    return new FakeRangeProxy(ctx, 'workbook.getActiveCell()', sheet, () => {
      const r = ctx.wb.selection.range;
      return { top: r.top, left: r.left, bottom: r.top, right: r.left };
    });
  }
}

class FakeWorkbookProtection extends FakeObject implements XlWorkbookProtection {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'workbook.protection');
  }
  target(): unknown {
    return this.ctx.wb;
  }
  protected scalarNames(): string[] {
    return ['protected'];
  }
  protected readScalar(name: string): unknown {
    if (name === 'protected') return !!this.ctx.wb.structureProtected;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `WorkbookProtection has no property ${name}.`);
  }
  get protected(): boolean {
    return this.getProp('protected');
  }
}

function checkStructure(wb: FakeWorkbook): void {
  if (wb.structureProtected) throw new FakeOfficeError(ErrorCodes.accessDenied, "The workbook's structure is protected: sheets cannot be added, deleted or renamed.");
}

class FakeApplication extends FakeObject implements XlApplication {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'workbook.application');
  }
  target(): unknown {
    return this.ctx.wb;
  }
  protected scalarNames(): string[] {
    return ['calculationMode'];
  }
  protected readScalar(name: string): unknown {
    if (name === 'calculationMode') return 'Automatic';
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `Application has no property ${name}.`);
  }
  /** Recalculate: the formulas written since the last calculation; Full: every formula. */
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void {
    this.call('calculate', [calculationType], () => {
      const fake = this.ctx.fake;
      const dirty = fake.takeDirty();
      if (!fake.options.evaluate) return;
      for (const s of this.ctx.wb.sheets) {
        const keys = calculationType === 'Recalculate' ? dirty.get(s) ?? new Set<number>() : new Set(s.cells.keys());
        for (const k of keys) {
          const c = s.cells.get(k);
          if (c?.formula === undefined) continue;
          const v = fake.evaluate(c.formula, s.name, `${colToLetters(keyCol(k))}${keyRow(k)}`);
          if (v !== undefined && v !== null) c.value = v;
        }
      }
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.6')) throw new FakeOfficeError(ErrorCodes.apiNotFound, 'suspendApiCalculationUntilNextSync needs ExcelApi 1.6.');
    this.ctx.suspend = true;
    this.call('suspendApiCalculationUntilNextSync', null, () => undefined);
  }
}

// -------------------------------------------------------------------------------------------------
// Worksheets

function validateSheetName(wb: FakeWorkbook, name: string, except?: FakeSheet): void {
  if (!name || name.length > 31 || /[\\/?*:[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The sheet name '${name}' is not valid.`);
  }
  const other = findSheet(wb, name);
  if (other && other !== except) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
}

class FakeWorksheetCollection extends FakeObject implements XlWorksheetCollection {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'workbook.worksheets');
  }
  target(): unknown {
    return this.ctx.wb.sheets;
  }
  protected scalarNames(): string[] {
    return [];
  }
  protected readScalar(name: string): unknown {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `WorksheetCollection has no property ${name}.`);
  }

  get items(): FakeWorksheetProxy[] {
    return this.getProp<FakeWorksheetProxy[]>('items');
  }

  override runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    const sheets = [...this.ctx.wb.sheets];
    const sub = itemsTree(tree);
    const items = sheets.map((s, i) => new FakeWorksheetProxy(this.ctx, `workbook.worksheets.items[${i}]`, () => s));
    const runs = items.map((it) => it.runLoad(sub));
    return {
      commit: () => {
        this.loaded.set('items', items);
        for (const r of runs) r.commit();
      },
      bytes: 2 + runs.reduce((n, r) => n + r.bytes + 1, 0),
    };
  }

  getItem(key: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, `workbook.worksheets.getItem(${JSON.stringify(key)})`, () => {
      const s = findSheet(this.ctx.wb, key) ?? this.ctx.wb.sheets.find((x) => x.id === key);
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist: worksheet '${key}'.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(
      this.ctx,
      `workbook.worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => findSheet(this.ctx.wb, key) ?? this.ctx.wb.sheets.find((x) => x.id === key) ?? null,
      true,
    );
  }

  getFirst(visibleOnly?: boolean): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, `workbook.worksheets.getFirst(${visibleOnly ? 'true' : ''})`, () => {
      const s = this.ctx.wb.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'No worksheet.');
      return s;
    });
  }

  getActiveWorksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.ctx, 'workbook.worksheets.getActiveWorksheet()', () => {
      const s = findSheet(this.ctx.wb, this.ctx.wb.activeSheet) ?? this.ctx.wb.sheets[0];
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'No worksheet.');
      return s;
    });
  }

  add(name?: string): FakeWorksheetProxy {
    let created: FakeSheet | undefined;
    const proxy = new FakeWorksheetProxy(this.ctx, `workbook.worksheets.add(${JSON.stringify(name ?? null)})`, () => {
      if (!created) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The worksheet was not added.');
      return created;
    });
    this.write('add', [name ?? null], () => {
      const wb = this.ctx.wb;
      checkStructure(wb);
      let n = name;
      if (n === undefined) {
        for (let i = wb.sheets.length + 1; ; i++) if (!findSheet(wb, `Sheet${i}`)) {
          n = `Sheet${i}`;
          break;
        }
      }
      validateSheetName(wb, n as string);
      created = newSheet(wb, n as string);
      wb.sheets.push(created);
    });
    return proxy;
  }
}

class FakeWorksheetProtection extends FakeObject implements XlWorksheetProtection {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheetProxy,
  ) {
    super(ctx, `${sheet.path}.protection`);
  }
  target(): unknown {
    return this.sheet.target();
  }
  protected scalarNames(): string[] {
    return ['protected'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    if (name === 'protected') return (t as FakeSheet).protected;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `WorksheetProtection has no property ${name}.`);
  }
  get protected(): boolean {
    return this.getProp<boolean>('protected');
  }
}

class FakeWorksheetProxy extends FakeObject implements XlWorksheet {
  private bound: FakeSheet | undefined;
  private _protection?: FakeWorksheetProtection;
  private _notes?: FakeNoteCollection;

  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly finder: () => FakeSheet | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  target(): FakeSheet | null {
    const wb = this.ctx.wb;
    if (this.bound) {
      if (wb.sheets.includes(this.bound)) return this.bound;
      if (this.nullable) return null;
      throw new FakeOfficeError(ErrorCodes.itemNotFound, `The worksheet '${this.bound.name}' was deleted.`);
    }
    const s = this.finder();
    if (s) this.bound = s;
    return s;
  }

  /** The sheet, or an error when this is a null object (for actions). */
  sheet(): FakeSheet {
    const s = this.target();
    if (!s) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.path}: the worksheet is a null object.`);
    return s;
  }

  protected scalarNames(): string[] {
    return ['name', 'position', 'visibility', 'id'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const s = t as FakeSheet;
    switch (name) {
      case 'name':
        return s.name;
      case 'position':
        return this.ctx.wb.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'id':
        return s.id;
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `Worksheet has no property ${name}.`);
    }
  }
  protected override navChild(name: string): FakeObject | undefined {
    if (name === 'protection') return this.protection;
    return undefined;
  }

  get name(): string {
    return this.getProp<string>('name');
  }
  set name(v: string) {
    this.local.set('name', v);
    this.write('name', v, () => {
      checkStructure(this.ctx.wb);
      const s = this.sheet();
      validateSheetName(this.ctx.wb, v, s);
      const old = s.name;
      s.name = v;
      if (this.ctx.wb.activeSheet === old) this.ctx.wb.activeSheet = v;
      if (this.ctx.wb.selection.sheet === old) this.ctx.wb.selection.sheet = v;
    });
  }
  get position(): number {
    return this.getProp<number>('position');
  }
  get visibility(): string {
    return this.getProp<string>('visibility');
  }
  get id(): string {
    return this.getProp<string>('id');
  }

  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.ctx, this));
  }

  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.ctx, this));
  }

  getRange(address?: string): FakeRangeProxy {
    const rect = address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseAddress(address);
    return new FakeRangeProxy(this.ctx, `${this.path}.getRange(${JSON.stringify(address ?? '')})`, this, () => rect);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, this, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getRangeByIndexes: the range is outside the sheet.');
      }
      return { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
    });
  }

  getCell(row: number, column: number): FakeRangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, `${this.path}.getUsedRange(${valuesOnly ? 'true' : ''})`, this, (s) => usedRect(s, !!valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, `${this.path}.getUsedRangeOrNullObject(${valuesOnly ? 'true' : ''})`, this, (s) => usedRect(s, !!valuesOnly), true);
  }

  calculate(markAllDirty: boolean): void {
    this.call('calculate', [markAllDirty], () => {
      const s = this.sheet();
      const fake = this.ctx.fake;
      const dirty = fake.takeDirty();
      const keys = markAllDirty ? new Set(s.cells.keys()) : (dirty.get(s) ?? new Set<number>());
      for (const [other, set] of dirty) if (other !== s) for (const k of set) fake.markDirty(other, k);
      for (const k of keys) {
        const c = s.cells.get(k);
        if (c?.formula === undefined) continue;
        const v = fake.evaluate(c.formula, s.name, `${colToLetters(keyCol(k))}${keyRow(k)}`);
        if (v !== undefined && v !== null) c.value = v;
      }
    });
  }

  activate(): void {
    this.call('activate', null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A hidden sheet cannot be activated.');
      const wb = this.ctx.wb;
      wb.activeSheet = s.name;
      if (wb.selection.sheet !== s.name) wb.selection = { sheet: s.name, range: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  delete(): void {
    this.write('delete', null, () => {
      const wb = this.ctx.wb;
      checkStructure(wb);
      const s = this.sheet();
      const visible = wb.sheets.filter((x) => x.visibility === 'Visible');
      if (visible.length <= 1 && s.visibility === 'Visible') throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      const i = wb.sheets.indexOf(s);
      wb.sheets.splice(i, 1);
      if (wb.activeSheet.toLowerCase() === s.name.toLowerCase()) {
        const next = wb.sheets[Math.min(i, wb.sheets.length - 1)];
        wb.activeSheet = next.name;
        wb.selection = { sheet: next.name, range: { top: 1, left: 1, bottom: 1, right: 1 } };
      }
    });
  }
}

// -------------------------------------------------------------------------------------------------
// Ranges

function parseCellRef(s: string): { row?: number; col?: number } {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s.trim());
  if (!m || (!m[1] && !m[2])) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${s}' is not valid.`);
  let col: number | undefined;
  if (m[1]) {
    col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  }
  return { row: m[2] ? Number(m[2]) : undefined, col };
}

/** 'A1', 'A1:B2', '5:7' (whole rows), 'A:C' (whole columns), with or without a sheet prefix. */
export function parseAddress(address: string): RangeRef {
  const bang = address.lastIndexOf('!');
  const a = bang >= 0 ? address.slice(bang + 1) : address;
  const [p, q] = a.split(':');
  const x = parseCellRef(p);
  const y = q === undefined ? x : parseCellRef(q);
  let top: number;
  let bottom: number;
  let left: number;
  let right: number;
  if (x.row === undefined || y.row === undefined) {
    if (x.col === undefined || y.col === undefined) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${address}' is not valid.`);
    top = 1;
    bottom = MAX_ROWS;
    left = Math.min(x.col, y.col);
    right = Math.max(x.col, y.col);
  } else if (x.col === undefined || y.col === undefined) {
    left = 1;
    right = MAX_COLS;
    top = Math.min(x.row, y.row);
    bottom = Math.max(x.row, y.row);
  } else {
    top = Math.min(x.row, y.row);
    bottom = Math.max(x.row, y.row);
    left = Math.min(x.col, y.col);
    right = Math.max(x.col, y.col);
  }
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLS) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${address}' is outside the sheet.`);
  return { top, left, bottom, right };
}

function rectAddress(r: RangeRef): string {
  if (r.left === 1 && r.right === MAX_COLS) return `${r.top}:${r.bottom}`;
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${colToLetters(r.left)}:${colToLetters(r.right)}`;
  const a = `${colToLetters(r.left)}${r.top}`;
  const b = `${colToLetters(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

export function fullAddress(sheet: string, r: RangeRef): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

function usedRect(s: FakeSheet, valuesOnly: boolean): RangeRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [k, c] of s.cells) {
    if (valuesOnly ? !hasContent(c) : isBlankCell(c)) continue;
    const r = keyRow(k);
    const col = keyCol(k);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  if (!valuesOnly) {
    for (const m of s.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
  }
  if (bottom === 0) return null;
  return { top, left, bottom, right };
}

function intersect(a: RangeRef, b: RangeRef): RangeRef | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

function cellsIn(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

const READ_CELL_LIMIT = 5_000_000;

interface RangeTarget {
  sheet: FakeSheet;
  rect: RangeRef;
}

class FakeRangeProxy extends FakeObject implements XlRange {
  private _format?: FakeRangeFormat;

  constructor(
    ctx: FakeRequestContext,
    path: string,
    readonly worksheet: FakeWorksheetProxy,
    private readonly rectFn: (s: FakeSheet) => RangeRef | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  target(): RangeTarget | null {
    const s = this.worksheet.target();
    if (!s) return null;
    const rect = this.rectFn(s);
    if (!rect) return null;
    return { sheet: s, rect };
  }

  /** For actions: the range, or an error for a null object. */
  range(): RangeTarget {
    const t = this.target();
    if (!t) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.path}: the range is a null object.`);
    return t;
  }

  private writable(): RangeTarget {
    const t = this.range();
    if (t.sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The cell or chart you're trying to change is on a protected sheet ('${t.sheet.name}').`, fullAddress(t.sheet.name, t.rect));
    return t;
  }

  protected scalarNames(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount', 'values', 'formulas', 'numberFormat', 'text'];
  }

  protected readScalar(name: string, t: unknown): unknown {
    const { sheet, rect } = t as RangeTarget;
    const grid = (f: (c: FakeCell | undefined, row: number, col: number) => unknown): unknown[][] => {
      if (cellsIn(rect) > READ_CELL_LIMIT) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The range is too large to read (5,000,000 cells at most).');
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: unknown[] = new Array(rect.right - rect.left + 1);
        for (let c = rect.left; c <= rect.right; c++) line[c - rect.left] = f(sheet.cells.get(cellKey(r, c)), r, c);
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case 'address':
      case 'addressLocal':
        return fullAddress(sheet.name, rect);
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'rowIndex':
        return rect.top - 1;
      case 'columnIndex':
        return rect.left - 1;
      case 'cellCount':
        return cellsIn(rect);
      case 'values':
        return grid((c) => readValue(c));
      case 'formulas':
        return grid((c) => readFormula(c));
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'text':
        return grid((c) => String(readValue(c)));
      case 'hyperlink': {
        const c = sheet.cells.get(cellKey(rect.top, rect.left));
        return c?.hyperlink ? { ...c.hyperlink } : null;
      }
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `Range has no property ${name}.`);
    }
  }

  protected override navChild(name: string): FakeObject | undefined {
    if (name === 'format') return this.format;
    return undefined;
  }

  get address(): string {
    return this.getProp('address');
  }
  get rowCount(): number {
    return this.getProp('rowCount');
  }
  get columnCount(): number {
    return this.getProp('columnCount');
  }
  get rowIndex(): number {
    return this.getProp('rowIndex');
  }
  get columnIndex(): number {
    return this.getProp('columnIndex');
  }
  get values(): unknown[][] {
    return this.getProp('values');
  }
  set values(v: unknown[][]) {
    this.local.set('values', v);
    this.write('values', v, () => this.writeGrid(v, 'values'));
  }
  get formulas(): unknown[][] {
    return this.getProp('formulas');
  }
  set formulas(v: unknown[][]) {
    this.local.set('formulas', v);
    this.write('formulas', v, () => this.writeGrid(v, 'formulas'));
  }
  get numberFormat(): unknown[][] {
    return this.getProp('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.local.set('numberFormat', v);
    this.write('numberFormat', v, () => this.writeGrid(v, 'numberFormat'));
  }
  get hyperlink(): XlRangeHyperlink {
    return this.getProp('hyperlink');
  }
  set hyperlink(v: XlRangeHyperlink) {
    this.local.set('hyperlink', v);
    this.write('hyperlink', v, () => {
      const { sheet, rect } = this.writable();
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = cellAt(sheet, r, c, true);
          if (!v || (!v.address && !v.documentReference)) cell.hyperlink = undefined;
          else {
            cell.hyperlink = { ...v };
            if (v.textToDisplay !== undefined && r === rect.top && c === rect.left) writeInput(cell, `'${v.textToDisplay}`, () => null);
          }
        }
      }
    });
  }

  private writeGrid(v: unknown, what: 'values' | 'formulas' | 'numberFormat'): void {
    const { sheet, rect } = this.writable();
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const scalar = !Array.isArray(v);
    if (!scalar) {
      const g = v as unknown[][];
      if (g.length !== rows || g.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
      }
    }
    if (rows * cols > READ_CELL_LIMIT) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The range is too large to write.');
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const input = scalar ? v : (v as unknown[][])[r][c];
        const row = rect.top + r;
        const col = rect.left + c;
        const cell = cellAt(sheet, row, col, true);
        if (what === 'numberFormat') {
          if (input === null || input === undefined) continue;
          cell.numberFormat = String(input) === 'General' ? undefined : String(input);
        } else {
          writeInput(cell, input, (f) => this.ctx.fake.evaluate(f, sheet.name, `${colToLetters(col)}${row}`) ?? null);
          if (cell.formula !== undefined) this.ctx.fake.markDirty(sheet, cellKey(row, col));
        }
        if (isBlankCell(cell)) sheet.cells.delete(cellKey(row, col));
      }
    }
  }

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.ctx, this));
  }

  private derived(name: string, args: unknown[], fn: (t: RangeTarget) => RangeRef | null, nullable = false): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, `${this.path}.${name}(${args.map((a) => JSON.stringify(a)).join(',')})`, this.worksheet, () => {
      const t = this.target();
      if (!t) return null;
      return fn(t);
    }, nullable);
  }

  getCell(row: number, column: number): FakeRangeProxy {
    return this.derived('getCell', [row, column], ({ rect }) => {
      const r = rect.top + row;
      const c = rect.left + column;
      if (row < 0 || column < 0 || r > MAX_ROWS || c > MAX_COLS) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getCell: outside the sheet.');
      return { top: r, left: c, bottom: r, right: c };
    });
  }

  getRow(row: number): FakeRangeProxy {
    return this.derived('getRow', [row], ({ rect }) => {
      const r = rect.top + row;
      if (row < 0 || r > MAX_ROWS) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getRow: outside the sheet.');
      return { top: r, left: rect.left, bottom: r, right: rect.right };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRangeProxy {
    return this.derived('getResizedRange', [deltaRows, deltaColumns], ({ rect }) => {
      const bottom = rect.bottom + deltaRows;
      const right = rect.right + deltaColumns;
      if (bottom < rect.top || right < rect.left || bottom > MAX_ROWS || right > MAX_COLS) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getResizedRange: the range would leave the sheet.');
      return { top: rect.top, left: rect.left, bottom, right };
    });
  }

  getIntersection(anotherRange: XlRange | string): FakeRangeProxy {
    return this.derived('getIntersection', [typeof anotherRange === 'string' ? anotherRange : (anotherRange as FakeRangeProxy).path], ({ rect }) => {
      const other = typeof anotherRange === 'string' ? parseAddress(anotherRange) : (anotherRange as FakeRangeProxy).range().rect;
      const i = intersect(rect, other);
      if (!i) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The ranges do not intersect.');
      return i;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.13')) throw new FakeOfficeError(ErrorCodes.apiNotFound, 'getMergedAreasOrNullObject needs ExcelApi 1.13.');
    return new FakeRangeAreas(this.ctx, `${this.path}.getMergedAreasOrNullObject()`, this.worksheet, () => {
      const t = this.target();
      if (!t) return null;
      const list = t.sheet.merges.filter((m) => intersect(m, t.rect)).map((m) => ({ ...m }));
      list.sort((a, b) => a.top - b.top || a.left - b.left);
      return list.length ? list : null;
    });
  }

  getSpecialCellsOrNullObject(cellType: 'Formulas' | 'Constants', cellValueType: 'Numbers' | 'All' = 'All'): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `${this.path}.getSpecialCellsOrNullObject(${JSON.stringify(cellType)},${JSON.stringify(cellValueType)})`, this.worksheet, () => {
      const t = this.target();
      if (!t) return null;
      const { sheet, rect } = t;
      const want = (c: FakeCell): boolean => {
        if (cellType === 'Formulas' ? c.formula === undefined : c.formula !== undefined || !hasContent(c)) return false;
        if (cellValueType === 'Numbers') return typeof c.value === 'number';
        return true;
      };
      // Cells in reading order, then runs of neighbours in a row as one area.
      const hits: Array<[number, number]> = [];
      if (cellsIn(rect) <= sheet.cells.size * 4) {
        for (let r = rect.top; r <= rect.bottom; r++) {
          for (let c = rect.left; c <= rect.right; c++) {
            const cell = sheet.cells.get(cellKey(r, c));
            if (cell && want(cell)) hits.push([r, c]);
          }
        }
      } else {
        for (const [k, cell] of sheet.cells) {
          const r = keyRow(k);
          const c = keyCol(k);
          if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right && want(cell)) hits.push([r, c]);
        }
        hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      }
      const areas: RangeRef[] = [];
      for (const [r, c] of hits) {
        const last = areas[areas.length - 1];
        if (last && last.top === r && last.right === c - 1) last.right = c;
        else areas.push({ top: r, left: c, bottom: r, right: c });
      }
      return areas.length ? areas : null;
    });
  }

  insert(shift: 'Down' | 'Right'): FakeRangeProxy {
    let inserted: RangeRef | undefined;
    const result = new FakeRangeProxy(this.ctx, `${this.path}.insert(${JSON.stringify(shift)})`, this.worksheet, () => {
      if (!inserted) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The range was not inserted.');
      return inserted;
    });
    this.write('insert', [shift], () => {
      if (shift !== 'Down') throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake inserts rows only (shift Down).');
      const { sheet, rect } = this.writable();
      insertRows(this.ctx.wb, sheet, rect);
      inserted = { ...rect };
    });
    return result;
  }

  delete(shift: 'Up' | 'Left'): void {
    this.write('delete', [shift], () => {
      if (shift !== 'Up') throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake deletes rows only (shift Up).');
      const { sheet, rect } = this.writable();
      deleteRows(this.ctx.wb, sheet, rect);
    });
  }

  copyFrom(source: XlRange | string, copyType: 'All' | 'Formulas' | 'Values' | 'Formats' = 'All'): void {
    this.write('copyFrom', [typeof source === 'string' ? source : (source as FakeRangeProxy).path, copyType], () => {
      if (copyType !== 'Formats') throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake copies formats only.');
      const dest = this.writable();
      let src: RangeTarget;
      if (typeof source === 'string') {
        const bang = source.lastIndexOf('!');
        const sheetName = bang >= 0 ? source.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : dest.sheet.name;
        const s = findSheet(this.ctx.wb, sheetName);
        if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No sheet ${sheetName}.`);
        src = { sheet: s, rect: parseAddress(source) };
      } else src = (source as FakeRangeProxy).range();
      copyFormats(src, dest);
    });
  }

  merge(across = false): void {
    this.write('merge', [across], () => {
      const { sheet, rect } = this.writable();
      const rows = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const r of rows) {
        if (r.top === r.bottom && r.left === r.right) continue;
        for (const m of sheet.merges) {
          const i = intersect(m, r);
          if (i && (m.top < r.top || m.bottom > r.bottom || m.left < r.left || m.right > r.right)) {
            throw new FakeOfficeError(ErrorCodes.invalidOperation, "Cannot merge: the range crosses a merged cell's border.");
          }
        }
        sheet.merges = sheet.merges.filter((m) => !intersect(m, r));
        sheet.merges.push({ ...r });
        // Only the top-left cell keeps its value.
        for (let row = r.top; row <= r.bottom; row++) {
          for (let c = r.left; c <= r.right; c++) {
            if (row === r.top && c === r.left) continue;
            const cell = sheet.cells.get(cellKey(row, c));
            if (!cell) continue;
            cell.value = undefined;
            cell.formula = undefined;
            if (isBlankCell(cell)) sheet.cells.delete(cellKey(row, c));
          }
        }
      }
    });
  }

  unmerge(): void {
    this.write('unmerge', null, () => {
      const { sheet, rect } = this.writable();
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    });
  }

  getCellProperties(options: XlCellPropertiesLoad): FakeClientResult<XlCellProperties[][]> {
    const result = new FakeClientResult<XlCellProperties[][]>();
    this.call('getCellProperties', [options], () => {
      const { sheet, rect } = this.range();
      if (cellsIn(rect) > 100000) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'getCellProperties: the range is too large.');
      const out: XlCellProperties[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: XlCellProperties[] = [];
        for (let c = rect.left; c <= rect.right; c++) line.push(cellProperties(sheet, r, c, options));
        out.push(line);
      }
      return { commit: () => result.set(out), bytes: jsonBytes(out) };
    });
    return result;
  }

  setCellProperties(values: XlCellProperties[][]): void {
    this.write('setCellProperties', values, () => {
      const { sheet, rect } = this.writable();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (values.length !== rows || values.some((l) => l.length !== cols)) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `setCellProperties: the array is not ${rows}x${cols}.`);
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const f = values[r][c]?.format;
          if (!f) continue;
          const cell = cellAt(sheet, rect.top + r, rect.left + c, true);
          applyCellFormat(cell, f);
          if (isBlankCell(cell)) sheet.cells.delete(cellKey(rect.top + r, rect.left + c));
        }
      }
    });
  }

  select(): void {
    this.call('select', null, () => {
      const { sheet, rect } = this.range();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A range on a hidden sheet cannot be selected.');
      this.ctx.wb.activeSheet = sheet.name;
      this.ctx.wb.selection = { sheet: sheet.name, range: { ...rect } };
    });
  }
}

class FakeRangeFormat extends FakeObject implements XlRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRangeProxy,
  ) {
    super(ctx, `${range.path}.format`);
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeRangeFont(ctx, range);
  }
  target(): unknown {
    return this.range.target();
  }
  protected scalarNames(): string[] {
    return ['columnWidth', 'rowHeight', 'useStandardHeight', 'useStandardWidth', 'wrapText', 'verticalAlignment'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const { sheet, rect } = t as RangeTarget;
    switch (name) {
      case 'columnWidth':
        return sheet.columnWidths[rect.left] ?? 48;
      case 'rowHeight':
        return uniformRows(sheet, rect, (r) => sheet.rowHeights?.[r] ?? STANDARD_HEIGHT);
      case 'useStandardHeight':
        return uniformRows(sheet, rect, (r) => sheet.rowHeights?.[r] === undefined);
      case 'useStandardWidth': {
        const first = sheet.columnWidths[rect.left] === undefined;
        for (let c = rect.left + 1; c <= Math.min(rect.right, rect.left + 1000); c++) if ((sheet.columnWidths[c] === undefined) !== first) return null;
        return first;
      }
      case 'wrapText':
        return uniform(sheet, rect, (c) => c?.wrapText ?? false);
      case 'verticalAlignment':
        return uniform(sheet, rect, (c) => c?.verticalAlignment ?? 'Bottom');
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `RangeFormat has no property ${name}.`);
    }
  }
  protected override navChild(name: string): FakeObject | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }
  get columnWidth(): number {
    return this.getProp('columnWidth');
  }
  set columnWidth(v: number) {
    this.local.set('columnWidth', v);
    this.write('columnWidth', v, () => {
      const { sheet, rect } = this.range.range();
      if (sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${sheet.name}' is protected.`);
      for (let c = rect.left; c <= Math.min(rect.right, rect.left + 1000); c++) sheet.columnWidths[c] = v;
    });
  }
  get rowHeight(): number {
    return this.getProp('rowHeight');
  }
  set rowHeight(v: number) {
    this.local.set('rowHeight', v);
    this.write('rowHeight', v, () => {
      const { sheet, rect } = this.range.range();
      if (sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${sheet.name}' is protected.`);
      for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100000); r++) (sheet.rowHeights ??= {})[r] = v;
    });
  }
  get useStandardHeight(): boolean {
    return this.getProp('useStandardHeight');
  }
  set useStandardHeight(v: boolean) {
    this.local.set('useStandardHeight', v);
    this.write('useStandardHeight', v, () => {
      const { sheet, rect } = this.range.range();
      if (!v || !sheet.rowHeights) return;
      for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100000); r++) delete sheet.rowHeights[r];
    });
  }
  get useStandardWidth(): boolean {
    return this.getProp('useStandardWidth');
  }
  set useStandardWidth(v: boolean) {
    this.local.set('useStandardWidth', v);
    this.write('useStandardWidth', v, () => {
      const { sheet, rect } = this.range.range();
      if (!v) return;
      for (let c = rect.left; c <= Math.min(rect.right, rect.left + 1000); c++) delete sheet.columnWidths[c];
    });
  }
  get wrapText(): boolean {
    return this.getProp('wrapText');
  }
  set wrapText(v: boolean) {
    this.local.set('wrapText', v);
    this.write('wrapText', v, () => eachCell(this.range, (c) => (c.wrapText = v ? true : undefined)));
  }
  get verticalAlignment(): string {
    return this.getProp('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.local.set('verticalAlignment', v);
    this.write('verticalAlignment', v, () => eachCell(this.range, (c) => (c.verticalAlignment = v === 'Bottom' ? undefined : v)));
  }
}

const STANDARD_HEIGHT = 15;

function uniformRows<T>(_sheet: FakeSheet, rect: RangeRef, f: (row: number) => T): T | null {
  const first = f(rect.top);
  for (let r = rect.top + 1; r <= Math.min(rect.bottom, rect.top + 100000); r++) if (f(r) !== first) return null;
  return first;
}

/** The common value of a property over a range's cells, or null when they differ. */
function uniform<T>(sheet: FakeSheet, rect: RangeRef, f: (c: FakeCell | undefined) => T): T | null {
  let first: T | undefined;
  let set = false;
  const n = cellsIn(rect);
  if (n > 100000) return f(sheet.cells.get(cellKey(rect.top, rect.left)));
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = f(sheet.cells.get(cellKey(r, c)));
      if (!set) {
        first = v;
        set = true;
      } else if (v !== first) return null;
    }
  }
  return first as T;
}

/** Applies a format change to every cell of a range (whole rows and columns: to the cells that exist). */
function eachCell(range: FakeRangeProxy, f: (c: FakeCell) => void): void {
  const { sheet, rect } = range.range();
  if (sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}').`);
  const apply = (r: number, c: number, cell: FakeCell) => {
    f(cell);
    if (isBlankCell(cell)) sheet.cells.delete(cellKey(r, c));
  };
  if (cellsIn(rect) > 1_000_000) {
    for (const [k, cell] of [...sheet.cells]) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) apply(r, c, cell);
    }
    return;
  }
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) apply(r, c, cellAt(sheet, r, c, true));
}

const NO_FILL = { color: '#FFFFFF', pattern: 'None' };

class FakeRangeFill extends FakeObject implements XlRangeFill {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRangeProxy,
  ) {
    super(ctx, `${range.path}.format.fill`);
  }
  target(): unknown {
    return this.range.target();
  }
  protected scalarNames(): string[] {
    return ['color', 'pattern', 'patternColor'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const { sheet, rect } = t as RangeTarget;
    switch (name) {
      case 'color':
        return uniform(sheet, rect, (c) => (c?.fill ?? NO_FILL).color);
      case 'pattern':
        return uniform(sheet, rect, (c) => (c?.fill ?? NO_FILL).pattern);
      case 'patternColor':
        return uniform(sheet, rect, (c) => c?.fill?.patternColor ?? '#000000');
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `RangeFill has no property ${name}.`);
    }
  }
  get color(): string {
    return this.getProp('color');
  }
  set color(v: string) {
    this.local.set('color', v);
    this.write('color', v, () => {
      const color = normaliseColor(v);
      eachCell(this.range, (c) => {
        const pattern = c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid';
        c.fill = { ...(c.fill ?? {}), color, pattern };
      });
    });
  }
  get pattern(): string {
    return this.getProp('pattern');
  }
  set pattern(v: string) {
    this.local.set('pattern', v);
    this.write('pattern', v, () =>
      eachCell(this.range, (c) => {
        if (v === 'None') c.fill = undefined;
        else c.fill = { ...(c.fill ?? { color: '#FFFFFF' }), pattern: v };
      }),
    );
  }
  get patternColor(): string {
    return this.getProp('patternColor');
  }
  set patternColor(v: string) {
    this.local.set('patternColor', v);
    this.write('patternColor', v, () => {
      const color = normaliseColor(v);
      eachCell(this.range, (c) => {
        c.fill = { ...(c.fill ?? { color: '#FFFFFF', pattern: 'None' }), patternColor: color };
      });
    });
  }
  clear(): void {
    this.write('clear', null, () => eachCell(this.range, (c) => (c.fill = undefined)));
  }
}

class FakeRangeFont extends FakeObject implements XlRangeFont {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRangeProxy,
  ) {
    super(ctx, `${range.path}.format.font`);
  }
  target(): unknown {
    return this.range.target();
  }
  protected scalarNames(): string[] {
    return ['color', 'bold', 'underline'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const { sheet, rect } = t as RangeTarget;
    switch (name) {
      case 'color':
        return uniform(sheet, rect, (c) => c?.font?.color ?? '#000000');
      case 'bold':
        return uniform(sheet, rect, (c) => c?.font?.bold ?? false);
      case 'underline':
        return uniform(sheet, rect, (c) => c?.font?.underline ?? 'None');
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `RangeFont has no property ${name}.`);
    }
  }
  private setFont(name: 'color' | 'bold' | 'underline', v: unknown, normal: unknown): void {
    this.local.set(name, v);
    this.write(name, v, () => {
      const value = name === 'color' ? normaliseColor(String(v)) : v;
      eachCell(this.range, (c) => {
        const font = { ...(c.font ?? {}) } as Record<string, unknown>;
        if (value === normal) delete font[name];
        else font[name] = value;
        c.font = Object.keys(font).length ? (font as FakeCell['font']) : undefined;
      });
    });
  }
  get color(): string {
    return this.getProp('color');
  }
  set color(v: string) {
    this.setFont('color', v, '#000000');
  }
  get bold(): boolean {
    return this.getProp('bold');
  }
  set bold(v: boolean) {
    this.setFont('bold', v, false);
  }
  get underline(): string {
    return this.getProp('underline');
  }
  set underline(v: string) {
    this.setFont('underline', v, 'None');
  }
}

class FakeRangeCollection implements XlRangeCollection {
  constructor(readonly items: FakeRangeProxy[]) {}
}

class FakeRangeAreas extends FakeObject implements XlRangeAreas {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly worksheet: FakeWorksheetProxy,
    private readonly areasFn: () => RangeRef[] | null,
  ) {
    super(ctx, path, true);
  }
  target(): { sheet: FakeSheet; areas: RangeRef[] } | null {
    const s = this.worksheet.target();
    if (!s) return null;
    const areas = this.areasFn();
    return areas ? { sheet: s, areas } : null;
  }
  protected scalarNames(): string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const { sheet, areas } = t as { sheet: FakeSheet; areas: RangeRef[] };
    switch (name) {
      case 'address':
        return areas.map((a) => fullAddress(sheet.name, a)).join(',');
      case 'areaCount':
        return areas.length;
      case 'cellCount':
        return areas.reduce((n, a) => n + cellsIn(a), 0);
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `RangeAreas has no property ${name}.`);
    }
  }
  override runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    const areasTree = tree.nav.get('areas');
    if (!areasTree) return super.runLoad(tree);
    const rest: LoadTree = { props: tree.props, nav: new Map([...tree.nav].filter(([k]) => k !== 'areas')) };
    const t = this.target();
    if (!t) return super.runLoad(rest);
    const base = rest.props.size || rest.nav.size ? super.runLoad(rest) : { commit: () => (this.nullState = false), bytes: 2 };
    const sub = itemsTree(areasTree);
    const items = t.areas.map((a, i) => new FakeRangeProxy(this.ctx, `${this.path}.areas.items[${i}]`, this.worksheet, () => a));
    const runs = items.map((it) => it.runLoad(sub));
    return {
      commit: () => {
        base.commit();
        this.nullState = false;
        this.loaded.set('areas', new FakeRangeCollection(items));
        for (const r of runs) r.commit();
      },
      bytes: base.bytes + runs.reduce((n, r) => n + r.bytes + 1, 2),
    };
  }
  get address(): string {
    return this.getProp('address');
  }
  get areaCount(): number {
    return this.getProp('areaCount');
  }
  get areas(): FakeRangeCollection {
    return this.getProp('areas');
  }
  override load(spec?: unknown): this;
  override load(spec: XlRangeAreasLoad): this;
  override load(spec?: unknown): this {
    return super.load(spec);
  }
}

// -------------------------------------------------------------------------------------------------
// Row insertion and deletion, format copies

function shiftFormulas(wb: FakeWorkbook, sheet: FakeSheet, at: number, delta: number, cols?: { left: number; right: number }): void {
  // Names referring to a cell move with it (and go when its row is deleted).
  if (wb.names) {
    wb.names = wb.names.filter((n) => {
      if (n.sheet.toLowerCase() !== sheet.name.toLowerCase() || n.row < at) return true;
      if (cols && (n.col < cols.left || n.col > cols.right)) return true;
      if (delta > 0) {
        n.row += delta;
        return true;
      }
      if (n.row < at - delta) return false;
      n.row += delta;
      return true;
    });
  }
  for (const s of wb.sheets) {
    for (const cell of s.cells.values()) {
      if (cell.formula !== undefined) cell.formula = shiftFormulaRows(cell.formula, sheet.name, s === sheet, at, delta, cols);
    }
  }
}

function insertRows(wb: FakeWorkbook, sheet: FakeSheet, rect: RangeRef): void {
  const at = rect.top;
  const count = rect.bottom - rect.top + 1;
  const whole = rect.left === 1 && rect.right === MAX_COLS;
  const inCols = (c: number) => c >= rect.left && c <= rect.right;
  // Merges: a merge crossing the edge of a partial insert cannot be split.
  if (!whole) {
    for (const m of sheet.merges) {
      const crosses = m.left < rect.left ? m.right >= rect.left : m.left <= rect.right && m.right > rect.right;
      if (crosses && m.bottom >= at) throw new FakeOfficeError(ErrorCodes.invalidOperation, "This operation would move part of a merged cell ('insert').");
    }
  }
  let lastRow = 0;
  for (const k of sheet.cells.keys()) if (inCols(keyCol(k))) lastRow = Math.max(lastRow, keyRow(k));
  if (lastRow + count > MAX_ROWS) throw new FakeOfficeError(ErrorCodes.invalidOperation, 'Rows would be pushed off the end of the sheet.');
  const moved = new Map<number, FakeCell>();
  for (const [k, c] of sheet.cells) {
    const r = keyRow(k);
    const col = keyCol(k);
    if (r >= at && inCols(col)) moved.set(cellKey(r + count, col), c);
    else moved.set(k, c);
  }
  // New rows take the formats of the row above (Excel's default for inserted rows).
  if (at > 1) {
    for (const [k, c] of sheet.cells) {
      if (keyRow(k) !== at - 1 || !inCols(keyCol(k))) continue;
      const f = formatOf(c);
      if (!f) continue;
      for (let r = at; r < at + count; r++) moved.set(cellKey(r, keyCol(k)), { ...f });
    }
  }
  sheet.cells = moved;
  if (whole && sheet.rowHeights) {
    const h: Record<number, number> = {};
    for (const [k, v] of Object.entries(sheet.rowHeights)) h[Number(k) >= at ? Number(k) + count : Number(k)] = v;
    // New rows take the height of the row above, as they take its formats.
    if (at > 1 && sheet.rowHeights[at - 1] !== undefined) for (let r = at; r < at + count; r++) h[r] = sheet.rowHeights[at - 1];
    sheet.rowHeights = h;
  }
  for (const m of sheet.merges) {
    if (!whole && (m.left < rect.left || m.right > rect.right)) continue;
    if (m.top >= at) {
      m.top += count;
      m.bottom += count;
    } else if (m.bottom >= at) m.bottom += count;
  }
  shiftFormulas(wb, sheet, at, count, whole ? undefined : { left: rect.left, right: rect.right });
}

function deleteRows(wb: FakeWorkbook, sheet: FakeSheet, rect: RangeRef): void {
  const at = rect.top;
  const count = rect.bottom - rect.top + 1;
  const end = rect.bottom;
  const whole = rect.left === 1 && rect.right === MAX_COLS;
  const inCols = (c: number) => c >= rect.left && c <= rect.right;
  if (!whole) {
    for (const m of sheet.merges) {
      const crosses = m.left < rect.left ? m.right >= rect.left : m.left <= rect.right && m.right > rect.right;
      if (crosses && m.bottom >= at) throw new FakeOfficeError(ErrorCodes.invalidOperation, "This operation would move part of a merged cell ('delete').");
    }
  }
  const moved = new Map<number, FakeCell>();
  for (const [k, c] of sheet.cells) {
    const r = keyRow(k);
    const col = keyCol(k);
    if (!inCols(col) || r < at) moved.set(k, c);
    else if (r > end) moved.set(cellKey(r - count, col), c);
  }
  sheet.cells = moved;
  if (whole && sheet.rowHeights) {
    const h: Record<number, number> = {};
    for (const [k, v] of Object.entries(sheet.rowHeights)) {
      const r = Number(k);
      if (r < at) h[r] = v;
      else if (r > end) h[r - count] = v;
    }
    sheet.rowHeights = h;
  }
  const keep: RangeRef[] = [];
  for (const m of sheet.merges) {
    if (!whole && (m.left < rect.left || m.right > rect.right)) {
      keep.push(m);
      continue;
    }
    if (m.bottom < at) keep.push(m);
    else if (m.top > end) keep.push({ ...m, top: m.top - count, bottom: m.bottom - count });
    else {
      // Overlaps the deleted rows: keep what is left of it.
      const top = m.top < at ? m.top : at;
      const bottom = m.bottom > end ? m.bottom - count : at - 1;
      if (bottom >= top && (bottom > top || m.right > m.left)) keep.push({ ...m, top, bottom });
    }
  }
  sheet.merges = keep;
  shiftFormulas(wb, sheet, at, -count, whole ? undefined : { left: rect.left, right: rect.right });
}

/** The format part of a cell (what "copy formats" carries), or undefined when it has none. */
function formatOf(c: FakeCell): FakeCell | undefined {
  const f: FakeCell = {};
  if (c.numberFormat !== undefined) f.numberFormat = c.numberFormat;
  if (c.fill) f.fill = { ...c.fill };
  if (c.font) f.font = { ...c.font };
  if (c.wrapText !== undefined) f.wrapText = c.wrapText;
  if (c.verticalAlignment !== undefined) f.verticalAlignment = c.verticalAlignment;
  if (c.horizontalAlignment !== undefined) f.horizontalAlignment = c.horizontalAlignment;
  if (c.indentLevel !== undefined) f.indentLevel = c.indentLevel;
  if (c.borders) f.borders = JSON.parse(JSON.stringify(c.borders)) as FakeCell['borders'];
  return Object.keys(f).length ? f : undefined;
}

const FORMAT_FIELDS = ['numberFormat', 'fill', 'font', 'wrapText', 'verticalAlignment', 'horizontalAlignment', 'indentLevel', 'borders'] as const;

/** Replaces a cell's format with another's (undefined: the default format). */
function setFormat(cell: FakeCell, f: FakeCell | undefined): void {
  for (const k of FORMAT_FIELDS) {
    const v = f?.[k];
    (cell as Record<string, unknown>)[k] = v === undefined ? undefined : typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v;
  }
}

function copyFormats(src: RangeTarget, dest: RangeTarget): void {
  const s = src.rect;
  const d = dest.rect;
  const sh = s.bottom - s.top + 1;
  const sw = s.right - s.left + 1;
  // A merge that the destination cuts through cannot be pasted over.
  for (const m of dest.sheet.merges) {
    const i = intersect(m, d);
    if (i && (i.top !== m.top || i.bottom !== m.bottom || i.left !== m.left || i.right !== m.right)) {
      throw new FakeOfficeError(ErrorCodes.invalidOperation, "We can't do that to a merged cell (copyFrom).");
    }
  }
  const whole = d.left === 1 && d.right === MAX_COLS;
  const lastCol = whole ? Math.max(0, ...[...src.sheet.cells.keys()].filter((k) => keyRow(k) >= s.top && keyRow(k) <= s.bottom).map(keyCol), ...[...dest.sheet.cells.keys()].filter((k) => keyRow(k) >= d.top && keyRow(k) <= d.bottom).map(keyCol)) : d.right;
  const snapshot = new Map<number, FakeCell | undefined>();
  for (let r = s.top; r <= s.bottom; r++) {
    for (let c = s.left; c <= Math.min(s.right, s.left + Math.max(lastCol, 1) + sw); c++) {
      const cell = src.sheet.cells.get(cellKey(r, c));
      snapshot.set(cellKey(r, c), cell ? formatOf(cell) : undefined);
    }
  }
  for (let r = d.top; r <= d.bottom; r++) {
    for (let c = d.left; c <= Math.min(d.right, lastCol); c++) {
      const sr = s.top + ((r - d.top) % sh);
      const sc = s.left + ((c - d.left) % sw);
      const f = snapshot.get(cellKey(sr, sc));
      const cell = cellAt(dest.sheet, r, c, true);
      setFormat(cell, f);
      if (isBlankCell(cell)) dest.sheet.cells.delete(cellKey(r, c));
    }
  }
  // Merges lying wholly in the source are repeated on the destination.
  dest.sheet.merges = dest.sheet.merges.filter((m) => !intersect(m, d));
  for (const m of src.sheet.merges) {
    if (m.top < s.top || m.bottom > s.bottom || m.left < s.left || m.right > s.right) continue;
    for (let r0 = d.top; r0 + sh - 1 <= d.bottom; r0 += sh) {
      for (let c0 = d.left; c0 + sw - 1 <= d.right; c0 += sw) {
        dest.sheet.merges.push({ top: m.top - s.top + r0, bottom: m.bottom - s.top + r0, left: m.left - s.left + c0, right: m.right - s.left + c0 });
        if (whole) break;
      }
    }
  }
}

// -------------------------------------------------------------------------------------------------
// Cell properties (ExcelApi 1.9)

const DEFAULT_FONT = { bold: false, color: '#000000', italic: false, name: 'Calibri', size: 11, strikethrough: false, underline: 'None' };
const DEFAULT_BORDER = { style: 'None', color: '#000000', weight: 'Thin' };

function pick<T extends Record<string, unknown>>(all: T, want: unknown): Partial<T> {
  if (want === true) return { ...all };
  if (!want || typeof want !== 'object') return {};
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(want as Record<string, unknown>)) if (v && k in all) (out as Record<string, unknown>)[k] = all[k];
  return out;
}

function cellProperties(sheet: FakeSheet, r: number, c: number, options: XlCellPropertiesLoad): XlCellProperties {
  const cell = sheet.cells.get(cellKey(r, c));
  const out: XlCellProperties & { address?: string } = {};
  if (options.address) out.address = fullAddress(sheet.name, { top: r, left: c, bottom: r, right: c });
  const want = options.format as Record<string, unknown> | boolean | undefined;
  if (!want) return out;
  const all: Record<string, unknown> = {
    fill: { color: cell?.fill?.color ?? '#FFFFFF', pattern: cell?.fill?.pattern ?? 'None', patternColor: cell?.fill?.patternColor ?? '#000000' },
    font: { ...DEFAULT_FONT, ...(cell?.font ?? {}) },
    borders: {
      top: { ...DEFAULT_BORDER, ...(cell?.borders?.top ?? {}) },
      bottom: { ...DEFAULT_BORDER, ...(cell?.borders?.bottom ?? {}) },
      left: { ...DEFAULT_BORDER, ...(cell?.borders?.left ?? {}) },
      right: { ...DEFAULT_BORDER, ...(cell?.borders?.right ?? {}) },
    },
    horizontalAlignment: cell?.horizontalAlignment ?? 'General',
    verticalAlignment: cell?.verticalAlignment ?? 'Bottom',
    wrapText: cell?.wrapText ?? false,
    indentLevel: cell?.indentLevel ?? 0,
  };
  const format: Record<string, unknown> = {};
  const keys = want === true ? Object.keys(all) : Object.keys(want).filter((k) => (want as Record<string, unknown>)[k]);
  for (const k of keys) {
    if (!(k in all)) continue;
    const sub = want === true ? true : (want as Record<string, unknown>)[k];
    if (k === 'borders') {
      const b = all.borders as Record<string, Record<string, unknown>>;
      const bo: Record<string, unknown> = {};
      for (const side of Object.keys(b)) {
        const w = sub === true ? true : (sub as Record<string, unknown>)[side];
        if (w) bo[side] = pick(b[side], w);
      }
      format.borders = bo;
    } else if (typeof all[k] === 'object') format[k] = pick(all[k] as Record<string, unknown>, sub);
    else format[k] = all[k];
  }
  out.format = format as XlCellPropertiesFormat;
  return out;
}

function applyCellFormat(cell: FakeCell, f: XlCellPropertiesFormat): void {
  if (f.fill) {
    const pattern = f.fill.pattern ?? (f.fill.color !== undefined ? (cell.fill && cell.fill.pattern !== 'None' ? cell.fill.pattern : 'Solid') : cell.fill?.pattern ?? 'None');
    if (pattern === 'None') cell.fill = undefined;
    else {
      const next: NonNullable<FakeCell['fill']> = { color: f.fill.color !== undefined ? normaliseColor(f.fill.color) : (cell.fill?.color ?? '#FFFFFF'), pattern };
      const pc = f.fill.patternColor !== undefined ? normaliseColor(f.fill.patternColor) : cell.fill?.patternColor;
      if (pc !== undefined && pattern !== 'Solid' && pc !== '#000000') next.patternColor = pc;
      cell.fill = next;
    }
  }
  if (f.font) {
    const font: Record<string, unknown> = { ...(cell.font ?? {}) };
    for (const [k, v] of Object.entries(f.font)) {
      if (v === undefined) continue;
      const val = k === 'color' ? normaliseColor(String(v)) : v;
      if ((DEFAULT_FONT as Record<string, unknown>)[k] === val) delete font[k];
      else font[k] = val;
    }
    cell.font = Object.keys(font).length ? (font as FakeCell['font']) : undefined;
  }
  if (f.borders) {
    const borders: Record<string, Record<string, unknown>> = JSON.parse(JSON.stringify(cell.borders ?? {}));
    for (const [side, b] of Object.entries(f.borders)) {
      if (!b) continue;
      const cur: Record<string, unknown> = { ...(borders[side] ?? {}) };
      for (const [k, v] of Object.entries(b)) {
        if (v === undefined) continue;
        const val = k === 'color' ? normaliseColor(String(v)) : v;
        if ((DEFAULT_BORDER as Record<string, unknown>)[k] === val) delete cur[k];
        else cur[k] = val;
      }
      if (Object.keys(cur).length) borders[side] = cur;
      else delete borders[side];
    }
    cell.borders = Object.keys(borders).length ? (borders as FakeCell['borders']) : undefined;
  }
  if (f.horizontalAlignment !== undefined) cell.horizontalAlignment = f.horizontalAlignment === 'General' ? undefined : f.horizontalAlignment;
  if (f.verticalAlignment !== undefined) cell.verticalAlignment = f.verticalAlignment === 'Bottom' ? undefined : f.verticalAlignment;
  if (f.wrapText !== undefined) cell.wrapText = f.wrapText ? true : undefined;
  if (f.indentLevel !== undefined) cell.indentLevel = f.indentLevel ? f.indentLevel : undefined;
}

// -------------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18)

function parseCellAddress(key: string): { sheet?: string; row: number; col: number } {
  const bang = key.lastIndexOf('!');
  const sheet = bang >= 0 ? key.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : undefined;
  const r = parseAddress(key);
  if (r.top !== r.bottom || r.left !== r.right) throw new FakeOfficeError('InvalidCellAddress', `'${key}' is not a single cell.`);
  return { sheet, row: r.top, col: r.left };
}

interface NoteTarget {
  sheet: FakeSheet;
  row: number;
  col: number;
}

class FakeNoteCollection implements XlNoteCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheetProxy,
  ) {}

  private get path(): string {
    return `${this.worksheet.path}.notes`;
  }

  private checkApi(): void {
    if (!this.ctx.fake.options.notes) throw new FakeOfficeError(ErrorCodes.apiNotFound, 'The API you are trying to use could not be found. It may be available in a newer version of Excel (NoteCollection, ExcelApi 1.18).');
  }

  add(cellAddress: XlRange | string, content: string): FakeNote {
    let placed: NoteTarget | undefined;
    const note = new FakeNote(this.ctx, `${this.path}.add(...)`, () => {
      if (!placed) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The note was not added.');
      return placed;
    }, false, () => this.checkApi());
    this.ctx.push({
      write: true,
      desc: { a: 'w', p: this.path, n: 'add', v: [typeof cellAddress === 'string' ? cellAddress : (cellAddress as FakeRangeProxy).path, content] },
      run: () => {
        this.checkApi();
        let sheet: FakeSheet;
        let row: number;
        let col: number;
        if (typeof cellAddress === 'string') {
          const p = parseCellAddress(cellAddress);
          const named = p.sheet ? findSheet(this.ctx.wb, p.sheet) : undefined;
          sheet = named ?? this.worksheet.sheet();
          row = p.row;
          col = p.col;
        } else {
          const t = (cellAddress as FakeRangeProxy).range();
          if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) throw new FakeOfficeError('InvalidCellAddress', 'A note goes on a single cell.');
          sheet = t.sheet;
          row = t.rect.top;
          col = t.rect.left;
        }
        if (sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${sheet.name}' is protected.`);
        const cell = cellAt(sheet, row, col, true);
        if (cell.note) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The cell ${colToLetters(col)}${row} already has a note.`);
        cell.note = { content: String(content), author: this.ctx.fake.options.userName };
        placed = { sheet, row, col };
      },
    });
    return note;
  }

  getItem(key: string): FakeNote {
    return new FakeNote(
      this.ctx,
      `${this.path}.getItem(${JSON.stringify(key)})`,
      () => {
        this.checkApi();
        const sheet = this.worksheet.sheet();
        const p = parseCellAddress(key);
        const cell = sheet.cells.get(cellKey(p.row, p.col));
        if (!cell?.note) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No note at ${key}.`);
        return { sheet, row: p.row, col: p.col };
      },
      false,
      () => this.checkApi(),
    );
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(
      this.ctx,
      `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        this.checkApi();
        const sheet = this.worksheet.target();
        if (!sheet) return null;
        const p = parseCellAddress(key);
        const cell = sheet.cells.get(cellKey(p.row, p.col));
        return cell?.note ? { sheet, row: p.row, col: p.col } : null;
      },
      true,
      () => this.checkApi(),
    );
  }
}

class FakeNote extends FakeObject implements XlNote {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly finder: () => NoteTarget | null,
    nullable: boolean,
    private readonly checkApi: () => void,
  ) {
    super(ctx, path, nullable);
  }
  target(): NoteTarget | null {
    this.checkApi();
    return this.finder();
  }
  override runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    this.checkApi(); // an unsupported API fails the sync even for a null object
    return super.runLoad(tree);
  }
  private note(): { t: NoteTarget; cell: FakeCell } {
    const t = this.target();
    if (!t) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.path}: the note is a null object.`);
    const cell = t.sheet.cells.get(cellKey(t.row, t.col));
    if (!cell?.note) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The note no longer exists.');
    return { t, cell };
  }
  protected scalarNames(): string[] {
    return ['content', 'authorName'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const nt = t as NoteTarget;
    const note = nt.sheet.cells.get(cellKey(nt.row, nt.col))?.note;
    if (!note) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The note no longer exists.');
    if (name === 'content') return note.content;
    if (name === 'authorName') return note.author;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `Note has no property ${name}.`);
  }
  get content(): string {
    return this.getProp('content');
  }
  set content(v: string) {
    this.local.set('content', v);
    this.write('content', v, () => {
      const { t, cell } = this.note();
      if (t.sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${t.sheet.name}' is protected.`);
      cell.note = { ...(cell.note as NonNullable<FakeCell['note']>), content: String(v) };
    });
  }
  get authorName(): string {
    return this.getProp('authorName');
  }
  delete(): void {
    this.write('delete', null, () => {
      const { t, cell } = this.note();
      if (t.sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${t.sheet.name}' is protected.`);
      cell.note = undefined;
      if (isBlankCell(cell)) t.sheet.cells.delete(cellKey(t.row, t.col));
    });
  }
}

// -------------------------------------------------------------------------------------------------
// Names (ExcelApi 1.4): only names that refer to one cell

function nameFormula(n: { sheet: string; row: number; col: number }): string {
  return `=${quoteSheet(n.sheet)}!$${colToLetters(n.col)}$${n.row}`;
}

class FakeNamedItemCollection implements XlNamedItemCollection {
  constructor(private readonly ctx: FakeRequestContext) {}

  add(name: string, reference: XlRange | string, _comment?: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, `workbook.names.getItem(${JSON.stringify(name)})`, name, false);
    this.ctx.push({
      write: true,
      desc: { a: 'w', p: 'workbook.names', n: 'add', v: [name, typeof reference === 'string' ? reference : (reference as FakeRangeProxy).path] },
      run: () => {
        const wb = this.ctx.wb;
        if (!/^[A-Za-z_\\][\w.]*$/.test(name)) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The name '${name}' is not valid.`);
        if ((wb.names ?? []).some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `The name '${name}' already exists.`);
        let sheet: FakeSheet;
        let rect: RangeRef;
        if (typeof reference === 'string') {
          const ref = reference.replace(/^=/, '');
          const bang = ref.lastIndexOf('!');
          const sheetName = ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
          const found = findSheet(wb, sheetName);
          if (!found) throw new FakeOfficeError(ErrorCodes.invalidReference, `The reference '${reference}' is not valid.`);
          sheet = found;
          rect = parseAddress(ref.slice(bang + 1).replace(/\$/g, ''));
        } else ({ sheet, rect } = (reference as FakeRangeProxy).range());
        if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake names single cells only.');
        (wb.names ??= []).push({ name, sheet: sheet.name, row: rect.top, col: rect.left, visible: true });
      },
    });
    return item;
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, `workbook.names.getItemOrNullObject(${JSON.stringify(name)})`, name, true);
  }
}

class FakeNamedItem extends FakeObject implements XlNamedItem {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(ctx, path, nullable);
  }
  target(): FakeName | null {
    const n = (this.ctx.wb.names ?? []).find((x) => x.name.toLowerCase() === this.key.toLowerCase()) ?? null;
    if (!n && !this.nullable) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No name ${this.key}.`);
    return n;
  }
  protected scalarNames(): string[] {
    return ['name', 'formula', 'visible', 'type'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const n = t as FakeName;
    switch (name) {
      case 'name':
        return n.name;
      case 'formula':
        return nameFormula(n);
      case 'visible':
        return n.visible;
      case 'type':
        return 'Range';
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `NamedItem has no property ${name}.`);
    }
  }
  get name(): string {
    return this.getProp('name');
  }
  get formula(): unknown {
    return this.getProp('formula');
  }
  set formula(_v: unknown) {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The fake does not change names.');
  }
  get visible(): boolean {
    return this.getProp('visible');
  }
  set visible(v: boolean) {
    this.local.set('visible', v);
    this.write('visible', v, () => {
      const n = this.target();
      if (n) n.visible = v;
    });
  }
  delete(): void {
    this.write('delete', null, () => {
      const n = this.target();
      if (!n) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No name ${this.key}.`);
      this.ctx.wb.names = (this.ctx.wb.names ?? []).filter((x) => x !== n);
    });
  }
}

// -------------------------------------------------------------------------------------------------
// Custom XML parts (ExcelApi 1.5)

function namespaceOf(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(xml);
  if (!m) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The XML is not valid.');
  const prefix = m[1].includes(':') ? m[1].split(':')[0] : '';
  const attr = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*"([^"]*)"`) : /xmlns\s*=\s*"([^"]*)"/;
  const a = attr.exec(m[2]);
  return a ? a[1] : '';
}

class FakeCustomXmlPartCollection implements XlCustomXmlPartCollection {
  constructor(private readonly ctx: FakeRequestContext) {}

  private checkApi(): void {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.5')) throw new FakeOfficeError(ErrorCodes.apiNotFound, 'customXmlParts needs ExcelApi 1.5.');
  }

  add(xml: string): FakeCustomXmlPart {
    let created: string | undefined;
    const part = new FakeCustomXmlPart(this.ctx, 'workbook.customXmlParts.add(...)', () => {
      if (!created) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The part was not added.');
      return this.ctx.wb.customXmlParts.find((p) => p.id === created) ?? null;
    });
    this.ctx.push({
      write: true,
      desc: { a: 'w', p: 'workbook.customXmlParts', n: 'add', v: [xml] },
      run: () => {
        this.checkApi();
        namespaceOf(xml);
        const wb = this.ctx.wb;
        const n = wb.nextId++;
        created = `{${String(n).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}}`;
        wb.customXmlParts.push({ id: created, xml });
      },
    });
    return part;
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.ctx, `workbook.customXmlParts.getByNamespace(${JSON.stringify(namespaceUri)})`, namespaceUri);
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, `workbook.customXmlParts.getItem(${JSON.stringify(id)})`, () => {
      this.checkApi();
      const p = this.ctx.wb.customXmlParts.find((x) => x.id === id);
      if (!p) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No custom XML part ${id}.`);
      return p;
    });
  }
}

class FakeCustomXmlPartScopedCollection extends FakeObject implements XlCustomXmlPartScopedCollection {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly ns: string,
  ) {
    super(ctx, path);
  }
  target(): unknown {
    return this.ctx.wb.customXmlParts.filter((p) => namespaceOf(p.xml) === this.ns);
  }
  protected scalarNames(): string[] {
    return [];
  }
  protected readScalar(name: string): unknown {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `CustomXmlPartScopedCollection has no property ${name}.`);
  }
  get items(): FakeCustomXmlPart[] {
    return this.getProp('items');
  }
  override runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    const parts = this.target() as Array<{ id: string; xml: string }>;
    const sub = itemsTree(tree);
    const items = parts.map((p, i) => new FakeCustomXmlPart(this.ctx, `${this.path}.items[${i}]`, () => this.ctx.wb.customXmlParts.find((x) => x.id === p.id) ?? null));
    const runs = items.map((it) => it.runLoad(sub));
    return {
      commit: () => {
        this.loaded.set('items', items);
        for (const r of runs) r.commit();
      },
      bytes: 2 + runs.reduce((n, r) => n + r.bytes + 1, 0),
    };
  }
}

class FakeCustomXmlPart extends FakeObject implements XlCustomXmlPart {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly finder: () => { id: string; xml: string } | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  target(): { id: string; xml: string } | null {
    return this.finder();
  }
  private part(): { id: string; xml: string } {
    const p = this.target();
    if (!p) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The custom XML part does not exist.');
    return p;
  }
  protected scalarNames(): string[] {
    return ['id', 'namespaceUri'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const p = t as { id: string; xml: string };
    if (name === 'id') return p.id;
    if (name === 'namespaceUri') return namespaceOf(p.xml);
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `CustomXmlPart has no property ${name}.`);
  }
  get id(): string {
    return this.getProp('id');
  }
  get namespaceUri(): string {
    return this.getProp('namespaceUri');
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.call('getXml', null, () => {
      const xml = this.part().xml;
      return { commit: () => result.set(xml), bytes: jsonBytes(xml) };
    });
    return result;
  }
  setXml(xml: string): void {
    this.write('setXml', [xml], () => {
      namespaceOf(xml);
      this.part().xml = xml;
    });
  }
  delete(): void {
    this.write('delete', null, () => {
      const p = this.part();
      const list = this.ctx.wb.customXmlParts;
      list.splice(list.indexOf(p), 1);
    });
  }
}

export type { FakeRangeProxy, FakeWorksheetProxy, FakeRequestContext };
