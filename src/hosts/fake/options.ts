/** The fake's options, its sync records, injected failures, and what the proxies see of the fake (FakeEnvironment). */
import type { CellValue } from '../../core/snapshot/snapshot';
import type { FakeSheet, FakeWorkbook } from './model';

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

/** The options with their defaults filled in. */
export type ResolvedOptions = Required<Omit<FakeExcelOptions, 'evaluate'>> & Pick<FakeExcelOptions, 'evaluate'>;

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

/**
 * What the request context and the proxies use of FakeExcel. An interface, so that the proxies do not
 * import the class that makes their request contexts (FakeExcel implements it).
 */
export interface FakeEnvironment {
  readonly workbook: FakeWorkbook;
  readonly options: ResolvedOptions;
  readonly source: string;
  readonly syncLog: SyncRecord[];
  readonly editMode: boolean;
  isSetSupported(name: string, version?: string): boolean;
  takeSyncNumber(): number;
  failureFor(index: number, hasWrites: boolean): InjectedFailure | undefined;
  markDirty(sheet: FakeSheet, key: number): void;
  takeDirty(): Map<FakeSheet, Set<number>>;
  evaluate(formula: string, sheet: string, address: string): CellValue | undefined;
}
