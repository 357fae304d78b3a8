import type { Day } from "../time/day";
import type { Days, Fraction, Money, Units } from "../units";

/**
 * The typed, validated inputs of a plan: the workbook contract of DESIGN.md
 * after reading and checking. Every layer that builds a plan (CLI, task pane,
 * tests) hands the planner a `PlanInput`; nothing downstream re-checks it.
 * Keys (SKU codes, warehouse codes, stream ids) are always text.
 */

export type AbcClass = "A" | "B" | "C";
export type ShipModeName = "SEA" | "AIR" | "EXPRESS" | "TRANSFER";

/** SKUs 商品 */
export interface Sku {
  readonly sku: string;
  readonly unitCost: Money;
  readonly name?: string;
  readonly price?: Money;
  readonly supplier?: string;
  readonly moq?: Units;
  readonly casePack?: Units;
  readonly weightKg?: number;
  /** Supplier production days before the goods can ship (column `production_days` 生产天数); blank = Settings `production_days`. */
  readonly productionDays?: Days;
  /** The `class` column: overrides the computed ABC class. */
  readonly classOverride?: AbcClass;
}

/** Warehouses 仓库 */
export interface Warehouse {
  readonly warehouse: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  readonly region?: string;
}

/** Stock 库存 */
export interface StockRow {
  readonly sku: string;
  readonly warehouse: string;
  /** May be negative: backorders. */
  readonly onHand: Units;
  readonly reserved?: Units;
}

/** InTransit 在途 */
export interface InTransitRow {
  readonly sku: string;
  readonly warehouse: string;
  readonly qty: Units;
  readonly eta: Day;
  readonly mode?: ShipModeName;
}

/** Sales 销售 (one row per day × SKU × warehouse, or per stream order line). */
export interface SalesRow {
  readonly date: Day;
  readonly sku: string;
  readonly warehouse: string;
  readonly units: Units;
  readonly revenue?: Money;
  /** Set when the sale came from a live stream. */
  readonly streamId?: string;
}

/** Streams 直播. A stream dated on or after the plan date is planned; its viewers and dwell are expectations. */
export interface Stream {
  readonly streamId: string;
  readonly date: Day;
  readonly warehouse: string;
  readonly peakViewers: number;
  readonly avgDwellMin: number;
  /**
   * Column `expected_viewers` 预计在线: the peak viewers a past stream was planned with, so the
   * planner learns how far real audiences land from plan. Not read for a planned stream, whose
   * `peakViewers` is the expectation.
   */
  readonly expectedViewers?: number;
  readonly hours?: number;
  readonly ctr?: Fraction;
  readonly conversion?: Fraction;
  readonly aov?: Money;
  readonly attachRate?: number;
}

/** StreamItems 直播商品. `units` is blank for planned streams. */
export interface StreamItem {
  readonly streamId: string;
  readonly sku: string;
  readonly units?: Units;
  /** Column `sold_out` 售罄: the item sold out during the stream, so `units` is what stock allowed, not demand. */
  readonly soldOut?: boolean;
}

/** Orders 采购单: a purchase order placed with the supplier, not yet shipped. */
export interface OrderRow {
  readonly sku: string;
  readonly warehouse: string;
  readonly qty: Units;
  readonly orderDate: Day;
  /** The lane it will ship on; blank = the warehouse's cheapest lane from the supplier. */
  readonly mode?: ShipModeName;
  /** When the supplier expects to ship it; blank = order date + production days. */
  readonly expectedShip?: Day;
}

/** Lanes 物流 */
export interface Lane {
  /** Origin: a warehouse code for TRANSFER, else a place name such as "CN"; blank = the supplier. */
  readonly from?: string;
  readonly to: string;
  readonly mode: ShipModeName;
  readonly leadDays: Days;
  readonly leadSdDays?: Days;
  readonly costPerKg?: Money;
  readonly costPerUnit?: Money;
  /** Smallest shipment the lane takes, in units (`min_units` 起运量) and in kg (`min_kg`). */
  readonly minUnits?: Units;
  readonly minKg?: number;
  /** Money per shipment on top of the per-unit and per-kg freight (`fixed_cost` 单票费用). */
  readonly fixedCost?: Money;
}

/** Settings 设置: raw key → value; the planner's settings module interprets them. */
export type SettingsRows = ReadonlyMap<string, string | number>;

export interface PlanInput {
  readonly skus: readonly Sku[];
  readonly warehouses: readonly Warehouse[];
  readonly stock: readonly StockRow[];
  readonly inTransit: readonly InTransitRow[];
  readonly sales: readonly SalesRow[];
  readonly streams: readonly Stream[];
  readonly streamItems: readonly StreamItem[];
  /** Open purchase orders; absent = none. */
  readonly orders?: readonly OrderRow[];
  readonly lanes: readonly Lane[];
  readonly settings: SettingsRows;
}
