import { forecastSeries } from "../forecast";
import type { WeekUplifts } from "./marketUplifts";
import { float64Views, type PairHistory } from "./salesHistory";
import { quickForecast } from "./quickForecast";
import type { StreamCadence } from "./streamCadence";
import { weekStart, type Day } from "../time/day";

/** The baseline (non-stream) weekly forecast of one SKU × warehouse. */
export interface BaselineForecast {
  readonly method: string;
  /** Units per week for the weeks from the plan date's week on. */
  readonly weekly: Float64Array;
  /** One-step error, units per week: the σ of safety stock. */
  readonly sigma: number;
  /**
   * Variance the streams not yet announced add to a week, units² (`addUnannouncedStreams`);
   * absent: none. The bulk lane's safety stock holds it; a bridge before the bulk lane lands
   * does not (the streams it bridges are announced, each held at its own P90 by tier 2).
   */
  readonly streamVariance?: number;
}

/**
 * Baseline units per week of a pair: max(0, units − stream units), from its
 * first week with a sale. This is `cleanHistory` for the plan's input — every
 * week in range is a record (the Sales table lists what sold, so a week
 * without rows sold 0) and there is no stock history — computed without
 * building a week object per week, which matters at 20,000 pairs × 104 weeks.
 *
 * @example baselineHistory({ units: [0, 10, 30], streamUnits: [0, 0, 20], … }) // [10, 10]
 */
export function baselineHistory(p: PairHistory): number[] {
  const first = firstSale(p);
  return baselineInto(p, first, new Array<number>(p.units.length - first));
}

/** Index of a pair's first week with a sale (its length when none). */
function firstSale(p: PairHistory): number {
  let first = 0;
  while (first < p.units.length && p.units[first] <= 0) first++;
  return first;
}

/** Writes the baseline weeks from `first` on into `out` (length: the weeks from `first`). */
function baselineInto<T extends number[] | Float64Array>(p: PairHistory, first: number, out: T): T {
  const n = p.units.length;
  for (let i = first; i < n; i++) out[i - first] = Math.max(0, p.units[i] - Math.max(0, p.streamUnits[i]));
  return out;
}

// The two loops below run for each of 20,000 pairs: functions of their own, compiled within
// the first pairs rather than with the whole of forecastBaselines.

/** Divides each week of `y` (history week `first` + i) by its market-event uplift. */
function withoutUplifts(y: Float64Array, uplift: Float64Array, first: number): void {
  for (let i = 0; i < y.length; i++) y[i] /= uplift[first + i];
}

/** Units of the last 52 weeks of `y`. */
function lastYear(y: Float64Array): number {
  let recent = 0;
  for (let i = Math.max(0, y.length - 52); i < y.length; i++) recent += y[i];
  return recent;
}

const zero = (weeks: number): BaselineForecast => ({
  method: "Zero",
  weekly: new Float64Array(weeks),
  sigma: 0,
});

/**
 * The baseline forecast of every pair with history, `weeks` weeks long. The
 * `fullPairs` pairs with the largest baseline sales over the last year get the
 * forecasting module's automatic method (ETS/Theta or Croston-type, with the
 * season); the others the quick O(n) path, so that 20,000 pairs plan in well
 * under a second. A pair without history forecasts 0. With `uplifts`, each
 * history week is divided by its warehouse's market-event multiplier before
 * forecasting and each forecast week multiplied by its own.
 *
 * @example forecastBaselines(history.pairs, 24, 52, 500).get(pairKey("S1", "W1"))?.weekly[0] // units this week
 */
export function forecastBaselines(
  histories: ReadonlyMap<string, PairHistory>,
  weeks: number,
  seasonLength: number,
  fullPairs: number,
  uplifts: ReadonlyMap<string, WeekUplifts> = new Map(),
): Map<string, BaselineForecast> {
  const series = new Map<string, { p: PairHistory; first: number; future: Float64Array | undefined }>();
  const volume: [string, number][] = [];
  // Each pair's baseline is built in one scratch array, twice (to rank the pairs, then to forecast
  // them): 20,000 baselines of a hundred weeks kept at once would be 16 MB of array buffers, and
  // array buffers beyond 64 MB since the last full collection start one, of the whole heap.
  // Map.forEach, not for-of: run once over 20,000 pairs, mostly before the optimizer has
  // compiled it, a for-of allocates an iterator result and an entry array per pair.
  let length = 0;
  histories.forEach((p) => {
    length = Math.max(length, p.units.length);
  });
  const scratch = new Float64Array(length);
  const baselineOf = (p: PairHistory, first: number, u: WeekUplifts | undefined): Float64Array => {
    const y = baselineInto(p, first, scratch.subarray(0, p.units.length - first));
    if (u) withoutUplifts(y, u.history, first);
    return y;
  };
  histories.forEach((p, key) => {
    const first = firstSale(p);
    const u = uplifts.get(p.warehouse);
    series.set(key, { p, first, future: u?.future });
    volume.push([key, lastYear(baselineOf(p, first, u))]);
  });
  volume.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const full = new Set(volume.slice(0, fullPairs).map(([k]) => k));
  const out = new Map<string, BaselineForecast>();
  // One forecast per pair: buffers no larger than that (the backtest forecasts 150 pairs a week).
  const weeksArray = float64Views(weeks, Math.max(1, Math.min(2048, series.size)));
  series.forEach(({ p, first, future }, key) => {
    const y = baselineOf(p, first, uplifts.get(p.warehouse));
    if (y.length === 0) {
      out.set(key, { method: "Zero", weekly: weeksArray(), sigma: 0 });
      return;
    }
    let f: BaselineForecast;
    if (full.has(key)) {
      const s = forecastSeries(Array.from(y), weeks, { seasonLength });
      f = { method: s.method, weekly: Float64Array.from(s.mean), sigma: s.sigma };
    } else {
      const q = quickForecast(y);
      f = { method: q.method, weekly: weeksArray().fill(q.rate), sigma: q.sigma };
    }
    if (future) for (let h = 0; h < weeks; h++) f.weekly[h] *= future[Math.min(h, future.length - 1)];
    out.set(key, f);
  });
  return out;
}

/**
 * Streams the seller will hold but has not announced (DESIGN.md method step 5): adds each
 * pair's cadence, expected weekly stream units, to its weekly forecast (index 0 = the plan
 * date's week) for the weeks after the week of its warehouse's last announced stream; with
 * none announced, from the plan date's week on. Up to then the announced streams are the
 * stream demand (an announced stream replaces its statistical share), and whole weeks keep
 * the added demand from landing on the days before an announced stream. Their spread goes
 * with them (`streamVariance`, the cadence's weekly variance), which the baseline's σ (stream
 * sales taken out) knows nothing of. A pair with a cadence and no forecast gets one (baseline
 * 0), `weeks` long. In place: the forecasts are the plan's own.
 *
 * @example addUnannouncedStreams(forecasts, streamCadence(input, planDate), planDate, 24) // forecasts now hold stream demand
 */
export function addUnannouncedStreams(
  forecasts: Map<string, BaselineForecast>,
  cadence: StreamCadence,
  planDate: Day,
  weeks: number,
): void {
  const first = weekStart(planDate);
  for (const [key, c] of cadence.pairs) {
    if (!(c.weeklyUnits > 0)) continue;
    let f = forecasts.get(key);
    if (!f) {
      f = zero(weeks);
      forecasts.set(key, f);
    }
    const until = cadence.announcedUntil.get(c.warehouse);
    const from = until === undefined ? 0 : Math.floor((weekStart(until) - first) / 7) + 1;
    for (let w = Math.max(0, from); w < f.weekly.length; w++) f.weekly[w] += c.weeklyUnits;
    // The streams still to come bring their spread too. Written out, not spread: a spread with a
    // property added gave each of 1,600 forecasts a hidden class of its own, and every read of a
    // forecast in the projection went generic.
    forecasts.set(key, {
      method: f.method,
      weekly: f.weekly,
      sigma: f.sigma,
      streamVariance: c.weeklyVariance,
    });
  }
}

export { zero as zeroForecast };
