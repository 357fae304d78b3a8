import { inverseStandardNormal } from "../inventory/normal";
import { gammaQuantile, walkable, walkCount } from "./countQuantile";

/** Midpoints of the quantile grid a gamma-shaped count's loss is summed over. */
const GRID = 2000;
let gridZ: Float64Array | null = null;

function standardNormalGrid(): Float64Array {
  if (gridZ) return gridZ;
  gridZ = new Float64Array(GRID);
  for (let i = 0; i < GRID; i++) gridZ[i] = inverseStandardNormal((i + 0.5) / GRID);
  return gridZ;
}

/**
 * The stock that serves a share `fill` of a count's units on average (the "fill rate" or β
 * service level, where `countQuantile` is the α one): the smallest whole S with
 * E[min(Y, S)] ≥ fill × E[Y], Y of mean μ and variance μ + α·μ² — Poisson when α = 0, else the
 * negative binomial with size 1/α; above a mean of 500 (or a variance of 100,000) the gamma
 * with the same moments (Wilson–Hilferty, as `countQuantile`). Units. μ = 0, fill ≤ 0 → 0;
 * fill ≥ 1 is read as 0.9999 (no stock serves every unit of an unbounded count).
 *
 * A P90 serves more than 90 % of units — the units above it are a thin tail — but less than a
 * seller's "98 % of a stream's orders": for a skewed count the 98 % fill needs a higher quantile.
 *
 * @example fillLevel(2, 0, 0.9) // 4 (Poisson(2): E[min(Y, 4)] = 1.93 ≥ 0.9 × 2 > E[min(Y, 3)] = 1.78)
 * @example fillLevel(100, 0.3, 0.98) // 207, where countQuantile(100, 0.3, 0.9) is 175
 */
export function fillLevel(mean: number, alpha: number, fill: number): number {
  if (!(mean > 0) || !(fill > 0)) return 0;
  const target = Math.min(fill, 0.9999);
  const a = alpha > 0 ? alpha : 0;
  const variance = mean + a * mean * mean;
  if (!walkable(mean, variance)) return gammaFillLevel(mean, variance, target);
  // E[min(Y, S)] = Σ_{k<S} P(Y > k): at each k, the stock k serves `served`.
  const want = target * mean;
  let cdf = 0;
  let served = 0;
  return walkCount(mean, a, (_, pmf) => {
    if (served >= want) return true;
    cdf += pmf;
    // No mass left that a double can tell from none: one more unit serves all there is.
    served = cdf < 1 ? served + (1 - cdf) : want;
    return false;
  });
}

/** `fillLevel` of the gamma of that mean and variance, over its Wilson–Hilferty quantiles. */
function gammaFillLevel(mean: number, variance: number, fill: number): number {
  const z = standardNormalGrid();
  const q = (i: number): number => gammaQuantile(mean, variance, z[i]);
  let total = 0;
  for (let i = 0; i < GRID; i++) total += q(i);
  // A stock S between the (i−1)-th and the i-th quantile serves the units below it whole and
  // caps the rest: (Σ_{j<i} q_j + (GRID − i)·S) / Σ q; solved for S at the first i reaching fill.
  const want = fill * total;
  let below = 0;
  for (let i = 0; i < GRID; i++) {
    const qi = q(i);
    if (below + (GRID - i) * qi >= want) return Math.max(0, Math.ceil((want - below) / (GRID - i) - 1e-9));
    below += qi;
  }
  return Math.ceil(q(GRID - 1));
}
