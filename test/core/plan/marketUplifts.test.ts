import { forecastBaselines } from "../../../src/core/plan/baseline";
import { baselineByWarehouse, warehouseUplifts } from "../../../src/core/plan/marketUplifts";
import { salesHistory } from "../../../src/core/plan/salesHistory";
import { addDays, dayFromIso, weekStart, type Day } from "../../../src/core/time/day";
import type { Units } from "../../../src/core/units";
import { input, sku, wh } from "./fixtures";

describe("market events in the baseline forecast", () => {
  // Two years of 70 a week at a US warehouse, three times that in the weeks of Thanksgiving (Black Friday).
  const planDate = dayFromIso("2026-11-16") as Day;
  const thanksgivingWeeks = [dayFromIso("2024-11-25") as Day, dayFromIso("2025-11-24") as Day];
  const sales = [];
  for (let w = 104; w >= 1; w--) {
    const week = addDays(weekStart(planDate), -7 * w);
    const units = thanksgivingWeeks.includes(week) ? 210 : 70;
    sales.push({ date: week, sku: "S1", warehouse: "US1", units: units as Units });
  }
  const data = input({ skus: [sku("S1")], warehouses: [wh("US1", "US")], sales });
  const history = salesHistory(data, planDate);
  const uplifts = warehouseUplifts(data.warehouses, history, planDate, 8);

  it("estimates the Thanksgiving-week uplift from the warehouse's own history (×3)", () => {
    const u = uplifts.get("US1");
    expect(u?.future[0]).toBeCloseTo(1, 9);
    expect(u?.future[1]).toBeCloseTo(3, 9);
  });

  it("forecasts the event-free baseline and puts the uplift back on the event's week", () => {
    const f = forecastBaselines(history.pairs, 8, 52, 1000, uplifts).get("S1\u0000US1");
    expect(f?.weekly[0]).toBeCloseTo(70, 6);
    expect(f?.weekly[1]).toBeCloseTo(210, 6);
    expect(f?.sigma).toBeCloseTo(0, 6);
  });
});

describe("baselineByWarehouse", () => {
  it("sums each warehouse's pairs week by week, stream units taken out", () => {
    const planDate = dayFromIso("2026-11-16") as Day;
    const w1 = addDays(weekStart(planDate), -14);
    const w2 = addDays(weekStart(planDate), -7);
    const row = (date: Day, s: string, warehouse: string, units: number, streamId?: string) => ({
      date,
      sku: s,
      warehouse,
      units: units as Units,
      ...(streamId ? { streamId } : {}),
    });
    const data = input({
      skus: [sku("S1"), sku("S2")],
      warehouses: [wh("W1"), wh("W2")],
      sales: [
        row(w1, "S1", "W1", 10),
        row(w1, "S2", "W1", 5),
        row(w2, "S1", "W1", 4),
        row(w2, "S1", "W1", 6, "L1"),
        row(w2, "S2", "W2", 7),
      ],
    });
    const totals = baselineByWarehouse(salesHistory(data, planDate));
    expect([...(totals.get("W1") ?? [])]).toEqual([15, 4]);
    expect([...(totals.get("W2") ?? [])]).toEqual([0, 7]);
  });
});
