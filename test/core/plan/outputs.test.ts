import { planSheets, runPlan } from "../../../src/core/plan";
import { dayFromIso, weekStart } from "../../../src/core/time/day";
import type { Money } from "../../../src/core/units";
import { D0, SIMPLE, input, lane, sku, stock, weeklySales, wh } from "./fixtures";

describe("LS ABC: the seed's table from the data", () => {
  // Ten SKUs selling 50, 20, 10, 5, 5, 4, 3, 1, 1, 1 a week (price 20, cost 10: profit shares equal sales
  // shares). Cutoffs 0.7/0.9: A = the 50 and the 20 (the 20 starts at 50 % and crosses 70 %); B = the 10
  // (starts at 70 %, below 90 %) and both 5s (a tie shares the class of the first, at 80 %); C = the rest.
  const rates = [50, 20, 10, 5, 5, 4, 3, 1, 1, 1];
  const skus = rates.map((_, i) => sku(`S${i}`));
  const data = input({
    skus,
    warehouses: [wh("W1")],
    stock: skus.map((s) => stock(s.sku, "W1", 1000)),
    sales: rates.flatMap((r, i) => weeklySales(`S${i}`, "W1", r)),
    lanes: [lane("W1", "SEA", 28, 1)],
  });
  const plan = runPlan(data, D0, SIMPLE);

  it("shares of sales and of SKUs per class", () => {
    const byClass = Object.fromEntries(plan.abc.map((r) => [r.cls, r]));
    expect(byClass.A).toMatchObject({ skuCount: 2, skuShare: 0.2 });
    expect(byClass.A.salesShare).toBeCloseTo(0.7, 12);
    expect(byClass.B).toMatchObject({ skuCount: 3, skuShare: 0.3 });
    expect(byClass.B.salesShare).toBeCloseTo(0.2, 12);
    expect(byClass.C).toMatchObject({ skuCount: 5, skuShare: 0.5 });
    expect(byClass.C.salesShare).toBeCloseTo(0.1, 12);
    expect(byClass.C.profitShare).toBeCloseTo(0.1, 12);
  });

  it("shows each class's policy and its settings", () => {
    const sheet = planSheets(plan, "en").find((s) => s.name === "LS ABC");
    expect(sheet?.rows.map((r) => r[0])).toEqual(["A", "B", "C"]);
    expect(sheet?.rows[0]).toContain("High safety stock, pre-stream build-up, never out");
    const zh = planSheets(plan, "zh-CN").find((s) => s.name === "LS ABC");
    expect(zh?.rows[2]).toContain("小批量多频次,减少积压");
  });
});

describe("LS Suppliers: quantity per supplier × SKU per month", () => {
  // 70 a week = 10 a day from Monday 2026-03-02: March has 30 days left (300), April 30 (300), May 31 (310).
  const data = input({
    skus: [sku("S1", { supplier: "Acme", moq: 100 as never }), sku("S2", { unitCost: 5 as Money })],
    warehouses: [wh("W1")],
    stock: [stock("S1", "W1", 10_000), stock("S2", "W1", 10_000)],
    sales: [...weeklySales("S1", "W1", 70), ...weeklySales("S2", "W1", 70)],
    lanes: [lane("W1", "SEA", 28, 1)],
  });
  const plan = runPlan(data, D0, SIMPLE);

  it("forecast units for the next three months", () => {
    const s1 = plan.suppliers.filter((r) => r.sku === "S1");
    expect(s1.map((r) => [r.supplier, r.month, Math.round(r.forecastUnits), r.plannedUnits, r.moq])).toEqual([
      ["Acme", dayFromIso("2026-03-01"), 300, 0, 100],
      ["Acme", dayFromIso("2026-04-01"), 300, 0, 100],
      ["Acme", dayFromIso("2026-05-01"), 310, 0, 100],
    ]);
  });

  it("a SKU without a supplier is listed under “(no supplier)”", () => {
    const sheet = planSheets(plan, "en").find((s) => s.name === "LS Suppliers");
    expect(sheet?.rows.filter((r) => r[1] === "S2").map((r) => r[0])).toEqual([
      "(no supplier)",
      "(no supplier)",
      "(no supplier)",
    ]);
    expect(sheet?.rows[0][3]).toBe("2026-03");
  });
});

describe("LS Timetable: what to ship each week on each lane", () => {
  const data = input({
    skus: [sku("S1", { weightKg: 0.5 }), sku("S2", { weightKg: 2 })],
    warehouses: [wh("W1")],
    stock: [stock("S1", "W1", 560), stock("S2", "W1", 560)],
    sales: [...weeklySales("S1", "W1", 70), ...weeklySales("S2", "W1", 70)],
    lanes: [lane("W1", "SEA", 28, 1)],
  });
  const plan = runPlan(data, D0, SIMPLE);

  it("sums the plan's shipments by ship-by week and lane", () => {
    expect(plan.timetable.length).toBeGreaterThan(0);
    for (const row of plan.timetable) {
      const lines = plan.lines.filter(
        (l) =>
          l.restockQty > 0 &&
          l.shipBy !== null &&
          weekStart(l.shipBy) === row.weekStart &&
          l.mode === row.mode,
      );
      expect(row.units).toBe(lines.reduce((a, l) => a + l.restockQty, 0));
      expect(row.skuCount).toBe(new Set(lines.map((l) => l.sku)).size);
      expect(row.cost).toBeCloseTo(
        lines.reduce((a, l) => a + (l.cost ?? 0), 0),
        9,
      );
      expect(row.weightKg).toBeCloseTo(
        lines.reduce((a, l) => a + l.restockQty * (l.sku === "S1" ? 0.5 : 2), 0),
        9,
      );
    }
    const weeks = plan.timetable.map((r) => r.weekStart);
    expect(Math.max(...weeks)).toBeLessThan(D0 + 7 * 8);
  });
});
