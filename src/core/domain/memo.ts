/**
 * Memoise a pure function of a string. Real tables repeat the same words on thousands of rows
 * (评分标准, 度量单位, 指标值类型), so parsing each distinct text once is most of the engine's speed.
 * The cache is bounded with two generations: when the young one is full it becomes the old one, and
 * an old entry that is used again moves back to the young one. Frequent texts (header words, the
 * rule texts every project repeats) stay cached however many distinct names a sheet holds; memory
 * stays under 2 × `max` entries. Results are shared between callers and must be treated as immutable.
 */
export function memoString<T>(fn: (s: string) => T, max = 20000): (s: string) => T {
  let young = new Map<string, T>();
  let old = new Map<string, T>();
  const put = (s: string, v: T) => {
    if (young.size >= max) {
      old = young;
      young = new Map();
    }
    young.set(s, v);
  };
  return (s: string) => {
    const hit = young.get(s);
    if (hit !== undefined || young.has(s)) return hit as T;
    if (old.has(s)) {
      const v = old.get(s) as T;
      put(s, v);
      return v;
    }
    const v = fn(s);
    put(s, v);
    return v;
  };
}
