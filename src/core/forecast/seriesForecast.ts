/**
 * A forecast of one demand series: the point forecasts for each step of the
 * horizon and the spread around them, so that safety stock and the plan can
 * ask for any quantile.
 */
export interface SeriesForecast {
  /** The chosen method, e.g. "ETS(A,Ad,N)", "Theta", "SBA", "TSB". */
  readonly method: string;
  /** Point forecasts for steps 1..horizon, in units per period; never negative, never NaN. */
  readonly mean: readonly number[];
  /** One-step-ahead residual standard deviation, in units per period. */
  readonly sigma: number;
  /**
   * The `p` quantile of demand in period `step` (1..horizon), units per period;
   * non-decreasing in `p`, never negative.
   */
  quantile(step: number, p: number): number;
}

/** Options of {@link forecastSeries}. */
export interface ForecastOptions {
  /** Periods per season (52 for weekly data with a yearly pattern, 12 for monthly); 1 or absent = no season. */
  readonly seasonLength?: number;
}
