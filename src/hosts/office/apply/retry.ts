/**
 * The write step with its retry and rollback. When Excel refuses the first request as too large before
 * running any of it, the batch is built again with requests half the size. When a write sync fails
 * otherwise, the host rolls back what Excel applied, so nothing is half-written; the HostError says
 * whether the workbook is as it was.
 */
import type { ApplyReport } from '../../workbook-host';
import { HostError } from '../../workbook-host';
import { errorCode, hostErrorFrom, rejectedWhole } from '../errors';
import { budgetBytes, type SessionHost } from '../session';
import { runBatch } from './batch';
import type { Prepared } from './prepare';
import { rollback } from './rollback';
import { WriteBatch } from './state';
import type { OpInfo } from './timeline';

export async function writeWithRetry(host: SessionHost, prep: Prepared, infos: OpInfo[], notes: boolean, replaceMarks: boolean): Promise<ApplyReport> {
  let report: ApplyReport | undefined;
  let w = new WriteBatch(prep, notes, budgetBytes(host.budget));
  for (let limit = budgetBytes(host.budget); !report; ) {
    w = new WriteBatch(prep, notes, limit);
    try {
      report = await host.session('apply', async (s) => runBatch(w, s, infos, replaceMarks));
      break;
    } catch (e) {
      if (e instanceof HostError) throw e; // found while building the batch: nothing was sent
      const writeSyncs = host.lastRun?.writeSyncs ?? 0;
      // Excel refused the first request as too large before running any of it: smaller requests.
      if (errorCode(e) === 'RequestPayloadSizeLimitExceeded' && writeSyncs <= 1 && w.largestRequest > 16_000) {
        limit = Math.floor(w.largestRequest / 2);
        continue;
      }
      if (rejectedWhole(e) && writeSyncs <= 1) throw hostErrorFrom(e, true);
      await failed(e);
    }
  }
  return report;

  async function failed(e: unknown): Promise<never> {
    let restored: boolean;
    try {
      await rollback(host, w, prep);
      restored = true;
    } catch {
      restored = false;
    }
    throw hostErrorFrom(e, restored, w.failedWhere());
  }
}
