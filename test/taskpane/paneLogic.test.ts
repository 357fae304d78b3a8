import type { RawTable, SheetOut } from "../../src/core/data/table";
import { InputError } from "../../src/core/errors";
import { DEFAULT_SETTINGS } from "../../src/core/plan";
import { chartsSheet, presentation, salesBySku } from "../../src/taskpane/charts";
import { errorMessage } from "../../src/taskpane/errors";
import { parseCellAddress } from "../../src/taskpane/format";
import { applyMapping, mappingNeeds, parseMapping, tableStatuses } from "../../src/taskpane/inputs";
import { streamsAtRisk } from "../../src/taskpane/results";
import { SETTING_FIELDS, settingsOverrides, workbookSettings } from "../../src/taskpane/settingsForm";

const table = (name: string, headers: string[], rows: RawTable["rows"]): RawTable =>
  Object.freeze({ name, sheet: name, headers, rows, firstRow: 2, firstColumn: 1 });

const sales = table(
  "Sales",
  ["date", "sku", "warehouse", "Qty sold", "revenue"],
  [
    ["2026-01-05", "A", "US-W", 5, 50],
    ["2026-01-05", "B", "US-W", 10, 30],
    ["2026-01-06", "A", "US-W", 1, 20],
    ["2026-01-06", "C", "US-W", 0, 0],
  ],
);

describe("column mapping", () => {
  it("offers the unmatched headers for a missing required column and renames them when mapped", () => {
    expect(mappingNeeds([sales])).toEqual([
      { table: "Sales", rawName: "Sales", column: "units", candidates: ["Qty sold"] },
    ]);
    const mapped = applyMapping([sales], { Sales: { units: "Qty sold" } });
    expect(mapped[0].headers).toEqual(["date", "sku", "warehouse", "units", "revenue"]);
    expect(mappingNeeds(mapped)).toEqual([]);
    expect(sales.headers[3]).toBe("Qty sold");
  });

  it("reads a saved mapping back, and anything malformed as none", () => {
    expect(parseMapping('{"Sales":{"units":"Qty sold","bad":3}}')).toEqual({ Sales: { units: "Qty sold" } });
    expect(parseMapping("not json")).toEqual({});
    expect(parseMapping("[1]")).toEqual({});
    expect(parseMapping(undefined)).toEqual({});
  });

  it("tells found, missing and with-problems tables apart", () => {
    const statuses = tableStatuses([sales], []);
    expect(statuses.find((s) => s.table === "Sales")).toMatchObject({
      state: "problems",
      sheet: "Sales",
      rows: 4,
    });
    expect(statuses.find((s) => s.table === "SKUs")).toMatchObject({ state: "missing", required: true });
    expect(statuses.find((s) => s.table === "InTransit")).toMatchObject({
      state: "missing",
      required: false,
    });
  });
});

describe("settings panel", () => {
  const settingsTable = table(
    "Settings",
    ["key", "value"],
    [
      ["Service Level A", "99%"],
      ["horizon_weeks", "lots"],
    ],
  );

  it("takes the workbook's Settings table as the starting values and locks only the keys it sets validly", () => {
    const { settings, keys } = workbookSettings([settingsTable]);
    expect(settings.serviceLevel.A).toBe(0.99);
    expect(settings.horizonWeeks).toBe(DEFAULT_SETTINGS.horizonWeeks);
    expect([...keys]).toEqual(["servicelevela"]);
  });

  it("passes only what the user changed, whole, and never what the workbook sets", () => {
    const { settings, keys } = workbookSettings([settingsTable]);
    const field = (key: string) => SETTING_FIELDS.find((f) => f.key === key)!;
    let edited = field("service_level_b").set(settings, 0.9);
    edited = field("service_level_a").set(edited, 0.5);
    edited = field("emergency_budget").set(edited, 5000);
    expect(settingsOverrides(edited, settings, keys)).toEqual({
      serviceLevel: { A: 0.99, B: 0.9, C: DEFAULT_SETTINGS.serviceLevel.C },
      emergencyBudget: 5000,
    });
    expect(settingsOverrides(settings, settings, keys)).toEqual({});
  });
});

describe("results and charts", () => {
  const streams: SheetOut = {
    name: "LS Streams",
    columns: ["stream_id", "date", "sku", "available_units", "p90_units", "status", "action"].map((key) => ({
      key,
      header: key,
      format: "text" as const,
    })),
    rows: [
      ["S1", { date: "2026-11-18" }, "A", 10, 30, "SHORT", "Ship by air"],
      ["S1", { date: "2026-11-18" }, "B", 40, 30, "OK", "Ready"],
      ["S2", { date: "2026-11-19" }, "C", 20, 25, "有风险", "空运"],
      ["S1", { date: "2026-11-18" }, "D", 5, 30, "SHORT", "Ship by air"],
    ],
  };

  it("groups the streams at risk with their SKUs and distinct actions, in either language", () => {
    expect(streamsAtRisk(streams)).toEqual([
      {
        streamId: "S1",
        date: "2026-11-18",
        skus: [
          { sku: "A", status: "SHORT" },
          { sku: "D", status: "SHORT" },
        ],
        actions: ["Ship by air"],
      },
      { streamId: "S2", date: "2026-11-19", skus: [{ sku: "C", status: "有风险" }], actions: ["空运"] },
    ]);
  });

  it("ranks sales by revenue for the Pareto: A 70, B 30 (C sold nothing)", () => {
    expect(salesBySku(applyMapping([sales], { Sales: { units: "Qty sold" } }))).toEqual([
      { sku: "A", sales: 70 },
      { sku: "B", sales: 30 },
    ]);
  });

  it("lays out LS Charts: Pareto share and cumulative share, and projected stock vs P90 for SKUs at risk", () => {
    const { sheet, charts } = chartsSheet(
      applyMapping([sales], { Sales: { units: "Qty sold" } }),
      [streams],
      "en",
    );
    expect(sheet.rows).toEqual([
      [1, "A", 0.7, 0.7, "A · S1", 10, 30],
      [2, "B", 0.3, 1, "C · S2", 20, 25],
      [null, null, null, null, "D · S1", 5, 30],
    ]);
    expect(charts.map((c) => [c.category, c.rows, c.series.map((s) => s.key)])).toEqual([
      ["sku", 2, ["sales_share", "cumulative_share"]],
      ["sku_at_risk", 3, ["projected_stock", "target"]],
    ]);
    expect(presentation(charts, "zh-CN").statusLevels).toEqual({ 正常: "ok", 有风险: "risk", 缺货: "short" });
  });
});

describe("messages", () => {
  it("says Excel's error code and what to do, the core's message in the pane's language, never blank", () => {
    const excel = Object.assign(new Error("The request failed."), { code: "GeneralException" });
    expect(errorMessage(excel, "en")).toMatch(
      /^Excel reported an error \(GeneralException\): The request failed\..*try again/,
    );
    expect(
      errorMessage(new InputError("value", "errorSheetInTheWay", { sheet: "LS Plan" }), "zh-CN"),
    ).toContain("“LS Plan”");
    expect(errorMessage(new Error(""), "en")).toMatch(/^Something went wrong: \?/);
  });

  it("reads a problem's cell address", () => {
    expect(parseCellAddress("C12")).toEqual({ row: 12, column: 3 });
    expect(parseCellAddress("ab3")).toEqual({ row: 3, column: 28 });
    expect(parseCellAddress("12")).toBeUndefined();
  });
});
