import type { AbcClass, ShipModeName, Sku } from "../data/model";
import { chooseShipMode, roundUpToMultiple, safetyStock, type ModeOption } from "../inventory";
import { addDays, dayToIso, weekday, type Day } from "../time/day";
import type { BaselineForecast } from "./baseline";
import {
  cheapestLane,
  comparableCosts,
  laneLeadDays,
  laneMarginDays,
  unitFreight,
  type LaneOption,
} from "./lanes";
import type { PlanSettings } from "./settings";
import type { PlanLine, Reason, Tier } from "./types";

/** A planned stream featuring the pair's SKU at its warehouse. */
export interface PairStream {
  readonly streamId: string;
  /** Day index from the plan date. */
  readonly day: number;
  readonly mean: number;
  readonly p90: number;
  /** Tier 2 level held in the window before the stream; null for C items. */
  readonly level: number | null;
}

/** What the plan knows of one SKU × warehouse. */
export interface PairInput {
  readonly sku: Sku;
  readonly warehouse: string;
  readonly cls: AbcClass;
  /** On hand less reserved. */
  readonly onHand: number;
  /** In-transit shipments: quantity and ETA. */
  readonly inTransit: readonly { readonly qty: number; readonly eta: Day }[];
  readonly forecast: BaselineForecast;
  /** Planned streams featuring the SKU here (mean and P90 units). */
  readonly streams: readonly { streamId: string; date: Day; mean: number; p90: number }[];
  readonly regular: readonly LaneOption[];
  /**
   * Days added to a supplier's lead time for an order placed on a day (Chinese New
   * Year closes factories); absent = none.
   */
  readonly supplyDelay?: (orderDay: Day) => number;
}

/**
 * The day-by-day projection of one SKU × warehouse and the shipments planned
 * for it. Day index i is the plan date + i; stock is end-of-day stock.
 */
export interface PairState {
  readonly input: PairInput;
  readonly planDate: Day;
  readonly days: number;
  /** Baseline forecast per day + the mean units of streams on their day. */
  readonly demand: Float64Array;
  /** Projected end-of-day stock. */
  readonly stock: Float64Array;
  readonly streams: readonly PairStream[];
  /** Mean baseline forecast over the horizon, units per week. */
  readonly weeklyForecast: number;
  readonly safetyStock: number;
  readonly reorderPoint: number;
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
   * Shortfalls no lane could reach, written off as lost sales (a stream cannot sell stock that is
   * not there, and the backtest serves demand the same way): the deepest backlog of days
   * `from`…`day`; from `day` on, the projection is `units` higher. In day order.
   */
  readonly lost: { readonly from: number; readonly day: number; units: number }[];
  done: boolean;
  /** The decision for the next deficit, kept until the projection changes. */
  pending: { readonly t: number; readonly decision: Decision } | null;
}

/**
 * End-of-day stock required on day i: tier 1 safety stock, raised to a
 * stream's tier 2 level from `preStreamDays` before it to its eve.
 *
 * @example requiredAt(stateOfAnAItemAt70aWeek, 0, 14) // 210 (3 weeks); 350 within 14 days before a stream
 */
export function requiredAt(state: PairState, i: number, preStreamDays: number): number {
  let level = state.safetyStock;
  for (const s of state.streams)
    if (s.level !== null && i < s.day && i >= s.day - preStreamDays && s.level > level) level = s.level;
  return level;
}

/**
 * The stream whose tier 2 window sets the required level on day i, or −1 for tier 1.
 *
 * @example requiredBy(state, streamDay - 1, 14) // that stream's index
 */
export function requiredBy(state: PairState, i: number, preStreamDays: number): number {
  let level = state.safetyStock;
  let by = -1;
  state.streams.forEach((s, k) => {
    if (s.level !== null && i < s.day && i >= s.day - preStreamDays && s.level > level + EPS) {
      level = s.level;
      by = k;
    }
  });
  return by;
}

const EPS = 1e-6;

/**
 * Builds the projection of a pair: daily demand, the tier 1 and tier 2 levels,
 * known arrivals, and the stock they give before any new shipment.
 *
 * Tier 1 safety stock SS₁ = max(z·√(P·σ² + μ²·σ_P²), base weeks × μ) with μ the
 * mean baseline forecast over the horizon (units/week), σ its one-step error,
 * P = bulk lead time + review period in weeks and σ_P the bulk lane's spread.
 * Tier 2, for A and B items, from `preStreamDays` before a stream to its eve:
 * max(pre-stream weeks × μ, SS₁ + P90 stream units).
 * `memory`, when given (2 × days long), holds the demand and stock arrays, so
 * that 20,000 pairs need one allocation rather than 40,000.
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
  const bulk = cheapestLane(p.regular, p.sku);
  const bulkLead = laneLeadDays(bulk, p.sku, settings);
  const protection = (bulkLead + 7 * settings.reviewWeeks) / 7;
  const z1 = safetyStock(
    mu,
    p.forecast.sigma,
    protection,
    settings.serviceLevel[p.cls],
    (bulk.lane.leadSdDays ?? 0) / 7,
  );
  const ss1 = Math.max(z1, settings.baseWeeks[p.cls] * mu);

  const own = memory !== undefined && memory.length >= 2 * days ? memory : new Float64Array(2 * days);
  const demand = own.subarray(0, days);
  const stock = own.subarray(days, 2 * days);
  const offset = weekday(planDate);
  for (let i = 0; i < days; i++) {
    const w = Math.min(Math.floor((i + offset) / 7), weekly.length - 1);
    demand[i] = (weekly[w] ?? 0) / 7;
  }
  const streams: PairStream[] = [];
  for (const s of p.streams) {
    const day = s.date - planDate;
    if (day < 0 || day >= days) continue;
    demand[day] += s.mean;
    const level = p.cls === "C" ? null : Math.max(settings.preStreamWeeks[p.cls] * mu, ss1 + s.p90);
    streams.push({ streamId: s.streamId, day, mean: s.mean, p90: s.p90, level });
  }

  let s = p.onHand;
  for (let i = 0; i < days; i++) stock[i] = s -= demand[i];
  let inTransitTotal = 0;
  for (const t of p.inTransit) {
    for (let u = Math.min(days - 1, Math.max(0, t.eta - planDate)); u < days; u++) stock[u] += t.qty;
    inTransitTotal += t.qty;
  }
  let stockout = -1;
  for (let i = 0; i < days && stockout < 0; i++) if (stock[i] < -EPS) stockout = i;
  let rop = ss1;
  for (let i = 0; i < Math.min(days, bulkLead); i++) rop += demand[i];
  return {
    input: p,
    planDate,
    days,
    demand,
    stock,
    streams,
    weeklyForecast: mu,
    safetyStock: ss1,
    reorderPoint: rop,
    weeksOfCover: coverWeeks(p.onHand + inTransitTotal, demand),
    stockoutDate: stockout < 0 ? null : addDays(planDate, stockout),
    bulk,
    lanes: laneTable(p, settings),
    lines: [],
    cursor: 0,
    dipUntil: 0,
    lost: [],
    done: false,
    pending: null,
  };
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
 * Writes off as lost sales the backlog the projection carries on day k, the
 * last day no lane can reach: from k on, stock is what serving demand from the
 * stock that is there leaves, s_k + max(0, f − min s_j) over the days since the
 * last write-off (f: backorders at the plan date, still owed).
 */
function writeOffUntil(state: PairState, k: number): void {
  const from = state.lost.length > 0 ? state.lost[state.lost.length - 1].day + 1 : 0;
  if (from > k) return;
  const units = shortfall(state, from, k, 0);
  if (units <= 0) return;
  state.lost.push({ from, day: k, units });
  for (let u = k; u < state.days; u++) state.stock[u] += units;
}

/**
 * First day ≥ `from` whose stock is below the required level, or −1; before
 * `dipUntil` only a tier 2 level counts (a shipment on its way ends the dip).
 */
function nextDeficit(state: PairState, from: number, preStreamDays: number): number {
  const ss = state.safetyStock - EPS;
  if (state.streams.length === 0) {
    for (let u = Math.max(from, state.dipUntil); u < state.days; u++) if (state.stock[u] < ss) return u;
    return -1;
  }
  for (let u = from; u < state.dipUntil; u++) {
    const level = requiredAt(state, u, preStreamDays);
    if (level > state.safetyStock + EPS && state.stock[u] < level - EPS) return u;
  }
  for (let u = Math.max(from, state.dipUntil); u < state.days; u++)
    if (state.stock[u] < ss || state.stock[u] < requiredAt(state, u, preStreamDays) - EPS) return u;
  return -1;
}

interface Decision {
  readonly lane: LaneOption;
  /** Lead days, supply delay included. */
  readonly lead: number;
  /** Days the supplier's closure adds to this order. */
  readonly delay: number;
  readonly margin: number;
  readonly shipBy: number;
  readonly kind: "onTime" | "beforeStream" | "beforeStockout" | "safetyDip";
  /** The day the lane must arrive by: t, the stream's eve, the stock-out, or (safetyDip) the bulk lane's lead + margin. */
  readonly deadline: number;
  /** safetyDip: the faster lane not taken and the lowest projected stock before the bulk lane arrives. */
  readonly dip?: { readonly fast: ShipModeName; readonly low: number; readonly lowDay: number };
}

/**
 * The lane of a shipment needed on day t: the cheapest regular lane arriving
 * by t (lead + margin ≤ t, shipped at t − lead − margin) — unless t is a tier 1
 * dip that the bulk lane, shipped now, refills before any stock-out; if none,
 * the cheapest arriving before the stream whose window t is in, or before the
 * projected stock-out, shipped now; if none, null: no lane can help on day t.
 */
function decide(state: PairState, t: number, settings: PlanSettings): Decision | null {
  const first = chooseShipMode(t, optionsFor(state, t));
  const by = requiredBy(state, t, settings.preStreamDays);
  if (first.onTime) {
    const dip = by < 0 ? safetyDip(state, t, first) : null;
    return dip ?? decision(state, first, t - first.leadDays, "onTime", t);
  }
  const now = optionsFor(state, null);
  if (by >= 0) {
    const deadline = state.streams[by].day - 1;
    const c = chooseShipMode(deadline, now);
    if (c.onTime) return decision(state, c, 0, "beforeStream", deadline);
  } else {
    let out = t;
    while (out < state.days && state.stock[out] >= -EPS) out++;
    const c = chooseShipMode(out, now);
    if (out < state.days && c.onTime) return decision(state, c, 0, "beforeStockout", out);
  }
  return null;
}

/**
 * Tier 1 safety stock absorbs a dip: when the lane arriving by t costs more
 * than the bulk lane and the projected stock stays ≥ 0 on every day from t
 * until the bulk lane shipped now arrives (lead + margin, supply delay
 * included), the bulk lane now; else null.
 */
function safetyDip(state: PairState, t: number, first: ModeOption): Decision | null {
  const i = state.input.regular.indexOf(state.bulk);
  const bulk = optionsFor(state, null)[i];
  if (!(bulk.cost < first.cost) || bulk.leadDays >= state.days) return null;
  // Ordered now, the bulk lane can beat a supplier closure that ordering at t − lead would hit.
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
 * The lanes' options for a shipment needed on day `need` (shipped at need − lead
 * − margin), or shipped now (`need` null): with a supply delay, an order placed
 * in the closure takes its extra days.
 */
function optionsFor(state: PairState, need: number | null): readonly ModeOption[] {
  const delayOf = state.input.supplyDelay;
  if (!delayOf) return state.lanes.options;
  return state.lanes.options.map((o) => {
    const orderDay = need === null ? 0 : Math.max(0, need - o.leadDays);
    const delay = delayOf(addDays(state.planDate, orderDay));
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
  const delay = chosen.leadDays - state.lanes.options[i].leadDays;
  return {
    lane: state.input.regular[i],
    lead: state.lanes.leads[i] + delay,
    margin: state.lanes.margins[i],
    delay,
    shipBy,
    kind,
    deadline,
  };
}

/** The regular lanes as the mode choice compares them: lead + margin days and comparable cost. */
interface LaneTable {
  readonly leads: readonly number[];
  readonly margins: readonly number[];
  /** `mode` is the lane's index in `regular`. */
  readonly options: readonly ModeOption[];
}

function laneTable(p: PairInput, settings: PlanSettings): LaneTable {
  const costs = comparableCosts(p.regular, p.sku);
  const leads = p.regular.map((o) => laneLeadDays(o, p.sku, settings));
  const margins = p.regular.map((o) => laneMarginDays(o, p.cls, settings));
  const options = p.regular.map((_, i) => ({
    mode: String(i),
    leadDays: leads[i] + margins[i],
    cost: costs[i],
  }));
  return { leads, margins, options };
}

const r = (key: Reason["key"], params: Reason["params"]): Reason => ({ key, params });
const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const iso = (planDate: Day, i: number): string => dayToIso(addDays(planDate, i));

/**
 * Plans the pair's shipments whose ship-by day is before `weekEnd` (a day
 * index), in order of need: each time the projected stock falls below the
 * required level, a shipment on the lane `decide` picks, sized to hold the
 * required level from its need day until the next shipment can arrive (its
 * need day + the review period, or the bulk lane's first arrival for a bridge).
 * A tier 1 dip the bulk lane, shipped now, refills before the stock runs out
 * goes by the bulk lane: the days until a tier 1 shipment arrives are no new
 * deficits, but a stream's tier 2 window within them still is.
 * A shortfall no lane can reach in time is left (the stock-out date and the
 * stream check report it): its backlog is written off as lost sales, not
 * shipped for later, and planning resumes on the day the fastest lane can
 * arrive. Quantities are rounded up to case packs (not transfers); MOQ is applied by
 * the caller across warehouses. Stops at the horizon.
 *
 * @example planPairUntil(projectPair(pair with a stream on day 20, sea 28 days, air 7), 7, settings)[0].mode // "AIR"
 */
export function planPairUntil(
  state: PairState,
  weekEnd: number,
  settings: PlanSettings,
  explain = true,
): PlanLine[] {
  const out: PlanLine[] = [];
  const horizonDays = 7 * settings.horizonWeeks;
  const { sku, cls } = state.input;
  const casePack = sku.casePack ?? 1;
  const bulkArrival = laneLeadDays(state.bulk, sku, settings) + laneMarginDays(state.bulk, cls, settings);
  while (!state.done) {
    const t = state.pending?.t ?? nextDeficit(state, state.cursor, settings.preStreamDays);
    if (t < 0) {
      state.done = true;
      break;
    }
    const d = state.pending?.decision ?? decide(state, t, settings);
    if (d === null) {
      // No lane arrives in time: what is short before the fastest lane can arrive stays short
      // (the stock-out date and the stream check say so); plan from that day on.
      let fastest = Infinity;
      for (const o of optionsFor(state, null)) fastest = Math.min(fastest, o.leadDays);
      state.cursor = Math.max(t + 1, fastest);
      writeOffUntil(state, Math.min(state.days, state.cursor) - 1);
      continue;
    }
    state.pending = { t, decision: d };
    if (d.shipBy >= horizonDays) {
      state.done = true;
      break;
    }
    if (d.shipBy >= weekEnd) break;
    state.pending = null;
    const arrival = d.shipBy + d.lead;
    const from = Math.max(t, arrival);
    const coverEnd = Math.min(state.days, Math.max(from + 7 * settings.reviewWeeks, bulkArrival));
    let need = 0;
    let binding = from;
    for (let u = from; u < coverEnd; u++) {
      const gap = requiredAt(state, u, settings.preStreamDays) - state.stock[u];
      if (gap > need + EPS) {
        need = gap;
        binding = u;
      }
    }
    const by = requiredBy(state, t, settings.preStreamDays);
    if (by < 0 && arrival > t) {
      // Stock lasts until this tier 1 shipment arrives: the dip before it is no new deficit, but a
      // stream's tier 2 window within it still is.
      state.dipUntil = Math.max(state.dipUntil, arrival);
      state.cursor = t + 1;
    } else state.cursor = Math.max(t + 1, arrival);
    if (need <= EPS) continue;
    const qty = d.lane.transfer ? Math.ceil(need - EPS) : roundUpToMultiple(need, casePack);
    let inTransit = 0;
    let lateTransit = 0;
    for (const it of state.input.inTransit) {
      const day = Math.min(state.days - 1, Math.max(0, it.eta - state.planDate));
      if (day <= binding) inTransit += it.qty;
      else lateTransit += it.qty;
    }
    let earlier = 0;
    for (const l of state.lines)
      if (l.arriveBy !== null && l.arriveBy - state.planDate <= binding) earlier += l.restockQty;
    const target = state.input.onHand + inTransit + earlier + need;
    addArrival(state, arrival, qty);
    const freight = unitFreight(d.lane.lane, sku);
    const tier: Tier = by >= 0 ? "tier2" : "tier1";
    const reasons = explain
      ? explainShipment(state, settings, {
          t,
          by,
          d,
          arrival,
          binding,
          target,
          inTransit,
          earlier,
          need,
          qty,
          lateTransit,
          freight,
        })
      : [];
    const line: PlanLine = {
      sku: sku.sku,
      warehouse: state.input.warehouse,
      cls,
      weeklyForecast: state.weeklyForecast,
      onHand: state.input.onHand,
      inTransit,
      plannedEarlier: earlier,
      safetyStock: state.safetyStock,
      reorderPoint: state.reorderPoint,
      target,
      restockQty: qty,
      tier,
      mode: d.lane.mode,
      from: d.lane.from,
      shipBy: addDays(state.planDate, d.shipBy),
      arriveBy: addDays(state.planDate, arrival),
      needBy: addDays(state.planDate, t),
      cost: freight === null ? null : freight * qty,
      weeksOfCover: state.weeksOfCover,
      stockoutDate: state.stockoutDate,
      late: d.kind !== "onTime",
      reasons,
    };
    out.push(line);
    state.lines.push(line);
  }
  return out;
}

interface Shipment {
  readonly t: number;
  readonly by: number;
  readonly d: Decision;
  readonly arrival: number;
  readonly binding: number;
  readonly target: number;
  readonly inTransit: number;
  readonly earlier: number;
  readonly need: number;
  readonly qty: number;
  readonly lateTransit: number;
  readonly freight: number | null;
}

/** The reasons of a shipment in words: the tier that needs it, the lane rule, the quantity's arithmetic. */
function explainShipment(state: PairState, settings: PlanSettings, x: Shipment): Reason[] {
  const { t, by, d, arrival, binding, target, inTransit, earlier, need, qty, lateTransit, freight } = x;
  const { sku, cls } = state.input;
  const casePack = sku.casePack ?? 1;
  const tier: Tier = by >= 0 ? "tier2" : "tier1";
  const reasons: Reason[] = [];
  if (tier === "tier2") {
    const s = state.streams[by];
    reasons.push(
      r("planReasonTier2", {
        stream: s.streamId,
        date: iso(state.planDate, s.day),
        cls,
        weeks: settings.preStreamWeeks[cls as "A" | "B"],
        p90: round(s.p90),
        level: round(s.level ?? 0),
        days: settings.preStreamDays,
      }),
    );
  } else
    reasons.push(
      r("planReasonTier1", {
        ss: round(state.safetyStock),
        cls,
        service: round(settings.serviceLevel[cls] * 100, 1),
        weeks: settings.baseWeeks[cls],
        date: iso(state.planDate, t),
      }),
    );
  const laneParams = {
    mode: d.lane.mode,
    lead: d.lead,
    margin: d.margin,
    need: iso(state.planDate, t),
    deadline: iso(state.planDate, d.deadline),
    late: Math.max(0, arrival - t),
  };
  if (d.dip)
    reasons.push(
      r("planReasonSafetyDip", {
        ...laneParams,
        arrive: iso(state.planDate, arrival),
        fast: d.dip.fast,
        low: round(d.dip.low),
        lowDate: iso(state.planDate, d.dip.lowDay),
      }),
    );
  else
    reasons.push(
      r(
        d.kind === "onTime"
          ? "planReasonOnTime"
          : d.kind === "beforeStream"
            ? "planReasonBeforeStream"
            : "planReasonBeforeStockout",
        laneParams,
      ),
    );
  reasons.push(
    r("planReasonQty", {
      target: round(target),
      date: iso(state.planDate, binding),
      onHand: round(state.input.onHand),
      inTransit: round(inTransit),
      planned: round(earlier),
      need: round(need, 1),
      qty,
    }),
  );
  if (qty > need + 1 && !d.lane.transfer && casePack > 1) reasons.push(r("planReasonCasePack", { casePack }));
  if (lateTransit > 0)
    reasons.push(r("planReasonLateTransit", { qty: round(lateTransit), date: iso(state.planDate, binding) }));
  let lost = 0;
  let lostDay = 0;
  for (const w of state.lost)
    if (w.day <= binding && w.units > 0) {
      lost += w.units;
      lostDay = w.day;
    }
  if (round(lost) > 0)
    reasons.push(r("planReasonLostSales", { lost: round(lost), date: iso(state.planDate, lostDay) }));
  if (d.delay > 0) reasons.push(r("planReasonSupplyDelay", { days: d.delay }));
  if (freight === null) reasons.push(r("planReasonNoCost", { mode: d.lane.mode }));
  return reasons;
}

/**
 * Raises a planned line's quantity (MOQ), moving its arrival in the projection.
 *
 * @example raiseLine(state, 0, 500, { key: "planReasonMoq", params: { moq: 500, total: 140 } })
 */
export function raiseLine(state: PairState, index: number, qty: number, reason: Reason): void {
  const line = state.lines[index];
  const extra = qty - line.restockQty;
  if (extra <= 0) return;
  addArrival(state, (line.arriveBy as Day) - state.planDate, extra);
  state.lines[index] = {
    ...line,
    restockQty: qty,
    cost: line.cost === null ? null : (line.cost / line.restockQty) * qty,
    reasons: [...line.reasons, reason],
  };
}
