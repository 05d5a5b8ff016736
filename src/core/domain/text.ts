import { memoString } from './memo';
/** Text normalisation shared by the layout reader, parsers and rules. */

/**
 * Fold full-width forms to half-width (NFKC), unify the comparison symbols that systems write
 * (`≧` → `≥`, `≦` → `≤`), drop every kind of white space. Keeps Chinese text as it is.
 */
export function normalizeText(s: string): string {
  return s.length > 200 ? normalizeUncached(s) : normalizeCached(s);
}

function normalizeUncached(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/≧/g, '≥')
    .replace(/≦/g, '≤')
    .replace(/[\s\u00a0\u3000\u200b]+/g, '');
}

const normalizeCached = memoString(normalizeUncached, 50000);

/** Normalise for matching header words: also drops brackets and their variants (评（扣）分标准 = 评(扣分标准) = 评扣分标准). */
export function headerKey(s: string): string {
  return normalizeText(s).replace(/[()（）【】[\]<>《》:：*]/g, '');
}
