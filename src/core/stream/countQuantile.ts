import { inverseStandardNormal } from "../inventory/normal";

/** Above this mean the count distribution is read through its normal approximation. */
const NORMAL_ABOVE = 500;

/**
 * The p-quantile of a count with mean μ and variance φ·μ: Poisson when φ ≤ 1, else the
 * negative binomial with size r = μ/(φ − 1) (the quasi-Poisson spread); the smallest
 * whole k with P(Y ≤ k) ≥ p. Means above 500 use ⌈μ + z_p·√(φμ) − ½⌉. μ = 0 → 0.
 *
 * @example countQuantile(2, 1, 0.9) // 4 (Poisson(2): P(Y ≤ 3) = 0.857, P(Y ≤ 4) = 0.947)
 */
export function countQuantile(mean: number, dispersion: number, p: number): number {
  if (!(mean > 0)) return 0;
  const phi = Math.max(1, dispersion);
  if (mean > NORMAL_ABOVE)
    return Math.max(0, Math.ceil(mean + inverseStandardNormal(p) * Math.sqrt(phi * mean) - 0.5));
  const poisson = phi <= 1 + 1e-9;
  const r = poisson ? Infinity : mean / (phi - 1);
  const q = 1 / phi;
  let logPmf = poisson ? -mean : r * Math.log(q);
  let cdf = 0;
  const limit = mean + 60 * Math.sqrt(phi * mean) + 100;
  for (let k = 0; k <= limit; k++) {
    cdf += Math.exp(logPmf);
    if (cdf >= p) return k;
    logPmf += poisson ? Math.log(mean / (k + 1)) : Math.log(((k + r) / (k + 1)) * (1 - q));
  }
  return Math.ceil(limit);
}
