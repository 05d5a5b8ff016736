/**
 * Memoise a pure function of a string. Real tables repeat the same words on thousands of rows
 * (评分标准, 度量单位, 指标值类型), so parsing each distinct text once is most of the engine's speed.
 * The cache is bounded: past `max` entries it starts again, so memory stays flat on any input.
 * Results are shared between callers and must be treated as immutable.
 */
export function memoString<T>(fn: (s: string) => T, max = 20000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= max) cache = new Map();
    cache.set(s, v);
    return v;
  };
}
