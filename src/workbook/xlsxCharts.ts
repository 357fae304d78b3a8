import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import type { ChartSeriesSpec, ChartSpec } from "../core/data/chart";
import { columnLetters } from "../core/data/problem";
import type { CellOut, ColumnFormat, SheetOut } from "../core/data/table";
import { dayFromIso, dayToExcelSerial } from "../core/time/day";
import { NUMBER_FORMATS } from "./numberFormats";
import { readBook, type SheetInfo } from "./xlsx/book";
import { XLSX_LIMITS } from "./xlsx/limits";
import { ZipParts } from "./xlsx/zipParts";

/**
 * Native Excel charts in an xlsx file ExcelJS wrote (ExcelJS cannot write
 * charts): for each `ChartSpec` a DrawingML chart part, anchored right of its
 * sheet's data in that sheet's drawing, its series referring to the sheet's
 * cells and carrying their values cached, so Excel and LibreOffice draw it
 * on opening, before any recalculation. The same specs the task pane draws
 * through Office.js.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Size of a chart in cells, and the rows between two charts on one sheet. */
const CHART_COLUMNS = 12;
const CHART_ROWS = 22;
const CHART_GAP_ROWS = 2;
/**
 * Worksheet children that follow `<drawing>` (ECMA-376 CT_Worksheet order):
 * the drawing goes before the first of them present, else last.
 */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An absolute reference to rows `from`–`to` of column `col` (1-based), sheet name quoted. */
const rangeRef = (sheet: string, col: number, from: number, to = from): string => {
  const c = columnLetters(col);
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return from === to ? `${quoted}!$${c}$${from}` : `${quoted}!$${c}$${from}:$${c}$${to}`;
};

/** A cell as a chart caches it: dates as Excel serials, blanks and text absent from a number cache. */
const cachedNumber = (v: CellOut | undefined): number | undefined => {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (v !== null && typeof v === "object") {
    const day = dayFromIso(v.date);
    return day === undefined ? undefined : dayToExcelSerial(day);
  }
  return undefined;
};

/** The number format of a column's cached values and axis labels (text columns: General). */
const cacheFormat = (format: ColumnFormat): string =>
  format === "text" ? "General" : NUMBER_FORMATS[format];

const strCache = (values: readonly string[]): string =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`)
    .join("")}</c:strCache>`;

/** The data of column `key`, rows 2…rows+1, as a `c:numRef` or (for text) a `c:strRef`. */
function columnRef(sheet: SheetOut, key: string, rows: number, forceNumber: boolean): string {
  const col = sheet.columns.findIndex((c) => c.key === key);
  if (col < 0) throw new Error(`Chart column "${key}" is not on sheet "${sheet.name}".`);
  const f = `<c:f>${escapeXml(rangeRef(sheet.name, col + 1, 2, rows + 1))}</c:f>`;
  const cells = sheet.rows.slice(0, rows).map((r) => r[col] ?? null);
  const format = sheet.columns[col].format;
  if (format === "text" && !forceNumber) {
    return `<c:strRef>${f}${strCache(cells.map((v) => (v === null ? "" : String(v))))}</c:strRef>`;
  }
  const points = cells
    .map((v, i) => {
      const n = cachedNumber(v);
      return n === undefined ? "" : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`;
    })
    .join("");
  return `<c:numRef>${f}<c:numCache><c:formatCode>${escapeXml(cacheFormat(format))}</c:formatCode><c:ptCount val="${rows}"/>${points}</c:numCache></c:numRef>`;
}

function seriesXml(sheet: SheetOut, spec: ChartSpec, s: ChartSeriesSpec, index: number): string {
  const col = sheet.columns.findIndex((c) => c.key === s.key);
  const name = `<c:tx><c:strRef><c:f>${escapeXml(rangeRef(sheet.name, col + 1, 1))}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
  const look =
    s.type === "line"
      ? '<c:spPr><a:ln w="22225" cap="rnd"><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
      : "";
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${name}${look}<c:cat>${columnRef(sheet, spec.category, spec.rows, false)}</c:cat><c:val>${columnRef(sheet, s.key, spec.rows, true)}</c:val>${s.type === "line" ? '<c:smooth val="0"/>' : ""}</c:ser>`;
}

/** One chart group (lines or columns) on the axes `axes`. */
function groupXml(type: ChartSeriesSpec["type"], series: string[], axes: readonly [number, number]): string {
  const ids = `<c:axId val="${axes[0]}"/><c:axId val="${axes[1]}"/>`;
  return type === "line"
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}<c:marker val="1"/>${ids}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}<c:gapWidth val="80"/>${ids}</c:barChart>`;
}

function axesXml(
  cat: number,
  val: number,
  secondary: boolean,
  formats: { readonly cat: string; readonly val: string },
): string {
  return (
    `<c:catAx><c:axId val="${cat}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${secondary ? 1 : 0}"/><c:axPos val="b"/><c:numFmt formatCode="${escapeXml(formats.cat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${val}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${secondary ? "r" : "l"}"/>${secondary ? "" : "<c:majorGridlines/>"}<c:numFmt formatCode="${escapeXml(formats.val)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cat}"/><c:crosses val="${secondary ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/**
 * The `c:chartSpace` of `spec` over `sheet`'s cells: a line and/or column
 * group per value axis, titled, legend at the bottom.
 */
export function chartXml(sheet: SheetOut, spec: ChartSpec): string {
  const formatOf = (key: string): string =>
    cacheFormat(sheet.columns.find((c) => c.key === key)?.format ?? "decimal");
  const groups: string[] = [];
  const axes: string[] = [];
  [false, true].forEach((secondary, a) => {
    const onAxis = spec.series.filter((s) => (s.secondaryAxis ?? false) === secondary);
    if (onAxis.length === 0) return;
    const ids = [1000 + 2 * a, 1001 + 2 * a] as const;
    for (const type of ["column", "line"] as const) {
      const series = spec.series
        .map((s, i) => (onAxis.includes(s) && s.type === type ? seriesXml(sheet, spec, s, i) : ""))
        .filter((x) => x !== "");
      if (series.length > 0) groups.push(groupXml(type, series, ids));
    }
    axes.push(
      axesXml(ids[0], ids[1], secondary, { cat: formatOf(spec.category), val: formatOf(onAxis[0].key) }),
    );
  });
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return `${XML_HEAD}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${groups.join("")}${axes.join("")}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

/** A `twoCellAnchor` holding the chart of relationship `rid`, from 0-based column/row `col`/`row`. */
const anchorXml = (rid: string, id: number, col: number, row: number, title: string): string =>
  `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + CHART_COLUMNS}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + CHART_ROWS}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

const relsXml = (rels: readonly string[]): string =>
  `${XML_HEAD}<Relationships xmlns="${NS.rels}">${rels.join("")}</Relationships>`;

/** The first free N of `prefix`N`.xml` in the zip. */
function nextNumber(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
}

/** `sheetXml` with `<drawing r:id>` at its schema position. */
export function withDrawing(sheetXml: string, rid: string): string {
  const element = `<drawing r:id="${rid}"/>`;
  const positions = AFTER_DRAWING.map((name) => sheetXml.search(new RegExp(`<${name}[\\s/>]`))).filter(
    (i) => i >= 0,
  );
  const at = positions.length > 0 ? Math.min(...positions) : sheetXml.lastIndexOf("</worksheet>");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/**
 * Adds `charts` to the xlsx `file` written from `sheets` (each chart's sheet
 * among them, its cells as `sheets` holds them), replacing the file through a
 * temporary one. Charts on one sheet stack down, right of its columns.
 */
export async function addXlsxCharts(
  file: string,
  sheets: readonly SheetOut[],
  charts: readonly ChartSpec[],
): Promise<void> {
  if (charts.length === 0) return;
  const parts = await sheetParts(file);
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const sheetName of [...new Set(charts.map((c) => c.sheet))]) {
    const sheet = sheets.find((s) => s.name === sheetName);
    const part = parts.find((p) => p.name === sheetName);
    if (!sheet || !part) throw new Error(`No sheet "${sheetName}" to put a chart on.`);
    const drawingN = nextNumber(zip, "xl/drawings/drawing");
    const drawingPath = `xl/drawings/drawing${drawingN}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    charts
      .filter((c) => c.sheet === sheetName)
      .forEach((spec, slot) => {
        const chartN = nextNumber(zip, "xl/charts/chart");
        zip.file(`xl/charts/chart${chartN}.xml`, chartXml(sheet, spec));
        types = types.replace(
          "</Types>",
          `<Override PartName="/xl/charts/chart${chartN}.xml" ContentType="${TYPE.chart}"/></Types>`,
        );
        const rid = `rId${slot + 1}`;
        drawingRels.push(
          `<Relationship Id="${rid}" Type="${REL.chart}" Target="../charts/chart${chartN}.xml"/>`,
        );
        anchors.push(
          anchorXml(
            rid,
            slot + 1,
            sheet.columns.length + 1,
            1 + slot * (CHART_ROWS + CHART_GAP_ROWS),
            spec.title,
          ),
        );
      });
    zip.file(
      drawingPath,
      `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`,
    );
    zip.file(`xl/drawings/_rels/drawing${drawingN}.xml.rels`, relsXml(drawingRels));
    types = types.replace(
      "</Types>",
      `<Override PartName="/${drawingPath}" ContentType="${TYPE.drawing}"/></Types>`,
    );
    const sheetRelsPath = part.path.replace(/([^/]+)$/, "_rels/$1.rels");
    const rid = "rIdLsDrawing1";
    const rel = `<Relationship Id="${rid}" Type="${REL.drawing}" Target="${path.posix.relative(path.posix.dirname(part.path), drawingPath)}"/>`;
    const sheetRels = await zip.file(sheetRelsPath)?.async("string");
    zip.file(
      sheetRelsPath,
      sheetRels ? sheetRels.replace("</Relationships>", `${rel}</Relationships>`) : relsXml([rel]),
    );
    zip.file(part.path, withDrawing((await zip.file(part.path)?.async("string")) ?? "", rid));
  }
  zip.file("[Content_Types].xml", types);
  const out = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  const temp = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}.charts.tmp`,
  );
  try {
    await fs.writeFile(temp, out);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** The sheets of the workbook `file` with their parts, found through the workbook's own index, as the reader finds them. */
async function sheetParts(file: string): Promise<readonly SheetInfo[]> {
  const zip = await ZipParts.open(file, XLSX_LIMITS);
  try {
    return (await readBook(zip)).sheets;
  } finally {
    zip.close();
  }
}
