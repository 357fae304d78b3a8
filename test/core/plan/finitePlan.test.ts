import fc from "fast-check";
import type { CellValue, RawTable } from "../../../src/core/data/table";
import { LIMITS } from "../../../src/core/data/contract";
import { readPlanInput } from "../../../src/core/data/validate";
import { defaultPlanDate, planWorkbook } from "../../../src/core/job";
import {
  assertFinitePlan,
  nonFiniteAt,
  NonFinitePlanError,
  runPlan,
  settingsFrom,
} from "../../../src/core/plan";
import { addDays, dayFromIso, dayToIso } from "../../../src/core/time/day";

describe("nonFiniteAt", () => {
  it("names the first NaN or Infinity, reasons' parameters included", () => {
    expect(nonFiniteAt({ lines: [{ cost: 1 }, { cost: NaN }] })).toBe("lines[1].cost");
    expect(nonFiniteAt({ lines: [{ reasons: [{ key: "x", params: { weeks: Infinity } }] }] })).toBe(
      "lines[0].reasons[0].params.weeks",
    );
    expect(nonFiniteAt({ a: [1, null, "NaN", { b: -0 }] })).toBeUndefined();
  });

  it("assertFinitePlan refuses a plan that holds one", () => {
    expect(() => assertFinitePlan({ summary: { emergencySpent: NaN } })).toThrow(NonFinitePlanError);
    expect(() => assertFinitePlan({ summary: { emergencySpent: NaN } })).toThrow(/summary.emergencySpent/);
  });
});

/*
 * Inputs at the edges of what the reader accepts (units and stock of ±10⁹, prices of 10⁹, lead
 * times of 365 days, viewers of 10⁹, settings at the ends of their ranges) still give a plan whose
 * every number is finite.
 */
const start = dayFromIso("2025-01-06")!;
const edge = <T>(...xs: T[]) => fc.constantFrom(...xs);

const workbook = fc
  .record({
    skus: fc.array(
      fc.record({
        cost: edge(0, 0.01, 5, LIMITS.money),
        price: edge(null, 0, 12, LIMITS.money),
        moq: edge(null, 0, 7, LIMITS.quantity),
        casePack: edge(null, 1e-6, 1, 12, LIMITS.quantity),
        weight: edge(null, 0, 0.2, LIMITS.weightKg),
        production: edge(null, 0, 365),
        onHand: edge(-LIMITS.quantity, -3, 0, 50, LIMITS.quantity),
        reserved: edge(null, 0, LIMITS.quantity),
        transit: edge(null, 0, 40, LIMITS.quantity),
        weekly: fc.array(edge(0, 0, 1, 3, 40, LIMITS.quantity), { minLength: 1, maxLength: 4 }),
        revenue: edge(null, 0, LIMITS.revenue),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    weeks: fc.integer({ min: 2, max: 40 }),
    lead: edge(0, 1, 30, 365),
    leadSd: edge(null, 0, 3, 365),
    costPerKg: edge(null, 0, 2, LIMITS.money),
    costPerUnit: edge(null, 0, 0.5, LIMITS.money),
    viewers: edge(0, 1, 5000, LIMITS.viewers),
    dwell: edge(0, 0.5, 3, LIMITS.dwellMinutes),
    hours: edge(null, 0.01, 2, LIMITS.streamHours),
    soldInStream: edge(0, 5, LIMITS.quantity),
    settings: fc.subarray([
      ["receiving_days", 90],
      ["production_days", 365],
      ["service_level_a", 0.9999],
      ["service_level_c", 0.5],
      ["emergency_budget", 1e9],
      ["horizon_weeks", 104],
      ["review_weeks", 52],
      ["base_weeks_a", 52],
      ["pre_stream_weeks_a", 52],
      ["stream_quantile", 0.9999],
      ["stream_hours", 167],
      ["supplier_months", 24],
      ["season_length", 104],
      ["backtest_weeks", 3],
      ["naive_weeks", 52],
      ["naive_average_weeks", 52],
    ] as [string, number][]),
  })
  .map((w): RawTable[] => {
    const t = (name: string, headers: string[], rows: CellValue[][]): RawTable => ({
      name,
      sheet: name,
      headers,
      rows,
      firstRow: 2,
      firstColumn: 1,
    });
    const codes = w.skus.map((_, i) => `S${i}`);
    const sales: CellValue[][] = [];
    w.skus.forEach((s, i) => {
      for (let week = 0; week < w.weeks; week++)
        sales.push([
          dayToIso(addDays(start, 7 * week + (i % 7))),
          codes[i],
          week % 2 ? "W1" : "W2",
          s.weekly[week % s.weekly.length],
          s.revenue,
          week === 1 ? "L1" : null,
        ]);
    });
    const lastSale = addDays(start, 7 * (w.weeks - 1) + 6);
    return [
      t(
        "SKUs",
        ["sku", "unit_cost", "price", "moq", "case_pack", "weight_kg", "production_days"],
        w.skus.map((s, i) => [codes[i], s.cost, s.price, s.moq, s.casePack, s.weight, s.production]),
      ),
      t(
        "Warehouses",
        ["warehouse", "country"],
        [
          ["W1", "US"],
          ["W2", "DE"],
        ],
      ),
      t(
        "Stock",
        ["sku", "warehouse", "on_hand", "reserved"],
        w.skus.flatMap((s, i) => [
          [codes[i], "W1", s.onHand, s.reserved],
          [codes[i], "W2", -s.onHand, null],
        ]),
      ),
      t(
        "InTransit",
        ["sku", "warehouse", "qty", "eta"],
        w.skus
          .filter((s) => s.transit !== null)
          .map((s, i) => [codes[i], "W1", s.transit, dayToIso(addDays(lastSale, 9))]),
      ),
      t("Sales", ["date", "sku", "warehouse", "units", "revenue", "stream_id"], sales),
      t(
        "Streams",
        ["stream_id", "date", "warehouse", "peak_viewers", "avg_dwell_min", "hours"],
        [
          ["L1", dayToIso(addDays(start, 7)), "W2", w.viewers, w.dwell, w.hours],
          ["L2", dayToIso(addDays(lastSale, 10)), "W1", w.viewers, w.dwell, w.hours],
        ],
      ),
      t(
        "StreamItems",
        ["stream_id", "sku", "units"],
        [
          ["L1", codes[0], w.soldInStream],
          ["L2", codes[0], null],
        ],
      ),
      t(
        "Lanes",
        ["from", "to", "mode", "lead_days", "lead_sd_days", "cost_per_kg", "cost_per_unit"],
        [
          ["CN", "W1", "SEA", w.lead, w.leadSd, w.costPerKg, w.costPerUnit],
          ["CN", "W1", "AIR", Math.min(w.lead, 8), w.leadSd, w.costPerKg, w.costPerUnit],
          ["CN", "W2", "SEA", w.lead, null, w.costPerKg, null],
          ["W1", "W2", "TRANSFER", 3, null, null, w.costPerUnit],
        ],
      ),
      t("Settings", ["key", "value"], w.settings),
    ];
  });

describe("a plan from inputs at the bounds (fast-check)", () => {
  it("reads without problems and holds only finite numbers; no sentence says NaN or Infinity", () => {
    fc.assert(
      fc.property(workbook, (tables) => {
        const read = readPlanInput(tables);
        expect(read.problems).toEqual([]);
        const { settings, problems } = settingsFrom(read.input.settings);
        expect(problems).toEqual([]);
        const plan = runPlan(read.input, defaultPlanDate(read.input)!, settings);
        expect(nonFiniteAt(plan)).toBeUndefined();
        const result = planWorkbook(tables, { lang: "en" });
        for (const sheet of result.sheets ?? [])
          for (const row of sheet.rows)
            for (const cell of row)
              if (typeof cell === "string") expect(cell).not.toMatch(/NaN|Infinity/);
              else if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
