import { roundUpToMultiple } from "../../inventory";
import type { PlanHooks } from "../../plan";
import { minimumUnits } from "../../plan/lanes";
import type { SellerView, Shipment } from "../sellerView";

/** The policies the simulator compares, in the order its table shows them. */
export const POLICY_NAMES = [
  "livestock",
  "naive",
  "classical",
  "classicalAir",
  "oracleMade",
  "oracle",
] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/**
 * A replenishment policy: each simulated Monday it reads what the seller knows
 * and says what to order or ship until the seller plans next (`SellerView.until`).
 * Policies keep no state of their own between weeks except what they derive from
 * the view (the oracle alone also reads the realisation it was made with).
 */
export interface Policy {
  readonly name: PolicyName;
  /**
   * It may run again within a week (`SimulationOptions.replanDays`): its decisions carry their
   * own ship days, so a later run's replace an earlier one's not yet due. The LiveStock plan
   * does; the classical policies review weekly by their definition, and the oracles know all.
   */
  readonly replans?: boolean;
  decide(view: SellerView, hooks?: PlanHooks): Shipment[];
}

/**
 * Units to order of one pair: a need rounded up to whole case packs; 0 when there is no need
 * (the SKU's MOQ applies across warehouses: `withSkuMoq`).
 *
 * @example orderQuantity(25, 12) // 36
 */
export function orderQuantity(need: number, casePack: number): number {
  return need > 1e-9 ? roundUpToMultiple(need, casePack) : 0;
}

/**
 * Inventory position of each pair: stock on hand plus everything under way, units.
 *
 * @example inventoryPosition(view with 100 on hand and 50 under way for pair 0)[0] // 150
 */
export function inventoryPosition(view: SellerView): Float64Array {
  const position = Float64Array.from(view.onHand);
  for (const s of view.inTransit) position[s.pair] += s.qty;
  return position;
}

/**
 * MOQ across warehouses, as the plan applies it: a SKU's supplier orders of one week form one
 * order; when 0 < Σ qty < MOQ the largest is raised by the difference, in whole cases.
 *
 * @example withSkuMoq([24 units to US-West, 12 to DE] of a SKU with MOQ 100, case 12) // 96 to US-West, 12 to DE
 */
export function withSkuMoq(shipments: readonly Shipment[], view: SellerView): Shipment[] {
  const bySku = new Map<string, number[]>();
  shipments.forEach((s, i) => {
    if (s.finishedGoods) return;
    const sku = view.pairs[s.pair].sku.sku;
    const list = bySku.get(sku) ?? [];
    list.push(i);
    bySku.set(sku, list);
  });
  const out = [...shipments];
  for (const list of bySku.values()) {
    const sku = view.pairs[out[list[0]].pair].sku;
    const total = list.reduce((sum, i) => sum + out[i].qty, 0);
    if (total <= 0 || total >= sku.moq) continue;
    const largest = list.reduce((a, b) => (out[b].qty > out[a].qty ? b : a));
    const qty = roundUpToMultiple(out[largest].qty + sku.moq - total, sku.casePack);
    out[largest] = { ...out[largest], qty };
  }
  return out;
}

/**
 * Lane minimums, as a classical planner meets them: a shipment below its lane's minimum
 * (`minimumUnits`), which pays for the minimum anyway, carries it, in whole cases.
 *
 * @example withLaneMinimums([40 units by a sea lane of min_units 100, case 12], view)[0].qty // 108
 */
export function withLaneMinimums(shipments: readonly Shipment[], view: SellerView): Shipment[] {
  return shipments.map((s) => {
    const sku = view.pairs[s.pair].sku;
    const min = minimumUnits(s.lane, sku.weightKg);
    return s.qty > 0 && s.qty < min ? { ...s, qty: roundUpToMultiple(min, sku.casePack) } : s;
  });
}
