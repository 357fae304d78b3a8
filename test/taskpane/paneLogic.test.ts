import type { RawTable, SheetOut } from "../../src/core/data/table";
import { InputError } from "../../src/core/errors";
import { DEFAULT_SETTINGS } from "../../src/core/plan";
import { presentation } from "../../src/taskpane/charts";
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

  it("colours the stream statuses in the plan's language", () => {
    expect(presentation([], "zh-CN").statusLevels).toEqual({
      正常: "ok",
      有风险: "risk",
      缺货: "short",
      未知: "risk",
    });
    expect(presentation([], "en").statusLevels).toEqual({
      OK: "ok",
      RISK: "risk",
      SHORT: "short",
      UNKNOWN: "risk",
    });
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
