import { simulateWorkbook, worldFromTables } from "../../../src/core/simulate";
import { simulationPlanSettings } from "../../../src/core/simulate/policies/livestock";
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

  test("the seed chooses the draws: the same seed the same figures, another seed others", () => {
    const run = (seed: number) =>
      simulateWorkbook(TABLES, { lang: "en", weeks: 3, seed, policies: ["naive"] }).result;
    const [a, b, c] = [run(4), run(4), run(5)];
    expect(a?.seed).toBe(4);
    expect(b?.summary.naive?.lostMargin.mean).toBe(a?.summary.naive?.lostMargin.mean);
    expect(c?.summary.naive?.lostMargin.mean).not.toBe(a?.summary.naive?.lostMargin.mean);
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

describe("the task pane's settings reach the simulated planner", () => {
  test("settingsOverrides sit on top of the workbook's Settings: the plan holds more with a 0.999 service level", () => {
    const run = (settingsOverrides?: { serviceLevel: { A: number; B: number; C: number } }) =>
      simulateWorkbook(TABLES, {
        lang: "en",
        weeks: 4,
        policies: ["livestock"],
        ...(settingsOverrides ? { settingsOverrides } : {}),
      }).result?.summary.livestock;
    const plain = run();
    const high = run({ serviceLevel: { A: 0.999, B: 0.999, C: 0.999 } });
    expect(plain).toBeDefined();
    expect(high!.holdingCost.mean).toBeGreaterThan(plain!.holdingCost.mean ?? Infinity);
    expect(high!.unitsShipped.mean).toBeGreaterThan(plain!.unitsShipped.mean ?? Infinity);
  });

  test("simulationPlanSettings: the world's rows, then its planSettings, never the plan's backtest", () => {
    const world = worldFromTables(TABLES).world!;
    expect(simulationPlanSettings(world).horizonWeeks).toBe(8);
    const edited = simulationPlanSettings({ ...world, planSettings: { horizonWeeks: 6, backtestWeeks: 26 } });
    expect(edited.horizonWeeks).toBe(6);
    expect(edited.backtestWeeks).toBe(0);
    // The seller states its supplier's production spread, unless its Settings table does.
    expect(simulationPlanSettings({ ...world, productionSpreadDays: 3 }).productionSdDays).toBeCloseTo(
      Math.sqrt(3.5),
      12,
    );
    const stated = {
      ...world,
      productionSpreadDays: 3,
      settings: { ...world.settings, production_sd_days: 1 },
    };
    expect(simulationPlanSettings(stated).productionSdDays).toBe(1);
  });
});
