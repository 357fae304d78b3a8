import { addDays, dayFromIso, type Day } from "../../../src/core/time/day";
import {
  parseWorld,
  simulate,
  simulationSheets,
  worldFromInput,
  type World,
} from "../../../src/core/simulate";
import { demandFactor, drawDailyDemand } from "../../../src/core/simulate/demand";
import {
  keyedRng,
  statedProductionSpreadDays,
  statedSpreadDays,
  transitDays,
} from "../../../src/core/simulate/leadTime";
import { minimumUnits } from "../../../src/core/plan/lanes";
import { spreadOf } from "../../../src/core/simulate/metrics";
import { smoothedWeekly } from "../../../src/core/simulate/policies/classical";
import { naivePolicy } from "../../../src/core/simulate/policies/naive";
import {
  inventoryPosition,
  orderQuantity,
  withLaneMinimums,
  withSkuMoq,
} from "../../../src/core/simulate/policies/policy";
import { randomStreams, Rng } from "../../../src/core/simulate/random";
import { realise } from "../../../src/core/simulate/realisation";
import {
  airLane,
  bulkLane,
  recentWeeklySales,
  shipmentFreightOf,
  statedLeadDays,
  type SellerView,
} from "../../../src/core/simulate/sellerView";
import { simulateStreams, streamLawMean } from "../../../src/core/simulate/streams";
import { D0, dailySales, input, item, lane, sku, stream, wh } from "../plan/fixtures";
import type { Money, Units } from "../../../src/core/units";
import { TINY_WORLD } from "./tinyWorld";

const WORLD = parseWorld(TINY_WORLD).world as World;
const day = (iso: string) => dayFromIso(iso) as Day;

function moments(draw: () => number, n = 40_000): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

describe("random", () => {
  test("the documented first draw, the same on every machine", () => {
    expect(new Rng(1).next()).toBe(0.6270739405881613);
    expect(new Rng(1).logNormal(10, 0)).toBe(10);
    expect(new Rng(1).negativeBinomial(0, 3)).toBe(0);
    expect(new Rng(1).poisson(0)).toBe(0);
  });

  test("negative binomial: mean μ, variance μ + μ²/r; gamma mean kθ; Poisson mean λ", () => {
    const rng = new Rng(42);
    const nb = moments(() => rng.negativeBinomial(10, 4));
    expect(nb.mean).toBeCloseTo(10, 0);
    expect(nb.variance / (10 + 100 / 4)).toBeGreaterThan(0.93);
    expect(nb.variance / (10 + 100 / 4)).toBeLessThan(1.07);
    expect(moments(() => rng.gamma(0.5, 2)).mean).toBeCloseTo(1, 1);
    expect(moments(() => rng.poisson(50)).mean).toBeCloseTo(50, 0);
  });

  test("streams per purpose: drawing demand leaves lead times alone; runs differ", () => {
    const a = randomStreams(7, 0);
    const b = randomStreams(7, 0);
    for (let i = 0; i < 100; i++) a.demand.next();
    expect(a.leadTimes.next()).toBe(b.leadTimes.next());
    expect(randomStreams(7, 1).demand.next()).not.toBe(randomStreams(7, 0).demand.next());
  });
});

describe("the world's truth", () => {
  test("demand factor: weekday × season × events, events only in their countries and days", () => {
    const flat = {
      ...WORLD,
      demand: { ...WORLD.demand, weekday: [1, 1, 1, 1, 1, 1, 1], yearlyAmplitude: 0 },
    };
    const bf = day("2026-11-27");
    const withEvent = {
      ...flat,
      events: [{ name: "BF", start: bf, end: addDays(bf, 3), countries: ["US"], multiplier: 2 }],
    };
    expect(demandFactor(flat, "US", bf)).toBe(1);
    expect(demandFactor(withEvent, "US", bf)).toBe(2);
    expect(demandFactor(withEvent, "DE", bf)).toBe(1);
    expect(demandFactor(withEvent, "US", addDays(bf, 4))).toBe(1);
    const seasonal = { ...flat, demand: { ...flat.demand, yearlyAmplitude: 0.5, yearlyPeakDay: 0 } };
    expect(demandFactor(seasonal, "US", day("2027-01-01"))).toBeGreaterThan(1.49);
    expect(demandFactor(seasonal, "US", day("2026-07-02"))).toBeLessThan(0.51);
    expect(drawDailyDemand(new Rng(1), 0, 1, 4)).toBe(0);
  });

  test("transit: the stated days without spread or delay; a delay adds its days; the stated spread includes delays", () => {
    const base = WORLD.lanes[0];
    const calm = { ...base, spreadDays: 0, delayProbability: 0 };
    expect(transitDays(calm, new Rng(3))).toBe(calm.leadDays);
    const delayed = { ...calm, delayProbability: 1, delayDays: [7, 9] as const };
    const t = transitDays(delayed, new Rng(3));
    expect(t).toBeGreaterThanOrEqual(calm.leadDays + 7);
    expect(t).toBeLessThanOrEqual(calm.leadDays + 9);
    expect(statedSpreadDays({ ...base, spreadDays: 3, delayProbability: 0 })).toBe(3);
    expect(statedSpreadDays({ ...base, spreadDays: 3, delayProbability: 1, delayDays: [7, 7] })).toBeCloseTo(
      3,
      9,
    );
    expect(
      statedSpreadDays({ ...base, spreadDays: 0, delayProbability: 0.5, delayDays: [10, 10] }),
    ).toBeCloseTo(5, 9);
    // Production late by U{0, …, 3} days: √((0 + 1 + 4 + 9) / 4) = √3.5, late on average counted.
    expect(statedProductionSpreadDays({ productionSpreadDays: 3 })).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(statedProductionSpreadDays({ productionSpreadDays: 0 })).toBe(0);
  });

  test("stream law and schedule: announced 3–6 weeks ahead, featured SKUs sold where they stream", () => {
    const law = { unitsPer10kViewers: 40, viewersExponent: 1, dwellExponent: 0, noise: 0, viewersNoise: 0 };
    expect(streamLawMean(law, 1, 20_000, 3)).toBe(80);
    const rngs = randomStreams(11, 0);
    const from = WORLD.start;
    const streams = simulateStreams(
      WORLD,
      from,
      addDays(from, 7 * 20),
      rngs.streams,
      rngs.viewers,
      rngs.streamUnits,
    );
    const cadence = streams.filter((s) => s.id !== "BIG");
    expect(cadence.length).toBeGreaterThanOrEqual(18);
    for (const s of cadence) {
      expect(s.date - s.announced).toBeGreaterThanOrEqual(21);
      expect(s.date - s.announced).toBeLessThanOrEqual(42);
      for (const it of s.items)
        expect(WORLD.skus.find((k) => k.sku === it.sku)?.weekly[s.warehouse]).toBeGreaterThan(0);
    }
    const big = streams.find((s) => s.id === "BIG");
    expect(big && big.date - big.announced).toBe(30);
    expect(big?.items.map((i) => i.sku)).toEqual(["A"]);
  });

  test("a realisation is the same for the same seed and run", () => {
    const a = realise(WORLD, 5, 2, 3);
    const b = realise(WORLD, 5, 2, 3);
    expect(Array.from(a.baseline[1])).toEqual(Array.from(b.baseline[1]));
    expect(a.production(WORLD.skus[0], WORLD.start)).toBe(b.production(WORLD.skus[0], WORLD.start));
    const p = a.production(WORLD.skus[0], WORLD.start);
    expect(p).toBeGreaterThanOrEqual(WORLD.skus[0].productionDays);
    expect(p).toBeLessThanOrEqual(WORLD.skus[0].productionDays + WORLD.productionSpreadDays);
  });
});

describe("policies' building blocks", () => {
  test("order quantities: case packs per pair, the MOQ across a SKU's warehouses", () => {
    expect(orderQuantity(25, 12)).toBe(36);
    expect(orderQuantity(0, 12)).toBe(0);
    expect(orderQuantity(-3, 12)).toBe(0);
    const r = realise({ ...WORLD, skus: WORLD.skus.map((s) => ({ ...s, moq: 100, casePack: 12 })) }, 1, 0, 1);
    const view = { pairs: r.pairs } as unknown as SellerView;
    const seaLane = WORLD.lanes[0];
    const moqd = withSkuMoq(
      [
        { pair: 0, qty: 24, lane: seaLane, shipDay: WORLD.start, finishedGoods: false, emergency: false },
        { pair: 1, qty: 12, lane: seaLane, shipDay: WORLD.start, finishedGoods: false, emergency: false },
      ],
      view,
    );
    expect(moqd.map((s) => s.qty)).toEqual([96, 12]);
  });

  test("lane minimums: a shipment pays its fixed cost and at least the minimum; a classical planner ships what it pays for", () => {
    const sea = { ...WORLD.lanes[0], costPerKg: 1, minKg: 20, fixedCost: 30 };
    const [a, b] = WORLD.skus.map((s) => ({ ...s, casePack: 12 }));
    // SKU A weighs 0.5 kg: 20 kg is 40 units; SKU B weighs 1 kg: 20 units.
    expect([minimumUnits(sea, a.weightKg), minimumUnits(sea, b.weightKg)]).toEqual([40, 20]);
    expect(minimumUnits({ ...sea, minUnits: 50 }, a.weightKg)).toBe(50);
    expect(minimumUnits(WORLD.lanes[1], a.weightKg)).toBe(0);
    expect(shipmentFreightOf(sea, a, 10)).toBe(30 + 40 * 0.5);
    expect(shipmentFreightOf(sea, a, 100)).toBe(30 + 100 * 0.5);
    expect(shipmentFreightOf(WORLD.lanes[1], a, 10)).toBe(10 * 6 * 0.5);
    const r = realise({ ...WORLD, skus: [a, b] }, 1, 0, 1);
    const view = { pairs: r.pairs } as unknown as SellerView;
    const ship = (pair: number, qty: number) => ({
      pair,
      qty,
      lane: sea,
      shipDay: WORLD.start,
      finishedGoods: false,
      emergency: false,
    });
    // 10 of A rise to 40 → 48 in whole cases; 60 of A and 0 of B stay.
    expect(withLaneMinimums([ship(0, 10), ship(0, 60), ship(2, 0)], view).map((s) => s.qty)).toEqual([
      48, 60, 0,
    ]);
  });

  test("smoothed weekly sales: a flat series has its level and no error", () => {
    const sold = new Float64Array(400).fill(10);
    expect(smoothedWeekly(sold, 364, 52, 0.2)).toEqual({ level: 70, sigma: 0 });
    expect(smoothedWeekly(sold, 3, 52, 0.2)).toEqual({ level: 0, sigma: 0 });
  });

  test("naive: up to (sea lead + review + 3 weeks) × the last 8 weeks' average, less the position", () => {
    const r = realise(WORLD, 1, 0, 2);
    const sold = r.pairs.map(() => new Float64Array(r.historyDays + r.days).fill(10));
    const view: SellerView = {
      world: WORLD,
      pairs: r.pairs,
      historyStart: r.historyStart,
      today: WORLD.start,
      until: addDays(WORLD.start, 7),
      t: r.historyDays,
      onHand: new Float64Array(r.pairs.length).fill(100),
      inTransit: [{ pair: 0, qty: 50, eta: WORLD.start, mode: "SEA" }],
      sold,
      soldInStreams: r.pairs.map(() => new Float64Array(r.historyDays + r.days)),
      streams: [],
    };
    const out = naivePolicy().decide(view);
    const p0 = r.pairs[0];
    const lead = statedLeadDays(WORLD, WORLD.lanes[0], p0.sku, false) / 7;
    const need = 70 * (lead + 1 + 3) - 150;
    expect(out[0].qty).toBe(Math.ceil(need / p0.sku.casePack) * p0.sku.casePack);
    expect(out.every((s) => s.lane.mode === "SEA" && !s.emergency)).toBe(true);
  });

  test("lanes, recent sales, inventory position and keyed draws", () => {
    const a = WORLD.skus[0];
    expect(bulkLane(WORLD, "DE", a)?.mode).toBe("SEA");
    expect(airLane(WORLD, "DE", a)?.mode).toBe("AIR");
    expect(statedLeadDays(WORLD, WORLD.lanes[0], a, false)).toBe(3 + 14 + 2);
    expect(statedLeadDays(WORLD, WORLD.lanes[1], a, true)).toBe(4 + 2);
    const sold = new Float64Array(200).fill(10);
    expect(recentWeeklySales(sold, 100, 8)).toBe(70);
    expect(recentWeeklySales(sold, 0, 8)).toBe(0);
    const view = {
      onHand: Float64Array.from([100, 5]),
      inTransit: [
        { pair: 0, qty: 50, eta: WORLD.start, mode: "SEA" },
        { pair: 0, qty: 1, eta: WORLD.start, mode: "AIR" },
      ],
    } as unknown as SellerView;
    expect(Array.from(inventoryPosition(view))).toEqual([151, 5]);
    expect(keyedRng(1, 0, 7).next()).toBe(keyedRng(1, 0, 7).next());
    expect(keyedRng(1, 0, 7).next()).not.toBe(keyedRng(1, 0, 8).next());
  });

  test("spread: mean, min and max, nulls skipped", () => {
    expect(spreadOf([1, null, 3])).toEqual({ mean: 2, min: 1, max: 3 });
    expect(spreadOf([null])).toEqual({ mean: null, min: null, max: null });
  });
});

describe("sheets and workbook-seeded worlds", () => {
  test("LS Simulation: a row per policy × metric, headers in Chinese; the chart's data around the big stream", () => {
    const result = simulate(WORLD, { weeks: 6, policies: ["naive", "oracle"] });
    const [figures, stock, chart] = simulationSheets(result, "zh-CN");
    expect(figures.columns.map((c) => c.header)).toEqual([
      "策略",
      "指标",
      "单位",
      "平均",
      "最小",
      "最大",
      "说明",
    ]);
    const naiveRows = figures.rows.filter((r) => r[0] === "朴素策略");
    expect(naiveRows.length).toBe(figures.rows.length / 2);
    expect(naiveRows[0][1]).toBe("满足率，全部日期");
    expect(stock.rows.length).toBe(result.weeklyStock.length * 6);
    expect(result.chart?.streamId).toBe("BIG");
    expect(chart.rows.length).toBe(result.chart?.days.length);
    expect(chart.rows[0].at(-1)).toContain("BIG");
  });

  test("a workbook seeds a world: levels from non-stream sales, cadence from past streams, planned streams scheduled", () => {
    const past = stream("L1", "US-W", addDays(D0, -10), 10_000, 3);
    const planned = stream("L2", "US-W", addDays(D0, 20), 30_000, 3);
    const plan = input({
      skus: [sku("S1", { weightKg: 1 }), sku("S2")],
      warehouses: [wh("US-W")],
      sales: [
        ...dailySales("S1", "US-W", 2, 30),
        ...dailySales("S2", "US-W", 1, 30),
        { ...dailySales("S1", "US-W", 50, 2)[4], streamId: "L1" },
      ],
      streams: [past, planned],
      streamItems: [item("L1", "S1", 50), item("L2", "S1")],
      lanes: [
        { ...lane("US-W", "SEA", 30, 1), minKg: 20, fixedCost: 30 as Money },
        lane("US-W", "AIR", 5, 4),
      ],
      stock: [{ sku: "S1", warehouse: "US-W", onHand: 45 as Units, reserved: 5 as Units }],
      inTransit: [{ sku: "S2", warehouse: "US-W", qty: 12 as Units, eta: addDays(D0, 9) }],
      // An open order by air, shipping in 3 days: sellable 3 + 5 transit + 0 receiving days later.
      orders: [
        {
          sku: "S1",
          warehouse: "US-W",
          qty: 30 as Units,
          orderDate: addDays(D0, -2),
          mode: "AIR",
          expectedShip: addDays(D0, 3),
        },
      ],
      settings: new Map([["receiving_days", 0]]),
    });
    const world = worldFromInput(plan, D0);
    expect(world.start).toBe(D0);
    expect(world.lanes[0]).toMatchObject({ mode: "SEA", minKg: 20, fixedCost: 30 });
    expect(world.lanes[1]).not.toHaveProperty("minKg");
    // The stream day (D0 − 10) is not everyday demand: its 2 everyday units are left out with the stream's 50.
    expect(world.skus.find((s) => s.sku === "S1")?.weekly["US-W"]).toBeCloseTo((26 * 14 - 2) / 26, 9);
    expect(world.skus.find((s) => s.sku === "S2")?.weekly["US-W"]).toBeCloseTo(7, 9);
    expect(world.streams.cadence[0].perWeek).toBeCloseTo(1 / 26, 9);
    expect(world.streams.scheduled.map((s) => [s.id, s.featured, s.announceDays])).toEqual([
      ["L2", ["S1"], 20],
    ]);
    expect(world.streams.law.unitsPer10kViewers).toBeCloseTo(50, 9);
    expect(world.stock).toEqual([{ sku: "S1", warehouse: "US-W", onHand: 40 }]);
    expect(world.inTransit).toEqual([
      { sku: "S2", warehouse: "US-W", qty: 12, eta: addDays(D0, 9), mode: "SEA" },
      { sku: "S1", warehouse: "US-W", qty: 30, eta: addDays(D0, 8), mode: "AIR" },
    ]);
    expect(() =>
      worldFromInput(
        input({ skus: [sku("S1")], warehouses: [wh("US-W")], lanes: [lane("US-W", "SEA", 30, 1)] }),
        D0,
      ),
    ).toThrow("no sales");
  });

  test("a workbook whose past streams keep their planned audience sets how far real audiences stray", () => {
    const past = Array.from({ length: 40 }, (_, i) => ({
      ...stream(`P${i}`, "US-W", addDays(D0, -7 * (i + 1)), 10_000, 3),
      expectedViewers: i % 2 ? 10_000 * Math.exp(0.6) : 10_000 * Math.exp(-0.6),
    }));
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("US-W")],
      sales: dailySales("S1", "US-W", 2, 30),
      streams: past,
      streamItems: past.map((s) => item(s.streamId, "S1", 20)),
      lanes: [lane("US-W", "SEA", 30, 1)],
    });
    // The 26 streams of the seeding half-year, 0.6 off plan either way; the prior 0.3 counts as 5.
    expect(worldFromInput(data, D0).streams.law.viewersNoise).toBeCloseTo(
      Math.sqrt((5 * 0.09 + 26 * 0.36) / (5 + 26 - 1)),
      6,
    );
    const without = input({ ...data, streams: past.map(({ expectedViewers: _, ...s }) => s) });
    expect(worldFromInput(without, D0).streams.law.viewersNoise).toBe(0.3);
  });
});
