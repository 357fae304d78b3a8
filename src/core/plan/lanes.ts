import type { Lane, PlanInput, ShipModeName, Sku } from "../data/model";
import { inverseStandardNormal, roundUpToMultiple, type ModeOption } from "../inventory";
import type { PlanSettings } from "./settings";

/** A lane into a warehouse, with its origin resolved. */
export interface LaneOption {
  readonly lane: Lane;
  /** The lane's origin: a warehouse code for a transfer, else its `from` or "" (the supplier). */
  readonly from: string;
  readonly to: string;
  readonly mode: ShipModeName;
  /** True when the origin is a warehouse: the goods come from its stock, not from a supplier. */
  readonly transfer: boolean;
}

/** The lanes of each warehouse: regular (supplier SEA/AIR), emergency (AIR, EXPRESS, same-country transfer). */
export interface WarehouseLanes {
  readonly regular: readonly LaneOption[];
  readonly emergency: readonly LaneOption[];
}

const MODE_RANK: Record<ShipModeName, number> = { SEA: 0, AIR: 1, TRANSFER: 2, EXPRESS: 3 };

/**
 * The lanes into each warehouse. Regular shipments (tiers 1 and 2) use the
 * supplier lanes by SEA or AIR — or, where a warehouse has neither, its other
 * supplier lanes (EXPRESS direct mail). Emergencies (tier 3) use the supplier
 * lanes other than SEA and transfers from a warehouse in the same country.
 *
 * @example lanesByWarehouse(input).get("US-West")?.regular.map((o) => o.mode) // ["SEA", "AIR"]
 */
export function lanesByWarehouse(input: PlanInput): Map<string, WarehouseLanes> {
  const country = new Map(input.warehouses.map((w) => [w.warehouse, w.country]));
  const out = new Map<string, WarehouseLanes>();
  for (const w of input.warehouses) {
    const into = input.lanes
      .filter((l) => l.to === w.warehouse)
      .map((l): LaneOption => {
        const from = l.from ?? "";
        return { lane: l, from, to: l.to, mode: l.mode, transfer: country.has(from) };
      });
    const supplier = into.filter((o) => !o.transfer && o.mode !== "TRANSFER");
    const seaAir = supplier.filter((o) => o.mode === "SEA" || o.mode === "AIR");
    const regular = seaAir.length > 0 ? seaAir : supplier;
    const emergency = into.filter((o) =>
      o.transfer
        ? o.from !== w.warehouse && country.get(o.from) === w.country
        : o.mode !== "SEA" && o.mode !== "TRANSFER",
    );
    out.set(w.warehouse, { regular, emergency });
  }
  return out;
}

/**
 * Supplier production days of a SKU: its own, else the Settings default.
 *
 * @example productionDaysOf({ sku: "S1", unitCost: 5, productionDays: 10 }, DEFAULT_SETTINGS) // 10
 */
export const productionDaysOf = (sku: Sku, settings: PlanSettings): number =>
  sku.productionDays ?? settings.productionDays;

/**
 * Lead time by leg, days from ship-by to sellable:
 *   supplier lanes: production days + transit (lead_days) + receiving days;
 *   transfers: transit + receiving.
 *
 * @example laneLeadDays(seaLane, sku with 10 production days, { receivingDays: 2 }) // 10 + 30 + 2
 */
export function laneLeadDays(o: LaneOption, sku: Sku, settings: PlanSettings): number {
  return (o.transfer ? 0 : productionDaysOf(sku, settings)) + o.lane.leadDays + settings.receivingDays;
}

/**
 * Lead-time spread of a lane, days: a supplier lane's `lead_sd_days` and the production's
 * `production_sd_days` (independent, so √(transit² + production²)); a transfer's own.
 *
 * @example laneSpreadDays(airLane with lead_sd_days 1, { productionSdDays: 2 }) // √5 ≈ 2.24
 */
export function laneSpreadDays(o: LaneOption, settings: Pick<PlanSettings, "productionSdDays">): number {
  const transit = o.lane.leadSdDays ?? 0;
  const production = o.transfer ? 0 : settings.productionSdDays;
  return production > 0 ? Math.sqrt(transit * transit + production * production) : transit;
}

/**
 * Days a stream's shipment (tiers 2 and 3) is sent ahead for lead-time spread:
 * ⌈z · `laneSpreadDays`⌉, z for the pair's service level (`pairServiceLevel`, the one its
 * safety stock is held at); 0 when the lane gives no spread. (Tier 1 holds the spread
 * as safety stock instead; a stream's level, due on one day, cannot: a shipment landing
 * a day late misses the stream.)
 *
 * @example laneMarginDays(seaLane with lead_sd_days 5, 0.98, DEFAULT_SETTINGS) // ⌈2.054 × 5⌉ = 11
 */
export function laneMarginDays(
  o: LaneOption,
  service: number,
  settings: Pick<PlanSettings, "productionSdDays">,
): number {
  const sd = laneSpreadDays(o, settings);
  if (!(sd > 0)) return 0;
  return Math.ceil(inverseStandardNormal(service) * sd - 1e-9);
}

/**
 * Freight per unit: `cost_per_unit`, else `cost_per_kg` × the SKU's weight;
 * null when neither is known.
 *
 * @example unitFreight({ costPerKg: 4 }, { weightKg: 0.5 }) // 2
 */
export function unitFreight(lane: Lane, sku: Sku): number | null {
  if (lane.costPerUnit !== undefined) return lane.costPerUnit;
  if (lane.costPerKg !== undefined && sku.weightKg !== undefined) return lane.costPerKg * sku.weightKg;
  return null;
}

/**
 * Freight of one shipment of `qty` units: unit freight × qty + the lane's fixed
 * cost per shipment (`fixed_cost`, 0 when blank); 0 for no units; null when the
 * unit freight is unknown.
 *
 * @example shipmentCost({ costPerUnit: 2, fixedCost: 150 }, sku, 100) // 350
 */
export function shipmentCost(lane: Lane, sku: Sku, qty: number): number | null {
  const unit = unitFreight(lane, sku);
  if (unit === null) return null;
  return qty > 0 ? unit * qty + (lane.fixedCost ?? 0) : 0;
}

/**
 * The fewest units a lane takes in one shipment: the larger of `min_units` and
 * ⌈`min_kg` ÷ the item's weight⌉ (the kg minimum needs a weight); 0 when the
 * lane states no minimum. The simulated carrier charges it as the plan reads it.
 *
 * @example minimumUnits({ minKg: 20 }, 0.07) // 286
 */
export function minimumUnits(
  lane: { readonly minUnits?: number; readonly minKg?: number },
  weightKg: number | undefined,
): number {
  const byKg = lane.minKg && weightKg ? Math.ceil(lane.minKg / weightKg - 1e-9) : 0;
  return Math.max(lane.minUnits ?? 0, byKg);
}

/**
 * The smallest shipment a lane takes of a SKU, units: `minimumUnits` in whole
 * case packs; 0 when the lane states no minimum.
 *
 * @example laneMinimum({ minKg: 100 }, { weightKg: 0.4, casePack: 12 }) // 252 (250 → whole cases)
 */
export function laneMinimum(lane: Lane, sku: Sku): number {
  const min = minimumUnits(lane, sku.weightKg);
  if (min <= 0) return 0;
  return roundUpToMultiple(min, sku.casePack ?? 1);
}

/**
 * The cost the mode choice compares: freight per unit when every candidate's is
 * known, else the conventional order SEA < AIR < TRANSFER < EXPRESS.
 *
 * @example comparableCosts([sea at 1 a unit, air at 5 a unit], sku) // [1, 5]
 */
export function comparableCosts(options: readonly LaneOption[], sku: Sku): number[] {
  const costs = options.map((o) => unitFreight(o.lane, sku));
  if (costs.every((c) => c !== null)) return costs as number[];
  return options.map((o) => MODE_RANK[o.mode]);
}

/**
 * The cheapest of `options` by `comparableCosts` (the first on ties): a warehouse's bulk lane.
 *
 * @example cheapestLane([air at 5, sea at 1], sku).mode // "SEA"
 */
export function cheapestLane(options: readonly LaneOption[], sku: Sku): LaneOption {
  const costs = comparableCosts(options, sku);
  let best = 0;
  for (let i = 1; i < options.length; i++) if (costs[i] < costs[best]) best = i;
  return options[best];
}

/** The regular lanes of a pair as the mode choice compares them. */
export interface LaneTable {
  /** Lead days (production + transit + receiving) of each lane in `regular`. */
  readonly leads: readonly number[];
  /** Production days in each lead (0 for a transfer): what a supplier closure can stretch. */
  readonly production: readonly number[];
  /** Lead days and comparable cost; `mode` is the lane's index in `regular`. */
  readonly options: readonly ModeOption[];
  /** `laneMarginDays` of each lane at the pair's service level: how early a tier 2 level is sent for lead-time spread. */
  readonly margins: readonly number[];
}

/**
 * The lane table of a pair's regular lanes: lead and production days, and comparable cost.
 * Lead-time spread is not added to the leads: the tier 1 safety stock of the lane holds it.
 * The margins (how many days a tier 2 shipment, which holds none for it, is sent early) are
 * the pair's own, at the service level its safety stock is held at: `projectPair` adds them.
 *
 * @example laneTable({ sku, regular: [sea 28 days at 1] }, settings).options // [{ mode: "0", leadDays: 28, cost: 1 }]
 */
export function laneTable(
  p: { readonly sku: Sku; readonly regular: readonly LaneOption[] },
  settings: PlanSettings,
): Omit<LaneTable, "margins"> {
  const costs = comparableCosts(p.regular, p.sku);
  const leads = p.regular.map((o) => laneLeadDays(o, p.sku, settings));
  const production = p.regular.map((o) => (o.transfer ? 0 : productionDaysOf(p.sku, settings)));
  const options = p.regular.map((_, i) => ({
    mode: String(i),
    leadDays: leads[i],
    cost: costs[i],
  }));
  return { leads, production, options };
}

/**
 * Margin of a unit sold (price − unit cost), or null when the SKU has no price.
 *
 * @example unitMargin({ unitCost: 10, price: 15 }) // 5
 */
export const unitMargin = (sku: Sku): number | null =>
  sku.price !== undefined ? sku.price - sku.unitCost : null;
