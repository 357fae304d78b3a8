import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ChartSpec } from "../../src/core/data/chart";
import type { SheetOut } from "../../src/core/data/table";
import { readXlsxTables, writeXlsxSheets, writeXlsxTables } from "../../src/workbook/xlsx";
import { addXlsxCharts, chartXml, withDrawing } from "../../src/workbook/xlsxCharts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ls-xlsx-charts-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTES: SheetOut = {
  name: "Notes",
  columns: [{ key: "note", header: "note", format: "text" }],
  rows: [["the chart is on the next sheet"]],
};
/** A sheet name that needs quoting (and its quote doubled) in a chart's references. */
const DATA: SheetOut = {
  name: "Bob's chart",
  columns: [
    { key: "date", header: "date", format: "date" },
    { key: "demand", header: "demand", format: "integer" },
    { key: "stock_a", header: "stock, A & B", format: "integer" },
    { key: "title", header: "title", format: "text" },
  ],
  rows: [
    [{ date: "2026-10-01" }, 3, 10, "a title in a cell"],
    [{ date: "2026-10-02" }, 40, null, null],
    [{ date: "2026-10-03" }, 5, 0, null],
  ],
};
/** Its title is in no cell: text LibreOffice shows of it comes from the chart. */
const SPEC: ChartSpec = {
  sheet: DATA.name,
  title: "Stock <around> the stream",
  category: "date",
  rows: 3,
  series: [
    { key: "demand", name: "demand", type: "line" },
    { key: "stock_a", name: "stock, A & B", type: "line" },
  ],
};

const text = async (zip: JSZip, part: string): Promise<string> => {
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`no part ${part}`);
  return xml;
};

async function chartedFile(name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeXlsxSheets(file, [NOTES, DATA]);
  await addXlsxCharts(file, [NOTES, DATA], [SPEC]);
  return file;
}

describe("addXlsxCharts", () => {
  test("adds the chart, its drawing, the relationships and content types; the sheet names its drawing", async () => {
    const zip = await JSZip.loadAsync(readFileSync(await chartedFile("chart.xlsx")));
    const types = await text(zip, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    // The chart's sheet is the second: its part, not the first sheet's, gets the drawing.
    const sheetRels = await text(zip, "xl/worksheets/_rels/sheet2.xml.rels");
    expect(sheetRels).toMatch(
      /<Relationship Id="rIdLsDrawing1" Type="[^"]*\/relationships\/drawing" Target="..\/drawings\/drawing1.xml"\/>/,
    );
    expect(zip.file("xl/worksheets/_rels/sheet1.xml.rels")).toBeNull();
    const sheet = await text(zip, "xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<pageSetup [^>]*\/><drawing r:id="rIdLsDrawing1"\/><\/worksheet>$/);
    expect(await text(zip, "xl/worksheets/sheet1.xml")).not.toContain("<drawing");
    const drawingRels = await text(zip, "xl/drawings/_rels/drawing1.xml.rels");
    expect(drawingRels).toMatch(
      /<Relationship Id="rId1" Type="[^"]*\/relationships\/chart" Target="..\/charts\/chart1.xml"\/>/,
    );
    const drawing = await text(zip, "xl/drawings/drawing1.xml");
    // Anchored right of the four data columns, one column apart.
    expect(drawing).toMatch(/<xdr:from><xdr:col>5<\/xdr:col>.*<xdr:row>1<\/xdr:row>/);
    expect(drawing).toContain(
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/>',
    );

    const chart = await text(zip, "xl/charts/chart1.xml");
    expect(chart.match(/<c:lineChart>/g)).toHaveLength(1);
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    expect(chart).toContain("<a:t>Stock &lt;around&gt; the stream</a:t>");
    expect(chart).toContain("<c:f>'Bob''s chart'!$A$2:$A$4</c:f>");
    expect(chart).toContain("<c:f>'Bob''s chart'!$C$1</c:f>");
    expect(chart).toContain("<c:f>'Bob''s chart'!$C$2:$C$4</c:f>");
    expect(chart).toContain("<c:v>stock, A &amp; B</c:v>");
    // Cached values: dates as serials (46296 = 2026-10-01), a blank cell left out of the cache.
    expect(chart).toContain(
      '<c:formatCode>yyyy-mm-dd</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>46296</c:v></c:pt><c:pt idx="1"><c:v>46297</c:v></c:pt>',
    );
    expect(chart).toContain(
      '<c:ptCount val="3"/><c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="2"><c:v>0</c:v></c:pt></c:numCache>',
    );
    expect(chart).toContain('<c:catAx><c:axId val="1000"/>');
    expect(chart).toContain('<c:numFmt formatCode="yyyy-mm-dd" sourceLinked="0"/>');
  });

  test("ExcelJS and our reader still read the file, cells unchanged", async () => {
    const file = await chartedFile("reread.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Notes", "Bob's chart"]);
    expect(wb.getWorksheet("Bob's chart")?.getCell("B3").value).toBe(40);
    const tables = await readXlsxTables(file);
    const data = tables.find((t) => t.sheet === "Bob's chart");
    expect(data?.headers).toEqual(["date", "demand", "stock, A & B", "title"]);
    expect(data?.rows.map((r) => r[1])).toEqual([3, 40, 5]);
  });

  test("on a sheet with an Excel table the drawing goes before tableParts and joins its relationships", async () => {
    const file = path.join(dir, "table.xlsx");
    await writeXlsxTables(file, [
      {
        name: "Data",
        sheet: "Data",
        headers: ["day", "units"],
        rows: [
          ["d1", 1],
          ["d2", 2],
        ],
        firstRow: 2,
        firstColumn: 1,
      },
    ]);
    const sheet: SheetOut = {
      name: "Data",
      columns: [
        { key: "day", header: "day", format: "text" },
        { key: "units", header: "units", format: "integer" },
      ],
      rows: [
        ["d1", 1],
        ["d2", 2],
      ],
    };
    await addXlsxCharts(
      file,
      [sheet],
      [
        {
          sheet: "Data",
          title: "Units",
          category: "day",
          rows: 2,
          series: [{ key: "units", name: "units", type: "column" }],
        },
      ],
    );
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await text(zip, "xl/worksheets/sheet1.xml")).toMatch(
      /<drawing r:id="rIdLsDrawing1"\/><tableParts count="1">.*<\/tableParts><\/worksheet>$/,
    );
    const rels = await text(zip, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).toContain('Id="rIdLsTable1"');
    expect(rels).toContain('Id="rIdLsDrawing1"');
    const chart = await text(zip, "xl/charts/chart1.xml");
    expect(chart).toContain('<c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>d1</c:v>');
    expect(chart).toContain('<c:barChart><c:barDir val="col"/>');
    expect((await readXlsxTables(file))[0].rows).toEqual([
      ["d1", 1],
      ["d2", 2],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("Data")?.getTable("Data")).toBeDefined();
  });

  test("a chart naming a column or sheet that is not there throws and leaves the file as it was", async () => {
    const file = path.join(dir, "bad.xlsx");
    await writeXlsxSheets(file, [DATA]);
    const before = readFileSync(file);
    await expect(
      addXlsxCharts(file, [DATA], [{ ...SPEC, series: [{ key: "nope", name: "nope", type: "line" }] }]),
    ).rejects.toThrow('Chart column "nope" is not on sheet "Bob\'s chart".');
    await expect(addXlsxCharts(file, [DATA], [{ ...SPEC, sheet: "Elsewhere" }])).rejects.toThrow(
      'No sheet "Elsewhere"',
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("no charts: the file is not touched", async () => {
    const file = path.join(dir, "none.xlsx");
    await writeXlsxSheets(file, [DATA]);
    const before = readFileSync(file);
    await addXlsxCharts(file, [DATA], []);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("chartXml and withDrawing", () => {
  test("columns and a secondary-axis line: a bar group and a line group, each on its own pair of axes", () => {
    const xml = chartXml(DATA, {
      ...SPEC,
      series: [
        { key: "demand", name: "demand", type: "column" },
        { key: "stock_a", name: "stock", type: "line", secondaryAxis: true },
      ],
    });
    expect(xml).toMatch(/<c:barChart>.*<c:axId val="1000"\/><c:axId val="1001"\/><\/c:barChart>/);
    expect(xml).toMatch(/<c:lineChart>.*<c:axId val="1002"\/><c:axId val="1003"\/><\/c:lineChart>/);
    expect(xml.match(/<c:valAx>/g)).toHaveLength(2);
    // The secondary category axis is hidden; its value axis stands on the right.
    expect(xml).toContain(
      '<c:catAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/>',
    );
    expect(xml).toContain('<c:axPos val="r"/>');
  });

  test("the drawing element takes its schema place: after page setup, before legacy drawings, tables and extensions", () => {
    const tail = '<pageMargins left="1"/><pageSetup scale="100"/>';
    expect(withDrawing(`<worksheet>${tail}</worksheet>`, "r9")).toBe(
      `<worksheet>${tail}<drawing r:id="r9"/></worksheet>`,
    );
    expect(
      withDrawing(
        `<worksheet>${tail}<headerFooter/><legacyDrawing r:id="v"/><tableParts count="0"/><extLst/></worksheet>`,
        "r9",
      ),
    ).toBe(
      `<worksheet>${tail}<headerFooter/><drawing r:id="r9"/><legacyDrawing r:id="v"/><tableParts count="0"/><extLst/></worksheet>`,
    );
    expect(withDrawing(`<worksheet>${tail}<extLst><ext/></extLst></worksheet>`, "r9")).toBe(
      `<worksheet>${tail}<drawing r:id="r9"/><extLst><ext/></extLst></worksheet>`,
    );
  });
});

/**
 * LibreOffice (Debian's libreoffice-calc-nogui) opens the file and finds the chart: converted
 * to ODS, the sheet holds a chart object of class line with the title and both series.
 * Without `soffice` on the PATH the test says so and passes without running.
 */
const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));

describe("LibreOffice", () => {
  test("reads the chart: a line chart with its title and two series, over the sheet's ranges", async () => {
    if (!SOFFICE) {
      console.warn("soffice not found: the LibreOffice check of the xlsx chart did not run.");
      return;
    }
    const file = await chartedFile("lo.xlsx");
    const out = path.join(dir, "lo-out");
    const done = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "ods",
        "--outdir",
        out,
        file,
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(done.status).toBe(0);
    const ods = await JSZip.loadAsync(readFileSync(path.join(out, "lo.ods")));
    const objects = Object.keys(ods.files).filter((f) => /^Object \d+\/content\.xml$/.test(f));
    expect(objects).toHaveLength(1);
    const chart = await text(ods, objects[0]);
    expect(chart).toContain('chart:class="chart:line"');
    expect(chart).toContain("Stock &lt;around&gt; the stream");
    expect(chart.match(/<chart:series /g)).toHaveLength(2);
    const content = await text(ods, "content.xml");
    expect(content).toMatch(/<draw:object [^>]*draw:notify-on-update-of-ranges="[^"]*Bob/);
  }, 60_000);
});
