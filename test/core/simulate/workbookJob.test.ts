import { simulateWorkbook, worldFromTables } from "../../../src/core/simulate";
import { generateSeller, SAMPLE_OPTIONS } from "../../../src/sample/generate";

// A workbook only seeds the world's levels here; the world's demand is the simulator's own.
const TABLES = generateSeller({ ...SAMPLE_OPTIONS, skus: 12, warehouses: 2, historyWeeks: 40 });

describe("simulateWorkbook (the task pane's job)", () => {
  test("seeds a world from the tables, reports each week, and lays out the sheets", () => {
    const weeks: number[] = [];
    const out = simulateWorkbook(TABLES, {
      lang: "en",
      weeks: 2,
      policies: ["livestock", "naive", "oracle"],
      onProgress: (p) => weeks.push(p.week),
    });
    expect(out.problems).toEqual([]);
    expect(out.cancelled).toBe(false);
    expect(weeks).toEqual([1, 2]);
    expect(out.sheets?.map((s) => s.name)).toEqual([
      "LS Simulation",
      "LS Simulation Stock",
      "LS Simulation Chart",
    ]);
    expect(out.result?.summary.livestock?.fill.mean).toBeGreaterThan(0);
  });

  test("cancelled: no sheets; bad tables: their problems, no simulation", () => {
    const cancelled = simulateWorkbook(TABLES, {
      lang: "en",
      weeks: 2,
      policies: ["naive"],
      shouldCancel: () => true,
    });
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.sheets).toBeUndefined();
    const noSales = TABLES.map((t) => (t.name === "Sales" ? { ...t, rows: [] } : t));
    const seeded = worldFromTables(noSales);
    expect(seeded.world).toBeUndefined();
    expect(seeded.problems.length).toBeGreaterThan(0);
    expect(simulateWorkbook(noSales, { lang: "zh-CN" }).problems).toEqual(seeded.problems);
  });
});
