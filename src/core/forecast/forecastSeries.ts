import { InputError } from "../errors";
import { sbaRate, tsbRate, type IntermittentFit } from "./croston";
import {
  fitSmoothing,
  smoothingForecast,
  smoothingVarianceFactors,
  type SmoothingFit,
} from "./exponentialSmoothing";
import { inverseStandardNormal } from "../inventory/normal";
import {
  deseasonalise,
  isSeasonal,
  isSeasonalAnova,
  reseasonalise,
  seasonalIndices,
  type SeasonalIndices,
} from "./seasonality";
import type { ForecastOptions, SeriesForecast } from "./seriesForecast";
import { thetaForecast } from "./theta";

/** The longest horizon accepted: ten years of weeks. */
export const MAX_HORIZON = 520;
/** Seasons longer than this are tested by analysis of variance rather than autocorrelation. */
const LONG_SEASON = 12;
/** Average demand interval above which a series is intermittent (Syntetos, Boylan & Croston 2005). */
const INTERMITTENT_ADI = 1.32;

/**
 * Forecast a demand series `horizon` periods ahead, choosing the method from the history:
 * - all zeros → 0; one to three points → their mean;
 * - intermittent (average interval between demands > 1.32) → the best of SES, SBA and TSB
 *   by in-sample one-step squared error, a flat per-period rate;
 * - otherwise the season (when `seasonLength` ≥ 2, two full seasons exist and the season
 *   is significant: lag-m autocorrelation for m ≤ 12, analysis of variance by position for
 *   longer seasons) is taken out by classical decomposition,
 *   multiplicative when all values are positive; exponential smoothing with no,
 *   additive or damped trend is chosen by AICc and averaged with the Theta method;
 *   the season is put back.
 * Negative values (net returns) count as 0. Quantiles are normal around the mean
 * with the model's h-step variance, cut at 0.
 *
 * @example forecastSeries([5, 5, 5, 5, 5, 5], 2).mean // [5, 5]
 * @throws InputError na when the history is empty; num when horizon is not 1…520 or seasonLength < 1
 */
export function forecastSeries(
  history: readonly number[],
  horizon: number,
  options: ForecastOptions = {},
): SeriesForecast {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON)
    throw new InputError("num", "forecastHorizon", { max: MAX_HORIZON });
  const seasonLength = options.seasonLength ?? 1;
  if (!Number.isInteger(seasonLength) || seasonLength < 1)
    throw new InputError("num", "forecastSeasonLength");
  if (history.length === 0) throw new InputError("na", "forecastHistoryEmpty");
  history.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new InputError("value", "forecastNotNumber", { period: i + 1 });
  });
  const y = history.map((v) => Math.max(0, v));
  const n = y.length;
  const nonZero = y.filter((v) => v > 0).length;

  if (nonZero === 0) return flat("Zero", 0, 0, horizon, () => 1);
  if (y.every((v) => v === y[0])) return flat("Constant", y[0], 0, horizon, () => 1);
  if (n <= 3) {
    const mean = y.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
    // The mean model's forecast error variance, σ²(1 + 1/n), is the same at every step.
    return flat("Mean", mean, sd, horizon, () => 1 + 1 / n);
  }
  if (n / nonZero > INTERMITTENT_ADI) return intermittent(y, horizon);
  return smooth(y, horizon, seasonLength);
}

function flat(
  method: string,
  rate: number,
  sigma: number,
  horizon: number,
  varianceFactor: (step: number) => number,
): SeriesForecast {
  const mean = new Array<number>(horizon).fill(Math.max(0, rate));
  return withQuantiles(method, mean, sigma, (step) => sigma * Math.sqrt(varianceFactor(step)));
}

function withQuantiles(
  method: string,
  mean: readonly number[],
  sigma: number,
  spread: (step: number) => number,
): SeriesForecast {
  const safeSigma = Number.isFinite(sigma) ? sigma : 0;
  return {
    method,
    mean,
    sigma: safeSigma,
    quantile(step: number, p: number): number {
      const s = Math.min(Math.max(1, Math.round(step)), mean.length);
      const z = inverseStandardNormal(Math.min(Math.max(p, 1e-9), 1 - 1e-9));
      const q = mean[s - 1] + z * spread(s);
      return Number.isFinite(q) ? Math.max(0, q) : mean[s - 1];
    },
  };
}

const INTERMITTENT_GRID = [0.05, 0.1, 0.2, 0.3];

function intermittent(y: readonly number[], horizon: number): SeriesForecast {
  // `weight`: the smoothing weight of the rate itself, which sets its h-step variance
  // growth 1 + (h − 1)·weight² (α for SBA, β of the per-period probability for TSB).
  type Candidate = { method: string; fit: IntermittentFit; weight: number };
  const candidates: Candidate[] = [];
  for (const alpha of INTERMITTENT_GRID) {
    candidates.push({ method: "SBA", fit: sbaRate(y, alpha), weight: alpha });
    for (const beta of INTERMITTENT_GRID)
      candidates.push({ method: "TSB", fit: tsbRate(y, alpha, beta), weight: beta });
  }
  const ses = fitSmoothing(y, "N");
  const mse = (c: IntermittentFit) => (c.count > 0 ? c.sse / c.count : Infinity);
  let best = candidates[0];
  for (const c of candidates) if (mse(c.fit) < mse(best.fit)) best = c;
  const sesMse = ses.sigma * ses.sigma;
  if (sesMse <= mse(best.fit)) {
    return flat("SES", ses.level, ses.sigma, horizon, (h) => 1 + (h - 1) * ses.alpha * ses.alpha);
  }
  const sigma = Math.sqrt(mse(best.fit));
  return flat(best.method, best.fit.rate, sigma, horizon, (h) => 1 + (h - 1) * best.weight * best.weight);
}

function smooth(y: readonly number[], horizon: number, m: number): SeriesForecast {
  const n = y.length;
  // The autocorrelation test is the M3/M4-proven one for m ≤ 12; it rejects long smooth
  // seasons (weekly data, m = 52), for which the variance test is used.
  const hasSeason = m > LONG_SEASON ? isSeasonalAnova(y, m) : isSeasonal(y, m);
  const season: SeasonalIndices | undefined = hasSeason ? seasonalIndices(y, m) : undefined;
  const x = season ? deseasonalise(y, season) : y.slice();
  const isExact = (fit: SmoothingFit): boolean => fit.sigma <= 1e-9 * meanAbs(x);
  let best: SmoothingFit | undefined;
  let ses: SmoothingFit | undefined;
  for (const trend of ["N", "A", "Ad"] as const) {
    if (trend !== "N" && n < 4) continue;
    const fit = fitSmoothing(x, trend);
    if (trend === "N") ses = fit;
    // A model that fits the history exactly (a flat line, a straight line, a pure season)
    // is the truth of that history, however short: AICc's penalty would reject a trend on
    // six points (its correction divides by n − k − 1), and averaging with Theta would bend it.
    if (isExact(fit)) {
      best = fit;
      break;
    }
    if (trend !== "N" && n < 6) continue;
    if (!best || fit.aicc < best.aicc) best = fit;
  }
  const ets = best as SmoothingFit;
  const etsMean = smoothingForecast(ets, horizon);
  const exact = isExact(ets);
  // Theta's SES is the ETS(A,N,N) fit above: the same series, the same fit.
  const theta = exact ? etsMean : thetaForecast(x, horizon, ses);
  const combined = etsMean.map((v, i) => (v + theta[i]) / 2);
  const mean = (season ? reseasonalise(combined, season, n) : combined).map((v) => Math.max(0, v));
  const factors = smoothingVarianceFactors(ets, horizon);
  const seasonTag = season ? `×${season.kind}${m}` : "";
  const method = exact ? ets.method : `Comb(${ets.method},Theta)`;
  return withQuantiles(`${method}${seasonTag}`, mean, ets.sigma, (step) => {
    const scale = season && season.kind === "M" ? season.indices[(n + step - 1) % m] : 1;
    return ets.sigma * Math.sqrt(factors[step - 1]) * scale;
  });
}

function meanAbs(x: readonly number[]): number {
  return x.reduce((a, b) => a + Math.abs(b), 0) / x.length;
}
