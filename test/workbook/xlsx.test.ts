import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { SheetOut } from "../../src/core/data/table";
import {
  readXlsxTables,
  sameFile,
  writeXlsxSheets,
  writeXlsxTables,
  WouldOverwriteInputError,
  XlsxWorkbook,
} from "../../src/workbook/xlsx";
import { table } from "../core/data/fixtures";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ls-xlsx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORMULA = '=HYPERLINK("http://example.com","click")';

describe("readXlsxTables", () => {
  it("reads back the tables writeXlsxTables wrote, as Excel tables by name", async () => {
    const file = path.join(dir, "tables.xlsx");
    const date = new Date(Date.UTC(2025, 2, 7));
    await writeXlsxTables(file, [
      table(
        "SKUs",
        ["sku", "unit_cost", "name"],
        [
          ["000123", 5, FORMULA],
          ["B-2", "4,5", "+plus"],
        ],
      ),
      table("Sales", ["date", "sku", "warehouse", "units"], [[date, "000123", "US-West", 3]]),
    ]);
    const back = await readXlsxTables(file);
    expect(back.map((t) => [t.name, t.sheet, t.firstRow, t.firstColumn])).toEqual([
      ["SKUs", "SKUs", 2, 1],
      ["Sales", "Sales", 2, 1],
    ]);
    expect(back[0].rows).toEqual([
      ["000123", 5, FORMULA],
      ["B-2", "4,5", "+plus"],
    ]);
    // Date cells come back as Excel serials (styles are not read); 45723 = 2025-03-07.
    expect(back[1].rows[0][0]).toBe(45723);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet("SKUs")?.getTable("SKUs")).toBeDefined();
  });

  it("reads an Excel table placed anywhere on a sheet, and a plain sheet by its first non-empty row", async () => {
    const file = path.join(dir, "placed.xlsx");
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Data");
    ws.getCell("A1").value = "Notes above the table";
    ws.addTable({
      name: "tblStock",
      ref: "C4",
      columns: [{ name: "sku" }, { name: "warehouse" }, { name: "on_hand" }],
      rows: [
        ["000123", "US-West", 5],
        ["B-2", "US-West", -2],
      ],
    });
    const plain = workbook.addWorksheet("仓库");
    plain.getCell("B3").value = "仓库";
    plain.getCell("C3").value = "国家";
    plain.getCell("B4").value = "Germany";
    plain.getCell("C4").value = "DE";
    await workbook.xlsx.writeFile(file);

    const back = await readXlsxTables(file);
    expect(back).toEqual([
      {
        name: "tblStock",
        sheet: "Data",
        headers: ["sku", "warehouse", "on_hand"],
        rows: [
          ["000123", "US-West", 5],
          ["B-2", "US-West", -2],
        ],
        firstRow: 5,
        firstColumn: 3,
      },
      {
        name: "仓库",
        sheet: "仓库",
        headers: ["仓库", "国家"],
        rows: [["Germany", "DE"]],
        firstRow: 4,
        firstColumn: 2,
      },
    ]);
  });
});

describe("readXlsxTables: what cells can hold", () => {
  it("reads rich text, formula results (never the formula), booleans, errors, entities and Chinese text", async () => {
    const file = path.join(dir, "cells.xlsx");
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("SKUs & more <x>");
    ws.addRow(["sku", "unit_cost", "name", "flag"]);
    ws.addRow([
      { richText: [{ text: "00" }, { font: { bold: true }, text: "0123" }] },
      { formula: "2+3", result: 5 },
      "A & B <C> “货号”",
      true,
    ]);
    ws.addRow(["X-1", { error: "#N/A" }, { formula: 'CONCAT("a","b")', result: "ab" }, false]);
    ws.addRow([]);
    ws.addRow([]);
    await workbook.xlsx.writeFile(file);

    const [t] = await readXlsxTables(file);
    expect(t.sheet).toBe("SKUs & more <x>");
    expect(t.rows).toEqual([
      ["000123", 5, "A & B <C> “货号”", true],
      ["X-1", "#N/A", "ab", false],
    ]);
  });
});

const plan: SheetOut[] = [
  {
    name: "LS Plan",
    columns: [
      { key: "sku", header: "sku", format: "text" },
      { key: "name", header: "name", format: "text" },
      { key: "qty", header: "restock_qty", format: "integer" },
      { key: "cost", header: "cost", format: "money" },
      { key: "ship_by", header: "ship_by", format: "date" },
      { key: "fill", header: "fill", format: "percent" },
    ],
    rows: [
      ["000123", FORMULA, 120, 35.5, { date: "2025-03-07" }, 0.98],
      ["-minus", "@at", 0, null, null, null],
    ],
  },
];

describe("writeXlsxSheets", () => {
  const file = () => path.join(dir, "plan.xlsx");
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    await writeXlsxSheets(file(), plan);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file());
    ws = workbook.getWorksheet("LS Plan")!;
  });

  it("writes formula-like text and leading-zero codes as text, never as formulas", () => {
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A2").value).toBe("000123");
    expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B2").value).toBe(FORMULA);
    expect(ws.getCell("A3").value).toBe("-minus");
    expect(ws.getCell("B3").value).toBe("@at");
    expect(readFileSync(file()).includes(Buffer.from("<f>"))).toBe(false);
  });

  it("writes numbers and dates with their formats", () => {
    expect(ws.getCell("C2").value).toBe(120);
    expect(ws.getCell("C2").numFmt).toBe("#,##0");
    expect(ws.getCell("D2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("E2").value).toEqual(new Date(Date.UTC(2025, 2, 7)));
    expect(ws.getCell("E2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("F2").numFmt).toBe("0.0%");
    expect(ws.getCell("A2").numFmt).toBe("@");
  });

  it("freezes a bold header row and sets an autofilter", () => {
    expect(ws.getRow(1).values).toEqual([undefined, "sku", "name", "restock_qty", "cost", "ship_by", "fill"]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
    expect(ws.getColumn(2).width).toBeGreaterThan(FORMULA.length);
  });
});

describe("XlsxWorkbook never writes over its input", () => {
  it("refuses an output that is the input file, before touching it", async () => {
    const input = path.join(dir, "input.xlsx");
    await writeXlsxTables(input, [table("SKUs", ["sku", "unit_cost"], [["A", 1]])]);
    const before = readFileSync(input);
    const same = new XlsxWorkbook(input, path.join(dir, ".", "input.xlsx"));
    await expect(same.writeSheets(plan)).rejects.toBeInstanceOf(WouldOverwriteInputError);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(sameFile(input, path.join(dir, "other.xlsx"))).toBe(false);
  });
});
