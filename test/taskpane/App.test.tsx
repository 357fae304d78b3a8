/** @jest-environment jsdom */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import type { RawTable } from "../../src/core/data/table";
import { App } from "../../src/taskpane/App";
import { dayOf } from "../../src/core/time/day";
import {
  inlineRunner,
  inlineSimulator,
  type JobRequest,
  type JobRunner,
  type SimulateRequest,
  type SimulationRunner,
} from "../../src/taskpane/jobRunner";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { renameHeader, setCell, smallSeller } from "./fixtures";

expect.extend(toHaveNoViolations);

// jsdom has no ResizeObserver; Fluent UI's MessageBar observes its own width to reflow.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

const renderPane = (
  workbook: MemoryWorkbook,
  runner: JobRunner = inlineRunner,
  lang: "en" | "zh-CN" = "en",
  simulator?: SimulationRunner,
) =>
  render(
    <App
      workbook={workbook}
      runner={runner}
      simulator={simulator}
      initialLang={lang}
      preview={false}
      sampleTables={smallSeller}
    />,
  );

const generate = () => screen.getByRole("button", { name: "Generate plan" });
const simulate = () => screen.getByRole("button", { name: "Simulate" });

/** A simulator that records each request and ends it at once, without a result. */
function recordingSimulator(): { requests: SimulateRequest[]; simulator: SimulationRunner } {
  const requests: SimulateRequest[] = [];
  const simulator: SimulationRunner = (_t, request) => {
    requests.push(request);
    return { done: Promise.resolve(undefined), cancel: () => undefined };
  };
  return { requests, simulator };
}

describe("task pane", () => {
  it("shows the tables found, runs the plan with progress and shows results linked to their sheets", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.withTables(smallSeller());
    const { container } = renderPane(book);

    const inputs = await screen.findByRole("list", { name: "Inputs" });
    await within(inputs).findAllByText("Found");
    expect(await axe(container)).toHaveNoViolations();

    await user.click(generate());
    expect(screen.getByRole("progressbar")).toBeTruthy();
    await screen.findByText(/Plan written to 7 sheets/, undefined, { timeout: 20_000 });
    expect(screen.getByRole("tab", { name: "Results", selected: true })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "SKUs to restock" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Cost by mode" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Streams at risk" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Backtest: this plan vs naive" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "Fill rate on stream days" })).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();

    await user.click(screen.getByRole("button", { name: "Open sheet LS Streams" }));
    await waitFor(() => expect(book.activeSheet).toBe("LS Streams"));
  });

  it("switches to Chinese with the control labelled Language", async () => {
    const user = userEvent.setup();
    renderPane(MemoryWorkbook.withTables(smallSeller()));
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
    expect(screen.getByRole("button", { name: "生成补货计划" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "语言" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "输入" })).toBeTruthy();
  });

  it("inside Excel, reads the workbook only once the pane is shown, not when the shared runtime loads it", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    const reads = jest.spyOn(book, "readTables");
    let show: () => void = () => undefined;
    const whenShown = (listener: () => void) => {
      show = listener;
      return () => undefined;
    };
    render(
      <App
        workbook={book}
        runner={inlineRunner}
        initialLang="en"
        preview={false}
        sampleTables={smallSeller}
        whenShown={whenShown}
      />,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).not.toHaveBeenCalled();
    act(() => show());
    await within(await screen.findByRole("list", { name: "Inputs" })).findAllByText("Found");
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("starts in Chinese when Office's display language is Chinese", async () => {
    renderPane(new MemoryWorkbook(), inlineRunner, "zh-CN");
    expect(screen.getByRole("button", { name: "生成补货计划" })).toBeTruthy();
    expect(await screen.findByText(/没有找到输入表格/)).toBeTruthy();
  });

  it("says what to do with a workbook that has no tables, and inserts the sample on request", async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook();
    renderPane(book);
    expect(await screen.findByText(/No input tables found/)).toBeTruthy();

    await user.click(generate());
    await screen.findByText(/fix the problems listed under Inputs/);
    expect(screen.getAllByText(/SKUs/).length).toBeGreaterThan(0);

    await user.click(screen.getByRole("button", { name: "Insert sample data" }));
    await screen.findByText(/Sample data added on new sheets/);
    expect(book.sheetNames()).toContain("SKUs");
    expect(screen.queryByText(/No input tables found/)).toBeNull();
  });

  it("says why the sample is not inserted over tables of the same name", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.withTables(smallSeller());
    renderPane(book);
    await screen.findAllByText("Found");
    const before = book.sheetNames();
    await user.click(screen.getByRole("button", { name: "Insert sample data" }));
    expect(await screen.findByText(/already has a table named “SKUs”/)).toBeTruthy();
    expect(book.sheetNames()).toEqual(before);
  });

  it("lists text in a number column with its table, row and column; a click selects the cell", async () => {
    const user = userEvent.setup();
    const tables = setCell(smallSeller(), "Stock", 2, "on_hand", "lots");
    const book = MemoryWorkbook.withTables(tables);
    const { container } = renderPane(book);
    // Checked as soon as the tables are read, before any run.
    await screen.findByRole("button", { name: /Select in Excel: Stock, row 4, column on_hand/ });
    expect(screen.getByText("1 problems")).toBeTruthy();

    await user.click(generate());
    await screen.findByText(/fix the problems listed under Inputs/);
    const link = await screen.findByRole("button", { name: /Select in Excel: Stock, row 4, column on_hand/ });
    expect(await axe(container)).toHaveNoViolations();
    await user.click(link);
    expect(book.selection).toEqual({ sheet: "Stock", row: 4, column: 3 });
  });

  it("maps a header that doesn't match, remembers it in the document and plans with it", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.withTables(renameHeader(smallSeller(), "Sales", "units", "Qty sold"));
    renderPane(book);

    const select = await screen.findByRole("combobox", { name: "Column for units in Sales" });
    await user.selectOptions(select, "Qty sold");
    await user.click(screen.getByRole("button", { name: "Save mapping" }));
    await screen.findByText("Mapping saved in this workbook.");
    expect(JSON.parse((await book.loadSetting("livestock.columnMapping")) ?? "{}")).toEqual({
      Sales: { units: "Qty sold" },
    });

    await user.click(generate());
    await screen.findByText(/Plan written to/, undefined, { timeout: 20_000 });
  });

  it("stops with a clear message when a user's sheet has an output sheet's name", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.withTables(smallSeller());
    book.addUserSheet("LS Plan", [["my own plan"]]);
    renderPane(book);
    await screen.findAllByText("Found");
    await user.click(generate());
    expect(
      await screen.findByText(/A sheet named “LS Plan” already exists/, undefined, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(book.sheet("LS Plan")?.cells).toEqual([["my own plan"]]);
  });

  it("cancels a run midway and writes nothing", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.withTables(smallSeller());
    let cancelled = false;
    const runner: JobRunner = (_t, _r, onStage) => {
      let release: (value: undefined) => void = () => undefined;
      const done = new Promise<undefined>((resolve) => (release = resolve));
      setTimeout(() => onStage("forecasting"), 0);
      return {
        done,
        cancel: () => {
          cancelled = true;
          release(undefined);
        },
      };
    };
    renderPane(book, runner);
    await screen.findAllByText("Found");
    await user.click(generate());
    await screen.findByText("Forecasting");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled. Nothing in the workbook was changed.")).toBeTruthy();
    expect(cancelled).toBe(true);
    expect(book.sheetNames().some((n) => n.startsWith("LS "))).toBe(false);
  });

  it("shows an Excel API error with what to do, never a blank pane", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.withTables(smallSeller());
    book.writePlan = () =>
      Promise.reject(Object.assign(new Error("The request failed."), { code: "GeneralException" }));
    renderPane(book);
    await screen.findAllByText("Found");
    await user.click(generate());
    expect(
      await screen.findByText(
        /Excel reported an error \(GeneralException\): The request failed\..*try again/,
        undefined,
        {
          timeout: 20_000,
        },
      ),
    ).toBeTruthy();
    expect((generate() as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows settings with the workbook's Settings table winning, and passes the pane's changes to the plan", async () => {
    const user = userEvent.setup();
    const requests: JobRequest[] = [];
    const spy: JobRunner = (tables: readonly RawTable[], request, onStage) => {
      requests.push(request);
      return inlineRunner(tables, request, onStage);
    };
    const withSetting = smallSeller().map((t) =>
      t.name === "Settings"
        ? { ...t, rows: [...t.rows.filter((r) => r[0] !== "service_level_a"), ["service_level_a", 0.97]] }
        : t,
    );
    const { container } = renderPane(MemoryWorkbook.withTables(withSetting), spy);
    await screen.findAllByText("Found");
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    expect(await axe(container)).toHaveNoViolations();

    const serviceA = screen.getByRole("spinbutton", { name: "Service level, class A" });
    expect((serviceA as HTMLInputElement).disabled).toBe(true);
    expect((serviceA as HTMLInputElement).value).toBe("0.97");
    const horizon = screen.getByRole("spinbutton", { name: "Horizon (weeks)" });
    await user.clear(horizon);
    await user.type(horizon, "6");
    await user.click(generate());
    await screen.findByText(/Plan written to/, undefined, { timeout: 20_000 });
    expect(requests[0].settingsOverrides).toEqual({ horizonWeeks: 6 });
    await waitFor(() => expect(screen.getByRole("tab", { name: "Results", selected: true })).toBeTruthy());
  });

  it("simulates the workbook for the weeks asked, then shows each policy's figures and writes LS Simulation", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.withTables(smallSeller());
    const { container } = renderPane(book);
    await screen.findAllByText("Found");
    const weeks = screen.getByRole("spinbutton", { name: "Weeks to simulate" });
    expect((weeks as HTMLInputElement).value).toBe("26");
    expect((screen.getByRole("spinbutton", { name: "Runs" }) as HTMLInputElement).value).toBe("1");
    expect((screen.getByRole("spinbutton", { name: "Seed" }) as HTMLInputElement).value).toBe("1");
    await user.clear(weeks);
    await user.type(weeks, "2");
    await user.click(simulate());
    expect(screen.getByRole("progressbar")).toBeTruthy();
    await screen.findByText("Simulation written to 3 sheets.", undefined, { timeout: 20_000 });
    expect(screen.getByRole("tab", { name: "Results", selected: true })).toBeTruthy();
    const table = screen.getByRole("table", { name: "Simulation" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["Policy", "Fill", "Stream-day fill", "Freight", "Total cost"]);
    const policies = within(table)
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(policies).toEqual([
      "LiveStock",
      "Naive",
      "Classical",
      "Classical + air",
      "Oracle, made to order",
      "Oracle",
    ]);
    expect(screen.getByText(/for 2 weeks from .*\(seed 1\)/)).toBeTruthy();
    expect(book.sheetNames()).toEqual(expect.arrayContaining(["LS Simulation", "LS Simulation Chart"]));
    expect(book.sheetNames()).not.toContain("LS Plan");
    expect(await axe(container)).toHaveNoViolations();
    await user.click(screen.getByRole("button", { name: "Open sheet LS Simulation" }));
    await waitFor(() => expect(book.activeSheet).toBe("LS Simulation"));
  });

  it("shows the simulated week and run, disables both runs meanwhile, and a cancel writes nothing", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.withTables(smallSeller());
    const requests: SimulateRequest[] = [];
    let stopped = false;
    const simulator: SimulationRunner = (_t, request, onProgress) => {
      requests.push(request);
      let release: (value: undefined) => void = () => undefined;
      const done = new Promise<undefined>((resolve) => (release = resolve));
      setTimeout(
        () => onProgress({ run: 1, runs: 2, week: 5, weeks: 8, weekStart: dayOf(20_458), fill: {} }),
        0,
      );
      return {
        done,
        cancel: () => {
          stopped = true;
          release(undefined);
        },
      };
    };
    renderPane(book, inlineRunner, "en", simulator);
    await screen.findAllByText("Found");
    const weeks = screen.getByRole("spinbutton", { name: "Weeks to simulate" });
    await user.clear(weeks);
    await user.type(weeks, "8");
    const runs = screen.getByRole("spinbutton", { name: "Runs" });
    await user.clear(runs);
    await user.type(runs, "2");
    const seed = screen.getByRole("spinbutton", { name: "Seed" });
    await user.clear(seed);
    await user.type(seed, "11");
    await user.click(screen.getByRole("checkbox", { name: "Plan again every Thursday" }));
    await user.click(simulate());
    await screen.findByText("Week 5 of 8 (run 1 of 2)");
    expect(requests[0]).toMatchObject({ lang: "en", weeks: 8, runs: 2, seed: 11, replanDays: [3] });
    expect((generate() as HTMLButtonElement).disabled).toBe(true);
    expect((simulate() as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled. Nothing in the workbook was changed.")).toBeTruthy();
    expect(stopped).toBe(true);
    expect(book.sheetNames().some((n) => n.startsWith("LS "))).toBe(false);
    expect((simulate() as HTMLButtonElement).disabled).toBe(false);
  });

  it("a simulation with Thursday re-planning says so above its results, in Chinese too", async () => {
    const user = userEvent.setup();
    renderPane(MemoryWorkbook.withTables(smallSeller()), inlineRunner, "zh-CN", inlineSimulator);
    await screen.findAllByText("已找到");
    const weeks = screen.getByRole("spinbutton", { name: "模拟周数" });
    await user.clear(weeks);
    await user.type(weeks, "1");
    await user.click(screen.getByRole("checkbox", { name: "每周四再计划一次" }));
    await user.click(screen.getByRole("button", { name: "模拟" }));
    expect(await screen.findByText(/LiveStock 计划另在每周四运行。/, {}, { timeout: 20_000 })).toBeTruthy();
  }, 30_000);

  it("simulates with the settings edited in the pane, and not with an invalid one", async () => {
    const user = userEvent.setup();
    const { requests, simulator } = recordingSimulator();
    renderPane(MemoryWorkbook.withTables(smallSeller()), inlineRunner, "en", simulator);
    await screen.findAllByText("Found");
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    const horizon = screen.getByRole("spinbutton", { name: "Horizon (weeks)" });
    await user.clear(horizon);
    await user.type(horizon, "6");
    await user.click(simulate());
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0].settingsOverrides).toEqual({ horizonWeeks: 6 });
    // Unticked, the plan runs on Mondays only, as issue 9's closed loop does.
    expect(requests[0].replanDays).toEqual([]);

    await user.clear(screen.getByRole("spinbutton", { name: "Horizon (weeks)" }));
    await user.type(screen.getByRole("spinbutton", { name: "Horizon (weeks)" }), "0");
    await user.click(screen.getByRole("tab", { name: "Inputs" }));
    await user.click(simulate());
    expect(screen.getByRole("tab", { name: "Settings", selected: true })).toBeTruthy();
    expect(requests).toHaveLength(1);
  });

  it("does not simulate with weeks out of range, and says why", async () => {
    const user = userEvent.setup();
    const { requests, simulator } = recordingSimulator();
    renderPane(MemoryWorkbook.withTables(smallSeller()), inlineRunner, "en", simulator);
    await screen.findAllByText("Found");
    const weeks = screen.getByRole("spinbutton", { name: "Weeks to simulate" });
    await user.clear(weeks);
    await user.type(weeks, "0");
    expect(screen.getByText("Weeks to simulate: a whole number from 1 to 104.")).toBeTruthy();
    await user.click(simulate());
    expect(requests).toEqual([]);
  });

  it("lists the problems that keep the simulation from running under Inputs", async () => {
    const user = userEvent.setup();
    renderPane(MemoryWorkbook.withTables(setCell(smallSeller(), "Stock", 2, "on_hand", "lots")));
    await screen.findByRole("button", { name: /Select in Excel: Stock, row 4, column on_hand/ });
    await user.click(simulate());
    await screen.findByText(/The simulation did not run: fix the problems listed under Inputs/);
    expect(screen.getByRole("tab", { name: "Inputs", selected: true })).toBeTruthy();
  });
});
