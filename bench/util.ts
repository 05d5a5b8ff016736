/** Timing helpers shared by the benchmarks. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `fn` and returns its wall time in milliseconds with its result. */
export async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const v = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, v];
}

/**
 * The first run's engine time and its share of that run's read time. The first run is what a single
 * `jixiao` command pays (nothing compiled yet); later runs reuse the compiled code.
 */
export function firstRun(engines: number[], reads: number[]): string {
  return `${engines[0].toFixed(0)} ms, ${((engines[0] / reads[0]) * 100).toFixed(1)}%`;
}
