import { roundUpToMultiple } from "../inventory";
import { addDays, weekStart, type Day } from "../time/day";
import { shipmentCost } from "./lanes";
import { addBulkLine, raiseLine } from "./pairPlan";
import { addArrival, nextDeficit, requiredAt, type PairState } from "./projection";
import type { Reason } from "./types";

const EPS = 1e-6;

/**
 * Units a warehouse can send away by transfer on day `shipBy`: min over days
 * shipBy … (its bulk lane's first landing − 1) of (stock − required level),
 * whole units, never below 0. Later days do not limit it: `sendByTransfer`
 * orders the units back by the bulk lane before they are missed. With the
 * bulk lane landing on or before `shipBy`, the day itself decides.
 *
 * @example spareForTransfer(stateOf1000OnHandAt10aDaySea28, 5) // 720 (its stock on day 27) − its required level then
 */
export function spareForTransfer(source: PairState, shipBy: number): number {
  if (shipBy >= source.days) return 0;
  const end = Math.min(source.days, Math.max(shipBy + 1, source.bulkArrival));
  let cap = Infinity;
  for (let u = shipBy; u < end; u++) cap = Math.min(cap, source.stock[u] - requiredAt(source, u));
  return Math.max(0, Math.floor(cap + EPS));
}

/**
 * Takes `qty` units out of a warehouse on day `shipBy` (a transfer to another
 * one) and orders them back by its bulk lane to land by the first day it would
 * then fall below its required level, if that order ships within the horizon: a bulk line of the
 * same ship week is raised by them (whole cases; leaving on the earlier day
 * if it left later), else one is added. Days before that keep their level
 * when `qty` ≤ `spareForTransfer`.
 *
 * @example sendByTransfer(source, 8, 426, horizonDays, why) // source's sea order of the week of day 38 grows by 426
 */
export function sendByTransfer(
  source: PairState,
  shipBy: number,
  qty: number,
  horizonDays: number,
  why: Reason,
): void {
  addArrival(source, shipBy, -qty);
  const deficit = nextDeficit(source, Math.max(shipBy, source.bulkArrival));
  if (deficit < 0) return;
  const i = source.input.regular.indexOf(source.bulk);
  const lead = source.lanes.leads[i];
  const delay = (s: number) =>
    source.input.supplyDelay?.(addDays(source.planDate, s), source.lanes.production[i]) ?? 0;
  // A supplier closure can stretch a later order: ship earlier until it lands in time.
  let ship = Math.max(0, deficit - lead);
  while (ship > 0 && ship + lead + delay(ship) > deficit) ship--;
  // Orders past the horizon are the later plans' to make, as in `planPairUntil`.
  if (ship >= horizonDays) return;
  const units = roundUpToMultiple(qty, source.input.sku.casePack ?? 1);
  const week = weekStart(addDays(source.planDate, ship));
  const joined = source.lines.findIndex(
    (l) =>
      l.tier !== "tier3" &&
      l.mode === source.bulk.mode &&
      l.from === source.bulk.from &&
      l.shipBy !== null &&
      weekStart(l.shipBy as Day) === week,
  );
  if (joined < 0) {
    const line = addBulkLine(source, ship, units, why);
    // Tier 3 runs after the lane minimums priced every line: this one pays its fixed cost too.
    source.lines[source.lines.length - 1] = {
      ...line,
      cost: line.cost === null ? null : shipmentCost(source.bulk.lane, source.input.sku, units),
    };
    return;
  }
  const line = source.lines[joined];
  const at = (line.shipBy as Day) - source.planDate;
  if (at > ship) {
    // One line per lane and week: the week's later line leaves on the earlier day, with these units.
    const arrival = ship + lead + delay(ship);
    addArrival(source, (line.arriveBy as Day) - source.planDate, -line.restockQty);
    addArrival(source, arrival, line.restockQty);
    source.lines[joined] = {
      ...line,
      shipBy: addDays(source.planDate, ship),
      arriveBy: addDays(source.planDate, arrival),
    };
  }
  raiseLine(source, joined, line.restockQty + units, why);
}
