import { runBacktest } from "../../../src/core/plan";
import { replayedInTransit, replayedLateness } from "../../../src/core/plan/backtest/replayedTransit";
import { addDays } from "../../../src/core/time/day";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { salesHistory } from "../../../src/core/plan/salesHistory";
import type { Days } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, lane, sku, wh } from "./fixtures";

describe("replayedLateness: the lane's stated spread, drawn per lane and departure day", () => {
  const sea = { ...lane("W1", "SEA", 30, 1), leadSdDays: 5 as Days };
  const draws = Array.from({ length: 4000 }, (_, d) => replayedLateness(sea, 0, 20_000 + d));

  it("is 0 for a lane that states no spread", () => {
    expect(replayedLateness(lane("W1", "SEA", 30, 1), 0, 20_000)).toBe(0);
  });

  it("is the same for the same lane row and day, and differs between lanes", () => {
    expect(replayedLateness(sea, 0, 20_123)).toBe(draws[123]);
    const other = Array.from({ length: 50 }, (_, d) => replayedLateness(sea, 1, 20_000 + d));
    expect(other).not.toEqual(draws.slice(0, 50));
  });

  it("has about the stated standard deviation and no bias", () => {
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(Math.abs(mean)).toBeLessThan(0.3);
    expect(sd).toBeGreaterThan(4.7);
    expect(sd).toBeLessThan(5.3);
  });
});

describe("the backtest lands shipments with their lane's stated spread", () => {
  // 1 unit a day, sea 7 days; no buffer (naive_weeks 0): the naive policy orders up to
  // (7 days + 1 review week) of sales. Shipments landing on their stated day keep every day in
  // stock; with a spread of 4 days some land late and days go short.
  const data = (sd: number) =>
    input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      sales: dailySales("S1", "W1", 1),
      lanes: [{ ...lane("W1", "SEA", 7, 1), ...(sd > 0 ? { leadSdDays: sd as Days } : {}) }],
    });
  const run = (sd: number) => {
    const d = data(sd);
    return runBacktest(
      d,
      D0,
      { ...SIMPLE, backtestWeeks: 8, naiveWeeks: 0 },
      {
        history: salesHistory(d, D0),
        lanes: lanesByWarehouse(d),
      },
    );
  };

  it("loses sales that shipments on their stated day would not have", () => {
    expect(run(0)?.naive.fillRate).toBe(1);
    expect(run(4)?.naive.fillRate).toBeLessThan(1);
    expect(run(4)?.naive.stockoutDays).toBeGreaterThan(0);
  });

  it("gives the same figures every time it runs", () => {
    expect(run(4)).toEqual(run(4));
  });
});

describe("replayedInTransit: the replay's shipments as its plan sees them", () => {
  it("on their stated day, with their mode, so the plan tells its own air from sea; the starting pipeline keeps none", () => {
    expect(
      replayedInTransit(
        [
          { qty: 100, eta: 5, stated: 3, mode: "AIR" },
          { qty: 50, eta: 12, stated: 9 },
        ],
        D0,
      ),
    ).toEqual([
      { qty: 100, eta: addDays(D0, 3), mode: "AIR" },
      { qty: 50, eta: addDays(D0, 9) },
    ]);
  });
});
