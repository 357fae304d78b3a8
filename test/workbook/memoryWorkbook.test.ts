import type { RawTable, SheetOut } from "../../src/core/data/table";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const skus: RawTable = Object.freeze({
  name: "SKUs",
  sheet: "SKUs",
  headers: ["sku", "unit_cost"],
  rows: [
    ["A-1", 2],
    ["A-2", null],
  ],
  firstRow: 2,
  firstColumn: 1,
});

const plan: SheetOut = {
  name: "LS Plan",
  columns: [
    { key: "sku", header: "SKU", format: "text" },
    { key: "ship_by", header: "Ship by", format: "date" },
  ],
  rows: [["=A1", { date: "2024-11-04" }]],
};

describe("MemoryWorkbook", () => {
  it("reads back the tables it was given, and header-row sheets of the user", async () => {
    const book = MemoryWorkbook.withTables([skus]);
    book.addUserSheet("库存", [
      ["货号", "在库"],
      ["A-1", 4],
    ]);
    book.addUserSheet("Numbers", [[1, 2]]);
    const tables = await book.readTables();
    expect(tables).toEqual([
      skus,
      {
        name: "库存",
        sheet: "库存",
        headers: ["货号", "在库"],
        rows: [["A-1", 4]],
        firstRow: 2,
        firstColumn: 1,
      },
    ]);
  });

  it("writes output sheets as Excel would get them, and does not read them back as input", async () => {
    const book = MemoryWorkbook.withTables([skus]);
    await book.writeSheets([plan]);
    expect(book.sheet("LS Plan")?.cells).toEqual([
      ["SKU", "Ship by"],
      ["=A1", 45600],
    ]);
    expect(book.activeSheet).toBe("LS Plan");
    expect((await book.readTables()).map((t) => t.name)).toEqual(["SKUs"]);
    await book.writeSheets([{ ...plan, rows: [] }]);
    expect(book.sheetNames()).toEqual(["SKUs", "LS Plan"]);
    expect(book.sheet("LS Plan")?.cells).toEqual([["SKU", "Ship by"]]);
  });

  it("keeps text in number columns as Excel does: the quote prefix keeps it text and is not part of it", async () => {
    const book = new MemoryWorkbook();
    await book.writeSheets([
      {
        name: "LS Plan",
        columns: [{ key: "qty", header: "Quantity", format: "integer" }],
        rows: [["001001"], ["=A1"], [3]],
      },
    ]);
    expect(book.sheet("LS Plan")?.cells).toEqual([["Quantity"], ["001001"], ["=A1"], [3]]);
  });

  it("refuses to replace a user's sheet with an output sheet's name, changing nothing", async () => {
    const book = new MemoryWorkbook();
    book.addUserSheet("ls plan", [["mine"]]);
    await expect(book.writeSheets([plan])).rejects.toMatchObject({ key: "errorSheetInTheWay" });
    expect(book.sheetNames()).toEqual(["ls plan"]);
    expect(book.sheet("ls plan")?.cells).toEqual([["mine"]]);
  });

  it("inserts tables on new sheets with unique names, selects cells and keeps settings", async () => {
    const book = MemoryWorkbook.withTables([skus]);
    await expect(book.insertTables([skus])).rejects.toMatchObject({ key: "errorSampleExists" });
    await expect(book.insertTables([{ ...skus, name: "Products" }])).resolves.toEqual(["SKUs (2)"]);
    await book.selectCell({ sheet: "SKUs", row: 3, column: 2 });
    expect(book.selection).toEqual({ sheet: "SKUs", row: 3, column: 2 });
    await expect(book.selectCell({ sheet: "Gone", row: 1, column: 1 })).rejects.toMatchObject({
      key: "errorSelect",
    });
    await book.saveSetting("k", "v");
    await expect(book.loadSetting("k")).resolves.toBe("v");
    await expect(book.loadSetting("other")).resolves.toBeUndefined();
  });
});
