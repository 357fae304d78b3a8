import { estimateUplifts, marketCalendar, weekUplift, type MarketEvent } from "../calendar";
import type { Warehouse } from "../data/model";
import { addDays, weekStart, type Day } from "../time/day";
import type { SalesHistory } from "./salesHistory";

/** The market-event multiplier of each week at one warehouse. */
export interface WeekUplifts {
  /** Per history week (index 0 = `SalesHistory.firstWeek`). */
  readonly history: Float64Array;
  /** Per forecast week (index 0 = the plan date's week). */
  readonly future: Float64Array;
  /** The events with the uplifts used: estimated from the warehouse's history where it covers them. */
  readonly events: readonly MarketEvent[];
}

/**
 * Market-event uplifts per warehouse, from its country's calendar (public
 * holidays, commerce events): each event's uplift is estimated once per
 * warehouse from the baseline (non-stream) units of all its SKUs — steadier
 * than one SKU's history, and one estimate instead of 20,000 — defaults where
 * the history does not cover the event. A week's multiplier is `weekUplift`
 * (the event furthest from 1 when several touch it). The plan divides each
 * history week by its multiplier before forecasting and multiplies each
 * forecast week by its own, as `forecastWithCalendar` does for one series.
 *
 * @example warehouseUplifts(input.warehouses, history, planDate, 20).get("US-West")?.future[1] // ≈ 2.5 in Thanksgiving week
 */
export function warehouseUplifts(
  warehouses: readonly Warehouse[],
  history: SalesHistory,
  planDate: Day,
  futureWeeks: number,
): Map<string, WeekUplifts> {
  const totals = baselineByWarehouse(history);
  const thisWeek = weekStart(planDate);
  const end = addDays(thisWeek, 7 * futureWeeks);
  const out = new Map<string, WeekUplifts>();
  const calendars = new Map<string, ReturnType<typeof marketCalendar>>();
  for (const w of warehouses) {
    const calendar = calendars.get(w.country) ?? marketCalendar(w.country, history.firstWeek, end);
    calendars.set(w.country, calendar);
    const units = totals.get(w.warehouse) ?? new Float64Array(history.weeks);
    const events = estimateUplifts({ start: history.firstWeek, units: Array.from(units) }, calendar.events);
    const past = new Float64Array(history.weeks);
    for (let i = 0; i < history.weeks; i++) past[i] = weekUplift(events, addDays(history.firstWeek, 7 * i));
    const future = new Float64Array(futureWeeks);
    for (let i = 0; i < futureWeeks; i++) future[i] = weekUplift(events, addDays(thisWeek, 7 * i));
    out.set(w.warehouse, { history: past, future, events });
  }
  return out;
}

/**
 * Baseline (non-stream) units per warehouse and history week: Σ over its pairs of
 * max(0, units − stream units). What the uplifts are estimated from.
 *
 * @example baselineByWarehouse(history).get("US-West")?.[0] // units of the first history week
 */
export function baselineByWarehouse(history: SalesHistory): Map<string, Float64Array> {
  const totals = new Map<string, Float64Array>();
  // Map.forEach: 20,000 pairs, no iterator result each while this runs unoptimized.
  history.pairs.forEach((p) => {
    let t = totals.get(p.warehouse);
    if (!t) {
      t = new Float64Array(history.weeks);
      totals.set(p.warehouse, t);
    }
    addBaseline(t, p.units, p.streamUnits);
  });
  return totals;
}

/** Adds a pair's weekly baseline to its warehouse's; run for each of 20,000 pairs, so a function of its own (compiled early). */
function addBaseline(total: Float64Array, units: Float64Array, streamUnits: Float64Array): void {
  for (let w = 0; w < total.length; w++) total[w] += Math.max(0, units[w] - streamUnits[w]);
}

/**
 * The multiplier of week `index` counted from `SalesHistory.firstWeek` (history
 * weeks, then forecast weeks); 1 past both.
 *
 * @example upliftAt(uplifts, history.weeks) // the plan date's week
 */
export function upliftAt(u: WeekUplifts, index: number): number {
  if (index < 0) return 1;
  if (index < u.history.length) return u.history[index];
  const f = index - u.history.length;
  return f < u.future.length ? u.future[f] : 1;
}
