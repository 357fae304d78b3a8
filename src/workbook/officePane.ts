import type { ChartSpec } from "../core/data/chart";
import type { RawTable, SheetOut } from "../core/data/table";
import type { WorkbookAdapter } from "./adapter";

export type { ChartSeriesSpec, ChartSpec } from "../core/data/chart";

/** A cell the user sees: sheet name, 1-based row and column (1 = A). */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/**
 * Calls `listener` whenever the task pane is shown (and now, if it is showing);
 * returns the unsubscribe.
 */
export type WhenShown = (listener: () => void) => () => void;

/** How the stream status column reads in the output language, so it can be coloured. */
export type StatusLevel = "ok" | "risk" | "short";

/** Presentation of a written plan beyond cells: charts and the status texts to colour. */
export interface PlanPresentation {
  readonly charts: readonly ChartSpec[];
  /** Text in a `status` column → its colour level. */
  readonly statusLevels: Readonly<Record<string, StatusLevel>>;
}

/**
 * What the task pane needs of a workbook beyond reading tables and writing
 * sheets. Excel (Office.js) and the in-memory workbook of the browser preview
 * both implement it, so the pane runs the same code on either.
 */
export interface PaneWorkbook extends WorkbookAdapter {
  readonly kind: "excel" | "memory";
  /** Writes the sheets (all or nothing, like `writeSheets`) and then their charts and colours. */
  writePlan(sheets: readonly SheetOut[], presentation: PlanPresentation): Promise<void>;
  /** Activates the sheet and selects the cell. */
  selectCell(at: CellRef): Promise<void>;
  /** Activates the sheet. */
  activateSheet(sheet: string): Promise<void>;
  /** Adds each table as an Excel table on a new sheet; returns the sheets' names. */
  insertTables(tables: readonly RawTable[]): Promise<string[]>;
  /** A value saved with the document (the column mapping), or undefined. */
  loadSetting(key: string): Promise<string | undefined>;
  saveSetting(key: string, value: string): Promise<void>;
}
