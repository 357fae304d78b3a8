import type { PlanInput, Sku } from "../../data/model";
import { roundUpToMultiple } from "../../inventory";
import { addDays, weekStart, type Day } from "../../time/day";
import { laneLeadDays, unitFreight, type LaneOption, type WarehouseLanes } from "../lanes";
import { planPairUntil, projectPair, raiseLine, type PairState } from "../pairPlan";
import { dayKey, pairKey, pastStreamDays } from "../salesHistory";
import type { PlanSettings } from "../settings";
import type { SkuClass } from "../skuClasses";
import { plannedStreamItems, type PlannedItem } from "../streamDemand";
import type { BacktestResult, PolicyResult } from "../types";
import { quickForecast } from "../quickForecast";

/** What the plan already computed and the backtest reuses. */
export interface BacktestContext {
  readonly classes: ReadonlyMap<string, SkuClass>;
  readonly lanes: ReadonlyMap<string, WarehouseLanes>;
}

interface Pair {
  readonly sku: Sku;
  readonly warehouse: string;
  readonly cls: SkuClass["cls"];
  readonly regular: readonly LaneOption[];
  /** Actual units per day over the history before the plan date, index 0 = `start`. */
  readonly daily: Float64Array;
  /** Of those, units on stream days. */
  readonly streamDaily: Float64Array;
  readonly isStreamDay: Uint8Array;
  readonly streams: readonly PlannedItem[];
}

interface Sim {
  stock: number;
  pipeline: { qty: number; eta: number }[];
  served: [number, number];
  demanded: [number, number];
  stockoutDays: number;
  freight: number;
  shipped: number;
}

const SIGMA_WEEKS = 13;

/**
 * Replays the last `backtestWeeks` weeks before the plan date. Each week, for
 * every SKU × warehouse, a policy decides what to ship knowing only the sales
 * before that week; shipments arrive after their lane's lead time (production
 * + transit + receiving); each day serves the actual demand from stock, unmet
 * demand is lost. Both policies start alike: on hand = naive target, and a
 * pipeline of one week's average sales arriving each week of the bulk lead time.
 *
 * - LiveStock: this plan's rules (tiers 1–2, order-up-to, mode choice, MOQ across
 *   warehouses, case packs) with the quick forecast (baseline of the last 8 weeks
 *   by SES/SBA) and the stream model fitted on streams before the replay;
 *   tier 3 is not replayed.
 * - Naive: order up to `naiveWeeks` × the average weekly sales of the last
 *   `naiveAverageWeeks` weeks, by sea (the warehouse's cheapest SEA lane, else its bulk lane), case packs.
 *
 * Fill rate = served ÷ demanded units; stream days are days a stream featured
 * the SKU at the warehouse. Weeks of cover = mean end-of-week stock ÷ mean weekly demand.
 */
export function runBacktest(
  input: PlanInput,
  planDate: Day,
  settings: PlanSettings,
  context: BacktestContext,
): BacktestResult | null {
  const end = weekStart(planDate);
  const weeks = settings.backtestWeeks;
  const from = addDays(end, -7 * weeks);
  const historyWeeks = Math.max(settings.naiveAverageWeeks, SIGMA_WEEKS, 8);
  const start = addDays(from, -7 * historyWeeks);
  const totalDays = end - start;
  if (weeks <= 0 || totalDays <= 0) return null;
  let anySale = false;
  for (const r of input.sales) if (r.date >= from && r.date < end) anySale = true;
  if (!anySale) return null;

  const skuOf = new Map(input.skus.map((s) => [s.sku, s]));
  const streamDays = pastStreamDays(input, planDate);
  const items = plannedStreamItems(input, from, settings.streamQuantile, settings.streamHours).filter(
    (it) => it.date < end,
  );
  const pairs = new Map<string, Pair>();
  const streamsOf = new Map<string, PlannedItem[]>();
  for (const it of items) {
    const k = pairKey(it.sku, it.warehouse);
    streamsOf.set(k, [...(streamsOf.get(k) ?? []), it]);
  }
  for (const r of input.sales) {
    if (r.date < start || r.date >= end) continue;
    const k = pairKey(r.sku, r.warehouse);
    let p = pairs.get(k);
    if (!p) {
      const sku = skuOf.get(r.sku);
      const regular = context.lanes.get(r.warehouse)?.regular ?? [];
      const cls = context.classes.get(r.sku)?.cls;
      if (!sku || regular.length === 0 || !cls) continue;
      p = {
        sku,
        warehouse: r.warehouse,
        cls,
        regular,
        daily: new Float64Array(totalDays),
        streamDaily: new Float64Array(totalDays),
        isStreamDay: new Uint8Array(totalDays),
        streams: streamsOf.get(k) ?? [],
      };
      pairs.set(k, p);
    }
    const i = r.date - start;
    p.daily[i] += r.units;
    if (r.streamId !== undefined || streamDays.has(dayKey(r.sku, r.warehouse, r.date))) {
      p.streamDaily[i] += r.units;
      p.isStreamDay[i] = 1;
    }
  }
  const keys = [...pairs.keys()].sort();
  const weekly = (p: Pair, w: number, streamToo: boolean): number => {
    let s = 0;
    for (let i = 7 * w; i < 7 * w + 7; i++) s += p.daily[i] - (streamToo ? 0 : p.streamDaily[i]);
    return s;
  };
  const firstWeek = historyWeeks;
  const avgBefore = (p: Pair, w: number, n: number, streamToo: boolean): number => {
    let s = 0;
    for (let k = w - n; k < w; k++) s += weekly(p, k, streamToo);
    return s / n;
  };
  const bulkLead = (p: Pair, lanes: readonly LaneOption[]): number => {
    let best = lanes[0];
    for (const o of lanes) {
      const c = unitFreight(o.lane, p.sku) ?? 0;
      if (c < (unitFreight(best.lane, p.sku) ?? 0)) best = o;
    }
    return laneLeadDays(best, p.sku, settings);
  };
  const seaLane = (p: Pair): LaneOption => {
    const sea = p.regular.filter((o) => o.mode === "SEA");
    const pool = sea.length > 0 ? sea : p.regular;
    let best = pool[0];
    for (const o of pool)
      if ((unitFreight(o.lane, p.sku) ?? 0) < (unitFreight(best.lane, p.sku) ?? 0)) best = o;
    return best;
  };
  const startSim = (p: Pair): Sim => {
    const avg = avgBefore(p, firstWeek, settings.naiveAverageWeeks, true);
    const lead = bulkLead(p, p.regular);
    const pipeline = [];
    for (let w = 0; w < Math.ceil(lead / 7); w++) pipeline.push({ qty: avg, eta: 7 * w });
    return {
      stock: settings.naiveWeeks * avg,
      pipeline,
      served: [0, 0],
      demanded: [0, 0],
      stockoutDays: 0,
      freight: 0,
      shipped: 0,
    };
  };
  const sims = { planner: new Map<string, Sim>(), naive: new Map<string, Sim>() };
  for (const k of keys) {
    const p = pairs.get(k) as Pair;
    sims.planner.set(k, startSim(p));
    sims.naive.set(k, startSim(p));
  }
  const stockEnd = { planner: 0, naive: 0 };
  let demandTotal = 0;
  const oneWeek: PlanSettings = { ...settings, horizonWeeks: 1 };

  for (let w = 0; w < weeks; w++) {
    const hw = firstWeek + w;
    const weekDay = 7 * w;
    const bySku = new Map<string, PairState[]>();
    for (const k of keys) {
      const p = pairs.get(k) as Pair;
      const sim = sims.planner.get(k) as Sim;
      const y: number[] = [];
      for (let q = Math.max(0, hw - 52); q < hw; q++) y.push(Math.max(0, weekly(p, q, false)));
      const f = quickForecast(y);
      const days = 7 * Math.ceil((bulkLead(p, p.regular) + 7 * settings.reviewWeeks + 21) / 7);
      const state = projectPair(
        {
          sku: p.sku,
          warehouse: p.warehouse,
          cls: p.cls,
          onHand: sim.stock,
          inTransit: sim.pipeline.map((s) => ({ qty: s.qty, eta: addDays(from, s.eta) })),
          forecast: { method: f.method, weekly: new Float64Array(1).fill(f.rate), sigma: f.sigma },
          streams: p.streams.filter((s) => s.date >= addDays(from, weekDay)),
          regular: p.regular,
        },
        addDays(from, weekDay),
        days,
        oneWeek,
      );
      planPairUntil(state, 7, oneWeek);
      bySku.set(p.sku.sku, [...(bySku.get(p.sku.sku) ?? []), state]);
    }
    for (const [, states] of bySku) {
      const sku = states[0].input.sku;
      const moq = sku.moq ?? 0;
      let total = 0;
      let largest: { s: PairState; i: number } | null = null;
      for (const s of states)
        s.lines.forEach((l, i) => {
          total += l.restockQty;
          if (!largest || l.restockQty > largest.s.lines[largest.i].restockQty) largest = { s, i };
        });
      if (moq > 0 && total > 0 && total < moq && largest) {
        const { s, i } = largest as { s: PairState; i: number };
        const cp = sku.casePack ?? 1;
        raiseLine(s, i, roundUpToMultiple(s.lines[i].restockQty + moq - total, cp), {
          key: "planReasonMoq",
          params: { moq, total },
        });
      }
      for (const s of states) {
        const sim = sims.planner.get(pairKey(sku.sku, s.input.warehouse)) as Sim;
        for (const l of s.lines) {
          sim.pipeline.push({ qty: l.restockQty, eta: (l.arriveBy as Day) - from });
          sim.shipped += l.restockQty;
          sim.freight += l.cost ?? 0;
        }
      }
    }
    for (const k of keys) {
      const p = pairs.get(k) as Pair;
      const sim = sims.naive.get(k) as Sim;
      const target = settings.naiveWeeks * avgBefore(p, hw, settings.naiveAverageWeeks, true);
      const position = sim.stock + sim.pipeline.reduce((a, s) => a + s.qty, 0);
      if (target > position) {
        const lane = seaLane(p);
        const qty = roundUpToMultiple(target - position, p.sku.casePack ?? 1);
        sim.pipeline.push({ qty, eta: weekDay + laneLeadDays(lane, p.sku, settings) });
        sim.shipped += qty;
        sim.freight += qty * (unitFreight(lane.lane, p.sku) ?? 0);
      }
    }
    for (const k of keys) {
      const p = pairs.get(k) as Pair;
      for (let d = weekDay; d < weekDay + 7; d++) {
        const i = 7 * firstWeek + d;
        const demand = p.daily[i];
        const kind = p.isStreamDay[i] ? 0 : 1;
        for (const sim of [sims.planner.get(k) as Sim, sims.naive.get(k) as Sim]) {
          let arrived = 0;
          sim.pipeline = sim.pipeline.filter((s) => (s.eta <= d ? ((arrived += s.qty), false) : true));
          sim.stock += arrived;
          const served = Math.min(Math.max(0, sim.stock), demand);
          sim.stock -= served;
          sim.served[kind] += served;
          sim.demanded[kind] += demand;
          if (served < demand - 1e-9) sim.stockoutDays++;
        }
        demandTotal += demand;
      }
      stockEnd.planner += Math.max(0, (sims.planner.get(k) as Sim).stock);
      stockEnd.naive += Math.max(0, (sims.naive.get(k) as Sim).stock);
    }
  }
  const result = (which: "planner" | "naive"): PolicyResult => {
    let served = [0, 0];
    let demanded = [0, 0];
    let stockoutDays = 0;
    let freight = 0;
    let shipped = 0;
    for (const s of sims[which].values()) {
      served = [served[0] + s.served[0], served[1] + s.served[1]];
      demanded = [demanded[0] + s.demanded[0], demanded[1] + s.demanded[1]];
      stockoutDays += s.stockoutDays;
      freight += s.freight;
      shipped += s.shipped;
    }
    const rate = (a: number, b: number) => (b > 0 ? a / b : null);
    return {
      fillRateStreamDays: rate(served[0], demanded[0]),
      fillRateOtherDays: rate(served[1], demanded[1]),
      fillRate: rate(served[0] + served[1], demanded[0] + demanded[1]),
      stockoutDays,
      avgWeeksOfCover: demandTotal > 0 ? stockEnd[which] / weeks / (demandTotal / weeks) : null,
      freightCost: freight,
      unitsShipped: shipped,
    };
  };
  return { fromWeek: from, weeks, planner: result("planner"), naive: result("naive") };
}
