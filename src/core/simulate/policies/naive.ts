import { bulkLane, recentWeeklySales, statedLeadDays } from "../sellerView";
import { inventoryPosition, orderQuantity, withLaneMinimums, withSkuMoq, type Policy } from "./policy";

/** The naive policy's cover beyond the lead time and review: 3 weeks (issue 8's fair naive policy). */
export const NAIVE_EXTRA_WEEKS = 3;
/** …of the average of the last 8 weeks' sales. */
export const NAIVE_AVERAGE_WEEKS = 8;

/**
 * The fair naive policy: every Monday, order by sea up to
 * (stated sea lead time + 1 review week + 3 weeks) × the mean weekly sales of the last 8 weeks,
 * less stock on hand and under way; MOQ, case packs and lane minimums applied. It knows nothing of streams or events.
 *
 * @example naivePolicy().decide(view) // [{ pair: 0, qty: 600, lane: seaLane, shipDay: view.today, finishedGoods: false, emergency: false }]
 */
export function naivePolicy(): Policy {
  return {
    name: "naive",
    decide(view) {
      const position = inventoryPosition(view);
      const orders = view.pairs.flatMap((p) => {
        const lane = bulkLane(view.world, p.warehouse, p.sku);
        if (!lane) return [];
        const leadWeeks = statedLeadDays(view.world, lane, p.sku, false) / 7;
        const average = recentWeeklySales(view.sold[p.index], view.t, NAIVE_AVERAGE_WEEKS);
        const target = average * (leadWeeks + 1 + NAIVE_EXTRA_WEEKS);
        const qty = orderQuantity(target - position[p.index], p.sku.casePack);
        return qty > 0
          ? [{ pair: p.index, qty, lane, shipDay: view.today, finishedGoods: false, emergency: false }]
          : [];
      });
      return withLaneMinimums(withSkuMoq(orders, view), view);
    },
  };
}
