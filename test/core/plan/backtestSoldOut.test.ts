import type { SalesRow, Stream, StreamItem } from "../../../src/core/data/model";
import { runBacktest } from "../../../src/core/plan";
import { soldOutDemand } from "../../../src/core/plan/backtest/soldOutDemand";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { salesHistory } from "../../../src/core/plan/salesHistory";
import { streamModelAsOf } from "../../../src/core/plan/streamDemand";
import { addDays } from "../../../src/core/time/day";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, item, lane, sku, stream, wh } from "./fixtures";

/**
 * S1 sells 10 a day at W1 and 100 × (viewers / 5,000)^1.25 units in a weekly stream of 3,000 to
 * 12,000 viewers (30 weeks), and two streams are planned. The stream 4 weeks before D0 had 40,000
 * viewers and sold out after 30 units: `soldOut` says whether its item is marked so.
 */
function seller(soldOut: boolean) {
  const streams: Stream[] = [];
  const items: StreamItem[] = [];
  const sales: SalesRow[] = [...dailySales("S1", "W1", 10, 60)];
  for (let k = 30; k > -2; k--) {
    const date = addDays(D0, -7 * k + 3);
    const id = `L${k}`;
    const big = k === 4;
    const viewers = big ? 40_000 : 3000 + 1500 * (k % 7);
    streams.push(stream(id, "W1", date, viewers, 3));
    if (k <= 0) {
      items.push(item(id, "S1"));
      continue;
    }
    const units = big ? 30 : Math.round(100 * (viewers / 5000) ** 1.25);
    items.push({ ...item(id, "S1", units), ...(big && soldOut ? { soldOut: true } : {}) });
    sales.push({ date, sku: "S1", warehouse: "W1", units: units as Units, streamId: id });
  }
  return input({
    skus: [sku("S1")],
    warehouses: [wh("W1")],
    sales,
    streams,
    streamItems: items,
    lanes: [lane("W1", "SEA", 35, 1), lane("W1", "AIR", 8, 4)],
  });
}

describe("soldOutDemand: what a sold-out stream item would have sold", () => {
  const from = addDays(D0, -7 * 8);
  const data = seller(true);
  const model = streamModelAsOf(data, from);

  it("is the stream model's mean for the audience it really had, less what it sold", () => {
    const [u, ...rest] = soldOutDemand(data, from, D0, 2, model);
    expect(rest).toEqual([]);
    expect(u).toEqual(expect.objectContaining({ sku: "S1", warehouse: "W1", date: addDays(D0, -25) }));
    // 40,000 viewers: about 100 × 8^1.25 ≈ 1,350 units, 30 of them sold.
    expect(u.units).toBeGreaterThan(800);
    expect(u.units).toBeLessThan(2500);
  });

  it("is nothing for items not marked sold out, outside the replay, or without a model", () => {
    expect(soldOutDemand(seller(false), from, D0, 2, model)).toEqual([]);
    expect(soldOutDemand(data, addDays(D0, -14), D0, 2, model)).toEqual([]);
    expect(soldOutDemand(data, from, D0, 2, null)).toEqual([]);
  });
});

describe("the backtest serves a sold-out item's demand, not what stock allowed it to sell", () => {
  const run = (soldOut: boolean) => {
    const data = seller(soldOut);
    const settings = { ...SIMPLE, backtestWeeks: 8 };
    return runBacktest(data, D0, settings, {
      history: salesHistory(data, D0, settings.abcWeeks),
      lanes: lanesByWarehouse(data),
    });
  };

  it("scores the stream day on the demand the mark reveals", () => {
    const marked = run(true)?.planner.fillRateStreamDays as number;
    const unmarked = run(false)?.planner.fillRateStreamDays as number;
    expect(unmarked).toBe(1);
    expect(marked).toBeLessThan(0.9);
  });
});
