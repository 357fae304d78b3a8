import type { SalesRow, Stream, StreamItem } from "../../../src/core/data/model";
import { runBacktest } from "../../../src/core/plan";
import type { BacktestShipment } from "../../../src/core/plan/backtest";
import { announcementDays } from "../../../src/core/plan/backtest/announcedStreams";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { salesHistory } from "../../../src/core/plan/salesHistory";
import { addDays } from "../../../src/core/time/day";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, item, lane, sku, stream, wh } from "./fixtures";

const planDate = D0;

/** W1 streams every 7 days for 30 weeks before the plan date, and `planned` more after it, 7 days apart from day 3; each sells 120 units of its one featured SKU. */
function streamsOf(planned: number): { streams: Stream[]; items: StreamItem[]; sales: SalesRow[] } {
  const streams: Stream[] = [];
  const items: StreamItem[] = [];
  const sales: SalesRow[] = [];
  for (let k = 30; k > -planned; k--) {
    const date = addDays(planDate, -7 * k + 3);
    const id = `L${k}`;
    streams.push(stream(id, "W1", date, 6000, 3));
    // S1 is featured every other week, S2 in the others.
    const featured = k % 2 === 0 ? "S1" : "S2";
    if (k <= 0) {
      items.push(item(id, featured));
      continue;
    }
    items.push(item(id, featured, 120));
    sales.push({ date, sku: featured, warehouse: "W1", units: 120 as Units, streamId: id });
  }
  return { streams, items, sales };
}

describe("announcementDays: how far ahead a seller's streams are known", () => {
  it("is planned streams ÷ streams a day, at most the last planned one's distance", () => {
    // 26 weeks of weekly streams before the plan date: 1/7 a day; 4 planned, the last 24 days ahead.
    expect(announcementDays(streamsOf(4).streams, planDate).get("W1")).toBe(24);
    // 6 planned up to 38 days ahead: 6 ÷ (1/7) = 42, capped at 38.
    expect(announcementDays(streamsOf(6).streams, planDate).get("W1")).toBe(38);
  });

  it("counts a special stream as one more planned: a seller who announces 2 weekly streams and a big one", () => {
    const { streams } = streamsOf(2);
    const big = stream("BIG", "W1", addDays(planDate, 30), 50000, 3);
    // 3 ÷ (1/7) = 21, below the big stream's 30 days.
    expect(announcementDays([...streams, big], planDate).get("W1")).toBe(21);
  });

  it("is 0 for a warehouse with nothing planned, and the last planned one's distance with no past streams", () => {
    expect(announcementDays(streamsOf(0).streams, planDate).get("W1")).toBe(0);
    expect(announcementDays([stream("X", "W2", addDays(planDate, 12), 5000, 3)], planDate).get("W2")).toBe(
      12,
    );
  });
});

describe("the backtest knows a replayed stream only as far ahead as the seller announces streams", () => {
  // Sea 35 days, air 8. Each week's stream features S1 or S2 in turn (120 units). Known 31 days ahead,
  // a stream is planned for itself; known 3 days ahead, it is foreseen only by the cadence
  // (1 stream a week × ½ × 120 units), as the plan foresees streams not yet announced.
  const run = (planned: number) => {
    const { streams, items, sales } = streamsOf(planned);
    const data = input({
      skus: [sku("S1"), sku("S2")],
      warehouses: [wh("W1")],
      sales: [...dailySales("S1", "W1", 10, 60), ...dailySales("S2", "W1", 10, 60), ...sales],
      streams,
      streamItems: items,
      lanes: [lane("W1", "SEA", 35, 1), lane("W1", "AIR", 8, 4)],
    });
    const shipped: BacktestShipment[] = [];
    const settings = { ...SIMPLE, backtestWeeks: 12 };
    const result = runBacktest(
      data,
      planDate,
      settings,
      { history: salesHistory(data, planDate, settings.abcWeeks), lanes: lanesByWarehouse(data) },
      (s) => shipped.push(s),
    );
    const units = (mode: string) =>
      shipped.filter((s) => s.policy === "planner" && s.mode === mode).reduce((a, s) => a + s.qty, 0);
    return { result, shipped, air: units("AIR"), sea: units("SEA") };
  };
  const late = run(1);
  const early = run(5);

  it("decides differently when the seller announces its streams 3 days ahead than 31", () => {
    expect(late.shipped.length).toBeGreaterThan(0);
    expect(late.shipped).not.toEqual(early.shipped);
  });

  it("ships about the same in all: the cadence stands for the streams not yet known (without it, 12 % less)", () => {
    const total = (x: typeof late) => x.air + x.sea;
    expect(Math.abs(total(late) - total(early))).toBeLessThan(0.05 * total(early));
  });
});
