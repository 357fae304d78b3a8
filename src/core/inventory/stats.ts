/**
 * Arithmetic mean, Σx / n. Undefined (NaN) for an empty list: callers check length.
 *
 * @example mean([1, 2, 6]) // 3
 */
export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/**
 * Sample standard deviation (Excel's STDEV.S): √(Σ(x − x̄)² / (n − 1)), by Welford's
 * one-pass update so large values don't lose precision. Needs n ≥ 2.
 *
 * @example sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // ≈ 2.138
 */
export function sampleStandardDeviation(xs: readonly number[]): number {
  let m = 0;
  let s = 0;
  let n = 0;
  for (const x of xs) {
    n++;
    const d = x - m;
    m += d / n;
    s += d * (x - m);
  }
  return Math.sqrt(s / (n - 1));
}
