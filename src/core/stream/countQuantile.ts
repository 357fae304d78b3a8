import { inverseStandardNormal } from "../inventory/normal";

/** Above this mean the count distribution is read through its gamma approximation. */
export const GAMMA_ABOVE = 500;

/**
 * The p-quantile of a count with mean μ and variance μ + α·μ²: Poisson when α = 0, else the
 * negative binomial with size 1/α, so that the spread grows with the mean (a big stream's P90
 * sits proportionally as far above its mean as a small one's); the smallest whole k with
 * P(Y ≤ k) ≥ p. Means above 500 (or a variance above 100,000) use the gamma with the same
 * mean and variance (Wilson–Hilferty), rounded to the nearest whole unit. μ = 0 → 0; α < 0 or
 * NaN → 0.
 *
 * @example countQuantile(2, 0, 0.9) // 4 (Poisson(2): P(Y ≤ 3) = 0.857, P(Y ≤ 4) = 0.947)
 * @example countQuantile(1000, 0.1, 0.9) // 1422 (sd ≈ 318, skewed upward: the normal would say 1407)
 */
export function countQuantile(mean: number, alpha: number, p: number): number {
  if (!(mean > 0)) return 0;
  const a = alpha > 0 ? alpha : 0;
  const variance = mean + a * mean * mean;
  if (!walkable(mean, variance))
    return Math.max(0, Math.round(gammaQuantile(mean, variance, inverseStandardNormal(p))));
  let cdf = 0;
  return walkCount(mean, a, (_, pmf) => (cdf += pmf) >= p);
}

/**
 * The Wilson–Hilferty quantile of the gamma with this mean and variance at z standard normal
 * deviations: μ·max(0, 1 − h + z·√h)³, h = variance ÷ (9μ²). Units, unrounded.
 *
 * @example gammaQuantile(1000, 101000, 1.2816) // ≈ 1422
 */
export function gammaQuantile(mean: number, variance: number, z: number): number {
  const h = variance / (9 * mean * mean);
  if (!Number.isFinite(h)) return 0;
  return mean * Math.max(0, 1 - h + z * Math.sqrt(h)) ** 3;
}

/** Variance above which the count is read through its gamma too: a wider one would be a long walk. */
const WALK_VARIANCE = 1e5;

/**
 * Whether `walkCount` reads the count exactly: μ ≤ 500 and variance ≤ 100,000 (sd ≤ 316); else
 * its gamma approximation does.
 *
 * @example walkable(100, 100 + 0.3 * 100 * 100) // true
 */
export const walkable = (mean: number, variance: number): boolean =>
  mean <= GAMMA_ABOVE && variance <= WALK_VARIANCE;

/**
 * A mixture of counts about μ·Aᵢ with weights wᵢ (Σw = 1, Σw·A = 1), for a mean that is itself
 * uncertain (a stream's audience: `fillLevel`); `ONE_COUNT`, a single factor 1, is the count itself.
 */
export interface CountMixture {
  readonly factor: Float64Array;
  readonly weight: Float64Array;
}

/** The count itself: one factor of 1. */
export const ONE_COUNT: CountMixture = { factor: Float64Array.of(1), weight: Float64Array.of(1) };

/** Below e^−700 a pmf is no normal double: such a node is walked in logarithms until it is one. */
const LOG_TINY = -700;

/**
 * Walks the count of mean μ and variance μ + α·μ² — Poisson when α = 0, else the negative
 * binomial with size 1/α — or a mixture of such counts about μ·Aᵢ, P(Y = k) = Σ wᵢ·P(Yᵢ = k),
 * from k = 0 up, calling `visit(k, P(Y = k))` until it returns true; returns that k, or the
 * walk's end (μ + 60 sd + 100, rounded up) if it never does. For means up to 500 (`walkable`):
 * each count's pmf by its ratio recursion, in logarithms while it is too small for a double.
 *
 * @example walkCount(2, 0, (k) => k === 3) // 3
 */
export function walkCount(
  mean: number,
  alpha: number,
  visit: (k: number, pmf: number) => boolean,
  mixture: CountMixture = ONE_COUNT,
): number {
  const { factor, weight } = mixture;
  const n = factor.length;
  const poisson = alpha <= 1e-12;
  const r = poisson ? Infinity : 1 / alpha;
  // Poisson: P(0) = e^−μ, ratio μ/(k+1); negative binomial: P(0) = (r/(r+μ))^r, ratio (k+r)/(k+1)·μ/(r+μ).
  const mu = new Float64Array(n);
  const odds = new Float64Array(n);
  const pmf = new Float64Array(n);
  const logPmf = new Float64Array(n);
  let square = 0;
  for (let i = 0; i < n; i++) {
    mu[i] = mean * factor[i];
    odds[i] = poisson ? 0 : mu[i] / (r + mu[i]);
    square += weight[i] * factor[i] * factor[i];
    const log0 = poisson ? -mu[i] : r * Math.log(r / (r + mu[i]));
    if (log0 > LOG_TINY) {
      pmf[i] = Math.exp(log0);
      logPmf[i] = -Infinity;
    } else logPmf[i] = log0;
  }
  const variance = mean + ((1 + (poisson ? 0 : alpha)) * square - 1) * mean * mean;
  const limit = mean + 60 * Math.sqrt(variance) + 100;
  for (let k = 0; k <= limit; k++) {
    let p = 0;
    for (let i = 0; i < n; i++) p += weight[i] * pmf[i];
    if (visit(k, p)) return k;
    for (let i = 0; i < n; i++) {
      const ratio = poisson ? mu[i] / (k + 1) : ((k + r) / (k + 1)) * odds[i];
      if (logPmf[i] === -Infinity) pmf[i] *= ratio;
      else {
        logPmf[i] += Math.log(ratio);
        if (logPmf[i] > LOG_TINY) {
          pmf[i] = Math.exp(logPmf[i]);
          logPmf[i] = -Infinity;
        }
      }
    }
  }
  return Math.ceil(limit);
}
