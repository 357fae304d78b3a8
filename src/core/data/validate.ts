import type { DataMessageKey } from "../i18n/dataMessages";
import type { MessageParams } from "../i18n/catalogue";
import { dayToIso, type Day } from "../time/day";
import { days, fraction, money, units } from "../units";
import {
  isCellError,
  parseClass,
  parseCountry,
  parseDay,
  parseFlag,
  parseMode,
  parseNumber,
  parseText,
  showCell,
  type CellError,
} from "./cells";
import { isStreamPlaceholder, LAST_SALES_DAY, SALES_DATE_MARGIN_DAYS, salesDateLimit } from "./salesChecks";
import { CONTRACT, MAX_TEXT_LENGTH, type ColumnSpec, type TableName } from "./contract";
import { findTables, type FoundTable } from "./findTables";
import type {
  AbcClass,
  ShipModeName,
  InTransitRow,
  Lane,
  OrderRow,
  PlanInput,
  SalesRow,
  Sku,
  StockRow,
  Stream,
  StreamItem,
  Warehouse,
} from "./model";
import { bilingual, columnLetters, isTableProblem, type DataProblem } from "./problem";
import type { CellValue, RawTable } from "./table";

/** A cell of an input table as the user finds it: sheet, row, header as written, address. */
export interface CellLocation {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly cell?: string;
}

/** Where a Settings row was read: its key cell and its value cell. */
export interface SettingLocation {
  readonly key: CellLocation;
  readonly value: CellLocation;
}

export interface ReadOptions {
  /** Leave rows with problems out (and list them) instead of refusing to plan. */
  readonly skipInvalid?: boolean;
  /** The plan date when the user gives one: a sale dated after it is a problem. */
  readonly planDate?: Day;
}

export interface ReadResult {
  /** The rows that passed every check (all rows when there are no problems). */
  readonly input: PlanInput;
  /** Every problem found, in the contract's table order, then by row and column. */
  readonly problems: readonly DataProblem[];
  /**
   * What the reader decided for the user and says once, not blocking: placeholder stream ids read as
   * blank, stream ids the Streams table does not list.
   */
  readonly remarks: readonly DataProblem[];
  /** True when a plan may be made: no problems, or only row problems and `skipInvalid`. */
  readonly plannable: boolean;
  /** How many rows were left out (skip-invalid). */
  readonly skippedRows: number;
  /** Where each Settings key (lower case) was read, to locate the planner's remarks on a setting. */
  readonly settingRows: ReadonlyMap<string, SettingLocation>;
}

/**
 * Where column `name` of a table is on sheet row `row`: its header as written
 * and the cell's address (no address when the column is absent).
 */
function locateCell(found: FoundTable, name: string, row: number): CellLocation {
  const i = found.spec.columns.findIndex((c) => c.name === name);
  const at = i < 0 ? -1 : found.columns[i];
  const raw = found.raw;
  return at >= 0
    ? { sheet: raw.sheet, row, column: raw.headers[at], cell: `${columnLetters(raw.firstColumn + at)}${row}` }
    : { sheet: raw.sheet, row, column: name };
}

/** Reads the cells of one table row by row, recording each problem with its sheet location. */
class RowReader {
  ok = true;
  private cells: readonly CellValue[] = [];
  private rowNumber = 0;
  private readonly index: Readonly<Record<string, number>>;
  private readonly specs: Readonly<Record<string, ColumnSpec>>;

  constructor(
    private readonly found: FoundTable,
    private readonly problems: DataProblem[],
  ) {
    const index: Record<string, number> = {};
    const specs: Record<string, ColumnSpec> = {};
    found.spec.columns.forEach((c, i) => {
      index[c.name] = found.columns[i];
      specs[c.name] = c;
    });
    this.index = index;
    this.specs = specs;
  }

  get table(): TableName {
    return this.found.spec.name;
  }

  get row(): number {
    return this.rowNumber;
  }

  /** Moves to row `i` of the table; false when the row is entirely blank (skipped silently). */
  at(i: number): boolean {
    const cells = this.found.raw.rows[i];
    this.cells = cells;
    this.rowNumber = this.found.raw.firstRow + i;
    this.ok = true;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v !== null && !(typeof v === "string" && v.trim() === "")) return true;
    }
    return false;
  }

  cell(name: string): CellValue {
    const i = this.index[name];
    return i === undefined || i < 0 ? null : (this.cells[i] ?? null);
  }

  /** Where column `name` of this row is: its header as written and the cell's address (none when the column is absent). */
  locate(name: string): CellLocation {
    return locateCell(this.found, name, this.rowNumber);
  }

  fail(name: string, key: DataMessageKey, params: MessageParams = {}, value?: CellValue): void {
    this.ok = false;
    this.problems.push(this.problem(name, key, params, value));
  }

  /** The problem `key` on column `name` of this row, not recorded (a remark, say). */
  problem(name: string, key: DataMessageKey, params: MessageParams = {}, value?: CellValue): DataProblem {
    const shown = showCell(value === undefined ? this.cell(name) : value);
    const at = this.locate(name);
    return {
      table: this.table,
      ...at,
      value: shown,
      message: bilingual(key, { column: at.column, value: shown, ...params }),
    };
  }

  /** Column `name`'s cell through `parse`: a cell error, or a blank in a required column, is recorded. */
  private parsed<T>(name: string, parse: (cell: CellValue) => T | undefined | CellError): T | undefined {
    const v = parse(this.cell(name));
    if (isCellError(v)) {
      this.fail(name, v.error);
      return undefined;
    }
    if (v === undefined && this.specs[name].required)
      this.fail(name, this.specs[name].kind === "key" ? "dataBlankKey" : "dataBlankRequired");
    return v;
  }

  text(name: string): string | undefined {
    const s = this.parsed(name, parseText);
    if (s !== undefined && s.length > MAX_TEXT_LENGTH)
      return this.failed(name, "dataTextTooLong", { length: s.length, max: MAX_TEXT_LENGTH });
    return s;
  }

  number(name: string): number | undefined {
    const spec = this.specs[name];
    const n = this.parsed(name, parseNumber);
    if (n === undefined) return undefined;
    if (spec.kind === "fraction" && (n < 0 || n > 1)) return this.failed(name, "dataNotAFraction");
    if (spec.bound === "nonNegative" && n < 0) return this.failed(name, "dataNegative");
    if (spec.bound === "positive" && n <= 0) return this.failed(name, "dataNotPositive");
    if (spec.max !== undefined && Math.abs(n) > spec.max)
      return this.failed(name, "dataTooLarge", {
        max: `${spec.bound === undefined || spec.bound === "any" ? "±" : ""}${spec.max.toLocaleString("en-US")}`,
      });
    return n;
  }

  day(name: string): Day | undefined {
    return this.parsed(name, parseDay);
  }

  mode(name: string): ShipModeName | undefined {
    return this.parsed(name, parseMode);
  }

  abcClass(name: string): AbcClass | undefined {
    return this.parsed(name, parseClass);
  }

  flag(name: string): boolean | undefined {
    return this.parsed(name, parseFlag);
  }

  country(name: string): string | undefined {
    return this.parsed(name, parseCountry);
  }

  scalar(name: string): string | number | undefined {
    const v = this.cell(name);
    return typeof v === "number" ? v : parseText(v);
  }

  private failed(name: string, key: DataMessageKey, params: MessageParams = {}): undefined {
    this.fail(name, key, params);
    return undefined;
  }
}

/** Remembers the first row of each key to report duplicates. */
class KeySet {
  private readonly first = new Map<string, number>();
  constructor(private readonly keyColumns: string) {}

  /** True when `key` is new; else records a duplicate problem on `column`. */
  add(reader: RowReader, column: string, key: string, shown: string): boolean {
    const prior = this.first.get(key);
    if (prior === undefined) {
      this.first.set(key, reader.row);
      return true;
    }
    reader.fail(column, "dataDuplicateKey", { key: shown, firstRow: prior, keyColumns: this.keyColumns });
    return false;
  }

  has(key: string): boolean {
    return this.first.has(key);
  }
}

/** Stream ids not in Streams get a remark each up to this many; the rest share one. */
const MAX_UNLISTED_REMARKS = 20;

const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;

function eachRow(
  found: FoundTable | undefined,
  problems: DataProblem[],
  visit: (r: RowReader) => void,
): void {
  if (!found) return;
  const reader = new RowReader(found, problems);
  const n = found.raw.rows.length;
  for (let i = 0; i < n; i++) if (reader.at(i)) visit(reader);
}

const listSkus = (skus: ReadonlySet<string>): string => {
  const all = [...skus];
  return all.length <= 5 ? all.join(", ") : `${all.slice(0, 5).join(", ")}, … (+${all.length - 5})`;
};

/**
 * Reads the workbook's tables into a `PlanInput`, checking every cell against
 * the contract: types, blanks, bounds, duplicate keys and references between
 * tables. Negative stock is kept (backorders). One pass per table, set lookups
 * for references: linear in the number of rows.
 * With `skipInvalid`, rows with problems (and rows that refer to them) are left
 * out and still listed as problems.
 *
 * @example readPlanInput(tables).problems // [] for a clean workbook
 */
export function readPlanInput(raws: readonly RawTable[], options: ReadOptions = {}): ReadResult {
  const { tables, problems: tableProblems } = findTables(raws);
  const problems: DataProblem[] = [...tableProblems];
  const broken = new Set<TableName>(tableProblems.map((p) => p.table));
  const usable = (name: TableName): FoundTable | undefined =>
    broken.has(name) ? undefined : tables.get(name);
  let dropped = 0;

  const skus: Sku[] = [];
  const skuKeys = new KeySet("sku");
  eachRow(usable("SKUs"), problems, (r) => {
    const sku = r.text("sku");
    const unitCost = r.number("unit_cost");
    const price = r.number("price");
    const moq = r.number("moq");
    const casePack = r.number("case_pack");
    const weightKg = r.number("weight_kg");
    const productionDays = r.number("production_days");
    const classOverride = r.abcClass("class");
    if (sku !== undefined && !skuKeys.add(r, "sku", sku, sku)) return;
    if (!r.ok || sku === undefined || unitCost === undefined) return;
    skus.push({
      sku,
      unitCost: money(unitCost),
      name: r.text("name"),
      price: price === undefined ? undefined : money(price),
      supplier: r.text("supplier"),
      moq: moq === undefined ? undefined : units(moq),
      casePack: casePack === undefined ? undefined : units(casePack),
      weightKg,
      productionDays: productionDays === undefined ? undefined : days(productionDays),
      classOverride,
    });
  });
  const skuSet = new Set(skus.map((s) => s.sku));

  const warehouses: Warehouse[] = [];
  const whKeys = new KeySet("warehouse");
  const whAt = new Map<string, CellLocation>();
  eachRow(usable("Warehouses"), problems, (r) => {
    const warehouse = r.text("warehouse");
    const country = r.country("country");
    if (warehouse !== undefined && !whKeys.add(r, "warehouse", warehouse, warehouse)) return;
    if (!r.ok || warehouse === undefined || country === undefined) return;
    whAt.set(warehouse, r.locate("warehouse"));
    warehouses.push({ warehouse, country, region: r.text("region") });
  });
  const whSet = new Set(warehouses.map((w) => w.warehouse));

  const knownSku = (r: RowReader, sku: string | undefined): void => {
    if (sku !== undefined && !skuSet.has(sku))
      r.fail("sku", skuKeys.has(sku) ? "dataRowDropped" : "dataUnknownSku");
  };
  const knownWarehouse = (r: RowReader, column: string, wh: string | undefined): void => {
    if (wh !== undefined && !whSet.has(wh))
      r.fail(column, whKeys.has(wh) ? "dataRowDropped" : "dataUnknownWarehouse");
  };
  /** The row's `sku` and `warehouse`, each checked against the SKUs and Warehouses read. */
  const knownPair = (r: RowReader): { sku?: string; warehouse?: string } => {
    const sku = r.text("sku");
    const warehouse = r.text("warehouse");
    knownSku(r, sku);
    knownWarehouse(r, "warehouse", warehouse);
    return { sku, warehouse };
  };

  const lanes: Lane[] = [];
  const laneKeys = new KeySet("from + to + mode");
  const reached = new Set<string>();
  eachRow(usable("Lanes"), problems, (r) => {
    const to = r.text("to");
    const mode = r.mode("mode");
    const leadDays = r.number("lead_days");
    const from = r.text("from");
    const leadSd = r.number("lead_sd_days");
    const costPerKg = r.number("cost_per_kg");
    const costPerUnit = r.number("cost_per_unit");
    const minUnits = r.number("min_units");
    const minKg = r.number("min_kg");
    const fixedCost = r.number("fixed_cost");
    knownWarehouse(r, "to", to);
    if (mode === "TRANSFER" && from !== undefined && !whSet.has(from))
      r.fail("from", "dataTransferFromUnknown");
    if (to !== undefined && mode !== undefined) {
      const key = `${from ?? ""}\u0000${to}\u0000${mode}`;
      if (!laneKeys.add(r, "mode", key, `${from ?? "—"} → ${to} ${mode}`)) return;
    }
    if (!r.ok || to === undefined || mode === undefined || leadDays === undefined) return;
    if (mode !== "TRANSFER") reached.add(to);
    lanes.push({
      from,
      to,
      mode,
      leadDays: days(leadDays),
      leadSdDays: leadSd === undefined ? undefined : days(leadSd),
      costPerKg: costPerKg === undefined ? undefined : money(costPerKg),
      costPerUnit: costPerUnit === undefined ? undefined : money(costPerUnit),
      ...(minUnits ? { minUnits: units(minUnits) } : {}),
      ...(minKg ? { minKg } : {}),
      ...(fixedCost ? { fixedCost: money(fixedCost) } : {}),
    });
  });

  const skusAt = new Map<string, Set<string>>();
  const seenAt = (wh: string, sku: string): void => {
    let set = skusAt.get(wh);
    if (!set) skusAt.set(wh, (set = new Set()));
    set.add(sku);
  };

  const stock: StockRow[] = [];
  const stockKeys = new KeySet("sku + warehouse");
  eachRow(usable("Stock"), problems, (r) => {
    const { sku, warehouse } = knownPair(r);
    const onHand = r.number("on_hand");
    const reserved = r.number("reserved");
    if (
      sku !== undefined &&
      warehouse !== undefined &&
      !stockKeys.add(r, "sku", pairKey(sku, warehouse), `${sku} @ ${warehouse}`)
    )
      return;
    if (!r.ok || sku === undefined || warehouse === undefined || onHand === undefined) return;
    seenAt(warehouse, sku);
    stock.push({
      sku,
      warehouse,
      onHand: units(onHand),
      reserved: reserved === undefined ? undefined : units(reserved),
    });
  });

  const inTransit: InTransitRow[] = [];
  eachRow(usable("InTransit"), problems, (r) => {
    const { sku, warehouse } = knownPair(r);
    const qty = r.number("qty");
    const eta = r.day("eta");
    const mode = r.mode("mode");
    if (!r.ok || sku === undefined || warehouse === undefined || qty === undefined || eta === undefined)
      return;
    seenAt(warehouse, sku);
    inTransit.push({ sku, warehouse, qty: units(qty), eta, mode });
  });

  const orders: OrderRow[] = [];
  eachRow(usable("Orders"), problems, (r) => {
    const { sku, warehouse } = knownPair(r);
    const qty = r.number("qty");
    const orderDate = r.day("order_date");
    const mode = r.mode("mode");
    const expectedShip = r.day("expected_ship");
    if (mode === "TRANSFER") r.fail("mode", "dataOrderTransfer");
    if (orderDate !== undefined && expectedShip !== undefined && expectedShip < orderDate)
      r.fail("expected_ship", "dataShipBeforeOrder", { orderDate: dayToIso(orderDate) });
    if (!r.ok || sku === undefined || warehouse === undefined || qty === undefined || orderDate === undefined)
      return;
    seenAt(warehouse, sku);
    orders.push({
      sku,
      warehouse,
      qty: units(qty),
      orderDate,
      ...(mode ? { mode } : {}),
      ...(expectedShip !== undefined ? { expectedShip } : {}),
    });
  });

  const streams: Stream[] = [];
  const streamKeys = new KeySet("stream_id");
  const streamAt = new Map<string, CellLocation>();
  eachRow(usable("Streams"), problems, (r) => {
    const streamId = r.text("stream_id");
    const date = r.day("date");
    const warehouse = r.text("warehouse");
    const peakViewers = r.number("peak_viewers");
    const avgDwellMin = r.number("avg_dwell_min");
    const expectedViewers = r.number("expected_viewers");
    const hours = r.number("hours");
    const ctr = r.number("ctr");
    const conversion = r.number("conversion");
    const aov = r.number("aov");
    const attachRate = r.number("attach_rate");
    knownWarehouse(r, "warehouse", warehouse);
    if (streamId !== undefined && !streamKeys.add(r, "stream_id", streamId, streamId)) return;
    if (
      !r.ok ||
      streamId === undefined ||
      date === undefined ||
      warehouse === undefined ||
      peakViewers === undefined ||
      avgDwellMin === undefined
    )
      return;
    streamAt.set(streamId, r.locate("stream_id"));
    streams.push({
      streamId,
      date,
      warehouse,
      peakViewers,
      avgDwellMin,
      expectedViewers,
      hours,
      ctr: ctr === undefined ? undefined : fraction(ctr),
      conversion: conversion === undefined ? undefined : fraction(conversion),
      aov: aov === undefined ? undefined : money(aov),
      attachRate,
    });
  });
  const streamSet = new Set(streams.map((s) => s.streamId));

  const sales: SalesRow[] = [];
  const saleRows: number[] = [];
  const placeholders = { rows: 0, values: new Set<string>(), first: undefined as CellLocation | undefined };
  const unlisted = new Map<string, { rows: number; first: CellLocation }>();
  const salesTable = usable("Sales");
  eachRow(salesTable, problems, (r) => {
    const date = r.day("date");
    const { sku, warehouse } = knownPair(r);
    const n = r.number("units");
    const revenue = r.number("revenue");
    let streamId = r.text("stream_id");
    if (!r.ok || date === undefined || sku === undefined || warehouse === undefined || n === undefined)
      return;
    if (streamId !== undefined && !streamKeys.has(streamId)) {
      if (isStreamPlaceholder(streamId)) {
        placeholders.rows++;
        if (placeholders.values.size < 5) placeholders.values.add(streamId);
        placeholders.first ??= r.locate("stream_id");
        streamId = undefined;
      } else {
        const seen = unlisted.get(streamId);
        if (seen) seen.rows++;
        else unlisted.set(streamId, { rows: 1, first: r.locate("stream_id") });
      }
    }
    saleRows.push(r.row);
    sales.push({
      date,
      sku,
      warehouse,
      units: units(n),
      revenue: revenue === undefined ? undefined : money(revenue),
      streamId,
    });
  });
  const remarks: DataProblem[] = [];
  if (placeholders.first)
    remarks.push({
      table: "Sales",
      ...placeholders.first,
      value: [...placeholders.values].join(", "),
      message: bilingual("dataStreamPlaceholder", {
        column: placeholders.first.column,
        count: placeholders.rows,
        values: [...placeholders.values].map((v) => `“${v}”`).join(", "),
      }),
    });
  const unlistedIds = [...unlisted];
  for (const [streamId, { rows, first }] of unlistedIds.slice(0, MAX_UNLISTED_REMARKS))
    remarks.push({
      table: "Sales",
      ...first,
      value: showCell(streamId),
      message: bilingual("dataStreamNotListed", { value: showCell(streamId), count: rows }),
    });
  if (unlistedIds.length > MAX_UNLISTED_REMARKS) {
    const rest = unlistedIds.slice(MAX_UNLISTED_REMARKS);
    remarks.push({
      table: "Sales",
      ...rest[0][1].first,
      value: showCell(rest[0][0]),
      message: bilingual("dataStreamsNotListed", {
        count: rest.length,
        rows: rest.reduce((n, [, id]) => n + id.rows, 0),
      }),
    });
  }
  if (salesTable) {
    const dates = new Int32Array(sales.length);
    for (let i = 0; i < sales.length; i++) dates[i] = sales[i].date;
    const limit = salesDateLimit(dates, options.planDate);
    if (sales.some((sale) => sale.date > limit.lastDay)) {
      const kept: SalesRow[] = [];
      sales.forEach((sale, i) => {
        if (sale.date <= limit.lastDay) {
          kept.push(sale);
          return;
        }
        const at = locateCell(salesTable, "date", saleRows[i]);
        const value = dayToIso(sale.date);
        problems.push({
          table: "Sales",
          ...at,
          value,
          message: bilingual(sale.date > LAST_SALES_DAY ? "dataSaleAfter2100" : limit.message, {
            column: at.column,
            value,
            planDate: dayToIso(limit.lastDay),
            p99: limit.p99 === undefined ? "" : dayToIso(limit.p99),
            days: SALES_DATE_MARGIN_DAYS,
          }),
        });
      });
      sales.length = 0;
      for (const sale of kept) sales.push(sale);
    }
  }
  for (const s of sales) seenAt(s.warehouse, s.sku);

  const noLane = new Set<string>();
  for (const w of warehouses) {
    if (reached.has(w.warehouse) || !usable("Lanes")) continue;
    noLane.add(w.warehouse);
    const skusThere = skusAt.get(w.warehouse) ?? new Set<string>();
    problems.push({
      table: "Warehouses",
      ...whAt.get(w.warehouse),
      value: w.warehouse,
      message: bilingual("dataNoLane", {
        value: w.warehouse,
        count: skusThere.size,
        skus: listSkus(skusThere) || "—",
      }),
    });
  }

  const streamItems: StreamItem[] = [];
  const itemKeys = new KeySet("stream_id + sku");
  eachRow(usable("StreamItems"), problems, (r) => {
    const streamId = r.text("stream_id");
    const sku = r.text("sku");
    const n = r.number("units");
    const soldOut = r.flag("sold_out");
    if (streamId !== undefined && !streamSet.has(streamId))
      r.fail("stream_id", streamKeys.has(streamId) ? "dataRowDropped" : "dataUnknownStream");
    knownSku(r, sku);
    if (
      streamId !== undefined &&
      sku !== undefined &&
      !itemKeys.add(r, "sku", pairKey(streamId, sku), `${streamId} / ${sku}`)
    )
      return;
    if (!r.ok || streamId === undefined || sku === undefined) return;
    streamItems.push({
      streamId,
      sku,
      units: n === undefined ? undefined : units(n),
      ...(soldOut ? { soldOut } : {}),
    });
  });

  const featured = new Set(streamItems.map((i) => i.streamId));
  const withoutItems = new Set<string>();
  if (tables.has("Streams") && !broken.has("StreamItems")) {
    for (const s of streams) {
      if (featured.has(s.streamId)) continue;
      withoutItems.add(s.streamId);
      problems.push({
        table: "Streams",
        ...streamAt.get(s.streamId),
        value: s.streamId,
        message: bilingual("dataStreamWithoutItems", { value: s.streamId }),
      });
    }
  }

  const settings = new Map<string, string | number>();
  const settingKeys = new KeySet("key");
  const settingRows = new Map<string, SettingLocation>();
  eachRow(usable("Settings"), problems, (r) => {
    const key = r.text("key");
    if (key !== undefined && !settingKeys.add(r, "key", key.toLowerCase(), key)) return;
    const value = r.scalar("value");
    if (!r.ok || key === undefined || value === undefined) return;
    settings.set(key, value);
    settingRows.set(key.toLowerCase(), { key: r.locate("key"), value: r.locate("value") });
  });

  const atUsableWarehouse = <T extends { readonly warehouse: string }>(rows: T[]): T[] => {
    if (noLane.size === 0) return rows;
    const kept = rows.filter((row) => !noLane.has(row.warehouse));
    dropped += rows.length - kept.length;
    return kept;
  };
  const keptStreams = atUsableWarehouse(streams).filter((s) => !withoutItems.has(s.streamId));
  const keptStreamIds = new Set(keptStreams.map((s) => s.streamId));
  const keptItems = streamItems.filter((i) => keptStreamIds.has(i.streamId));
  dropped += streamItems.length - keptItems.length;

  const order = new Map(CONTRACT.map((spec, i) => [spec.name, i]));
  const columnOf = (p: DataProblem): string => (p.cell ?? "").replace(/\d+$/, "").padStart(3, " ");
  problems.sort(
    (a, b) =>
      (order.get(a.table) ?? 0) - (order.get(b.table) ?? 0) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      compareText(columnOf(a), columnOf(b)),
  );
  const rowProblems = problems.filter((p) => !isTableProblem(p));
  const input: PlanInput = {
    skus,
    warehouses: warehouses.filter((w) => !noLane.has(w.warehouse)),
    stock: atUsableWarehouse(stock),
    inTransit: atUsableWarehouse(inTransit),
    orders: atUsableWarehouse(orders),
    sales: atUsableWarehouse(sales),
    streams: keptStreams,
    streamItems: keptItems,
    lanes: lanes.filter((l) => !noLane.has(l.to)),
    settings,
  };
  const badRows = new Set(rowProblems.map((p) => `${p.table}\u0000${p.row}`)).size;
  return {
    input,
    problems,
    remarks,
    plannable:
      problems.length === 0 || (options.skipInvalid === true && problems.every((p) => !isTableProblem(p))),
    skippedRows: badRows + dropped,
    settingRows,
  };
}
