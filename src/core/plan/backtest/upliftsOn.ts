import type { Warehouse } from "../../data/model";
import { addDays } from "../../time/day";
import { baselineByWarehouse, warehouseUplifts, type WeekUplifts } from "../marketUplifts";
import type { PairHistory, SalesHistory } from "../salesHistory";

/**
 * Market-event uplifts per warehouse as a plan dated on history week `week`
 * would estimate them: `warehouseUplifts` on the weeks before it only (the
 * plan's own uplifts are estimated from history that includes the replay).
 * Built once from the history, asked once per replayed week.
 *
 * @example upliftsOn(warehouses, history)(history.weeks - 26, 20).get("US-West")?.future[0] // the multiplier of that week
 */
export function upliftsOn(
  warehouses: readonly Warehouse[],
  history: SalesHistory,
): (week: number, futureWeeks: number) => Map<string, WeekUplifts> {
  // warehouseUplifts sums the baseline of its pairs per warehouse: one pair per warehouse
  // holding that sum gives the same estimates for a fraction of the work.
  const totals = baselineByWarehouse(history);
  const zero = new Float64Array(history.weeks);
  return (week, futureWeeks) => {
    const pairs = new Map<string, PairHistory>();
    for (const [warehouse, t] of totals)
      pairs.set(warehouse, {
        sku: "",
        warehouse,
        units: t.subarray(0, week),
        streamUnits: zero.subarray(0, week),
        recentValue: 0,
        recentUnits: 0,
        priced: true,
      });
    const before: SalesHistory = { firstWeek: history.firstWeek, weeks: week, pairs };
    return warehouseUplifts(warehouses, before, addDays(history.firstWeek, 7 * week), futureWeeks);
  };
}
