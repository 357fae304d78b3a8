import type { SalesRow } from "../../../src/core/data/model";
import { chartsSheet, salesBySku } from "../../../src/core/plan";
import type { StreamCheck } from "../../../src/core/plan/types";
import type { Day } from "../../../src/core/time/day";
import type { Money, Units } from "../../../src/core/units";

const sale = (sku: string, units: number, revenue?: number): SalesRow =>
  Object.freeze({
    date: 20000 as Day,
    sku,
    warehouse: "US-W",
    units: units as Units,
    ...(revenue !== undefined ? { revenue: revenue as Money } : {}),
  });

const SALES = Object.freeze([sale("A", 5, 50), sale("B", 10, 30), sale("A", 1, 20), sale("C", 0, 0)]);

const check = (
  streamId: string,
  sku: string,
  status: StreamCheck["status"],
  available: number,
  p90: number,
) =>
  ({
    streamId,
    date: 20010 as Day,
    warehouse: "US-W",
    sku,
    cls: "A",
    expectedUnits: p90 / 2,
    p90Units: p90,
    availableUnits: available,
    hoursToSellout: 1,
    status,
    action: { key: "planActionReady", params: {} },
    extrapolated: null,
  }) as StreamCheck;

describe("salesBySku", () => {
  it("ranks by revenue where there is revenue: A 70, B 30 (C sold nothing)", () => {
    expect(salesBySku(SALES)).toEqual([
      { sku: "A", sales: 70 },
      { sku: "B", sales: 30 },
    ]);
  });

  it("ranks by units without revenue: B 10, A 6", () => {
    expect(salesBySku([sale("A", 5), sale("B", 10), sale("A", 1)])).toEqual([
      { sku: "B", sales: 10 },
      { sku: "A", sales: 6 },
    ]);
  });
});

describe("chartsSheet (LS Charts)", () => {
  it("lays out the Pareto share and cumulative share, and projected stock vs P90 for the stream × SKUs not OK", () => {
    const checks = [
      check("S1", "A", "SHORT", 10, 30),
      check("S1", "B", "OK", 50, 30),
      check("S2", "C", "RISK", 20, 24.2),
      check("S2", "D", "SHORT", 5, 30),
    ];
    const { sheet, charts } = chartsSheet(SALES, checks, "en");
    expect(sheet.name).toBe("LS Charts");
    expect(sheet.rows).toEqual([
      [1, "A", 0.7, 0.7, "A · S1", 10, 30],
      [2, "B", 0.3, 1, "C · S2", 20, 25],
      [null, null, null, null, "D · S2", 5, 30],
    ]);
    expect(charts.map((c) => [c.category, c.rows, c.series.map((s) => s.key)])).toEqual([
      ["sku", 2, ["sales_share", "cumulative_share"]],
      ["sku_at_risk", 3, ["projected_stock", "target"]],
    ]);
  });

  it("draws no stock chart when every stream is covered or its units are unknown (no P90 to draw), and no Pareto without sales", () => {
    expect(
      chartsSheet([], [check("S1", "A", "OK", 50, 30), check("S2", "A", "UNKNOWN", 50, 0)], "zh-CN").charts,
    ).toEqual([]);
  });
});
