import { addDays } from "../time/day";
import type { WarehouseLanes } from "./lanes";
import type { PlanSettings } from "./settings";
import type { PlanLine } from "./types";

/**
 * The dates of a shipment line as a planner executes it:
 *   sellable = `arriveBy`; arrives (at the warehouse) = sellable − receiving days;
 *   departs (from the origin) = arrives − the lane's transit days, so production and a
 *   supplier closure's delay lie between the order and the departure;
 *   order date (to the supplier) = ship-by, none for a transfer (it departs on its ship-by).
 * A line that ships nothing is returned unchanged.
 *
 * @example lineDates(sea line shipBy 11-16, arriveBy 01-12, transit 30, receiving 2, …) // order 11-16, departs 12-11, arrives 01-10
 */
export function lineDates(
  line: PlanLine,
  lanes: ReadonlyMap<string, WarehouseLanes>,
  settings: PlanSettings,
): PlanLine {
  if (line.shipBy === null || line.arriveBy === null || line.mode === null) return line;
  const into = lanes.get(line.warehouse);
  const lane = [...(into?.regular ?? []), ...(into?.emergency ?? [])].find(
    (o) => o.mode === line.mode && o.from === line.from,
  );
  const transfer = lane?.transfer ?? line.mode === "TRANSFER";
  const arrives = addDays(line.arriveBy, -Math.ceil(settings.receivingDays));
  const departs = transfer ? line.shipBy : lane ? addDays(arrives, -lane.lane.leadDays) : null;
  return { ...line, orderDate: transfer ? null : line.shipBy, departs, arrives };
}
