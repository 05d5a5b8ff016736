/** What the family parsers share: the context they are given, the unspecified result, and clauses several families read. */
import type { UnspecifiedRule } from '../../model';

/** What every family parser gets: the text as written and the weight it states. */
export interface RuleContext {
  text: string;
  statedWeight: number | null;
}

/** A number as written in a rule (`10`, `0.5`), for building the families' regular expressions. */
export const NUM = '\\d+(?:\\.\\d+)?';

export function unspecified(ctx: RuleContext): UnspecifiedRule {
  return { family: 'unspecified', text: ctx.text, statedWeight: ctx.statedWeight, maxAward: ctx.statedWeight };
}

/** The first `计N分` / `得N分` (points awarded when the target is met), before `before` when given. */
export function findBase(body: string, before = body.length): number | null {
  const m = new RegExp(`(?:计|得|给|赋|记)(${NUM})分`).exec(body.slice(0, before));
  return m ? Number(m[1]) : null;
}

/** `扣满15分为止`, `最多扣10分`, `扣分上限5分`; null for `扣完为止` or nothing. */
export function findCap(body: string): number | null {
  const m = new RegExp(`(?:扣满|扣完|最多扣除?|最高扣除?|至多扣除?|扣分上限为?|扣分不超过|累计扣分不超过)(${NUM})分`).exec(body);
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------- item markers (checklists; the weight statement)

/** Item markers after normalisation: `(1)` (from ①, ⑴, (1)) or `1.`/`1、` at the start or after a separator. */
const ITEM_MARKER = /\((\d{1,2})\)|(?:^|[,;。:])(\d{1,2})[.、](?!\d)/g;

export function hasItemMarkers(s: string): boolean {
  return findItemMarkers(s).length >= 2;
}

/** Markers numbered 1, 2, 3, … in order (other numbers in brackets are skipped). */
export function findItemMarkers(s: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const re = new RegExp(ITEM_MARKER.source, 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const n = Number(m[1] ?? m[2]);
    if (n === found.length + 1) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}
