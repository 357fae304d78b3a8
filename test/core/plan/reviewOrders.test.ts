import { runBacktest, runPlan } from "../../../src/core/plan";
import type { BacktestShipment } from "../../../src/core/plan/backtest";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { salesHistory } from "../../../src/core/plan/salesHistory";
import { aheadDaysOf, orderAtReview, pairReview, type Review } from "../../../src/core/plan/reviewOrders";
import type { PlanLine } from "../../../src/core/plan/types";
import { addDays, dayToIso, type Day } from "../../../src/core/time/day";
import type { Days, Money } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, lane, sku, stock, wh } from "./fixtures";

const at = (n: number): Day => addDays(D0, n);

/** A sea order of 100 units due on day `ship`, landing 30 days later. */
function line(ship: number, more: Partial<PlanLine> = {}): PlanLine {
  return {
    sku: "S1",
    warehouse: "W1",
    cls: "A",
    weeklyForecast: 70,
    onHand: 0,
    inTransit: 0,
    plannedEarlier: 0,
    safetyStock: 0,
    reorderPoint: 0,
    target: 100,
    restockQty: 100,
    tier: "tier1",
    mode: "SEA",
    from: "CN",
    shipBy: at(ship),
    arriveBy: at(ship + 30),
    needBy: at(ship + 30),
    cost: 200,
    weeksOfCover: 1,
    stockoutDate: null,
    late: false,
    reasons: [],
    ...more,
  };
}

const WEEKLY: Review = {
  planDate: D0,
  days: 7,
  aheadDays: 0,
  transfer: (l) => l.mode === "TRANSFER",
  delay: () => 0,
  shipmentCost: (_, qty) => 2 * qty,
};

describe("orderAtReview: an order due before the next plan is placed at this one", () => {
  it("a sea order due on day 3 is ordered today and lands 3 days sooner, saying why", () => {
    const [l] = orderAtReview([line(3)], WEEKLY);
    expect(l.shipBy).toBe(D0);
    expect(l.arriveBy).toBe(at(30));
    expect(l.needBy).toBe(at(33));
    expect(l.restockQty).toBe(100);
    expect(l.reasons.at(-1)).toEqual({
      key: "planReasonAtReview",
      params: { date: "2026-03-05", weeks: 1, days: 3 },
    });
  });

  it("due today, from the next plan on, or already late: left as it is", () => {
    for (const ship of [0, 7, 12, -2]) {
      const l = line(ship);
      expect(orderAtReview([l], WEEKLY)[0]).toBe(l);
    }
    expect(orderAtReview([line(6)], WEEKLY)[0].shipBy).toBe(D0);
  });

  it("a transfer and a tier 3 line keep their day; so does a line that ships nothing", () => {
    const kept = [
      line(2, { mode: "TRANSFER", from: "W2" }),
      line(2, { mode: "AIR", tier: "tier3" }),
      line(2, { restockQty: 0 }),
    ];
    expect(orderAtReview(kept, WEEKLY)).toEqual(kept);
  });

  it("an order that would run into a supplier closure today, and not on its day, keeps its day", () => {
    // Closing days 0–1: ordered today it waits 21 days, ordered on day 4 it does not wait.
    const closure: Review = {
      ...WEEKLY,
      delay: (_, d) => (d < at(2) ? 21 : 0),
    };
    const l = line(4);
    expect(orderAtReview([l], closure)[0]).toBe(l);
    // A closure that delays both days alike still lets it gain its days.
    const both: Review = { ...WEEKLY, delay: () => 21 };
    expect(orderAtReview([line(4)], both)[0].arriveBy).toBe(at(30));
  });

  it("over a two-week review, two orders on one lane become one line; another lane stays apart", () => {
    const twoWeeks: Review = { ...WEEKLY, days: 14 };
    const out = orderAtReview(
      [line(3), line(9, { restockQty: 50, cost: 100, tier: "tier2" }), line(5, { mode: "AIR" })],
      twoWeeks,
    );
    expect(out.map((l) => [l.mode, l.shipBy, l.restockQty, l.cost, l.tier])).toEqual([
      ["SEA", D0, 150, 300, "tier2"],
      ["AIR", D0, 100, 200, "tier1"],
    ]);
    expect(out[0].arriveBy).toBe(at(30));
    expect(out[0].reasons.map((r) => r.key)).toEqual([
      "planReasonAtReview",
      "planReasonJoined",
      "planReasonAtReview",
    ]);
  });
});

describe("orderAtReview: a pair whose lots cover one review period orders a review ahead", () => {
  const AHEAD: Review = { ...WEEKLY, aheadDays: 7 };

  it("due on day 10, before the review after next: ordered today, saying it is a review ahead", () => {
    const [l] = orderAtReview([line(10)], AHEAD);
    expect([l.shipBy, l.arriveBy]).toEqual([D0, at(30)]);
    expect(l.reasons.at(-1)).toEqual({
      key: "planReasonAhead",
      params: { date: "2026-03-12", days: 10 },
    });
    // Due before the next review it is the review's own order, said as such.
    expect(orderAtReview([line(3)], AHEAD)[0].reasons.at(-1)?.key).toBe("planReasonAtReview");
  });

  it("due on day 14 or later, or with no order ahead: left for a later review", () => {
    const later = line(14);
    expect(orderAtReview([later], AHEAD)[0]).toBe(later);
    const next = line(10);
    expect(orderAtReview([next], WEEKLY)[0]).toBe(next);
  });

  it("an order due today and one moved to today on the same lane become one line; tier 3 stays apart", () => {
    const dueToday = line(0, { restockQty: 40, cost: 80 });
    const express = line(0, { mode: "EXPRESS", tier: "tier3" });
    const out = orderAtReview([express, dueToday, line(10)], AHEAD);
    expect(out.map((l) => [l.mode, l.tier, l.shipBy, l.restockQty, l.cost])).toEqual([
      ["EXPRESS", "tier3", D0, 100, 200],
      ["SEA", "tier1", D0, 140, 280],
    ]);
    expect(out[1].arriveBy).toBe(at(30));
    expect(out[1].reasons.map((r) => r.key)).toEqual(["planReasonJoined", "planReasonAhead"]);
    // Joined the other way round, the order due today brings only its units.
    const rounded = line(0, {
      restockQty: 40,
      cost: 80,
      reasons: [{ key: "planReasonCasePack", params: { casePack: 12 } }],
    });
    const [joined] = orderAtReview([line(10), rounded], AHEAD);
    expect(joined.reasons.map((r) => r.key)).toEqual(["planReasonAhead", "planReasonJoined"]);
  });

  it("this week's and next week's orders on one lane become one line", () => {
    const out = orderAtReview([line(2), line(9, { restockQty: 70, cost: 140 })], AHEAD);
    expect(out.map((l) => [l.shipBy, l.restockQty, l.cost])).toEqual([[D0, 170, 340]]);
  });

  it("one shipment pays its lane's fixed cost once: 30 + 2 × 170, not two fees", () => {
    const fee: Review = { ...AHEAD, shipmentCost: (_, qty) => 30 + 2 * qty };
    const out = orderAtReview([line(2, { cost: 230 }), line(9, { restockQty: 70, cost: 170 })], fee);
    expect(out.map((l) => [l.restockQty, l.cost])).toEqual([[170, 370]]);
  });
});

describe("runPlan orders at the review what is due before the next one", () => {
  it("sea orders due on days 4 and 11, weekly lots: one order today, and none due before the review after next", () => {
    // Two weeks after D0, clear of Chinese New Year's closure; 10 a day from 550 on hand, sea 30 days,
    // no fixed cost (a lot covers one review): the plan needs sea orders landing on days 34 and 41.
    const plan = at(14);
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 550)],
      sales: dailySales("S1", "W1", 10).map((r) => ({
        ...r,
        date: addDays(r.date, 14),
      })),
      lanes: [lane("W1", "SEA", 30, 1)],
    });
    const shipped = runPlan(data, plan, SIMPLE).lines.filter((l) => l.restockQty > 0);
    expect(shipped.length).toBeGreaterThan(2);
    for (const l of shipped) expect(l.shipBy! <= plan || l.shipBy! >= plan + 14).toBe(true);
    const [first] = shipped;
    expect([first.shipBy, first.orderDate, first.arriveBy, first.needBy, first.restockQty]).toEqual([
      plan,
      plan,
      plan + 30,
      plan + 34,
      140,
    ]);
    expect(first.reasons.slice(-3)).toEqual([
      {
        key: "planReasonAtReview",
        params: { date: dayToIso(addDays(plan, 4)), weeks: 1, days: 4 },
      },
      {
        key: "planReasonJoined",
        params: { qty: 70, need: dayToIso(addDays(plan, 41)), mode: "SEA" },
      },
      {
        key: "planReasonAhead",
        params: { date: dayToIso(addDays(plan, 11)), days: 11 },
      },
    ]);
  });
});

describe("pairReview: the review the plan and its backtest place orders with", () => {
  const lanes = lanesByWarehouse(
    input({
      warehouses: [wh("W1"), wh("W2")],
      lanes: [{ ...lane("W1", "SEA", 30, 2), fixedCost: 30 as Money }, lane("W1", "TRANSFER", 3, 1, "W2")],
    }),
  );
  const s1 = sku("S1", { productionDays: 12 as Days });
  const seen: number[] = [];
  const weekly = { coverDays: 7, input: { sku: s1 } };
  const review = pairReview(weekly, D0, 7, lanes, SIMPLE, (day, production) => {
    seen.push(day - D0, production ?? -1);
    return 5;
  });

  it("keeps its dates and window, and knows the lanes: a transfer, and one shipment's cost with its fee once", () => {
    expect([review.planDate, review.days, review.aheadDays]).toEqual([D0, 7, 7]);
    // A lot of a fee cycle (21 days) is not ordered ahead.
    expect(pairReview({ ...weekly, coverDays: 21 }, D0, 7, lanes, SIMPLE).aheadDays).toBe(0);
    expect(review.transfer(line(2, { mode: "TRANSFER", from: "W2" }))).toBe(true);
    expect(review.transfer(line(2))).toBe(false);
    expect(review.shipmentCost(line(2), 100)).toBe(30 + 2 * 100);
    expect(review.shipmentCost(line(2, { mode: "AIR" }), 100)).toBeNull();
  });

  it("asks the supplier's calendar with the SKU's production days; none given, no delay", () => {
    expect(review.delay(line(2), at(3))).toBe(5);
    expect(seen).toEqual([3, 12]);
    expect(pairReview(weekly, D0, 7, lanes, SIMPLE).delay(line(2), at(3))).toBe(0);
  });
});

describe("aheadDaysOf: a review ahead only where a lot covers one review", () => {
  it("a lot of one review period (7 days at a weekly review) goes a review ahead; one of a fee cycle does not", () => {
    expect(aheadDaysOf(7, 7)).toBe(7);
    expect(aheadDaysOf(14, 14)).toBe(14);
    expect(aheadDaysOf(21, 7)).toBe(0);
  });
});

describe("LS Backtest places the plan's orders as the plan does", () => {
  /** The planner's shipments over 4 replayed weeks: 1 a day, sea `lead` days (its fixed cost `fee`), air 7. */
  function replay(lead: number, fee = 0): BacktestShipment[] {
    const sea = lane("W1", "SEA", lead, 1);
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      sales: dailySales("S1", "W1", 1),
      lanes: [fee > 0 ? { ...sea, fixedCost: fee as Money } : sea, lane("W1", "AIR", 7, 5)],
    });
    const shipped: BacktestShipment[] = [];
    runBacktest(
      data,
      D0,
      { ...SIMPLE, backtestWeeks: 4 },
      { history: salesHistory(data, D0), lanes: lanesByWarehouse(data) },
      (s) => shipped.push(s),
    );
    return shipped.filter((s) => s.policy === "planner");
  }

  it("a sea order due mid-week is placed on the replayed Monday and lands sooner (sea 53 days: 53 after it, not 56)", () => {
    const orders = replay(53);
    expect(orders.length).toBe(4);
    for (const o of orders) expect([o.mode, o.arrival - o.week]).toEqual(["SEA", 53]);
  });

  it("weekly lots go a review ahead: the first Monday orders this week's lot and next week's, 14 units", () => {
    expect(replay(56).map((o) => o.qty)).toEqual([14, 7, 7, 7]);
  });

  it("a lot sized for a fee cycle is not ordered ahead: 8 weeks' worth once", () => {
    expect(replay(56, 60).map((o) => [o.qty, o.arrival - o.week])).toEqual([[56, 56]]);
  });
});
