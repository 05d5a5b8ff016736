/** One Excel.run with its syncs counted, and the size budget of a request. */
import type { HostCapabilities } from '../workbook-host';
import type { ExcelEnvironment, XlRequestContext } from './excel-api';

export interface Session {
  readonly ctx: XlRequestContext;
  /** context.sync(), counted; `writes` says whether the batch carries writes. */
  sync(writes?: boolean): Promise<void>;
  readonly syncs: number;
  readonly writeSyncs: number;
}

export interface RunStats {
  op: 'read' | 'apply' | 'clear' | 'select' | 'selection' | 'rollback';
  syncs: number;
  writeSyncs: number;
}

/**
 * What the write paths (apply/, clear.ts) use of the host. OfficeHost implements it; they take this
 * interface rather than the class, so office-host.ts can import them without an import circle.
 */
export interface SessionHost {
  readonly budget: Budget;
  readonly capabilities: HostCapabilities;
  /** Syncs of the last operation (for the benchmark and the tests). */
  lastRun: RunStats | undefined;
  /** Runs a batch, counting syncs into lastRun. */
  session<T>(op: RunStats['op'], fn: (s: Session) => Promise<T>): Promise<T>;
}

export async function withSession<T>(env: ExcelEnvironment, fn: (s: Session) => Promise<T>, onDone?: (syncs: number, writeSyncs: number) => void): Promise<T> {
  let syncs = 0;
  let writeSyncs = 0;
  try {
    return await env.run(async (ctx) => {
      const session: Session = {
        ctx,
        async sync(writes = false) {
          syncs++;
          if (writes) writeSyncs++;
          await ctx.sync();
        },
        get syncs() {
          return syncs;
        },
        get writeSyncs() {
          return writeSyncs;
        },
      };
      return fn(session);
    });
  } finally {
    onDone?.(syncs, writeSyncs);
  }
}

export interface Budget {
  /** Request/response limit in bytes (Excel on the web: 5 MB). */
  payloadLimit: number;
  /** Share of the limit a batch may plan to use. */
  safety: number;
  /** Estimated response bytes per cell read (values, plus this cell's share of formulas, formats and merges). */
  bytesPerCell: number;
  /** Columns assumed for the first read of a sheet, before its size is known. */
  assumedColumns: number;
}

export const DEFAULT_BUDGET: Budget = {
  payloadLimit: 5 * 1024 * 1024,
  safety: 0.8,
  // Measured on generated 绩效目标表 (bench/generate.ts): values alone weigh 14.7 bytes per cell in
  // UTF-8 JSON; merges, formulas and number formats of numeric cells add about 3. 24 leaves a margin
  // for longer texts.
  bytesPerCell: 24,
  assumedColumns: 12,
};

export function budgetBytes(b: Budget): number {
  return Math.floor(b.payloadLimit * b.safety);
}

export function budgetCells(b: Budget): number {
  return Math.max(1, Math.floor(budgetBytes(b) / b.bytesPerCell));
}
