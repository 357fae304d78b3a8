import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import JSZip from "jszip";
import { runPlanCommand, type Io } from "../../src/cli/main";
import { readXlsxTables } from "../../src/workbook/xlsx";

/** The same small seller as ExcelJS, openpyxl, LibreOffice and the Open XML SDK's style write it (make.sh). */
const FIXTURES = path.resolve(__dirname, "../fixtures/xlsx");
const fixture = (name: string): string => path.join(FIXTURES, name);
const CONTRACT = [
  "SKUs",
  "Warehouses",
  "Stock",
  "InTransit",
  "Sales",
  "Streams",
  "StreamItems",
  "Lanes",
  "Settings",
];

async function part(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(fixture(file)));
  return (await zip.file(name)?.async("string")) ?? "";
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ls-fixtures-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("xlsx written by other programs", () => {
  it("the fixtures hold what they are for", async () => {
    expect(await part("openpyxl-seller.xlsx", "xl/worksheets/sheet3.xml")).toContain("<rowBreaks");
    expect(await part("openpyxl-seller.xlsx", "xl/workbook.xml")).toMatch(
      /name="Old stock"[^>]*state="hidden"/,
    );
    expect(await part("openpyxl-seller.xlsx", "xl/worksheets/sheet10.xml")).toContain("<mergeCell ");
    expect(await part("libreoffice-seller.xlsx", "xl/worksheets/sheet3.xml")).toContain("<rowBreaks");
    expect(await part("libreoffice-seller.xlsx", "xl/worksheets/sheet5.xml")).toContain('t="s"');
    expect(await part("openpyxl-1904.xlsx", "xl/workbook.xml")).toContain('date1904="1"');
    expect(await part("libreoffice-1904.xlsx", "xl/workbook.xml")).toContain('date1904="true"');
    const sheet = await part("sdk-prefixed.xlsx", "xl/worksheets/sheet5.xml");
    expect(sheet).toContain("<x:row spans='1:6'");
    expect(sheet).toMatch(/<x:c s='\d+' t='s'>/);
    expect(sheet).toContain("<x:rowBreaks");
    expect(sheet).toContain("<x:extLst>");
    expect(await part("sdk-prefixed.xlsx", "xl/sharedStrings.xml")).toContain("<x:rPh ");
    expect(await part("sdk-prefixed.xlsx", "xl/workbook.xml")).toContain("rel:id='");
  });

  it.each([
    "openpyxl-seller.xlsx",
    "openpyxl-1904.xlsx",
    "libreoffice-seller.xlsx",
    "libreoffice-1904.xlsx",
    "sdk-prefixed.xlsx",
  ])("%s reads as the same tables as ExcelJS's file", async (name) => {
    const expected = (await readXlsxTables(fixture("exceljs-seller.xlsx"))).map(
      ({ name: n, headers, rows }) => ({
        name: n,
        headers,
        rows,
      }),
    );
    const tables = await readXlsxTables(fixture(name));
    const contract = tables.filter((t) => CONTRACT.includes(t.name));
    expect(contract.map(({ name: n, headers, rows }) => ({ name: n, headers, rows }))).toEqual(expected);
  });

  it("reads merged cells as Excel shows them, the value in the top-left cell, and a hidden sheet like any other", async () => {
    const tables = await readXlsxTables(fixture("openpyxl-seller.xlsx"));
    // A1:D1 is merged, so the header row is one cell wide; B2:D3 holds "Lin" in B2 only.
    expect(tables.find((t) => t.name === "Notes")).toMatchObject({
      headers: ["Replenishment notes"],
      rows: [["owner"]],
    });
    expect(tables.find((t) => t.name === "Old stock")).toMatchObject({ rows: [["OLD-1", "US-West", 5]] });
  });

  it("plans every fixture to the same summary", async () => {
    const summaries: string[] = [];
    for (const name of [
      "exceljs-seller.xlsx",
      "openpyxl-1904.xlsx",
      "libreoffice-seller.xlsx",
      "sdk-prefixed.xlsx",
    ]) {
      const out: string[] = [];
      const io: Io = { out: (l) => out.push(l), err: (l) => out.push(`ERR ${l}`) };
      expect(await runPlanCommand([fixture(name), "-o", path.join(dir, `${name}-plan.xlsx`)], io, dir)).toBe(
        0,
      );
      summaries.push(out.slice(out.findIndex((l) => l.startsWith("Plan for"))).join("\n"));
    }
    expect(summaries[0]).toContain("Plan for 2026-11-10:");
    expect(new Set(summaries).size).toBe(1);
  });
});
