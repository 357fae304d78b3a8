import { safetyStock } from "../../inventory";
import { bulkLane, airLane, statedLeadDays, type SellerView, type Shipment } from "../sellerView";
import { inventoryPosition, orderQuantity, withLaneMinimums, withSkuMoq, type Policy } from "./policy";

/** Smoothing constant of the classical policy's forecast (simple exponential smoothing of weekly sales). */
export const CLASSICAL_ALPHA = 0.2;
/** Its cycle service level: z = Φ⁻¹(0.95) ≈ 1.645. */
export const CLASSICAL_SERVICE_LEVEL = 0.95;
/** Weeks of sales it smooths over. */
export const CLASSICAL_HISTORY_WEEKS = 52;

/**
 * Simple exponential smoothing of the last `weeks` whole weeks of daily sales before day `t`:
 * the level f (units a week) and σ, the root mean square of the one-step errors.
 *
 * @example smoothedWeekly(sales of 10 every day for a year, 364, 52, 0.2) // { level: 70, sigma: 0 }
 */
export function smoothedWeekly(
  sold: Float64Array,
  t: number,
  weeks: number,
  alpha: number,
): { level: number; sigma: number } {
  const n = Math.min(weeks, Math.floor(t / 7));
  if (n === 0) return { level: 0, sigma: 0 };
  const week = (k: number): number => {
    let s = 0;
    for (let i = t - 7 * (n - k); i < t - 7 * (n - k) + 7; i++) s += sold[i];
    return s;
  };
  let level = week(0);
  let sse = 0;
  for (let k = 1; k < n; k++) {
    const x = week(k);
    sse += (x - level) ** 2;
    level += alpha * (x - level);
  }
  return { level, sigma: n > 1 ? Math.sqrt(sse / (n - 1)) : 0 };
}

/**
 * The classical order-up-to policy (by sea), or with `airTopUp` the same plus an air top-up:
 *   order-up-to S = f·(L + R) + z·σ·√(L + R), f and σ from `smoothedWeekly`, L the stated sea lead
 *   time in weeks, R = 1 review week, z for 95 %; order S − (on hand + under way) by sea.
 *   Air top-up: when on hand + what arrives within H = air lead + 1 week − f·H/7 < 0,
 *   fly the shortfall as finished goods (no production). It knows nothing of streams or events.
 *
 * @example classicalPolicy(true).decide(view) // sea orders, and air top-ups where stock runs dry
 */
export function classicalPolicy(airTopUp: boolean): Policy {
  return {
    name: airTopUp ? "classicalAir" : "classical",
    decide(view: SellerView) {
      const position = inventoryPosition(view);
      const orders: Shipment[] = [];
      const topUps: Shipment[] = [];
      for (const p of view.pairs) {
        const lane = bulkLane(view.world, p.warehouse, p.sku);
        if (!lane) continue;
        const { level, sigma } = smoothedWeekly(
          view.sold[p.index],
          view.t,
          CLASSICAL_HISTORY_WEEKS,
          CLASSICAL_ALPHA,
        );
        const protection = statedLeadDays(view.world, lane, p.sku, false) / 7 + 1;
        const target = level * protection + safetyStock(level, sigma, protection, CLASSICAL_SERVICE_LEVEL);
        const qty = orderQuantity(target - position[p.index], p.sku.casePack);
        if (qty > 0)
          orders.push({
            pair: p.index,
            qty,
            lane,
            shipDay: view.today,
            finishedGoods: false,
            emergency: false,
          });
        if (!airTopUp) continue;
        const air = airLane(view.world, p.warehouse, p.sku);
        if (!air) continue;
        const horizon = statedLeadDays(view.world, air, p.sku, true) + 7;
        let projected = view.onHand[p.index] - (level * horizon) / 7;
        for (const s of view.inTransit)
          if (s.pair === p.index && s.eta < view.today + horizon) projected += s.qty;
        const topUp = orderQuantity(-projected, p.sku.casePack);
        if (topUp > 0)
          topUps.push({
            pair: p.index,
            qty: topUp,
            lane: air,
            shipDay: view.today,
            finishedGoods: true,
            emergency: true,
          });
      }
      return withLaneMinimums([...withSkuMoq(orders, view), ...topUps], view);
    },
  };
}
