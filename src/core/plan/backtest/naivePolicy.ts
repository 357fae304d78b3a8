import { roundUpToMultiple } from "../../inventory";
import type { PlanSettings } from "../settings";

/**
 * Order-up-to level of the fair naive policy, units: enough inventory position
 * (on hand + on order) to cover the sea lead time, the review period and
 * `naiveWeeks` more weeks at the recent average:
 * S = (seaLeadDays ÷ 7 + reviewWeeks + naiveWeeks) × average weekly sales.
 * A seller without a planner does this with a spreadsheet; anything less is
 * short before the next sea shipment can land.
 *
 * @param averageWeekly units per week, the mean of the last `naiveAverageWeeks` weeks
 * @param seaLeadDays door-to-door days of the sea lane (production + transit + receiving)
 * @example naiveOrderUpTo(10, 56, { reviewWeeks: 1, naiveWeeks: 3 }) // (8 + 1 + 3) × 10 = 120
 */
export function naiveOrderUpTo(
  averageWeekly: number,
  seaLeadDays: number,
  settings: Pick<PlanSettings, "reviewWeeks" | "naiveWeeks">,
): number {
  return (seaLeadDays / 7 + settings.reviewWeeks + settings.naiveWeeks) * averageWeekly;
}

/**
 * The naive policy's order, units: what lifts the inventory position to the
 * order-up-to level, in whole cases; 0 when the position is already there.
 *
 * @example naiveOrder(120, 95, 12) // 25 short → 36 (three cases of 12)
 */
export function naiveOrder(orderUpTo: number, position: number, casePack: number): number {
  return orderUpTo > position ? roundUpToMultiple(orderUpTo - position, casePack) : 0;
}
