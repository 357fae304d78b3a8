import fc from "fast-check";
import type { AbcClass } from "../../../src/core/data/model";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { planPairUntil, projectPair, requiredAt, type PairInput } from "../../../src/core/plan/pairPlan";
import { addDays, type Day } from "../../../src/core/time/day";
import { D0, SIMPLE, input, lane, sku, wh } from "./fixtures";

const regular = (seaDays: number, airDays = 7) =>
  lanesByWarehouse(
    input({ warehouses: [wh("W1")], lanes: [lane("W1", "SEA", seaDays, 1), lane("W1", "AIR", airDays, 5)] }),
  ).get("W1")!.regular;

/** A pair selling a flat 10 units a day (70 a week, σ = 0): class A safety stock is 3 weeks = 210 units. */
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
    forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 0 },
    streams: [],
    regular: regular(seaDays),
    ...more,
  };
}

const keys = (l: { reasons: readonly { key: string }[] }) => l.reasons.map((r) => r.key);

describe("tier 1: safety stock absorbs a dip that sea refills before any stock-out", () => {
  it("400 on hand, sea 28 days: stock dips below 210 on day 19, sea shipped now arrives on day 28 at 120 left → SEA", () => {
    // End-of-day stock is 400 − 10(i + 1): 200 < 210 on day 19; 120 on day 27, the eve of sea's arrival.
    // Air (7 days) arrives by day 19, but stock never runs out before sea can arrive, so no air freight.
    const s = projectPair(pair(400, 28), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines.every((l) => l.mode === "SEA")).toBe(true);
    const [first] = lines;
    expect(first).toMatchObject({ tier: "tier1", mode: "SEA", late: true });
    expect(first.needBy).toBe(addDays(D0, 19));
    expect(first.shipBy).toBe(D0);
    expect(first.arriveBy).toBe(addDays(D0, 28));
    // Covers the required 210 for a review week from its arrival: 210 − (400 − 350) on day 34 = 160.
    expect(first.restockQty).toBe(160);
    expect(first.target).toBe(560);
    const dip = first.reasons.find((r) => r.key === "planReasonSafetyDip");
    expect(dip?.params).toMatchObject({
      mode: "SEA",
      fast: "AIR",
      need: "2026-03-21",
      arrive: "2026-03-30",
      low: 120,
      lowDate: "2026-03-29",
      margin: 0,
      lead: 28,
    });
    // The next deficit is the everyday sea cycle: day 35, shipped at 35 − 28.
    expect(lines[1].needBy).toBe(addDays(D0, 35));
    expect(lines[1].shipBy).toBe(addDays(D0, 7));
    expect(keys(lines[1])).toContain("planReasonOnTime");
    for (let u = 0; u < 140 - 35; u++) expect(s.stock[u]).toBeGreaterThanOrEqual(0);
    for (let u = 28; u < 35; u++) expect(s.stock[u]).toBeGreaterThanOrEqual(210 - 1e-6);
  });

  it.each([
    // Sea 42 days. 420 on hand: end-of-day stock on day 41 is exactly 0 — it dips but never runs out → SEA.
    [420, "SEA", "planReasonSafetyDip"],
    // 410 on hand: stock runs out on day 41, the day before sea could arrive → AIR by the need day.
    [410, "AIR", "planReasonOnTime"],
  ] as const)("the boundary: %d on hand with sea 42 days goes by %s", (onHand, mode, reason) => {
    const s = projectPair(pair(onHand, 42), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7 * 8, SIMPLE);
    expect(first.mode).toBe(mode);
    expect(first.tier).toBe("tier1");
    expect(keys(first)).toContain(reason);
    expect(first.needBy).toBe(addDays(D0, onHand === 420 ? 21 : 20));
  });

  it("a projected stock-out before sea can arrive still goes by AIR, arriving before the stock-out", () => {
    // 300 on hand, sea 42 days: below 210 on day 9, out on day 30. Air (7 days) by day 9, shipped on day 2.
    const s = projectPair(pair(300, 42), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7, SIMPLE);
    expect(first).toMatchObject({ tier: "tier1", mode: "AIR", late: false });
    expect(first.shipBy).toBe(addDays(D0, 2));
    expect(first.arriveBy).toBe(addDays(D0, 9));
    expect(s.stockoutDate).toBe(addDays(D0, 30));
    expect(keys(first)).not.toContain("planReasonSafetyDip");
    for (let u = 0; u < 42; u++) expect(s.stock[u]).toBeGreaterThanOrEqual(0);
  });

  it("a lane spread counts: sea must arrive by lead + margin days before the stock runs out", () => {
    // Sea 42 ± 5 days at A's 98% (z = 2.054): margin ⌈10.27⌉ = 11, so sea counts as arriving on day 53.
    // 500 on hand is out on day 50 (end-of-day −10): before day 53, so air.
    const spread = lanesByWarehouse(
      input({
        warehouses: [wh("W1")],
        lanes: [{ ...lane("W1", "SEA", 42, 1), leadSdDays: 5 as never }, lane("W1", "AIR", 7, 5)],
      }),
    ).get("W1")!.regular;
    const s = projectPair(pair(500, 42, { regular: spread }), D0, 140, SIMPLE);
    expect(planPairUntil(s, 7 * 8, SIMPLE)[0].mode).toBe("AIR");
    const roomy = projectPair(pair(540, 42, { regular: spread }), D0, 140, SIMPLE);
    const [first] = planPairUntil(roomy, 7 * 8, SIMPLE);
    expect(first.mode).toBe("SEA");
    expect(first.reasons.find((r) => r.key === "planReasonSafetyDip")?.params).toMatchObject({ margin: 11 });
  });

  it("a stream's tier 2 window inside the dip still gets its pre-stream air top-up", () => {
    // Sea 42 days, 500 on hand: tier 1 dip from day 29 (stock 200), sea shipped now arrives on day 42 (80 left
    // the day before) → SEA. A stream on day 45 raises the level to 5 weeks = 350 from day 31 to 44: that window
    // is no dip safety stock covers, so air arrives by day 31 with 350 − 80 = 270 units.
    const streams = [{ streamId: "L1", date: addDays(D0, 45) as Day, mean: 10, p90: 20 }];
    const s = projectPair(pair(500, 42, { streams }), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(lines[0]).toMatchObject({ tier: "tier1", mode: "SEA", shipBy: D0 });
    expect(keys(lines[0])).toContain("planReasonSafetyDip");
    expect(lines[1]).toMatchObject({ tier: "tier2", mode: "AIR", restockQty: 270 });
    expect(lines[1].needBy).toBe(addDays(D0, 31));
    expect(lines[1].shipBy).toBe(addDays(D0, 24));
    for (let u = 31; u < 45; u++) expect(s.stock[u]).toBeGreaterThanOrEqual(requiredAt(s, u, 14) - 1e-6);
  });

  it("a pre-stream (tier 2) need sea cannot reach still goes by air, even though stock would not run out", () => {
    // 600 on hand: never out before sea (day 28), but the stream on day 20 needs 710 from day 6.
    const big = [{ streamId: "L1", date: addDays(D0, 20) as Day, mean: 300, p90: 500 }];
    const s = projectPair(pair(600, 28, { streams: big }), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7, SIMPLE);
    expect(first).toMatchObject({ tier: "tier2", mode: "AIR" });
    expect(keys(first)).not.toContain("planReasonSafetyDip");
  });

  it("ordering sea now beats a supplier closure that ordering at need − lead would hit", () => {
    // 600 on hand: below 210 on day 39. Sea ordered on day 11 (39 − 28) falls in a closure (days 5–20, +30
    // days), so only air arrives by day 39 that way; ordered now, sea arrives on day 28.
    const supplyDelay = (d: Day) => (d - D0 >= 5 && d - D0 <= 20 ? 30 : 0);
    const s = projectPair(pair(600, 28, { supplyDelay }), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7 * 8, SIMPLE);
    expect(first).toMatchObject({ tier: "tier1", mode: "SEA", shipBy: D0, arriveBy: addDays(D0, 28) });
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
