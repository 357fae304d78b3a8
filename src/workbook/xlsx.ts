import { promises as fs, realpathSync } from "fs";
import * as path from "path";
import { PassThrough } from "stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnLetters } from "../core/data/problem";
import type { CellOut, CellValue, RawTable, SheetOut } from "../core/data/table";
import type { WorkbookAdapter } from "./adapter";
import { NUMBER_FORMATS } from "./numberFormats";

/**
 * The xlsx-file adapter (Node: the CLI, the sample script, tests). It reads
 * the zip's parts directly — workbook, table parts, shared strings — and scans
 * sheet XML in streamed chunks, so a 1,000,000-row Sales sheet is read in
 * seconds without an object model. It writes with ExcelJS, the plan into a NEW
 * file — never the input — all at once through a temporary file.
 */

interface TableDef {
  readonly name: string;
  /** 1-based bounds of the whole table, header row included. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly headerRows: number;
  readonly totalsRows: number;
}

interface SheetInfo {
  readonly name: string;
  /** The sheet's part in the zip, e.g. "xl/worksheets/sheet1.xml". */
  readonly path: string;
  readonly tables: TableDef[];
}

const ATTR = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(xml);
  return m ? decodeXml(m[1]) : undefined;
};

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);|_x([0-9a-fA-F]{4})_/g;

/** XML entities and OOXML's `_xHHHH_` escapes decoded. */
function decodeXml(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return s.replace(ENTITY, (whole, entity: string | undefined, hex: string | undefined) => {
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return entity
          ? String.fromCodePoint(
              entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
            )
          : whole;
    }
  });
}

/** "B3" → { row: 3, col: 2 }. */
function parseAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
  if (!m) throw new Error(`Bad cell address ${a}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "AB" → 28. */
function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  return col;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(base), target));
}

function relsOf(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = ATTR(m[0], "Id");
    const target = ATTR(m[0], "Target");
    if (id && target) map.set(id, target);
  }
  return map;
}

interface Structure {
  readonly sheets: readonly SheetInfo[];
  readonly sharedStrings: readonly string[];
}

/** The text of each `<t>` in a shared string or inline string, phonetic runs left out. */
function stringItem(xml: string): string {
  const body = xml.indexOf("<rPh") >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  let i = 0;
  for (;;) {
    const open = body.indexOf("<t", i);
    if (open < 0) break;
    const next = body.charCodeAt(open + 2);
    const end = body.indexOf(">", open);
    if (next !== 62 && next !== 32) {
      i = end + 1;
      continue;
    }
    if (body.charCodeAt(end - 1) === 47) {
      i = end + 1;
      continue;
    }
    const close = body.indexOf("</t>", end);
    out += body.slice(end + 1, close);
    i = close + 4;
  }
  return decodeXml(out);
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const open = xml.indexOf("<si", i);
    if (open < 0) break;
    const end = xml.indexOf(">", open);
    if (xml.charCodeAt(end - 1) === 47) {
      out.push("");
      i = end + 1;
      continue;
    }
    const close = xml.indexOf("</si>", end);
    out.push(stringItem(xml.slice(end + 1, close)));
    i = close + 5;
  }
  return out;
}

/** Sheets in workbook order with their Excel tables, and the shared strings. */
export async function readStructure(zip: JSZip): Promise<Structure> {
  const text = async (p: string): Promise<string | undefined> => zip.file(p)?.async("string");
  const workbook = (await text("xl/workbook.xml")) ?? "";
  const wbRels = relsOf((await text("xl/_rels/workbook.xml.rels")) ?? "");
  const sharedPath = [...wbRels.values()].find((t) => /sharedStrings\.xml$/i.test(t));
  const shared = sharedPath ? await text(resolveTarget("xl/workbook.xml", sharedPath)) : undefined;
  const sheets: SheetInfo[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = ATTR(m[0], "name");
    const rid = ATTR(m[0], "r:id");
    const target = rid ? wbRels.get(rid) : undefined;
    if (!name || !target) continue;
    const sheetPath = resolveTarget("xl/workbook.xml", target);
    if (!zip.file(sheetPath)) continue;
    const tables: TableDef[] = [];
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    for (const [, t] of relsOf((await text(relsPath)) ?? "")) {
      if (!/tables\/[^/]+\.xml$/.test(t)) continue;
      const xml = (await text(resolveTarget(sheetPath, t))) ?? "";
      const head = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
      const ref = ATTR(head, "ref");
      const tableName = ATTR(head, "displayName") ?? ATTR(head, "name");
      if (!ref || !tableName) continue;
      const [a, b = a] = ref.split(":");
      const from = parseAddress(a);
      const to = parseAddress(b);
      tables.push({
        name: tableName,
        top: from.row,
        left: from.col,
        bottom: to.row,
        right: to.col,
        headerRows: Number(ATTR(head, "headerRowCount") ?? 1),
        totalsRows: Number(ATTR(head, "totalsRowCount") ?? 0),
      });
    }
    sheets.push({ name, path: sheetPath, tables });
  }
  return { sheets, sharedStrings: shared ? parseSharedStrings(shared) : [] };
}

/** The value of attribute `name` in a start tag's attribute text, undecoded. */
function rawAttr(attrs: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = attrs.indexOf(key);
  if (at < 0) return undefined;
  const start = at + key.length;
  return attrs.slice(start, attrs.indexOf('"', start));
}

/**
 * Calls `onRow` for each `<row>` of a chunk of sheet XML that holds whole rows:
 * the row number and its cells by column number (1 = A). Shared strings are
 * looked up, inline and formula strings decoded, numbers parsed; a formula
 * gives its cached result, never its text. A hand scanner, not a general XML
 * parser: it reads what Excel, LibreOffice and ExcelJS write (no namespace
 * prefixes on sheet elements).
 */
function scanRows(
  xml: string,
  shared: readonly string[],
  state: { row: number },
  onRow: (row: number, cells: CellValue[]) => void,
): void {
  let i = 0;
  for (;;) {
    const rs = xml.indexOf("<row", i);
    if (rs < 0) return;
    const rEnd = xml.indexOf(">", rs);
    const rAttrs = xml.slice(rs + 4, rEnd);
    const rNo = rawAttr(rAttrs, "r");
    state.row = rNo === undefined ? state.row + 1 : Number(rNo);
    if (xml.charCodeAt(rEnd - 1) === 47) {
      i = rEnd + 1;
      continue;
    }
    const rowClose = xml.indexOf("</row>", rEnd);
    const cells: CellValue[] = [];
    let col = 0;
    let j = rEnd + 1;
    for (;;) {
      const cs = xml.indexOf("<c", j);
      if (cs < 0 || cs > rowClose) break;
      const cEnd = xml.indexOf(">", cs);
      const attrs = xml.slice(cs + 2, cEnd);
      const ref = rawAttr(attrs, "r");
      col = ref === undefined ? col + 1 : columnNumber(ref);
      if (xml.charCodeAt(cEnd - 1) === 47) {
        j = cEnd + 1;
        continue;
      }
      const cClose = xml.indexOf("</c>", cEnd);
      const inner = xml.slice(cEnd + 1, cClose);
      j = cClose + 4;
      const type = rawAttr(attrs, "t");
      if (type === "inlineStr") {
        cells[col] = stringItem(inner);
        continue;
      }
      const vs = inner.indexOf("<v");
      if (vs < 0) continue;
      const vOpen = inner.indexOf(">", vs);
      if (inner.charCodeAt(vOpen - 1) === 47) continue;
      const v = inner.slice(vOpen + 1, inner.indexOf("</v>", vOpen));
      switch (type) {
        case "s":
          cells[col] = shared[Number(v)] ?? null;
          break;
        case "str":
        case "e":
        case "d":
          cells[col] = decodeXml(v);
          break;
        case "b":
          cells[col] = v === "1";
          break;
        default: {
          const n = Number(v);
          cells[col] = v === "" || Number.isNaN(n) ? decodeXml(v) : n;
        }
      }
    }
    onRow(state.row, cells);
    i = rowClose + 6;
  }
}

/** Streams a sheet part through `scanRows` in chunks cut at row ends, so a large sheet is never one string. */
async function streamRows(
  zip: JSZip,
  part: string,
  shared: readonly string[],
  onRow: (row: number, cells: CellValue[]) => void,
): Promise<void> {
  const file = zip.file(part);
  if (!file) return;
  const decoder = new TextDecoder("utf-8");
  const state = { row: 0 };
  let carry = "";
  // JSZip's stream predates async iteration; a PassThrough gives it.
  const chunks = file.nodeStream("nodebuffer").pipe(new PassThrough());
  for await (const chunk of chunks as AsyncIterable<Buffer>) {
    carry += decoder.decode(chunk, { stream: true });
    const cut = carry.lastIndexOf("</row>");
    if (cut < 0) continue;
    scanRows(carry.slice(0, cut + 6), shared, state, onRow);
    carry = carry.slice(cut + 6);
  }
  carry += decoder.decode();
  scanRows(carry, shared, state, onRow);
}

function headerText(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

const isEmpty = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A table being filled row by row as the sheet streams past. */
interface Collector {
  readonly name: string;
  headerRow: number;
  left: number;
  right: number;
  /** Last sheet row that belongs to the table (Infinity for a plain sheet). */
  readonly last: number;
  headers: string[] | undefined;
  readonly rows: CellValue[][];
  /** The last sheet row with a non-blank cell: trailing blank rows are dropped. */
  lastFilled: number;
}

function toTable(c: Collector, sheet: string): RawTable | undefined {
  if (!c.headers) return undefined;
  return {
    name: c.name,
    sheet,
    headers: c.headers,
    rows: c.rows.slice(0, Math.max(0, c.lastFilled - c.headerRow)),
    firstRow: c.headerRow + 1,
    firstColumn: c.left,
  };
}

function collect(c: Collector, plain: boolean, r: number, values: readonly CellValue[]): void {
  if (!c.headers) {
    if (plain) {
      let left = 0;
      let right = 0;
      for (let i = 1; i < values.length; i++) {
        if (isEmpty(values[i])) continue;
        if (left === 0) left = i;
        right = i;
      }
      if (left === 0) return;
      c.headerRow = r;
      c.left = left;
      c.right = right;
      c.lastFilled = r;
    } else if (r !== c.headerRow) return;
    const headers: string[] = [];
    for (let i = c.left; i <= c.right; i++) headers.push(headerText(values[i] ?? null));
    c.headers = headers;
    return;
  }
  if (r <= c.headerRow || r > c.last) return;
  const width = c.right - c.left + 1;
  while (c.headerRow + c.rows.length + 1 < r) c.rows.push(new Array<CellValue>(width).fill(null));
  const cells: CellValue[] = new Array(width);
  let any = false;
  for (let i = c.left; i <= c.right; i++) {
    const v = values[i] ?? null;
    cells[i - c.left] = v;
    if (!any && !isEmpty(v)) any = true;
  }
  c.rows.push(cells);
  if (any) c.lastFilled = r;
}

/**
 * Reads an xlsx file's candidate input tables: every Excel table by its name,
 * and each sheet that holds no Excel table as one table under its first
 * non-empty row (named after the sheet). Rows go straight from the zip stream
 * into their table, so a large sheet is held once. Date cells arrive as
 * Excel serial numbers (number formats are not read); the contract reads
 * serials in date columns.
 */
export async function readXlsxTables(file: string): Promise<RawTable[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const { sheets, sharedStrings } = await readStructure(zip);
  const out: RawTable[] = [];
  for (const sheet of sheets) {
    const defs = sheet.tables.filter((t) => t.headerRows > 0);
    const plain = defs.length === 0;
    const collectors: Collector[] = plain
      ? [
          {
            name: sheet.name,
            headerRow: 0,
            left: 0,
            right: 0,
            last: Infinity,
            headers: undefined,
            rows: [],
            lastFilled: 0,
          },
        ]
      : defs.map((t) => ({
          name: t.name,
          headerRow: t.top,
          left: t.left,
          right: t.right,
          last: t.bottom - t.totalsRows,
          headers: undefined,
          rows: [],
          lastFilled: t.top,
        }));
    await streamRows(zip, sheet.path, sharedStrings, (r, values) => {
      for (const c of collectors) collect(c, plain, r, values);
    });
    for (const c of collectors) {
      const table = toTable(c, sheet.name);
      if (table) out.push(table);
    }
  }
  return out;
}

/** Display width of text: CJK characters take two columns. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function cellValue(v: CellOut): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") {
    const [y, m, d] = v.date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return v;
}

/**
 * Writes `sheets` as a new xlsx file at `file`: one sheet each, a bold frozen
 * header row with an autofilter, number and date formats per column and
 * widths from the content. Strings are written as strings, so text that
 * starts with `=`, `+`, `-` or `@` stays text and is never a formula.
 */
export async function writeXlsxSheets(file: string, sheets: readonly SheetOut[]): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    // The streaming writer keeps one row at a time: a 20,000-line plan costs megabytes, not hundreds.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useSharedStrings: true,
      useStyles: true,
    });
    workbook.creator = "LiveStock Planner";
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
      ws.columns = sheet.columns.map((c, i) => {
        let width = textWidth(c.header);
        const sample = Math.min(sheet.rows.length, 500);
        for (let r = 0; r < sample; r++) {
          const v = sheet.rows[r][i];
          const shown =
            v === null
              ? ""
              : typeof v === "object"
                ? v.date
                : typeof v === "number"
                  ? v.toFixed(2)
                  : String(v);
          width = Math.max(width, textWidth(shown));
        }
        return {
          key: c.key,
          width: Math.min(60, Math.max(8, width + 2)),
          style: { numFmt: NUMBER_FORMATS[c.format] },
        };
      });
      if (sheet.columns.length > 0) {
        ws.autoFilter = {
          from: { row: 1, column: 1 },
          to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length },
        };
      }
      const header = ws.getRow(1);
      sheet.columns.forEach((c, i) => {
        const cell = header.getCell(i + 1);
        cell.value = c.header;
        cell.font = { bold: true };
        cell.numFmt = "@";
      });
      header.commit();
      for (const row of sheet.rows) ws.addRow(row.map(cellValue)).commit();
      await ws.commit();
    }
    await workbook.commit();
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** True when `a` and `b` name the same file (following links); a path that does not exist yet is compared as resolved. */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Raised when a write would replace the workbook the tables were read from. */
export class WouldOverwriteInputError extends Error {
  constructor(readonly file: string) {
    super(`Refusing to write over the input workbook ${file}.`);
    this.name = "WouldOverwriteInputError";
  }
}

/**
 * The xlsx adapter: reads `input`, writes the plan into `output` — a different
 * file; writing where the input is throws before anything is touched.
 */
export class XlsxWorkbook implements WorkbookAdapter {
  constructor(
    readonly input: string,
    readonly output: string,
  ) {}

  readTables(): Promise<RawTable[]> {
    return readXlsxTables(this.input);
  }

  async writeSheets(sheets: readonly SheetOut[]): Promise<void> {
    if (sameFile(this.input, this.output)) throw new WouldOverwriteInputError(this.output);
    await writeXlsxSheets(this.output, sheets);
  }
}

/**
 * Writes input tables (the sample seller's) as an xlsx workbook: one sheet per
 * table, by default holding an Excel table of the same name (`excelTables:
 * false` leaves plain sheets with a header row), dates as date cells, every
 * text as text (a SKU `000123` keeps its zeros).
 */
export async function writeXlsxTables(
  file: string,
  tables: readonly RawTable[],
  options: { readonly excelTables?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  for (const t of tables) {
    const ws = workbook.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    const dateColumn = t.headers.map((_, c) => t.rows.some((r) => r[c] instanceof Date));
    ws.columns = t.headers.map((h, c) => ({
      width: Math.max(10, textWidth(h) + 4),
      style: dateColumn[c] ? { numFmt: "yyyy-mm-dd" } : {},
    }));
    const header = ws.addRow([...t.headers]);
    header.font = { bold: true };
    header.commit();
    for (const row of t.rows) ws.addRow([...row]).commit();
    await ws.commit();
  }
  await workbook.commit();
  if (options.excelTables !== false) await addTableParts(file, tables);
}

/**
 * Declares each sheet's range as an Excel table named after it. ExcelJS's
 * streaming writer cannot add tables, so the table parts are added to the
 * finished zip: `xl/tables/tableN.xml`, the sheet's relationship and
 * `<tableParts>`, and the content type.
 */
async function addTableParts(file: string, tables: readonly RawTable[]): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const escape = (s: string): string =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const n = i + 1;
    const lastCol = columnLetters(t.headers.length);
    const ref = `A1:${lastCol}${Math.max(2, t.rows.length + 1)}`;
    const columns = t.headers.map((h, c) => `<tableColumn id="${c + 1}" name="${escape(h)}"/>`).join("");
    zip.file(
      `xl/tables/table${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${n}" name="${escape(t.name)}" displayName="${escape(t.name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${t.headers.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    );
    const sheetPath = `xl/worksheets/sheet${n}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${n}.xml.rels`;
    const rel = `<Relationship Id="rIdLsTable1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${n}.xml"/>`;
    const rels = await zip.file(relsPath)?.async("string");
    zip.file(
      relsPath,
      rels
        ? rels.replace("</Relationships>", `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    );
    const sheetXml = (await zip.file(sheetPath)?.async("string")) ?? "";
    zip.file(
      sheetPath,
      sheetXml.replace(
        "</worksheet>",
        `<tableParts count="1"><tablePart r:id="rIdLsTable1"/></tableParts></worksheet>`,
      ),
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/tables/table${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
    );
  }
  zip.file("[Content_Types].xml", types);
  const out = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  await fs.writeFile(file, out);
}
