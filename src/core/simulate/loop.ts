import type { ShipModeName } from "../data/model";
import type { PlanHooks, Tier } from "../plan";
import { addDays, type Day } from "../time/day";
import type { Policy, PolicyName } from "./policies/policy";
import { arrivalDay, simPairKey, type Realisation } from "./realisation";
import {
  bulkLane,
  statedLeadDays,
  shipmentFreightOf,
  type KnownStream,
  type SellerView,
  type Shipment,
  type TransitView,
} from "./sellerView";

/** A shipment as it happened: when it left, when it landed, what it cost. */
export interface ExecutedShipment {
  readonly pair: number;
  readonly qty: number;
  readonly mode: ShipModeName;
  readonly shipDay: Day;
  readonly arrival: Day;
  readonly cost: number;
  readonly emergency: boolean;
  readonly tier?: Tier;
}

interface Pending extends TransitView {
  /** Day index the goods become sellable. */
  readonly at: number;
}

/**
 * One policy's run through a realisation, day by day: stock, sales and lost sales per pair and
 * day (indexed from `historyStart`; the history part holds the seller's past sales), and its shipments.
 */
export interface PolicyTrace {
  readonly policy: PolicyName;
  /** Stock at the end of each day. */
  readonly stock: readonly Float64Array[];
  readonly received: readonly Float64Array[];
  /** Units that left as transfers to another warehouse. */
  readonly transferredOut: readonly Float64Array[];
  readonly sold: readonly Float64Array[];
  readonly soldInStreams: readonly Float64Array[];
  readonly lost: readonly Float64Array[];
  readonly shipments: ExecutedShipment[];
  /** Stock on hand at the start of the simulation, per pair. */
  readonly initialStock: Float64Array;
  /** Whole weeks simulated so far. */
  weeks: number;
}

/** A policy with its state in one run. */
export interface PolicyRun {
  readonly policy: Policy;
  readonly trace: PolicyTrace;
  onHand: Float64Array;
  pending: Pending[];
  /** Transfers leave on their ship day: the stock is taken then, as much as there is. */
  departures: { shipment: Shipment; at: number }[];
}

/**
 * The state every policy starts from: `initialWeeks` of the pair's mean weekly demand on hand, and
 * its bulk lane's pipeline — one week of demand landing each week of the stated bulk lead time, on
 * Thursdays, ETA as stated and on time (the same for every policy); or, when the world gives
 * them (a workbook's Stock and InTransit tables), its stock and shipments, landing on their ETA.
 *
 * @example startRun(realisation, naivePolicy()).onHand[0] // 4 × weekly level of pair 0
 */
export function startRun(r: Realisation, policy: Policy): PolicyRun {
  const total = r.historyDays + r.days;
  const arrays = () => r.pairs.map(() => new Float64Array(total));
  const sold = arrays();
  const soldInStreams = arrays();
  for (const p of r.pairs)
    for (let t = 0; t < r.historyDays; t++) {
      sold[p.index][t] = r.baseline[p.index][t] + r.streamDemand[p.index][t];
      soldInStreams[p.index][t] = r.streamDemand[p.index][t];
    }
  const onHand = new Float64Array(r.pairs.length);
  const pending: Pending[] = [];
  const known = r.world.stock !== undefined || r.world.inTransit !== undefined;
  for (const s of r.world.stock ?? []) {
    const i = r.pairIndex.get(simPairKey(s.sku, s.warehouse));
    if (i !== undefined) onHand[i] += s.onHand;
  }
  for (const s of r.world.inTransit ?? []) {
    const i = r.pairIndex.get(simPairKey(s.sku, s.warehouse));
    const at = Math.max(r.historyDays, s.eta - r.historyStart);
    if (i !== undefined) pending.push({ pair: i, qty: s.qty, eta: s.eta, mode: s.mode, at });
  }
  for (const p of known ? [] : r.pairs) {
    const weekly = p.sku.weekly[p.warehouse];
    onHand[p.index] = Math.round(r.world.initialWeeks * weekly);
    const lane = bulkLane(r.world, p.warehouse, p.sku);
    if (!lane) continue;
    const leadWeeks = Math.floor(statedLeadDays(r.world, lane, p.sku, false) / 7);
    for (let k = 1; k <= leadWeeks; k++) {
      const at = r.historyDays + 7 * k - 4;
      pending.push({
        pair: p.index,
        qty: Math.round(weekly),
        eta: addDays(r.historyStart, at),
        mode: lane.mode,
        at,
      });
    }
  }
  return {
    policy,
    trace: {
      policy: policy.name,
      stock: arrays(),
      received: arrays(),
      transferredOut: arrays(),
      sold,
      soldInStreams,
      lost: arrays(),
      shipments: [],
      initialStock: Float64Array.from(onHand),
      weeks: 0,
    },
    onHand,
    pending,
    departures: [],
  };
}

/**
 * The seller's knowledge on the day of index `t`, planning next on day index `next`: sales before
 * `t`, past streams with results, streams announced by then (expectations only), stock and
 * shipments under way.
 */
function sellerView(r: Realisation, run: PolicyRun, t: number, next: number): SellerView {
  const today = addDays(r.historyStart, t);
  const streams: KnownStream[] = [];
  for (const s of r.streams) {
    if (s.announced > today && s.date >= today) continue;
    const base = {
      id: s.id,
      date: s.date,
      warehouse: s.warehouse,
      expectedViewers: s.expectedViewers,
      dwellMinutes: s.dwellMinutes,
      hours: s.hours,
      featured: s.items.map((i) => i.sku),
    };
    if (s.date >= today) {
      streams.push(base);
      continue;
    }
    const sold = new Map<string, number>();
    const soldOut = new Set<string>();
    for (const it of s.items) {
      const p = r.pairIndex.get(simPairKey(it.sku, s.warehouse));
      if (p === undefined) continue;
      const d = s.date - r.historyStart;
      sold.set(it.sku, run.trace.soldInStreams[p][d]);
      // The seller sees the item sell out: demand went unserved that day and no stock was left.
      if (run.trace.lost[p][d] > 1e-9 && run.trace.stock[p][d] <= 1e-9) soldOut.add(it.sku);
    }
    streams.push({
      ...base,
      result: { viewers: s.viewers, dwellMinutes: s.realDwellMinutes, sold, soldOut },
    });
  }
  return {
    world: r.world,
    pairs: r.pairs,
    historyStart: r.historyStart,
    today,
    until: addDays(r.historyStart, next),
    t,
    onHand: Float64Array.from(run.onHand),
    inTransit: run.pending.map(({ pair, qty, eta, mode, order }) => ({
      pair,
      qty,
      eta,
      mode,
      ...(order && order.expectedShip > today ? { order } : {}),
    })),
    sold: run.trace.sold,
    soldInStreams: run.trace.soldInStreams,
    streams,
  };
}

/**
 * The days of a week a policy decides on, days after its Monday: 0, and for a policy that
 * re-plans (`Policy.replans`) each of `replanDays` within 1–6 too, in order, once each.
 *
 * @example planningDays(livestockPolicy(world), [3]) // [0, 3]: Monday and Thursday
 */
export function planningDays(policy: Policy, replanDays: readonly number[]): number[] {
  return policy.replans ? [0, ...replanDaysOf(replanDays)] : [0];
}

/**
 * Re-plan days as used: whole days from 1 (Tuesday) to 6 (Sunday) after Monday, each once, in order.
 *
 * @example replanDaysOf([5, 3, 3, 0, 9]) // [3, 5]
 */
export function replanDaysOf(days: readonly number[]): number[] {
  return [...new Set(days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 6))].sort((a, b) => a - b);
}

/**
 * One simulated week of one policy: its decisions on Monday, and on each of `replanDays` for a
 * policy that re-plans (`planningDays`), each followed by the days up to the next. Every shipment
 * whose ship day falls before the next decision is executed (earlier ones ship that day, later
 * ones are dropped: the next plan says them again); production and transit take their real time.
 * Each day, goods landing that day are added first, then everyday demand and then the stream's
 * are served from stock: sold = min(demand, stock), the rest lost. The policy's decisions may
 * throw (a cancelled plan): the week is then not counted (days before a later decision have been
 * served, so the run is not stepped again).
 *
 * @example stepWeek(realisation, run, hooks, [3]); run.trace.weeks // 1, the LiveStock plan run on Monday and Thursday
 */
export function stepWeek(
  r: Realisation,
  run: PolicyRun,
  hooks: PlanHooks = {},
  replanDays: readonly number[] = [],
): void {
  const t0 = r.historyDays + 7 * run.trace.weeks;
  const days = planningDays(run.policy, replanDays);
  days.forEach((from, k) => decideAndServe(r, run, t0 + from, t0 + (days[k + 1] ?? 7), hooks));
  run.trace.weeks++;
}

/** A policy's decision on day index `t`, its shipments due before day index `next`, then the days up to `next`. */
function decideAndServe(r: Realisation, run: PolicyRun, t: number, next: number, hooks: PlanHooks): void {
  const today = addDays(r.historyStart, t);
  const until = addDays(r.historyStart, next);
  const shipments = run.policy.decide(sellerView(r, run, t, next), hooks);
  for (const s of shipments) {
    if (!(s.qty > 0) || s.shipDay >= until) continue;
    const shipDay = s.shipDay < today ? today : s.shipDay;
    const shipment = { ...s, shipDay };
    if (s.lane.mode === "TRANSFER") {
      run.departures.push({ shipment, at: shipDay - r.historyStart });
      continue;
    }
    send(r, run, shipment, s.qty);
  }
  for (let d = t; d < next; d++) serveDay(r, run, d);
}

/** Day index `t`: transfers leave, goods land, then everyday demand and the stream's are served. */
function serveDay(r: Realisation, run: PolicyRun, t: number): void {
  const tr = run.trace;
  for (const d of run.departures.filter((x) => x.at === t)) {
    const from = r.pairIndex.get(simPairKey(r.pairs[d.shipment.pair].sku.sku, d.shipment.lane.from));
    const qty = from === undefined ? 0 : Math.min(d.shipment.qty, Math.max(0, run.onHand[from]));
    if (from !== undefined) {
      run.onHand[from] -= qty;
      tr.transferredOut[from][t] += qty;
    }
    if (qty > 0) send(r, run, d.shipment, qty);
  }
  run.departures = run.departures.filter((x) => x.at > t);
  const landing = run.pending.filter((x) => x.at === t);
  if (landing.length > 0) {
    run.pending = run.pending.filter((x) => x.at !== t);
    for (const x of landing) {
      run.onHand[x.pair] += x.qty;
      tr.received[x.pair][t] += x.qty;
    }
  }
  for (const p of r.pairs) {
    const i = p.index;
    const everyday = r.baseline[i][t];
    const stream = r.streamDemand[i][t];
    const soldEveryday = Math.min(everyday, Math.max(0, run.onHand[i]));
    run.onHand[i] -= soldEveryday;
    const soldStream = Math.min(stream, Math.max(0, run.onHand[i]));
    run.onHand[i] -= soldStream;
    tr.sold[i][t] = soldEveryday + soldStream;
    tr.soldInStreams[i][t] = soldStream;
    tr.lost[i][t] = everyday + stream - soldEveryday - soldStream;
    tr.stock[i][t] = run.onHand[i];
  }
}

function send(r: Realisation, run: PolicyRun, s: Shipment, qty: number): void {
  const pair = r.pairs[s.pair];
  const arrival = arrivalDay(r, s.lane, pair.sku, s.shipDay, s.finishedGoods);
  const eta = addDays(s.shipDay, statedLeadDays(r.world, s.lane, pair.sku, s.finishedGoods));
  const production = s.finishedGoods || s.lane.mode === "TRANSFER" ? 0 : pair.sku.productionDays;
  run.pending.push({
    pair: s.pair,
    qty,
    eta,
    mode: s.lane.mode,
    at: arrival - r.historyStart,
    ...(production > 0
      ? { order: { orderDate: s.shipDay, expectedShip: addDays(s.shipDay, production) } }
      : {}),
  });
  run.trace.shipments.push({
    pair: s.pair,
    qty,
    mode: s.lane.mode,
    shipDay: s.shipDay,
    arrival,
    cost: shipmentFreightOf(s.lane, pair.sku, qty),
    emergency: s.emergency,
    ...(s.tier ? { tier: s.tier } : {}),
  });
}
