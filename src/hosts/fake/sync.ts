/**
 * The batch behind a request context: queued actions run, in order, on sync(); a failing action rejects
 * the sync and leaves the actions before it applied (as Excel does). Every sync is recorded with its
 * request and response size (JSON bytes) and whether it carried writes; the payload limit, cell-edit
 * mode and injected failures are enforced here.
 */
import type { FakeWorkbook } from './model';
import type { FakeEnvironment, SyncRecord } from './options';
import { ErrorCodes, FakeOfficeError } from './errors';
import { jsonBytes, utf8Length } from './cells';

export interface Action {
  write: boolean;
  /** What the request carries for this action (its size is counted). */
  desc: unknown;
  /** Runs the action; returns what to apply to proxies if the whole sync succeeds, and the response size. */
  run: () => { commit?: () => void; bytes?: number } | void;
}

/** A proxy made by an *OrNullObject method: whether it is a null object is learnt at the next sync. */
export interface NullableProxy {
  readonly path: string;
  nullState: boolean | undefined;
  target(): unknown;
}

export class FakeBatch {
  /** @internal */ queue: Action[] = [];
  /** @internal */ nullables: NullableProxy[] = [];
  /** @internal */ suspend = false;

  constructor(readonly fake: FakeEnvironment) {}

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
        let t: unknown;
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
