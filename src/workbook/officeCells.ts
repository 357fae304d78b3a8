import { columnLetters } from "../core/data/problem";
import type { CellOut, SheetOut } from "../core/data/table";
import { dayFromIso, dayToExcelSerial } from "../core/time/day";
import { NUMBER_FORMATS } from "./numberFormats";

/** A value as Excel's `Range.values` takes it. */
export type ExcelCell = string | number | boolean;

/** Text-formatted cells of more than this many characters show #### in desktop Excel. */
export const TEXT_FORMAT_MAX_CHARS = 255;

/** The number format of a General cell: Excel parses text assigned to it as if typed. */
export const GENERAL = "General";

/**
 * Text that Excel, assigned to a General cell, would not keep as text: a
 * formula (= + - @ first), a quote prefix (' first, which Excel takes off), a
 * number ("001001" → 1001), a boolean or a date.
 */
const PARSED_AS_TYPED =
  /^[=+\-@']|^\s*[+-]?[\d.,]+%?\s*$|^\s*[+-]?[\d.]+[eE][+-]?\d+\s*$|^(true|false)$|^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/i;

/**
 * The Excel number format of each column of a sheet: its format's code, except
 * a text column with a value longer than 255 characters (the plan's reason),
 * which stays General: Text-formatted cells that long show #### in desktop Excel.
 *
 * @example columnNumberFormats({ name: "S", columns: [{ key: "sku", header: "SKU", format: "text" }], rows: [["A"]] }) // ["@"]
 */
export function columnNumberFormats(sheet: SheetOut): string[] {
  return sheet.columns.map((column, c) => {
    if (column.format !== "text") return NUMBER_FORMATS[column.format];
    const long = sheet.rows.some((row) => {
      const cell = row[c];
      return typeof cell === "string" && cell.length > TEXT_FORMAT_MAX_CHARS;
    });
    return long ? GENERAL : NUMBER_FORMATS.text;
  });
}

/**
 * One output cell as Excel should receive it in a cell of `numberFormat`:
 * dates as Excel serials (their column carries a date format), blanks as ""
 * (Office.js reads `null` as "leave unchanged"), non-finite numbers as blank.
 * Text goes literally into Text-formatted ("@") cells; in any other cell,
 * text Excel would parse as typed (a formula, a number such as "001001", a
 * boolean, a date) gets Excel's quote prefix, so it stays the text it is.
 *
 * @example toExcelCell({ date: "1970-01-01" }, "yyyy-mm-dd") // 25569
 * @example toExcelCell("=HYPERLINK(1)", "General") // "'=HYPERLINK(1)"
 * @example toExcelCell("001001", "@") // "001001"
 */
export function toExcelCell(cell: CellOut, numberFormat: string): ExcelCell {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "string")
    return numberFormat !== NUMBER_FORMATS.text && PARSED_AS_TYPED.test(cell) ? `'${cell}` : cell;
  const day = dayFromIso(cell.date);
  return day === undefined ? cell.date : dayToExcelSerial(day);
}

/** A block of rows of one sheet, written in one `Range.values` assignment. */
export interface RowBlock {
  /** Index of the sheet in the written list. */
  readonly sheet: number;
  /** 0-based sheet row of the block's first row (0 = the header row). */
  readonly startRow: number;
  readonly values: ExcelCell[][];
}

/** How much one `context.sync` may carry: cells, and UTF-8 bytes of the cells' JSON. */
export interface SyncBudget {
  readonly cells: number;
  readonly bytes: number;
}

/**
 * The UTF-8 bytes of a string, as `TextEncoder` counts them, without encoding
 * it (the write path sizes hundreds of thousands of cells).
 *
 * @example utf8Bytes("补货 plan") // 11
 */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // Two bytes below U+0800; three for the rest of the BMP; a surrogate pair (2 units) is 4.
    bytes +=
      code < 0x800 ? 1 : code >= 0xd800 && code <= 0xdbff ? 1 : code >= 0xdc00 && code <= 0xdfff ? 1 : 2;
  }
  return bytes;
}

/** The bytes a cell adds to the request's JSON: its JSON text (quotes and escapes included), and a comma. */
const jsonBytes = (cell: ExcelCell): number =>
  typeof cell === "string"
    ? utf8Bytes(JSON.stringify(cell)) + 1
    : typeof cell === "number"
      ? String(cell).length + 1
      : 6;

/**
 * Splits the sheets' header rows and data rows into batches within `budget`
 * (cells and UTF-8 bytes of JSON), so that each batch goes to Excel in one
 * `context.sync` and stays under Excel on the web's request size limit. Rows
 * are never split; a row larger than the budget gets a batch of its own;
 * blocks keep sheet order. Cells are converted for each column's number format
 * (`columnNumberFormats`).
 *
 * @example planWriteBatches([{ name: "S", columns: [c], rows: [[1], [2]] }], { cells: 2, bytes: 1e6 })
 * // [[{ sheet: 0, startRow: 0, values: [["h"], [1]] }], [{ sheet: 0, startRow: 2, values: [[2]] }]]
 */
export function planWriteBatches(sheets: readonly SheetOut[], budget: SyncBudget): RowBlock[][] {
  const batches: RowBlock[][] = [];
  let batch: RowBlock[] = [];
  let cells = 0;
  let bytes = 0;
  const flush = () => {
    if (batch.length > 0) batches.push(batch);
    batch = [];
    cells = 0;
    bytes = 0;
  };
  sheets.forEach((sheet, sheetIndex) => {
    const width = Math.max(1, sheet.columns.length);
    const formats = columnNumberFormats(sheet);
    let block: RowBlock | undefined;
    for (let r = 0; r <= sheet.rows.length; r++) {
      const row: ExcelCell[] =
        r === 0
          ? sheet.columns.map((c, i) => toExcelCell(c.header, formats[i]))
          : sheet.rows[r - 1].map((cell, c) => toExcelCell(cell, formats[c] ?? NUMBER_FORMATS.text));
      const size = row.reduce<number>((n, cell) => n + jsonBytes(cell), 2);
      if (cells > 0 && (cells + width > budget.cells || bytes + size > budget.bytes)) {
        flush();
        block = undefined;
      }
      if (!block) {
        block = { sheet: sheetIndex, startRow: r, values: [] };
        batch.push(block);
      }
      block.values.push(row);
      cells += width;
      bytes += size;
    }
  });
  flush();
  return batches;
}

/**
 * The A1 name of a 0-based column index.
 *
 * @example columnLetter(0) // "A"
 * @example columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  return columnLetters(index + 1);
}

/**
 * The A1 address of a block: `rows` × `columns` cells from the 0-based (row, column).
 *
 * @example blockAddress(0, 0, 2, 3) // "A1:C2"
 */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  return `${columnLetter(column)}${row + 1}:${columnLetter(column + columns - 1)}${row + rows}`;
}

/** Characters Excel forbids in sheet names. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

/**
 * A sheet name Excel accepts: forbidden characters replaced, at most 31 characters.
 *
 * @example safeSheetName("Sales/2024") // "Sales_2024"
 */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(BAD_SHEET_CHARS, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Sheet").slice(0, 31);
}

/**
 * The name of an Excel table for an output sheet: letters, digits and "_" only,
 * starting with a letter, e.g. "LS Plan" → "LS_Plan".
 *
 * @example tableNameFor("LS Plan") // "LS_Plan"
 */
export function tableNameFor(sheetName: string): string {
  const name = sheetName.replace(/[^\p{L}\p{N}_]/gu, "_");
  return /^\p{L}/u.test(name) ? name : `T_${name}`;
}
