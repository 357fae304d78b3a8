import { nelderMead } from "./nelderMead";

/** Trend of an exponential-smoothing model: none, additive, additive damped. */
export type TrendKind = "N" | "A" | "Ad";

/** A fitted non-seasonal exponential-smoothing model (additive errors). */
export interface SmoothingFit {
  /** "ETS(A,N,N)", "ETS(A,A,N)" or "ETS(A,Ad,N)". */
  readonly method: string;
  readonly alpha: number;
  readonly beta: number;
  readonly phi: number;
  /** Final level and trend, after the last observation. */
  readonly level: number;
  readonly trend: number;
  /** One-step residual standard deviation, √(SSE / n). */
  readonly sigma: number;
  /** Corrected Akaike information criterion of the Gaussian likelihood. */
  readonly aicc: number;
}

const logistic = (u: number): number => 1 / (1 + Math.exp(-u));
const logit = (p: number): number => Math.log(p / (1 - p));
const PHI_LOW = 0.8;
const PHI_RANGE = 0.18;

/**
 * Holt's linear method with optional damping, as the state-space model
 * ETS(A,T,N): ŷ = ℓ + φb; ℓ ← ℓ + φb + αe; b ← φb + βe (Hyndman et al. 2008, ch. 2).
 * α, β, φ and the initial ℓ₀, b₀ are chosen by Nelder–Mead on the Gaussian
 * likelihood n·log(SSE/n); 0 < β ≤ α < 1, 0.8 ≤ φ ≤ 0.98.
 *
 * @example fitSmoothing([10, 10, 10, 10], "N").level // 10
 */
export function fitSmoothing(x: readonly number[], trend: TrendKind): SmoothingFit {
  const n = x.length;
  const hasTrend = trend !== "N";
  const damped = trend === "Ad";
  const k0 = Math.min(n, 10);
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < k0; t++) {
    sx += t;
    sy += x[t];
    sxy += t * x[t];
    sxx += t * t;
  }
  const slope = k0 > 1 ? (k0 * sxy - sx * sy) / (k0 * sxx - sx * sx) : 0;
  const intercept = sy / k0 - (slope * sx) / k0;
  let scale = 0;
  for (let t = 0; t < n; t++) scale += Math.abs(x[t]);
  scale = scale / n || 1;

  // The objective runs thousands of times a fit: it decodes into one array and `run` leaves its
  // final states in another, so that an evaluation allocates nothing.
  const decoded: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  const decode = (p: readonly number[]): [number, number, number, number, number] => {
    const alpha = 1e-4 + (1 - 2e-4) * logistic(p[0]);
    decoded[0] = alpha;
    decoded[1] = hasTrend ? alpha * (1e-3 + (1 - 2e-3) * logistic(p[1])) : 0;
    decoded[2] = damped ? PHI_LOW + PHI_RANGE * logistic(p[2]) : 1;
    decoded[3] = p[hasTrend ? 3 : 1] * scale;
    decoded[4] = hasTrend ? p[4] * scale : 0;
    return decoded;
  };
  // A typed array, not two variables of the closure: those would box each double they are given.
  const final = new Float64Array(2);
  /** SSE of the one-step errors; leaves the final level and slope in `final`. */
  const run = (d: readonly number[]): number => {
    const alpha = d[0];
    const beta = d[1];
    const phi = d[2];
    let level = d[3];
    let slopeState = d[4];
    let sse = 0;
    for (let t = 0; t < n; t++) {
      const fitted = level + phi * slopeState;
      const e = x[t] - fitted;
      sse += e * e;
      level = fitted + alpha * e;
      slopeState = phi * slopeState + beta * e;
    }
    final[0] = level;
    final[1] = slopeState;
    return sse;
  };
  const objective = (p: readonly number[]): number => run(decode(p));
  const start = hasTrend
    ? [logit(0.3), logit(0.1), logit(0.5), intercept / scale, slope / scale]
    : [logit(0.3), sy / k0 / scale];
  const steps = hasTrend ? [1, 1, 1, 0.1, 0.05] : [1, 0.1];
  const best = nelderMead(objective, start, steps, hasTrend ? 600 : 200);
  const [alpha, beta, phi] = decode(best.x);
  const sse = run(decoded);
  const parameters = (hasTrend ? 4 : 2) + (damped ? 1 : 0) + 1;
  const mse = Math.max(sse / n, 1e-12 * scale * scale);
  const aic = n * Math.log(mse) + 2 * parameters;
  const aicc =
    n - parameters - 1 > 0 ? aic + (2 * parameters * (parameters + 1)) / (n - parameters - 1) : Infinity;
  return {
    method: `ETS(A,${trend},N)`,
    alpha,
    beta,
    phi,
    level: final[0],
    trend: final[1],
    sigma: Math.sqrt(sse / n),
    aicc,
  };
}

/**
 * Point forecast h steps ahead: ℓ + (φ + φ² + … + φʰ)·b.
 *
 * @example smoothingForecast({ level: 10, trend: 1, phi: 1 }, 2) // [11, 12]
 */
export function smoothingForecast(
  fit: Pick<SmoothingFit, "level" | "trend" | "phi">,
  horizon: number,
): number[] {
  const out: number[] = [];
  let damping = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= fit.phi;
    damping += power;
    out.push(fit.level + damping * fit.trend);
  }
  return out;
}

/**
 * Variance multipliers of the h-step forecast error: v_h = 1 + Σ_{j<h} c_j²,
 * c_j = α + βφ(1 − φʲ)/(1 − φ) (β·j when φ = 1) (Hyndman et al. 2008, table 6.1).
 *
 * @example smoothingVarianceFactors({ alpha: 0.5, beta: 0, phi: 1 }, 2) // [1, 1.25]
 */
export function smoothingVarianceFactors(
  fit: Pick<SmoothingFit, "alpha" | "beta" | "phi">,
  horizon: number,
): number[] {
  const out: number[] = [];
  let v = 1;
  for (let h = 1; h <= horizon; h++) {
    out.push(v);
    const j = h;
    const trendPart =
      fit.beta === 0
        ? 0
        : fit.phi === 1
          ? fit.beta * j
          : (fit.beta * fit.phi * (1 - fit.phi ** j)) / (1 - fit.phi);
    const c = fit.alpha + trendPart;
    v += c * c;
  }
  return out;
}
