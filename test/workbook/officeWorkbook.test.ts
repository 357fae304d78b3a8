// office-addin-mock needs only the host names of office-addin-manifest, whose ESM-only
// dependencies jest (CommonJS) cannot load; hand it those names.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", Outlook: "outlook" } }));

import type { SheetOut } from "../../src/core/data/table";
import { InputError } from "../../src/core/errors";
import { OfficeWorkbook, SYNC_BUDGET, type DocumentSettings } from "../../src/workbook/officeWorkbook";
import { FakeExcel } from "./officeFake";

const planSheet = (rows = 2): SheetOut => ({
  name: "LS Plan",
  columns: [
    { key: "sku", header: "SKU", format: "text" },
    { key: "qty", header: "Quantity", format: "integer" },
    { key: "ship_by", header: "Ship by", format: "date" },
    { key: "weeks_of_cover", header: "Weeks of cover", format: "decimal" },
  ],
  rows: Array.from({ length: rows }, (_, i) => [`SKU-${i}`, i * 10, { date: "2024-11-04" }, i / 2]),
});

const streamsSheet: SheetOut = {
  name: "LS Streams",
  columns: [
    { key: "stream_id", header: "Stream", format: "text" },
    { key: "status", header: "Status", format: "text" },
  ],
  rows: [
    ["BF-1", "Short"],
    ["BF-2", "OK"],
  ],
};

describe("OfficeWorkbook.readTables", () => {
  it("reads Excel tables by name and header-row sheets, skipping the add-in's own sheets, in 3 syncs", async () => {
    const excel = new FakeExcel();
    excel.addSheet(
      "Data",
      [
        ["sku", "unit_cost"],
        ["A-1", 2.5],
        ["=B2", ""],
      ],
      "SKUs",
    );
    excel.addSheet("库存", [
      ["货号", "仓库", "在库"],
      ["A-1", "US-W", 40],
    ]);
    excel.addSheet("Notes", [[1, 2, 3]]);
    excel.addSheet("Empty", []);
    excel.addSheet(
      "LS Plan",
      [
        ["SKU", "Quantity"],
        ["A-1", 3],
      ],
      "LS_Plan",
      true,
    );

    const tables = await new OfficeWorkbook(excel.run).readTables();

    expect(tables).toEqual([
      {
        name: "SKUs",
        sheet: "Data",
        headers: ["sku", "unit_cost"],
        rows: [
          ["A-1", 2.5],
          ["=B2", null],
        ],
        firstRow: 2,
        firstColumn: 1,
      },
      {
        name: "库存",
        sheet: "库存",
        headers: ["货号", "仓库", "在库"],
        rows: [["A-1", "US-W", 40]],
        firstRow: 2,
        firstColumn: 1,
      },
    ]);
    expect(excel.syncs).toBe(3);
  });

  it("returns no tables for a workbook without any", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1", []);
    await expect(new OfficeWorkbook(excel.run).readTables()).resolves.toEqual([]);
  });
});

describe("OfficeWorkbook.writePlan", () => {
  it("writes each sheet as a formatted Excel table, marked as the add-in's, with calculation suspended and restored", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Mine", [["keep me"]]);
    await new OfficeWorkbook(excel.run).writePlan([planSheet(), streamsSheet], {
      charts: [],
      statusLevels: { OK: "ok", Short: "short" },
    });

    expect(excel.sheets.map((s) => s.name)).toEqual(["Mine", "LS Plan", "LS Streams"]);
    const plan = excel.sheet("LS Plan")!;
    expect(plan.visibility).toBe("Visible");
    expect(plan.props.get("LiveStockPlanner")).toBe("output");
    expect(plan.cells).toEqual([
      ["SKU", "Quantity", "Ship by", "Weeks of cover"],
      ["SKU-0", 0, 45600, 0],
      ["SKU-1", 10, 45600, 0.5],
    ]);
    expect([...plan.formats.entries()]).toEqual([
      [0, "@"],
      [1, "#,##0"],
      [2, "yyyy-mm-dd"],
      [3, "#,##0.00"],
    ]);
    expect(plan.tables).toEqual([{ name: "LS_Plan", address: "A1:D3", style: "TableStyleMedium2" }]);
    expect(plan.frozenRows).toBe(1);
    expect(plan.autofitted).toBe(1);
    expect(plan.conditional).toEqual([expect.objectContaining({ address: "D2:D3", type: "ColorScale" })]);
    const streams = excel.sheet("LS Streams")!;
    expect(streams.conditional).toEqual([
      expect.objectContaining({
        address: "B2:B3",
        type: "ContainsText",
        rule: { operator: "BeginsWith", text: "OK" },
      }),
      expect.objectContaining({
        address: "B2:B3",
        type: "ContainsText",
        rule: { operator: "BeginsWith", text: "Short" },
      }),
    ]);
    expect(excel.sheet("Mine")!.cells).toEqual([["keep me"]]);
    expect(excel.calculationAtSync.slice(1, -1).every((m) => m === "Manual")).toBe(true);
    expect(excel.calculationMode).toBe("Automatic");
    expect(excel.active).toBe("LS Plan");
    expect(excel.syncs).toBe(3);
  });

  it("keeps text that looks like a formula as text: '@' in text columns, Excel's quote prefix elsewhere", async () => {
    const excel = new FakeExcel();
    const sheet: SheetOut = {
      name: "LS Plan",
      columns: [
        { key: "sku", header: "SKU", format: "text" },
        { key: "qty", header: "Quantity", format: "integer" },
      ],
      rows: [
        ['=HYPERLINK("http://x")', "+1"],
        ["@risk", "-"],
        ["-5", null],
      ],
    };
    await new OfficeWorkbook(excel.run).writeSheets([sheet]);
    const plan = excel.sheet("LS Plan")!;
    expect(plan.formats.get(0)).toBe("@");
    expect(plan.cells.slice(1)).toEqual([
      ['=HYPERLINK("http://x")', "'+1"],
      ["@risk", "'-"],
      ["-5", ""],
    ]);
  });

  it("replaces sheets the add-in made before and leaves the user's sheets alone", async () => {
    const excel = new FakeExcel();
    excel.addSheet("LS Plan", [["old"], ["stale"]], "LS_Plan", true);
    excel.addSheet("Sales", [["date", "units"]]);
    await new OfficeWorkbook(excel.run).writeSheets([planSheet(1)]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sales", "LS Plan"]);
    expect(excel.sheet("LS Plan")!.cells[1][0]).toBe("SKU-0");
    expect(excel.sheet("LS Plan")!.tables[0].name).toBe("LS_Plan");
    expect(excel.syncs).toBe(4);
  });

  it("names its tables around a user's table that already has the name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Mine", [["x"], [1]], "LS_Plan");
    excel.addSheet("LS Plan", [["old"]], "LS_Plan2", true);
    await new OfficeWorkbook(excel.run).writeSheets([planSheet(1)]);
    expect(excel.sheet("LS Plan")!.tables[0].name).toBe("LS_Plan2");
    expect(excel.sheet("Mine")!.tables[0].name).toBe("LS_Plan");
  });

  it("stops with a clear message and changes nothing when a user's sheet has an output sheet's name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("ls plan", [["my own notes"]]);
    const before = JSON.stringify(excel.sheets, (_, v: unknown) => (v instanceof Map ? [...v] : v));

    const error = await new OfficeWorkbook(excel.run).writeSheets([planSheet()]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).messageIn("en")).toMatch(/“ls plan” already exists .* Nothing was changed/);
    expect((error as InputError).messageIn("zh-CN")).toContain("工作簿没有任何改动");
    expect(JSON.stringify(excel.sheets, (_, v: unknown) => (v instanceof Map ? [...v] : v))).toBe(before);
    expect(excel.calculationAtSync.every((m) => m === "Automatic")).toBe(true);
  });

  it("leaves nothing half-written when Excel fails midway: new sheets removed, old ones intact, calculation restored", async () => {
    const excel = new FakeExcel();
    excel.addSheet("LS Plan", [["old"], ["plan"]], "LS_Plan", true);
    excel.failOnSync = 3;
    const big = planSheet(SYNC_BUDGET.cells / 2);

    await expect(new OfficeWorkbook(excel.run).writeSheets([big])).rejects.toMatchObject({
      code: "GeneralException",
    });

    expect(excel.sheets.map((s) => s.name)).toEqual(["LS Plan"]);
    expect(excel.sheet("LS Plan")!.cells).toEqual([["old"], ["plan"]]);
    expect(excel.calculationMode).toBe("Automatic");
  });

  it("writes a 20,000-row plan, long reason sentences included, in at most 10 syncs within Excel's request size", async () => {
    const excel = new FakeExcel();
    excel.addSheet("LS Plan", [["old"]], "LS_Plan", true);
    const wide: SheetOut = {
      name: "LS Plan",
      columns: Array.from({ length: 18 }, (_, c) => ({
        key: `c${c}`,
        header: `Column ${c}`,
        format: c === 0 ? ("text" as const) : ("decimal" as const),
      })),
      rows: Array.from({ length: 20_000 }, (_, r) =>
        Array.from({ length: 18 }, (_, c) =>
          c === 0 ? `SKU-${r}` : c === 17 ? "x".repeat(150) : r + c + 0.25,
        ),
      ),
    };
    await new OfficeWorkbook(excel.run).writeSheets([wide]);
    expect(excel.sheet("LS Plan")!.cells).toHaveLength(20_001);
    expect(Math.max(...excel.cellsAtSync)).toBeLessThanOrEqual(SYNC_BUDGET.cells);
    expect(Math.max(...excel.charsAtSync)).toBeLessThanOrEqual(SYNC_BUDGET.chars * 1.1);
    expect(excel.syncs).toBeLessThanOrEqual(10);
    process.stdout.write(`20,000-row × 18-column plan written in ${excel.syncs} syncs\n`);
  });

  it("adds the Pareto chart with its cumulative line on the secondary axis", async () => {
    const excel = new FakeExcel();
    const abc: SheetOut = {
      name: "LS ABC",
      columns: [
        { key: "sku", header: "SKU", format: "text" },
        { key: "share", header: "Share", format: "percent" },
        { key: "cumulative", header: "Cumulative", format: "percent" },
      ],
      rows: [
        ["A", 0.6, 0.6],
        ["B", 0.3, 0.9],
        ["C", 0.1, 1],
      ],
    };
    await new OfficeWorkbook(excel.run).writePlan([abc], {
      statusLevels: {},
      charts: [
        {
          sheet: "LS ABC",
          title: "ABC Pareto",
          category: "sku",
          rows: 2,
          series: [
            { key: "share", name: "Sales share", type: "column" },
            { key: "cumulative", name: "Cumulative share", type: "line", secondaryAxis: true },
          ],
        },
      ],
    });
    expect(excel.sheet("LS ABC")!.charts).toEqual([
      {
        type: "ColumnClustered",
        title: "ABC Pareto",
        position: "E2",
        series: [
          {
            name: "Sales share",
            chartType: "ColumnClustered",
            axisGroup: "Primary",
            values: "B2:B3",
            categories: "A2:A3",
          },
          {
            name: "Cumulative share",
            chartType: "Line",
            axisGroup: "Secondary",
            values: "C2:C3",
            categories: "A2:A3",
          },
        ],
      },
    ]);
  });
});

describe("OfficeWorkbook extras", () => {
  it("inserts tables on new sheets as named Excel tables, dates as date cells", async () => {
    const excel = new FakeExcel();
    excel.addSheet("SKUs", [["mine"]]);
    const names = await new OfficeWorkbook(excel.run).insertTables([
      {
        name: "SKUs",
        sheet: "SKUs",
        headers: ["sku", "unit_cost"],
        rows: [["A-1", 2]],
        firstRow: 2,
        firstColumn: 1,
      },
      {
        name: "Sales",
        sheet: "Sales",
        headers: ["date", "units"],
        rows: [[new Date(Date.UTC(2024, 10, 4)), 3]],
        firstRow: 2,
        firstColumn: 1,
      },
    ]);
    expect(names).toEqual(["SKUs (2)", "Sales"]);
    expect(excel.sheet("SKUs (2)")!.tables[0].name).toBe("SKUs");
    expect(excel.sheet("Sales")!.cells).toEqual([
      ["date", "units"],
      [45600, 3],
    ]);
    expect(excel.sheet("Sales")!.formats.get(0)).toBe("yyyy-mm-dd");
  });

  it("refuses to insert the sample over an existing table of the same name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Mine", [["sku"], ["X"]], "SKUs");
    const table = { name: "SKUs", sheet: "SKUs", headers: ["sku"], rows: [], firstRow: 2, firstColumn: 1 };
    await expect(new OfficeWorkbook(excel.run).insertTables([table])).rejects.toMatchObject({
      key: "errorSampleExists",
    });
    expect(excel.sheets).toHaveLength(1);
  });

  it("selects a problem's cell, and says so when the sheet is gone", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sales", [["date"]]);
    const book = new OfficeWorkbook(excel.run);
    await book.selectCell({ sheet: "Sales", row: 3, column: 2 });
    expect(excel.active).toBe("Sales");
    expect(excel.selected).toEqual({ sheet: "Sales", address: "B3" });
    await expect(book.selectCell({ sheet: "Gone", row: 1, column: 1 })).rejects.toMatchObject({
      key: "errorSelect",
    });
  });

  it("keeps settings in the document and reports a failed save", async () => {
    const store = new Map<string, unknown>();
    let fail = false;
    const settings: DocumentSettings = {
      get: (k) => store.get(k),
      set: (k, v) => store.set(k, v),
      saveAsync: (cb) =>
        cb?.({
          status: fail ? "failed" : "succeeded",
          error: { message: "read-only" },
        } as unknown as Office.AsyncResult<void>),
    };
    const book = new OfficeWorkbook(new FakeExcel().run, settings);
    await book.saveSetting("mapping", "{}");
    await expect(book.loadSetting("mapping")).resolves.toBe("{}");
    fail = true;
    await expect(book.saveSetting("mapping", "{}")).rejects.toMatchObject({ key: "errorSettings" });
  });
});
