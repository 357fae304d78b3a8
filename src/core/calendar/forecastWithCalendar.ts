import { forecastSeries, type ForecastOptions, type SeriesForecast } from "../forecast";
import { addDays, weekStart, type Day } from "../time/day";
import type { MarketEvent } from "./marketEvent";
import { estimateUplifts, weekUplift, type WeeklySeries } from "./uplift";

/** A weekly forecast that knows the market's calendar. */
export interface CalendarForecast extends SeriesForecast {
  /** Monday of each forecast week. */
  readonly weeks: readonly Day[];
  /** The event multiplier applied to each forecast week (1 = no event). */
  readonly uplifts: readonly number[];
  /** The events with their uplifts as used: estimated from the history where it covers them. */
  readonly events: readonly MarketEvent[];
}

/**
 * Weekly forecast with market events: uplifts are estimated from the history where it
 * covers them (defaults elsewhere), each history week is divided by its uplift so the
 * baseline is event-free, the baseline is forecast (forecastSeries), and each forecast
 * week is multiplied by its uplift: ŷ_w = baseline_w · u_w, quantiles likewise.
 * Weeks start on Monday; the forecast starts the week after the history's last week.
 *
 * @example forecastWithCalendar({ start, units }, 8, marketEvents("US", from, to)).uplifts // 2 in Black Friday's week
 */
export function forecastWithCalendar(
  history: WeeklySeries,
  horizon: number,
  events: readonly MarketEvent[],
  options: ForecastOptions = {},
): CalendarForecast {
  const first = weekStart(history.start);
  const estimated = estimateUplifts(history, events);
  const adjusted = history.units.map((u, i) => u / weekUplift(estimated, addDays(first, 7 * i)));
  const base = forecastSeries(adjusted, horizon, options);
  const weeks = Array.from({ length: horizon }, (_, h) => addDays(first, 7 * (history.units.length + h)));
  const uplifts = weeks.map((w) => weekUplift(estimated, w));
  return {
    method: base.method,
    mean: base.mean.map((v, i) => v * uplifts[i]),
    sigma: base.sigma,
    quantile: (step, p) =>
      base.quantile(step, p) * uplifts[Math.min(Math.max(1, Math.round(step)), horizon) - 1],
    weeks,
    uplifts,
    events: estimated,
  };
}
