import type { AbcClass, ShipModeName, Sku } from "../data/model";
import { addDays, weekday, type Day } from "../time/day";
import type { BaselineForecast } from "./baseline";
import type { Decision } from "./laneChoice";
import {
  laneMarginDays,
  laneSpreadDays,
  laneMinimum,
  laneTable,
  productionDaysOf,
  type LaneOption,
  type LaneTable,
  unitFreight,
  unitMargin,
} from "./lanes";
import type { PlanSettings } from "./settings";
import {
  feeCycleWeeks,
  laneSafetyStock,
  orderCycleWeeks,
  pairServiceLevel,
  streamLevel,
  unsureDays,
} from "./tierLevels";
import type { PlanLine } from "./types";

/** A planned stream featuring the pair's SKU at its warehouse. */
export interface PairStream {
  readonly streamId: string;
  /** Day index from the plan date. */
  readonly day: number;
  readonly mean: number;
  readonly p90: number;
  /** Units tier 2 holds for the stream: its P90, or more where `streamFill` needs more. */
  readonly cover: number;
  /**
   * Tier 2 level required at the end of the stream's eve: the eve's tier 1 level + `streamLevel`,
   * and at least the cover + `unsure`.
   */
  readonly level: number;
  /**
   * Units on their way by the bulk lane that land less than its `unsureDays` before the eve
   * (`unsureArrivals`): the projection counts them on their ETA, but a stream cannot count on
   * them, so its cover must be there without them (a faster lane covers them).
   */
  readonly unsure: number;
}

/** What the plan knows of one SKU × warehouse. */
export interface PairInput {
  readonly sku: Sku;
  readonly warehouse: string;
  readonly cls: AbcClass;
  /** On hand less reserved. */
  readonly onHand: number;
  /**
   * In-transit shipments: quantity, the day they are sellable (ETA + receiving days) and their
   * mode (absent: unknown, taken as the bulk lane's).
   */
  readonly inTransit: readonly { readonly qty: number; readonly eta: Day; readonly mode?: ShipModeName }[];
  readonly forecast: BaselineForecast;
  /** Planned streams featuring the SKU here (mean, P90 and cover units). */
  readonly streams: readonly {
    streamId: string;
    date: Day;
    mean: number;
    p90: number;
    /** Units tier 2 holds for the stream (`PlannedItem.cover`); absent: its P90. */
    cover?: number;
  }[];
  readonly regular: readonly LaneOption[];
  /**
   * Days a supplier's closure (Chinese New Year) adds to an order placed on a day whose
   * production takes `productionDays`; absent = none.
   */
  readonly supplyDelay?: (orderDay: Day, productionDays?: number) => number;
}

/**
 * The day-by-day projection of one SKU × warehouse and the shipments planned
 * for it. Day index i is the plan date + i; stock is end-of-day stock.
 */
export interface PairState {
  readonly input: PairInput;
  readonly planDate: Day;
  readonly days: number;
  /** Weekday of day 0 (`weekday(planDate)`): where the forecast's weeks start (`demandAt`). */
  readonly weekday: number;
  /** Projected end-of-day stock. */
  readonly stock: Float64Array;
  readonly streams: readonly PairStream[];
  /** Mean baseline forecast over the horizon, units per week. */
  readonly weeklyForecast: number;
  /** The service level of the bulk lane's safety stock (`pairServiceLevel`), a probability. */
  readonly serviceLevel: number;
  /** Tier 1 safety stock of the bulk lane: the everyday level from the day the bulk lane can land. */
  readonly safetyStock: number;
  /** Tier 1 safety stock of the fastest regular lane: the level before the bulk lane can land. */
  readonly fastSafetyStock: number;
  /** Day index the bulk lane, shipped today, lands (lead days + a supplier closure's delay). */
  readonly bulkArrival: number;
  /** Days a bulk-lane shipment covers: one review period, or its fixed cost's cycle (`feeCycleWeeks`) when longer. */
  readonly coverDays: number;
  readonly reorderPoint: number;
  /** Weeks the stock on hand lasts (in-transit stock not counted). */
  readonly weeksOfCover: number | null;
  readonly stockoutDate: Day | null;
  /** The cheapest regular lane: bulk shipments, and the one a bridge shipment waits for. */
  readonly bulk: LaneOption;
  readonly lanes: LaneTable;
  readonly lines: PlanLine[];
  cursor: number;
  /**
   * Days before this one are covered by a tier 1 shipment on its way that stock lasts until:
   * dips below safety stock there are not new deficits (tier 2 levels still are).
   */
  dipUntil: number;
  /**
   * Shortfalls no lane could reach (or no lane was worth its freight for), written off as lost
   * sales (a stream cannot sell stock that is not there, and the backtest serves demand the same
   * way): the deepest backlog of days `from`…`day`; from `day` on, the projection is `units`
   * higher. In day order.
   */
  readonly lost: { readonly from: number; readonly day: number; units: number }[];
  done: boolean;
  /** The next deficit day and its decision, kept until the projection changes. */
  pending: { readonly t: number; readonly decision: Decision } | null;
}

const EPS = 1e-6;

/**
 * Tier 1 level required at the end of day i: the fast lane's safety stock before
 * the bulk lane can land, the bulk lane's from then on.
 *
 * @example tier1At(state, state.bulkArrival) // state.safetyStock
 */
export const tier1At = (state: PairState, i: number): number =>
  i < state.bulkArrival ? state.fastSafetyStock : state.safetyStock;

/**
 * End-of-day stock required on day i: the tier 1 level, raised on a stream's
 * eve to its tier 2 level.
 *
 * @example requiredAt(stateOfAnAItemAt70aWeek, 40) // 210 (3 weeks); 210 + 570 on the eve of a stream with P90 500
 */
export function requiredAt(state: PairState, i: number): number {
  let level = tier1At(state, i);
  for (const s of state.streams) if (i === s.day - 1 && s.level > level) level = s.level;
  return level;
}

/**
 * The stream whose eve's tier 2 level sets the required level on day i, or −1 for tier 1.
 *
 * @example requiredBy(state, streamDay - 1) // that stream's index
 */
export function requiredBy(state: PairState, i: number): number {
  let level = tier1At(state, i);
  let by = -1;
  state.streams.forEach((s, k) => {
    if (i === s.day - 1 && s.level > level + EPS) {
      level = s.level;
      by = k;
    }
  });
  return by;
}

/**
 * Builds the projection of a pair: daily demand, the tier 1 and tier 2 levels,
 * known arrivals, and the stock they give before any new shipment.
 *
 * Tier 1: `laneSafetyStock` of the bulk lane (with the base-weeks floor, at the pair's
 * `pairServiceLevel` over its `orderCycleWeeks`) and of the fastest regular lane (without, at
 * the class's level), μ the mean baseline forecast over the horizon (units/week), σ its
 * one-step error. The lanes' margins are `laneMarginDays` at the pair's level, the bulk lane's
 * its `unsureDays`. Tier 2, on the stream's eve:
 * `streamLevel` (P90 + a review period's baseline demand) on top of that day's
 * tier 1 level — the stream takes its P90, the safety stock stays for the days after.
 * `memory`, when given (`days` long), holds the stock array, so that 20,000
 * pairs need one allocation rather than 20,000. The daily demand (`demandAt`) is
 * not kept: it is the forecast's, and a second array per pair would be 20 MB more of
 * array buffers, enough to start a full collection of the whole heap mid-plan.
 *
 * @example projectPair(class A pair selling 70 a week with σ = 0, planDate, 140, settings).safetyStock // 210
 */
export function projectPair(
  p: PairInput,
  planDate: Day,
  days: number,
  settings: PlanSettings,
  memory?: Float64Array,
): PairState {
  const horizon = settings.horizonWeeks;
  const weekly = p.forecast.weekly;
  let mu = 0;
  for (let w = 0; w < horizon; w++) mu += weekly[Math.min(w, weekly.length - 1)] ?? 0;
  mu /= horizon;
  const table = laneTable(p, settings);
  // The bulk lane is `cheapestLane`'s (the first of the lowest comparable cost), its lead `laneLeadDays`;
  // the table has both, so they are not computed again.
  let bulkIndex = 0;
  for (let i = 1; i < table.options.length; i++)
    if (table.options[i].cost < table.options[bulkIndex].cost) bulkIndex = i;
  const bulk = p.regular[bulkIndex];
  const bulkLead = table.leads[bulkIndex];
  const margin = unitMargin(p.sku);
  const lot = Math.max(p.sku.casePack ?? 1, laneMinimum(bulk.lane, p.sku));
  const feeWeeks = feeCycleWeeks(mu, bulk.lane.fixedCost ?? 0, p.sku.unitCost, settings);
  const service = pairServiceLevel(
    margin,
    p.sku.unitCost,
    orderCycleWeeks(mu, lot, settings, feeWeeks),
    p.cls,
    settings,
  );
  // The bulk lane's safety stock also holds the spread of the streams not yet announced.
  const ss1 = laneSafetyStock(
    mu,
    Math.sqrt(p.forecast.sigma ** 2 + (p.forecast.streamVariance ?? 0)),
    bulkLead,
    laneSpreadDays(bulk, settings),
    p.cls,
    settings,
    true,
    service,
  );
  let fastest = bulkIndex;
  for (let i = 0; i < table.options.length; i++)
    if (table.options[i].leadDays < table.options[fastest].leadDays) fastest = i;
  // The bulk lane's margin is its `unsureDays`: sea stock lands for a stream as early as the
  // stream will later count on it.
  const unsure = unsureDays(
    laneSpreadDays(bulk, settings),
    laneMarginDays(bulk, service, settings),
    margin,
    fastest === bulkIndex ? null : unitFreight(p.regular[fastest].lane, p.sku),
  );
  const margins = p.regular.map((o, i) => (i === bulkIndex ? unsure : laneMarginDays(o, service, settings)));
  const lanes: LaneTable = {
    leads: table.leads,
    production: table.production,
    options: table.options,
    margins,
  };
  const ssFast =
    p.regular[fastest] === bulk
      ? ss1
      : laneSafetyStock(
          mu,
          p.forecast.sigma,
          lanes.leads[fastest],
          laneSpreadDays(p.regular[fastest], settings),
          p.cls,
          settings,
          false,
        );

  const stock =
    memory !== undefined && memory.length >= days ? memory.subarray(0, days) : new Float64Array(days);
  const offset = weekday(planDate);
  // The stock array first holds each day's demand, then the stock that demand leaves.
  dailyDemand(stock, weekly, offset);
  const review = 7 * settings.reviewWeeks;
  const bulkArrival =
    bulkLead + (p.supplyDelay?.(planDate, bulk.transfer ? 0 : productionDaysOf(p.sku, settings)) ?? 0);
  const streams: PairStream[] = [];
  for (const s of p.streams) {
    const day = s.date - planDate;
    if (day < 0 || day >= days) continue;
    let after = 0;
    for (let u = day; u < day + review; u++) {
      const w = Math.min(Math.floor((u + offset) / 7), weekly.length - 1);
      after += (weekly[w] ?? 0) / 7;
    }
    const late = unsureArrivals(p.inTransit, bulk.mode, unsure, planDate, day - 1);
    // The stream takes its cover (P90 or more) on top of the everyday safety stock, which stays
    // for the days after it; of that, the stream's cover must be there without the arrivals it
    // cannot count on (the days after it can wait for them).
    const cover = s.cover ?? s.p90;
    const level = Math.max(
      streamLevel(cover, after, mu, p.cls, settings) + (day - 1 < bulkArrival ? ssFast : ss1),
      cover + late,
    );
    streams.push({ streamId: s.streamId, day, mean: s.mean, p90: s.p90, cover, level, unsure: late });
  }
  for (const s of streams) stock[s.day] += s.mean;
  const weeksOfCover = coverWeeks(p.onHand, stock);
  const rop = sumFrom(ss1, stock, Math.min(days, bulkLead));

  runningStock(stock, p.onHand);
  for (const t of p.inTransit) addFrom(stock, Math.min(days - 1, Math.max(0, t.eta - planDate)), t.qty);
  const stockout = firstBelow(stock, -EPS);
  return {
    input: p,
    planDate,
    days,
    weekday: offset,
    stock,
    streams,
    weeklyForecast: mu,
    serviceLevel: service,
    safetyStock: ss1,
    fastSafetyStock: ssFast,
    bulkArrival,
    coverDays: Math.max(7 * settings.reviewWeeks, Math.round(7 * feeWeeks)),
    reorderPoint: rop,
    weeksOfCover,
    stockoutDate: stockout < 0 ? null : addDays(planDate, stockout),
    bulk,
    lanes,
    lines: [],
    cursor: 0,
    dipUntil: 0,
    lost: [],
    done: false,
    pending: null,
  };
}

/**
 * Units in transit that a stream whose eve is day `eve` cannot count on: those on the bulk lane
 * (`bulkMode`; an unknown mode is taken to be it) that become sellable in (eve − margin, eve],
 * margin the bulk lane's `unsureDays` — a day late misses the stream, and the bulk lane is the
 * slow one whose delays run longest; faster lanes are counted on their ETA. An overdue ETA counts
 * as today's.
 *
 * @example unsureArrivals([{ qty: 200, eta: planDate + 9, mode: "SEA" }], "SEA", 11, planDate, 12) // 200
 */
export function unsureArrivals(
  inTransit: PairInput["inTransit"],
  bulkMode: ShipModeName,
  margin: number,
  planDate: Day,
  eve: number,
): number {
  if (!(margin > 0)) return 0;
  let out = 0;
  for (const t of inTransit) {
    if (t.mode !== undefined && t.mode !== bulkMode) continue;
    const day = Math.max(0, t.eta - planDate);
    if (day <= eve && day > eve - margin) out += t.qty;
  }
  return out;
}

// The day loops of projectPair, each a small function of its own: run 28,000 times a plan, they
// are compiled within the first calls instead of waiting for the whole of projectPair.

/**
 * Demand of each day: its week's forecast ÷ 7 (`offset`: the weekday of day 0), the last week's
 * past the forecast. Week by week: day i is in week ⌊(i + offset) ÷ 7⌋, and one division serves
 * its seven days (`demandAt` divides the same way).
 */
function dailyDemand(demand: Float64Array, weekly: Float64Array, offset: number): void {
  const last = weekly.length - 1;
  let i = 0;
  for (let w = 0; i < demand.length; w++) {
    const day = (weekly[Math.min(w, last)] ?? 0) / 7;
    const end = Math.min(demand.length, 7 * (w + 1) - offset);
    for (; i < end; i++) demand[i] = day;
  }
}

/** `start` + values[0] + … + values[n − 1], added in that order. */
function sumFrom(start: number, values: Float64Array, n: number): number {
  let sum = start;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum;
}

/** The first day whose value is below `limit`, or −1. */
function firstBelow(values: Float64Array, limit: number): number {
  for (let i = 0; i < values.length; i++) if (values[i] < limit) return i;
  return -1;
}

/** End-of-day stock with no arrivals, in place of each day's demand: `onHand` less the demand so far. */
function runningStock(demandThenStock: Float64Array, onHand: number): void {
  let s = onHand;
  for (let i = 0; i < demandThenStock.length; i++) demandThenStock[i] = s -= demandThenStock[i];
}

/**
 * Demand of day i of the projection: its week's baseline forecast ÷ 7 (the last week's past the
 * forecast), plus the mean units of the streams on that day.
 *
 * @example demandAt(stateOfAPairSelling70aWeekWithAStreamOfMean50OnDay3, 3) // 10 + 50
 */
export function demandAt(state: PairState, i: number): number {
  const weekly = state.input.forecast.weekly;
  let demand = (weekly[Math.min(Math.floor((i + state.weekday) / 7), weekly.length - 1)] ?? 0) / 7;
  for (const s of state.streams) if (s.day === i) demand += s.mean;
  return demand;
}

/** Adds `qty` to the stock of day `from` and every day after. */
function addFrom(stock: Float64Array, from: number, qty: number): void {
  for (let u = from; u < stock.length; u++) stock[u] += qty;
}

/** Weeks the stock lasts against the daily demand; past the projection at its mean rate; null when no demand. */
function coverWeeks(stock: number, demand: Float64Array): number | null {
  if (stock <= 0) return 0;
  let left = stock;
  let total = 0;
  for (let i = 0; i < demand.length; i++) {
    if (demand[i] >= left) return (i + left / demand[i]) / 7;
    left -= demand[i];
    total += demand[i];
  }
  if (total <= 0) return null;
  return (demand.length + left / (total / demand.length)) / 7;
}

/**
 * Adds `qty` arriving on day `arrival` to the projection. A write-off on or
 * after the arrival is recomputed: units that arrive before a shortfall serve
 * demand it had written off as lost.
 *
 * @example addArrival(state, 7, 100) // stock from day 7 on is 100 higher
 */
export function addArrival(state: PairState, arrival: number, qty: number): void {
  if (arrival >= state.days) return;
  state.pending = null;
  for (let u = arrival; u < state.days; u++) state.stock[u] += qty;
  for (const w of state.lost) {
    if (w.day < arrival) continue;
    const units = shortfall(state, w.from, w.day, w.units);
    if (units === w.units) continue;
    for (let u = w.day; u < state.days; u++) state.stock[u] += units - w.units;
    w.units = units;
  }
}

/**
 * Lost sales of days from…k, serving demand only from stock that is there: the
 * deepest fall of the projection below the floor, max(0, f − min s_j), with
 * `applied` (the write-off already added from day k on) taken out. The floor f
 * is the backorders on hand at the plan date (negative on hand), still owed;
 * 0 without them.
 */
function shortfall(state: PairState, from: number, k: number, applied: number): number {
  const floor = Math.min(0, state.input.onHand);
  let low = state.stock[k] - applied;
  for (let u = from; u < k; u++) if (state.stock[u] < low) low = state.stock[u];
  return low < floor - EPS ? floor - low : 0;
}

/**
 * Writes off as lost sales the backlog the projection carries on day k: from k
 * on, stock is what serving demand from the stock that is there leaves,
 * s_k + max(0, f − min s_j) over the days since the last write-off (f:
 * backorders at the plan date, still owed).
 *
 * @example writeOffUntil(state, 27) // stock from day 27 on no longer owes the shortfall before it
 */
export function writeOffUntil(state: PairState, k: number): void {
  const from = state.lost.length > 0 ? state.lost[state.lost.length - 1].day + 1 : 0;
  if (from > k || k >= state.days) return;
  const units = shortfall(state, from, k, 0);
  if (units <= 0) return;
  state.lost.push({ from, day: k, units });
  for (let u = k; u < state.days; u++) state.stock[u] += units;
}

/** Stock at the start of day i (arrivals of the day included), from the projection. */
const startOfDay = (s: PairState, i: number): number => s.stock[i] + demandAt(s, i);

/**
 * Stock that will really be there at the start of day i: `startOfDay` without
 * the backlog of the days since the last write-off (demand that found no stock
 * was lost, not owed), i.e. + max(0, f − min s_j) over those days; f the
 * backorders at the plan date, still owed.
 *
 * @example stockThere(stateOutOfStockSinceDay0, 10) // 0, where startOfDay is −10 days of demand
 */
export function stockThere(s: PairState, i: number): number {
  let from = 0;
  for (const w of s.lost) if (w.day < i) from = w.day;
  const floor = Math.min(0, s.input.onHand);
  let low = Infinity;
  for (let u = from; u < i; u++) if (s.stock[u] < low) low = s.stock[u];
  return startOfDay(s, i) + (low < floor ? floor - low : 0);
}

/**
 * Units on their way that a stream on day i cannot count on (`unsure` of the stream that day; 0
 * without one).
 *
 * @example unsureOn(stateWithSea2000DueTheDayBeforeAStreamOnDay30, 30) // 2000
 */
export function unsureOn(s: PairState, i: number): number {
  let unsure = 0;
  for (const st of s.streams) if (st.day === i && st.unsure > unsure) unsure = st.unsure;
  return unsure;
}

/**
 * Stock a stream on day i can count on: `stockThere` less `unsureOn`, the units on their way
 * that land too close to its eve to count.
 *
 * @example stockForStream(stateWithSea2000DueTheDayBeforeAStreamOnDay30, 30) // stockThere − 2000
 */
export const stockForStream = (s: PairState, i: number): number => stockThere(s, i) - unsureOn(s, i);

/**
 * The days before a stream's eve within which its bulk lane's arrivals are not counted on: the
 * bulk lane's margin in the pair's lane table, its `unsureDays`.
 *
 * @example bulkUnsureDays(stateOfA45MarginSkuWithSea5_3AndAir3_25) // 19
 */
export const bulkUnsureDays = (s: PairState): number => s.lanes.margins[s.input.regular.indexOf(s.bulk)];

/**
 * First day ≥ `from` whose stock is below the required level, or −1; before
 * `dipUntil` only a tier 2 level counts (a shipment on its way ends the dip).
 *
 * @example nextDeficit(stateOf600OnHandAt70aWeek, 0) // 39: 200 < 210
 */
export function nextDeficit(state: PairState, from: number): number {
  if (state.streams.length === 0) {
    for (let u = Math.max(from, state.dipUntil); u < state.days; u++)
      if (state.stock[u] < tier1At(state, u) - EPS) return u;
    return -1;
  }
  for (let u = from; u < state.dipUntil; u++) {
    if (requiredBy(state, u) >= 0 && state.stock[u] < requiredAt(state, u) - EPS) return u;
  }
  for (let u = Math.max(from, state.dipUntil); u < state.days; u++)
    if (state.stock[u] < requiredAt(state, u) - EPS) return u;
  return -1;
}
