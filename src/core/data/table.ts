/**
 * Tables as every workbook adapter (Office.js, xlsx file, in-memory) hands
 * them to the core and takes them back: plain cells, no Office or ExcelJS
 * types. The core reads `RawTable`s into a `PlanInput` and writes a plan as
 * `SheetOut`s; the adapters only move cells.
 */

/** One cell as read: Excel's number, text, boolean, a date cell, or blank. */
export type CellValue = string | number | boolean | Date | null;

/** An input table as found in the workbook. */
export interface RawTable {
  /** The Excel table (ListObject) name, or the sheet name when found by header row. */
  readonly name: string;
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** The sheet's row number of `rows[0]` (the header row + 1), so problems name the row the user sees. */
  readonly firstRow: number;
  /** The sheet's column number (1 = A) of `headers[0]`. */
  readonly firstColumn: number;
}

/** How a written column is shown. */
export type ColumnFormat = "text" | "integer" | "decimal" | "money" | "percent" | "date";

/** A cell to write: dates as `{ date: "YYYY-MM-DD" }` so no adapter guesses. */
export type CellOut = string | number | boolean | null | { readonly date: string };

export interface ColumnOut {
  readonly key: string;
  /** The header in the output language. */
  readonly header: string;
  readonly format: ColumnFormat;
}

/** An output sheet (`LS Plan`, `LS Streams`, …), owned by the add-in. */
export interface SheetOut {
  readonly name: string;
  readonly columns: readonly ColumnOut[];
  readonly rows: readonly (readonly CellOut[])[];
}
