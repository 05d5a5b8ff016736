/**
 * Where the ops of a plan land. The plan is checked first (src/core/plan/validate.ts, shared by every
 * host): an op this version does not know, or one it could not apply, is refused before anything is
 * read or written. Then each op is placed on the timeline of the plan's row inserts: the cell it
 * writes at its own time and the cell that was there before the plan (none for a row or sheet the plan
 * adds), which is what the prepare step reads and the rollback restores.
 */
import type { Bilingual } from '../../../core/domain/lang';
import type { RangeRef } from '../../../core/domain/a1';
import { sanitiseSheetName } from '../../../core/plan/conventions';
import { describeOp, type PlanOp, type WritePlan } from '../../../core/plan/ops';
import { KNOWN_OPS, PlanValidationError, validatePlan, type CheckedOp } from '../../../core/plan/validate';
import { HostError } from '../../workbook-host';

/** A plan the host cannot apply: refused, nothing written. */
export function badOp(op: PlanOp, why: string | Bilingual): HostError {
  const zh = typeof why === 'string' ? why : why['zh-CN'];
  const en = typeof why === 'string' ? why : why['en-US'];
  return new HostError('failed', {
    'zh-CN': `写入计划有误（${describeOp(op)}）：${zh}。工作簿没有被改动。`,
    'en-US': `Bad write plan (${describeOp(op)}): ${en}. The workbook was not changed.`,
  });
}

function unknownOpError(name: unknown): HostError {
  return new HostError('unsupported', {
    'zh-CN': `这个版本的加载项不认识写入操作“${name}”，请更新加载项。工作簿没有被改动。`,
    'en-US': `This version of the add-in does not know the write operation "${name}"; update the add-in. The workbook was not changed.`,
  });
}

/**
 * Checks the plan: HostError 'unsupported' when any op is of a kind this version does not know (before
 * anything else: an add-in older than the plan should say so), else 'failed' for the first op that
 * could not be applied.
 */
export function checkPlan(plan: WritePlan): CheckedOp[] {
  for (const op of plan.ops) {
    const name = op && typeof op === 'object' ? (op as { op?: unknown }).op : undefined;
    if (typeof name !== 'string' || !KNOWN_OPS.has(name)) throw unknownOpError(name);
  }
  try {
    return validatePlan(plan);
  } catch (e) {
    if (e instanceof PlanValidationError) throw e.unknownOp ? unknownOpError((e.op as { op?: unknown })?.op) : badOp(e.op, e.why);
    throw e;
  }
}

interface Timeline {
  /** Row inserts so far, in order. */
  inserts: Array<{ sheet: string; at: number; count: number }>;
  /** Sheets added by the plan so far (lower case). */
  added: Set<string>;
}

/** The row a cell had before the plan, or null for a cell in a row the plan inserted. */
function preRow(t: Timeline, sheet: string, row: number): number | null {
  const key = sheet.toLowerCase();
  let r = row;
  for (let i = t.inserts.length - 1; i >= 0; i--) {
    const x = t.inserts[i];
    if (x.sheet !== key) continue;
    if (r >= x.at + x.count) r -= x.count;
    else if (r >= x.at) return null;
  }
  return r;
}

export interface OpInfo {
  op: PlanOp;
  sheet?: string;
  /** Cell ops: the cell at the op's time, and before the plan (null: a new row or sheet). */
  row?: number;
  col?: number;
  pre?: { row: number; col: number } | null;
  /** insertRows: the source row before the plan. copyFormat: source and target rows before the plan. */
  srcPre?: number | null;
  from?: RangeRef;
  to?: RangeRef;
  fromPre?: Array<number | null>;
  toPre?: Array<number | null>;
  /** merge: the range at the op's time. */
  range?: RangeRef;
}

export function opSheet(op: PlanOp): string | undefined {
  return op.op === 'addSheet' || op.op === 'recalculate' ? undefined : op.sheet;
}

/** Checks the plan (see checkPlan) and places its ops. */
export function planTimeline(plan: WritePlan): OpInfo[] {
  const checked = checkPlan(plan);
  const tl: Timeline = { inserts: [], added: new Set() };
  const infos: OpInfo[] = [];
  const pre = (sheet: string, row: number) => (tl.added.has(sheet.toLowerCase()) ? null : preRow(tl, sheet, row));
  const rows = (sheet: string, r: RangeRef) => {
    const out: Array<number | null> = [];
    for (let row = r.top; row <= r.bottom; row++) out.push(pre(sheet, row));
    return out;
  };
  for (const c of checked) {
    if ('row' in c) {
      const r = pre(c.op.sheet, c.row);
      infos.push({ op: c.op, sheet: c.op.sheet, row: c.row, col: c.col, pre: r === null ? null : { row: r, col: c.col } });
    } else if ('range' in c) {
      infos.push({ op: c.op, sheet: c.op.sheet, range: c.range });
    } else if ('from' in c) {
      infos.push({ op: c.op, sheet: c.op.sheet, from: c.from, to: c.to, fromPre: rows(c.op.sheet, c.from), toPre: rows(c.op.sheet, c.to) });
    } else {
      const op = c.op;
      if (op.op === 'insertRows') {
        infos.push({ op, sheet: op.sheet, srcPre: pre(op.sheet, op.formatFrom) });
        tl.inserts.push({ sheet: op.sheet.toLowerCase(), at: op.at, count: op.count });
      } else {
        if (op.op === 'addSheet') tl.added.add(sanitiseSheetName(op.name).toLowerCase());
        infos.push({ op });
      }
    }
  }
  return infos;
}
