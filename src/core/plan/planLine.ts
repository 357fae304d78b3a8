import type { Day } from "../time/day";
import type { PairState } from "./projection";
import type { PlanLine } from "./types";

/** The shipment columns of a plan line that ships nothing. */
export const NO_SHIPMENT = {
  plannedEarlier: 0,
  target: 0,
  restockQty: 0,
  tier: null,
  mode: null,
  from: null,
  shipBy: null,
  arriveBy: null,
  cost: null,
  late: false,
} as const satisfies Partial<PlanLine>;

/**
 * The pair's columns of a plan line, with no shipment yet.
 *
 * @example lineBase(state, null).restockQty // 0
 */
export function lineBase(s: PairState, needBy: Day | null): PlanLine {
  let inTransit = 0;
  for (const t of s.input.inTransit) inTransit += t.qty;
  // NO_SHIPMENT's columns written out, not spread: V8 turns a spread object given 13 more
  // properties into a dictionary, about 10× slower to build and to read (20,000 of them a plan).
  return {
    plannedEarlier: 0,
    target: 0,
    restockQty: 0,
    tier: null,
    mode: null,
    from: null,
    shipBy: null,
    arriveBy: null,
    cost: null,
    late: false,
    sku: s.input.sku.sku,
    warehouse: s.input.warehouse,
    cls: s.input.cls,
    weeklyForecast: s.weeklyForecast,
    onHand: s.input.onHand,
    inTransit,
    safetyStock: s.safetyStock,
    reorderPoint: s.reorderPoint,
    needBy,
    weeksOfCover: s.weeksOfCover,
    stockoutDate: s.stockoutDate,
    reasons: [],
  };
}
