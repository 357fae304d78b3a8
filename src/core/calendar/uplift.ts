import { addDays, weekStart, type Day } from "../time/day";
import type { MarketEvent } from "./marketEvent";

/** A weekly demand series: units of the week starting on each Monday from `start`. */
export interface WeeklySeries {
  /** The Monday of the first week (another day is taken to mean its week). */
  readonly start: Day;
  readonly units: readonly number[];
}

/** Weeks either side of an event whose median is its baseline. */
const BASELINE_WEEKS = 4;
/** Fewest clean baseline weeks for an occurrence to count. */
const MIN_BASELINE_WEEKS = 3;
/** Estimated uplifts are kept within [0.1, 10]: a week that sold nothing is not a zero multiplier. */
const MIN_UPLIFT = 0.1;
const MAX_UPLIFT = 10;

const demandEvent = (e: MarketEvent): boolean => e.kind !== "supply";

/** The Mondays of the weeks an event touches. */
function eventWeeks(e: MarketEvent): Day[] {
  const out: Day[] = [];
  for (let w = weekStart(e.start); w <= e.end; w = addDays(w, 7)) out.push(w);
  return out;
}

/**
 * Each demand event's uplift estimated from the seller's weekly history, where the
 * history covers at least one occurrence: uplift = mean over covered occurrences of
 * (mean units in the event's weeks) / (median units of the 4 weeks before and 4 after,
 * leaving out weeks touched by commerce events), kept within [0.1, 10]. The estimate replaces the default on
 * every occurrence of that event key (upliftSource "history"); events the history does
 * not cover keep their documented default. Supply events are returned unchanged.
 *
 * @example estimateUplifts({ start, units }, events).find(e => e.key === "black-friday")!.uplift // ≈ 1.8 on history with ×1.8 Black Friday weeks
 */
export function estimateUplifts(history: WeeklySeries, events: readonly MarketEvent[]): MarketEvent[] {
  const first = weekStart(history.start);
  const n = history.units.length;
  const unitsOf = (week: Day): number | undefined => {
    const i = (week - first) / 7;
    const v = i >= 0 && i < n ? history.units[i] : undefined;
    return v !== undefined && Number.isFinite(v) ? Math.max(0, v) : undefined;
  };
  const commerceWeeks = new Set<number>();
  for (const e of events) if (e.kind === "commerce") for (const w of eventWeeks(e)) commerceWeeks.add(w);

  const ratios = new Map<string, number[]>();
  for (const e of events) {
    if (!demandEvent(e)) continue;
    const weeks = eventWeeks(e);
    const during = weeks.map(unitsOf);
    if (during.some((v) => v === undefined)) continue;
    const baseline: number[] = [];
    for (let k = 1; k <= BASELINE_WEEKS; k++) {
      for (const w of [addDays(weeks[0], -7 * k), addDays(weeks[weeks.length - 1], 7 * k)]) {
        const v = unitsOf(w);
        if (v !== undefined && !commerceWeeks.has(w)) baseline.push(v);
      }
    }
    if (baseline.length < MIN_BASELINE_WEEKS) continue;
    const base = median(baseline);
    if (base <= 0) continue;
    const mean = (during as number[]).reduce((a, b) => a + b, 0) / during.length;
    const list = ratios.get(e.key) ?? [];
    list.push(mean / base);
    ratios.set(e.key, list);
  }
  return events.map((e) => {
    const list = ratios.get(e.key);
    if (!list || !demandEvent(e)) return e;
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    return { ...e, uplift: Math.min(MAX_UPLIFT, Math.max(MIN_UPLIFT, mean)), upliftSource: "history" };
  });
}

/**
 * The demand multiplier of the week starting `week`: of the holidays and commerce
 * events touching it, the uplift furthest from 1 in ratio terms (|log u| largest),
 * so that overlapping events (Thanksgiving week and Black Friday) are not counted twice.
 * 1 when no event touches the week.
 *
 * @example weekUplift(events, weekStart(blackFriday2025)) // 2 with the US defaults
 */
export function weekUplift(events: readonly MarketEvent[], week: Day): number {
  const monday = weekStart(week);
  const sunday = addDays(monday, 6);
  let best = 1;
  for (const e of events) {
    if (!demandEvent(e) || e.start > sunday || e.end < monday) continue;
    if (Math.abs(Math.log(e.uplift)) > Math.abs(Math.log(best))) best = e.uplift;
  }
  return best;
}

/**
 * Days added to a supplier's lead time for an order placed on `orderDay`: the largest
 * `supplyDelayDays` of the supply events (Chinese New Year) whose window holds that day; else 0.
 *
 * @example supplyDelayDays(marketEvents("US", d, d), d) // 21 when d is Chinese New Year's day
 */
export function supplyDelayDays(events: readonly MarketEvent[], orderDay: Day): number {
  let delay = 0;
  for (const e of events)
    if (e.kind === "supply" && e.start <= orderDay && orderDay <= e.end)
      delay = Math.max(delay, e.supplyDelayDays ?? 0);
  return delay;
}

function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
