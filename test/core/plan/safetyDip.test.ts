import fc from "fast-check";
import type { AbcClass } from "../../../src/core/data/model";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { planPairUntil, projectPair, type PairInput } from "../../../src/core/plan/pairPlan";
import { requiredAt } from "../../../src/core/plan/projection";
import { addDays, type Day } from "../../../src/core/time/day";
import { BULK_Z, D0, SIMPLE, input, lane, sku, wh } from "./fixtures";

const regular = (seaDays: number, airDays = 7) =>
  lanesByWarehouse(
    input({ warehouses: [wh("W1")], lanes: [lane("W1", "SEA", seaDays, 1), lane("W1", "AIR", airDays, 5)] }),
  ).get("W1")!.regular;

/**
 * A pair selling a flat 10 units a day (70 a week) with a one-step error σ = 40: the sea safety stock is
 * 2.591·40·√5 ≈ 231.7 units at the SKU's 99.52 % (more than class A's 3 weeks = 210), and the class's
 * z(98 %)·40·√2 ≈ 116.2 for an air bridge (7 + 7 days).
 */
function pair(
  onHand: number,
  seaDays: number,
  more: Partial<PairInput> = {},
  cls: AbcClass = "A",
): PairInput {
  return {
    sku: sku("S1"),
    warehouse: "W1",
    cls,
    onHand,
    inTransit: [],
    forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 40 },
    streams: [],
    regular: regular(seaDays),
    ...more,
  };
}

const keys = (l: { reasons: readonly { key: string }[] }) => l.reasons.map((r) => r.key);

describe("tier 1: safety stock absorbs a dip that sea refills before any stock-out", () => {
  it("300 on hand, sea 28 days: below the bridge's 116 on day 18, sea shipped now arrives on day 28 at 20 left → SEA", () => {
    // End-of-day stock is 300 − 10(i + 1): 110 < 116.2 on day 18; 20 on day 27, the eve of sea's arrival.
    // Air (7 days) arrives by day 18, but stock never runs out before sea can arrive, so no air freight.
    const s = projectPair(pair(300, 28), D0, 140, SIMPLE);
    expect(s.fastSafetyStock).toBeCloseTo(2.053748910631823 * 40 * Math.SQRT2, 6);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines.every((l) => l.mode === "SEA")).toBe(true);
    const [first] = lines;
    expect(first).toMatchObject({ tier: "tier1", mode: "SEA", late: true });
    expect(first.needBy).toBe(addDays(D0, 18));
    expect(first.shipBy).toBe(D0);
    expect(first.arriveBy).toBe(addDays(D0, 28));
    // Covers the required 231.7 for a review week from its arrival: ⌈231.7 − (300 − 350)⌉ on day 34 = 282.
    expect(first.restockQty).toBe(282);
    expect(first.target).toBeCloseTo(350 + 231.747, 2);
    // The reasons name the level each safety stock is held at: the bridge's at the class's 98 %, sea's
    // raised from it to 99.5 %.
    expect(first.reasons.find((r) => r.key === "planReasonTier1Fast")?.params).toMatchObject({
      ss: 116,
      service: 98,
    });
    const bulk = lines.flatMap((l) => l.reasons).find((r) => r.key === "planReasonTier1");
    expect(bulk?.params).toMatchObject({ ss: 232, service: 99.5, classService: 98 });
    const dip = first.reasons.find((r) => r.key === "planReasonSafetyDip");
    expect(dip?.params).toMatchObject({
      mode: "SEA",
      fast: "AIR",
      need: "2026-03-20",
      arrive: "2026-03-30",
      low: 20,
      lowDate: "2026-03-29",
      lead: 28,
    });
    // The next deficit is the everyday sea cycle: 200 < 210 on day 35, shipped at 35 − 28.
    expect(lines[1].needBy).toBe(addDays(D0, 35));
    expect(lines[1].shipBy).toBe(addDays(D0, 7));
    expect(keys(lines[1])).toContain("planReasonOnTime");
    for (let u = 0; u < 140 - 35; u++) expect(s.stock[u]).toBeGreaterThanOrEqual(0);
    for (let u = 28; u < 35; u++) expect(s.stock[u]).toBeGreaterThanOrEqual(210 - 1e-6);
  });

  it.each([
    // Sea 42 days. 420 on hand: end-of-day stock on day 41 is exactly 0 — it dips but never runs out → SEA.
    [420, "SEA", "planReasonSafetyDip", 30],
    // 410 on hand: stock runs out on day 41, the day before sea could arrive → AIR by the need day.
    [410, "AIR", "planReasonOnTime", 29],
  ] as const)("the boundary: %d on hand with sea 42 days goes by %s", (onHand, mode, reason, need) => {
    const s = projectPair(pair(onHand, 42), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7 * 8, SIMPLE);
    expect(first.mode).toBe(mode);
    expect(first.tier).toBe("tier1");
    expect(keys(first)).toContain(reason);
    expect(first.needBy).toBe(addDays(D0, need));
  });

  it("a projected stock-out before sea can arrive still goes by AIR, arriving before the stock-out", () => {
    // 300 on hand, sea 42 days: below 116 on day 18, out on day 30. Air (7 days) by day 18, shipped on day 11.
    const s = projectPair(pair(300, 42), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7 * 8, SIMPLE);
    expect(first).toMatchObject({ tier: "tier1", mode: "AIR", late: false });
    expect(first.shipBy).toBe(addDays(D0, 11));
    expect(first.arriveBy).toBe(addDays(D0, 18));
    expect(s.stockoutDate).toBe(addDays(D0, 30));
    expect(keys(first)).not.toContain("planReasonSafetyDip");
    for (let u = 0; u < 42; u++) expect(s.stock[u]).toBeGreaterThanOrEqual(0);
  });

  it("a lane's spread is held as sea safety stock, not as days shipped early", () => {
    // Sea 42 ± 5 days: SS = z·√(P·σ² + μ²·σ_L²) = 2.591 × √(7 × 40² + 70² × (5/7)²) ≈ 303.3 (more than 3 weeks),
    // and sea ships at need − 42, not ⌈z·5⌉ = 13 days earlier.
    const spread = lanesByWarehouse(
      input({
        warehouses: [wh("W1")],
        lanes: [{ ...lane("W1", "SEA", 42, 1), leadSdDays: 5 as never }, lane("W1", "AIR", 7, 5)],
      }),
    ).get("W1")!.regular;
    const s = projectPair(pair(1000, 42, { regular: spread }), D0, 140, SIMPLE);
    expect(s.safetyStock).toBeCloseTo(BULK_Z * Math.sqrt(7 * 1600 + 2500), 6);
    const sea = planPairUntil(s, 7 * 8, SIMPLE).filter((l) => l.mode === "SEA");
    expect(sea.length).toBeGreaterThan(0);
    for (const l of sea) expect((l.needBy as Day) - (l.shipBy as Day)).toBe(42);
  });

  it("a stream's eve inside the dip still gets its pre-stream air top-up", () => {
    // Sea 42 days, 500 on hand: dip from day 38 (stock 110), sea shipped now arrives on day 42 (70 left the
    // day before) → SEA. A stream on day 40 (P90 500) needs 500 + 70 on top of air's own safety stock
    // (2.054 × 40 × √2 ≈ 116.2) at the end of day 39, where 100 are left: that eve is no dip safety stock
    // covers, so air arrives by day 39 with ⌈586.2⌉ = 587 units.
    const streams = [{ streamId: "L1", date: addDays(D0, 40) as Day, mean: 10, p90: 500 }];
    const s = projectPair(pair(500, 42, { streams }), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines[0]).toMatchObject({ tier: "tier1", mode: "SEA", shipBy: D0 });
    expect(keys(lines[0])).toContain("planReasonSafetyDip");
    expect(lines[1]).toMatchObject({ tier: "tier2", mode: "AIR", restockQty: 587 });
    expect(lines[1].needBy).toBe(addDays(D0, 39));
    expect(lines[1].shipBy).toBe(addDays(D0, 32));
    expect(s.stock[39]).toBeGreaterThanOrEqual(requiredAt(s, 39) - 1e-6);
  });

  it("a pre-stream (tier 2) need sea cannot reach still goes by air, even though stock would not run out", () => {
    // 600 on hand: never out before sea (day 28), but the stream on day 20 needs 570 at the end of day 19.
    const big = [{ streamId: "L1", date: addDays(D0, 20) as Day, mean: 300, p90: 500 }];
    const s = projectPair(pair(600, 28, { streams: big }), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7 * 8, SIMPLE);
    expect(first).toMatchObject({ tier: "tier2", mode: "AIR" });
    expect(keys(first)).not.toContain("planReasonSafetyDip");
  });

  it("a supplier closure on the order day: sea is ordered on the last day before it, not by air", () => {
    // 600 on hand: below 210 on day 39. Sea ordered on day 11 (39 − 28) falls in a closure (days 5–20, +30
    // days); ordered on day 4, before the closure, it arrives on day 32.
    const supplyDelay = (d: Day) => (d - D0 >= 5 && d - D0 <= 20 ? 30 : 0);
    const s = projectPair(pair(600, 28, { supplyDelay }), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7 * 8, SIMPLE);
    expect(first).toMatchObject({
      tier: "tier1",
      mode: "SEA",
      shipBy: addDays(D0, 4),
      arriveBy: addDays(D0, 32),
    });
    expect(keys(first)).toContain("planReasonOnTime");
  });

  it("property: a flat-demand pair whose stock lasts until sea can arrive never pays for air", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 2, max: 70 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom<AbcClass>("A", "B", "C"),
        (onHand, perDay, seaDays, airDays, cls) => {
          fc.pre(airDays < seaDays && onHand >= perDay * seaDays);
          const p = pair(
            onHand,
            seaDays,
            {
              forecast: { method: "Constant", weekly: new Float64Array(30).fill(7 * perDay), sigma: 0 },
              regular: regular(seaDays, airDays),
            },
            cls,
          );
          const s = projectPair(p, D0, 210, SIMPLE);
          const lines = planPairUntil(s, 7 * 8, SIMPLE);
          for (const l of lines) expect(l.mode).toBe("SEA");
        },
      ),
      { numRuns: 200 },
    );
  });
});
