import { linearTrend } from "./linearTrend";

/** Seasonal indices of a series and how they combine with it. */
export interface SeasonalIndices {
  /** "M" multiplicative (ratios, mean 1) or "A" additive (differences, mean 0). */
  readonly kind: "M" | "A";
  /** One index per position in the season, position 0 = the series' first period. */
  readonly indices: readonly number[];
}

/**
 * Whether the series is seasonal at lag m: |r_m| > 1.645·√((1 + 2Σ_{k<m} r_k²)/n),
 * the 90% test on the autocorrelation r used by the Theta method (Assimakopoulos
 * & Nikolopoulos 2000; the M4 benchmarks). Needs at least two full seasons.
 *
 * @example isSeasonal([1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5], 2) // true
 */
export function isSeasonal(y: readonly number[], m: number): boolean {
  const n = y.length;
  if (m < 2 || n < 2 * m) return false;
  let mean = 0;
  for (const v of y) mean += v / n;
  let denominator = 0;
  for (const v of y) denominator += (v - mean) ** 2;
  if (denominator === 0) return false;
  const acf = (lag: number): number => {
    let s = 0;
    for (let t = lag; t < n; t++) s += (y[t] - mean) * (y[t - lag] - mean);
    return s / denominator;
  };
  let sum = 0;
  for (let k = 1; k < m; k++) sum += acf(k) ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * sum) / n);
  return Math.abs(acf(m)) > limit;
}

/**
 * Whether the series is seasonal at period m by a one-way analysis of variance: the
 * residuals of a least-squares line, grouped by position in the season, have
 * F = (between-position mean square)/(within-position mean square) above the 95%
 * point of F(m − 1, n − m) (Paulson's normal approximation). Unlike the
 * autocorrelation test this does not reject a long smooth season (weekly data,
 * m = 52), whose lags 1…m − 1 are all strongly correlated. Needs two full seasons.
 *
 * @example isSeasonalAnova([1, 5, 1, 5, 1, 5, 1, 5], 2) // true
 */
export function isSeasonalAnova(y: readonly number[], m: number): boolean {
  const n = y.length;
  if (m < 2 || n < 2 * m) return false;
  const { slope, intercept } = linearTrend(y);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  const r = y.map((v, t) => v - intercept - slope * t);
  r.forEach((v, t) => {
    sums[t % m] += v;
    counts[t % m] += 1;
  });
  const grand = r.reduce((a, b) => a + b, 0) / n;
  let between = 0;
  let within = 0;
  for (let i = 0; i < m; i++) between += counts[i] * (sums[i] / counts[i] - grand) ** 2;
  r.forEach((v, t) => (within += (v - sums[t % m] / counts[t % m]) ** 2));
  const d1 = m - 1;
  const d2 = n - m;
  if (within <= 1e-12 * (between + within)) return between > 0;
  const f = between / d1 / (within / d2);
  const a = 2 / (9 * d1);
  const b = 2 / (9 * d2);
  const cube = Math.cbrt(f);
  const z = ((1 - b) * cube - (1 - a)) / Math.sqrt(b * cube * cube + a);
  return z > 1.6449;
}

/**
 * Seasonal indices by classical decomposition: a centred moving average of
 * order m (2×m when m is even) gives the trend; each position's index is the
 * mean of y/trend (multiplicative, when every value is positive) or y − trend
 * (additive otherwise), normalised to mean 1 (or 0).
 *
 * @example seasonalIndices([1, 3, 1, 3, 1, 3], 2).indices // [0.5, 1.5]
 */
export function seasonalIndices(y: readonly number[], m: number): SeasonalIndices {
  const n = y.length;
  const multiplicative = y.every((v) => v > 0);
  const half = Math.floor(m / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t < n - half; t++) {
    let trend: number;
    if (m % 2 === 1) {
      let s = 0;
      for (let k = -half; k <= half; k++) s += y[t + k];
      trend = s / m;
    } else {
      if (t + half >= n) break;
      let s = (y[t - half] + y[t + half]) / 2;
      for (let k = -half + 1; k < half; k++) s += y[t + k];
      trend = s / m;
    }
    sums[t % m] += multiplicative ? y[t] / trend : y[t] - trend;
    counts[t % m] += 1;
  }
  const raw = sums.map((s, i) => (counts[i] > 0 ? s / counts[i] : multiplicative ? 1 : 0));
  const average = raw.reduce((a, b) => a + b, 0) / m;
  const indices = raw.map((v) => (multiplicative ? v / average : v - average));
  return { kind: multiplicative ? "M" : "A", indices };
}

/** The series with the season taken out: y/s or y − s at each position. */
export function deseasonalise(y: readonly number[], season: SeasonalIndices): number[] {
  const m = season.indices.length;
  return y.map((v, t) => (season.kind === "M" ? v / season.indices[t % m] : v - season.indices[t % m]));
}

/** Forecasts of a deseasonalised series with the season put back, for periods n+1…n+h. */
export function reseasonalise(forecast: readonly number[], season: SeasonalIndices, n: number): number[] {
  const m = season.indices.length;
  return forecast.map((v, i) => {
    const s = season.indices[(n + i) % m];
    return season.kind === "M" ? v * s : v + s;
  });
}
