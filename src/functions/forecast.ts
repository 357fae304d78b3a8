import { InputError } from "../core/errors";
import { cleanHistory, forecastSeries } from "../core/forecast";
import { fitStreamModel, predictStreamUnits, type StreamObservation } from "../core/stream";
import { asRows, numberCells, optionalNumber, requiredNumber } from "./coerce";
import { excelResult } from "./excelError";

/*
 * The forecasting custom functions (DESIGN.md, "Custom functions"): argument
 * conversion, a call into src/core, errors mapped. The JSDoc is the metadata;
 * the Chinese descriptions are in forecast.zh-CN.json.
 */

/** The cells of a single row or column, blanks as undefined; a 2-D block is #VALUE!. */
function vectorCells(v: unknown, param: string): (number | undefined)[] {
  const rows = asRows(v);
  const width = rows[0]?.length ?? 0;
  if (rows.length > 1 && width > 1)
    throw new InputError("value", "notOneDimensional", { param, rows: rows.length, cols: width });
  return numberCells(v, param);
}

/**
 * Weekly forecasts for the next weeks, choosing the method from the history: exponential smoothing with trend and season, or a Croston-type rate for intermittent demand.
 * @customfunction FORECAST_WEEKLY
 * @param history Units per week, oldest first, in one row or column. Blank weeks inside are filled from their neighbours; returns (negative weeks) count as 0.
 * @param horizon Number of weeks to forecast, 1 to 520.
 * @param [season_length] Weeks per season (52 for a yearly pattern in weekly data). Default 1: no season.
 * @returns A column of `horizon` forecasts, units per week.
 */
export function FORECAST_WEEKLY(history: unknown[][], horizon: unknown, season_length?: unknown): number[][] {
  return excelResult(() => {
    const weeks = vectorCells(history, "history").map((units) => ({ units: units ?? null }));
    const steps = requiredNumber(horizon, "horizon");
    const season = optionalNumber(season_length, "season_length", 1);
    const { baseline } = cleanHistory(weeks);
    return forecastSeries(baseline, steps, { seasonLength: season }).mean.map((v) => [v]);
  });
}

/**
 * Units a planned live stream will sell, from E[units] = k·viewers^b·dwell^c fitted on past streams (streams that sold 0 count).
 * @customfunction LIVE_UNITS
 * @param viewers Expected peak viewers of the planned stream.
 * @param dwell_minutes Expected average dwell time, minutes.
 * @param known_units Units sold in each past stream (a row or column; blank for streams not yet held).
 * @param known_viewers Peak viewers of each past stream, in the same order.
 * @param known_dwell Average dwell minutes of each past stream, in the same order.
 * @param [percentile] A probability such as 0.9: return that percentile of units instead of the mean.
 * @returns Expected units (or the requested percentile).
 */
export function LIVE_UNITS(
  viewers: unknown,
  dwell_minutes: unknown,
  known_units: unknown[][],
  known_viewers: unknown[][],
  known_dwell: unknown[][],
  percentile?: unknown,
): number {
  return excelResult(() => {
    const v = requiredNumber(viewers, "viewers");
    const d = requiredNumber(dwell_minutes, "dwell_minutes");
    const units = vectorCells(known_units, "known_units");
    const pastViewers = vectorCells(known_viewers, "known_viewers");
    const pastDwell = vectorCells(known_dwell, "known_dwell");
    for (const [param, list] of [
      ["known_viewers", pastViewers],
      ["known_dwell", pastDwell],
    ] as const)
      if (list.length !== units.length)
        throw new InputError("value", "sizeMismatch", {
          param,
          count: list.length,
          other: "known_units",
          otherCount: units.length,
        });
    const p = optionalNumber(percentile, "percentile", NaN);
    if (!Number.isNaN(p) && !(p > 0 && p < 1)) throw new InputError("num", "streamPercentile");
    const observations: StreamObservation[] = [];
    units.forEach((u, i) => {
      const pv = pastViewers[i];
      const pd = pastDwell[i];
      if (u === undefined || pv === undefined || pd === undefined) return;
      for (const [param, value] of [
        ["known_units", u],
        ["known_viewers", pv],
        ["known_dwell", pd],
      ] as const)
        if (value < 0) throw new InputError("num", "negativeInRange", { param, value, pos: i + 1 });
      observations.push({ viewers: pv, dwellMin: pd, units: u });
    });
    // The accuracy report is never shown here: skip the cross-validation (most of the time at 200+ streams).
    const model = fitStreamModel(observations, { accuracy: false });
    // A law of k = 0 for streams that sold is a fit that failed (units summing past 1e308), not a forecast.
    const sold = observations.some((o) => o.units > 0 && o.viewers > 0 && o.dwellMin > 0);
    if (sold && !(model.shop.k > 0)) throw new InputError("num", "notFinite", { param: "known_units" });
    const forecast = predictStreamUnits(model, v, d);
    if (forecast.overflow) throw new InputError("num", "notFinite", { param: "viewers" });
    return Number.isNaN(p) ? forecast.mean : forecast.quantile(p);
  });
}
