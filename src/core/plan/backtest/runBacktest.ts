import type { PlanInput, SalesRow, ShipModeName, Sku } from "../../data/model";
import { addDays, weekStart, type Day } from "../../time/day";
import { addUnannouncedStreams, forecastBaselines, type BaselineForecast } from "../baseline";
import {
  cheapestLane,
  laneLeadDays,
  laneMinimum,
  shipmentCost,
  type LaneOption,
  type WarehouseLanes,
} from "../lanes";
import type { WeekUplifts } from "../marketUplifts";
import { projectPair, type PairState } from "../pairPlan";
import { aheadDaysOf, orderAtReview, pairReview } from "../reviewOrders";
import {
  isStreamSale,
  pairKey,
  PairMap,
  pastStreamDays,
  type PairHistory,
  type SalesHistory,
  type StreamDays,
} from "../salesHistory";
import type { PlanSettings } from "../settings";
import type { SkuClass } from "../skuClasses";
import { streamCadence, type PairCadence } from "../streamCadence";
import { pastStreamItems } from "../../stream";
import { plannedStreamItems, streamModelAsOf, type PlannedItem } from "../streamDemand";
import type { BacktestResult, PolicyResult } from "../types";
import { planWeekByWeek } from "../weekByWeek";
import { announcementDays, streamsKnownOn } from "./announcedStreams";
import { SkuSalesByWeek } from "./classesOn";
import { moqRaise } from "./moqRaise";
import { naiveOrder, naiveOrderUpTo } from "./naivePolicy";
import { replayedInTransit, replayedLateness, type ReplayedShipment } from "./replayedTransit";
import { soldOutDemand } from "./soldOutDemand";
import { upliftsOn } from "./upliftsOn";

/** What the plan already computed and the backtest reuses: nothing of it looks past the data it is given. */
export interface BacktestContext {
  /** The weekly sales history, ending the week before the plan date's (`salesHistory` on the plan date). */
  readonly history: SalesHistory;
  readonly lanes: ReadonlyMap<string, WarehouseLanes>;
  /** Days a supplier's closure adds to an order placed on a day, made in `productionDays` days (a calendar, known ahead); absent = none. */
  readonly supplyDelay?: (orderDay: Day, productionDays?: number) => number;
}

/** One shipment a policy decided in the replay: the decisions a test can compare. */
export interface BacktestShipment {
  readonly policy: "planner" | "naive";
  /** The replayed Monday on which it was decided. */
  readonly week: Day;
  readonly sku: string;
  readonly warehouse: string;
  readonly qty: number;
  readonly mode: ShipModeName;
  /** The stated arrival the policy planned on (the replay lands it `replayedLateness` days later). */
  readonly arrival: Day;
}

interface Pair {
  readonly key: string;
  readonly sku: Sku;
  readonly warehouse: string;
  readonly history: PairHistory;
  readonly regular: readonly LaneOption[];
  /** Actual units per day over the replay and the weeks before it, index 0 = `start`. */
  readonly daily: Float64Array;
  readonly isStreamDay: Uint8Array;
  /** Units per week, all channels, index 0 = `start`'s week. */
  readonly weekTotal: Float64Array;
  /** Lead days of the bulk (cheapest regular) lane and of the naive policy's sea lane. */
  readonly bulkLead: number;
  readonly sea: LaneOption;
  readonly seaLead: number;
  /** Days each weekly projection looks ahead: the bulk lead, a review period and three weeks. */
  readonly days: number;
  /** Scratch for the weekly projection's stock (days long), reused week after week. */
  readonly memory: Float64Array;
}

interface Sim {
  stock: number;
  /**
   * Shipments on their way: units, the day they really arrive and the day they were stated
   * to (0 = the first replayed day), and their mode; the policy sees the stated day, and the
   * mode (absent for the starting pipeline, which is the bulk lane's).
   */
  pipeline: ReplayedShipment[];
  /** The earliest arrival day in the pipeline. */
  nextEta: number;
  onOrder: number;
  served: [number, number];
  demanded: [number, number];
  stockoutDays: number;
  freightByMode: Partial<Record<ShipModeName, number>>;
  shipped: number;
  /** Σ end-of-week stock, units and at unit cost. */
  stockWeeks: number;
  stockValueWeeks: number;
}

const SIGMA_WEEKS = 13;
/**
 * Weeks between two re-estimations, in the replay, of what changes slowly: the
 * ABC classes, the market-event uplifts, which pairs get the full forecasting
 * method and that method's fits — each from the history before the week it is
 * made (no hindsight), then used until the next. The plan re-estimates them every
 * time it runs, but one full fit costs about 1.6 ms and the plan has 250 such
 * pairs: weekly for 26 weeks, the replay would cost 10 s. The quick forecasts,
 * the streams' expected units and the stock move every week.
 */
const REESTIMATE_WEEKS = 13;
/** Weeks of recent baseline that rank pairs for the full method, as `forecastBaselines` ranks them. */
const FULL_RANK_WEEKS = 52;

/** One day of a policy: receive what arrives, serve the demand from stock, lose the rest. */
function serve(sim: Sim, d: number, demand: number, kind: 0 | 1): void {
  if (d >= sim.nextEta) receive(sim, d);
  const served = Math.min(Math.max(0, sim.stock), demand);
  sim.stock -= served;
  sim.served[kind] += served;
  sim.demanded[kind] += demand;
  if (served < demand - 1e-9) sim.stockoutDays++;
}

/** Moves the shipments arriving by day d from the pipeline into stock. */
function receive(sim: Sim, d: number): void {
  const still: Sim["pipeline"] = [];
  let next = Infinity;
  for (const s of sim.pipeline)
    if (s.eta <= d) {
      sim.stock += s.qty;
      sim.onOrder -= s.qty;
    } else {
      still.push(s);
      if (s.eta < next) next = s.eta;
    }
  sim.pipeline = still;
  sim.nextEta = next;
}

/**
 * Replays the last `backtestWeeks` weeks before the plan date. Each week, for
 * every SKU × warehouse, a policy decides what to ship knowing only what the
 * seller knew that Monday; shipments arrive after their lane's lead time
 * (production + transit + receiving), the transit drawn with the lane's stated
 * spread (`replayedLateness`: the policy plans on the stated arrival, the stock
 * gets the drawn one); each day serves the actual demand from
 * stock, unmet demand is lost. Both policies start alike: on hand `naiveWeeks`
 * of average sales, and one week's average sales arriving each week of the bulk lead time.
 *
 * - LiveStock: this plan's rules (tiers 1–2, order-up-to, mode choice, MOQ across
 *   warehouses, case packs), with at each replayed week d only what was known on d:
 *   - the plan's own baseline forecaster (`forecastBaselines`) on the history before d:
 *     pairs the plan would forecast by the full method (its `fullForecastPairs` largest
 *     by baseline) get it, the others the quick path, refitted every week;
 *   - ABC classes from the `abcWeeks` weeks before d; market-event uplifts estimated
 *     from the history before d; these, the full/quick split and the full fits are
 *     re-estimated every `REESTIMATE_WEEKS` (what they cost), each time from the history before;
 *   - the streams from d on with the median viewers and dwell of the streams before d
 *     (`streamsKnownOn`: the table holds what they realised) and the stream model fitted
 *     on the streams before the replay's first week; a stream counts as known only
 *     within its warehouse's `announcementDays` of d (how far ahead the seller's Streams
 *     table plans today), the later ones foreseen by the seller's cadence as of d
 *     (`streamCadence`, `addUnannouncedStreams`), as the plan foresees them.
 *   Its orders are placed as the plan places them at a weekly review (`orderAtReview`):
 *   those due that week on d, and next week's too where a pair's lots cover one week
 *   (`aheadDaysOf`). Tier 3 is not replayed.
 * - Naive (fair): order up to (sea lead time + review period + `naiveWeeks`) × the
 *   average weekly sales of the last `naiveAverageWeeks` weeks, by sea (the warehouse's
 *   cheapest SEA lane, else its bulk lane), case packs, MOQ across warehouses as the plan.
 *
 * A seller with more than `backtestPairs` pairs with sales is replayed on a
 * sample: the half of them with the most units, and every k-th of the others
 * (ranked by units), each standing for k pairs — fill rates are weighted
 * ratios and totals weighted sums, estimates for all pairs. A seller of
 * ordinary size is replayed whole.
 *
 * Fill rate = served ÷ demanded units; stream days are days a stream featured
 * the SKU at the warehouse. Demand is what was sold, except that a stream item
 * marked sold out is served what it would have sold (`soldOutDemand`). Weeks of cover = mean end-of-week stock ÷ mean weekly demand.
 * `onShipment`, when given, hears every shipment decided, week by week.
 *
 * @example runBacktest(input, planDate, settings, context)?.planner.fillRate // 0.925 on the sample, naive 0.901
 */
export function runBacktest(
  input: PlanInput,
  planDate: Day,
  settings: PlanSettings,
  context: BacktestContext,
  onShipment?: (s: BacktestShipment) => void,
): BacktestResult | null {
  const end = weekStart(planDate);
  const weeks = settings.backtestWeeks;
  const from = addDays(end, -7 * weeks);
  const historyWeeks = Math.max(settings.naiveAverageWeeks, SIGMA_WEEKS, 8);
  const start = addDays(from, -7 * historyWeeks);
  const totalDays = end - start;
  if (weeks <= 0 || totalDays <= 0) return null;
  if (!input.sales.some((r) => r.date >= from && r.date < end)) return null;
  const { history } = context;

  const skuOf = new Map(input.skus.map((s) => [s.sku, s]));
  const streamDays = history.streamDays ?? pastStreamDays(input, planDate);
  const candidates: { key: string; units: number; history: PairHistory }[] = [];
  // Map.forEach, not for-of: no iterator result and entry array for each of 20,000 pairs.
  history.pairs.forEach((h, key) => {
    let units = 0;
    for (let w = Math.max(0, history.weeks - weeks); w < history.weeks; w++) units += h.units[w];
    if (units > 0 && skuOf.has(h.sku) && (context.lanes.get(h.warehouse)?.regular.length ?? 0) > 0)
      candidates.push({ key, units, history: h });
  });
  // The sample is chosen on the replayed weeks' units: it says which pairs are scored, never what they do.
  const ranked = candidates.sort((a, b) => b.units - a.units || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // The pairs with the most units, then a systematic sample of the rest (every k-th by units),
  // each standing for k pairs: the figures are estimates for all pairs with sales.
  const cap = Math.max(1, settings.backtestPairs);
  const top = ranked.length <= cap ? ranked.length : Math.ceil(cap / 2);
  const step = ranked.length <= cap ? 1 : Math.ceil((ranked.length - top) / (cap - top));
  const weightOf = new Map<string, number>();
  const chosen = ranked.slice(0, top);
  for (const c of chosen) weightOf.set(c.key, 1);
  for (let i = top; i < ranked.length; i += step) {
    chosen.push(ranked[i]);
    weightOf.set(ranked[i].key, Math.min(step, ranked.length - i));
  }
  chosen.sort((a, b) => (a.key < b.key ? -1 : 1));
  if (chosen.length === 0) return null;
  const pairs = new PairMap<Pair>();
  const list: Pair[] = [];
  let maxDays = 7;
  for (const c of chosen) {
    const sku = skuOf.get(c.history.sku) as Sku;
    const regular = context.lanes.get(c.history.warehouse)?.regular as readonly LaneOption[];
    const bulk = cheapestLane(regular, sku);
    const bulkLead = laneLeadDays(bulk, sku, settings);
    // A bulk lane with a fixed cost ships lots for up to the horizon (the fee cycle): the
    // projection reaches past them, as the plan's does.
    const cover = (bulk.lane.fixedCost ?? 0) > 0 ? 7 * settings.horizonWeeks : 7 * settings.reviewWeeks;
    const days = 7 * Math.ceil((bulkLead + cover + 21) / 7);
    const sea = seaLane(regular, sku);
    const p: Pair = {
      key: c.key,
      sku,
      warehouse: c.history.warehouse,
      history: c.history,
      regular,
      daily: new Float64Array(totalDays),
      isStreamDay: new Uint8Array(totalDays),
      weekTotal: new Float64Array(totalDays / 7),
      bulkLead,
      sea,
      seaLead: laneLeadDays(sea, sku, settings),
      days,
      memory: new Float64Array(days),
    };
    const offset = history.weeks - weeks - historyWeeks;
    for (let w = 0; w < p.weekTotal.length; w++)
      if (w + offset >= 0) p.weekTotal[w] = c.history.units[w + offset];
    maxDays = Math.max(maxDays, days);
    pairs.set(sku.sku, p.warehouse, p);
    list.push(p);
  }
  const classSales = new SkuSalesByWeek(
    input.skus,
    addDays(from, -7 * settings.abcWeeks),
    settings.abcWeeks + weeks,
  );
  const classFrom = Math.min(start, addDays(from, -7 * settings.abcWeeks)) as Day;
  const streamSales = readSales(input.sales, { classFrom, start, end }, classSales, pairs, streamDays);

  const firstWeek = historyWeeks;
  const avgBefore = (p: Pair, w: number, n: number): number => {
    let s = 0;
    for (let k = w - n; k < w; k++) s += p.weekTotal[k];
    return s / n;
  };
  const startSim = (p: Pair): Sim => {
    const avg = avgBefore(p, firstWeek, settings.naiveAverageWeeks);
    const pipeline = [];
    for (let w = 0; w < Math.ceil(p.bulkLead / 7); w++)
      pipeline.push({ qty: avg, eta: 7 * w, stated: 7 * w });
    return {
      stock: settings.naiveWeeks * avg,
      pipeline,
      nextEta: pipeline.length > 0 ? 0 : Infinity,
      onOrder: avg * pipeline.length,
      served: [0, 0],
      demanded: [0, 0],
      stockoutDays: 0,
      freightByMode: {},
      shipped: 0,
      stockWeeks: 0,
      stockValueWeeks: 0,
    };
  };
  const ship = (
    policy: BacktestShipment["policy"],
    p: Pair,
    week: number,
    qty: number,
    stated: number,
    lane: LaneOption,
    freight: number,
  ) => {
    if (qty <= 0) return;
    const sim = sims[policy].get(p.key) as Sim;
    const { mode } = lane;
    // The day it leaves the origin: the stated arrival less transit and receiving.
    const departure = from + stated - lane.lane.leadDays - settings.receivingDays;
    const eta = stated + replayedLateness(lane.lane, laneRow.get(lane.lane) ?? 0, departure);
    sim.shipped += qty;
    sim.freightByMode[mode] = (sim.freightByMode[mode] ?? 0) + freight;
    sim.onOrder += qty;
    sim.pipeline.push({ qty, eta, stated, mode });
    if (eta < sim.nextEta) sim.nextEta = eta;
    onShipment?.({
      policy,
      week: addDays(from, 7 * week),
      sku: p.sku.sku,
      warehouse: p.warehouse,
      qty,
      mode,
      arrival: addDays(from, stated),
    });
  };
  const laneRow = new Map(input.lanes.map((l, i) => [l, i]));
  const sims = { planner: new Map<string, Sim>(), naive: new Map<string, Sim>() };
  for (const p of list) {
    sims.planner.set(p.key, startSim(p));
    sims.naive.set(p.key, startSim(p));
  }
  let demandTotal = 0;
  // Each week's replay ships only that week's lines: the pairs are projected as the plan projects
  // them (its horizon's mean forecast, its fee cycle), and planned for a one-week horizon (two
  // where an order goes a review ahead).
  const oneWeek: PlanSettings = { ...settings, horizonWeeks: 1 };
  const twoWeeks: PlanSettings = { ...settings, horizonWeeks: 2 };
  const aheadWeeks = maxDays / 7 + 1;
  const upliftsAt = upliftsOn(input.warehouses, history);
  // The model reads the units of past streams from the Sales rows that name them: only those. So
  // does the cadence, week by week: a past stream's units do not change with the week they are
  // read on, so they are read once, and each week takes the streams before it.
  const named = { ...input, sales: streamSales };
  const pastItems = pastStreamItems(named, end);
  const streamModel = streamModelAsOf(
    named,
    from,
    pastItems.filter((it) => it.stream.date < from),
  );
  // What sold-out stream items would have sold: the replay serves demand, not what stock allowed.
  for (const u of soldOutDemand(input, from, end, settings.streamHours, streamModel)) {
    const p = pairs.get(u.sku, u.warehouse);
    if (!p || u.date < start) continue;
    p.daily[u.date - start] += u.units;
    p.isStreamDay[u.date - start] = 1;
  }
  const full = new Map<string, { fittedWeek: number; forecast: BaselineForecast }>();
  // What changes slowly, as last re-estimated (on week 0 first).
  let slow: {
    readonly week: number;
    readonly uplifts: ReadonlyMap<string, WeekUplifts>;
    readonly classes: ReadonlyMap<string, SkuClass>;
  } = { week: 0, uplifts: new Map(), classes: new Map() };
  const chosenKeys = new Set(list.map((p) => p.key));
  const warehouseOf = new Map(input.streams.map((s) => [s.streamId, s.warehouse]));
  const announceDays = announcementDays(input.streams, planDate);
  // Only the chosen pairs' stream items are predicted, and only for streams in a projection's reach.
  const streamItems = input.streamItems.filter((it) => {
    const warehouse = warehouseOf.get(it.streamId);
    return warehouse !== undefined && chosenKeys.has(pairKey(it.sku, warehouse));
  });

  for (let w = 0; w < weeks; w++) {
    const day = addDays(from, 7 * w);
    const weekDay = 7 * w;
    // The replayed Monday as a history week: everything before it is known, nothing after.
    const hw = history.weeks - weeks + w;
    if (w % REESTIMATE_WEEKS === 0) {
      slow = {
        week: w,
        uplifts: hw > 0 ? upliftsAt(hw, aheadWeeks + REESTIMATE_WEEKS) : new Map<string, WeekUplifts>(),
        classes: classSales.classesBefore(settings.abcWeeks + w, settings),
      };
      full.clear();
      const fullKeys = fullMethodPairs(history, Math.max(0, hw), slow.uplifts, settings.fullForecastPairs);
      const fit = list.filter((p) => fullKeys.has(p.key));
      const fitted = forecastBaselines(
        historiesBefore(fit, hw),
        aheadWeeks + REESTIMATE_WEEKS,
        settings.seasonLength,
        fit.length,
        slow.uplifts,
      );
      for (const [key, forecast] of fitted) full.set(key, { fittedWeek: w, forecast });
    }
    const { classes } = slow;
    const uplifts = shiftUplifts(slow.uplifts, w - slow.week);
    const quick = forecastBaselines(
      historiesBefore(
        list.filter((p) => !full.has(p.key)),
        hw,
      ),
      aheadWeeks,
      settings.seasonLength,
      0,
      uplifts,
    );
    // The streams the seller would have announced by d; the cadence stands for the rest, as in the plan.
    const reach = Math.min(end, addDays(day, maxDays));
    const known = {
      ...input,
      streams: streamsKnownOn(input.streams, day).filter(
        (st) => st.date < reach && st.date <= day + (announceDays.get(st.warehouse) ?? 0),
      ),
      streamItems,
    };
    const forecasts = new Map<string, BaselineForecast>();
    for (const p of list) {
      const f = full.get(p.key);
      forecasts.set(
        p.key,
        f
          ? { ...f.forecast, weekly: f.forecast.weekly.slice(w - f.fittedWeek) }
          : (quick.get(p.key) as BaselineForecast),
      );
    }
    const cadence = streamCadence(
      { ...known, streamItems: input.streamItems, sales: streamSales },
      day,
      pastItems.filter((it) => it.stream.date < day),
    );
    // Only the replayed pairs' forecasts are read: the others' stream demand is not added.
    const replayed = new Map<string, PairCadence>();
    for (const [key, c] of cadence.pairs) if (chosenKeys.has(key)) replayed.set(key, c);
    addUnannouncedStreams(forecasts, { ...cadence, pairs: replayed }, day, aheadWeeks);
    const streamsOf = new Map<string, PlannedItem[]>();
    for (const it of plannedStreamItems(known, day, settings, streamModel)) {
      const k = pairKey(it.sku, it.warehouse);
      const items = streamsOf.get(k);
      if (items) items.push(it);
      else streamsOf.set(k, [it]);
    }

    const bySku = new Map<string, PairState[]>();
    const pairOf = new Map<PairState, Pair>();
    for (const p of list) {
      const sim = sims.planner.get(p.key) as Sim;
      const forecast = forecasts.get(p.key) as BaselineForecast;
      const state = projectPair(
        {
          sku: p.sku,
          warehouse: p.warehouse,
          cls: classes.get(p.sku.sku)?.cls ?? "C",
          onHand: sim.stock,
          inTransit: replayedInTransit(sim.pipeline, from),
          forecast,
          streams: streamsOf.get(p.key) ?? [],
          regular: p.regular,
          supplyDelay: context.supplyDelay,
        },
        day,
        p.days,
        settings,
        p.memory,
      );
      pairOf.set(state, p);
      const states = bySku.get(p.sku.sku);
      if (states) states.push(state);
      else bySku.set(p.sku.sku, [state]);
    }
    // The plan's own weeks: its MOQ rule (the remainder rides the bulk lane, never an air line) and
    // its lane minimums and fixed costs, so every line's cost is what the carrier charges. A SKU
    // with a pair that orders a review ahead plans the next week too, to place those orders today.
    const byWeeks = [new Map<string, PairState[]>(), new Map<string, PairState[]>()];
    for (const [sku, states] of bySku)
      byWeeks[states.some((s) => aheadDaysOf(s.coverDays, 7) > 0) ? 1 : 0].set(sku, states);
    planWeekByWeek(byWeeks[0], oneWeek, undefined, false);
    planWeekByWeek(byWeeks[1], twoWeeks, undefined, false);
    for (const [s, p] of pairOf) {
      // Placed as the plan places them at its weekly review; what is due later waits for next week's.
      const review = pairReview(s, day, 7, context.lanes, settings, context.supplyDelay);
      for (const l of orderAtReview(s.lines, review)) {
        if (l.shipBy !== null && l.shipBy >= addDays(day, 7)) continue;
        const lane =
          p.regular.find((o) => o.mode === l.mode && o.from === l.from) ??
          p.regular.find((o) => o.mode === l.mode);
        if (lane && l.arriveBy !== null)
          ship("planner", p, w, l.restockQty, l.arriveBy - from, lane, l.cost ?? 0);
      }
    }
    // list is sorted by pair key, so a SKU's pairs come together: one supplier order each.
    for (let a = 0; a < list.length;) {
      let b = a;
      while (b < list.length && list[b].sku === list[a].sku) b++;
      const group = list.slice(a, b);
      const orders = group.map((p) => {
        const sim = sims.naive.get(p.key) as Sim;
        const average = avgBefore(p, firstWeek + w, settings.naiveAverageWeeks);
        return naiveOrder(
          naiveOrderUpTo(average, p.seaLead, settings),
          sim.stock + sim.onOrder,
          p.sku.casePack ?? 1,
        );
      });
      const sku = group[0].sku;
      const raise = moqRaise(orders, sku.moq ?? 0, sku.casePack ?? 1);
      if (raise) orders[raise.index] = raise.qty;
      // A shipment below the sea lane's minimum pays for it: the naive seller ships it.
      group.forEach((p, k) => {
        const min = laneMinimum(p.sea.lane, p.sku);
        if (orders[k] > 0 && orders[k] < min) orders[k] = min;
      });
      group.forEach((p, k) =>
        ship(
          "naive",
          p,
          w,
          orders[k],
          weekDay + p.seaLead,
          p.sea,
          shipmentCost(p.sea.lane, p.sku, orders[k]) ?? 0,
        ),
      );
      a = b;
    }
    for (const p of list) {
      const weight = weightOf.get(p.key) as number;
      const planner = sims.planner.get(p.key) as Sim;
      const naive = sims.naive.get(p.key) as Sim;
      demandTotal = serveWeek(p, planner, naive, weekDay, 7 * firstWeek, weight, demandTotal);
    }
  }
  const result = (which: "planner" | "naive"): PolicyResult => {
    const served = [0, 0];
    const demanded = [0, 0];
    let stockoutDays = 0;
    const freightByMode: Partial<Record<ShipModeName, number>> = {};
    let shipped = 0;
    let stockWeeks = 0;
    let stockValueWeeks = 0;
    for (const [k, s] of sims[which]) {
      const w = weightOf.get(k) as number;
      for (const kind of [0, 1]) {
        served[kind] += w * s.served[kind];
        demanded[kind] += w * s.demanded[kind];
      }
      stockoutDays += w * s.stockoutDays;
      for (const [mode, cost] of Object.entries(s.freightByMode) as [ShipModeName, number][])
        freightByMode[mode] = (freightByMode[mode] ?? 0) + w * cost;
      shipped += w * s.shipped;
      stockWeeks += w * s.stockWeeks;
      stockValueWeeks += w * s.stockValueWeeks;
    }
    const rate = (a: number, b: number) => (b > 0 ? a / b : null);
    return {
      fillRateStreamDays: rate(served[0], demanded[0]),
      fillRateOtherDays: rate(served[1], demanded[1]),
      fillRate: rate(served[0] + served[1], demanded[0] + demanded[1]),
      stockoutDays,
      avgWeeksOfCover: demandTotal > 0 ? stockWeeks / demandTotal : null,
      avgStockValue: stockValueWeeks / weeks,
      freightCost: Object.values(freightByMode).reduce((a, b) => a + b, 0),
      freightByMode,
      unitsShipped: shipped,
    };
  };
  return {
    fromWeek: from,
    weeks,
    pairs: list.length,
    pairsWithSales: ranked.length,
    planner: result("planner"),
    naive: result("naive"),
  };
}

/**
 * A week of a pair under both policies from day `weekDay` (the daily series' index `offset` +
 * `weekDay`): each day serves the demand, then the end-of-week stock is counted. Returns `total`
 * plus the week's demand × `weight`, added day by day. A function of its own, run for 300 pairs a
 * week: compiled early, not when the optimizer reaches the replay's loop.
 */
function serveWeek(
  p: Pair,
  planner: Sim,
  naive: Sim,
  weekDay: number,
  offset: number,
  weight: number,
  total: number,
): number {
  for (let d = weekDay; d < weekDay + 7; d++) {
    const i = offset + d;
    const demand = p.daily[i];
    const kind: 0 | 1 = p.isStreamDay[i] ? 0 : 1;
    serve(planner, d, demand, kind);
    serve(naive, d, demand, kind);
    total += weight * demand;
  }
  for (const sim of [planner, naive]) {
    const held = Math.max(0, sim.stock);
    sim.stockWeeks += held;
    sim.stockValueWeeks += held * p.sku.unitCost;
  }
  return total;
}

/**
 * One pass over the Sales rows: the SKUs' sales per week from `classFrom` (for the classes), the
 * replayed pairs' daily units and stream days from `start`, both until `end`; returns the rows
 * that name a stream. A function of its own so that the optimizer compiles this loop alone, early.
 */
function readSales(
  sales: PlanInput["sales"],
  days: { readonly classFrom: Day; readonly start: Day; readonly end: Day },
  classSales: SkuSalesByWeek,
  pairs: PairMap<Pair>,
  streamDays: StreamDays,
): SalesRow[] {
  const { classFrom, start, end } = days;
  const streamSales: SalesRow[] = [];
  // Indexed, not for-of: a loop run once over a million rows, mostly before the optimizer
  // has compiled it, allocates an iterator result per row.
  for (let row = 0; row < sales.length; row++) {
    const r = sales[row];
    if (r.streamId !== undefined) streamSales.push(r);
    if (r.date < classFrom || r.date >= end) continue;
    classSales.add(r);
    if (r.date < start) continue;
    const p = pairs.get(r.sku, r.warehouse);
    if (!p) continue;
    const i = r.date - start;
    p.daily[i] += r.units;
    if (isStreamSale(r, streamDays)) p.isStreamDay[i] = 1;
  }
  return streamSales;
}

/** Uplifts estimated `weeks` weeks ago, seen from now: the weeks since move from their future to their history. */
function shiftUplifts(
  uplifts: ReadonlyMap<string, WeekUplifts>,
  weeks: number,
): ReadonlyMap<string, WeekUplifts> {
  if (weeks === 0) return uplifts;
  const out = new Map<string, WeekUplifts>();
  for (const [warehouse, u] of uplifts) {
    const history = new Float64Array(u.history.length + weeks);
    history.set(u.history);
    history.set(u.future.subarray(0, weeks), u.history.length);
    out.set(warehouse, { history, future: u.future.subarray(weeks), events: u.events });
  }
  return out;
}

/** Each pair's history cut at history week `week`: what a plan dated that week reads. */
function historiesBefore(pairs: readonly Pair[], week: number): Map<string, PairHistory> {
  const at = Math.max(0, week);
  const out = new Map<string, PairHistory>();
  for (const p of pairs)
    out.set(p.key, {
      ...p.history,
      units: p.history.units.subarray(0, at),
      streamUnits: p.history.streamUnits.subarray(0, at),
    });
  return out;
}

/**
 * The pairs a plan dated history week `week` forecasts by the full method: the
 * `count` largest by baseline units (market events taken out) over the 52 weeks
 * before, ties by key — `forecastBaselines`' rule, on the history before that week.
 */
function fullMethodPairs(
  history: SalesHistory,
  week: number,
  uplifts: ReadonlyMap<string, WeekUplifts>,
  count: number,
): Set<string> {
  const keys: string[] = [];
  const volume = new Float64Array(history.pairs.size);
  history.pairs.forEach((p, key) => {
    volume[keys.length] = recentBaseline(p, week, uplifts.get(p.warehouse)?.history);
    keys.push(key);
  });
  if (count >= keys.length) return new Set(keys);
  if (count <= 0) return new Set();
  // The count-th largest volume; pairs above it are in, pairs at it fill the rest by key.
  const threshold = Float64Array.from(volume).sort()[keys.length - count];
  const out = new Set<string>();
  const tied: string[] = [];
  keys.forEach((k, i) => {
    if (volume[i] > threshold) out.add(k);
    else if (volume[i] === threshold) tied.push(k);
  });
  tied.sort();
  for (const k of tied) {
    if (out.size >= count) break;
    out.add(k);
  }
  return out;
}

/**
 * Baseline units of a pair over the 52 weeks before history week `week`, from its first sale:
 * Σ max(0, units − max(0, stream units)) ÷ the week's market-event uplift (1 without).
 * A function of its own, run 40,000 times a plan: compiled early, it sums unboxed doubles.
 */
function recentBaseline(p: PairHistory, week: number, uplift: Float64Array | undefined): number {
  const { units, streamUnits } = p;
  let first = 0;
  while (first < week && units[first] <= 0) first++;
  let recent = 0;
  for (let i = Math.max(first, week - FULL_RANK_WEEKS); i < week; i++) {
    const baseline = Math.max(0, units[i] - Math.max(0, streamUnits[i]));
    recent += uplift ? baseline / uplift[i] : baseline;
  }
  return recent;
}

/** The naive policy's lane: the cheapest SEA lane, else the bulk lane. */
function seaLane(lanes: readonly LaneOption[], sku: Sku): LaneOption {
  const sea = lanes.filter((o) => o.mode === "SEA");
  return cheapestLane(sea.length > 0 ? sea : lanes, sku);
}
