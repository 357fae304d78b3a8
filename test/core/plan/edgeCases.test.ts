import type { PlanInput } from "../../../src/core/data/model";
import { DEFAULT_SETTINGS, planSheets, runPlan } from "../../../src/core/plan";
import { addDays, type Day } from "../../../src/core/time/day";
import { D0, SIMPLE, input, item, lane, sku, stock, stream, weeklySales, wh } from "./fixtures";

/** Every number in every sheet is finite, in both languages. */
function expectClean(data: PlanInput, planDate: Day = D0) {
  const plan = runPlan(data, planDate, { ...DEFAULT_SETTINGS, backtestWeeks: 4 });
  for (const lang of ["en", "zh-CN"] as const)
    for (const sheet of planSheets(plan, lang))
      for (const row of sheet.rows)
        for (const cell of row) if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
  return plan;
}

describe("edge cases: never a crash, never NaN", () => {
  it("an empty workbook", () => {
    const plan = expectClean(input({}));
    expect(plan.lines).toEqual([]);
    expect(plan.backtest).toBeNull();
  });

  it("a plan date before every sale: no history, stock only", () => {
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 50)],
      sales: weeklySales("S1", "W1", 70),
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    const plan = expectClean(data, addDays(D0, -400));
    expect(plan.lines[0].reasons[0].key).toBe("planReasonNoDemand");
  });

  it("negative stock (backorders) orders what is owed too", () => {
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", -40)],
      sales: weeklySales("S1", "W1", 70),
      lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 5, 4)],
    });
    const plan = runPlan(data, D0, SIMPLE);
    expect(plan.lines[0].stockoutDate).toBe(D0);
    expect(plan.lines[0].weeksOfCover).toBe(0);
    expect(plan.lines.reduce((a, l) => a + l.restockQty, 0)).toBeGreaterThan(40);
    expectClean(data);
  });

  it("a planned stream at a warehouse no lane reaches", () => {
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1"), wh("W9", "DE")],
      stock: [stock("S1", "W9", 5)],
      sales: weeklySales("S1", "W1", 70),
      streams: [stream("P", "W1", addDays(D0, -10) as Day), stream("L", "W9", addDays(D0, 5) as Day)],
      streamItems: [item("P", "S1", 100), item("L", "S1")],
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    const plan = expectClean(data);
    expect(plan.unplannable.map((u) => u.warehouse)).toEqual(["W9"]);
    expect(plan.streams[0].status).toBe("SHORT");
  });

  it("lanes without any cost: modes ranked SEA < AIR < EXPRESS, cost blank, reason says why", () => {
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 600)],
      sales: weeklySales("S1", "W1", 70),
      lanes: [
        { to: "W1", mode: "AIR", leadDays: 5 as never },
        { to: "W1", mode: "SEA", leadDays: 28 as never },
      ],
    });
    const plan = expectClean(data);
    const first = plan.lines.find((l) => l.restockQty > 0);
    expect(first?.mode).toBe("SEA");
    expect(first?.cost).toBeNull();
    expect(first?.reasons.map((r) => r.key)).toContain("planReasonNoCost");
  });
});
