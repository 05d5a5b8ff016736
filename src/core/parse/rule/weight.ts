/**
 * The text as the family parsers read it, and the weight statement (`该指标分值为20分`, `分值：10分`, `(10分)`),
 * which is read first and removed from the text, so its `N分` does not count as an award.
 */
import { normalizeText } from '../../domain/text';
import { hasItemMarkers, NUM } from './clauses';

/**
 * normalizeText, but circled item numbers (①, ❶) become `(1)` first: NFKC would turn ① into a
 * bare `1`, which could not be told from a number.
 */
export function normalizeRuleText(s: string): string {
  const marked = s.replace(/[\u2460-\u2473\u2776-\u277f\u24eb-\u24f4]/g, (c) => `(${circledValue(c)})`);
  return normalizeText(marked);
}

function circledValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1; // ①–⑳
  if (code >= 0x2776 && code <= 0x277f) return code - 0x2776 + 1; // ❶–❿
  return code - 0x24eb + 11; // ⓫–⓴
}

export interface WeightMatch {
  value: number;
  start: number;
  end: number;
}

/** `该指标分值为20分`, `该指标分值5分`, `分值：10分`, `权重10分`, `满分10分`. */
const WEIGHT_STATEMENT = new RegExp(`(?:该指标|本指标|此指标|指标)?(?:分值|权重分?|满分|总分)(?:为|是|:|共)?(${NUM})分`);
/** `(10分)` opening the text. */
const WEIGHT_LEADING = new RegExp(`^\\((${NUM})分\\)`);
/** `…(10分)` closing the text (not when the text lists items, where it is the last item's points). */
const WEIGHT_TRAILING = new RegExp(`\\((${NUM})分\\)[。.]?$`);

export function findStatedWeight(s: string): WeightMatch | null {
  const m = WEIGHT_STATEMENT.exec(s) ?? WEIGHT_LEADING.exec(s) ?? (hasItemMarkers(s) ? null : WEIGHT_TRAILING.exec(s));
  if (!m) return null;
  return { value: Number(m[1]), start: m.index, end: m.index + m[0].length };
}
