import fc from "fast-check";
import {
  MAX_SERVICE_LEVEL,
  feeCycleWeeks,
  orderCycleWeeks,
  pairServiceLevel,
  unsureDays,
} from "../../../src/core/plan/tierLevels";
import { DEFAULT_SETTINGS } from "../../../src/core/plan/settings";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { planPairUntil, projectPair, type PairInput } from "../../../src/core/plan/pairPlan";
import type { Lane } from "../../../src/core/data/model";
import { addDays, type Day } from "../../../src/core/time/day";
import { BULK_Z, D0, SIMPLE, input, lane, sku, wh } from "./fixtures";

function pair(onHand: number, seaSd: number, more: Partial<PairInput> = {}, sigma = 0): PairInput {
  const sea: Lane = { ...lane("W1", "SEA", 28, 1), leadSdDays: seaSd as never };
  return {
    sku: sku("S1"),
    warehouse: "W1",
    cls: "A",
    onHand,
    inTransit: [],
    forecast: { method: "x", weekly: new Float64Array(30).fill(70), sigma },
    streams: [],
    regular: lanesByWarehouse(input({ warehouses: [wh("W1")], lanes: [sea, lane("W1", "AIR", 7, 5)] })).get(
      "W1",
    )!.regular,
    ...more,
  };
}

describe("lead-time spread is counted once: in the safety stock, not again as days shipped early", () => {
  it("σ = 100, P = 5 weeks, sea spread 7 days: SS = z·√(P·σ² + μ²·1²), and sea ships at need − 28", () => {
    const s = projectPair(pair(1200, 7, {}, 100), D0, 140, SIMPLE);
    expect(s.safetyStock).toBeCloseTo(BULK_Z * Math.sqrt(5 * 100 * 100 + 70 * 70), 6);
    const sea = planPairUntil(s, 7 * 8, SIMPLE).filter((l) => l.mode === "SEA");
    expect(sea.length).toBeGreaterThan(0);
    for (const l of sea) expect((l.needBy as Day) - (l.shipBy as Day)).toBe(28);
  });
});

describe("tier 2 is sized to the stream and due on its eve", () => {
  it("a small stream (P90 20) of an item selling 70 a week asks P90 + a review week's sales, not 5 weeks", () => {
    // 600 on hand: 300 left on the eve of the day-30 stream, above 20 + 70 and above the 210 safety stock.
    const streams = [{ streamId: "L1", date: addDays(D0, 30) as Day, mean: 10, p90: 20 }];
    const s = projectPair(pair(600, 0, { streams }), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines.filter((l) => l.tier === "tier2")).toEqual([]);
  });

  it("a big stream on day 40 is due the day before it (day 39), not 14 days earlier", () => {
    const streams = [{ streamId: "L1", date: addDays(D0, 40) as Day, mean: 300, p90: 500 }];
    const s = projectPair(pair(600, 0, { streams }), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    const t2 = lines.filter((l) => l.tier === "tier2");
    expect(t2).toHaveLength(1);
    expect(t2[0].needBy).toBe(addDays(D0, 39));
    expect(t2[0].mode).toBe("SEA");
    // Start of the stream day holds P90 + the review week's baseline on top of the safety stock: 500 + 70 + 210.
    expect(s.stock[39]).toBeGreaterThanOrEqual(780 - 1e-6);
    expect(s.stock[39]).toBeLessThan(780 + 6);
  });
});

describe("unsureDays: how long before a stream a sea arrival is not counted on", () => {
  it("the doc's example: margin 45, air 3.25 a unit, sea ± 5.3 days → 19 days (Cantelli)", () => {
    expect(unsureDays(5.3, 11, 45, 3.25)).toBe(19);
  });

  it("never less than the lane's margin days; those alone when covering is not worth it or unknown", () => {
    expect(unsureDays(5.3, 11, 10, 5)).toBe(11);
    expect(unsureDays(5.3, 11, 4, 5)).toBe(11);
    expect(unsureDays(5.3, 11, null, 3)).toBe(11);
    expect(unsureDays(5.3, 11, 45, null)).toBe(11);
    expect(unsureDays(0, 0, 45, 3)).toBe(0);
  });

  it("on day d past the stated lead, Cantelli's bound on lateness still exceeds f/m; on the next it does not", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (sd, m, f) => {
          fc.pre(m > f * 1.01);
          const d = unsureDays(sd, 0, m, f);
          const late = (days: number) => 1 / (1 + (days / sd) ** 2);
          expect(late(d - 1)).toBeGreaterThanOrEqual(f / m - 1e-9);
          expect(late(d)).toBeLessThanOrEqual(f / m + 1e-9);
        },
      ),
    );
  });
});

describe("pairServiceLevel: the bulk lane's safety stock is held where a unit's margin outweighs its holding", () => {
  it("margin 45, unit cost 24, 25 % a year, one review week: 45 / (45 + 24 × 0.25 / 52) ≈ 99.74 %, above class B's 95 %", () => {
    expect(pairServiceLevel(45, 24, 1, "B", DEFAULT_SETTINGS)).toBeCloseTo(45 / (45 + (24 * 0.25) / 52), 12);
  });

  it("holding that outweighs the margin leaves the class's level: margin 1, unit cost 100 at 1,000 % a year", () => {
    const settings = { ...DEFAULT_SETTINGS, holdingCostRate: 10 };
    expect(pairServiceLevel(1, 100, 1, "A", settings)).toBe(0.98);
    expect(pairServiceLevel(1, 100, 1, "C", settings)).toBe(0.9);
  });

  it("no price (no margin) or no margin at all: the class's level", () => {
    expect(pairServiceLevel(null, 10, 1, "A", DEFAULT_SETTINGS)).toBe(0.98);
    expect(pairServiceLevel(0, 10, 1, "B", DEFAULT_SETTINGS)).toBe(0.95);
    expect(pairServiceLevel(-3, 10, 1, "C", DEFAULT_SETTINGS)).toBe(0.9);
  });

  it("free holding (unit cost 0) is capped at 99.9 %, not 100 % (an infinite z)", () => {
    expect(pairServiceLevel(10, 0, 1, "C", DEFAULT_SETTINGS)).toBe(MAX_SERVICE_LEVEL);
  });

  it("a longer order cycle holds less: four weeks of holding per unit", () => {
    const weekly = pairServiceLevel(20, 50, 1, "C", DEFAULT_SETTINGS);
    const monthly = pairServiceLevel(20, 50, 4, "C", DEFAULT_SETTINGS);
    expect(monthly).toBeCloseTo(20 / (20 + (4 * 50 * 0.25) / 52), 12);
    expect(monthly).toBeLessThan(weekly);
  });

  it("property: between the class's level and 99.9 %, rising with the margin, falling with the unit cost and the order cycle", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.constantFrom("A", "B", "C" as const),
        (m, extra, cost, cls) => {
          const s = pairServiceLevel(m, cost, 1, cls, DEFAULT_SETTINGS);
          expect(s).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.serviceLevel[cls]);
          expect(s).toBeLessThanOrEqual(MAX_SERVICE_LEVEL);
          expect(pairServiceLevel(m + extra, cost, 1, cls, DEFAULT_SETTINGS)).toBeGreaterThanOrEqual(s);
          expect(pairServiceLevel(m, cost + extra, 1, cls, DEFAULT_SETTINGS)).toBeLessThanOrEqual(s);
          expect(pairServiceLevel(m, cost, 1 + extra, cls, DEFAULT_SETTINGS)).toBeLessThanOrEqual(s);
        },
      ),
    );
  });

  it("the bulk lane holds it, the air bridge the class's: σ = 40, sea 28 days, air 7, the fixture SKU", () => {
    const s = projectPair(pair(0, 0, {}, 40), D0, 140, SIMPLE);
    expect(s.serviceLevel).toBeCloseTo(10 / (10 + (10 * 0.25) / 52), 12);
    expect(s.safetyStock).toBeCloseTo(BULK_Z * 40 * Math.sqrt(5), 6);
    expect(s.fastSafetyStock).toBeCloseTo(2.053748910631823 * 40 * Math.SQRT2, 6);
  });
});

describe("orderCycleWeeks: the weeks one lot of the bulk lane lasts", () => {
  it("a case pack of 24 at 2 a week lasts 12 weeks; at 70 a week the review week is longer", () => {
    expect(orderCycleWeeks(2, 24, DEFAULT_SETTINGS)).toBe(12);
    expect(orderCycleWeeks(70, 24, DEFAULT_SETTINGS)).toBe(1);
    expect(orderCycleWeeks(70, 24, { ...DEFAULT_SETTINGS, reviewWeeks: 2 })).toBe(2);
  });

  it("no forecast: the review period", () => {
    expect(orderCycleWeeks(0, 24, DEFAULT_SETTINGS)).toBe(1);
  });

  it("a fixed cost's cycle lengthens it when longer than the lot's and the review's", () => {
    expect(orderCycleWeeks(70, 24, DEFAULT_SETTINGS, 5)).toBe(5);
    expect(orderCycleWeeks(2, 24, DEFAULT_SETTINGS, 5)).toBe(12);
  });
  it("a slow class C pair in big case packs holds its sea safety stock at a lower level: 7 a week in packs of 70 = 10 weeks", () => {
    const slow = (casePack?: number) =>
      projectPair(
        pair(0, 0, {
          cls: "C",
          sku: sku("S1", casePack === undefined ? {} : { casePack: casePack as never }),
          forecast: { method: "x", weekly: new Float64Array(30).fill(7), sigma: 4 },
        }),
        D0,
        140,
        SIMPLE,
      );
    expect(slow().serviceLevel).toBeCloseTo(10 / (10 + (10 * 0.25) / 52), 12);
    expect(slow(70).serviceLevel).toBeCloseTo(10 / (10 + (10 * 10 * 0.25) / 52), 12);
    expect(slow(70).safetyStock).toBeLessThan(slow().safetyStock);
  });

  it("the bulk lane's minimum is a lot too: 20 kg of a 0.1 kg item (margin 30) at 7 a week = 200 units, 28.6 weeks", () => {
    const minKg = lanesByWarehouse(
      input({
        warehouses: [wh("W1")],
        lanes: [{ ...lane("W1", "SEA", 28, 1), minKg: 20 as never }, lane("W1", "AIR", 7, 5)],
      }),
    ).get("W1")!.regular;
    const s = projectPair(
      pair(0, 0, {
        cls: "C",
        sku: sku("S1", { weightKg: 0.1 as never, price: 40 as never }),
        regular: minKg,
        forecast: { method: "x", weekly: new Float64Array(30).fill(7), sigma: 4 },
      }),
      D0,
      140,
      SIMPLE,
    );
    expect(s.serviceLevel).toBeCloseTo(30 / (30 + ((200 / 7) * 10 * 0.25) / 52), 12);
  });
});

describe("feeCycleWeeks: how far apart shipments with a fixed cost should be", () => {
  it("√(2K ÷ (h·μ)): a fee of 30, 50 a week, a unit of cost 10 held at 25 % a year → 5 weeks", () => {
    const h = (10 * 0.25) / 52;
    expect(feeCycleWeeks(50, 30, 10, DEFAULT_SETTINGS)).toBeCloseTo(Math.sqrt(60 / (h * 50)), 12);
    expect(feeCycleWeeks(50, 30, 10, DEFAULT_SETTINGS)).toBeCloseTo(5, 1);
  });

  it("at most the horizon; none without a fee, sales or a unit cost", () => {
    expect(feeCycleWeeks(1, 30, 10, DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS.horizonWeeks);
    expect(feeCycleWeeks(1, 30, 10, { ...DEFAULT_SETTINGS, horizonWeeks: 12 })).toBe(12);
    expect(feeCycleWeeks(50, 0, 10, DEFAULT_SETTINGS)).toBe(0);
    expect(feeCycleWeeks(0, 30, 10, DEFAULT_SETTINGS)).toBe(0);
    expect(feeCycleWeeks(50, 30, 0, DEFAULT_SETTINGS)).toBe(0);
  });

  it("grows as the fee grows and shrinks as sales grow", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (fee, weekly) => {
          const s = { ...DEFAULT_SETTINGS, horizonWeeks: 104 };
          expect(feeCycleWeeks(weekly, fee * 2, 10, s)).toBeGreaterThanOrEqual(
            feeCycleWeeks(weekly, fee, 10, s),
          );
          expect(feeCycleWeeks(weekly * 2, fee, 10, s)).toBeLessThanOrEqual(
            feeCycleWeeks(weekly, fee, 10, s),
          );
        },
      ),
    );
  });
});
