/** Step deduction: `每超过10%扣2分`, `每降低1%扣2分`, `每相差3%扣1分`, `每超过一个百分点扣0.5分`. */
import type { ParsedRule, StepRule } from '../../model';
import { CN_NUMERAL_CHARS, longestFirst, parseSmallNumber } from '../numbers';
import { findBase, findCap, NUM, unspecified, type RuleContext } from './clauses';

type Trigger = StepRule['trigger'];

/** The deviation words after 每, longest first (相差 before 差). */
const TRIGGERS = longestFirst<Trigger>([
  ['超过', 'over'],
  ['超出', 'over'],
  ['超支', 'over'],
  ['高于', 'over'],
  ['多于', 'over'],
  ['增加', 'over'],
  ['增长', 'over'],
  ['上升', 'over'],
  ['提高', 'over'],
  ['降低', 'under'],
  ['下降', 'under'],
  ['低于', 'under'],
  ['减少', 'under'],
  ['少于', 'under'],
  ['不足', 'under'],
  ['未达到', 'under'],
  ['相差', 'diff'],
  ['偏离', 'diff'],
  ['偏差', 'diff'],
  ['误差', 'diff'],
  ['差', 'under'],
]);

/** Counting words: `每增加一起` counts occurrences, not a step of a quantity. */
const OCCURRENCE_CLASSIFIERS = /^(?:起|次|例|件|宗|人次|项|处|条|份|篇)/;

interface StepClause {
  index: number;
  trigger: Trigger;
  stepSize: number;
  stepUnit: StepRule['stepUnit'];
  deductPerStep: number;
}

/**
 * `每超过10%扣2分` (percent), `每超过一个百分点扣0.5分` (point), `每超过1万元扣1分` (absolute).
 * The base is the `计N分` before the first step clause. Several clauses must agree; `每超过…扣`
 * together with `每低于…扣` with the same step is 'diff'; any other mix is unspecified.
 */
export function parseStep(body: string, ctx: RuleContext): ParsedRule | null {
  const clauses = findStepClauses(body);
  if (clauses.length === 0) return null;
  const first = clauses[0];
  let trigger = first.trigger;
  for (const c of clauses.slice(1)) {
    if (c.stepSize !== first.stepSize || c.stepUnit !== first.stepUnit || c.deductPerStep !== first.deductPerStep) {
      return unspecified(ctx);
    }
    if (c.trigger !== trigger) trigger = 'diff';
  }
  const base = findBase(body, first.index);
  const rule: StepRule = {
    family: 'step',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: base ?? ctx.statedWeight,
    base,
    trigger,
    stepSize: first.stepSize,
    stepUnit: first.stepUnit,
    deductPerStep: first.deductPerStep,
    cap: findCap(body),
    // 不足10%按10%计: a partial step counts as a whole one.
    partialSteps: /不足[^,;。]{0,12}按[^,;。]{0,12}计/.test(body),
  };
  return rule;
}

function findStepClauses(body: string): StepClause[] {
  const clauses: StepClause[] = [];
  for (let i = body.indexOf('每'); i >= 0; i = body.indexOf('每', i + 1)) {
    const clause = readStepClause(body, i);
    if (clause) clauses.push(clause);
  }
  return clauses;
}

const DEDUCTION = new RegExp(`^[^每;。]{0,12}?(?:扣除|扣减|扣|减)(${NUM})分`);

function readStepClause(body: string, at: number): StepClause | null {
  let pos = at + 1;
  if (body.startsWith('个', pos)) pos++;
  const trigger = TRIGGERS.find(([w]) => body.startsWith(w, pos));
  if (!trigger) return null;
  pos += trigger[0].length;
  if (body[pos] === '了') pos++;
  const quantity = readStepQuantity(body.slice(pos, pos + 24));
  if (!quantity) return null;
  pos += quantity.length;
  const deduction = DEDUCTION.exec(body.slice(pos, pos + 40));
  if (!deduction) return null;
  return {
    index: at,
    trigger: trigger[1],
    stepSize: quantity.size,
    stepUnit: quantity.unit,
    deductPerStep: Number(deduction[1]),
  };
}

const CN_OR_ARABIC = `(?:${NUM}|[${CN_NUMERAL_CHARS}]{1,3})`;
const STEP_POINT = new RegExp(`^(${CN_OR_ARABIC})?个?百分点`);
const STEP_PERCENT = new RegExp(`^(?:(${NUM})%|百分之(${CN_OR_ARABIC}))`);
const STEP_ABSOLUTE = new RegExp(`^(${CN_OR_ARABIC})([^\\d,;。扣减每%]{0,4})`);

/** The size of one step: `10%`, `百分之五`, `一个百分点`, `2个百分点`, `1万元`. */
function readStepQuantity(s: string): { size: number; unit: StepRule['stepUnit']; length: number } | null {
  const point = STEP_POINT.exec(s);
  if (point) {
    const size = point[1] === undefined ? 1 : parseSmallNumber(point[1]);
    return size === null || size <= 0 ? null : { size, unit: 'point', length: point[0].length };
  }
  const pct = STEP_PERCENT.exec(s);
  if (pct) {
    const size = pct[1] !== undefined ? Number(pct[1]) : parseSmallNumber(pct[2]);
    return size === null || size <= 0 ? null : { size, unit: 'percent', length: pct[0].length };
  }
  const abs = STEP_ABSOLUTE.exec(s);
  if (abs && !OCCURRENCE_CLASSIFIERS.test(abs[2]) && !abs[2].startsWith('个')) {
    const size = parseSmallNumber(abs[1]);
    return size === null || size <= 0 ? null : { size, unit: 'absolute', length: abs[0].length };
  }
  return null;
}
