import { columnLetters } from "../core/data/problem";
import type { CellOut, ColumnFormat, SheetOut } from "../core/data/table";
import { dayFromIso, dayToExcelSerial } from "../core/time/day";

/** A value as Excel's `Range.values` takes it. */
export type ExcelCell = string | number | boolean;

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

/** How much one `context.sync` may carry: cells, and characters of the request's JSON (about). */
export interface SyncBudget {
  readonly cells: number;
  readonly chars: number;
}

/** The characters a cell adds to the request's JSON: its text and quotes, or its digits, and a comma. */
const jsonChars = (cell: ExcelCell): number =>
  typeof cell === "string" ? cell.length + 3 : typeof cell === "number" ? String(cell).length + 1 : 6;

/**
 * Splits the sheets' header rows and data rows into batches within `budget`
 * (cells and JSON characters), so that each batch goes to Excel in one
 * `context.sync` and stays under Excel on the web's request size limit. Rows
 * are never split; a row larger than the budget gets a batch of its own;
 * blocks keep sheet order.
 *
 * @example planWriteBatches([{ name: "S", columns: [c], rows: [[1], [2]] }], { cells: 2, chars: 1e6 })
 * // [[{ sheet: 0, startRow: 0, values: [["h"], [1]] }], [{ sheet: 0, startRow: 2, values: [[2]] }]]
 */
export function planWriteBatches(sheets: readonly SheetOut[], budget: SyncBudget): RowBlock[][] {
  const batches: RowBlock[][] = [];
  let batch: RowBlock[] = [];
  let cells = 0;
  let chars = 0;
  const flush = () => {
    if (batch.length > 0) batches.push(batch);
    batch = [];
    cells = 0;
    chars = 0;
  };
  sheets.forEach((sheet, sheetIndex) => {
    const width = Math.max(1, sheet.columns.length);
    const formats = sheet.columns.map((c) => c.format);
    let block: RowBlock | undefined;
    for (let r = 0; r <= sheet.rows.length; r++) {
      const row: ExcelCell[] =
        r === 0
          ? sheet.columns.map((c) => c.header)
          : sheet.rows[r - 1].map((cell, c) => toExcelCell(cell, formats[c] ?? "text"));
      const size = row.reduce<number>((n, cell) => n + jsonChars(cell), 2);
      if (cells > 0 && (cells + width > budget.cells || chars + size > budget.chars)) {
        flush();
        block = undefined;
      }
      if (!block) {
        block = { sheet: sheetIndex, startRow: r, values: [] };
        batch.push(block);
      }
      block.values.push(row);
      cells += width;
      chars += size;
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
