import { benchSeller } from "../../bench/seller";
import type { CellValue, RawTable, SheetOut } from "../../src/core/data/table";
import { InputError } from "../../src/core/errors";
import { planWorkbook } from "../../src/core/job";
import { dayFromDate, dayToExcelSerial } from "../../src/core/time/day";
import { generateSeller, SAMPLE_OPTIONS } from "../../src/sample/generate";
import {
  OfficeWorkbook,
  READ_BUDGET_BYTES,
  SYNC_BUDGET,
  type DocumentSettings,
} from "../../src/workbook/officeWorkbook";
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from "./officeFake";

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

/** Input tables as Excel holds them: dates as serials. */
const asCells = (table: RawTable): (string | number | boolean)[][] => [
  [...table.headers],
  ...table.rows.map((r) =>
    r.map((v: CellValue) => (v instanceof Date ? dayToExcelSerial(dayFromDate(v)) : v === null ? "" : v)),
  ),
];

describe("OfficeWorkbook.readTables", () => {
  it("reads tables through header and data body (not the totals row), header-row sheets, skipping the add-in's sheets", async () => {
    const excel = new FakeExcel();
    const data = excel.addSheet(
      "Data",
      [
        ["sku", "unit_cost"],
        ["A-1", 2.5],
        ["=B2", ""],
        ["Total", 2.5],
      ],
      "SKUs",
    );
    data.tables[0] = { name: "SKUs", address: "A1:B3", totals: true };
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
    // Names; marks, headers and sizes; one chunk of rows.
    expect(excel.syncs).toBe(3);
    expect(excel.runs).toEqual([{}]);
  });

  it("reads a seller twice the sample in chunks of at most 2 MB per sync, never a response over 5 MB", async () => {
    const excel = new FakeExcel();
    const seller = generateSeller({ ...SAMPLE_OPTIONS, skus: SAMPLE_OPTIONS.skus * 2 });
    for (const table of seller) excel.addSheet(table.sheet || table.name, asCells(table), table.name);
    const allBytes = seller.reduce(
      (n, t) => n + new TextEncoder().encode(JSON.stringify(asCells(t))).length,
      0,
    );
    expect(allBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);

    const tables = await new OfficeWorkbook(excel.run).readTables();

    expect(tables.map((t) => [t.name, t.rows.length])).toEqual(seller.map((t) => [t.name, t.rows.length]));
    expect(tables.find((t) => t.name === "Sales")!.rows.at(-1)).toEqual(
      asCells(seller.find((t) => t.name === "Sales")!)
        .at(-1)!
        .map((v) => (v === "" ? null : v)),
    );
    expect(Math.max(...excel.responseBytesAtSync)).toBeLessThanOrEqual(READ_BUDGET_BYTES * 1.25);
    process.stdout.write(
      `${(allBytes / 1e6).toFixed(1)} MB of tables read in ${excel.syncs} syncs, largest response ${(Math.max(...excel.responseBytesAtSync) / 1e6).toFixed(2)} MB\n`,
    );
  });

  it("returns no tables for a workbook without any", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1", []);
    await expect(new OfficeWorkbook(excel.run).readTables()).resolves.toEqual([]);
  });
});

/** The sheets' cells by name, for comparing whole plans. */
const cellsOf = (excel: FakeExcel, names: readonly string[]) =>
  names.map((name) => excel.sheet(name)?.cells ?? "missing");

describe("OfficeWorkbook.writePlan", () => {
  it("writes each sheet as a formatted Excel table, marked as the add-in's, waiting for cell edits, calculation suspended in every writing sync", async () => {
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
    expect(excel.active).toBe("LS Plan");
    expect(excel.runs).toEqual([{ delayForCellEdit: true }]);
    expect(excel.calculationModeSets).toEqual([]);
    excel.wroteAtSync.forEach((wrote, i) =>
      expect({ sync: i + 1, suspended: excel.suspendedAtSync[i] || !wrote }).toEqual({
        sync: i + 1,
        suspended: true,
      }),
    );
    // Two to read the workbook, one of cells, one to finish, one to swap in.
    expect(excel.syncs).toBe(5);
  });

  it("keeps text as text: '@' before the values in text columns, the quote prefix in General ones, long text General", async () => {
    const excel = new FakeExcel();
    const reason = `Ship by sea: ${"the stream on Nov 11 needs stock; ".repeat(10)}`;
    expect(reason.length).toBeGreaterThan(255);
    const sheet: SheetOut = {
      name: "LS Plan",
      columns: [
        { key: "sku", header: "SKU", format: "text" },
        { key: "qty", header: "Quantity", format: "integer" },
        { key: "reason", header: "Reason", format: "text" },
      ],
      rows: [
        ['=HYPERLINK("http://x")', "+1", reason],
        ["001001", "-", "=1+1"],
        ["-5", null, "001001"],
        ["TRUE", "2024-11-04", "@risk"],
      ],
    };
    await new OfficeWorkbook(excel.run).writeSheets([sheet]);
    const plan = excel.sheet("LS Plan")!;
    expect([...plan.formats.entries()]).toEqual([
      [0, "@"],
      [1, "#,##0"],
      [2, "General"],
    ]);
    expect(plan.cells.slice(1)).toEqual([
      ['=HYPERLINK("http://x")', "+1", reason],
      ["001001", "-", "=1+1"],
      ["-5", "", "001001"],
      ["TRUE", "2024-11-04", "@risk"],
    ]);
    expect(plan.formulas).toEqual(new Map());
  });

  it("replaces sheets the add-in made before, leaves the user's alone and no backup behind", async () => {
    const excel = new FakeExcel();
    excel.addSheet("LS Plan", [["old"], ["stale"]], "LS_Plan", true);
    excel.addSheet("Sales", [["date", "units"]]);
    await new OfficeWorkbook(excel.run).writeSheets([planSheet(1)]);
    expect(excel.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sales", "Visible"],
      ["LS Plan", "Visible"],
    ]);
    expect(excel.sheet("LS Plan")!.cells[1][0]).toBe("SKU-0");
    // The old table still held "LS_Plan" while the new one was made.
    expect(excel.sheet("LS Plan")!.tables[0].name).toBe("LS_Plan2");
    // Two to read, one of cells, one to finish, one to swap, one to delete the old sheet.
    expect(excel.syncs).toBe(6);
  });

  it("names its tables around a user's table and a defined name that already have the name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Mine", [["x"], [1]], "LS_Plan");
    excel.names.push("LS_Plan2", "ls_streams");
    await new OfficeWorkbook(excel.run).writeSheets([planSheet(1), streamsSheet]);
    expect(excel.sheet("LS Plan")!.tables[0].name).toBe("LS_Plan3");
    expect(excel.sheet("LS Streams")!.tables[0].name).toBe("LS_Streams2");
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
    expect(excel.log.every((label) => label.startsWith("(read)"))).toBe(true);
  });

  describe("a failure at any statement leaves the user one whole plan, old or new", () => {
    const names = ["LS Plan", "LS Streams"];
    const setUp = () => {
      const excel = new FakeExcel();
      excel.addSheet("Mine", [["keep me"]]);
      excel.addSheet("LS Plan", [["old"], ["plan"]], "LS_Plan", true);
      excel.addSheet("LS Streams", [["old"], ["streams"]], "LS_Streams", true);
      return excel;
    };
    const fresh = [planSheet(), streamsSheet];
    const presentation = {
      statusLevels: { OK: "ok" as const },
      charts: [
        {
          sheet: "LS Plan",
          title: "Quantities",
          category: "sku",
          rows: 2,
          series: [{ key: "qty", name: "Quantity", type: "column" as const }],
        },
      ],
    };
    const reference = setUp();
    const oldCells = cellsOf(reference, names);
    const statementsBefore = reference.statements;
    const referenceBook = new OfficeWorkbook(reference.run);
    let newCells: unknown;
    let statements = 0;
    beforeAll(async () => {
      await referenceBook.writePlan(fresh, presentation);
      newCells = cellsOf(reference, names);
      statements = reference.statements - statementsBefore;
    });

    /** Old or new, under the output names, visible, nothing half-made left, the user's sheet untouched. */
    const expectWholePlan = (excel: FakeExcel) => {
      const now = cellsOf(excel, names);
      expect([JSON.stringify(oldCells), JSON.stringify(newCells)]).toContain(JSON.stringify(now));
      expect(excel.sheets.filter((s) => s.name.startsWith("LS~"))).toEqual([]);
      expect(names.map((n) => excel.sheet(n)!.visibility)).toEqual(["Visible", "Visible"]);
      expect(excel.sheet("Mine")!.cells).toEqual([["keep me"]]);
    };

    it("has statements to fail", () => {
      expect(statements).toBeGreaterThan(40);
      expect(JSON.stringify(newCells)).not.toBe(JSON.stringify(oldCells));
    });

    it("when the adapter's own cleanup runs after the failure", async () => {
      for (let k = 1; k <= statements; k++) {
        const excel = setUp();
        excel.failAtStatement = excel.statements + k;
        await new OfficeWorkbook(excel.run).writePlan(fresh, presentation).catch(() => undefined);
        expect({ k, failed: excel.failAtStatement <= excel.statements }).toEqual({ k, failed: true });
        expectWholePlan(excel);
      }
    });

    it("when the connection drops at the failure, the next run recovers, even if it fails too", async () => {
      for (let k = 1; k <= statements; k++) {
        const excel = setUp();
        excel.failAtStatement = excel.statements + k;
        excel.offlineAfterFailure = true;
        const book = new OfficeWorkbook(excel.run);
        await book.writePlan(fresh, presentation).catch(() => undefined);
        excel.offline = false;
        excel.offlineAfterFailure = false;
        excel.failOnLabel = /^add sheet LS~new~0$/;
        await expect(book.writePlan(fresh, presentation)).rejects.toThrow(/simulated/);
        expect(excel.failOnLabel).toBeUndefined();
        expectWholePlan(excel);
      }
    });
  });

  it("writes a 20,000-row plan, long reason sentences included, in few syncs within Excel's request size", async () => {
    const excel = new FakeExcel();
    excel.addSheet("LS Plan", [["old"]], "LS_Plan", true);
    const wide: SheetOut = {
      name: "LS Plan",
      columns: Array.from({ length: 18 }, (_, c) => ({
        key: `c${c}`,
        header: `Column ${c}`,
        format: c === 0 || c === 17 ? ("text" as const) : ("decimal" as const),
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
    expect(Math.max(...excel.requestBytesAtSync)).toBeLessThanOrEqual(SYNC_BUDGET.bytes * 1.05);
    expect(excel.syncs).toBeLessThanOrEqual(12);
    process.stdout.write(`20,000-row × 18-column plan written in ${excel.syncs} syncs\n`);
  });

  it("writes the bench seller's zh-CN plan within a 3 MB budget counted in UTF-8 bytes, well under Excel's 5 MB", async () => {
    // The zh-CN plan of the bench seller at 1,000 SKUs, its LS Plan repeated to the size it has at
    // 5,000 (≈ 22,000 rows): planning 5,000 SKUs here would take a minute.
    const result = planWorkbook(generateSeller(benchSeller(1000)), { lang: "zh-CN" });
    expect(result.sheets).toBeDefined();
    const sheets = result.sheets!.map((s) =>
      s.name === "LS Plan" ? { ...s, rows: Array.from({ length: 5 }, () => s.rows).flat() } : s,
    );
    const plan = sheets[0];
    const chars = plan.rows.reduce((n, r) => n + JSON.stringify(r).length, 0);
    const bytes = plan.rows.reduce((n, r) => n + new TextEncoder().encode(JSON.stringify(r)).length, 0);
    expect(bytes / chars).toBeGreaterThan(1.4);
    const excel = new FakeExcel();
    await new OfficeWorkbook(excel.run).writeSheets(sheets);
    expect(excel.sheet(plan.name)!.cells).toHaveLength(plan.rows.length + 1);
    expect(Math.max(...excel.requestBytesAtSync)).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES * 0.6);
    expect(Math.max(...excel.requestBytesAtSync)).toBeLessThanOrEqual(SYNC_BUDGET.bytes * 1.05);
    process.stdout.write(
      `zh-CN plan, LS Plan ${plan.rows.length} rows (${(bytes / chars).toFixed(2)} bytes a character): ${excel.syncs} syncs, largest request ${(Math.max(...excel.requestBytesAtSync) / 1e6).toFixed(2)} MB\n`,
    );
  });

  it("replaces only the sheets it writes: the simulation's leave the plan's alone, and the plan's the simulation's", async () => {
    const excel = new FakeExcel();
    const book = new OfficeWorkbook(excel.run);
    await book.writePlan([planSheet(), streamsSheet], { charts: [], statusLevels: {} });
    const plan = cellsOf(excel, ["LS Plan", "LS Streams"]);
    const figures: SheetOut = {
      name: "LS Simulation",
      columns: [
        { key: "policy", header: "Policy", format: "text" },
        { key: "mean", header: "Mean", format: "decimal" },
      ],
      rows: [["LiveStock", 97.5]],
    };
    const chartData: SheetOut = {
      name: "LS Simulation Chart",
      columns: [
        { key: "date", header: "Date", format: "date" },
        { key: "stock_livestock", header: "stock, LiveStock", format: "integer" },
        { key: "stock_naive", header: "stock, Naive", format: "integer" },
      ],
      rows: [
        [{ date: "2026-11-23" }, 40, 12],
        [{ date: "2026-11-24" }, 35, 0],
      ],
    };
    await book.writePlan([figures, chartData], {
      statusLevels: {},
      charts: [
        {
          sheet: "LS Simulation Chart",
          title: "LS-1 at US-West around stream BF (2026-11-27)",
          category: "date",
          rows: 2,
          series: [
            { key: "stock_livestock", name: "stock, LiveStock", type: "line" },
            { key: "stock_naive", name: "stock, Naive", type: "line" },
          ],
        },
      ],
    });
    expect(excel.sheets.map((s) => s.name)).toEqual([
      "LS Plan",
      "LS Streams",
      "LS Simulation",
      "LS Simulation Chart",
    ]);
    expect(cellsOf(excel, ["LS Plan", "LS Streams"])).toEqual(plan);
    expect(excel.sheet("LS Simulation Chart")!.charts).toEqual([
      {
        type: "Line",
        title: "LS-1 at US-West around stream BF (2026-11-27)",
        position: "E2",
        series: [
          {
            name: "stock, LiveStock",
            chartType: "Line",
            axisGroup: "Primary",
            values: "B2:B3",
            categories: "A2:A3",
          },
          {
            name: "stock, Naive",
            chartType: "Line",
            axisGroup: "Primary",
            values: "C2:C3",
            categories: "A2:A3",
          },
        ],
      },
    ]);
    const simulated = cellsOf(excel, ["LS Simulation", "LS Simulation Chart"]);
    await book.writePlan([planSheet(1), streamsSheet], { charts: [], statusLevels: {} });
    expect(cellsOf(excel, ["LS Simulation", "LS Simulation Chart"])).toEqual(simulated);
    expect(excel.sheet("LS Plan")!.cells).toHaveLength(2);
    expect(excel.sheet("LS Simulation Chart")!.charts).toHaveLength(1);
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
  const sample = (): RawTable[] => [
    {
      name: "SKUs",
      sheet: "SKUs",
      headers: ["sku", "unit_cost"],
      rows: [
        ["001001", 2],
        ["LS-01002", 3],
      ],
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
  ];

  it("inserts tables on new sheets as named Excel tables: codes such as 001001 stay text, dates as date cells", async () => {
    const excel = new FakeExcel();
    excel.addSheet("SKUs", [["mine"]]);
    const names = await new OfficeWorkbook(excel.run).insertTables(sample());
    expect(names).toEqual(["SKUs (2)", "Sales"]);
    const skus = excel.sheet("SKUs (2)")!;
    expect(skus.tables[0].name).toBe("SKUs");
    expect(skus.formats.get(0)).toBe("@");
    expect(skus.cells).toEqual([
      ["sku", "unit_cost"],
      ["001001", 2],
      ["LS-01002", 3],
    ]);
    expect(excel.sheet("Sales")!.cells).toEqual([
      ["date", "units"],
      [45600, 3],
    ]);
    expect(excel.sheet("Sales")!.formats.get(0)).toBe("yyyy-mm-dd");
    expect(excel.runs).toEqual([{ delayForCellEdit: true }]);
    excel.wroteAtSync.forEach((wrote, i) => expect(excel.suspendedAtSync[i] || !wrote).toBe(true));
  });

  it("refuses to insert the sample over an existing table or defined name of the same name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Mine", [["sku"], ["X"]], "SKUs");
    const table = { name: "SKUs", sheet: "SKUs", headers: ["sku"], rows: [], firstRow: 2, firstColumn: 1 };
    await expect(new OfficeWorkbook(excel.run).insertTables([table])).rejects.toMatchObject({
      key: "errorSampleExists",
    });
    const named = new FakeExcel();
    named.names.push("sales");
    await expect(new OfficeWorkbook(named.run).insertTables(sample())).rejects.toMatchObject({
      key: "errorSampleExists",
    });
    expect(excel.sheets).toHaveLength(1);
    expect(named.sheets).toHaveLength(0);
  });

  it("removes the sheets it added when inserting fails", async () => {
    const excel = new FakeExcel();
    excel.failOnLabel = /^name table Sales$/;
    await expect(new OfficeWorkbook(excel.run).insertTables(sample())).rejects.toThrow(/simulated/);
    expect(excel.sheets).toEqual([]);
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
