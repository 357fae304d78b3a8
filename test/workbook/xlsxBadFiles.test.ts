import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import type { RawTable } from "../../src/core/data/table";
import { readXlsxTables, WorkbookFileError, XLSX_LIMITS } from "../../src/workbook/xlsx";

const SELLER = path.resolve(__dirname, "../fixtures/xlsx/exceljs-seller.xlsx");

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ls-badxlsx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (bytes: Buffer | string): string => {
  const f = path.join(dir, `f${++n}.xlsx`);
  writeFileSync(f, bytes);
  return f;
};

/** A one-sheet workbook whose sheet XML is `sheet` (JSZip computes honest checksums). */
async function workbook(sheet: string, extra: Record<string, string> = {}, store = false): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Stock" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheet}</worksheet>`,
  );
  for (const [name, text] of Object.entries(extra)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: store ? "STORE" : "DEFLATE" });
}

const row = (r: number, ...cells: string[]): string =>
  `<row r="${r}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${c}</t></is></c>`).join("")}</row>`;
const STOCK = `<sheetData>${row(1, "sku", "warehouse", "on_hand")}${row(2, "A-1", "US-West", "5")}</sheetData>`;

async function failure(promise: Promise<unknown>): Promise<WorkbookFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookFileError);
  return error as WorkbookFileError;
}

describe("readXlsxTables on damaged files", () => {
  it("reports a part whose checksum does not match as damaged: a changed digit is never read as data", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SELLER));
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    const at = bytes.indexOf("<v>164</v>");
    expect(at).toBeGreaterThan(0);
    bytes[at + 4] = "9".charCodeAt(0);
    const error = await failure(readXlsxTables(file(bytes)));
    expect(error.key).toBe("fileDamaged");
    expect(error.message).toMatch(/damaged \(xl\/worksheets\/sheet5\.xml: CRC-32 checksum mismatch\)/);
    expect(error.describe("zh-CN")).toContain("文件已损坏");
  });

  it("reports 4 KB of zeros inside the file as damaged", async () => {
    const bytes = readFileSync(SELLER);
    bytes.fill(0, 8000, 8000 + 4096);
    expect((await failure(readXlsxTables(file(bytes)))).key).toBe("fileDamaged");
  });

  it("never reads a flipped bit as data: the same tables, or an error naming the file", async () => {
    const original = readFileSync(SELLER);
    const expected = await readXlsxTables(SELLER);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: original.length * 8 - 1 }), async (bit) => {
        const bytes = Buffer.from(original);
        bytes[bit >> 3] ^= 1 << (bit & 7);
        let tables: RawTable[] | undefined;
        try {
          tables = await readXlsxTables(file(bytes));
        } catch (error) {
          expect(error).toBeInstanceOf(WorkbookFileError);
          expect((error as Error).message).not.toContain("\n");
          return;
        }
        // Only a part the reader does not read (theme, document properties) or a field it ignores.
        expect(tables).toEqual(expected);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it("tells a missing file, a folder, a FIFO, a text file and an Excel 97–2003 file apart", async () => {
    expect((await failure(readXlsxTables(path.join(dir, "missing.xlsx")))).key).toBe("fileNotFound");
    const folder = path.join(dir, "folder.xlsx");
    mkdirSync(folder);
    expect((await failure(readXlsxTables(folder))).message).toBe(
      `Cannot read ${folder}: it is a folder, not a file.`,
    );
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    expect((await failure(readXlsxTables(fifo))).message).toContain("named pipe (FIFO)");
    expect((await failure(readXlsxTables(file("sku,unit_cost\nA,1\n")))).key).toBe("fileNotZip");
    const ole = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect((await failure(readXlsxTables(file(ole)))).key).toBe("fileLegacy");
    const notBook = await new JSZip().file("readme.txt", "hi").generateAsync({ type: "nodebuffer" });
    expect((await failure(readXlsxTables(file(notBook)))).message).toContain(
      "holds no Excel workbook (xl/workbook.xml is missing)",
    );
  });

  it("names the sheet and row of XML that is cut short or out of order", async () => {
    const cut = await failure(
      readXlsxTables(file(await workbook(`<sheetData>${row(1, "sku")}<row r="2"><c r="A2"><v>1</v></c>`))),
    );
    expect(cut.key).toBe("fileMalformed");
    expect(cut.message).toContain("xl/worksheets/sheet1.xml");
    const order = await failure(
      readXlsxTables(
        file(await workbook(`<sheetData>${row(1, "sku")}${row(5, "a")}${row(3, "b")}</sheetData>`)),
      ),
    );
    expect(order.message).toContain("sheet “Stock” (xl/worksheets/sheet1.xml), row 3");
    const beyond = await failure(
      readXlsxTables(file(await workbook(`<sheetData>${row(1, "sku")}${row(2_000_000, "a")}</sheetData>`))),
    );
    expect(beyond.message).toContain("row numbers go from 1 to 1048576");
    const shared = await failure(
      readXlsxTables(
        file(await workbook(`<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>`)),
      ),
    );
    expect(shared.message).toContain("cell A1");
  });
});

describe("readXlsxTables bounds", () => {
  it("refuses a file or part larger than its limit, and more cells than the budget, naming what", async () => {
    const big = file(await workbook(STOCK));
    const part = await failure(readXlsxTables(big, { ...XLSX_LIMITS, streamedPartBytes: 100 }));
    expect(part.message).toMatch(
      /xl\/worksheets\/sheet1\.xml is too large \(\d+ bytes\); the planner reads at most 100 bytes/,
    );
    const whole = await failure(readXlsxTables(big, { ...XLSX_LIMITS, fileBytes: 200 }));
    expect(whole.message).toMatch(/: the file is too large \(\d KB\); the planner reads at most 200 bytes/);
    const cells = await failure(readXlsxTables(big, { ...XLSX_LIMITS, cells: 4 }));
    expect(cells.message).toContain("sheet “Stock” is too large (more than 4 cells in its tables)");
    expect(await readXlsxTables(big, { ...XLSX_LIMITS, cells: 6 })).toHaveLength(1);
  });

  it("keeps blank rows only up to the last filled one, whatever row numbers come after", async () => {
    const sparse = `<sheetData>${row(1, "sku", "on_hand")}${row(2, "A", "1")}<row r="1048576"/></sheetData>`;
    const [t] = await readXlsxTables(file(await workbook(sparse)), { ...XLSX_LIMITS, cells: 10 });
    expect(t.rows).toEqual([["A", "1"]]);
  });
});

describe("readXlsxTables reads what Excel writes", () => {
  it("passes over page breaks, extLst and x14ac attributes, on a plain sheet too", async () => {
    const sheet = `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:C2"/>${STOCK}<rowBreaks count="2" manualBreakCount="2"><brk id="1" max="16383" man="1"/><brk id="2" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="1" max="1048575" man="1"/></colBreaks><extLst><ext uri="{X}"><row r="9"/></ext></extLst>`;
    const tables = await readXlsxTables(file(await workbook(sheet)));
    expect(tables).toEqual([
      {
        name: "Stock",
        sheet: "Stock",
        headers: ["sku", "warehouse", "on_hand"],
        rows: [["A-1", "US-West", "5"]],
        firstRow: 2,
        firstColumn: 1,
      },
    ]);
  });

  it("keeps a number Excel cannot hold as text, for the checks to name", async () => {
    const sheet = `<sheetData>${row(1, "sku", "on_hand")}<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>1e999</v></c></row></sheetData>`;
    const [t] = await readXlsxTables(file(await workbook(sheet)));
    expect(t.rows).toEqual([["A", "1e999"]]);
  });

  it("joins rich-text runs and leaves phonetic runs out, in shared and inline strings", async () => {
    const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><rPr><b/></rPr><t>東京</t></r><r><t xml:space="preserve"> 倉庫</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
    const sheet = `<sheetData>${row(1, "warehouse", "note")}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r><rPh><t>x</t></rPh></is></c></row></sheetData>`;
    const [t] = await readXlsxTables(
      file(await workbook(sheet, { "xl/sharedStrings.xml": shared, "xl/_rels/workbook.xml.rels": rels })),
    );
    expect(t.rows).toEqual([["東京 倉庫", "ab"]]);
  });
});
