/** Binary: `达到目标值计20分，否则不得分`, `未达到标准值不得分`, `按时完成计10分`. */
import type { BinaryRule } from '../../model';
import { NUM, type RuleContext } from './clauses';

const REACH_WORDS = /达到|达标|完成|实现|满足|符合|通过|合格/;
const ON_TIME_WORDS = /按时|按期|如期|准时|及时|规定时间|规定时限|时限内|逾期|延期|超期|前完成/;
const AWARD = new RegExp(`(?:计|得|给|赋|记)(${NUM})分|(?:计|得|给)满分`, 'g');
const ZERO = /不得分|不计分|不给分|得0分|计0分|得零分|0分/;
const NEGATION = /未|没有|否则|不能|不按|逾期|延期|超期/;
/** `否则按比例得分`, `酌情赋分`: partial scores, so not all-or-nothing. */
const PROPORTIONAL = /比例|酌情|相应|折算|按实际|视情|适当|部分/;
/** Dates in the condition (`2024年12月前完成计10分`) are part of an on-time condition, not numbers to score. */
const DATE_WORDS = /\d{4}年(?:\d{1,2}月)?(?:\d{1,2}[日号])?|\d{1,2}月(?:\d{1,2}[日号])?/g;

/**
 * `达到目标值计20分，否则不得分` (points 20), `未达到标准值不得分` (points null = the weight),
 * `按时完成计10分，否则不得分` (onTime). Needs a reach or on-time word and either one award or a
 * negated condition with no points; any other number in the text (`达到95%计10分`) or partial
 * scoring (`否则按比例得分`) → not binary.
 */
export function parseBinary(body: string, ctx: RuleContext): BinaryRule | null {
  if (/扣|每/.test(body) || PROPORTIONAL.test(body)) return null;
  const onTime = ON_TIME_WORDS.test(body);
  if (!onTime && !REACH_WORDS.test(body)) return null;
  const awards = [...body.matchAll(AWARD)];
  if (awards.length > 1) return null;
  const award = awards[0];
  const zero = ZERO.exec(body);
  if (!award && !(zero && NEGATION.test(body.slice(0, zero.index)))) return null;
  const rest = body.replace(AWARD, ',').replace(ZERO, ',').replace(DATE_WORDS, ',');
  if (/\d/.test(rest)) return null;
  const points = award && award[1] !== undefined ? Number(award[1]) : null;
  return {
    family: 'binary',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: points ?? ctx.statedWeight,
    points,
    condition: onTime ? 'onTime' : 'reach',
  };
}
