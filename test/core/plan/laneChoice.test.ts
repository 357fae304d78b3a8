import type { AbcClass } from "../../../src/core/data/model";
import { inverseStandardNormal } from "../../../src/core/inventory";
import { runPlan } from "../../../src/core/plan";
import { laneSpreadDays, lanesByWarehouse } from "../../../src/core/plan/lanes";
import { planPairUntil, projectPair, type PairInput } from "../../../src/core/plan/pairPlan";
import { addDays, weekStart, type Day } from "../../../src/core/time/day";
import type { Days, Units } from "../../../src/core/units";
import { D0, SIMPLE, input, lane, sku, stock, weeklySales, wh } from "./fixtures";

const regular = (airCost: number) =>
  lanesByWarehouse(
    input({ warehouses: [wh("W1")], lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 7, airCost)] }),
  ).get("W1")!.regular;

/** 10 units a day (70 a week, σ = 0); unit cost 10, price 20: margin 10 a unit. */
function pair(onHand: number, more: Partial<PairInput> = {}, cls: AbcClass = "A"): PairInput {
  return {
    sku: sku("S1"),
    warehouse: "W1",
    cls,
    onHand,
    inTransit: [],
    forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 0 },
    streams: [],
    regular: regular(5),
    ...more,
  };
}

const keys = (l: { reasons: readonly { key: string }[] }) => l.reasons.map((r) => r.key);

describe("a need splits: sea for what sea can reach, the fast lane only for the gap before sea lands", () => {
  it("100 on hand, out on day 10, sea lands on day 28: air carries the 180 units of days 10…27, sea the rest", () => {
    // σ = 0, so the air bridge's own safety stock (z·σ·√P over air's lead) is 0: it flies only the shortfall
    // before sea lands, not the 210 units of sea-sized safety stock on top.
    const s = projectPair(pair(100), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    const air = lines.filter((l) => l.mode === "AIR");
    expect(air).toHaveLength(1);
    expect(air[0].restockQty).toBe(180);
    expect(air[0].arriveBy).toBe(addDays(D0, 10));
    const sea = lines.filter((l) => l.mode === "SEA");
    expect(sea[0].shipBy).toBe(D0);
    expect(sea[0].arriveBy).toBe(addDays(D0, 28));
  });

  it("every air line's reason names what sea could not reach: sea shipped now lands on day 28", () => {
    const s = projectPair(pair(100), D0, 140, SIMPLE);
    const air = planPairUntil(s, 7 * 8, SIMPLE).filter((l) => l.mode === "AIR");
    const bridge = air[0].reasons.find((r) => r.key === "planReasonBridge");
    expect(bridge?.params).toMatchObject({ bulk: "SEA", arrive: "2026-03-30" });
  });
});

describe("never fly stock whose freight exceeds its margin, unless a stream of an A item needs it", () => {
  it("a class C item, air 12 a unit against a 10 margin: no air; sea from the day it can land, and the line says why", () => {
    const s = projectPair(pair(100, { regular: regular(12) }, "C"), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines.some((l) => l.mode === "AIR")).toBe(false);
    expect(lines[0].mode).toBe("SEA");
    expect(lines[0].shipBy).toBe(D0);
    const why = lines[0].reasons.find((r) => r.key === "planReasonNoFly");
    expect(why?.params).toMatchObject({ fast: "AIR", freight: 12, margin: 10 });
  });

  it("the same freight is flown for an A item's stream, and the reason says the stream needs it", () => {
    const streams = [{ streamId: "L1", date: addDays(D0, 20) as Day, mean: 300, p90: 500 }];
    const s = projectPair(pair(600, { regular: regular(12), streams }), D0, 140, SIMPLE);
    const air = planPairUntil(s, 7 * 8, SIMPLE).filter((l) => l.mode === "AIR");
    expect(air).toHaveLength(1);
    expect(air[0].tier).toBe("tier2");
    expect(keys(air[0])).toContain("planReasonFlownForStream");
  });

  it("a class B item's stream does not make the same freight worth flying", () => {
    const streams = [{ streamId: "L1", date: addDays(D0, 20) as Day, mean: 300, p90: 500 }];
    const s = projectPair(pair(600, { regular: regular(12), streams }, "B"), D0, 140, SIMPLE);
    expect(planPairUntil(s, 7 * 8, SIMPLE).some((l) => l.mode === "AIR")).toBe(false);
  });
});

describe("MOQ: the remainder rides the sea lane, not the air line", () => {
  it("air bridges keep their need; each week's supplier order reaches the MOQ of 500 with sea", () => {
    // The plan date falls in the Chinese New Year closure: sea ordered today lands on day 49, so air
    // bridges the weeks before it.
    const data = input({
      skus: [sku("S1", { moq: 500 as Units })],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 100)],
      sales: weeklySales("S1", "W1", 70),
      lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 7, 5)],
    });
    const plan = runPlan(data, D0, SIMPLE);
    const shipped = plan.lines.filter((l) => l.restockQty > 0);
    const air = shipped.filter((l) => l.mode === "AIR");
    expect(air.length).toBeGreaterThan(0);
    for (const l of air) expect(keys(l)).not.toContain("planReasonMoq");
    const byWeek = new Map<number, number>();
    for (const l of shipped) {
      const w = weekStart(l.shipBy as Day);
      byWeek.set(w, (byWeek.get(w) ?? 0) + l.restockQty);
    }
    for (const total of byWeek.values()) expect(total).toBeGreaterThanOrEqual(500);
    expect(shipped.some((l) => l.mode === "SEA" && keys(l).includes("planReasonMoq"))).toBe(true);
  });
});

describe("a stream's level lands the lane's lead-time margin before the eve", () => {
  const spread = (airSd: number) =>
    lanesByWarehouse(
      input({
        warehouses: [wh("W1")],
        lanes: [lane("W1", "SEA", 28, 1), { ...lane("W1", "AIR", 7, 5), leadSdDays: airSd as Days }],
      }),
    ).get("W1")!.regular;
  const streams = [{ streamId: "L1", date: addDays(D0, 20) as Day, mean: 300, p90: 500 }];

  it("air with lead_sd_days 1, class A (z 2.054): the tier 2 shipment lands on day 16, ⌈2.054⌉ = 3 days before the eve", () => {
    const s = projectPair(pair(600, { regular: spread(1), streams }), D0, 140, SIMPLE);
    const air = planPairUntil(s, 7 * 8, SIMPLE).filter((l) => l.tier === "tier2");
    expect(air).toHaveLength(1);
    expect(air[0].mode).toBe("AIR");
    expect(air[0].arriveBy).toBe(addDays(D0, 16));
  });

  it("production_sd_days 2 adds the supplier's spread: ⌈z × √(1² + 2²)⌉ margin days, so it leaves earlier", () => {
    const settings = { ...SIMPLE, productionSdDays: 2 };
    const s = projectPair(pair(600, { regular: spread(1), streams }), D0, 140, settings);
    const margin = Math.ceil(inverseStandardNormal(s.serviceLevel) * Math.sqrt(5) - 1e-9);
    expect(margin).toBeGreaterThan(3);
    const air = planPairUntil(s, 7 * 8, settings).filter((l) => l.tier === "tier2");
    expect(air[0].arriveBy).toBe(addDays(D0, 19 - margin));
    const airLane = spread(1).find((o) => o.mode === "AIR")!;
    expect(laneSpreadDays(airLane, settings)).toBeCloseTo(Math.sqrt(5), 12);
    // A transfer waits for no production: its own spread.
    expect(laneSpreadDays({ ...airLane, transfer: true }, settings)).toBe(1);
  });

  it("no spread stated: it lands on the eve", () => {
    const s = projectPair(pair(600, { regular: spread(0), streams }), D0, 140, SIMPLE);
    const air = planPairUntil(s, 7 * 8, SIMPLE).filter((l) => l.tier === "tier2");
    expect(air[0].arriveBy).toBe(addDays(D0, 19));
  });

  it("too close to land 3 days early: shipped today, it lands on day 7 with the 1 day left, rather than not at all or on the eve", () => {
    const near = [{ streamId: "L1", date: addDays(D0, 9) as Day, mean: 300, p90: 500 }];
    const s = projectPair(pair(600, { regular: spread(1), streams: near }), D0, 140, SIMPLE);
    const air = planPairUntil(s, 7 * 8, SIMPLE).filter((l) => l.tier === "tier2");
    expect(air[0].shipBy).toBe(D0);
    expect(air[0].arriveBy).toBe(addDays(D0, 7));
  });
});
