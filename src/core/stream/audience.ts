import type { Stream } from "../data/model";
import type { Day } from "../time/day";
import { unguardedUnits, type StreamLevels } from "./expectedUnits";
import type { PlannedFunnel } from "./streamObservation";

/**
 * How far a stream's real peak viewers land from the figure it was planned with, on the log
 * scale: ln(real / expected) ~ Normal(bias, sd²).
 */
export interface AudienceSpread {
  /** Mean of ln(real / expected): > 0 when streams draw more than planned. */
  readonly bias: number;
  /** Standard deviation of ln(real / expected). */
  readonly sd: number;
  /** Past streams that recorded both figures. */
  readonly n: number;
}

/** Pseudo-streams the prior counts as: a few recorded streams move the spread, one does not. */
export const AUDIENCE_PRIOR_STREAMS = 5;

/**
 * ln(real ÷ expected) is counted at most this far from 0 (a hundredfold): a stream a thousand
 * times off its plan is a slip of the hand, and one such row must not make every planned
 * stream's spread (and its mean, which grows as e^(sd²·b²/2)) unbounded.
 */
const MAX_LOG_RATIO = Math.log(100);

/**
 * The audience spread learned from past streams (dated before `asOf`) that record both their
 * expected and their real peak viewers (at least one viewer each), shrunk toward the prior (bias
 * 0, sd `priorSd`) as if the prior were AUDIENCE_PRIOR_STREAMS streams, each ratio counted
 * within a hundredfold:
 *   bias = Σr / (n + n₀),  sd² = (n₀·priorSd² + Σ(r − r̄)²) / (n₀ + n − 1),  r = ln(real / expected).
 * With no such stream, the prior itself.
 *
 * @example audienceSpread([{ date: 1, peakViewers: 12000, expectedViewers: 10000, … }], 2, 0.3) // { bias: 0.030, sd: 0.3, n: 1 }
 */
export function audienceSpread(streams: readonly Stream[], asOf: Day, priorSd: number): AudienceSpread {
  const r: number[] = [];
  for (const s of streams)
    if (s.date < asOf && s.expectedViewers !== undefined && s.expectedViewers >= 1 && s.peakViewers >= 1)
      r.push(Math.max(-MAX_LOG_RATIO, Math.min(MAX_LOG_RATIO, Math.log(s.peakViewers / s.expectedViewers))));
  const n = r.length;
  const prior = Math.max(0, priorSd);
  if (n === 0) return { bias: 0, sd: prior, n: 0 };
  let sum = 0;
  for (const x of r) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of r) squares += (x - mean) ** 2;
  const n0 = AUDIENCE_PRIOR_STREAMS;
  return { bias: sum / (n + n0), sd: Math.sqrt((n0 * prior * prior + squares) / (n0 + n - 1)), n };
}

/**
 * How units respond to viewers at (v, d) under a fitted model: b = d ln(units) / d ln(v), read
 * numerically (±10 %) so that capped and stated funnel rates count as the model uses them;
 * the sales law's own exponent where it rules. 0 when the model sells nothing there.
 *
 * @example viewersElasticity(powerModelWithB1_2, 10000, 3) // 1.2
 */
export function viewersElasticity(
  model: StreamLevels,
  v: number,
  d: number,
  sku?: string,
  warehouse?: string,
  planned?: PlannedFunnel,
): number {
  const up = unguardedUnits(model, v * 1.1, d, sku, warehouse, planned);
  const down = unguardedUnits(model, v / 1.1, d, sku, warehouse, planned);
  if (!(up > 0 && down > 0 && Number.isFinite(up) && Number.isFinite(down))) return 0;
  return Math.max(0, Math.log(up / down) / (2 * Math.log(1.1)));
}

/**
 * A planned stream's units once its audience is uncertain: the negative binomial (mean μ,
 * dispersion α) given the real viewers, mixed over real = expected·e^(bias + sd·Z), units ∝ viewers^b:
 *   μ' = μ·e^(b·bias + b²·sd²/2),  α' = (1 + α)·e^(b²·sd²) − 1
 * (the mean and variance of the mixture, read as a negative binomial again), and the log-normal
 * spread the audience gives the units, logSd = b·sd, for what needs the mixture's own tail
 * (`fillLevel`).
 *
 * @example withAudience(100, 0.1, 1.2, { bias: 0, sd: 0.3, n: 0 }) // { mean: 106.7, alpha: 0.252, logSd: 0.36 }
 */
export function withAudience(
  mean: number,
  alpha: number,
  elasticity: number,
  spread: AudienceSpread,
): { readonly mean: number; readonly alpha: number; readonly logSd: number } {
  const b = Math.max(0, elasticity);
  const v = (b * spread.sd) ** 2;
  return {
    mean: mean * Math.exp(b * spread.bias + v / 2),
    alpha: (1 + Math.max(0, alpha)) * Math.exp(v) - 1,
    logSd: Math.sqrt(v),
  };
}
