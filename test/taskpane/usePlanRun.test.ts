import type { JobResult, JobStage } from "../../src/core/job";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { inlineRunner, type JobRunner } from "../../src/taskpane/jobRunner";
import { executeRun, progressOf, type RunState } from "../../src/taskpane/usePlanRun";
import { setCell, smallSeller } from "./fixtures";

const request = { lang: "en" as const, mapping: {}, settingsOverrides: {} };

describe("executeRun", () => {
  it("reads, plans stage by stage, then writes the plan sheets and LS Charts with both charts", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    const states: RunState[] = [];
    const final = await executeRun(book, inlineRunner, request, { cancelled: false }, (s) => states.push(s));
    expect(final.status).toBe("done");
    const stages = [...new Set(states.map((s) => s.stage))];
    expect(stages).toEqual(["reading", "forecasting", "planning", "backtest", "writing"]);
    expect(states.map(progressOf)).toEqual([...states.map(progressOf)].sort((a, b) => a - b));
    expect(progressOf(final)).toBe(1);
    expect(final.written).toEqual([
      "LS Plan",
      "LS Timetable",
      "LS Streams",
      "LS ABC",
      "LS Suppliers",
      "LS Backtest",
      "LS Charts",
    ]);
    expect(book.sheetNames()).toEqual(expect.arrayContaining(final.written ?? []));
    expect(book.charts.map((c) => c.category)).toEqual(["sku", "sku_at_risk"]);
    expect(final.view?.sheets).toEqual({
      plan: "LS Plan",
      timetable: "LS Timetable",
      streams: "LS Streams",
      backtest: "LS Backtest",
    });
    expect(final.view?.streamsAtRisk.length).toBe(final.result?.summary?.streamsAtRisk);
  });

  it("stops before planning when the input has problems, and writes nothing", async () => {
    const book = MemoryWorkbook.withTables(setCell(smallSeller(), "Stock", 0, "on_hand", "lots"));
    const final = await executeRun(book, inlineRunner, request, { cancelled: false }, () => undefined);
    expect(final.status).toBe("blocked");
    expect(final.result?.problems.some((p) => p.table === "Stock" && p.column === "on_hand")).toBe(true);
    expect(book.sheetNames().some((n) => n.startsWith("LS "))).toBe(false);
  });

  it("writes nothing when cancelled midway", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    const control = { cancelled: false };
    let release: (r: JobResult | undefined) => void = () => undefined;
    const runner: JobRunner = (_tables, _request, onStage) => {
      onStage("forecasting");
      return { done: new Promise((resolve) => (release = resolve)), cancel: () => release(undefined) };
    };
    const pending = executeRun(book, runner, request, control, () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    control.cancelled = true;
    release(undefined);
    await expect(pending).resolves.toMatchObject({ status: "cancelled" });
    expect(book.sheetNames().some((n) => n.startsWith("LS "))).toBe(false);
  });

  it("reports an error of the workbook as failed, keeping the tables it read", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    book.addUserSheet("LS Plan", [["my notes"]]);
    const stages: (JobStage | undefined)[] = [];
    const final = await executeRun(book, inlineRunner, request, { cancelled: false }, (s) =>
      stages.push(s.stage),
    );
    expect(final.status).toBe("failed");
    expect(final.error).toMatchObject({ key: "errorSheetInTheWay" });
    expect(final.tables?.length).toBeGreaterThan(0);
    expect(book.sheet("LS Plan")?.cells).toEqual([["my notes"]]);
  });
});
