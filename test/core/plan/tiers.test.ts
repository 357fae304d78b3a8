import type { AbcClass } from "../../../src/core/data/model";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { planPairUntil, projectPair, type PairInput } from "../../../src/core/plan/pairPlan";
import {
  bulkUnsureDays,
  demandAt,
  requiredAt,
  stockForStream,
  stockThere,
  unsureOn,
} from "../../../src/core/plan/projection";
import { addDays, type Day } from "../../../src/core/time/day";
import { BULK_Z, D0, SIMPLE, input, lane, sku, wh } from "./fixtures";

const lanes = lanesByWarehouse(
  input({ warehouses: [wh("W1")], lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 7, 5)] }),
).get("W1")!;

/** A pair selling a flat 70 units a week with no spread (σ = 0), so safety stock is the base weeks of cover. */
function pair(cls: AbcClass, more: Partial<PairInput> = {}): PairInput {
  return {
    sku: sku("S1"),
    warehouse: "W1",
    cls,
    onHand: 0,
    inTransit: [],
    forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 0 },
    streams: [],
    regular: lanes.regular,
    ...more,
  };
}

/** Regular lanes into W1: sea 28 ± 5 days at 1 a unit (margin ⌈2.591 × 5⌉ = 13 days at the fixture SKU's 99.52 %), air 7 days at `air`. */
const seaWithSpread = (air = 5) =>
  lanesByWarehouse(
    input({
      warehouses: [wh("W1")],
      lanes: [{ ...lane("W1", "SEA", 28, 1), leadSdDays: 5 as never }, lane("W1", "AIR", 7, air)],
    }),
  ).get("W1")!.regular;

/** An A item with `onHand` units, a stream on day 30 (mean 300, P90 500) and SEA 2,000 sellable on day 26, 3 days before its eve. */
const seaBeforeStream = (onHand: number) =>
  projectPair(
    pair("A", {
      onHand,
      regular: seaWithSpread(),
      streams: [{ streamId: "L1", date: addDays(D0, 30) as Day, mean: 300, p90: 500 }],
      inTransit: [{ qty: 2000, eta: addDays(D0, 26) as Day, mode: "SEA" }],
    }),
    D0,
    140,
    SIMPLE,
  );

describe("tier 1: everyday safety stock is 2–3 weeks of sales (the seed)", () => {
  it.each([
    ["A", 3 * 70],
    ["B", 2.5 * 70],
    ["C", 2 * 70],
  ] as const)("class %s holds %d units at 70 a week", (cls, expected) => {
    const s = projectPair(pair(cls), D0, 140, SIMPLE);
    expect(s.safetyStock).toBeCloseTo(expected, 9);
    // From the day sea (28 days) can land; before it only the air bridge's own safety stock (0 at σ = 0).
    expect(requiredAt(s, 28)).toBeCloseTo(expected, 9);
    expect(requiredAt(s, 27)).toBeCloseTo(0, 9);
  });

  it("is z·σ·√P when that is larger: σ = 100, P = (28 + 7)/7 = 5 weeks, z(99.52 %) = 2.591", () => {
    const s = projectPair(
      pair("A", { forecast: { method: "x", weekly: new Float64Array(30).fill(70), sigma: 100 } }),
      D0,
      140,
      SIMPLE,
    );
    expect(s.safetyStock).toBeCloseTo(BULK_Z * Math.sqrt(5 * 100 * 100), 6);
  });

  it("the reorder point is safety stock + demand over the bulk (sea) lead time: 210 + 28 × 10", () => {
    expect(projectPair(pair("A"), D0, 140, SIMPLE).reorderPoint).toBeCloseTo(210 + 280, 9);
  });
});

describe("tier 2: featured items hold the stream's P90 + a review week's sales on its eve, on top of the safety stock", () => {
  const streamDay = addDays(D0, 30) as Day;
  const streams = [{ streamId: "L1", date: streamDay, mean: 10, p90: 20 }];

  it.each(["A", "B"] as const)("class %s: only the eve (day 29) is raised, to SS + 500 + 70", (cls) => {
    const s = projectPair(pair(cls, { streams: [{ ...streams[0], p90: 500 }] }), D0, 140, SIMPLE);
    expect(requiredAt(s, 28)).toBeCloseTo(s.safetyStock, 9);
    expect(requiredAt(s, 29)).toBeCloseTo(s.safetyStock + 570, 9);
    expect(requiredAt(s, 30)).toBeCloseTo(s.safetyStock, 9);
  });

  it("a small stream still adds to the safety stock (the stream takes its P90, the safety stock stays for the days after): 210 + 20 + 70", () => {
    const s = projectPair(pair("A", { streams }), D0, 140, SIMPLE);
    expect(requiredAt(s, 29)).toBeCloseTo(300, 9);
  });

  it("the seed's pre-stream weeks cap the sales part: review 8 weeks, B caps at 4 weeks = 280", () => {
    const settings = { ...SIMPLE, reviewWeeks: 8 };
    const s = projectPair(pair("B", { streams: [{ ...streams[0], p90: 500 }] }), D0, 140, settings);
    expect(requiredAt(s, 29)).toBeCloseTo(s.safetyStock + 500 + 280, 9);
  });

  it("C items' stream mean units are demand; a small stream adds to their safety stock: 140 + 20 + 70", () => {
    const s = projectPair(pair("C", { streams }), D0, 140, SIMPLE);
    expect(requiredAt(s, 29)).toBeCloseTo(230, 9);
    expect(demandAt(s, 30)).toBeCloseTo(10 + 10, 9);
    // Without arrivals, each day's stock is the day before's less that day's demand.
    expect(s.stock[29] - s.stock[30]).toBeCloseTo(demandAt(s, 30), 9);
    expect(s.stock[30] - s.stock[31]).toBeCloseTo(demandAt(s, 31), 9);
    expect(demandAt(s, 31)).toBeCloseTo(10, 9);
  });

  it("a C item holds its stream's P90 on the eve too: 140 + 500 + 70", () => {
    const s = projectPair(pair("C", { streams: [{ ...streams[0], p90: 500 }] }), D0, 140, SIMPLE);
    expect(requiredAt(s, 29)).toBeCloseTo(710, 9);
  });

  it("a stream whose 98 % fill needs more than its P90 holds that cover instead: SS + 650 + 70", () => {
    const s = projectPair(pair("A", { streams: [{ ...streams[0], p90: 500, cover: 650 }] }), D0, 140, SIMPLE);
    expect(requiredAt(s, 29)).toBeCloseTo(s.safetyStock + 720, 9);
    expect(s.streams[0]).toMatchObject({ p90: 500, cover: 650 });
  });

  it("a C item's sales part is capped at its base weeks, no build-up: review 8 weeks, cap 2 weeks = 140", () => {
    const settings = { ...SIMPLE, reviewWeeks: 8 };
    const s = projectPair(pair("C", { streams: [{ ...streams[0], p90: 500 }] }), D0, 140, settings);
    expect(requiredAt(s, 29)).toBeCloseTo(140 + 500 + 140, 9);
  });
});

describe("shipments", () => {
  const big = [{ streamId: "L1", date: addDays(D0, 20) as Day, mean: 300, p90: 500 }];

  it("a stream sea freight cannot reach gets air, arriving by the stream's eve", () => {
    const s = projectPair(pair("A", { onHand: 600, streams: big }), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines[0].mode).toBe("AIR");
    expect(lines[0].tier).toBe("tier2");
    expect(lines[0].shipBy).toBe(addDays(D0, 12));
    expect(lines[0].arriveBy).toBe(addDays(D0, 19));
    expect(lines[0].reasons.map((r) => r.key)).toContain("planReasonOnTime");
    // P90 500 + the review week's 70 at the end of the eve.
    expect(s.stock[19]).toBeGreaterThanOrEqual(570 - 1e-6);
  });

  it("in-transit stock arriving after the need date does not count", () => {
    const late = projectPair(
      pair("A", { onHand: 600, streams: big, inTransit: [{ qty: 5000, eta: addDays(D0, 25) as Day }] }),
      D0,
      140,
      SIMPLE,
    );
    const lines = planPairUntil(late, 7 * 8, SIMPLE);
    expect(lines[0].mode).toBe("AIR");
    expect(lines[0].inTransit).toBe(0);
    expect(lines[0].reasons.map((r) => r.key)).toContain("planReasonLateTransit");
    const early = projectPair(
      pair("A", { onHand: 600, streams: big, inTransit: [{ qty: 5000, eta: addDays(D0, 3) as Day }] }),
      D0,
      140,
      SIMPLE,
    );
    expect(planPairUntil(early, 7 * 8, SIMPLE).filter((l) => l.tier === "tier2")).toEqual([]);
  });

  it("bulk goes by sea when sea arrives in time, shipped at need − lead", () => {
    // 210 safety stock + 70 a week: 600 on hand falls below 210 on day 39 (600 − 40·10 = 200).
    const s = projectPair(pair("A", { onHand: 600 }), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines[0].mode).toBe("SEA");
    expect(lines[0].needBy).toBe(addDays(D0, 39));
    expect(lines[0].shipBy).toBe(addDays(D0, 39 - 28));
    // Covers one review week from the need day: required 210 on day 45 + 460 demand to then − 600 = 70.
    expect(lines[0].restockQty).toBe(70);
  });

  it("quantities are whole case packs", () => {
    const s = projectPair(
      pair("A", { onHand: 600, sku: sku("S1", { casePack: 24 as never }) }),
      D0,
      140,
      SIMPLE,
    );
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.restockQty % 24).toBe(0);
    expect(lines[0].restockQty).toBe(72);
  });

  it("an overstocked item gets no shipment in the horizon", () => {
    const s = projectPair(pair("C", { onHand: 5000 }), D0, 140, SIMPLE);
    expect(planPairUntil(s, 7 * 8, SIMPLE)).toEqual([]);
  });
});

describe("tier 2 cannot count on a slow shipment due just before the stream (sea's margin days)", () => {
  const regular = seaWithSpread();
  const streamDay = addDays(D0, 30) as Day;
  const big = [{ streamId: "L1", date: streamDay, mean: 300, p90: 500 }];
  const plan = (eta: number, mode?: "SEA" | "AIR") => {
    const s = projectPair(
      pair("A", {
        onHand: 100,
        regular,
        streams: big,
        inTransit: [{ qty: 2000, eta: addDays(D0, eta) as Day, ...(mode ? { mode } : {}) }],
      }),
      D0,
      140,
      SIMPLE,
    );
    return { s, lines: planPairUntil(s, 7 * 8, SIMPLE) };
  };

  it("SEA 2,000 sellable 3 days before the eve: the stream's P90 must be there without it, so air covers it", () => {
    const { s, lines } = plan(26, "SEA");
    expect(s.streams[0].unsure).toBe(2000);
    const air = lines.filter((l) => l.mode === "AIR" && l.tier === "tier2");
    expect(air).toHaveLength(1);
    // The eve's (day 29) projected stock without the sea holds the P90.
    expect(s.stock[29] - 2000).toBeGreaterThanOrEqual(500 - 1e-6);
  });

  it("a stream whose cover is more than its P90 (stream_fill) needs that cover there without it: 2,000 + 900", () => {
    const s = projectPair(
      pair("A", {
        onHand: 100,
        regular,
        streams: [{ ...big[0], cover: 900 }],
        inTransit: [{ qty: 2000, eta: addDays(D0, 26) as Day, mode: "SEA" }],
      }),
      D0,
      140,
      SIMPLE,
    );
    expect(requiredAt(s, 29)).toBeGreaterThanOrEqual(2000 + 900 - 1e-6);
  });

  it("a blank mode is taken as the bulk lane's (sea)", () => {
    expect(plan(26).s.streams[0].unsure).toBe(2000);
  });

  it("the same SEA 13 days before the eve, or AIR (the fastest lane) the day before, is counted: no air for the stream", () => {
    for (const [eta, mode] of [
      [16, "SEA"],
      [28, "AIR"],
    ] as const) {
      const { s, lines } = plan(eta, mode);
      expect(s.streams[0].unsure).toBe(0);
      expect(lines.filter((l) => l.tier === "tier2")).toEqual([]);
    }
  });

  it("an overdue ETA counts as today's: unsure for a stream within the margin", () => {
    const s = projectPair(
      pair("A", {
        onHand: 100,
        regular,
        streams: [{ streamId: "L1", date: addDays(D0, 8) as Day, mean: 30, p90: 50 }],
        inTransit: [{ qty: 400, eta: addDays(D0, -3) as Day, mode: "SEA" }],
      }),
      D0,
      140,
      SIMPLE,
    );
    expect(s.streams[0].unsure).toBe(400);
    // The P90 must be there without it: 50 above what the eve's stock would be without the 400.
    expect(s.streams[0].level).toBeGreaterThanOrEqual(50 + 400);
  });
});

describe("a tier 2 line says when the stream does not count on a sea shipment", () => {
  it("names the units, the lane and its margin days", () => {
    const s = seaBeforeStream(100);
    const line = planPairUntil(s, 7 * 8, SIMPLE).find((l) => l.tier === "tier2");
    expect(line?.reasons.find((r) => r.key === "planReasonUnsure")?.params).toEqual({
      qty: 2000,
      mode: "SEA",
      days: 13,
    });
  });
});

describe("a stream's sea shipment lands as early as the stream will count on it", () => {
  it("margin 45 a unit, air 3.25, sea 28 ± 5 days: sea for a stream on day 90 lands by day 89 − 18", () => {
    const regular = seaWithSpread(3.25);
    const s = projectPair(
      pair("A", {
        sku: sku("S1", { price: 55 as never }),
        onHand: 3000,
        regular,
        streams: [{ streamId: "L1", date: addDays(D0, 90) as Day, mean: 1500, p90: 2500 }],
      }),
      D0,
      140,
      SIMPLE,
    );
    // ⌈5 × √(45 / 3.25 − 1)⌉ = 18 > the margin at the pair's 99.89 %, ⌈3.07 × 5⌉ = 16.
    expect(s.lanes.margins[regular.findIndex((o) => o.mode === "SEA")]).toBe(18);
    const sea = planPairUntil(s, 7 * 12, SIMPLE).find((l) => l.tier === "tier2");
    expect(sea?.mode).toBe("SEA");
    expect(sea?.arriveBy).toBe(addDays(D0, 89 - 18));
  });
});

describe("unsureOn, stockForStream, bulkUnsureDays: what a stream counts on", () => {
  it("a stream on day 30 with SEA 2,000 due on day 26: 2,000 unsure, the stock less them, sea's 13 days", () => {
    const s = seaBeforeStream(1000);
    expect(unsureOn(s, 30)).toBe(2000);
    expect(unsureOn(s, 29)).toBe(0);
    expect(stockForStream(s, 30)).toBeCloseTo(stockThere(s, 30) - 2000, 9);
    expect(bulkUnsureDays(s)).toBe(13);
  });
});

describe("the spread of streams not yet announced is held by the bulk lane's safety stock only", () => {
  it("σ 0, stream variance 100²: sea holds z·100·√5, the air bridge nothing", () => {
    const s = projectPair(
      pair("A", {
        forecast: { method: "x", weekly: new Float64Array(30).fill(70), sigma: 0, streamVariance: 100 * 100 },
      }),
      D0,
      140,
      SIMPLE,
    );
    // P = (28 + 7) / 7 = 5 weeks; z = 2.591 (the fixture SKU's bulk service level).
    expect(s.safetyStock).toBeCloseTo(BULK_Z * 100 * Math.sqrt(5), 6);
    expect(s.fastSafetyStock).toBeCloseTo(0, 9);
  });
});

describe("a stream's shipment is sent ahead at the pair's service level, the one its safety stock is held at", () => {
  it("class C at the fixture's 99.52 %: sea's margin is ⌈2.591 × 5⌉ = 13 days, as for class A; without a price the class's ⌈1.282 × 5⌉ = 7", () => {
    const regular = seaWithSpread();
    const priced = projectPair(pair("C", { regular }), D0, 140, SIMPLE);
    expect(bulkUnsureDays(priced)).toBe(13);
    expect(bulkUnsureDays(projectPair(pair("A", { regular }), D0, 140, SIMPLE))).toBe(13);
    const { price: _, ...unpriced } = sku("S1");
    const noMargin = projectPair(pair("C", { regular, sku: unpriced }), D0, 140, SIMPLE);
    expect(noMargin.serviceLevel).toBe(0.9);
    expect(bulkUnsureDays(noMargin)).toBe(7);
  });
});
