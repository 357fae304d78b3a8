import type { CellValue, ColumnOut, RawTable, SheetOut } from "../core/data/table";
import { InputError } from "../core/errors";
import { dayFromDate, dayToExcelSerial } from "../core/time/day";
import { NUMBER_FORMATS } from "./numberFormats";
import {
  blockAddress,
  columnLetter,
  planWriteBatches,
  safeSheetName,
  tableNameFor,
  type SyncBudget,
} from "./officeCells";
import type { CellRef, ChartSpec, PaneWorkbook, PlanPresentation, StatusLevel } from "./officePane";

/** `Excel.run`, injectable so tests can hand in a mock request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of `Office.context.document.settings` the adapter uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

/** The worksheet custom property that marks a sheet as made by the add-in. */
export const OWNER_KEY = "LiveStockPlanner";
const OWNER_VALUE = "output";
/**
 * What one `context.sync` carries. Excel on the web caps a request at about
 * 5 MB: 3 million characters of cells (the plan's reason sentences are long)
 * with the JSON around them stay below it, and a 20,000-row plan still goes
 * in a handful of syncs.
 */
export const SYNC_BUDGET: SyncBudget = { cells: 200_000, chars: 3_000_000 };
/** Sheets are written hidden under these names and renamed once every row is in. */
const TEMP_PREFIX = "LS~tmp~";
/** Autofit reads this many rows; beyond them the widths are already right. */
const AUTOFIT_ROWS = 500;

const STATUS_FILL: Readonly<Record<StatusLevel, string>> = {
  ok: "#C6EFCE",
  risk: "#FFEB9C",
  short: "#FFC7CE",
};
const STATUS_FONT: Readonly<Record<StatusLevel, string>> = {
  ok: "#006100",
  risk: "#9C5700",
  short: "#9C0006",
};

/**
 * Office.js's "single input copy": a scalar assigned to a multi-cell range's
 * `values` or `numberFormat` applies to every cell, without sending one per cell.
 */
const everyCell = (value: string): string[][] => value as unknown as string[][];

const lower = (s: string) => s.toLowerCase();

/**
 * The workbook inside Excel, through Office.js. Every method is one
 * `Excel.run` with a few batched `context.sync` calls, none inside a loop:
 * reads load everything they need per sync; writes go in batches of at most
 * `SYNC_BUDGET` cells to hidden sheets, which replace the old output sheets
 * only in the last sync, when the whole plan is in.
 */
export class OfficeWorkbook implements PaneWorkbook {
  readonly kind = "excel";

  constructor(
    private readonly run: ExcelRun,
    private readonly settings?: DocumentSettings,
  ) {}

  /**
   * Three syncs: the names of tables and sheets; the owner marks of the sheets;
   * the cells of every table and of every sheet without a table (its used range).
   */
  async readTables(): Promise<RawTable[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables.load("items/name, items/worksheet/name");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const marks = sheets.items.map((ws) =>
        ws.customProperties.getItemOrNullObject(OWNER_KEY).load("value"),
      );
      await context.sync();
      const owned = new Set(sheets.items.filter((_, i) => isOwnerMark(marks[i])).map((ws) => ws.name));
      const withTables = new Set(tables.items.map((t) => t.worksheet.name));
      const tableReads = tables.items
        .filter((t) => !owned.has(t.worksheet.name))
        .map((t) => ({
          name: t.name,
          sheet: t.worksheet.name,
          range: t.getRange().load("values, rowIndex, columnIndex"),
        }));
      const sheetReads = sheets.items
        .filter((ws) => !owned.has(ws.name) && !withTables.has(ws.name))
        .map((ws) => ({
          name: ws.name,
          sheet: ws.name,
          range: ws.getUsedRangeOrNullObject(true).load("values, rowIndex, columnIndex"),
        }));
      await context.sync();
      const found: RawTable[] = [];
      for (const read of [...tableReads, ...sheetReads]) {
        if (read.range.isNullObject) continue;
        const [header, ...rows] = read.range.values as CellValue[][];
        if (header === undefined || !looksLikeHeader(header)) continue;
        found.push({
          name: read.name,
          sheet: read.sheet,
          headers: header.map((h) => (h === null ? "" : String(h))),
          rows: rows.map((r) => r.map(fromExcel)),
          firstRow: read.range.rowIndex + 2,
          firstColumn: read.range.columnIndex + 1,
        });
      }
      return found;
    });
  }

  async writeSheets(sheets: readonly SheetOut[]): Promise<void> {
    await this.writePlan(sheets, { charts: [], statusLevels: {} });
  }

  /**
   * Syncs: 1 (sheet names, calculation mode), +1 if sheets of these names exist
   * (their owner marks), one per batch of `SYNC_BUDGET` cells, and 1 to swap
   * the new sheets in with their tables, formats, charts and the calculation mode
   * restored. A user's sheet in the way stops it before anything is changed.
   */
  async writePlan(sheets: readonly SheetOut[], presentation: PlanPresentation): Promise<void> {
    if (sheets.length === 0) return;
    await this.run(async (context) => {
      const workbook = context.workbook;
      const existing = workbook.worksheets.load("items/name");
      const existingTables = workbook.tables.load("items/name, items/worksheet/name");
      const application = context.application.load("calculationMode");
      await context.sync();

      const targets = new Set(sheets.map((s) => lower(s.name)));
      const clashing = existing.items.filter(
        (ws) => targets.has(lower(ws.name)) || ws.name.startsWith(TEMP_PREFIX),
      );
      const marks = clashing.map((ws) => ws.customProperties.getItemOrNullObject(OWNER_KEY).load("value"));
      if (clashing.length > 0) await context.sync();
      const inTheWay = clashing.find((_, i) => !isOwnerMark(marks[i]));
      if (inTheWay) throw new InputError("value", "errorSheetInTheWay", { sheet: inTheWay.name });

      const calculationMode = application.calculationMode;
      const staleTemps = clashing.filter((ws) => ws.name.startsWith(TEMP_PREFIX));
      const replaced = clashing.filter((ws) => !ws.name.startsWith(TEMP_PREFIX));
      // Table names are unique in a workbook: a user's table may already hold "LS_Plan".
      const going = new Set(clashing.map((ws) => ws.name));
      const takenTables = new Set(
        existingTables.items.filter((t) => !going.has(t.worksheet.name)).map((t) => lower(t.name)),
      );
      const tableNames = sheets.map((sheet) => freeTableName(tableNameFor(sheet.name), takenTables));
      const temps: Excel.Worksheet[] = [];
      try {
        context.application.calculationMode = "Manual";
        staleTemps.forEach((ws) => ws.delete());
        sheets.forEach((sheet, i) => {
          const ws = workbook.worksheets.add(`${TEMP_PREFIX}${i}`);
          ws.visibility = "Hidden";
          ws.customProperties.add(OWNER_KEY, OWNER_VALUE);
          sheet.columns.forEach((column, c) => {
            ws.getRange(blockAddress(0, c, sheet.rows.length + 1, 1)).numberFormat = everyCell(
              NUMBER_FORMATS[column.format],
            );
          });
          temps.push(ws);
        });
        for (const batch of planWriteBatches(sheets, SYNC_BUDGET)) {
          for (const block of batch) {
            const width = sheets[block.sheet].columns.length;
            temps[block.sheet].getRange(blockAddress(block.startRow, 0, block.values.length, width)).values =
              block.values;
          }
          await context.sync();
        }

        sheets.forEach((_, i) => (temps[i].visibility = "Visible"));
        replaced.forEach((ws) => ws.delete());
        sheets.forEach((sheet, i) => present(temps[i], sheet, tableNames[i], presentation));
        const chartsOnSheet = new Map<number, number>();
        presentation.charts.forEach((chart) => {
          const i = sheets.findIndex((s) => s.name === chart.sheet);
          if (i < 0) return;
          const slot = chartsOnSheet.get(i) ?? 0;
          chartsOnSheet.set(i, slot + 1);
          addChart(temps[i], sheets[i], chart, slot);
        });
        context.application.calculationMode = calculationMode;
        temps[0].activate();
        await context.sync();
      } catch (error) {
        temps.forEach((ws) => ws.delete());
        context.application.calculationMode = calculationMode;
        await context.sync().catch(() => undefined);
        throw error;
      }
    });
  }

  async selectCell(at: CellRef): Promise<void> {
    await this.onSheet(at.sheet, (ws) => {
      ws.activate();
      ws.getCell(at.row - 1, at.column - 1).select();
    });
  }

  async activateSheet(sheet: string): Promise<void> {
    await this.onSheet(sheet, (ws) => ws.activate());
  }

  /**
   * Two syncs plus one per `SYNC_BUDGET` cells: the existing names, then each
   * table on a new sheet (named after its table, made unique) as an Excel table.
   */
  async insertTables(tables: readonly RawTable[]): Promise<string[]> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name");
      const existingTables = workbook.tables.load("items/name");
      await context.sync();
      const tableNames = new Set(existingTables.items.map((t) => lower(t.name)));
      const clash = tables.find((t) => tableNames.has(lower(t.name)));
      if (clash) throw new InputError("value", "errorSampleExists", { table: clash.name });
      const taken = new Set(sheets.items.map((ws) => lower(ws.name)));
      const outs = tables.map((table) => asSheetOut(table, freeName(table.sheet || table.name, taken)));
      const added = outs.map((out) => {
        const ws = workbook.worksheets.add(out.name);
        out.columns.forEach((column, c) => {
          if (column.format === "date") {
            ws.getRange(blockAddress(1, c, Math.max(1, out.rows.length), 1)).numberFormat = everyCell(
              NUMBER_FORMATS.date,
            );
          }
        });
        return ws;
      });
      for (const batch of planWriteBatches(outs, SYNC_BUDGET)) {
        for (const block of batch) {
          const width = outs[block.sheet].columns.length;
          added[block.sheet].getRange(blockAddress(block.startRow, 0, block.values.length, width)).values =
            block.values;
        }
        await context.sync();
      }
      outs.forEach((out, i) => {
        const range = added[i].getRange(blockAddress(0, 0, out.rows.length + 1, out.columns.length));
        const table = added[i].tables.add(range, true);
        table.name = tableNameFor(tables[i].name);
        added[i].freezePanes.freezeRows(1);
        range.format.autofitColumns();
      });
      added[0]?.activate();
      await context.sync();
      return outs.map((o) => o.name);
    });
  }

  async loadSetting(key: string): Promise<string | undefined> {
    const value = this.settings?.get(key);
    return typeof value === "string" ? value : undefined;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    const settings = this.settings;
    if (!settings) return;
    settings.set(key, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        String(result.status) === "failed"
          ? reject(new InputError("value", "errorSettings", { message: result.error?.message ?? "" }))
          : resolve(),
      ),
    );
  }

  private async onSheet(sheet: string, act: (ws: Excel.Worksheet) => void): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (ws.isNullObject) throw new InputError("value", "errorSelect", { where: sheet });
      act(ws);
      await context.sync();
    });
  }
}

const isOwnerMark = (mark: Excel.WorksheetCustomProperty): boolean =>
  !mark.isNullObject && mark.value === OWNER_VALUE;

const looksLikeHeader = (row: readonly unknown[]): boolean =>
  row.some((c) => typeof c === "string" && c.trim() !== "") &&
  row.every((c) => c === null || c === "" || typeof c === "string");

/** Excel's blanks arrive as "". */
const fromExcel = (value: unknown): CellValue =>
  value === "" || value === null || value === undefined
    ? null
    : typeof value === "number" || typeof value === "boolean" || typeof value === "string"
      ? value
      : String(value);

/** `wanted`, or `wanted2`, `wanted3`… if a table already has that name. */
function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(lower(name)); i++) name = `${wanted}${i}`;
  taken.add(lower(name));
  return name;
}

function freeName(wanted: string, taken: Set<string>): string {
  const base = safeSheetName(wanted);
  let name = base;
  for (let i = 2; taken.has(lower(name)); i++) name = `${base.slice(0, 27)} (${i})`;
  taken.add(lower(name));
  return name;
}

/** An input table as cells to write: `Date` cells become date cells, everything else as given. */
function asSheetOut(table: RawTable, sheetName: string): SheetOut {
  const isDateColumn = table.headers.map((_, c) => table.rows.some((r) => r[c] instanceof Date));
  const columns: ColumnOut[] = table.headers.map((header, c) => ({
    key: header,
    header,
    format: isDateColumn[c] ? "date" : "decimal",
  }));
  const rows = table.rows.map((row) =>
    table.headers.map((_, c) => {
      const cell = row[c] ?? null;
      return cell instanceof Date ? dayToExcelSerial(dayFromDate(cell)) : cell;
    }),
  );
  return { name: sheetName, columns, rows };
}

/** Table, frozen header, fitted columns and conditional formats of a written sheet. */
function present(
  ws: Excel.Worksheet,
  sheet: SheetOut,
  tableName: string,
  presentation: PlanPresentation,
): void {
  ws.name = sheet.name;
  const width = sheet.columns.length;
  const all = ws.getRange(blockAddress(0, 0, sheet.rows.length + 1, width));
  const table = ws.tables.add(all, true);
  table.name = tableName;
  table.style = "TableStyleMedium2";
  ws.freezePanes.freezeRows(1);
  ws.getRange(
    blockAddress(0, 0, Math.min(sheet.rows.length + 1, AUTOFIT_ROWS), width),
  ).format.autofitColumns();
  if (sheet.rows.length === 0) return;
  sheet.columns.forEach((column, c) => {
    const body = ws.getRange(blockAddress(1, c, sheet.rows.length, 1));
    if (/status/i.test(column.key)) colourStatus(body, presentation.statusLevels);
    if (/cover/i.test(column.key)) colourCover(body);
  });
}

function colourStatus(body: Excel.Range, levels: Readonly<Record<string, StatusLevel>>): void {
  for (const [text, level] of Object.entries(levels)) {
    const format = body.conditionalFormats.add("ContainsText");
    format.textComparison.format.fill.color = STATUS_FILL[level];
    format.textComparison.format.font.color = STATUS_FONT[level];
    format.textComparison.rule = { operator: "BeginsWith", text };
  }
}

/** Weeks of cover from red (none) through amber (2 weeks) to green (4 weeks and more). */
function colourCover(body: Excel.Range): void {
  const format = body.conditionalFormats.add("ColorScale");
  format.colorScale.criteria = {
    minimum: { type: "Number", formula: "0", color: "#F8696B" },
    midpoint: { type: "Number", formula: "2", color: "#FFEB84" },
    maximum: { type: "Number", formula: "4", color: "#63BE7B" },
  };
}

/** A chart right of the sheet's table; the `slot`-th chart of a sheet sits 18 rows below the one before. */
function addChart(ws: Excel.Worksheet, sheet: SheetOut, spec: ChartSpec, slot: number): void {
  const rows = Math.min(spec.rows, sheet.rows.length);
  const column = (key: string) => sheet.columns.findIndex((c) => c.key === key);
  const categoryAt = column(spec.category);
  const series = spec.series.filter((s) => column(s.key) >= 0);
  if (rows === 0 || categoryAt < 0 || series.length === 0) return;
  const categories = ws.getRange(blockAddress(1, categoryAt, rows, 1));
  const first = series[0];
  const chart = ws.charts.add(
    first.type === "line" ? "Line" : "ColumnClustered",
    ws.getRange(blockAddress(1, column(first.key), rows, 1)),
    "Columns",
  );
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  const head = chart.series.getItemAt(0);
  head.name = first.name;
  head.setXAxisValues(categories);
  for (const s of series.slice(1)) {
    const added = chart.series.add(s.name);
    added.setValues(ws.getRange(blockAddress(1, column(s.key), rows, 1)));
    added.setXAxisValues(categories);
    added.chartType = s.type === "line" ? "Line" : "ColumnClustered";
    if (s.secondaryAxis) added.axisGroup = "Secondary";
  }
  chart.setPosition(`${columnLetter(sheet.columns.length + 1)}${2 + 18 * slot}`);
}
