import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { SheetOut } from "../../src/core/data/table";
import {
  checkOutputPath,
  EXCEL_MAX_CELL_TEXT,
  NonFiniteOutputError,
  readXlsxTables,
  sameFile,
  WorkbookFileError,
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

describe("writeXlsxSheets refuses what Excel cannot hold", () => {
  const sheetWith = (value: number | string): SheetOut[] => [
    { ...plan[0], rows: [plan[0].rows[0], ["B-2", "x", 1, value, null, null]] },
  ];

  it.each([NaN, Infinity, -Infinity])(
    "refuses %p as an internal error naming the cell, and writes no file",
    async (value) => {
      const out = path.join(dir, `nonfinite-${String(value)}.xlsx`);
      const error = await writeXlsxSheets(out, sheetWith(value)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NonFiniteOutputError);
      expect((error as Error).message).toBe(
        `the plan has a non-finite number (${value}) in LS Plan!D3, column cost`,
      );
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
  );

  it("cuts text longer than a cell holds, ending it with …", async () => {
    const out = path.join(dir, "long.xlsx");
    await writeXlsxSheets(out, [{ ...plan[0], rows: [["A", "x".repeat(40_000), 1, 1, null, null]] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const text = workbook.getWorksheet("LS Plan")!.getCell("B2").value as string;
    expect(text).toHaveLength(EXCEL_MAX_CELL_TEXT);
    expect(text.endsWith("x…")).toBe(true);
  });

  it("gives formula-like text in a number column the text format, so editing it in Excel keeps it text", async () => {
    const out = path.join(dir, "formulaish.xlsx");
    await writeXlsxSheets(out, sheetWith("=1+1"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const cell = workbook.getWorksheet("LS Plan")!.getCell("D3");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe("@");
    expect(workbook.getWorksheet("LS Plan")!.getCell("D2").numFmt).toBe("#,##0.00");
  });
});

describe("checkOutputPath", () => {
  it("refuses a folder, a FIFO, a device and a missing folder; accepts a new or existing file", async () => {
    const refused = async (p: string): Promise<string> => {
      const error = await checkOutputPath(p).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkbookFileError);
      return (error as Error).message;
    };
    expect(await refused(dir)).toBe(
      `Cannot write the plan to ${dir}: it is a folder, not a file. Choose a file name with -o.`,
    );
    const fifo = path.join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    expect(await refused(fifo)).toContain("named pipe (FIFO)");
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(await refused("/dev/null")).toContain("it is a device");
    expect(await refused(path.join(dir, "no-such-folder", "plan.xlsx"))).toContain("does not exist");
    await expect(checkOutputPath(path.join(dir, "new.xlsx"))).resolves.toBeUndefined();
    await expect(checkOutputPath(path.join(dir, "plan.xlsx"))).resolves.toBeUndefined();
  });

  it("is checked by the writer too: nothing replaces a FIFO", async () => {
    const fifo = path.join(dir, "writer.fifo");
    execFileSync("mkfifo", [fifo]);
    await expect(writeXlsxSheets(fifo, plan)).rejects.toBeInstanceOf(WorkbookFileError);
    expect(statSync(fifo).isFIFO()).toBe(true);
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
