import type { OrderRow, ShipModeName, Sku } from "../data/model";
import { addDays, type Day } from "../time/day";
import { cheapestLane, productionDaysOf, type WarehouseLanes } from "./lanes";
import type { PlanSettings } from "./settings";

/** An open purchase order as supply: its quantity and the day it becomes sellable. */
export interface OrderArrival {
  readonly sku: string;
  readonly warehouse: string;
  readonly qty: number;
  /** The mode of the lane it travels on. */
  readonly mode: ShipModeName;
  /** Sellable day: ship day + the lane's transit + receiving days. */
  readonly eta: Day;
}

/**
 * When each open purchase order (Orders 采购单) becomes sellable, so the plan
 * counts it as supply and does not order it again:
 *   ship = expected_ship, else order_date + production days (+ a supplier
 *   closure's delay), and never before the plan date (an open order has not left);
 *   sellable = ship + lead_days of its lane + receiving days.
 * Its lane is the warehouse's supplier lane of its `mode`, else the bulk
 * (cheapest regular) lane. Orders of unknown SKUs or warehouses without a lane
 * are left out (the reader has already said why).
 *
 * @example orderArrivals([{ sku: "S1", warehouse: "US", qty: 500, orderDate: d("2026-11-01") }], …)[0].eta // 11-01 + production 20 + sea 30 + 2
 */
export function orderArrivals(
  orders: readonly OrderRow[],
  lanes: ReadonlyMap<string, WarehouseLanes>,
  skuOf: ReadonlyMap<string, Sku>,
  settings: PlanSettings,
  planDate: Day,
  supplyDelay?: (orderDay: Day, productionDays?: number) => number,
): OrderArrival[] {
  const out: OrderArrival[] = [];
  for (const o of orders) {
    const sku = skuOf.get(o.sku);
    const into = lanes.get(o.warehouse);
    if (!sku || !into || into.regular.length === 0) continue;
    const supplier = [...into.regular, ...into.emergency].filter((l) => !l.transfer);
    const lane = supplier.find((l) => l.mode === o.mode) ?? cheapestLane(into.regular, sku);
    const production = productionDaysOf(sku, settings);
    const ship =
      o.expectedShip ?? addDays(o.orderDate, production + (supplyDelay?.(o.orderDate, production) ?? 0));
    const leaves = ship < planDate ? planDate : ship;
    out.push({
      sku: o.sku,
      warehouse: o.warehouse,
      qty: o.qty,
      mode: lane.mode,
      eta: addDays(leaves, lane.lane.leadDays + Math.ceil(settings.receivingDays)),
    });
  }
  return out;
}
