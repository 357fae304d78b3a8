import { planSheets, runPlan } from "../../../src/core/plan";
import { addDays, dayToIso, type Day } from "../../../src/core/time/day";
import type { Days } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, item, lane, sku, stock, stream, wh } from "./fixtures";

const settings = { ...SIMPLE, receivingDays: 2 };

describe("lines a planner can execute: order, departure, arrival and sellable dates", () => {
  const data = input({
    skus: [sku("S1", { productionDays: 10 as Days })],
    warehouses: [wh("W1")],
    stock: [stock("S1", "W1", 300)],
    sales: dailySales("S1", "W1", 10),
    lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 7, 5)],
  });
  const plan = runPlan(data, D0, settings);
  const shipped = plan.lines.filter((l) => l.restockQty > 0);

  it("order = ship-by; departs after production; arrives = sellable − receiving; departs + transit = arrives", () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const l of shipped) {
      const transit = l.mode === "SEA" ? 28 : 7;
      expect(l.orderDate).toBe(l.shipBy);
      expect(l.departs).toBe(addDays(l.shipBy as Day, 10));
      expect(l.arrives).toBe(addDays(l.arriveBy as Day, -2));
      expect(addDays(l.departs as Day, transit)).toBe(l.arrives);
    }
  });

  it("LS Plan shows them as separate columns, need_by kept, in English and Chinese", () => {
    const en = planSheets(plan, "en").find((s) => s.name === "LS Plan")!;
    const keys = en.columns.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(["order_date", "departs", "arrives", "sellable", "need_by"]));
    expect(keys).not.toContain("ship_by");
    const zh = planSheets(plan, "zh-CN").find((s) => s.name === "LS Plan")!;
    expect(
      zh.columns
        .filter((c) => ["order_date", "departs", "arrives", "sellable"].includes(c.key))
        .map((c) => c.header),
    ).toEqual(["下单日", "发运日", "到仓日", "可售日"]);
  });
});

describe("LS Streams says what OK rests on, and how much to feature when stock cannot cover", () => {
  // One past stream sold 400 of S1: the planned one expects 400 (P90 426). Class A, no baseline sales.
  const withStream = (onHand: number, day: number) =>
    input({
      skus: [sku("S1", { classOverride: "A" })],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", onHand)],
      lanes: [lane("W1", "SEA", 28, 1), lane("W1", "EXPRESS", 3, 2)],
      streams: [stream("P1", "W1", addDays(D0, -30) as Day), stream("L1", "W1", addDays(D0, day) as Day)],
      streamItems: [item("P1", "S1", 400), item("L1", "S1")],
    });

  it("a stream OK only because a planned sea shipment lands first: “OK if the planned SEA … is sent by …”", () => {
    const plan = runPlan(withStream(0, 40), D0, SIMPLE);
    const [check] = plan.streams;
    expect(check.status).toBe("OK");
    const sea = plan.lines.find((l) => l.mode === "SEA" && l.restockQty > 0)!;
    expect(check.condition).toEqual({
      key: "planConditionReadyIf",
      params: {
        mode: "SEA",
        qty: sea.restockQty,
        shipBy: dayToIso(sea.shipBy as Day).slice(5),
        more: 0,
      },
    });
    const row = planSheets(plan, "en").find((s) => s.name === "LS Streams")!.rows[0];
    expect(row.join(" ")).toContain("OK if the planned SEA of");
  });

  it("stock there already covers P90: no condition", () => {
    const plan = runPlan(withStream(2000, 40), D0, SIMPLE);
    expect(plan.streams[0].status).toBe("OK");
    expect(plan.streams[0].condition).toBeUndefined();
  });

  it("a stream no shipment covers, not funded: “feature at most” the stock that will be there", () => {
    const plan = runPlan(withStream(100, 10), D0, SIMPLE);
    expect(plan.streams[0].status).toBe("SHORT");
    expect(plan.streams[0].condition).toEqual({ key: "planConditionFeatureAtMost", params: { units: 100 } });
    const zh = planSheets(plan, "zh-CN").find((s) => s.name === "LS Streams")!.rows[0];
    expect(zh.join(" ")).toContain("最多主推 100 件");
  });
});
