import type { CellValue } from "../../../src/core/data/table";
import { readPlanInput } from "../../../src/core/data/validate";
import { dayFromIso } from "../../../src/core/time/day";
import { cleanWorkbook, table, withTable } from "./fixtures";

/** Every kind of bad row at once; each comment names the problem the row must produce. */
function brokenWorkbook() {
  let tables = cleanWorkbook();
  tables = withTable(
    tables,
    table(
      "SKUs",
      ["sku", "unit_cost", "name", "moq", "case_pack"],
      [
        ["000123", 5, "ok", null, null],
        ["B-2", "abc", "text in a number column", null, null],
        [null, 1, "blank key", null, null],
        ["000123", 5, "duplicate key", null, null],
        ["C-3", 1, "case pack 0", null, 0],
        [null, null, null, null, null],
        ["D-4", 2, "ok", null, null],
      ],
    ),
  );
  tables = withTable(
    tables,
    table(
      "Warehouses",
      ["warehouse", "country"],
      [
        ["US-West", "US"],
        ["Thailand", "Thai"],
      ],
    ),
  );
  tables = withTable(
    tables,
    table(
      "Stock",
      ["sku", "warehouse", "on_hand"],
      [
        ["000123", "US-West", -5],
        ["ZZZ", "US-West", 1],
        ["D-4", "Mars", 1],
        ["D-4", "US-West", "ten"],
        ["000123", "US-West", 3],
        ["C-3", "US-West", 1],
      ],
    ),
  );
  tables = withTable(
    tables,
    table("InTransit", ["sku", "warehouse", "qty", "eta"], [["000123", "US-West", 10, "soon"]]),
  );
  tables = withTable(
    tables,
    table(
      "Sales",
      ["date", "sku", "warehouse", "units"],
      [
        ["2025-03-01", "000123", "US-West", 4],
        ["32/13/2025", "000123", "US-West", 1],
        ["2025-03-01", "000123", "US-West", -2],
      ],
    ),
  );
  tables = withTable(
    tables,
    table(
      "StreamItems",
      ["stream_id", "sku"],
      [
        ["S1", "000123"],
        ["S9", "000123"],
      ],
    ),
  );
  tables = withTable(
    tables,
    table(
      "Lanes",
      ["from", "to", "mode", "lead_days"],
      [
        ["CN", "US-West", "SEA", 30],
        ["CN", "US-West", "rail", 20],
        ["CN", "US-West", "sea", 25],
      ],
    ),
  );
  return tables;
}

describe("readPlanInput: a deliberately broken workbook", () => {
  const read = readPlanInput(brokenWorkbook());
  const located = read.problems.map((p) => [p.table, p.row, p.column, p.cell]);

  it("lists every problem with its table, sheet row, column and cell", () => {
    expect(located).toEqual([
      ["SKUs", 3, "unit_cost", "B3"],
      ["SKUs", 4, "sku", "A4"],
      ["SKUs", 5, "sku", "A5"],
      ["SKUs", 6, "case_pack", "E6"],
      ["Warehouses", 3, "country", "B3"],
      ["Stock", 3, "sku", "A3"],
      ["Stock", 4, "warehouse", "B4"],
      ["Stock", 5, "on_hand", "C5"],
      ["Stock", 6, "sku", "A6"],
      ["Stock", 7, "sku", "A7"],
      ["InTransit", 2, "eta", "D2"],
      ["Sales", 3, "date", "A3"],
      ["Sales", 4, "units", "D4"],
      ["Streams", 3, "stream_id", "A3"],
      ["StreamItems", 3, "stream_id", "A3"],
      ["Lanes", 3, "mode", "C3"],
      ["Lanes", 4, "mode", "C4"],
    ]);
  });

  it("says what is wrong with the value, in English and Chinese", () => {
    const byCell = (table: string, cell: string) =>
      read.problems.find((p) => p.table === table && p.cell === cell)!;
    expect(byCell("SKUs", "B3")).toMatchObject({
      value: "abc",
      message: { en: "unit_cost must be a number, not “abc”.", zh: "unit_cost 必须是数字,而不是“abc”。" },
    });
    expect(byCell("SKUs", "A4").message.en).toBe("sku is blank: every row needs one.");
    expect(byCell("SKUs", "A5").message.en).toBe(
      "000123 appears twice: first in row 2. Keep one row per sku.",
    );
    expect(byCell("Stock", "A3").message.en).toBe("SKU “ZZZ” is not in the SKUs table.");
    expect(byCell("Stock", "B4").message.zh).toBe("仓库“Mars”不在 Warehouses(仓库)表中。");
    expect(byCell("Stock", "A6").message.en).toContain("000123 @ US-West appears twice");
    expect(byCell("Stock", "A7").message.en).toBe(
      "sku “C-3” refers to a row that has a problem above; fix that row first.",
    );
    expect(byCell("Sales", "A3").message.en).toContain("not “32/13/2025”");
    expect(byCell("Sales", "D4").message.en).toBe("units must not be negative (-2).");
    expect(byCell("Streams", "A3").message.en).toBe(
      "Stream “S2” has no rows in StreamItems: list the SKUs it features.",
    );
    expect(byCell("StreamItems", "A3").message.en).toBe("Stream “S9” is not in the Streams table.");
    expect(byCell("Lanes", "C4").message.en).toContain("CN → US-West SEA appears twice");
  });

  it("refuses to plan", () => expect(read.plannable).toBe(false));

  it("keeps negative stock (backorders) without a problem", () => {
    expect(read.input.stock).toEqual([
      expect.objectContaining({ sku: "000123", warehouse: "US-West", onHand: -5 }),
    ]);
  });
});

describe("skip-invalid", () => {
  const read = readPlanInput(brokenWorkbook(), { skipInvalid: true });

  it("plans without the bad rows and still lists them", () => {
    expect(read.plannable).toBe(true);
    expect(read.problems).toHaveLength(17);
    expect(read.skippedRows).toBe(17);
    expect(read.input.skus.map((s) => s.sku)).toEqual(["000123", "D-4"]);
    expect(read.input.sales).toHaveLength(1);
    expect(read.input.lanes).toHaveLength(1);
    expect(read.input.streams.map((s) => s.streamId)).toEqual(["S1"]);
  });

  it("cannot skip a missing column", () => {
    const lanes = table("Lanes", ["to", "mode"], [["US-West", "SEA"]]);
    expect(readPlanInput(withTable(cleanWorkbook(), lanes), { skipInvalid: true }).plannable).toBe(false);
  });
});

describe("lanes missing for a warehouse", () => {
  const tables = withTable(
    withTable(
      cleanWorkbook(),
      table(
        "Warehouses",
        ["warehouse", "country"],
        [
          ["US-West", "US"],
          ["Thailand", "TH"],
          ["Germany", "DE"],
        ],
      ),
    ),
    table(
      "Stock",
      ["sku", "warehouse", "on_hand"],
      [
        ["000123", "US-West", 40],
        ["B-2", "Germany", 3],
        ["C-3", "Germany", 1],
      ],
    ),
  );

  it("names the warehouse and the SKUs that cannot be planned", () => {
    const read = readPlanInput(tables);
    expect(read.problems).toEqual([
      expect.objectContaining({ table: "Warehouses", row: 4, column: "warehouse", value: "Germany" }),
    ]);
    expect(read.problems[0].message.en).toBe(
      "No lane in the Lanes table reaches warehouse “Germany”, so 2 SKU(s) there cannot be planned (B-2, C-3). Add a SEA, AIR or EXPRESS lane to it.",
    );
  });

  it("with skip-invalid, leaves the warehouse and its rows out", () => {
    const read = readPlanInput(tables, { skipInvalid: true });
    expect(read.input.warehouses.map((w) => w.warehouse)).toEqual(["US-West", "Thailand"]);
    expect(read.input.stock.map((s) => s.warehouse)).toEqual(["US-West"]);
    expect(read.skippedRows).toBe(3);
  });
});

describe("a clean workbook", () => {
  const read = readPlanInput(cleanWorkbook());

  it("has no problems and every row typed", () => {
    expect(read.problems).toEqual([]);
    expect(read.plannable).toBe(true);
    expect(read.input.skus[0]).toMatchObject({
      sku: "000123",
      unitCost: 5,
      name: '=HYPERLINK("http://x","x")',
      moq: 100,
      casePack: 12,
    });
    expect(read.input.skus[1].unitCost).toBe(4.5);
    expect(read.input.warehouses[1].country).toBe("TH");
    expect(read.input.sales.map((s) => s.date)).toEqual(
      ["2025-03-01", "2025-03-04", "2025-03-02", "2025-03-02"].map((d) => dayFromIso(d)),
    );
    expect(read.input.sales[3].streamId).toBe("S1");
    expect(read.input.inTransit[0]).toMatchObject({ mode: "SEA", eta: dayFromIso("2025-03-20") });
    expect(read.input.streamItems).toEqual([
      { streamId: "S1", sku: "000123", units: 30 },
      { streamId: "S2", sku: "000123", units: undefined },
    ]);
    expect(read.input.settings.get("emergency_budget")).toBe(500);
  });

  it("does not change its input tables", () => {
    const tables = cleanWorkbook().map((t) =>
      Object.freeze({ ...t, rows: Object.freeze(t.rows.map((r) => Object.freeze([...r]))) }),
    );
    expect(() => readPlanInput(tables)).not.toThrow();
  });

  it("reads a 100,000-row Sales table in one pass", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [
      45000 + (i % 700),
      i % 2 ? "000123" : "B-2",
      "US-West",
      i % 9,
    ]);
    const big = readPlanInput(
      withTable(cleanWorkbook(), table("Sales", ["date", "sku", "warehouse", "units"], rows)),
    );
    expect(big.problems).toEqual([]);
    expect(big.input.sales).toHaveLength(100_000);
  });
});

describe("rows that refer to a row with a problem", () => {
  it("say so instead of calling the key unknown", () => {
    const streams = table(
      "Streams",
      ["stream_id", "date", "warehouse", "peak_viewers", "avg_dwell_min"],
      [["S1", "2025-03-02", "US-West", "lots", 3.2]],
    );
    const items = table("StreamItems", ["stream_id", "sku"], [["S1", "000123"]]);
    const read = readPlanInput(withTable(withTable(cleanWorkbook(), streams), items));
    expect(read.problems.map((p) => [p.table, p.row, p.column])).toEqual([
      ["Streams", 2, "peak_viewers"],
      ["StreamItems", 2, "stream_id"],
    ]);
    expect(read.problems[1].message.en).toBe(
      "stream_id “S1” refers to a row that has a problem above; fix that row first.",
    );
  });
});

describe("Streams.expected_viewers 预计在线 (the figure a past stream was planned with)", () => {
  const withStreams = (rows: CellValue[][], header = "expected_viewers") =>
    readPlanInput(
      withTable(
        cleanWorkbook(),
        table("Streams", ["stream_id", "date", "warehouse", "peak_viewers", "avg_dwell_min", header], rows),
      ),
    );

  it("is read where given and absent where blank, under its English or Chinese header", () => {
    for (const header of ["expected_viewers", "预计在线"]) {
      const read = withStreams(
        [
          ["S1", "2025-03-02", "US-West", 8000, 3.2, 10000],
          ["S2", "2025-03-20", "US-West", 12000, 3.5, null],
        ],
        header,
      );
      expect(read.problems).toEqual([]);
      expect(read.input.streams.map((s) => s.expectedViewers)).toEqual([10000, undefined]);
    }
  });

  it("a negative or text value is a problem at its cell", () => {
    const read = withStreams([
      ["S1", "2025-03-02", "US-West", 8000, 3.2, -5],
      ["S2", "2025-03-20", "US-West", 12000, 3.5, "many"],
    ]);
    expect(read.problems.filter((p) => p.table === "Streams").map((p) => [p.row, p.column])).toEqual([
      [2, "expected_viewers"],
      [3, "expected_viewers"],
    ]);
  });
});
