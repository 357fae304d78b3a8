import type { ShipModeName } from "../data/model";
import type { Tier } from "../plan";
import { minimumUnits } from "../plan/lanes";
import type { Day } from "../time/day";
import type { SimPair } from "./realisation";
import type { World, WorldLane, WorldSku } from "./world";

/** A shipment under way as the seller sees it: the ETA is the stated one (production + lane + receiving). */
export interface TransitView {
  readonly pair: number;
  readonly qty: number;
  readonly eta: Day;
  readonly mode: ShipModeName;
  /** A purchase order still in production (its stated ship day after today): what the Orders table holds. */
  readonly order?: { readonly orderDate: Day; readonly expectedShip: Day };
}

/** A stream the seller knows of: a past one with its results, or an announced one with its expectations. */
export interface KnownStream {
  readonly id: string;
  readonly date: Day;
  readonly warehouse: string;
  readonly expectedViewers: number;
  readonly dwellMinutes: number;
  readonly hours: number;
  readonly featured: readonly string[];
  /** For past streams only: the real audience and the units sold per featured SKU (capped by stock). */
  readonly result?: {
    readonly viewers: number;
    readonly dwellMinutes: number;
    readonly sold: ReadonlyMap<string, number>;
    /** Featured SKUs that sold out in the stream: their units are what stock allowed, not demand. */
    readonly soldOut?: ReadonlySet<string>;
  };
}

/**
 * What a seller knows on a day it plans (every Monday, and the days it re-plans), the only thing
 * a policy (but the oracle) may read: stock, shipments under way, sales to yesterday, past
 * streams with results, announced streams. Arrays are indexed by pair and by day from
 * `historyStart`; entries from `today` on are not yet known.
 */
export interface SellerView {
  readonly world: World;
  readonly pairs: readonly SimPair[];
  readonly historyStart: Day;
  readonly today: Day;
  /**
   * The day the seller plans next: what is decided today ships if its day is before it; what is
   * due from then on waits for that plan, which may say it again. Next Monday unless it re-plans.
   */
  readonly until: Day;
  /** Index of `today` in the day arrays. */
  readonly t: number;
  readonly onHand: Float64Array;
  readonly inTransit: readonly TransitView[];
  /** Units sold per pair and day (everyday and stream sales). */
  readonly sold: readonly Float64Array[];
  /** The stream part of `sold`. */
  readonly soldInStreams: readonly Float64Array[];
  readonly streams: readonly KnownStream[];
}

/** A shipment a policy decides: its lane, quantity and the day it is ordered (or, for finished goods, shipped). */
export interface Shipment {
  readonly pair: number;
  readonly qty: number;
  readonly lane: WorldLane;
  /** The day the order is placed (production starts) or, for finished goods or a transfer, the goods leave. */
  readonly shipDay: Day;
  /** Finished goods (air top-ups, the oracle's flights): no production time. */
  readonly finishedGoods: boolean;
  /** Counts as emergency spend (tier 3, air top-ups, the oracle's flights of finished goods). */
  readonly emergency: boolean;
  /** For the LiveStock policy: the plan's tier that asked for the shipment. */
  readonly tier?: Tier;
}

/**
 * Stated lead time of a shipment, days: (production days unless finished goods or a transfer) +
 * lane lead days + receiving days — what the planner is told, not what happens.
 *
 * @example statedLeadDays(world, seaLane, sku with 12 production days, false) // 12 + 33 + 2
 */
export function statedLeadDays(world: World, lane: WorldLane, sku: WorldSku, finishedGoods: boolean): number {
  const production = finishedGoods || lane.mode === "TRANSFER" ? 0 : sku.productionDays;
  return production + lane.leadDays + world.receivingDays;
}

/**
 * Freight of one unit on a lane: cost per unit, else cost per kg × weight.
 *
 * @example unitFreightOf({ costPerKg: 2, … }, { weightKg: 0.5, … }) // 1
 */
export function unitFreightOf(lane: WorldLane, sku: WorldSku): number {
  return lane.costPerUnit ?? (lane.costPerKg ?? 0) * sku.weightKg;
}

/**
 * What the carrier charges for one shipment of `qty` units: the fixed cost + the unit freight
 * × max(qty, the lane's `minimumUnits`) — a shipment below the minimum pays for it.
 *
 * @example shipmentFreightOf({ costPerUnit: 2, minUnits: 100, fixedCost: 30, … }, sku, 40) // 230
 */
export function shipmentFreightOf(lane: WorldLane, sku: WorldSku, qty: number): number {
  return (lane.fixedCost ?? 0) + Math.max(qty, minimumUnits(lane, sku.weightKg)) * unitFreightOf(lane, sku);
}

/**
 * The supplier lanes into a warehouse by mode, the cheapest for the SKU first.
 *
 * @example supplierLanes(world, "US-West", sku, "SEA")[0].leadDays // 33
 */
export function supplierLanes(
  world: World,
  warehouse: string,
  sku: WorldSku,
  mode?: ShipModeName,
): WorldLane[] {
  return world.lanes
    .filter((l) => l.to === warehouse && l.mode !== "TRANSFER" && (mode === undefined || l.mode === mode))
    .sort((a, b) => unitFreightOf(a, sku) - unitFreightOf(b, sku));
}

/**
 * The bulk lane of a warehouse: the cheapest SEA lane, else the cheapest supplier lane.
 *
 * @example bulkLane(world, "DE", sku)?.mode // "SEA"
 */
export function bulkLane(world: World, warehouse: string, sku: WorldSku): WorldLane | undefined {
  return supplierLanes(world, warehouse, sku, "SEA")[0] ?? supplierLanes(world, warehouse, sku)[0];
}

/**
 * The air lane of a warehouse (the cheapest AIR lane), else its fastest non-SEA supplier lane.
 *
 * @example airLane(world, "DE", sku)?.mode // "AIR"
 */
export function airLane(world: World, warehouse: string, sku: WorldSku): WorldLane | undefined {
  return (
    supplierLanes(world, warehouse, sku, "AIR")[0] ??
    supplierLanes(world, warehouse, sku)
      .filter((l) => l.mode !== "SEA")
      .sort((a, b) => a.leadDays - b.leadDays || unitFreightOf(a, sku) - unitFreightOf(b, sku))[0]
  );
}

/**
 * Mean weekly sales over the last `weeks` weeks before day index `t` (fewer at the start), units a week.
 *
 * @example recentWeeklySales(10 units every day, 100, 8) // 70
 */
export function recentWeeklySales(sold: Float64Array, t: number, weeks: number): number {
  let sum = 0;
  const from = Math.max(0, t - 7 * weeks);
  for (let i = from; i < t; i++) sum += sold[i];
  return t > from ? (sum * 7) / (t - from) : 0;
}
