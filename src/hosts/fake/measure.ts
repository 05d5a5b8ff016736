/**
 * What the task pane's check and score cost in Office.js terms, measured on the fake: syncs (round
 * trips to Excel) and request/response bytes, for the read and for the write. The benchmark prints
 * these (bench/addin.bench.ts); Excel on the web refuses any request or response over 5 MB.
 */
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { WritePlan } from '../../core/plan/ops';
import type { Lang } from '../../core/check/findings';
import type { Profile } from '../../core/profile';
import { runCheck, checkPlan } from '../../core/check/engine';
import { runScore, scorePlan } from '../../core/score';
import { OfficeHost } from '../office/office-host';
import { FakeExcel, type FakeExcelOptions, type SyncRecord } from './excel';
import { workbookFromSnapshot } from './model';

export interface PhaseMeasure {
  syncs: number;
  /** Syncs that carried writes. */
  writeSyncs: number;
  requestBytes: number;
  responseBytes: number;
  /** Largest single request and response (the 5 MB limit applies to each). */
  maxRequestBytes: number;
  maxResponseBytes: number;
  ms: number;
}

export interface FlowMeasure {
  read: PhaseMeasure;
  apply: PhaseMeasure;
  /** Plan ops applied. */
  ops: number;
}

function phase(log: SyncRecord[], ms: number): PhaseMeasure {
  return {
    syncs: log.length,
    writeSyncs: log.filter((s) => s.writes > 0).length,
    requestBytes: log.reduce((n, s) => n + s.requestBytes, 0),
    responseBytes: log.reduce((n, s) => n + s.responseBytes, 0),
    maxRequestBytes: Math.max(0, ...log.map((s) => s.requestBytes)),
    maxResponseBytes: Math.max(0, ...log.map((s) => s.responseBytes)),
    ms,
  };
}

/** Reads the snapshot's workbook through the Office host on a fresh fake, plans, applies; measures both halves. */
export async function measureFlow(snapshot: WorkbookSnapshot, plan: (read: WorkbookSnapshot) => WritePlan, options: FakeExcelOptions = {}): Promise<FlowMeasure> {
  const fake = new FakeExcel(workbookFromSnapshot(snapshot), { source: snapshot.source, ...options });
  const host = new OfficeHost(fake, options.payloadLimit ? { budget: { payloadLimit: options.payloadLimit } } : {});
  let t = Date.now();
  const read = await host.readWorkbook();
  const readPhase = phase([...fake.syncLog], Date.now() - t);
  const p = plan(read);
  fake.resetStats();
  t = Date.now();
  await host.applyPlan(p);
  return { read: readPhase, apply: phase([...fake.syncLog], Date.now() - t), ops: p.ops.length };
}

/** Syncs and bytes of the pane's check and score of a workbook, on the fake. */
export async function measureAddin(
  snapshot: WorkbookSnapshot,
  profile: Profile,
  lang: Lang = 'zh-CN',
  options: FakeExcelOptions = {},
): Promise<{ check: FlowMeasure; score: FlowMeasure }> {
  const check = await measureFlow(snapshot, (s) => checkPlan(runCheck(s, profile), lang), options);
  const score = await measureFlow(snapshot, (s) => scorePlan(runScore(s, profile), lang), options);
  return { check, score };
}
