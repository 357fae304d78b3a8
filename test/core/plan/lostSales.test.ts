import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { planPairUntil, projectPair, type PairInput } from "../../../src/core/plan/pairPlan";
import { addArrival } from "../../../src/core/plan/projection";
import { addDays, type Day } from "../../../src/core/time/day";
import { D0, SIMPLE, input, lane, sku, wh } from "./fixtures";

const regular = lanesByWarehouse(
  input({ warehouses: [wh("W1")], lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 7, 5)] }),
).get("W1")!.regular;

/** Class A, a flat 10 units a day (σ = 0): safety stock 210 for sea, 0 for an air bridge; sea 28 days, air 7. */
const pair = (onHand: number, more: Partial<PairInput> = {}): PairInput => ({
  sku: sku("S1"),
  warehouse: "W1",
  cls: "A",
  onHand,
  inTransit: [],
  forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 0 },
  streams: [],
  regular,
  ...more,
});

describe("a shortfall no lane can reach is lost sales, not a backlog to ship later", () => {
  it("50 on hand: out on day 5, nothing arrives before day 7; the 20 units short by day 6 are not air-freighted", () => {
    // End-of-day stock 50 − 10(i + 1): −20 on day 6, the last day no lane reaches. Written off, it is 0 there.
    // Air arrives on day 7 and covers the bridge's 0 until sea can arrive (day 28): 0 − (0 − 21 × 10) = 210, not 230.
    const s = projectPair(pair(50), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7, SIMPLE);
    expect(s.stockoutDate).toBe(addDays(D0, 5));
    expect(s.lost).toEqual([{ from: 0, day: 6, units: 20 }]);
    expect(first).toMatchObject({ mode: "AIR", tier: "tier1", restockQty: 210, target: 260 });
    expect(first.arriveBy).toBe(addDays(D0, 7));
    expect(first.reasons.find((r) => r.key === "planReasonLostSales")?.params).toEqual({
      lost: 20,
      date: "2026-03-08",
    });
    expect(s.stock[6]).toBeCloseTo(0, 9);
    for (let u = 7; u < 28; u++) expect(s.stock[u]).toBeGreaterThanOrEqual(-1e-6);
  });

  it("a stream no lane can reach: its units sold out are lost, not shipped after the stream", () => {
    // A class C item (no tier 2 build-up), 100 on hand, a stream on day 3 expecting 500 units: stock −440 on day 3,
    // −470 on day 6. Without the write-off, the air shipment would carry the stream's 430 missing units too.
    const streams = [{ streamId: "L1", date: addDays(D0, 3) as Day, mean: 500, p90: 600 }];
    const s = projectPair(pair(100, { cls: "C", streams }), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7, SIMPLE);
    expect(s.lost).toEqual([{ from: 0, day: 6, units: 470 }]);
    // Air covers the days until sea lands (day 28): 0 − (0 − 21 × 10) = 210.
    expect(first).toMatchObject({ mode: "AIR", restockQty: 210 });
  });

  it("stock that arrives before the shortfall serves demand the write-off had counted lost (an emergency)", () => {
    const s = projectPair(pair(50), D0, 140, SIMPLE);
    planPairUntil(s, 7, SIMPLE);
    const after = s.stock[10];
    // 15 units on day 3: the shortfall by day 6 is 5, and stock from day 6 on is unchanged (still 0 on day 6).
    addArrival(s, 3, 15);
    expect(s.lost[0].units).toBeCloseTo(5, 9);
    expect(s.stock[5]).toBeCloseTo(5, 9);
    expect(s.stock[6]).toBeCloseTo(0, 9);
    expect(s.stock[10]).toBeCloseTo(after, 9);
    // 100 more: nothing is lost; by day 6, 50 + 115 − 70 = 95 are left.
    addArrival(s, 3, 100);
    expect(s.lost[0].units).toBe(0);
    expect(s.stock[6]).toBeCloseTo(95, 9);
  });

  it("stock taken out before the shortfall (a transfer) deepens it: stock never goes below 0 after the write-off", () => {
    const s = projectPair(pair(50), D0, 140, SIMPLE);
    planPairUntil(s, 7, SIMPLE);
    addArrival(s, 2, -10);
    expect(s.lost[0].units).toBeCloseTo(30, 9);
    expect(s.stock[6]).toBeCloseTo(0, 9);
  });

  it("no write-off when stock lasts until a lane arrives", () => {
    const s = projectPair(pair(400), D0, 140, SIMPLE);
    const lines = planPairUntil(s, 7 * 8, SIMPLE);
    expect(s.lost).toEqual([]);
    for (const l of lines) expect(l.reasons.map((r) => r.key)).not.toContain("planReasonLostSales");
  });
});

describe("backorders at the plan date are still owed", () => {
  it("−30 on hand: only the 70 units of new demand by day 6 are lost; the 30 back-ordered units are shipped", () => {
    // End-of-day stock −30 − 10(i + 1): −100 on day 6. The floor is −30: 70 written off, stock −30 on day 6.
    // Air covers the bridge's 0 until day 27: 0 − (−30 − 210) = 240.
    const s = projectPair(pair(-30), D0, 140, SIMPLE);
    const [first] = planPairUntil(s, 7, SIMPLE);
    expect(s.lost).toEqual([{ from: 0, day: 6, units: 70 }]);
    expect(s.stock[6]).toBeCloseTo(-30, 9);
    expect(first).toMatchObject({ mode: "AIR", restockQty: 240 });
  });
});
