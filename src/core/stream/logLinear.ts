import type { PowerLaw } from "./streamObservation";

/** A point of a power-law fit: viewers v > 0, dwell d > 0, response y ≥ 0. */
export interface LawPoint {
  readonly v: number;
  readonly d: number;
  readonly y: number;
  /** A known multiplier of the point's mean (a market's level), > 0; 1 when absent. */
  readonly m?: number;
}

/** Exponents used when the data cannot identify them. */
interface Fallback {
  readonly b: number;
  readonly c: number;
}
/** Units: proportional to viewers, dwell without effect. */
const UNITS_FALLBACK: Fallback = { b: 1, c: 0 };
/** Rates (click-through, conversion): constant. */
const RATE_FALLBACK: Fallback = { b: 0, c: 0 };
const SPREAD_EPS = 1e-9;

/** Which exponents the data can identify: a covariate must vary, and n must exceed the number of parameters. */
function design(points: readonly LawPoint[]): { useV: boolean; useD: boolean } {
  const varies = (f: (p: LawPoint) => number) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      const x = Math.log(f(p));
      if (Number.isNaN(x)) return false;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    return hi - lo > SPREAD_EPS;
  };
  const useV = points.length >= 3 && varies((p) => p.v);
  const useD = points.length >= (useV ? 4 : 3) && varies((p) => p.d);
  return { useV, useD };
}

/** Solve the small symmetric system A x = r by Gaussian elimination with partial pivoting; undefined if singular. */
function solve(a: number[][], r: number[]): number[] | undefined {
  const n = r.length;
  const m = a.map((row, i) => [...row, r[i]]);
  const scale = Math.max(1, ...a.map((row) => Math.max(...row.map(Math.abs))));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(m[i][col]) > Math.abs(m[pivot][col])) pivot = i;
    if (Math.abs(m[pivot][col]) < 1e-12 * scale) return undefined;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let i = 0; i < n; i++) {
      if (i === col) continue;
      const f = m[i][col] / m[col][col];
      for (let j = col; j <= n; j++) m[i][j] -= f * m[col][j];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/**
 * The design matrix, row-major: row i's columns (1, log v and log d where used) are
 * x[i·p … i·p + p − 1]. One array, not a small one per point: a stream model refits it
 * for every fold of its cross-validation.
 */
interface Rows {
  readonly n: number;
  readonly p: number;
  readonly x: Float64Array;
}

type Fitter = (
  rows: Rows,
  offsets: Float64Array,
  y: Float64Array,
  columns: { readonly useV: boolean; readonly useD: boolean },
) => number[] | undefined;

/** Fit with the identifiable columns; when a column makes the system singular (collinear), drop dwell, then viewers. */
function fitLaw(points: readonly LawPoint[], fitter: Fitter, fallback: Fallback): PowerLaw {
  let { useV, useD } = design(points);
  const n = points.length;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = points[i].y;
  for (;;) {
    const p = 1 + (useV ? 1 : 0) + (useD ? 1 : 0);
    const x = new Float64Array(n * p);
    const offsets = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const pt = points[i];
      let at = i * p;
      x[at++] = 1;
      if (useV) x[at++] = Math.log(pt.v);
      if (useD) x[at] = Math.log(pt.d);
      offsets[i] =
        (useV ? 0 : fallback.b * Math.log(pt.v)) +
        (useD ? 0 : fallback.c * Math.log(pt.d)) +
        (pt.m !== undefined && pt.m > 0 ? Math.log(pt.m) : 0);
    }
    const beta = fitter({ n, p, x }, offsets, y, { useV, useD });
    if (beta) {
      let i = 1;
      const b = useV ? beta[i++] : fallback.b;
      const c = useD ? beta[i++] : fallback.c;
      return { k: Math.exp(beta[0]), b, c };
    }
    if (useD) useD = false;
    else if (useV) useV = false;
    else return { k: 0, ...fallback };
  }
}

/** Weighted least squares Σ wᵢ xᵢxᵢᵀ β = Σ wᵢ xᵢ zᵢ (wᵢ = 1 when `w` is omitted). */
function normalEquations(rows: Rows, w: Float64Array | undefined, z: Float64Array): number[] | undefined {
  const { p } = rows;
  const a = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const r = new Array<number>(p).fill(0);
  accumulate(rows, w, z, a, r);
  return solve(a, r);
}

/**
 * Adds Σ wᵢ xᵢxᵢᵀ to `a` and Σ wᵢ xᵢ zᵢ to `r`. Its own function: a loop over 1,600 points is
 * compiled while it runs, and compiled inside normalEquations it reached `solve` before that
 * call had ever run, and was thrown away (13 times in a plan).
 */
function accumulate(
  rows: Rows,
  w: Float64Array | undefined,
  z: Float64Array,
  a: number[][],
  r: number[],
): void {
  const { n, p, x } = rows;
  for (let i = 0; i < n; i++) {
    const at = i * p;
    const wi = w === undefined ? 1 : w[i];
    for (let j = 0; j < p; j++) {
      r[j] += wi * x[at + j] * z[i];
      for (let k = 0; k < p; k++) a[j][k] += wi * x[at + j] * x[at + k];
    }
  }
}

/** x_i · b, row i of the design. */
function linear(rows: Rows, i: number, b: readonly number[]): number {
  const { p, x } = rows;
  let s = 0;
  for (let j = 0; j < p; j++) s += x[i * p + j] * b[j];
  return s;
}

/**
 * Poisson regression log E[y] = log k + b·log v + c·log d by iteratively reweighted least
 * squares (McCullagh & Nelder 1989): zeros count, and data that follow the law exactly are
 * fitted exactly (the score Σ(y − μ)x vanishes there). A point's multiplier m enters as an
 * offset, E[y] = m·k·v^b·d^c. Exponents the data cannot identify
 * are fixed at b = 1, c = 0 (units proportional to viewers). All y = 0 → k = 0. `start`
 * (a nearby fit, e.g. on all the data when leaving one out) only speeds convergence.
 *
 * @example poissonPowerLaw([{ v: 1, d: 1, y: 2 }, { v: 2, d: 1, y: 4 }, { v: 4, d: 2, y: 4 }, { v: 8, d: 1, y: 16 }]) // { k: 2, b: 1, c: −1 }
 */
export function poissonPowerLaw(points: readonly LawPoint[], start?: PowerLaw): PowerLaw {
  const total = points.reduce((s, p) => s + p.y, 0);
  if (points.length === 0 || total <= 0) return { k: 0, ...UNITS_FALLBACK };
  return fitLaw(
    points,
    (rows, offsets, y, { useV, useD }) => {
      const { n, p } = rows;
      const deviance = (b: readonly number[]) => {
        let dev = 0;
        for (let i = 0; i < n; i++) {
          const eta = offsets[i] + linear(rows, i, b);
          dev += Math.exp(eta) - (y[i] > 0 ? y[i] * eta : 0);
        }
        return dev;
      };
      let beta: number[];
      if (start && start.k > 0) {
        beta = [Math.log(start.k), ...(useV ? [start.b] : []), ...(useD ? [start.c] : [])];
      } else {
        // Start from the mean, corrected for the offsets' scale.
        let offsetSum = 0;
        for (let i = 0; i < n; i++) offsetSum += offsets[i];
        beta = [Math.log(total / n) - offsetSum / n, ...new Array<number>(p - 1).fill(0)];
      }
      let current = deviance(beta);
      // The working response and weights, rewritten each iteration.
      const mu = new Float64Array(n);
      const z = new Float64Array(n);
      for (let iter = 0; iter < 100; iter++) {
        for (let i = 0; i < n; i++) {
          const eta = offsets[i] + linear(rows, i, beta);
          mu[i] = Math.exp(eta);
          z[i] = eta - offsets[i] + (y[i] - mu[i]) / mu[i];
        }
        const next = normalEquations(rows, mu, z);
        if (!next) return undefined;
        // Step halving only when the full Newton step clearly increases the deviance;
        // at convergence rounding noise must not trigger it.
        const slack = 1e-12 * (Math.abs(current) + 1);
        let step = 1;
        let candidate = next;
        let value = deviance(candidate);
        while (!(value <= current + slack) && step > 1e-6) {
          step /= 2;
          candidate = beta.map((b, j) => b + step * (next[j] - b));
          value = deviance(candidate);
        }
        const change = Math.max(...candidate.map((b, j) => Math.abs(b - beta[j]) / (1 + Math.abs(b))));
        beta = candidate;
        current = value;
        if (change < 1e-10) break;
      }
      return beta.every(Number.isFinite) ? beta : undefined;
    },
    UNITS_FALLBACK,
  );
}

/**
 * Least squares on logs, log y = log k + b·log v + c·log d, for positive rates (click-through,
 * conversion); points with y ≤ 0 are left out. Same identification rules as {@link poissonPowerLaw}, with b = c = 0 (a constant rate) as the fallback.
 *
 * @example logLinearPowerLaw([{ v: 1, d: 1, y: 0.1 }, { v: 10, d: 1, y: 0.2 }, { v: 10, d: 4, y: 0.4 }, { v: 100, d: 4, y: 0.8 }]).c // ≈ 0.5
 */
export function logLinearPowerLaw(points: readonly LawPoint[]): PowerLaw {
  const positive = points.filter((p) => p.y > 0);
  if (positive.length === 0) return { k: 0, ...RATE_FALLBACK };
  return fitLaw(
    positive,
    (rows, offsets, y) => {
      const z = new Float64Array(rows.n);
      for (let i = 0; i < rows.n; i++) z[i] = Math.log(y[i]) - offsets[i];
      return normalEquations(rows, undefined, z);
    },
    RATE_FALLBACK,
  );
}
