import type { AbcClass } from "../data/model";
import { safetyStock } from "../inventory";
import type { PlanSettings } from "./settings";

/**
 * Tier 1 safety stock held for a lane, units:
 *   z·√(P·σ² + μ²·σ_L²), P = (lead days + review days) / 7 weeks, σ_L = lead_sd_days / 7,
 *   z for `service` (the class's service level unless given: the bulk lane's is `pairServiceLevel`);
 *   for the bulk lane (the everyday one) at least base weeks × μ (the seed's 2–3 weeks).
 * μ is the mean weekly forecast and σ its one-step error, units per week. Lead-time
 * spread is counted here, once: shipments are not also sent early for it.
 * An air bridge thus holds air-lead-time safety stock, not the sea-sized one.
 *
 * @example laneSafetyStock(70, 100, 28, 0, "A", DEFAULT_SETTINGS, true) // max(2.054 × 100 × √5, 3 × 70) ≈ 459.2
 */
export function laneSafetyStock(
  mu: number,
  sigma: number,
  leadDays: number,
  leadSdDays: number,
  cls: AbcClass,
  settings: PlanSettings,
  bulk: boolean,
  service: number = settings.serviceLevel[cls],
): number {
  const weeks = (leadDays + 7 * settings.reviewWeeks) / 7;
  const z = Math.max(0, safetyStock(mu, sigma, weeks, service, Math.max(0, leadSdDays) / 7));
  return bulk ? Math.max(z, settings.baseWeeks[cls] * mu) : z;
}

/** The highest service level a margin raises a pair's to (z = 3.09): beyond it the normal tail says little. */
export const MAX_SERVICE_LEVEL = 0.999;

/**
 * The service level of a pair's everyday (bulk lane) safety stock: its class's, or, when higher,
 * the lost-sales critical ratio m / (m + h·T), h = unit cost × holding rate ÷ 52 a week and T the
 * order cycle in weeks — a unit of safety stock costs h·T for each cycle it waits and saves the
 * margin m when a cycle would otherwise end with the shelf empty (Silver, Pyke & Peterson,
 * lost sales: P(short in a cycle) = h·Q ÷ (h·Q + m·D), Q ÷ D = T; stock not sold this cycle is
 * sold in the next, so holding is its whole cost). Capped at `MAX_SERVICE_LEVEL`; the class's
 * level without a price (no margin) or with m ≤ 0.
 *
 * @example pairServiceLevel(45, 24, 1, "B", DEFAULT_SETTINGS) // 45 / (45 + 24 × 0.25 / 52) ≈ 0.9974
 */
export function pairServiceLevel(
  margin: number | null,
  unitCost: number,
  cycleWeeks: number,
  cls: AbcClass,
  settings: PlanSettings,
): number {
  const floor = settings.serviceLevel[cls];
  if (margin === null || !(margin > 0)) return floor;
  const holding = (Math.max(0, unitCost) * settings.holdingCostRate * Math.max(0, cycleWeeks)) / 52;
  return Math.max(floor, Math.min(MAX_SERVICE_LEVEL, margin / (margin + holding)));
}

/**
 * How many weeks of sales one shipment on a lane with a fixed cost per shipment should carry,
 * weeks: the economic order cycle √(2K ÷ (h·μ)) (Harris), K the fixed cost, h = unit cost ×
 * holding rate ÷ 52 a unit a week, μ the weekly sales; at most the planning horizon (slow stock
 * is not ordered for longer than the plan looks ahead); 0 without a fixed cost, sales or a cost.
 *
 * @example feeCycleWeeks(50, 30, 10, DEFAULT_SETTINGS) // √(60 ÷ (0.048 × 50)) = 5 weeks
 */
export function feeCycleWeeks(
  weekly: number,
  fixedCost: number,
  unitCost: number,
  settings: PlanSettings,
): number {
  const holding = (unitCost * settings.holdingCostRate) / 52;
  if (!(fixedCost > 0) || !(weekly > 0) || !(holding > 0)) return 0;
  return Math.min(settings.horizonWeeks, Math.sqrt((2 * fixedCost) / (holding * weekly)));
}

/**
 * A pair's order cycle on its bulk lane, weeks: the review period, or when longer the weeks of
 * sales in the smallest lot that lane takes (a case pack, the lane's minimum) or one shipment
 * carries for its fixed cost (`feeCycleWeeks`). The MOQ, shared by the SKU's warehouses, is left out.
 *
 * @example orderCycleWeeks(2, 24, DEFAULT_SETTINGS) // 24 / 2 = 12 weeks
 */
export function orderCycleWeeks(weekly: number, lot: number, settings: PlanSettings, feeWeeks = 0): number {
  return Math.max(settings.reviewWeeks, weekly > 0 ? lot / weekly : 0, feeWeeks);
}

/**
 * Tier 2 level of a featured item, units of stock required at the end of the
 * stream's eve: the stream's P90 units + the baseline demand from the stream
 * day until the next replenishment can land (one review period), that demand
 * capped at the seed's pre-stream weeks × μ for A and B (a cap for hits, not a
 * floor for every featured SKU) and at the base weeks × μ for C: a C item gets
 * its stream's P90 too (a sold-out stream loses margin whatever the class), but
 * no build-up beyond its everyday cover. The projection holds it on top of the
 * eve's tier 1 safety stock.
 *
 * @example streamLevel(20, 70, 70, "A", DEFAULT_SETTINGS) // 20 + 70 = 90
 */
export function streamLevel(
  p90: number,
  demandAfter: number,
  mu: number,
  cls: AbcClass,
  settings: PlanSettings,
): number {
  return p90 + Math.min(demandAfter, streamCapWeeks(cls, settings) * mu);
}

/**
 * Weeks of sales a tier 2 level may hold beyond the stream's P90: the seed's
 * pre-stream weeks for A and B, the base weeks for C (no build-up).
 *
 * @example streamCapWeeks("C", DEFAULT_SETTINGS) // 2
 */
export const streamCapWeeks = (cls: AbcClass, settings: PlanSettings): number =>
  cls === "C" ? settings.baseWeeks.C : settings.preStreamWeeks[cls];

/**
 * Days before a stream's eve within which a bulk-lane arrival is not counted on, days: the larger
 * of the lane's margin days (`laneMarginDays`) and ⌈σ_L·√(m/f − 1)⌉, the last day d on which
 * Cantelli's bound on being late by more than d days, 1/(1 + (d/σ_L)²) — true whatever the shape
 * of the lane's delays (port delays make it skewed, where z·σ_L assumes a normal) — still makes
 * the margin m a late unit loses worth the freight f of covering it by the fast lane. Without a
 * margin or a freight, or when f ≥ m, the lane's margin days.
 *
 * @example unsureDays(5.3, 11, 45, 3.25) // max(11, ⌈5.3 × √(45/3.25 − 1)⌉) = 19
 */
export function unsureDays(
  leadSdDays: number,
  laneMargin: number,
  margin: number | null,
  coverFreight: number | null,
): number {
  if (
    !(leadSdDays > 0) ||
    margin === null ||
    coverFreight === null ||
    !(coverFreight > 0) ||
    margin <= coverFreight
  )
    return laneMargin;
  return Math.max(laneMargin, Math.ceil(leadSdDays * Math.sqrt(margin / coverFreight - 1) - 1e-9));
}
