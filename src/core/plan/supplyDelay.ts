import type { MarketEvent } from "../calendar";
import { addDays, type Day } from "../time/day";

/**
 * Days a supplier closure (Chinese New Year) adds to an order placed on
 * `orderDay` whose production takes `productionDays`: the largest
 * `supplyDelayDays` of the supply events whose window [start, end] overlaps the
 * order's production [orderDay, orderDay + productionDays]; else 0. An order
 * placed before the closure is delayed when its production runs into it; one
 * whose production ends before the closure is not.
 *
 * @example closureDelay(cnyEvents, day("2027-01-16"), 20) // 21: production to 02-05 runs into the closure from 01-30
 */
export function closureDelay(events: readonly MarketEvent[], orderDay: Day, productionDays = 0): number {
  const done = addDays(orderDay, Math.max(0, productionDays));
  let delay = 0;
  for (const e of events)
    if (e.kind === "supply" && e.start <= done && orderDay <= e.end)
      delay = Math.max(delay, e.supplyDelayDays ?? 0);
  return delay;
}
