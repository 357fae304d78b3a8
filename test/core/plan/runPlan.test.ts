import { planSheets, runPlan, settingsFrom, type PlanSettings } from "../../../src/core/plan";
import { addDays, dayFromIso, type Day } from "../../../src/core/time/day";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, item, lane, sku, stock, stream, weeklySales, wh } from "./fixtures";

describe("runPlan on hand-built sellers", () => {
  it("applies the MOQ to a SKU's supplier order across warehouses", () => {
    // Two warehouses, 70 a week each, 560 on hand: both fall below 210 on day 35 and order ~70 by sea in week 2.
    const data = input({
      skus: [sku("S1", { moq: 500 as Units })],
      warehouses: [wh("W1"), wh("W2")],
      stock: [stock("S1", "W1", 560), stock("S1", "W2", 560)],
      sales: [...weeklySales("S1", "W1", 70), ...weeklySales("S1", "W2", 70)],
      lanes: [lane("W1", "SEA", 28, 1), lane("W2", "SEA", 28, 1)],
    });
    const plan = runPlan(data, D0, SIMPLE);
    const first = plan.lines.filter(
      (l) => l.restockQty > 0 && l.shipBy !== null && l.shipBy < addDays(D0, 14),
    );
    const byWeek = new Map<number, number>();
    for (const l of first)
      byWeek.set(
        Math.floor(((l.shipBy as Day) - D0) / 7),
        (byWeek.get(Math.floor(((l.shipBy as Day) - D0) / 7)) ?? 0) + l.restockQty,
      );
    expect([...byWeek.values()]).toEqual([500]);
    expect(new Set(first.map((l) => l.warehouse))).toEqual(new Set(["W1", "W2"]));
    expect(first.some((l) => l.reasons.some((r) => r.key === "planReasonMoq"))).toBe(true);
  });

  it("reports SKUs at a warehouse no lane reaches as unplannable, and plans the rest", () => {
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1"), wh("W3", "DE")],
      stock: [stock("S1", "W1", 10), stock("S1", "W3", 10)],
      sales: [...weeklySales("S1", "W1", 70), ...weeklySales("S1", "W3", 70)],
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    const plan = runPlan(data, D0, SIMPLE);
    expect(plan.unplannable).toEqual([
      { sku: "S1", warehouse: "W3", reason: { key: "planReasonNoLane", params: { warehouse: "W3" } } },
    ]);
    expect(plan.summary.unplannable).toBe(1);
    const w3 = plan.lines.filter((l) => l.warehouse === "W3");
    expect(w3).toHaveLength(1);
    expect(w3[0].restockQty).toBe(0);
    expect(plan.lines.some((l) => l.warehouse === "W1" && l.restockQty > 0)).toBe(true);
  });

  describe("a planned stream sea cannot reach", () => {
    // Past stream: 1000 viewers × 2 min sold 400; the planned one has the same viewers and dwell, so the
    // stream model expects 400 with Poisson spread (one observation): P90 = 426 (≈ 400 + 1.2816·√400).
    const streamDay = addDays(D0, 10) as Day;
    const data = (budget: number) =>
      input({
        skus: [sku("S1")],
        warehouses: [wh("W1"), wh("W2")],
        stock: [stock("S1", "W1", 100), stock("S1", "W2", 5000)],
        sales: [...weeklySales("S1", "W1", 7)],
        streams: [stream("P1", "W1", addDays(D0, -30) as Day), stream("L1", "W1", streamDay)],
        streamItems: [item("P1", "S1", 400), item("L1", "S1")],
        lanes: [lane("W1", "SEA", 28, 1), lane("W2", "SEA", 28, 1), lane("W1", "TRANSFER", 2, 0.5, "W2")],
        settings: new Map([["emergency_budget", budget]]),
      });

    it("with an emergency budget, transfers from the same-country warehouse holding more than its target", () => {
      const { settings } = settingsFrom(new Map([["emergency_budget", 1000]]));
      const plan = runPlan(data(1000), D0, {
        ...settings,
        audienceSpread: 0,
        receivingDays: 0,
        productionDays: 0,
        backtestWeeks: 0,
      });
      const t3 = plan.lines.filter((l) => l.tier === "tier3");
      expect(t3).toHaveLength(1);
      expect(t3[0]).toMatchObject({ mode: "TRANSFER", from: "W2", warehouse: "W1" });
      expect(plan.streams[0].expectedUnits).toBeCloseTo(400, 9);
      expect(plan.streams[0].p90Units).toBe(426);
      expect(plan.streams[0].status).toBe("OK");
      expect(plan.summary.emergencySpent).toBeLessThanOrEqual(1000);
    });

    it("with a budget of 0, only reports the emergency action", () => {
      const plan = runPlan(data(0), D0, SIMPLE);
      expect(plan.lines.filter((l) => l.tier === "tier3")).toEqual([]);
      expect(plan.streams[0].status).not.toBe("OK");
      expect(plan.streams[0].action.key).toBe("planActionSuggest");
      expect(plan.summary.streamsAtRisk).toBe(1);
    });
  });

  it("spends the emergency budget by margin recovered per unit of freight, each gap wholly, never over budget", () => {
    // Three featured SKUs with no stock; express costs 2 a unit. Each sold 400 in the past stream, exactly the
    // shop law, so the spread is Poisson and P90 = 426 units = 852 money each. Budget 1000: B-rich (margin 90)
    // recovers the most per unit of freight and gets its 426; the 148 left pay neither A gap nor the part up
    // to its mean (400 units = 800), so no token shipment.
    const streamDay = addDays(D0, 10) as Day;
    const skus = [
      sku("A-low", { classOverride: "A", price: 15 as never }),
      sku("A-high", { classOverride: "A", price: 30 as never }),
      sku("B-rich", { classOverride: "B", price: 100 as never }),
    ];
    const data = input({
      skus,
      warehouses: [wh("W1")],
      stock: skus.map((s) => stock(s.sku, "W1", 0)),
      streams: [stream("P1", "W1", addDays(D0, -30) as Day), stream("L1", "W1", streamDay)],
      streamItems: [...skus.map((s) => item("P1", s.sku, 400)), ...skus.map((s) => item("L1", s.sku))],
      lanes: [lane("W1", "SEA", 28, 1), lane("W1", "EXPRESS", 3, 2)],
    });
    const settings: PlanSettings = { ...SIMPLE, emergencyBudget: 1000 };
    const plan = runPlan(data, D0, settings);
    const spent = new Map(plan.lines.filter((l) => l.tier === "tier3").map((l) => [l.sku, l.cost ?? 0]));
    expect([...spent]).toEqual([["B-rich", 852]]);
    expect(plan.summary.emergencySpent).toBeCloseTo(852, 9);
    expect(plan.streams.find((s) => s.sku === "A-high")?.action.key).toBe("planActionSuggest");
  });

  it("writes every sheet in English and Chinese with the same sheet names", () => {
    const data = input({
      skus: [sku("000123"), sku('=HYPERLINK("x")')],
      warehouses: [wh("W1")],
      stock: [stock("000123", "W1", 10)],
      sales: [...dailySales("000123", "W1", 3), ...dailySales('=HYPERLINK("x")', "W1", 1)],
      lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 7, 4)],
    });
    const plan = runPlan(data, D0, { ...SIMPLE, backtestWeeks: 4 });
    const en = planSheets(plan, "en");
    const zh = planSheets(plan, "zh-CN");
    expect(en.map((s) => s.name)).toEqual([
      "LS Plan",
      "LS Timetable",
      "LS Streams",
      "LS ABC",
      "LS Suppliers",
      "LS Backtest",
    ]);
    expect(zh.map((s) => s.name)).toEqual(en.map((s) => s.name));
    expect(en[0].columns.map((c) => c.header).slice(0, 3)).toEqual(["sku", "warehouse", "class"]);
    expect(zh[0].columns[0].header).toBe("货号");
    expect(en[0].rows.map((r) => r[0])).toContain("000123");
    expect(en[0].rows.map((r) => r[0])).toContain('=HYPERLINK("x")');
    expect(en[5].rows.length).toBeGreaterThan(0);
  });
});

describe("streams without a history to learn from", () => {
  it("plan with 0 expected units and say the units are unknown", () => {
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 100)],
      sales: weeklySales("S1", "W1", 7),
      streams: [stream("L1", "W1", addDays(D0, 10) as Day)],
      streamItems: [item("L1", "S1")],
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    const plan = runPlan(data, D0, SIMPLE);
    expect(plan.streams).toHaveLength(1);
    expect(plan.streams[0]).toMatchObject({ expectedUnits: 0, p90Units: 0, hoursToSellout: null });
    expect(plan.streams[0].action.key).toBe("planActionNoHistory");
    // Zero expected units would pass for covered: the status says the units are unknown instead.
    expect(plan.streams[0].status).toBe("UNKNOWN");
    expect(plan.summary.streamsAtRisk).toBe(1);
    const sheet = planSheets(plan, "zh-CN").find((s) => s.name === "LS Streams");
    const status = sheet?.columns.findIndex((c) => c.key === "status") ?? -1;
    expect(sheet?.rows[0][status]).toBe("未知");
  });
});

describe("Chinese New Year closes factories", () => {
  it("an order that would fall in the closure is placed on the last day before it, with no delay", () => {
    // Plan on 2027-01-04; 840 on hand at 10 a day fall below the 210 safety stock on day 63 (2027-03-08).
    // By sea (28 days) the order would go on 2027-02-08, inside the 2027 closure (01-30 … 02-27, +21 days).
    // Placed 21 days earlier (01-18) it would not be delayed at all: the latest order day that arrives in
    // time is 01-29, the eve of the closure, arriving 02-26.
    const planDate = dayFromIso("2027-01-04") as Day;
    const sales = [];
    for (let w = 52; w >= 1; w--)
      sales.push({ date: addDays(planDate, -7 * w), sku: "S1", warehouse: "US1", units: 70 as Units });
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("US1", "US")],
      stock: [stock("S1", "US1", 840)],
      sales,
      lanes: [lane("US1", "SEA", 28, 1)],
    });
    const first = runPlan(data, planDate, SIMPLE).lines[0];
    expect(first.needBy).toBe(dayFromIso("2027-03-08"));
    expect(first.shipBy).toBe(dayFromIso("2027-01-29"));
    expect(first.arriveBy).toBe(dayFromIso("2027-02-26"));
    expect(first.reasons.map((r) => r.key)).not.toContain("planReasonSupplyDelay");
  });
});

describe("the stream model reports its own accuracy", () => {
  it("leave-one-out MAPE and bias on the past streams, in the plan and on LS Backtest", () => {
    // Three past streams that follow units = 0.2·viewers exactly (dwell 2 throughout) and one planned:
    // each left-out stream is predicted from the other two by the same law, so MAPE ≈ 0 and bias ≈ 0.
    const past = [1000, 2000, 4000].map((v, i) =>
      stream(`P${i}`, "W1", addDays(D0, -30 + 7 * i) as Day, v, 2),
    );
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 5000)],
      sales: weeklySales("S1", "W1", 70),
      streams: [...past, stream("L1", "W1", addDays(D0, 10) as Day, 3000, 2)],
      streamItems: [item("P0", "S1", 200), item("P1", "S1", 400), item("P2", "S1", 800), item("L1", "S1")],
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    const plan = runPlan(data, D0, SIMPLE);
    expect(plan.streamModel?.accuracy.n).toBe(3);
    expect(plan.streamModel?.accuracy.scheme).toBe("leave-one-out");
    expect(plan.streamModel?.accuracy.mape).toBeCloseTo(0, 3);
    expect(plan.streamModel?.accuracy.bias).toBeCloseTo(0, 3);
    const rows = planSheets(plan, "en").find((s) => s.name === "LS Backtest")?.rows ?? [];
    expect(
      rows.some((r) =>
        String(r[0]).startsWith("Stream model (power): MAPE of units on 3 past stream × SKU results"),
      ),
    ).toBe(true);
    const zh = planSheets(plan, "zh-CN").find((s) => s.name === "LS Backtest")?.rows ?? [];
    expect(zh.some((r) => String(r[0]).includes("3 条历史直播 × 商品记录的销量 MAPE"))).toBe(true);
  });

  it("no planned stream: no stream model to report", () => {
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 500)],
      sales: weeklySales("S1", "W1", 70),
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    expect(runPlan(data, D0, SIMPLE).streamModel).toBeNull();
  });
});
