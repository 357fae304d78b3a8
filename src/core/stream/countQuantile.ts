import { inverseStandardNormal } from "../inventory/normal";

/** Above this mean the count distribution is read through its gamma approximation. */
export const GAMMA_ABOVE = 500;

/**
 * The p-quantile of a count with mean μ and variance μ + α·μ²: Poisson when α = 0, else the
 * negative binomial with size 1/α, so that the spread grows with the mean (a big stream's P90
 * sits proportionally as far above its mean as a small one's); the smallest whole k with
 * P(Y ≤ k) ≥ p. Means above 500 use the gamma with the same mean and variance
 * (Wilson–Hilferty), rounded to the nearest whole unit. μ = 0 → 0; α < 0 or NaN → 0.
 *
 * @example countQuantile(2, 0, 0.9) // 4 (Poisson(2): P(Y ≤ 3) = 0.857, P(Y ≤ 4) = 0.947)
 * @example countQuantile(1000, 0.1, 0.9) // 1422 (sd ≈ 318, skewed upward: the normal would say 1407)
 */
export function countQuantile(mean: number, alpha: number, p: number): number {
  if (!(mean > 0)) return 0;
  const a = alpha > 0 ? alpha : 0;
  const variance = mean + a * mean * mean;
  if (mean > GAMMA_ABOVE) {
    const scale = variance / mean;
    const shape = mean / scale;
    const h = 1 / (9 * shape);
    const x = mean * Math.max(0, 1 - h + inverseStandardNormal(p) * Math.sqrt(h)) ** 3;
    return Math.max(0, Math.round(x));
  }
  const poisson = a <= 1e-12;
  const r = poisson ? Infinity : 1 / a;
  // Poisson: P(0) = e^−μ, ratio μ/(k+1); negative binomial: P(0) = (r/(r+μ))^r, ratio (k+r)/(k+1)·μ/(r+μ).
  // Up to μ = 500, P(0) ≥ e^−500 stays a normal double, so the ratios need no logarithms.
  let pmf = poisson ? Math.exp(-mean) : Math.exp(r * Math.log(r / (r + mean)));
  const odds = poisson ? 0 : mean / (r + mean);
  let cdf = 0;
  const limit = mean + 60 * Math.sqrt(variance) + 100;
  for (let k = 0; k <= limit; k++) {
    cdf += pmf;
    if (cdf >= p) return k;
    pmf *= poisson ? mean / (k + 1) : ((k + r) / (k + 1)) * odds;
  }
  return Math.ceil(limit);
}
