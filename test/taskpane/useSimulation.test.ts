import type { SimulateWorkbookResult } from "../../src/core/simulate";
import { dayOf } from "../../src/core/time/day";
import { inlineRunner, inlineSimulator, type SimulationRunner } from "../../src/taskpane/jobRunner";
import { executeRun } from "../../src/taskpane/usePlanRun";
import {
  executeSimulation,
  simulationInputValid,
  simulationProgressOf,
  type SimulationState,
} from "../../src/taskpane/useSimulation";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { setCell, smallSeller } from "./fixtures";

const request = { lang: "en" as const, mapping: {}, weeks: 3, runs: 1, seed: 1, settingsOverrides: {} };
const SIM_SHEETS = ["LS Simulation", "LS Simulation Stock", "LS Simulation Chart"];

describe("executeSimulation", () => {
  it("reads, simulates week by week with progress, then writes the simulation sheets and the stock chart", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    const states: SimulationState[] = [];
    const final = await executeSimulation(book, inlineSimulator, request, { cancelled: false }, (s) =>
      states.push(s),
    );
    expect(final.status).toBe("done");
    expect([...new Set(states.map((s) => s.stage))]).toEqual(["reading", "simulating", "writing"]);
    const weekly = states.filter((s) => s.stage === "simulating" && s.progress);
    expect(weekly.map((s) => `${s.progress?.week}/${s.progress?.weeks}`)).toEqual(["1/3", "2/3", "3/3"]);
    const values = states.map(simulationProgressOf);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(simulationProgressOf(final)).toBe(1);
    expect(final.written).toEqual(SIM_SHEETS);
    expect(book.sheetNames()).toEqual(expect.arrayContaining(SIM_SHEETS));
    expect(book.charts).toHaveLength(1);
    expect(book.charts[0]).toMatchObject({ sheet: "LS Simulation Chart", category: "date" });
    expect(book.charts[0].series.map((s) => s.key)).toEqual([
      "demand",
      "stock_livestock",
      "stock_naive",
      "stock_classical",
      "stock_classicalAir",
      "stock_oracleMade",
      "stock_oracle",
    ]);
    expect(book.charts[0].series.every((s) => s.type === "line")).toBe(true);
    expect(book.charts[0].rows).toBe((book.sheet("LS Simulation Chart")?.cells.length ?? 0) - 1);
    expect(final.view?.rows.map((r) => r.policy)).toEqual([
      "livestock",
      "naive",
      "classical",
      "classicalAir",
      "oracleMade",
      "oracle",
    ]);
    expect(final.view).toMatchObject({ weeks: 3, runs: 1, sheet: "LS Simulation" });
    for (const r of final.view?.rows ?? []) {
      expect(r.fill).toBeGreaterThanOrEqual(0);
      expect(r.fill).toBeLessThanOrEqual(1);
      expect(r.totalCost).toBeGreaterThanOrEqual(r.freight ?? 0);
    }
  });

  it("with re-planning on Thursdays, the view and the sheet say so", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    const final = await executeSimulation(
      book,
      inlineSimulator,
      { ...request, weeks: 1, replanDays: [3] },
      { cancelled: false },
      () => undefined,
    );
    expect(final.status).toBe("done");
    expect(final.view?.replanDays).toEqual([3]);
    const about = book.sheet("LS Simulation")?.cells[1]?.[6];
    expect(String(about)).toContain("The LiveStock plan also ran every Thu.");
  });

  it("keeps the plan's sheets and charts when it writes its own, and the plan keeps the simulation's", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    const plan = await executeRun(
      book,
      inlineRunner,
      { lang: "en", mapping: {}, settingsOverrides: {} },
      { cancelled: false },
      () => undefined,
    );
    expect(plan.status).toBe("done");
    const planSheets = plan.written ?? [];
    await executeSimulation(book, inlineSimulator, request, { cancelled: false }, () => undefined);
    expect(book.sheetNames()).toEqual(expect.arrayContaining([...planSheets, ...SIM_SHEETS]));
    expect(book.charts.map((c) => c.sheet)).toEqual(["LS Charts", "LS Charts", "LS Simulation Chart"]);
    const simulated = book.sheet("LS Simulation")?.cells;
    await executeRun(
      book,
      inlineRunner,
      { lang: "en", mapping: {}, settingsOverrides: {} },
      { cancelled: false },
      () => undefined,
    );
    expect(book.sheet("LS Simulation")?.cells).toEqual(simulated);
    expect(book.charts.map((c) => c.sheet).sort()).toEqual(["LS Charts", "LS Charts", "LS Simulation Chart"]);
  });

  it("stops before simulating when the input has problems, and writes nothing", async () => {
    const book = MemoryWorkbook.withTables(setCell(smallSeller(), "Stock", 0, "on_hand", "lots"));
    const final = await executeSimulation(
      book,
      inlineSimulator,
      request,
      { cancelled: false },
      () => undefined,
    );
    expect(final.status).toBe("blocked");
    expect(final.problems?.some((p) => p.table === "Stock" && p.column === "on_hand")).toBe(true);
    expect(book.sheetNames().some((n) => n.startsWith("LS "))).toBe(false);
  });

  it("writes nothing when cancelled midway, even if a result arrives after the cancel", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    const control = { cancelled: false };
    let release: (r: SimulateWorkbookResult | undefined) => void = () => undefined;
    const late = await inlineSimulator(smallSeller(), { lang: "en", weeks: 1 }, () => undefined).done;
    const states: SimulationState[] = [];
    const simulator: SimulationRunner = (_tables, _request, onProgress) => {
      onProgress({ run: 1, runs: 1, week: 1, weeks: 3, weekStart: dayOf(20_458), fill: {} });
      return { done: new Promise((resolve) => (release = resolve)), cancel: () => undefined };
    };
    const pending = executeSimulation(book, simulator, request, control, (s) => states.push(s));
    await new Promise((r) => setTimeout(r, 0));
    expect(states.at(-1)?.progress?.week).toBe(1);
    control.cancelled = true;
    release(late);
    await expect(pending).resolves.toMatchObject({ status: "cancelled" });
    expect(book.sheetNames().some((n) => n.startsWith("LS "))).toBe(false);
  });

  it("reports a user's sheet in the way as failed and leaves it as it was", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    book.addUserSheet("LS Simulation", [["my notes"]]);
    const final = await executeSimulation(
      book,
      inlineSimulator,
      request,
      { cancelled: false },
      () => undefined,
    );
    expect(final.status).toBe("failed");
    expect(final.error).toMatchObject({ key: "errorSheetInTheWay" });
    expect(book.sheet("LS Simulation")?.cells).toEqual([["my notes"]]);
    expect(book.sheet("LS Simulation Stock")).toBeUndefined();
  });
});

describe("simulation inputs", () => {
  it("accepts whole weeks from 1 to 104, runs from 1 to 20 and a seed from 0 to 2³¹, as the CLI", () => {
    expect(simulationInputValid(26, 1, 1)).toBe(true);
    expect(simulationInputValid(104, 20, 2 ** 31)).toBe(true);
    expect(simulationInputValid(26, 1, 0)).toBe(true);
    for (const [w, r, s] of [
      [0, 1, 1],
      [105, 1, 1],
      [2.5, 1, 1],
      [Number.NaN, 1, 1],
      [26, 0, 1],
      [26, 21, 1],
      [26, 1, -1],
      [26, 1, 1.5],
      [26, 1, 2 ** 31 + 1],
      [26, 1, Number.NaN],
    ])
      expect(simulationInputValid(w, r, s)).toBe(false);
  });
});
