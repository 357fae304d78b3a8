import { inverseStandardNormal } from "../inventory/normal";
import { gammaQuantile, ONE_COUNT, walkable, walkCount, type CountMixture } from "./countQuantile";

/** Midpoints of the quantile grid a gamma-shaped count's loss is summed over. */
const GRID = 2000;
const grids = new Map<number, Float64Array>();

/** The standard normal's quantiles at the midpoints (i + ½)/size, i = 0 … size − 1. */
function standardNormalGrid(size: number): Float64Array {
  let z = grids.get(size);
  if (!z) {
    z = new Float64Array(size);
    for (let i = 0; i < size; i++) z[i] = inverseStandardNormal((i + 0.5) / size);
    grids.set(size, z);
  }
  return z;
}

/** Step and reach, in standard deviations, of the even grid the audience's log-normal is summed over (see `fillLevel`). */
const Z_STEP = 0.25;
const Z_REACH = 6;
/** A log-sd above this is read as this: e^(3·Z) already spans ten thousandfold either way. */
const MAX_LOG_SD = 3;
/** Gamma quantiles per audience node where the mixture is too wide to walk. */
const NODE_GRID = 200;

/** Audience factors A = e^(s·z − s²/2) on an even z grid and their weights φ(z), normalised so Σw = 1 and Σw·A = 1. */
function audienceNodes(s: number): CountMixture {
  // The integrand φ(z)·e^(s·z) peaks at z = s: the grid reaches Z_REACH beyond it.
  const n = Math.floor((2 * Z_REACH + s) / Z_STEP) + 1;
  const factor = new Float64Array(n);
  const weight = new Float64Array(n);
  let w = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const z = -Z_REACH + i * Z_STEP;
    weight[i] = Math.exp(-0.5 * z * z);
    factor[i] = Math.exp(s * z);
    w += weight[i];
    m += weight[i] * factor[i];
  }
  for (let i = 0; i < n; i++) {
    weight[i] /= w;
    factor[i] *= w / m;
  }
  return { factor, weight };
}

/**
 * The stock that serves a share `fill` of a count's units on average (the "fill rate" or β
 * service level, where `countQuantile` is the α one): the smallest whole S with
 * E[min(Y, S)] ≥ fill × E[Y]. Y is negative binomial, of mean μ and variance μ + α·μ² (Poisson
 * when α = 0) — or, given a log-sd s > 0, negative binomial of dispersion α about μ·A, A
 * log-normal of mean 1, e^(s·Z − s²/2): a planned stream whose audience is not yet known
 * (`withAudience`'s logSd). That mixture has a longer tail than the one negative binomial of its
 * mean and variance, and a fill level is all tail. Summed over an even grid of Z, steps of 0.25
 * (for s ≤ 0.6, within half a percent of a grid of 0.1; 0.5 was off by up to 5 %, and the sum
 * costs little: 403 streams' covers in 50 ms). Above a mean of 500 (or a variance
 * of 100,000) each count is read through the gamma of its moments (Wilson–Hilferty, as
 * `countQuantile`). Units. μ = 0, fill ≤ 0 → 0; fill ≥ 1 is read as 0.9999 (no stock serves
 * every unit of an unbounded count).
 *
 * A P90 serves more than 90 % of units — the units above it are a thin tail — but less than a
 * seller's "98 % of a stream's orders": for a skewed count the 98 % fill needs a higher quantile.
 *
 * @example fillLevel(2, 0, 0.9) // 4 (Poisson(2): E[min(Y, 4)] = 1.93 ≥ 0.9 × 2 > E[min(Y, 3)] = 1.78)
 * @example fillLevel(100, 0.3, 0.98) // 207, where countQuantile(100, 0.3, 0.9) is 175
 * @example fillLevel(100, 0.2, 0.98, 0.375) // 244, where the one negative binomial of its moments (α 0.38) says 230
 */
export function fillLevel(mean: number, alpha: number, fill: number, logSd = 0): number {
  if (!(mean > 0) || !(fill > 0)) return 0;
  const target = Math.min(fill, 0.9999);
  const a = alpha > 0 ? alpha : 0;
  const s = logSd > 0 ? Math.min(logSd, MAX_LOG_SD) : 0;
  const variance = mean + ((1 + a) * Math.exp(s * s) - 1) * mean * mean;
  const mixture = s > 0 ? audienceNodes(s) : ONE_COUNT;
  if (!walkable(mean, variance)) return gammaFillLevel(mean, a, mixture, target);
  // E[min(Y, S)] = Σ_{k<S} P(Y > k): at each k, the stock k serves `served`.
  const want = target * mean;
  let cdf = 0;
  let served = 0;
  return walkCount(
    mean,
    a,
    (_, pmf) => {
      if (served >= want) return true;
      cdf += pmf;
      // No mass left that a double can tell from none: one more unit serves all there is.
      served = cdf < 1 ? served + (1 - cdf) : want;
      return false;
    },
    mixture,
  );
}

/**
 * `fillLevel` of a count too wide to walk: each count's gamma (mean μ·Aᵢ, variance
 * μAᵢ + α(μAᵢ)²) on its Wilson–Hilferty quantiles (GRID of them for one count, NODE_GRID for
 * each of a mixture's), each weighted wᵢ ÷ their number.
 */
function gammaFillLevel(mean: number, a: number, mixture: CountMixture, fill: number): number {
  const n = mixture.factor.length;
  const size = n === 1 ? GRID : NODE_GRID;
  const z = standardNormalGrid(size);
  const value = new Float64Array(n * size);
  const mass = new Float64Array(n * size);
  for (let i = 0; i < n; i++) {
    const m = mean * mixture.factor[i];
    for (let j = 0; j < size; j++) {
      value[i * size + j] = gammaQuantile(m, m + a * m * m, z[j]);
      mass[i * size + j] = mixture.weight[i] / size;
    }
  }
  return weightedFillLevel(value, mass, fill);
}

/**
 * The smallest whole S with Σ wᵢ·min(vᵢ, S) ≥ fill × Σ wᵢ·vᵢ over values v of weights w (Σw = 1):
 * between two sorted values, the ones below are served whole and the rest are capped at S.
 */
function weightedFillLevel(value: Float64Array, mass: Float64Array, fill: number): number {
  const order = Array.from(value.keys()).sort((i, j) => value[i] - value[j]);
  let total = 0;
  for (let i = 0; i < value.length; i++) total += mass[i] * value[i];
  const want = fill * total;
  let below = 0;
  let weightBelow = 0;
  for (const i of order) {
    const rest = 1 - weightBelow;
    if (below + rest * value[i] >= want) return Math.max(0, Math.ceil((want - below) / rest - 1e-9));
    below += mass[i] * value[i];
    weightBelow += mass[i];
  }
  return Math.ceil(value[order[order.length - 1]]);
}
