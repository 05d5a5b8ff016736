/**
 * The preview's WorkbookHost: the host over the fake Excel API, wrapped so that every change is (1) shown
 * in the workbook view right after it happens and (2) recorded, so "download" can replay the same plans
 * on the original file with the CLI's writer (src/hosts/xlsx, plain JavaScript) and hand the user a real .xlsx.
 */
import type { ApplyOptions, ApplyReport, CellAddress, ClearReport, HostCapabilities, WorkbookHost } from '../hosts/workbook-host';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
import type { PlanOp, WritePlan } from '../core/plan/ops';

export type LogEntry = { kind: 'plan'; plan: WritePlan; replaceMarks: boolean } | { kind: 'clear' };

export class RecordingHost implements WorkbookHost {
  readonly log: LogEntry[] = [];

  constructor(
    private readonly inner: WorkbookHost,
    private readonly changed: () => void,
    private readonly beforeApply: (plan: WritePlan) => void = () => {},
  ) {}

  get capabilities(): HostCapabilities {
    return this.inner.capabilities;
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.inner.readWorkbook();
  }

  async applyPlan(plan: WritePlan, options?: ApplyOptions): Promise<ApplyReport> {
    try {
      this.beforeApply(plan);
      const r = await this.inner.applyPlan(plan, options);
      this.log.push({ kind: 'plan', plan, replaceMarks: options?.replaceMarks === true });
      return r;
    } finally {
      this.changed();
    }
  }

  async clearMarks(): Promise<ClearReport> {
    try {
      const r = await this.inner.clearMarks();
      this.log.push({ kind: 'clear' });
      return r;
    } finally {
      this.changed();
    }
  }

  async select(target: CellAddress): Promise<void> {
    try {
      await this.inner.select(target);
    } finally {
      this.changed();
    }
  }

  getSelection(): Promise<CellAddress | null> {
    return this.inner.getSelection();
  }

  /** Forget the history (a new file was opened). */
  reset(): void {
    this.log.length = 0;
  }
}

/**
 * One plan equivalent to the recorded history: every op in order, except that a clear drops the marks and
 * the added sheets that came before it (that is what clearMarks undoes; formulas, values and rows stay),
 * and a plan applied with replaceMarks drops the marks before it (it restores the cells it does not mark again).
 */
export function replayPlan(log: LogEntry[]): WritePlan {
  let ops: PlanOp[] = [];
  for (const e of log) {
    if (e.kind === 'clear') ops = ops.filter((op) => op.op !== 'mark' && op.op !== 'addSheet');
    else {
      if (e.replaceMarks) ops = ops.filter((op) => op.op !== 'mark');
      ops.push(...e.plan.ops);
    }
  }
  return { ops };
}
