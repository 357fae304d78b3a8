/** Smoothing constant of the quick path: about a 10-week memory. */
const SES_ALPHA = 0.2;
/** Croston/SBA smoothing constant for intermittent series (Syntetos & Boylan's usual 0.1). */
const SBA_ALPHA = 0.1;
/** Average demand interval above which a series is intermittent (Syntetos, Boylan & Croston 2005). */
const INTERMITTENT_ADI = 1.32;

/** A flat weekly rate and the one-step error around it. */
export interface QuickForecast {
  readonly method: "Zero" | "SES" | "SBA";
  /** Units per week. */
  readonly rate: number;
  /** Root mean squared one-step error, units per week. */
  readonly sigma: number;
}

/**
 * The plan's quick forecast for long tails, one O(n) pass: simple exponential
 * smoothing with α = 0.2 (level started at the mean of the first four weeks), or
 * for intermittent series (average demand interval > 1.32) the Syntetos–Boylan
 * approximation rate = (1 − α/2)·z/p with α = 0.1, z and p started at the first
 * demand and its interval. σ is the RMSE of the one-step forecasts.
 *
 * @param y units per week, oldest first, none negative
 * @example quickForecast([10, 10, 10, 10]).rate // 10
 */
export function quickForecast(y: ArrayLike<number>): QuickForecast {
  const n = y.length;
  let nonZero = 0;
  for (let i = 0; i < n; i++) if (y[i] > 0) nonZero++;
  if (nonZero === 0) return { method: "Zero", rate: 0, sigma: 0 };
  if (n / nonZero > INTERMITTENT_ADI) return sba(y);
  const init = Math.min(n, 4);
  let level = 0;
  for (let i = 0; i < init; i++) level += y[i];
  level /= init;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i] - level;
    sse += e * e;
    level += SES_ALPHA * e;
  }
  return { method: "SES", rate: Math.max(0, level), sigma: Math.sqrt(sse / n) };
}

function sba(y: ArrayLike<number>): QuickForecast {
  let z = 0;
  let p = 0;
  let since = 0;
  let sse = 0;
  let count = 0;
  for (let i = 0; i < y.length; i++) {
    since++;
    if (z > 0) {
      const e = y[i] - (1 - SBA_ALPHA / 2) * (z / p);
      sse += e * e;
      count++;
    }
    if (y[i] > 0) {
      if (z === 0) {
        z = y[i];
        p = since;
      } else {
        z += SBA_ALPHA * (y[i] - z);
        p += SBA_ALPHA * (since - p);
      }
      since = 0;
    }
  }
  const rate = (1 - SBA_ALPHA / 2) * (z / p);
  return { method: "SBA", rate, sigma: count > 0 ? Math.sqrt(sse / count) : rate };
}
