/**
 * Validation of a write plan, shared by every host: an op a host cannot apply is refused before anything is
 * written, with a message naming the op (`setFormula 项目!P12`) in both languages. Returns each op with its
 * addresses parsed, so hosts do not parse them again.
 */
import type { Bilingual } from '../domain/lang';
import { parseA1, parseRange, type RangeRef } from '../domain/a1';
import { describeOp, type PlanOp, type WritePlan } from './ops';

export const KNOWN_OPS: ReadonlySet<string> = new Set(['mark', 'setFormula', 'setValue', 'addSheet', 'insertRows', 'merge', 'copyFormat', 'recalculate']);

/** A plan op a host cannot apply. `unknownOp` is set when the op's kind is one this version does not know. */
export class PlanValidationError extends Error {
  constructor(
    readonly op: PlanOp,
    readonly why: Bilingual,
    readonly unknownOp = false,
  ) {
    super(`${describeOp(op)}: ${why['en-US']} / ${why['zh-CN']}`);
    this.name = 'PlanValidationError';
  }
}

/** An op with its addresses parsed. */
export type CheckedOp =
  | { op: Extract<PlanOp, { op: 'mark' | 'setFormula' | 'setValue' }>; row: number; col: number }
  | { op: Extract<PlanOp, { op: 'merge' }>; range: RangeRef }
  | { op: Extract<PlanOp, { op: 'copyFormat' }>; from: RangeRef; to: RangeRef }
  | { op: Extract<PlanOp, { op: 'insertRows' | 'addSheet' | 'recalculate' }> };

function bad(op: PlanOp, zh: string, en: string, unknownOp = false): PlanValidationError {
  return new PlanValidationError(op, { 'zh-CN': zh, 'en-US': en }, unknownOp);
}

function range(op: PlanOp, text: string): RangeRef {
  try {
    return parseRange(text.replace(/\$/g, ''));
  } catch {
    throw bad(op, `区域地址无效：${text}`, `not a range: ${text}`);
  }
}

/** Checks one op; throws PlanValidationError when a host could not apply it. */
export function checkOp(op: PlanOp): CheckedOp {
  if (!op || typeof op !== 'object' || !KNOWN_OPS.has((op as { op: string }).op)) {
    throw bad(op, `未知的写入操作“${(op as { op?: string })?.op}”`, `unknown write operation "${(op as { op?: string })?.op}"`, true);
  }
  switch (op.op) {
    case 'addSheet':
    case 'recalculate':
      return { op };
    case 'insertRows':
      if (!Number.isInteger(op.at) || op.at < 1 || !Number.isInteger(op.count) || op.count < 1 || !Number.isInteger(op.formatFrom) || op.formatFrom < 1) {
        throw bad(op, `行号或行数无效（${op.at}, ${op.count}, ${op.formatFrom}）`, `bad row or count (${op.at}, ${op.count}, ${op.formatFrom})`);
      }
      return { op };
    case 'merge':
      return { op, range: range(op, op.range) };
    case 'copyFormat': {
      const from = range(op, op.from);
      const to = range(op, op.to);
      const fh = from.bottom - from.top + 1;
      const fw = from.right - from.left + 1;
      const th = to.bottom - to.top + 1;
      const tw = to.right - to.left + 1;
      if ((fh !== th && fh !== 1) || (fw !== tw && fw !== 1)) throw bad(op, '区域大小不一致', 'ranges of different sizes');
      return { op, from, to };
    }
    default: {
      let p: { row: number; col: number };
      try {
        p = parseA1(op.cell);
      } catch {
        throw bad(op, `单元格地址无效：${op.cell}`, `not a cell address: ${op.cell}`);
      }
      if (op.op === 'setFormula' && !op.formula.replace(/^\s*=/, '').trim()) throw bad(op, '公式为空', 'empty formula');
      return { op, row: p.row, col: p.col };
    }
  }
}

/** Checks every op of a plan, in order; throws on the first one a host could not apply. */
export function validatePlan(plan: WritePlan): CheckedOp[] {
  return plan.ops.map(checkOp);
}
