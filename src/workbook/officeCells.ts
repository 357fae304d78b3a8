import type { CellOut, ColumnFormat, SheetOut } from "../core/data/table";
import { dayFromIso, dayToExcelSerial } from "../core/time/day";

/** A value as Excel's `Range.values` takes it. */
export type ExcelCell = string | number | boolean;

/** Excel number formats of the output columns (locale-neutral codes; Excel shows them in the user's locale). */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "@",
  integer: "#,##0",
  decimal: "#,##0.00",
  money: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};

/** Excel reads a typed value starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@]/;

/**
 * One output cell as Excel should receive it: dates as Excel serials (their
 * column carries a date format), blanks as "" (Office.js reads `null` as
 * "leave unchanged"), non-finite numbers as blank. Text columns are formatted
 * "@" so Excel keeps their text literally; text in any other column that would
 * read as a formula gets Excel's quote prefix, so it stays text either way.
 *
 * @example toExcelCell({ date: "1970-01-01" }, "date") // 25569
 * @example toExcelCell("=HYPERLINK(1)", "integer") // "'=HYPERLINK(1)"
 */
export function toExcelCell(cell: CellOut, format: ColumnFormat): ExcelCell {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "string") return format !== "text" && FORMULA_START.test(cell) ? `'${cell}` : cell;
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

/**
 * Splits the sheets' header rows and data rows into batches of at most
 * `maxCells` cells each (a sheet wider than `maxCells` still gets one row per
 * block), so that each batch goes to Excel in one `context.sync`. Rows are
 * never split across batches; blocks keep sheet order.
 *
 * @example planWriteBatches([{ name: "S", columns: [c], rows: [[1], [2]] }], 2)
 * // [[{ sheet: 0, startRow: 0, values: [["h"], [1]] }], [{ sheet: 0, startRow: 2, values: [[2]] }]]
 */
export function planWriteBatches(sheets: readonly SheetOut[], maxCells: number): RowBlock[][] {
  const batches: RowBlock[][] = [];
  let batch: RowBlock[] = [];
  let cellsInBatch = 0;
  sheets.forEach((sheet, sheetIndex) => {
    const width = Math.max(1, sheet.columns.length);
    const formats = sheet.columns.map((c) => c.format);
    const header: ExcelCell[] = sheet.columns.map((c) => c.header);
    const all = sheet.rows.length + 1;
    let next = 0;
    while (next < all) {
      if (cellsInBatch > 0 && cellsInBatch + width > maxCells) {
        batches.push(batch);
        batch = [];
        cellsInBatch = 0;
      }
      const room = Math.max(1, Math.floor((maxCells - cellsInBatch) / width));
      const end = Math.min(all, next + room);
      const values: ExcelCell[][] = [];
      for (let r = next; r < end; r++) {
        values.push(
          r === 0 ? header : sheet.rows[r - 1].map((cell, c) => toExcelCell(cell, formats[c] ?? "text")),
        );
      }
      batch.push({ sheet: sheetIndex, startRow: next, values });
      cellsInBatch += values.length * width;
      next = end;
    }
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * The A1 name of a 0-based column index.
 *
 * @example columnLetter(0) // "A"
 * @example columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
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
