import { LIMITS } from "../../../src/core/data/contract";
import type { CellValue, RawTable } from "../../../src/core/data/table";
import { readPlanInput } from "../../../src/core/data/validate";
import { planWorkbook } from "../../../src/core/job";
import { addDays, dayFromIso, dayToIso } from "../../../src/core/time/day";
import { generateSeller, SAMPLE_OPTIONS } from "../../../src/sample/generate";
import { cleanWorkbook, table, withTable } from "./fixtures";

const clean = cleanWorkbook();
const tableOf = (tables: readonly RawTable[], name: string): RawTable => tables.find((t) => t.name === name)!;

/** The clean workbook with one cell of `name` (data row `row`, 0-based; column by header) set to `value`. */
function withCell(name: string, row: number, header: string, value: CellValue): RawTable[] {
  const t = tableOf(clean, name);
  const at = t.headers.indexOf(header);
  const rows = t.rows.map((r, i) => (i === row ? r.map((c, j) => (j === at ? value : c)) : r));
  return withTable(clean, { ...t, rows });
}

describe("plausible bounds", () => {
  it.each([
    ["Lanes", "lead_days", 1_000_000, "D2"],
    ["Lanes", "lead_days", 366, "D2"],
    ["Stock", "on_hand", 1e308, "C2"],
    ["Stock", "on_hand", -2e9, "C2"],
    ["Sales", "units", 1e306, "D2"],
    ["Sales", "units", "1e306", "D2"],
    ["SKUs", "unit_cost", 1e10, "B2"],
    ["SKUs", "moq", 1e12, "D2"],
    ["Streams", "avg_dwell_min", 100_000, "E2"],
    ["InTransit", "qty", 5e9, "C2"],
  ])("%s.%s = %p is a located problem", (name, header, value, cell) => {
    const read = readPlanInput(withCell(name, 0, header, value));
    expect(read.plannable).toBe(false);
    // Rows that refer to the refused row (a SKU's stock, a stream's items) say so after it.
    const bound = read.problems.filter((p) => p.message.en.includes("cannot be a real figure"));
    expect(bound).toEqual([
      expect.objectContaining({ table: name, row: 2, column: header, cell, value: String(value) }),
    ]);
    expect(bound[0].message.zh).toContain("不可能是真实数值");
  });

  it("accepts values at the bounds", () => {
    let tables = withCell("Lanes", 0, "lead_days", LIMITS.days);
    tables = withTable(tables, {
      ...tableOf(tables, "Stock"),
      rows: [
        ["000123", "US-West", -LIMITS.quantity],
        ["B-2", "US-West", LIMITS.quantity],
      ],
    });
    const read = readPlanInput(tables);
    expect(read.problems).toEqual([]);
    expect(read.input.lanes[0].leadDays).toBe(365);
  });

  it("bounds lead time spread, production days, weights and prices", () => {
    const skus = table(
      "SKUs",
      ["sku", "unit_cost", "price", "weight_kg", "production_days"],
      [
        ["000123", 5, 2e9, 1, 10],
        ["B-2", 4, 10, 20_000, 10],
        ["C-3", 1, 2, 1, 400],
      ],
    );
    const lanes = table(
      "Lanes",
      ["from", "to", "mode", "lead_days", "lead_sd_days", "cost_per_kg"],
      [
        ["CN", "US-West", "SEA", 30, 500, 1],
        ["CN", "US-West", "AIR", 8, 1, 1e10],
        ["CN", "Thailand", "SEA", 12, 2, 1],
      ],
    );
    const read = readPlanInput(withTable(withTable(clean, skus), lanes));
    const bound = read.problems.filter((p) => p.message.en.includes("cannot be a real figure"));
    expect(bound.map((p) => `${p.table}!${p.cell}`)).toEqual([
      "SKUs!C2",
      "SKUs!D3",
      "SKUs!E4",
      "Lanes!E2",
      "Lanes!F3",
    ]);
  });

  it("refuses text longer than an Excel cell holds, and cuts it in the message", () => {
    const long = "x".repeat(40_000);
    const read = readPlanInput(withCell("SKUs", 1, "name", long));
    expect(read.problems).toEqual([
      expect.objectContaining({ table: "SKUs", row: 3, column: "name", cell: "C3" }),
    ]);
    expect(read.problems[0].message.en).toContain("holds 40000 characters");
    expect(read.problems[0].value!.length).toBeLessThan(100);
    expect(read.problems[0].message.en.length).toBeLessThan(300);
    expect(readPlanInput(withCell("SKUs", 1, "name", "x".repeat(32_767))).problems).toEqual([]);
  });

  it("refuses a 40,000-character SKU code", () => {
    const read = readPlanInput(withCell("SKUs", 1, "sku", "S".repeat(40_000)));
    expect(read.problems[0]).toMatchObject({ table: "SKUs", row: 3, cell: "A3" });
  });
});

describe("Sales.stream_id placeholders", () => {
  const sales = (ids: readonly CellValue[]): RawTable[] =>
    withTable(
      clean,
      table(
        "Sales",
        ["date", "sku", "warehouse", "units", "stream_id"],
        ids.map((id, i) => [45700 + i, "B-2", "US-West", 3, id]),
      ),
    );

  it("reads -, 0, N/A, #N/A, 无 and none as blank, and says so once", () => {
    const read = readPlanInput(sales(["-", 0, "N/A", "#N/A", "无", " none ", null, "S1"]));
    expect(read.problems).toEqual([]);
    expect(read.input.sales.map((s) => s.streamId)).toEqual([...new Array(7).fill(undefined), "S1"]);
    expect(read.remarks).toEqual([
      expect.objectContaining({ table: "Sales", row: 2, column: "stream_id", cell: "E2" }),
    ]);
    expect(read.remarks[0].message.en).toBe(
      "6 Sales row(s) have “-”, “0”, “N/A”, “#N/A”, “无” in stream_id, read as “not a stream” (blank); the first is this one.",
    );
  });

  it("keeps a placeholder-like id that the Streams table lists", () => {
    const streams = table(
      "Streams",
      ["stream_id", "date", "warehouse", "peak_viewers", "avg_dwell_min"],
      [["0", "2025-03-02", "US-West", 8000, 3.2]],
    );
    const items = table("StreamItems", ["stream_id", "sku"], [["0", "B-2"]]);
    const read = readPlanInput(withTable(withTable(sales([0]), streams), items));
    expect(read.problems).toEqual([]);
    expect(read.remarks).toEqual([]);
    expect(read.input.sales[0].streamId).toBe("0");
  });

  it("remarks on a stream id the Streams table does not list, once per id with its row count", () => {
    const read = readPlanInput(sales(["LIVE-9", "LIVE-9", "S1", "LIVE-7"]));
    expect(read.plannable).toBe(true);
    expect(read.remarks.map((r) => [r.row, r.cell, r.value])).toEqual([
      [2, "E2", "LIVE-9"],
      [5, "E5", "LIVE-7"],
    ]);
    expect(read.remarks[0].message.en).toContain("(2 Sales row(s) name it)");
    expect(read.input.sales[0].streamId).toBe("LIVE-9");
  });

  it("remarks on the first 20 unlisted ids one by one, and on the rest at once", () => {
    const ids = Array.from({ length: 25 }, (_, i) => `OLD-${i}`);
    const read = readPlanInput(sales([...ids, "OLD-24"]));
    expect(read.remarks).toHaveLength(21);
    expect(read.remarks[20]).toMatchObject({ row: 22, value: "OLD-20" });
    expect(read.remarks[20].message.en).toBe(
      "5 more stream id(s) in Sales, from this one on, are not in the Streams table (6 row(s)): their sales count as stream sales too.",
    );
  });

  it("plans exactly as with blank stream ids", () => {
    const seller = generateSeller({ ...SAMPLE_OPTIONS, skus: 10, warehouses: 2, historyWeeks: 30 });
    const salesTable = tableOf(seller, "Sales");
    const at = salesTable.headers.indexOf("stream_id");
    const fill = (value: (i: number) => CellValue): RawTable[] =>
      withTable(seller, {
        ...salesTable,
        rows: salesTable.rows.map((r, i) => r.map((c, j) => (j === at && c === null ? value(i) : c))),
      });
    const placeholders = ["-", "0", "N/A", "#N/A", "无", "none"];
    const blank = planWorkbook(seller, { lang: "en" });
    const marked = planWorkbook(
      fill((i) => placeholders[i % placeholders.length]),
      { lang: "en" },
    );
    expect(marked.warnings).toHaveLength(1);
    expect(marked.sheets).toEqual(blank.sheets);
    expect(marked.summary).toEqual(blank.summary);
  });
});

describe("Sales dates", () => {
  const sales = (dates: readonly CellValue[]): RawTable[] =>
    withTable(
      clean,
      table(
        "Sales",
        ["date", "sku", "warehouse", "units"],
        dates.map((d) => [d, "B-2", "US-West", 1]),
      ),
    );
  const steady = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => dayToIso(addDays(dayFromIso("2024-01-01")!, i % 700)));

  it("refuses 9999-12-31 and anything after 2100, so a placeholder never moves the plan date", () => {
    const read = readPlanInput(sales(["2025-03-01", "9999-12-31", "2101-01-01", "2100-12-31"]));
    expect(read.problems.map((p) => [p.row, p.cell, p.value])).toEqual([
      [3, "A3", "9999-12-31"],
      [4, "A4", "2101-01-01"],
    ]);
    expect(read.problems[0].message.en).toContain("after 2100-12-31");
    const skipped = planWorkbook(sales(["2025-03-01", "9999-12-31"]), { lang: "en", skipInvalid: true });
    expect(skipped.planDate).toBe(dayFromIso("2025-03-02"));
  });

  it("refuses a date more than 28 days after 99% of the others", () => {
    const dates = [...steady(1000), "2027-06-01"];
    const read = readPlanInput(sales(dates));
    expect(read.problems).toEqual([expect.objectContaining({ row: 1002, value: "2027-06-01" })]);
    expect(read.problems[0].message.en).toContain("more than 28 days after 99% of the sales");
  });

  it("accepts the last weeks of a steady history, and any dates when the plan date is given and later", () => {
    expect(readPlanInput(sales(steady(2000))).problems).toEqual([]);
    const late = [...steady(1000), "2027-06-01"];
    expect(readPlanInput(sales(late), { planDate: dayFromIso("2027-06-02") }).problems).toEqual([]);
  });

  it("refuses a sale after the given plan date", () => {
    const read = readPlanInput(sales(["2025-03-01", "2025-03-09"]), { planDate: dayFromIso("2025-03-05") });
    expect(read.problems).toEqual([expect.objectContaining({ row: 3, cell: "A3", value: "2025-03-09" })]);
    expect(read.problems[0].message.zh).toContain("晚于计划日期 2025-03-05");
  });
});

describe("bound messages", () => {
  it("say ± only for columns that may be negative, and the 2100 rule for 9999-12-31 among many rows", () => {
    expect(readPlanInput(withCell("Lanes", 0, "lead_days", 1e6)).problems[0].message.en).toContain(
      "beyond 365 it",
    );
    expect(readPlanInput(withCell("Stock", 0, "on_hand", 2e9)).problems[0].message.en).toContain(
      "beyond ±1,000,000,000 it",
    );
    const rows = Array.from({ length: 300 }, (_, i) => [45000 + i, "B-2", "US-West", 1] as CellValue[]);
    rows[7][0] = "9999-12-31";
    const read = readPlanInput(withTable(clean, table("Sales", ["date", "sku", "warehouse", "units"], rows)));
    expect(read.problems).toEqual([expect.objectContaining({ row: 9, value: "9999-12-31" })]);
    expect(read.problems[0].message.en).toContain("after 2100-12-31");
  });
});
