/* eslint-disable @typescript-eslint/no-this-alias -- the fake's getters and setters need the fake itself, not the object they sit on */
import type { ExcelRun } from "../../src/workbook/officeWorkbook";

/**
 * A small Excel for the Office.js adapter's tests, faithful where Excel differs
 * from a naive mock:
 *  - every call is a statement queued until `context.sync()`, which applies them
 *    in order; a statement that fails (or `failAtStatement`) rejects the sync with
 *    the statements before it APPLIED, as Excel does (batches are not transactions);
 *  - reading a property before `load` + `sync` throws (PropertyNotLoaded);
 *  - a request or a response over 5 MB (UTF-8 JSON) fails the sync, as Excel on the web does;
 *  - `values` parses text as if typed into the cell, unless the cell is text-formatted ("@"):
 *    "001001" becomes 1001, "=…" a formula, "TRUE" a boolean, "2024-11-04" a date serial;
 *    a leading apostrophe keeps text as text (and is not part of the value read back);
 *  - table names are unique across tables and defined names.
 */

type Cell = string | number | boolean;

export interface FakeTable {
  name: string;
  address: string;
  style?: string;
  /** A totals row below the data (part of `getRange()`, not of the data body). */
  totals?: boolean;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  rule?: unknown;
  fill?: string;
  criteria?: unknown;
}

export interface FakeChart {
  type: string;
  title: string;
  position?: string;
  series: { name: string; chartType: string; axisGroup: string; values?: string; categories?: string }[];
}

export interface FakeSheet {
  name: string;
  visibility: string;
  props: Map<string, string>;
  cells: Cell[][];
  /** Formulas by "row,column" (0-based): text Excel parsed as a formula. */
  formulas: Map<string, string>;
  /** Number format by column, as last set. */
  formats: Map<number, string>;
  tables: FakeTable[];
  frozenRows: number;
  conditional: FakeConditionalFormat[];
  charts: FakeChart[];
  autofitted: number;
}

/** Excel on the web's cap on a request's and a response's payload. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

const utf8 = new TextEncoder();
const jsonBytes = (value: unknown): number => utf8.encode(JSON.stringify(value)).length;

function parseAddress(address: string): { row: number; column: number; rows: number; columns: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) throw new Error(`InvalidArgument: address ${address}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  const column = col(m[1]);
  const lastRow = m[4] ? Number(m[4]) - 1 : row;
  const lastColumn = m[3] ? col(m[3]) : column;
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

function letters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const addressOf = (row: number, column: number, rows: number, columns: number): string =>
  `${letters(column)}${row + 1}:${letters(column + columns - 1)}${row + rows}`;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What Excel stores when `text` is assigned to a General cell: as if the user typed it. */
export function typedIntoGeneral(text: string): { value: Cell; formula?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (NUMBER.test(text.trim())) return { value: Number(text) };
  if (/^[=+\-@]/.test(text) && text.length > 1) return { value: "", formula: text };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  const date = ISO_DATE.exec(text);
  if (date) return { value: Date.UTC(+date[1], +date[2] - 1, +date[3]) / 86_400_000 + 25569 };
  return { value: text };
}

/** A statement queued for the next sync. */
interface Statement {
  readonly label: string;
  readonly apply: () => void;
}

/** A loadable object: its properties readable only once loaded and synced. */
interface Loadable {
  readonly target: Record<string, unknown>;
  ready: boolean;
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  /** Defined names of the workbook (Formulas → Name Manager). */
  names: string[] = [];
  syncs = 0;
  /** Statements applied, over the fake's life. */
  statements = 0;
  /** When set, the n-th statement (1-based, over the fake's life) fails like an Excel API error. */
  failAtStatement: number | undefined;
  /** When set, the first statement whose label matches fails (once). */
  failOnLabel: RegExp | undefined;
  /** Go offline right after a simulated statement failure: the adapter's own cleanup fails too. */
  offlineAfterFailure = false;
  /** When set, the n-th sync fails before applying anything (the connection dropped). */
  failOnSync: number | undefined;
  /** While true, every sync fails before applying anything. */
  offline = false;
  /** Labels of the statements applied, in order. */
  log: string[] = [];
  /** UTF-8 bytes of the cells' JSON sent per sync, and of the values read back per sync. */
  requestBytesAtSync: number[] = [];
  responseBytesAtSync: number[] = [];
  /** Cells sent per sync. */
  cellsAtSync: number[] = [];
  /** Whether the sync carried `suspendApiCalculationUntilNextSync`, and whether it wrote anything. */
  suspendedAtSync: boolean[] = [];
  wroteAtSync: boolean[] = [];
  /** Excel's calculation mode: application-wide, it outlives the workbook's runs. */
  calculationMode = "Automatic";
  /** Calculation modes the adapter set (it should set none). */
  calculationModeSets: string[] = [];
  /** The options of each `Excel.run`. */
  runs: Excel.RunOptions[] = [];
  active: string | undefined;
  selected: { sheet: string; address: string } | undefined;
  private queue: Statement[] = [];
  private loads: Loadable[] = [];
  private requestBytes = 0;
  private cellsSent = 0;

  /** A sheet of the user's with `cells` from A1, optionally an Excel table over them. */
  addSheet(name: string, cells: Cell[][], table?: string, owned = false): FakeSheet {
    const sheet = this.newSheet(name);
    if (owned) sheet.props.set("LiveStockPlanner", "output");
    sheet.cells = cells.map((r) => [...r]);
    if (table && cells.length > 0)
      sheet.tables.push({ name: table, address: addressOf(0, 0, cells.length, cells[0].length) });
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * `Excel.run` over this fake: statements left unsynced at the end are an error (Excel drops them).
   * Also takes `run(batch)` without options, as the adapter once called it.
   */
  readonly run: ExcelRun = (async (...args: unknown[]) => {
    const [options, batch] = (args.length === 1 ? [{}, args[0]] : args) as [
      Excel.RunOptions,
      (context: Excel.RequestContext) => Promise<unknown>,
    ];
    this.runs.push(options);
    this.queue = [];
    this.loads = [];
    const result = await batch(this.context() as unknown as Excel.RequestContext);
    if (this.queue.length > 0) throw new Error(`${this.queue.length} statements were never synced`);
    return result;
  }) as ExcelRun;

  private newSheet(name: string): FakeSheet {
    return {
      name,
      visibility: "Visible",
      props: new Map(),
      cells: [],
      formulas: new Map(),
      formats: new Map(),
      tables: [],
      frozenRows: 0,
      conditional: [],
      charts: [],
      autofitted: 0,
    };
  }

  private enqueue(label: string, apply: () => void, writes = true): void {
    this.queue.push({ label: writes ? label : `(read) ${label}`, apply });
  }

  private loadable(label: string, data: () => Record<string, unknown>): Record<string, unknown> {
    const entry: Loadable = { target: {}, ready: false };
    this.enqueue(
      label,
      () => {
        Object.assign(entry.target, data());
        this.loads.push(entry);
      },
      false,
    );
    return new Proxy(entry.target, {
      get(target, key) {
        if (typeof key === "symbol" || key === "then") return undefined;
        if (!entry.ready || !(key in target)) throw new Error(`PropertyNotLoaded: ${key}`);
        return target[key];
      },
    });
  }

  private async sync(): Promise<void> {
    this.syncs += 1;
    const queue = this.queue;
    this.queue = [];
    const request = this.requestBytes;
    this.requestBytesAtSync.push(request);
    this.cellsAtSync.push(this.cellsSent);
    this.requestBytes = 0;
    this.cellsSent = 0;
    this.suspendedAtSync.push(queue.some((s) => s.label === "suspendApiCalculationUntilNextSync"));
    this.wroteAtSync.push(queue.some((s) => !s.label.startsWith("(read)") && !s.label.startsWith("suspend")));
    if (this.offline || this.failOnSync === this.syncs)
      throw excelError("GeneralException", "The request failed (simulated).");
    if (request > PAYLOAD_LIMIT_BYTES)
      throw excelError("RequestPayloadSizeLimitExceeded", `${request} bytes`);
    this.loads = [];
    for (const statement of queue) {
      this.statements += 1;
      if (this.failAtStatement === this.statements || this.failOnLabel?.test(statement.label)) {
        this.failOnLabel = undefined;
        if (this.offlineAfterFailure) this.offline = true;
        throw excelError(
          "GeneralException",
          `statement ${this.statements} (${statement.label}) failed (simulated)`,
        );
      }
      statement.apply();
      this.log.push(statement.label);
    }
    const response = this.loads.reduce((n, l) => n + jsonBytes(l.target), 0);
    this.responseBytesAtSync.push(response);
    if (response > PAYLOAD_LIMIT_BYTES)
      throw excelError("ResponsePayloadSizeLimitExceeded", `${response} bytes`);
    for (const l of this.loads) l.ready = true;
  }

  private context(): unknown {
    const fake = this;
    return {
      application: {
        suspendApiCalculationUntilNextSync: () =>
          this.enqueue("suspendApiCalculationUntilNextSync", () => undefined),
        load: () => this.loadable("application", () => ({ calculationMode: this.calculationMode })),
        set calculationMode(mode: string) {
          fake.calculationModeSets.push(mode);
          fake.enqueue(`calculation ${mode}`, () => (fake.calculationMode = mode));
        },
      },
      workbook: {
        worksheets: this.worksheetCollection(),
        tables: {
          load: () =>
            this.collection("tables", () =>
              this.sheets.flatMap((sheet) =>
                sheet.tables.map((table) => {
                  const handle = this.tableHandle(table.name) as Record<string, unknown>;
                  return {
                    name: table.name,
                    worksheet: { name: sheet.name },
                    getRange: handle.getRange,
                    getHeaderRowRange: handle.getHeaderRowRange,
                    getDataBodyRange: handle.getDataBodyRange,
                  };
                }),
              ),
            ),
          getItem: (name: string) => this.tableHandle(name),
        },
        names: { load: () => this.collection("names", () => this.names.map((name) => ({ name }))) },
      },
      sync: () => this.sync(),
    };
  }

  /** A loaded collection: `items` readable after the next sync, as a snapshot of that moment. */
  private collection<T>(label: string, items: () => T[]): { items: T[] } {
    return this.loadable(label, () => ({ items: items() })) as unknown as { items: T[] };
  }

  private worksheetCollection(): unknown {
    return {
      load: () => this.collection("worksheets", () => this.sheets.map((s) => this.worksheet(s, true))),
      add: (name: string) => {
        const sheet = this.newSheet(name);
        this.enqueue(`add sheet ${name}`, () => {
          if (this.sheet(name)) throw excelError("ItemAlreadyExists", `sheet ${name}`);
          this.sheets.push(sheet);
        });
        return this.worksheet(sheet, false);
      },
      getItem: (name: string) => {
        const sheet = this.sheet(name);
        if (!sheet) throw excelError("ItemNotFound", `sheet ${name}`);
        return this.worksheet(sheet, true);
      },
      getItemOrNullObject: (name: string) => {
        const found = this.loadable(`find sheet ${name}`, () => ({ isNullObject: !this.sheet(name) }));
        let sheet: FakeSheet | undefined;
        this.enqueue(`resolve sheet ${name}`, () => (sheet = this.sheet(name)), false);
        const handle = (): FakeSheet => {
          if (!sheet) throw excelError("ItemNotFound", name);
          return sheet;
        };
        return new Proxy(
          {},
          {
            get: (_, key) => {
              if (key === "isNullObject") return found.isNullObject;
              return Reflect.get(this.worksheet(handle(), true) as object, key);
            },
          },
        );
      },
    };
  }

  private tableHandle(name: string): unknown {
    const find = () => {
      for (const sheet of this.sheets)
        for (const table of sheet.tables) if (table.name === name) return { sheet, table };
      throw excelError("ItemNotFound", `table ${name}`);
    };
    const fake = this;
    return {
      getRange: () =>
        this.lazyRange(() => {
          const { sheet, table } = find();
          const at = parseAddress(table.address);
          return { sheet, ...at, rows: at.rows + (table.totals ? 1 : 0) };
        }),
      getHeaderRowRange: () =>
        this.lazyRange(() => {
          const { sheet, table } = find();
          return { sheet, ...parseAddress(table.address), rows: 1 };
        }),
      getDataBodyRange: () =>
        this.lazyRange(() => {
          const { sheet, table } = find();
          const at = parseAddress(table.address);
          return { sheet, ...at, row: at.row + 1, rows: Math.max(1, at.rows - 1) };
        }),
      set name(value: string) {
        fake.enqueue(`rename table ${name} to ${value}`, () => {
          fake.checkTableName(value);
          find().table.name = value;
        });
      },
    };
  }

  private checkTableName(value: string, self?: FakeTable): void {
    const lower = value.toLowerCase();
    const taken =
      this.sheets.some((s) => s.tables.some((t) => t !== self && t.name.toLowerCase() === lower)) ||
      this.names.some((n) => n.toLowerCase() === lower);
    if (taken)
      throw excelError("InvalidArgument", `the name ${value} is already used by a table or a defined name`);
  }

  /** A worksheet handle: `loaded` when it came from a loaded collection (its name readable). */
  private worksheet(sheet: FakeSheet, loaded: boolean): unknown {
    const fake = this;
    const alive = () => {
      if (!this.sheets.includes(sheet)) throw excelError("ItemNotFound", `sheet ${sheet.name}`);
    };
    const loadedName = sheet.name;
    return {
      isNullObject: false,
      get name() {
        if (!loaded) throw new Error("PropertyNotLoaded: name");
        return loadedName;
      },
      set name(value: string) {
        fake.enqueue(`rename sheet ${loadedName} to ${value}`, () => {
          alive();
          const other = fake.sheet(value);
          if (other && other !== sheet) throw excelError("ItemAlreadyExists", `sheet ${value}`);
          sheet.name = value;
        });
      },
      set visibility(value: string) {
        fake.enqueue(`${value} ${loadedName}`, () => {
          alive();
          sheet.visibility = value;
        });
      },
      delete: () =>
        this.enqueue(`delete sheet ${loadedName}`, () => {
          alive();
          this.sheets = this.sheets.filter((s) => s !== sheet);
          if (this.active === sheet.name) this.active = undefined;
        }),
      activate: () =>
        this.enqueue(`activate ${loadedName}`, () => {
          alive();
          this.active = sheet.name;
        }),
      customProperties: {
        add: (key: string, value: string) =>
          this.enqueue(`mark ${loadedName} ${key}=${value}`, () => {
            alive();
            sheet.props.set(key, value);
          }),
        getItemOrNullObject: (key: string) => ({
          load: () =>
            this.loadable(`mark ${key}`, () => ({
              isNullObject: !sheet.props.has(key),
              value: sheet.props.get(key) ?? "",
            })),
        }),
      },
      getRange: (address: string) => this.range(sheet, parseAddress(address)),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
        this.range(sheet, { row, column, rows, columns }),
      getCell: (row: number, column: number) => this.range(sheet, { row, column, rows: 1, columns: 1 }),
      getUsedRangeOrNullObject: () =>
        this.lazyRange(() => {
          const rows = sheet.cells.length;
          const columns = Math.max(0, ...sheet.cells.map((r) => r.length));
          return rows === 0 || columns === 0 ? undefined : { sheet, row: 0, column: 0, rows, columns };
        }),
      tables: {
        add: (range: { address: string }, _hasHeaders: boolean) => {
          const table: FakeTable = { name: "", address: range.address };
          this.enqueue(`add table on ${loadedName}`, () => {
            alive();
            table.name = `Table${this.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}`;
            sheet.tables.push(table);
          });
          return {
            set name(value: string) {
              fake.enqueue(`name table ${value}`, () => {
                fake.checkTableName(value, table);
                table.name = value;
              });
            },
            set style(value: string) {
              fake.enqueue(`style table`, () => (table.style = value));
            },
          };
        },
      },
      freezePanes: {
        freezeRows: (count: number) => this.enqueue(`freeze ${loadedName}`, () => (sheet.frozenRows = count)),
      },
      charts: {
        add: (type: string, range: { address: string }) => this.chart(sheet, type, range.address),
      },
    };
  }

  private chart(sheet: FakeSheet, type: string, values: string): unknown {
    const chart: FakeChart = {
      type,
      title: "",
      series: [{ name: "", chartType: type, axisGroup: "Primary", values }],
    };
    const set = (label: string, apply: () => void) => this.enqueue(label, apply);
    set(`add chart on ${sheet.name}`, () => sheet.charts.push(chart));
    const seriesProxy = (s: FakeChart["series"][number]) => ({
      set name(v: string) {
        set("series name", () => (s.name = v));
      },
      set chartType(v: string) {
        set("series type", () => (s.chartType = v));
      },
      set axisGroup(v: string) {
        set("series axis", () => (s.axisGroup = v));
      },
      setValues: (range: { address: string }) => set("series values", () => (s.values = range.address)),
      setXAxisValues: (range: { address: string }) =>
        set("series categories", () => (s.categories = range.address)),
    });
    return {
      title: {
        set text(v: string) {
          set("chart title", () => (chart.title = v));
        },
      },
      legend: {
        set position(_v: string) {
          set("chart legend", () => undefined);
        },
      },
      series: {
        getItemAt: (i: number) => seriesProxy(chart.series[i]),
        add: (name: string) => {
          const s = { name, chartType: type, axisGroup: "Primary" };
          set("add series", () => chart.series.push(s));
          return seriesProxy(s);
        },
      },
      setPosition: (at: string) => set("chart position", () => (chart.position = at)),
    };
  }

  /** A range whose place is known only when the statements before it have been applied. */
  private lazyRange(
    where: () => { sheet: FakeSheet; row: number; column: number; rows: number; columns: number } | undefined,
  ): unknown {
    return {
      load: (properties: string) =>
        this.loadable("range", () => {
          const at = where();
          if (!at) return { isNullObject: true };
          return { isNullObject: false, ...this.rangeData(at.sheet, at, properties) };
        }),
    };
  }

  /** The range's `properties` (as `load` names them), only those: Excel returns what was asked. */
  private rangeData(
    sheet: FakeSheet,
    at: { row: number; column: number; rows: number; columns: number },
    properties: string,
  ): Record<string, unknown> {
    const asked = new Set(properties.split(",").map((p) => p.trim()));
    const all: Record<string, () => unknown> = {
      values: () =>
        Array.from({ length: at.rows }, (_, r) =>
          Array.from({ length: at.columns }, (_, c) => sheet.cells[at.row + r]?.[at.column + c] ?? ""),
        ),
      rowIndex: () => at.row,
      columnIndex: () => at.column,
      rowCount: () => at.rows,
      columnCount: () => at.columns,
      address: () => addressOf(at.row, at.column, at.rows, at.columns),
    };
    return Object.fromEntries(
      Object.entries(all)
        .filter(([k]) => asked.has(k))
        .map(([k, get]) => [k, get()]),
    );
  }

  private range(
    sheet: FakeSheet,
    at: { row: number; column: number; rows: number; columns: number },
  ): unknown {
    const address = addressOf(at.row, at.column, at.rows, at.columns).replace(/^([A-Z]+\d+):\1$/, "$1");
    const fake = this;
    return {
      address,
      load: (properties: string) =>
        this.loadable(`read ${address}`, () => ({
          isNullObject: false,
          ...this.rangeData(sheet, at, properties),
        })),
      set values(values: Cell[][]) {
        if (values.length !== at.rows || values.some((r) => r.length !== at.columns)) {
          throw new Error(`InvalidArgument: ${values.length} rows for ${address}`);
        }
        fake.cellsSent += at.rows * at.columns;
        fake.requestBytes += jsonBytes(values);
        fake.enqueue(`values ${sheet.name}!${address}`, () => {
          values.forEach((row, r) => {
            const target = (sheet.cells[at.row + r] ??= []);
            row.forEach((v, c) => {
              const column = at.column + c;
              const key = `${at.row + r},${column}`;
              sheet.formulas.delete(key);
              if (typeof v !== "string" || sheet.formats.get(column) === "@") target[column] = v;
              else {
                const typed = typedIntoGeneral(v);
                target[column] = typed.value;
                if (typed.formula !== undefined) sheet.formulas.set(key, typed.formula);
              }
            });
          });
          for (let r = 0; r < sheet.cells.length; r++) {
            const row = sheet.cells[r] ?? (sheet.cells[r] = []);
            for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = "";
          }
        });
      },
      set numberFormat(format: unknown) {
        if (typeof format !== "string") throw new Error("The fake expects one format per column range.");
        fake.enqueue(`format ${sheet.name}!${address} ${format}`, () => {
          for (let c = at.column; c < at.column + at.columns; c++) sheet.formats.set(c, format);
        });
      },
      format: {
        autofitColumns: () => this.enqueue(`autofit ${sheet.name}`, () => (sheet.autofitted += 1)),
      },
      conditionalFormats: {
        add: (type: string) => {
          const record: FakeConditionalFormat = { address, type };
          this.enqueue(`conditional format ${sheet.name}!${address}`, () => sheet.conditional.push(record));
          const set = (label: string, apply: () => void) => fake.enqueue(label, apply);
          return {
            textComparison: {
              format: {
                fill: {
                  set color(v: string) {
                    set("fill", () => (record.fill = v));
                  },
                },
                font: {
                  set color(_v: string) {
                    set("font", () => undefined);
                  },
                },
              },
              set rule(v: unknown) {
                set("rule", () => (record.rule = v));
              },
            },
            colorScale: {
              set criteria(v: unknown) {
                set("criteria", () => (record.criteria = v));
              },
            },
          };
        },
      },
      select: () => this.enqueue(`select ${address}`, () => (this.selected = { sheet: sheet.name, address })),
    };
  }
}

function excelError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
