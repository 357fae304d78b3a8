/**
 * Least-squares straight line through a series against its period index t = 0, 1, …:
 *   slope = (n·Σty − Σt·Σy) / (n·Σt² − (Σt)²),  intercept = (Σy − slope·Σt) / n.
 * A single point has slope 0.
 *
 * @param y values per period, oldest first
 * @returns slope (units per period) and intercept (units at t = 0)
 * @example linearTrend([1, 3, 5]) // { slope: 2, intercept: 1 }
 */
export function linearTrend(y: readonly number[]): { slope: number; intercept: number } {
  const n = y.length;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sx += t;
    sy += y[t];
    sxy += t * y[t];
    sxx += t * t;
  }
  const slope = n > 1 ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : 0;
  return { slope, intercept: n > 0 ? (sy - slope * sx) / n : 0 };
}
