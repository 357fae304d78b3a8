import type { ShipModeName } from "../data/model";
import { chooseShipMode, type ModeOption } from "../inventory";
import { addDays } from "../time/day";
import { unitFreight, unitMargin } from "./lanes";
import type { LaneOption } from "./lanes";
import { requiredBy, type PairState } from "./projection";

/** The lane of one shipment, when it ships and why. */
export interface Decision {
  readonly lane: LaneOption;
  /** Lead days, supply delay included. */
  readonly lead: number;
  /** Days the supplier's closure adds to this order. */
  readonly delay: number;
  readonly shipBy: number;
  /**
   * onTime: the cheapest lane arriving by the need day; beforeStockout: none does, the cheapest
   * arriving before the stock-out ships now; safetyDip: the bulk lane now, safety stock absorbs
   * the dip; noFly: the bulk lane now, because the fast lane's freight exceeds the margin it saves.
   */
  readonly kind: "onTime" | "beforeStockout" | "safetyDip" | "noFly";
  /** The day the lane must arrive by: t, the stock-out, or (safetyDip, noFly) the bulk lane's lead. */
  readonly deadline: number;
  /** safetyDip: the faster lane not taken and the lowest projected stock before the bulk lane arrives. */
  readonly dip?: { readonly fast: ShipModeName; readonly low: number; readonly lowDay: number };
  /** noFly: the fast lane not taken, its freight a unit and the unit margin. */
  readonly noFly?: { readonly fast: ShipModeName; readonly freight: number; readonly margin: number };
  /** Flown though its freight a unit exceeds the unit margin: a stream of an A item needs it. */
  readonly forStream?: { readonly freight: number; readonly margin: number };
}

const EPS = 1e-6;
/** Days searched back for an order day that beats a supplier closure: longer than any closure's delay. */
const CLOSURE_SCAN_DAYS = 60;

/**
 * The lane of a shipment needed on day t: the cheapest regular lane arriving
 * by t (shipped on the latest order day that still arrives by t, a supplier
 * closure counted for that day) — unless t is a tier 1 dip that the bulk lane,
 * shipped now, refills before any stock-out; if none arrives by t and t is a
 * tier 1 need, the cheapest arriving before the projected stock-out, shipped
 * now; if none, null: no lane can help on day t. A tier 2 level is due on the
 * stream's eve, so a lane too slow for the eve is too slow for the stream; it
 * is sent to land the lane's `laneMarginDays` before the eve (a stream cannot
 * wait for a late shipment), else, when no lane can, today, to land with what
 * margin is left (`streamShipBy`).
 *
 * @example decide(stateShortOnDay10WithSea28Air7, 10)?.lane.mode // "AIR"
 */
export function decide(state: PairState, t: number): Decision | null {
  const by = requiredBy(state, t);
  const early = by >= 0 ? chooseShipMode(t, withMargins(state, t)) : null;
  if (early?.onTime) return decision(state, early, t - early.leadDays, "onTime", t);
  const first = chooseShipMode(t, optionsFor(state, t));
  if (first.onTime) {
    if (by >= 0) return decision(state, first, streamShipBy(state, t, first), "onTime", t);
    return safetyDip(state, t, first) ?? decision(state, first, t - first.leadDays, "onTime", t);
  }
  if (by >= 0) return null;
  let out = t;
  while (out < state.days && state.stock[out] >= -EPS) out++;
  const c = chooseShipMode(out, optionsFor(state, null));
  if (out < state.days && c.onTime) return decision(state, c, 0, "beforeStockout", out);
  return null;
}

/**
 * Day a stream's shipment that no lane lands with its full margin ships: today, when an
 * order placed today lands by the eve, so that it lands with what margin is left (the
 * latest such day would land it on the eve itself, where any delay misses the stream);
 * else the latest day that lands by the eve (a supplier closure delays an order placed
 * today more).
 */
function streamShipBy(state: PairState, t: number, first: ModeOption): number {
  const now = optionsFor(state, null)[Number(first.mode)];
  return now.leadDays <= t ? 0 : t - first.leadDays;
}

/**
 * Whether a shipment on a lane dearer than the bulk lane is worth its freight:
 * its freight (unit freight × the quantity in whole cases + the lane's fixed cost) against the margin of
 * the units it saves from being lost before the bulk lane lands (unit margin ×
 * the units short of the class's required level). Flown when the freight is no
 * more, or when a stream of an A item needs it (`forStream`); also when the
 * freight or the price is unknown (nothing to compare).
 *
 * @example flyCheck(stateOfClassC, airDecision, 10, 12) // { fly: false, … } at air 12 a unit, margin 10
 */
export function flyCheck(
  state: PairState,
  d: Decision,
  need: number,
  qty: number,
  by: number,
): { readonly fly: boolean; readonly forStream: boolean; readonly freight: number; readonly margin: number } {
  const { sku, cls } = state.input;
  const freight = unitFreight(d.lane.lane, sku);
  const margin = unitMargin(sku);
  if (freight === null || margin === null) return { fly: true, forStream: false, freight: 0, margin: 0 };
  if (freight * qty + (d.lane.lane.fixedCost ?? 0) <= margin * need + EPS)
    return { fly: true, forStream: false, freight, margin };
  const forStream = cls === "A" && by >= 0;
  return { fly: forStream, forStream, freight, margin };
}

/**
 * The bulk lane shipped now instead of a fast lane not worth its freight; null
 * when it cannot land within the projection.
 *
 * @example bulkNow(state, 10, { fast: "AIR", freight: 12, margin: 10 })?.shipBy // 0
 */
export function bulkNow(state: PairState, t: number, noFly: NonNullable<Decision["noFly"]>): Decision | null {
  const i = state.input.regular.indexOf(state.bulk);
  const bulk = optionsFor(state, null)[i];
  if (bulk.leadDays >= state.days) return null;
  return { ...decision(state, bulk, 0, "noFly", bulk.leadDays), noFly };
}

/**
 * Day index the bulk lane, ordered today, lands (supply delay included).
 *
 * @example bulkLandsIfShippedNow(state) // 28 for a 28-day sea lane with no spread
 */
export function bulkLandsIfShippedNow(state: PairState): number {
  return optionsFor(state, null)[state.input.regular.indexOf(state.bulk)].leadDays;
}

/**
 * Tier 1 safety stock absorbs a dip: when the lane arriving by t costs more
 * than the bulk lane and the projected stock stays ≥ 0 on every day from t
 * until the bulk lane shipped now arrives (lead, supply delay
 * included), the bulk lane now; else null.
 */
function safetyDip(state: PairState, t: number, first: ModeOption): Decision | null {
  const i = state.input.regular.indexOf(state.bulk);
  const bulk = optionsFor(state, null)[i];
  if (!(bulk.cost < first.cost) || bulk.leadDays >= state.days) return null;
  // Ordered now, the bulk lane can beat a supplier closure that ordering later would hit.
  if (bulk.leadDays <= t) return decision(state, bulk, 0, "onTime", t);
  let lowDay = t;
  for (let u = t; u < bulk.leadDays; u++) {
    if (state.stock[u] < -EPS) return null;
    if (state.stock[u] < state.stock[lowDay]) lowDay = u;
  }
  const fast = state.input.regular[Number(first.mode)].mode;
  return {
    ...decision(state, bulk, 0, "safetyDip", bulk.leadDays),
    dip: { fast, low: state.stock[lowDay], lowDay },
  };
}

/**
 * The latest order day ≥ 0 for lane i whose order arrives by day `need`:
 * o + lead + closure delay(o) ≤ need, the delay keyed to o itself
 * (an order placed before a closure whose production misses it is not
 * delayed); null when none.
 */
function latestOrderDay(state: PairState, i: number, need: number): number | null {
  const base = state.lanes.options[i].leadDays;
  const delayOf = state.input.supplyDelay;
  const latest = need - base;
  if (!delayOf) return latest >= 0 ? latest : null;
  for (let o = latest; o >= 0 && o >= latest - CLOSURE_SCAN_DAYS; o--)
    if (o + base + delayOf(addDays(state.planDate, o), state.lanes.production[i]) <= need) return o;
  return null;
}

/**
 * The lanes' options for a tier 2 level due on day t, each landing its lane's
 * margin days early: the lead of an order arriving by t − margin, + the margin.
 */
function withMargins(state: PairState, t: number): readonly ModeOption[] {
  const { margins } = state.lanes;
  return state.lanes.options.map((o, i) => {
    if (margins[i] === 0) return optionsFor(state, t)[i];
    const early = optionsFor(state, t - margins[i])[i];
    return { ...early, leadDays: early.leadDays + margins[i] };
  });
}

/**
 * The lanes' options for a shipment needed on day `need`, or shipped now
 * (`need` null): lead days are need − the latest order day that arrives in
 * time, or (none, or shipped now) the lead + the closure delay of an
 * order placed today.
 */
function optionsFor(state: PairState, need: number | null): readonly ModeOption[] {
  const delayOf = state.input.supplyDelay;
  if (!delayOf) return state.lanes.options;
  return state.lanes.options.map((o, i) => {
    const order = need === null ? null : latestOrderDay(state, i, need);
    if (order !== null && need !== null) return { ...o, leadDays: need - order };
    const delay = delayOf(state.planDate, state.lanes.production[i]);
    return delay > 0 ? { ...o, leadDays: o.leadDays + delay } : o;
  });
}

function decision(
  state: PairState,
  chosen: ModeOption,
  shipBy: number,
  kind: Decision["kind"],
  deadline: number,
): Decision {
  const i = Number(chosen.mode);
  const delayOf = state.input.supplyDelay;
  const delay = delayOf ? delayOf(addDays(state.planDate, shipBy), state.lanes.production[i]) : 0;
  return {
    lane: state.input.regular[i],
    lead: state.lanes.leads[i] + delay,
    delay,
    shipBy,
    kind,
    deadline,
  };
}
