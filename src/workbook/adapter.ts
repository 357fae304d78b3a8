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
   * Writes the sheets, all or nothing: sheets of these names the add-in made before are
   * replaced, its other sheets stay (a simulation keeps the plan's, and the other way round);
   * a sheet of the user's with one of these names stops the write before anything changes.
   */
  writeSheets(sheets: readonly SheetOut[]): Promise<void>;
}
