import type { CellValue, ColumnFormat, ColumnOut, RawTable, SheetOut } from "../core/data/table";
import { InputError } from "../core/errors";
import { dayFromDate, dayToExcelSerial } from "../core/time/day";
import { NUMBER_FORMATS } from "./numberFormats";
import {
  blockAddress,
  columnLetter,
  columnNumberFormats,
  planWriteBatches,
  safeSheetName,
  tableNameFor,
  utf8Bytes,
  type SyncBudget,
} from "./officeCells";
import type { CellRef, ChartSpec, PaneWorkbook, PlanPresentation, StatusLevel } from "./officePane";

/** `Excel.run` with its options, injectable so tests can hand in a fake request context. */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** The part of `Office.context.document.settings` the adapter uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

/** The worksheet custom property that marks a sheet as made by the add-in. */
export const OWNER_KEY = "LiveStockPlanner";
const OWNER_VALUE = "output";
/** On a sheet being swapped in or out: the output sheet's name it stands for. */
const SLOT_KEY = "LiveStockPlannerSlot";
/** Set on each new sheet as the last statement of the sync that finishes them: the new plan is whole. */
const READY_KEY = "LiveStockPlannerReady";
const READY_VALUE = "ready";
/** New sheets are built, hidden, under these names; the old ones wait under backup names until the swap is done. */
const TEMP_PREFIX = "LS~new~";
const BACKUP_PREFIX = "LS~old~";
/**
 * What one `context.sync` carries. Excel on the web caps a request at 5 MB:
 * 3 MB of cells' UTF-8 JSON leaves room for the request's own JSON around them
 * (a Chinese plan row is about 1.5 bytes a character), and a 20,000-row plan
 * still goes in a handful of syncs.
 */
export const SYNC_BUDGET: SyncBudget = { cells: 200_000, bytes: 3_000_000 };
/**
 * What one read sync may bring back: UTF-8 bytes of the values' JSON, under
 * Excel on the web's 5 MB response cap with room for rows longer than those
 * measured so far.
 */
export const READ_BUDGET_BYTES = 2_000_000;
/** Rows of a table read before its row size is known; their size sets the next chunks'. */
const PROBE_ROWS = 100;
/** The size assumed for a cell not yet measured. */
const PROBE_CELL_BYTES = 32;
/** Autofit reads this many rows; beyond them the widths are already right. */
const AUTOFIT_ROWS = 500;
/** Writes wait while the user edits a cell instead of failing (ExcelApi 1.11). */
const WRITE: Excel.RunOptions = { delayForCellEdit: true };
const READ: Excel.RunOptions = {};

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
const isSwapName = (name: string) => name.startsWith(TEMP_PREFIX) || name.startsWith(BACKUP_PREFIX);

/** A sheet of the workbook as the write path sees it: its name and the add-in's marks. */
interface SheetState {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly owned: boolean;
  /** The output sheet's name it stands for ("" when unmarked). */
  readonly slot: string;
  readonly ready: boolean;
}

interface WorkbookState {
  readonly sheets: readonly SheetState[];
  /** Names of tables and defined names, lower case: a new table's name must be none of them. */
  readonly takenNames: ReadonlySet<string>;
}

/** A place to read: a table's data body or a sheet's used range, and how many rows it has. */
interface ReadSource {
  readonly name: string;
  readonly sheet: string;
  /** 0-based sheet row and column of the first cell to read. */
  readonly row: number;
  readonly column: number;
  readonly columns: number;
  readonly rows: number;
  /** The table's header, or undefined for a sheet (its first row read is the header). */
  readonly headers?: readonly CellValue[];
}

/**
 * The workbook inside Excel, through Office.js. Every method is one
 * `Excel.run` with a few batched `context.sync` calls. Reads ask for sizes
 * first, then rows in chunks within `READ_BUDGET_BYTES`. Writes
 * (`delayForCellEdit`, calculation suspended in each writing sync) build the
 * new sheets completely under temporary names, then swap them in for the old
 * ones, which are deleted only once the swap has succeeded: Office.js batches
 * are not transactions, so at every statement the workbook holds one whole plan,
 * and a run that crashed is finished or undone by the next from whichever set is whole.
 */
export class OfficeWorkbook implements PaneWorkbook {
  readonly kind = "excel";

  constructor(
    private readonly run: ExcelRun,
    private readonly settings?: DocumentSettings,
  ) {}

  /**
   * Syncs: the names of tables and sheets; the owner marks, table headers and
   * row counts, and used-range sizes; then rows in chunks of at most
   * `READ_BUDGET_BYTES` (the first chunk of each source a probe of
   * `PROBE_ROWS` rows, whose measured size sets the rest). Tables are read
   * through their header and data body ranges, never a totals row.
   */
  async readTables(): Promise<RawTable[]> {
    return this.run(READ, async (context) => {
      const tables = context.workbook.tables.load("items/name, items/worksheet/name");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const marks = sheets.items.map((ws) =>
        ws.customProperties.getItemOrNullObject(OWNER_KEY).load("value"),
      );
      const tableShapes = tables.items.map((t) => ({
        name: t.name,
        sheet: t.worksheet.name,
        header: t.getHeaderRowRange().load("values, rowIndex, columnIndex, columnCount"),
        body: t.getDataBodyRange().load("rowCount"),
      }));
      const withTables = new Set(tables.items.map((t) => t.worksheet.name));
      const used = sheets.items
        .filter((ws) => !withTables.has(ws.name))
        .map((ws) => ({
          sheet: ws.name,
          range: ws.getUsedRangeOrNullObject(true).load("rowIndex, columnIndex, rowCount, columnCount"),
        }));
      await context.sync();
      const owned = new Set(sheets.items.filter((_, i) => isOwnerMark(marks[i])).map((ws) => ws.name));
      const sources: ReadSource[] = [
        ...tableShapes
          .filter((t) => !owned.has(t.sheet))
          .map((t) => ({
            name: t.name,
            sheet: t.sheet,
            row: t.header.rowIndex + 1,
            column: t.header.columnIndex,
            columns: t.header.columnCount,
            rows: t.body.rowCount,
            headers: (t.header.values[0] ?? []) as CellValue[],
          })),
        ...used
          .filter((u) => !owned.has(u.sheet) && !u.range.isNullObject)
          .map((u) => ({
            name: u.sheet,
            sheet: u.sheet,
            row: u.range.rowIndex,
            column: u.range.columnIndex,
            columns: u.range.columnCount,
            rows: u.range.rowCount,
          })),
      ];
      const cells = await readInChunks(context, sources);
      const found: RawTable[] = [];
      sources.forEach((source, i) => {
        const [header, ...rows] = source.headers ? [source.headers, ...cells[i]] : cells[i];
        if (header === undefined || !looksLikeHeader(header)) return;
        const firstRow = source.headers ? source.row : source.row + 1;
        found.push({
          name: source.name,
          sheet: source.sheet,
          headers: header.map((h) => (h === null ? "" : String(h))),
          rows: rows.map((r) => r.map(fromExcel)),
          firstRow: firstRow + 1,
          firstColumn: source.column + 1,
        });
      });
      return found;
    });
  }

  async writeSheets(sheets: readonly SheetOut[]): Promise<void> {
    await this.writePlan(sheets, { charts: [], statusLevels: {} });
  }

  /**
   * Syncs: 2 to read the workbook's sheets, marks, tables and names (a user's
   * sheet in the way stops it here, before anything changes; leftovers of a
   * crashed run are finished or undone first); one per batch of `SYNC_BUDGET`
   * to fill new hidden sheets; 1 to finish them (tables, formats, charts) and
   * mark them whole; 1 to swap them in (old sheets renamed to backups); 1 to
   * delete the backups. A failure at any statement leaves one whole plan, old
   * or new, which the catch (or, if that fails too, the next run) restores.
   */
  async writePlan(sheets: readonly SheetOut[], presentation: PlanPresentation): Promise<void> {
    if (sheets.length === 0) return;
    await this.run(WRITE, async (context) => {
      const targets = new Set(sheets.map((s) => lower(s.name)));
      let state = await loadState(context);
      const inTheWay = state.sheets.find((s) => !s.owned && targets.has(lower(s.name)));
      if (inTheWay) throw new InputError("value", "errorSheetInTheWay", { sheet: inTheWay.name });
      if (await recover(context, state)) state = await loadState(context);
      try {
        const temps = await buildSheets(context, sheets);
        finishSheets(context, temps, sheets, state.takenNames, presentation);
        await context.sync();
        const olds = state.sheets.filter((s) => s.owned && targets.has(lower(s.name)));
        await swapIn(
          context,
          temps.map((ws, i) => ({ ws, slot: sheets[i].name })),
          olds,
          state.sheets.map((s) => s.name),
        );
      } catch (error) {
        await loadState(context)
          .then((after) => recover(context, after))
          .catch(() => undefined);
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
   * Two syncs plus one per `SYNC_BUDGET`: the existing names, then each table
   * on a new sheet (named after its table, made unique) as an Excel table. Text
   * columns are Text-formatted before their values, so codes such as "001001"
   * stay text. A failure removes the sheets it added.
   */
  async insertTables(tables: readonly RawTable[]): Promise<string[]> {
    return this.run(WRITE, async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name");
      const existingTables = workbook.tables.load("items/name");
      const names = workbook.names.load("items/name");
      await context.sync();
      const taken = new Set([...existingTables.items, ...names.items].map((t) => lower(t.name)));
      const clash = tables.find((t) => taken.has(lower(tableNameFor(t.name))));
      if (clash) throw new InputError("value", "errorSampleExists", { table: clash.name });
      const sheetNames = new Set(sheets.items.map((ws) => lower(ws.name)));
      const outs = tables.map((table) => asSheetOut(table, freeName(table.sheet || table.name, sheetNames)));
      const added: Excel.Worksheet[] = [];
      try {
        context.application.suspendApiCalculationUntilNextSync();
        outs.forEach((out) => {
          const ws = workbook.worksheets.add(out.name);
          columnNumberFormats(out).forEach((format, c) => {
            if (format === NUMBER_FORMATS.text || out.columns[c].format === "date")
              ws.getRange(blockAddress(0, c, out.rows.length + 1, 1)).numberFormat = everyCell(format);
          });
          added.push(ws);
        });
        await writeBatches(context, outs, added);
        context.application.suspendApiCalculationUntilNextSync();
        outs.forEach((out, i) => {
          const range = added[i].getRange(blockAddress(0, 0, out.rows.length + 1, out.columns.length));
          const table = added[i].tables.add(range, true);
          table.name = tableNameFor(tables[i].name);
          added[i].freezePanes.freezeRows(1);
          added[i]
            .getRange(blockAddress(0, 0, Math.min(out.rows.length + 1, AUTOFIT_ROWS), out.columns.length))
            .format.autofitColumns();
        });
        added[0]?.activate();
        await context.sync();
      } catch (error) {
        added.forEach((ws) => ws.delete());
        await context.sync().catch(() => undefined);
        throw error;
      }
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
    await this.run(READ, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (ws.isNullObject) throw new InputError("value", "errorSelect", { where: sheet });
      act(ws);
      await context.sync();
    });
  }
}

/**
 * The rows of each source, read in syncs of at most `READ_BUDGET_BYTES`: a
 * source's first chunk is a probe; the largest row size seen sizes the rest.
 */
async function readInChunks(
  context: Excel.RequestContext,
  sources: readonly ReadSource[],
): Promise<unknown[][][]> {
  const out: unknown[][][] = sources.map(() => []);
  const next = sources.map(() => 0);
  const rowBytes: (number | undefined)[] = sources.map(() => undefined);
  while (sources.some((s, i) => next[i] < s.rows)) {
    let budget = READ_BUDGET_BYTES;
    const reads: { source: number; rows: number; range: Excel.Range }[] = [];
    for (let i = 0; i < sources.length && budget > 0; i++) {
      const source = sources[i];
      const left = source.rows - next[i];
      if (left <= 0) continue;
      const perRow = rowBytes[i] ?? PROBE_CELL_BYTES * source.columns;
      const fits = Math.floor(budget / perRow);
      const rows = Math.min(left, rowBytes[i] === undefined ? PROBE_ROWS : fits, Math.max(fits, 1));
      if (rows < 1 || (reads.length > 0 && fits < 1)) break;
      const range = context.workbook.worksheets
        .getItem(source.sheet)
        .getRangeByIndexes(source.row + next[i], source.column, rows, source.columns)
        .load("values");
      reads.push({ source: i, rows, range });
      next[i] += rows;
      budget -= rows * perRow;
    }
    await context.sync();
    for (const read of reads) {
      const values = read.range.values;
      const bytes = utf8Bytes(JSON.stringify(values));
      rowBytes[read.source] = Math.max(rowBytes[read.source] ?? 0, Math.ceil(bytes / read.rows));
      for (const row of values) out[read.source].push(row);
    }
  }
  return out;
}

/** The workbook's sheets with the add-in's marks, and the table and defined names taken: two syncs. */
async function loadState(context: Excel.RequestContext): Promise<WorkbookState> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name");
  await context.sync();
  const marks = sheets.items.map((ws) =>
    [OWNER_KEY, SLOT_KEY, READY_KEY].map((key) => ws.customProperties.getItemOrNullObject(key).load("value")),
  );
  if (sheets.items.length > 0) await context.sync();
  const valueOf = (mark: Excel.WorksheetCustomProperty) => (mark.isNullObject ? "" : String(mark.value));
  return {
    sheets: sheets.items.map((ws, i) => ({
      ws,
      name: ws.name,
      // A new sheet is added one statement before its mark: a failure between leaves it unmarked,
      // and the swap names are the add-in's own.
      owned: isOwnerMark(marks[i][0]) || isSwapName(ws.name),
      slot: valueOf(marks[i][1]),
      ready: valueOf(marks[i][2]) === READY_VALUE,
    })),
    takenNames: new Set([...tables.items, ...names.items].map((t) => lower(t.name))),
  };
}

/**
 * Finishes or undoes a run that stopped half-way; true if there was one. New
 * sheets that are all marked ready (and whose names are free or the add-in's)
 * are a whole plan: the swap is completed. Otherwise the new sheets are deleted
 * and each backup goes back under its name if that is free.
 */
async function recover(context: Excel.RequestContext, state: WorkbookState): Promise<boolean> {
  const temps = state.sheets.filter((s) => s.owned && s.name.startsWith(TEMP_PREFIX));
  const backups = state.sheets.filter((s) => s.owned && s.name.startsWith(BACKUP_PREFIX));
  if (temps.length === 0 && backups.length === 0) return false;
  const byName = new Map(state.sheets.map((s) => [lower(s.name), s]));
  const holder = (slot: string) => byName.get(lower(slot));
  const whole =
    temps.length > 0 && temps.every((t) => t.ready && t.slot !== "" && (holder(t.slot)?.owned ?? true));
  if (whole) {
    const olds = temps.map((t) => holder(t.slot)).filter((s): s is SheetState => s !== undefined);
    await swapIn(
      context,
      temps.map((t) => ({ ws: t.ws, slot: t.slot })),
      [...olds, ...backups],
      state.sheets.map((s) => s.name),
    );
    return true;
  }
  context.application.suspendApiCalculationUntilNextSync();
  temps.forEach((t) => t.ws.delete());
  const restored = new Set<string>();
  for (const backup of backups) {
    const now = backup.slot === "" ? undefined : holder(backup.slot);
    if (backup.slot !== "" && now === undefined && !restored.has(lower(backup.slot))) {
      backup.ws.name = backup.slot;
      backup.ws.visibility = "Visible";
      restored.add(lower(backup.slot));
    } else if (now === undefined || now.owned) backup.ws.delete();
  }
  await context.sync();
  return true;
}

/**
 * Two syncs. First: the new sheets shown, the old ones (and any backups passed
 * in) renamed to backup names and hidden, the new ones renamed to their output
 * names, the first activated. Then, only once that succeeded, the backups deleted.
 */
async function swapIn(
  context: Excel.RequestContext,
  fresh: readonly { readonly ws: Excel.Worksheet; readonly slot: string }[],
  olds: readonly SheetState[],
  sheetNames: readonly string[],
): Promise<void> {
  const taken = new Set(sheetNames.map(lower));
  context.application.suspendApiCalculationUntilNextSync();
  fresh.forEach(({ ws }) => (ws.visibility = "Visible"));
  let n = 0;
  for (const old of olds) {
    if (old.name.startsWith(BACKUP_PREFIX)) continue;
    while (taken.has(lower(`${BACKUP_PREFIX}${n}`))) n++;
    taken.add(lower(`${BACKUP_PREFIX}${n}`));
    old.ws.customProperties.add(SLOT_KEY, old.name);
    old.ws.name = `${BACKUP_PREFIX}${n}`;
    old.ws.visibility = "Hidden";
  }
  fresh.forEach(({ ws, slot }) => (ws.name = slot));
  fresh[0]?.ws.activate();
  await context.sync();
  if (olds.length === 0) return;
  context.application.suspendApiCalculationUntilNextSync();
  olds.forEach((old) => old.ws.delete());
  await context.sync();
}

/** New hidden sheets holding the plan's cells, marked as the add-in's: one sync per write batch. */
async function buildSheets(
  context: Excel.RequestContext,
  sheets: readonly SheetOut[],
): Promise<Excel.Worksheet[]> {
  context.application.suspendApiCalculationUntilNextSync();
  const temps = sheets.map((sheet, i) => {
    const ws = context.workbook.worksheets.add(`${TEMP_PREFIX}${i}`);
    ws.visibility = "Hidden";
    ws.customProperties.add(OWNER_KEY, OWNER_VALUE);
    ws.customProperties.add(SLOT_KEY, sheet.name);
    columnNumberFormats(sheet).forEach((format, c) => {
      ws.getRange(blockAddress(0, c, sheet.rows.length + 1, 1)).numberFormat = everyCell(format);
    });
    return ws;
  });
  await writeBatches(context, sheets, temps);
  return temps;
}

/** The cells of `sheets` into `targets`, one sync per batch of `SYNC_BUDGET`, calculation suspended in each. */
async function writeBatches(
  context: Excel.RequestContext,
  sheets: readonly SheetOut[],
  targets: readonly Excel.Worksheet[],
): Promise<void> {
  for (const batch of planWriteBatches(sheets, SYNC_BUDGET)) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const block of batch) {
      const width = sheets[block.sheet].columns.length;
      targets[block.sheet].getRange(blockAddress(block.startRow, 0, block.values.length, width)).values =
        block.values;
    }
    await context.sync();
  }
}

/** Tables, formats and charts of the new sheets, then their ready marks, last: queued for one sync. */
function finishSheets(
  context: Excel.RequestContext,
  temps: readonly Excel.Worksheet[],
  sheets: readonly SheetOut[],
  takenNames: ReadonlySet<string>,
  presentation: PlanPresentation,
): void {
  context.application.suspendApiCalculationUntilNextSync();
  const taken = new Set(takenNames);
  sheets.forEach((sheet, i) =>
    present(temps[i], sheet, freeTableName(tableNameFor(sheet.name), taken), presentation),
  );
  const chartsOnSheet = new Map<number, number>();
  presentation.charts.forEach((chart) => {
    const i = sheets.findIndex((s) => s.name === chart.sheet);
    if (i < 0) return;
    const slot = chartsOnSheet.get(i) ?? 0;
    chartsOnSheet.set(i, slot + 1);
    addChart(temps[i], sheets[i], chart, slot);
  });
  temps.forEach((ws) => ws.customProperties.add(READY_KEY, READY_VALUE));
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

/** `wanted`, or `wanted2`, `wanted3`… if a table or a defined name already has that name. */
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

/**
 * An input table as cells to write: `Date` cells become date cells; a column
 * of text only is a text column; everything else as given.
 */
function asSheetOut(table: RawTable, sheetName: string): SheetOut {
  const formatOf = (c: number): ColumnFormat => {
    const cells = table.rows.map((r) => r[c]).filter((v) => v !== null && v !== undefined && v !== "");
    if (cells.some((v) => v instanceof Date)) return "date";
    return cells.length > 0 && cells.every((v) => typeof v === "string") ? "text" : "decimal";
  };
  const columns: ColumnOut[] = table.headers.map((header, c) => ({
    key: header,
    header,
    format: formatOf(c),
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
