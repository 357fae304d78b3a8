import type { RawTable, SheetOut } from "../core/data/table";

/**
 * One interface for every workbook the planner reads and writes: Excel
 * through Office.js, an xlsx file through ExcelJS, and an in-memory workbook
 * for the browser preview and tests. The core never sees which.
 */
export interface WorkbookAdapter {
  /** The workbook's candidate input tables: Excel tables by name, and sheets whose first row is a header row. */
  readTables(): Promise<RawTable[]>;
  /**
   * Writes the plan's sheets, all or nothing: sheets the add-in made before are replaced;
   * a sheet of the user's with one of these names stops the write before anything changes.
   */
  writeSheets(sheets: readonly SheetOut[]): Promise<void>;
}
