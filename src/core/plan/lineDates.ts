import { addDays } from "../time/day";
import type { LaneOption, WarehouseLanes } from "./lanes";
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
  const lane = lineLane(line, lanes);
  const transfer = lane?.transfer ?? line.mode === "TRANSFER";
  const arrives = addDays(line.arriveBy, -Math.ceil(settings.receivingDays));
  const departs = transfer ? line.shipBy : lane ? addDays(arrives, -lane.lane.leadDays) : null;
  return { ...line, orderDate: transfer ? null : line.shipBy, departs, arrives };
}

/**
 * Whether a line moves stock between warehouses (a transfer lane) rather than ordering it.
 *
 * @example isTransfer({ mode: "TRANSFER", from: "US-West", … }, lanes) // true
 */
export function isTransfer(line: PlanLine, lanes: ReadonlyMap<string, WarehouseLanes>): boolean {
  return lineLane(line, lanes)?.transfer ?? line.mode === "TRANSFER";
}

/**
 * The lane a line ships on: the lane into its warehouse with its mode and origin (regular or
 * emergency); undefined when none matches.
 *
 * @example lineLane({ warehouse: "US-West", mode: "SEA", from: "CN", … }, lanes)?.lane.leadDays // 30
 */
export function lineLane(line: PlanLine, lanes: ReadonlyMap<string, WarehouseLanes>): LaneOption | undefined {
  const into = lanes.get(line.warehouse);
  const match = (o: LaneOption): boolean => o.mode === line.mode && o.from === line.from;
  return into?.regular.find(match) ?? into?.emergency.find(match);
}
