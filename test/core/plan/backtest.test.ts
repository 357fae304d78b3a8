import { summaryLines } from "../../../src/cli/print";
import { planSheets, runBacktest, runPlan, type PolicyResult } from "../../../src/core/plan";
import type { BacktestShipment } from "../../../src/core/plan/backtest/runBacktest";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { salesHistory } from "../../../src/core/plan/salesHistory";
import { addDays } from "../../../src/core/time/day";
import type { Money, Units } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, lane, sku, wh } from "./fixtures";

describe("backtest", () => {
  /*
   * One SKU (class A, unit cost 10), one warehouse, 1 unit sold every day, sea lead 7 days at 1 a unit;
   * replay 2 weeks. Both policies start with 3 weeks of average sales on hand (21) and one week's sales (7)
   * arriving on day 0.
   *
   * Naive (order up to (1 week sea + 1 review + 3) × 7 = 35 by sea): week 1 position 21 + 7 = 28, orders 7
   * (arrives day 7); ends with 21 + 7 − 7 = 21. Week 2: position 21 + 7 = 28, orders 7 again; ends with 21.
   * Fill 100 %, cover 21 ÷ 7 = 3 weeks, stock at cost 210, freight 14 by sea.
   *
   * LiveStock (SES of a flat 7 → 7/week, σ = 0 → safety stock = 3 weeks = 21): week 1 the projection
   * 28 − (i + 1) falls below 21 on day 7; sea arrives in time if shipped on day 0; it covers days 7…13,
   * so the order is 21 − (28 − 14) = 7. A lot covers one week (no fee), so the plan places next week's
   * lot of 7 a review ahead, on day 0 too: 14 shipped. Week 2 orders the lot of week 3, 7 more. Stock
   * ends week 1 at 21 and week 2 at 28 (the day-7 arrival of 14): cover 24.5 ÷ 7 = 3.5 weeks, stock at
   * cost 245; freight 21 × 1 = 21; fill 100 %.
   */
  const data = input({
    skus: [sku("S1")],
    warehouses: [wh("W1")],
    sales: dailySales("S1", "W1", 1),
    lanes: [lane("W1", "SEA", 7, 1)],
  });
  const settings = { ...SIMPLE, backtestWeeks: 2 };
  const history = salesHistory(data, D0);
  const context = { history, lanes: lanesByWarehouse(data) };
  const result = runBacktest(data, D0, settings, context);

  it("replays the weeks before the plan date", () => {
    expect(result?.fromWeek).toBe(addDays(D0, -14));
    expect(result?.weeks).toBe(2);
    expect([result?.pairs, result?.pairsWithSales]).toEqual([1, 1]);
  });

  it("naive policy: 7 a week by sea, cover 3 weeks", () => {
    expect(result?.naive).toEqual({
      fillRateStreamDays: null,
      fillRateOtherDays: 1,
      fillRate: 1,
      stockoutDays: 0,
      avgWeeksOfCover: 3,
      avgStockValue: 210,
      freightCost: 14,
      freightByMode: { SEA: 14 },
      unitsShipped: 14,
    });
  });

  it("LiveStock policy: 7 a week by sea, a week ahead, cover 3.5 weeks", () => {
    expect(result?.planner).toEqual({
      fillRateStreamDays: null,
      fillRateOtherDays: 1,
      fillRate: 1,
      stockoutDays: 0,
      avgWeeksOfCover: 3.5,
      avgStockValue: 245,
      freightCost: 21,
      freightByMode: { SEA: 21 },
      unitsShipped: 21,
    });
  });

  it("both policies pay the sea lane's fixed cost per shipment and ship at least its minimum, as the carrier charges them", () => {
    const fees = input({
      ...data,
      lanes: [{ ...lane("W1", "SEA", 7, 1), minUnits: 20 as Units, fixedCost: 5 as Money }],
    });
    const shipments: BacktestShipment[] = [];
    const r = runBacktest(
      fees,
      D0,
      { ...settings, backtestWeeks: 6 },
      { history: salesHistory(fees, D0), lanes: lanesByWarehouse(fees) },
      (s) => shipments.push(s),
    );
    for (const policy of ["planner", "naive"] as const) {
      const own = shipments.filter((s) => s.policy === policy);
      expect(own.length).toBeGreaterThan(0);
      for (const s of own) expect(s.qty).toBeGreaterThanOrEqual(20);
      expect(r?.[policy].freightCost).toBeCloseTo(
        own.reduce((a, s) => a + 5 + s.qty * 1, 0),
        9,
      );
    }
    // The plan's fee cycle: a fee of 5 at 7 a week, a unit costing 10 → lots of about 5.5 weeks
    // (38 units; the replay's projection reaches that far), so fewer shipments.
    const count = (policy: string) => shipments.filter((s) => s.policy === policy).length;
    expect(count("planner")).toBeLessThan(count("naive"));
    expect(
      Math.max(...shipments.filter((s) => s.policy === "planner").map((s) => s.qty)),
    ).toBeGreaterThanOrEqual(38);
  });

  it("counts lost sales: with a 28-day lead and a demand jump the naive policy stocks out", () => {
    const jump = input({
      ...data,
      sales: [
        ...dailySales("S1", "W1", 1, 52).filter((r) => r.date < addDays(D0, -14)),
        ...dailySales("S1", "W1", 5, 2),
      ],
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    const r = runBacktest(jump, D0, settings, {
      ...context,
      history: salesHistory(jump, D0),
      lanes: lanesByWarehouse(jump),
    });
    // Start 21 on hand + 7 arriving on days 0, 7, 14, 21 (four weeks of pipeline); demand 5 a day = 70.
    // Days 0–4 serve 25 (28 → 3), day 5 serves 3, day 6 nothing; day 7 gets 7: serves 5, day 8 the last 2,
    // days 9–13 nothing. Served 35 of 70; short on days 5, 6, 8–13 = 8 days. Orders (target (4 weeks sea
    // + 1 + 3) × the 8-week average): week 1, 8 × 7 = 56 − position 49 → 7; week 2, 8 × (7·7 + 35)/8 = 84
    // − position 0 + 28 → 56. Both arrive after the replay (days 28 and 35).
    expect(r?.naive.fillRate).toBeCloseTo(35 / 70, 9);
    expect(r?.naive.stockoutDays).toBe(8);
    expect(r?.naive.unitsShipped).toBe(7 + 56);
  });
});

describe("backtest on a sample of pairs", () => {
  // Five identical SKUs: a sample of two (the top one, and one standing for the other four) must give
  // the same figures as replaying all five.
  const skus = ["S1", "S2", "S3", "S4", "S5"];
  const data = input({
    skus: skus.map((s) => sku(s)),
    warehouses: [wh("W1")],
    sales: skus.flatMap((s) => dailySales(s, "W1", 1)),
    lanes: [lane("W1", "SEA", 7, 1)],
  });
  const history = salesHistory(data, D0);
  const context = { history, lanes: lanesByWarehouse(data) };
  const all = runBacktest(data, D0, { ...SIMPLE, backtestWeeks: 2, backtestPairs: 5 }, context);
  const sampled = runBacktest(data, D0, { ...SIMPLE, backtestWeeks: 2, backtestPairs: 2 }, context);

  it("replays 2 of 5 pairs and weights them to stand for all", () => {
    expect([all?.pairs, sampled?.pairs, sampled?.pairsWithSales]).toEqual([5, 2, 5]);
    expect(sampled?.planner).toEqual(all?.planner);
    expect(sampled?.naive).toEqual(all?.naive);
    expect(all?.planner.freightCost).toBe(5 * 21);
  });
});

describe("the backtest on LS Backtest and in the CLI summary", () => {
  // The first case above, through runPlan. The naive policy ships 7 a week by sea and holds 3 weeks
  // (210 at cost). The plan also sees the Chinese New Year closure of the suppliers (2026-02-10 to
  // 03-10, in the replay), so its figures are its own: the sheet and the summary must show them.
  const data = input({
    skus: [sku("S1")],
    warehouses: [wh("W1")],
    sales: dailySales("S1", "W1", 1),
    lanes: [lane("W1", "SEA", 7, 1)],
  });
  const plan = runPlan(data, D0, { ...SIMPLE, backtestWeeks: 2 });
  const p = plan.backtest?.planner as PolicyResult;
  const rows = (lang: "en" | "zh-CN") =>
    planSheets(plan, lang).find((s) => s.name === "LS Backtest")?.rows ?? [];

  it("has a row per figure for both policies, freight by mode included, in English and Chinese", () => {
    expect(rows("en")).toEqual(
      expect.arrayContaining([
        ["Fill rate, all days", 1, 1],
        ["Fill rate on stream days", null, null],
        ["Average weeks of cover", p.avgWeeksOfCover, 3],
        ["Average stock held, at unit cost", p.avgStockValue, 210],
        ["Freight cost, all modes", p.freightCost, 14],
        ["Freight cost by SEA", p.freightByMode.SEA, 14],
        ["Freight cost by AIR", 0, 0],
        ["Freight cost by EXPRESS", 0, 0],
        ["Freight cost by TRANSFER", 0, 0],
      ]),
    );
    expect(p.freightByMode.SEA).toBeGreaterThan(0);
    expect(rows("zh-CN")).toEqual(
      expect.arrayContaining([
        ["全部日期履约率", 1, 1],
        ["SEA 运费", p.freightByMode.SEA, 14],
        ["平均库存周数", p.avgWeeksOfCover, 3],
      ]),
    );
  });

  it("prints fill, freight by mode, cover and stock for both policies", () => {
    const cover = (p.avgWeeksOfCover as number).toFixed(1);
    // Money with two decimals (all below a thousand here, so no grouping).
    const stock = p.avgStockValue.toFixed(2);
    expect(summaryLines(plan.summary, "en")).toEqual(
      expect.arrayContaining([
        "    Fill rate: 100.0% with this plan vs 100.0% naive; on stream days — vs —",
        `    Freight, this plan: SEA ${(p.freightByMode.SEA as number).toFixed(2)}`,
        "    Freight, naive: SEA 14.00",
        `    Average cover: ${cover} vs 3.0 weeks; stock held at cost ${stock} vs 210.00`,
      ]),
    );
    expect(summaryLines(plan.summary, "zh-CN")).toEqual(
      expect.arrayContaining([
        "    运费,简单策略:SEA 14.00",
        `    平均库存周数:${cover} 对 3.0 周;库存成本 ${stock} 对 210.00`,
      ]),
    );
  });
});
