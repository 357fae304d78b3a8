import fc from "fast-check";
import type { CellOut, SheetOut } from "../../src/core/data/table";
import {
  blockAddress,
  columnLetter,
  planWriteBatches,
  safeSheetName,
  tableNameFor,
  toExcelCell,
} from "../../src/workbook/officeCells";

describe("toExcelCell", () => {
  it("writes dates as Excel serials (1970-01-01 is 25569, 2024-11-04 is 45600)", () => {
    expect(toExcelCell({ date: "1970-01-01" }, "date")).toBe(25569);
    expect(toExcelCell({ date: "2024-11-04" }, "date")).toBe(45600);
  });

  it("writes blanks and non-finite numbers as empty cells, never null (Office.js reads null as 'unchanged')", () => {
    expect(toExcelCell(null, "integer")).toBe("");
    expect(toExcelCell(Number.NaN, "decimal")).toBe("");
    expect(toExcelCell(Number.POSITIVE_INFINITY, "decimal")).toBe("");
  });

  it("quote-prefixes formula-like text outside text columns and leaves text columns literal", () => {
    for (const start of ["=", "+", "-", "@"]) {
      expect(toExcelCell(`${start}x`, "integer")).toBe(`'${start}x`);
      expect(toExcelCell(`${start}x`, "text")).toBe(`${start}x`);
    }
    expect(toExcelCell("plain", "money")).toBe("plain");
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

  it("reassembles every sheet in order, each batch within the cell budget", () => {
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
              (n, b) => n + b.values.reduce((m, row) => m + JSON.stringify(row).length, 0),
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
