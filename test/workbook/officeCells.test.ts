import fc from "fast-check";
import type { CellOut, SheetOut } from "../../src/core/data/table";
import {
  GENERAL,
  TEXT_FORMAT_MAX_CHARS,
  blockAddress,
  columnLetter,
  columnNumberFormats,
  planWriteBatches,
  safeSheetName,
  tableNameFor,
  toExcelCell,
  utf8Bytes,
} from "../../src/workbook/officeCells";
import { typedIntoGeneral } from "./officeFake";

describe("toExcelCell", () => {
  it("writes dates as Excel serials (1970-01-01 is 25569, 2024-11-04 is 45600)", () => {
    expect(toExcelCell({ date: "1970-01-01" }, "yyyy-mm-dd")).toBe(25569);
    expect(toExcelCell({ date: "2024-11-04" }, "yyyy-mm-dd")).toBe(45600);
  });

  it("writes blanks and non-finite numbers as empty cells, never null (Office.js reads null as 'unchanged')", () => {
    expect(toExcelCell(null, "#,##0")).toBe("");
    expect(toExcelCell(Number.NaN, "#,##0.00")).toBe("");
    expect(toExcelCell(Number.POSITIVE_INFINITY, "#,##0.00")).toBe("");
  });

  it("quote-prefixes text Excel would parse (formulas, a quote prefix, numbers, booleans, dates) outside Text-formatted cells", () => {
    for (const text of [
      "=x",
      "+x",
      "-x",
      "@x",
      "'",
      "'quoted",
      "001001",
      "1,000",
      "12%",
      "1e5",
      "TRUE",
      "2024-11-04",
      "3/7",
    ]) {
      expect(toExcelCell(text, GENERAL)).toBe(`'${text}`);
      expect(toExcelCell(text, "@")).toBe(text);
    }
    expect(toExcelCell("plain", "#,##0.00")).toBe("plain");
    expect(toExcelCell("LS-01002", GENERAL)).toBe("LS-01002");
  });

  it("keeps any text as that text in a General cell, as Excel parses what it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[=+\-@0-9.,%eE/-]{1,8}$/)), (text) => {
        const typed = typedIntoGeneral(String(toExcelCell(text, GENERAL)));
        expect(typed).toEqual({ value: text });
      }),
    );
  });
});

describe("columnNumberFormats", () => {
  it("formats text columns as Text, but leaves a column with text over 255 characters General", () => {
    const sheet: SheetOut = {
      name: "S",
      columns: [
        { key: "sku", header: "SKU", format: "text" },
        { key: "qty", header: "Qty", format: "integer" },
        { key: "reason", header: "Reason", format: "text" },
      ],
      rows: [
        ["A", 1, "short"],
        ["B", 2, "x".repeat(TEXT_FORMAT_MAX_CHARS + 1)],
      ],
    };
    expect(columnNumberFormats(sheet)).toEqual(["@", "#,##0", GENERAL]);
    expect(columnNumberFormats({ ...sheet, rows: [["A", 1, "x".repeat(TEXT_FORMAT_MAX_CHARS)]] })).toEqual([
      "@",
      "#,##0",
      "@",
    ]);
  });
});

describe("utf8Bytes", () => {
  it("counts as TextEncoder does, Chinese and emoji included", () => {
    const encoder = new TextEncoder();
    expect(utf8Bytes("补货 plan")).toBe(11);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8Bytes(text)).toBe(encoder.encode(text).length);
      }),
    );
  });
});

describe("planWriteBatches", () => {
  const sheetOf = (width: number, rows: number): SheetOut => ({
    name: "S",
    columns: Array.from({ length: width }, (_, c) => ({
      key: `k${c}`,
      header: `h${c}`,
      format: "integer" as const,
    })),
    rows: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: width }, (_, c): CellOut => r * width + c),
    ),
  });

  it("splits as the doc example says", () => {
    const sheet: SheetOut = {
      name: "S",
      columns: [{ key: "k", header: "h", format: "integer" }],
      rows: [[1], [2]],
    };
    expect(planWriteBatches([sheet], { cells: 2, bytes: 1e6 })).toEqual([
      [{ sheet: 0, startRow: 0, values: [["h"], [1]] }],
      [{ sheet: 0, startRow: 2, values: [[2]] }],
    ]);
  });

  it("reassembles every sheet in order, each batch within the cell and byte budgets", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 400 }),
        (shapes, maxCells, maxChars) => {
          const sheets = shapes.map(([w, r]) => sheetOf(w, r));
          const batches = planWriteBatches(sheets, { cells: maxCells, bytes: maxChars });
          batches.forEach((batch) => {
            const cells = batch.reduce((n, b) => n + b.values.length * sheets[b.sheet].columns.length, 0);
            const chars = batch.reduce(
              (n, b) => n + b.values.reduce((m, row) => m + utf8Bytes(JSON.stringify(row)), 0),
              0,
            );
            const oneRow = batch.length === 1 && batch[0].values.length === 1;
            expect(oneRow || (cells <= maxCells && chars <= maxChars)).toBe(true);
          });
          sheets.forEach((sheet, i) => {
            const rows = batches.flat().filter((b) => b.sheet === i);
            expect(rows.map((b) => b.startRow)).toEqual(
              [...rows.map((b) => b.startRow)].sort((a, b) => a - b),
            );
            const all = rows.flatMap((b) => b.values);
            expect(all).toEqual([sheet.columns.map((c) => c.header), ...sheet.rows]);
          });
        },
      ),
    );
  });
});

describe("addresses and names", () => {
  it("names columns like Excel", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(blockAddress(0, 0, 2, 3)).toBe("A1:C2");
    expect(blockAddress(1, 27, 20000, 1)).toBe("AB2:AB20001");
  });

  it("makes sheet and table names Excel accepts", () => {
    expect(safeSheetName("Sales/2024")).toBe("Sales_2024");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
    expect(safeSheetName("''")).toBe("Sheet");
    expect(tableNameFor("LS Plan")).toBe("LS_Plan");
    expect(tableNameFor("8 weeks")).toBe("T_8_weeks");
    expect(tableNameFor("补货 计划")).toBe("补货_计划");
  });
});
