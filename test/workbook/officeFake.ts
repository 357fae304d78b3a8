/* eslint-disable @typescript-eslint/no-this-alias -- the fake's getters and setters need the fake itself, not the proxy object they sit on */
import { OfficeMockObject } from "office-addin-mock";
import type { ExcelRun } from "../../src/workbook/officeWorkbook";

/**
 * A small Excel for the Office.js adapter's tests. Objects the adapter reads
 * are office-addin-mock `OfficeMockObject`s, wrapped so that reading a
 * property before `load` + `context.sync()` throws, as Excel does; collections
 * (which office-addin-mock cannot model) follow the same rule by hand. Writes
 * land in a plain model of sheets the tests inspect, and every sync is counted.
 */

type Cell = string | number | boolean;

export interface FakeTable {
  name: string;
  address: string;
  style?: string;
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
  /** Number format by column, as last set. */
  formats: Map<number, string>;
  tables: FakeTable[];
  frozenRows: number;
  conditional: FakeConditionalFormat[];
  charts: FakeChart[];
  autofitted: number;
}

const NOT_READY = /^Error, (property was not loaded|context\.sync\(\) was not called)$/;

/** Throws on reading a property that office-addin-mock reports as not loaded or not synced. */
function strict<T extends object>(mock: T): T {
  return new Proxy(mock, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      // The mock's own methods read its fields freely; only the adapter's reads are checked.
      if (typeof value === "function") return value.bind(target);
      if (typeof value === "string" && NOT_READY.test(value)) {
        throw new Error(`PropertyNotLoaded: ${String(key)} (${value})`);
      }
      return value;
    },
  });
}

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

export class FakeExcel {
  sheets: FakeSheet[] = [];
  calculationMode = "Automatic";
  /** The calculation mode at each sync, in order. */
  calculationAtSync: string[] = [];
  syncs = 0;
  /** Cells sent per sync. */
  cellsAtSync: number[] = [];
  /** Characters of the cells' JSON sent per sync. */
  charsAtSync: number[] = [];
  /** When set, the n-th sync (1-based, counted over the fake's life) fails like an Excel API error. */
  failOnSync: number | undefined;
  active: string | undefined;
  selected: { sheet: string; address: string } | undefined;
  private pendingMocks: OfficeMockObject[] = [];
  private cellsSinceSync = 0;
  private charsSinceSync = 0;

  /** A sheet of the user's with `cells` from A1, optionally an Excel table over them. */
  addSheet(name: string, cells: Cell[][], table?: string, owned = false): FakeSheet {
    const sheet: FakeSheet = {
      name,
      visibility: "Visible",
      props: new Map(owned ? [["LiveStockPlanner", "output"]] : []),
      cells: cells.map((r) => [...r]),
      formats: new Map(),
      tables: [],
      frozenRows: 0,
      conditional: [],
      charts: [],
      autofitted: 0,
    };
    if (table && cells.length > 0) {
      sheet.tables.push({
        name: table,
        address: `A1:${String.fromCharCode(64 + cells[0].length)}${cells.length}`,
      });
    }
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** `Excel.run` over this fake. */
  readonly run: ExcelRun = async (batch) => batch(this.context() as unknown as Excel.RequestContext);

  /** An office-addin-mock object holding `data`, loaded with `properties` and resolved at the next sync. */
  private register<T extends object>(
    data: Record<string, unknown>,
    properties: string,
    extra: Record<string, unknown> = {},
  ): T {
    const mock = new OfficeMockObject(data);
    mock.load(properties);
    Object.assign(mock, extra);
    this.pendingMocks.push(mock);
    return strict(mock) as unknown as T;
  }

  private async sync(application: OfficeMockObject): Promise<void> {
    this.syncs += 1;
    this.cellsAtSync.push(this.cellsSinceSync);
    this.cellsSinceSync = 0;
    this.charsAtSync.push(this.charsSinceSync);
    this.charsSinceSync = 0;
    const mode: unknown = Reflect.get(application, "calculationMode");
    if (typeof mode === "string" && !NOT_READY.test(mode)) this.calculationMode = mode;
    this.calculationAtSync.push(this.calculationMode);
    if (this.failOnSync === this.syncs) {
      throw Object.assign(new Error("The request failed (simulated)."), { code: "GeneralException" });
    }
    const mocks = this.pendingMocks;
    this.pendingMocks = [];
    for (const mock of mocks) await mock.sync();
  }

  private context(): unknown {
    const application = new OfficeMockObject({ calculationMode: this.calculationMode });
    this.pendingMocks.push(application);
    const context = {
      application: strict(application),
      workbook: {
        worksheets: this.worksheetCollection(),
        tables: this.tableCollection(),
      },
      sync: () => this.sync(application),
    };
    return context;
  }

  private collection<T>(items: () => T[]): { load: () => unknown; readonly items: T[] } {
    let loadedAtSync: number | undefined;
    const fake = this;
    const collection = {
      load() {
        loadedAtSync = fake.syncs;
        return collection;
      },
      get items(): T[] {
        if (loadedAtSync === undefined || fake.syncs <= loadedAtSync) {
          throw new Error("PropertyNotLoaded: items");
        }
        return snapshot ?? (snapshot = items());
      },
    };
    let snapshot: T[] | undefined;
    return collection;
  }

  private worksheetCollection(): unknown {
    const base = this.collection(() => this.sheets.map((s) => this.worksheet(s)));
    return Object.assign(base, {
      add: (name: string) => {
        if (this.sheet(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
        return this.worksheet(this.addSheet(name, []));
      },
      getItemOrNullObject: (name: string) => {
        const sheet = this.sheet(name);
        return sheet ? this.worksheet(sheet) : { isNullObject: true };
      },
    });
  }

  private tableCollection(): unknown {
    return this.collection(() =>
      this.sheets.flatMap((sheet) =>
        sheet.tables.map((table) => ({
          name: table.name,
          worksheet: { name: sheet.name },
          getRange: () => this.range(sheet, table.address),
        })),
      ),
    );
  }

  private worksheet(sheet: FakeSheet): unknown {
    const fake = this;
    return {
      isNullObject: false,
      get name() {
        return sheet.name;
      },
      set name(value: string) {
        const other = fake.sheet(value);
        if (other && other !== sheet) throw new Error(`ItemAlreadyExists: sheet ${value}`);
        sheet.name = value;
      },
      get visibility() {
        return sheet.visibility;
      },
      set visibility(value: string) {
        sheet.visibility = value;
      },
      delete: () => {
        this.sheets = this.sheets.filter((s) => s !== sheet);
      },
      activate: () => {
        this.active = sheet.name;
      },
      customProperties: {
        add: (key: string, value: string) => sheet.props.set(key, value),
        getItemOrNullObject: (key: string) => ({
          load: (properties: string) =>
            this.register({ value: sheet.props.get(key) ?? "" }, properties, {
              isNullObject: !sheet.props.has(key),
            }),
        }),
      },
      getRange: (address: string) => this.range(sheet, address),
      getCell: (row: number, column: number) =>
        this.range(sheet, `${String.fromCharCode(65 + column)}${row + 1}`),
      getUsedRangeOrNullObject: () => {
        const rows = sheet.cells.length;
        const columns = Math.max(0, ...sheet.cells.map((r) => r.length));
        if (rows === 0 || columns === 0) return { load: () => ({ isNullObject: true }) };
        return this.range(sheet, `A1:${String.fromCharCode(64 + columns)}${rows}`);
      },
      tables: {
        add: (range: { address: string }, _hasHeaders: boolean) => {
          const table: FakeTable = { name: `Table${sheet.tables.length + 1}`, address: range.address };
          const taken = (name: string) =>
            this.sheets.some((s) => s.tables.some((t) => t !== table && t.name === name));
          sheet.tables.push(table);
          return {
            set name(value: string) {
              if (taken(value)) throw new Error(`InvalidArgument: table name ${value} is taken`);
              table.name = value;
            },
            set style(value: string) {
              table.style = value;
            },
          };
        },
      },
      freezePanes: { freezeRows: (count: number) => (sheet.frozenRows = count) },
      charts: { add: (type: string, range: { address: string }) => this.chart(sheet, type, range.address) },
    };
  }

  private chart(sheet: FakeSheet, type: string, values: string): unknown {
    const chart: FakeChart = {
      type,
      title: "",
      series: [{ name: "", chartType: type, axisGroup: "Primary", values }],
    };
    sheet.charts.push(chart);
    const seriesProxy = (s: FakeChart["series"][number]) => ({
      set name(v: string) {
        s.name = v;
      },
      set chartType(v: string) {
        s.chartType = v;
      },
      set axisGroup(v: string) {
        s.axisGroup = v;
      },
      setValues: (range: { address: string }) => (s.values = range.address),
      setXAxisValues: (range: { address: string }) => (s.categories = range.address),
    });
    return {
      title: {
        set text(v: string) {
          chart.title = v;
        },
      },
      legend: { position: "Right" },
      series: {
        getItemAt: (i: number) => seriesProxy(chart.series[i]),
        add: (name: string) => {
          const s = { name, chartType: type, axisGroup: "Primary" };
          chart.series.push(s);
          return seriesProxy(s);
        },
      },
      setPosition: (at: string) => (chart.position = at),
    };
  }

  private range(sheet: FakeSheet, address: string): unknown {
    const at = parseAddress(address);
    const fake = this;
    return {
      address,
      load: (properties: string) =>
        this.register(
          {
            values: Array.from({ length: at.rows }, (_, r) =>
              Array.from({ length: at.columns }, (_, c) => sheet.cells[at.row + r]?.[at.column + c] ?? ""),
            ),
            rowIndex: at.row,
            columnIndex: at.column,
          },
          properties,
          { isNullObject: false },
        ),
      set values(values: Cell[][]) {
        if (values.length !== at.rows || values.some((r) => r.length !== at.columns)) {
          throw new Error(`InvalidArgument: ${values.length} rows for ${address}`);
        }
        fake.cellsSinceSync += at.rows * at.columns;
        fake.charsSinceSync += JSON.stringify(values).length;
        values.forEach((row, r) => {
          const target = (sheet.cells[at.row + r] ??= []);
          row.forEach((v, c) => (target[at.column + c] = v));
        });
        for (let r = 0; r < sheet.cells.length; r++) {
          const row = sheet.cells[r] ?? (sheet.cells[r] = []);
          for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = "";
        }
      },
      set numberFormat(format: unknown) {
        if (typeof format !== "string") throw new Error("The fake expects one format per column range.");
        for (let c = at.column; c < at.column + at.columns; c++) sheet.formats.set(c, format);
      },
      format: { autofitColumns: () => (sheet.autofitted += 1) },
      conditionalFormats: {
        add: (type: string) => {
          const record: FakeConditionalFormat = { address, type };
          sheet.conditional.push(record);
          return {
            textComparison: {
              format: {
                fill: {
                  set color(v: string) {
                    record.fill = v;
                  },
                },
                font: { color: "" },
              },
              set rule(v: unknown) {
                record.rule = v;
              },
            },
            colorScale: {
              set criteria(v: unknown) {
                record.criteria = v;
              },
            },
          };
        },
      },
      select: () => (this.selected = { sheet: sheet.name, address }),
    };
  }
}
