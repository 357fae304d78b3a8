import type { CellValue, RawTable, SheetOut } from "../core/data/table";
import { InputError } from "../core/errors";
import { planWriteBatches, safeSheetName, tableNameFor, type ExcelCell } from "./officeCells";
import type { CellRef, ChartSpec, PaneWorkbook, PlanPresentation } from "./officePane";

/** An Excel table (ListObject) on a memory sheet: its header cell and size. */
export interface MemoryTable {
  readonly name: string;
  /** 0-based row and column of the header's first cell. */
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** A sheet of the in-memory workbook: cells row by row from A1. */
export interface MemorySheet {
  readonly name: string;
  readonly cells: CellValue[][];
  readonly tables: MemoryTable[];
  /** Made by the add-in (the counterpart of the Excel sheet's custom property). */
  readonly owned: boolean;
  /** Number formats by column, for written sheets. */
  readonly formats: string[];
}

const isHeaderRow = (row: readonly CellValue[] | undefined): boolean =>
  row !== undefined &&
  row.some((c) => typeof c === "string" && c.trim() !== "") &&
  row.every((c) => c === null || c === "" || typeof c === "string");

/**
 * A workbook held in memory: the browser preview runs the plan on it, and
 * tests use it wherever Excel itself is not the subject. It behaves like the
 * Excel adapter: tables by name, else sheets whose first row is a header row;
 * writes are all or nothing and never replace a sheet the add-in did not make.
 */
export class MemoryWorkbook implements PaneWorkbook {
  readonly kind = "memory";
  private sheets: MemorySheet[] = [];
  private readonly settings = new Map<string, string>();
  /** Charts on the add-in's sheets, as asked for by the writes that made those sheets. */
  charts: readonly ChartSpec[] = [];
  activeSheet: string | undefined;
  selection: CellRef | undefined;

  /** A workbook with each table as an Excel table on its own sheet. */
  static withTables(tables: readonly RawTable[]): MemoryWorkbook {
    const book = new MemoryWorkbook();
    book.placeTables(tables);
    return book;
  }

  /** Adds a plain sheet of the user's (a sheet not made by the add-in). */
  addUserSheet(name: string, cells: CellValue[][]): void {
    this.sheets.push({ name, cells, tables: [], owned: false, formats: [] });
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async readTables(): Promise<RawTable[]> {
    const found: RawTable[] = [];
    for (const sheet of this.sheets) {
      if (sheet.owned) continue;
      if (sheet.tables.length > 0) {
        for (const table of sheet.tables) {
          const cut = (r: number) =>
            (sheet.cells[r] ?? []).slice(table.column, table.column + table.columns).map((c) => c ?? null);
          found.push({
            name: table.name,
            sheet: sheet.name,
            headers: cut(table.row).map((h) => String(h ?? "")),
            rows: Array.from({ length: table.rows }, (_, i) => cut(table.row + 1 + i)),
            firstRow: table.row + 2,
            firstColumn: table.column + 1,
          });
        }
      } else if (isHeaderRow(sheet.cells[0])) {
        const width = sheet.cells[0].length;
        found.push({
          name: sheet.name,
          sheet: sheet.name,
          headers: sheet.cells[0].map((h) => String(h ?? "")),
          rows: sheet.cells.slice(1).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null)),
          firstRow: 2,
          firstColumn: 1,
        });
      }
    }
    return found;
  }

  async writeSheets(sheets: readonly SheetOut[]): Promise<void> {
    await this.writePlan(sheets, { charts: [], statusLevels: {} });
  }

  async writePlan(sheets: readonly SheetOut[], presentation: PlanPresentation): Promise<void> {
    const names = new Set(sheets.map((s) => s.name.toLowerCase()));
    const inTheWay = this.sheets.find((s) => names.has(s.name.toLowerCase()) && !s.owned);
    if (inTheWay) throw new InputError("value", "errorSheetInTheWay", { sheet: inTheWay.name });
    const written: MemorySheet[] = sheets.map((s) => ({
      name: s.name,
      cells: [],
      tables: [
        { name: tableNameFor(s.name), row: 0, column: 0, rows: s.rows.length, columns: s.columns.length },
      ],
      owned: true,
      formats: s.columns.map((c) => c.format),
    }));
    for (const batch of planWriteBatches(sheets, {
      cells: Number.POSITIVE_INFINITY,
      bytes: Number.POSITIVE_INFINITY,
    })) {
      for (const block of batch) written[block.sheet].cells.push(...block.values.map(fromExcelRow));
    }
    this.sheets = [...this.sheets.filter((s) => !names.has(s.name.toLowerCase())), ...written];
    this.charts = [...this.charts.filter((c) => !names.has(c.sheet.toLowerCase())), ...presentation.charts];
    this.activeSheet = sheets[0]?.name ?? this.activeSheet;
  }

  async selectCell(at: CellRef): Promise<void> {
    if (!this.sheet(at.sheet)) throw new InputError("value", "errorSelect", { where: at.sheet });
    this.activeSheet = at.sheet;
    this.selection = at;
  }

  async activateSheet(sheet: string): Promise<void> {
    if (!this.sheet(sheet)) throw new InputError("value", "errorSelect", { where: sheet });
    this.activeSheet = sheet;
  }

  async insertTables(tables: readonly RawTable[]): Promise<string[]> {
    const existing = new Set(this.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
    const clash = tables.find((t) => existing.has(t.name.toLowerCase()));
    if (clash) throw new InputError("value", "errorSampleExists", { table: clash.name });
    return this.placeTables(tables);
  }

  async loadSetting(key: string): Promise<string | undefined> {
    return this.settings.get(key);
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }

  private placeTables(tables: readonly RawTable[]): string[] {
    return tables.map((table) => {
      const name = this.freeSheetName(table.sheet || table.name);
      this.sheets.push({
        name,
        cells: [[...table.headers], ...table.rows.map((r) => [...r])],
        tables: [
          { name: table.name, row: 0, column: 0, rows: table.rows.length, columns: table.headers.length },
        ],
        owned: false,
        formats: [],
      });
      return name;
    });
  }

  private freeSheetName(wanted: string): string {
    const base = safeSheetName(wanted);
    const taken = new Set(this.sheets.map((s) => s.name.toLowerCase()));
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`;
    return name;
  }
}

/** Cells as Excel holds them: blanks empty, and the quote prefix not part of the text. */
const fromExcelRow = (row: readonly ExcelCell[]): CellValue[] =>
  row.map((c) => (c === "" ? null : typeof c === "string" && c.startsWith("'") ? c.slice(1) : c));
