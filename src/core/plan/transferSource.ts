import { roundUpToMultiple } from "../inventory";
import { addDays, weekStart, type Day } from "../time/day";
import { laneMinimum, shipmentCost } from "./lanes";
import { addBulkLine, raiseLine } from "./pairPlan";
import {
  addArrival,
  bulkUnsureDays,
  nextDeficit,
  requiredAt,
  requiredBy,
  type PairState,
} from "./projection";
import type { PlanSettings } from "./settings";
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
 * one) and orders them back by its bulk lane, to land by the first day it
 * would then fall below its required level (margin days earlier when that day
 * is a stream's, `bulkUnsureDays`, as the plan ships for a stream), if that
 * order ships within the horizon. The latest bulk line of this plan shipping
 * by then carries them (whole cases); with none, the next one, if it ships
 * within a review period, leaves on that day with them; else a line is added,
 * at least the lane's minimum and the SKU's MOQ, priced with its fixed cost.
 * Days before keep their level when `qty` ≤ `spareForTransfer`.
 *
 * @example sendByTransfer(source, 8, 426, settings, why) // source's sea order due by the new deficit grows by 426
 */
export function sendByTransfer(
  source: PairState,
  shipBy: number,
  qty: number,
  settings: PlanSettings,
  why: Reason,
): void {
  addArrival(source, shipBy, -qty);
  const deficit = nextDeficit(source, Math.max(shipBy, source.bulkArrival));
  if (deficit < 0) return;
  const i = source.input.regular.indexOf(source.bulk);
  const lead = source.lanes.leads[i];
  const margin = requiredBy(source, deficit) >= 0 ? bulkUnsureDays(source) : 0;
  const delay = (s: number) =>
    source.input.supplyDelay?.(addDays(source.planDate, s), source.lanes.production[i]) ?? 0;
  // A supplier closure can stretch a later order: ship earlier until it lands in time.
  let ship = Math.max(0, deficit - lead - margin);
  while (ship > 0 && ship + lead + delay(ship) > deficit - margin) ship--;
  // Orders past the horizon are the later plans' to make, as in `planPairUntil`.
  if (ship >= 7 * settings.horizonWeeks) return;
  const { sku } = source.input;
  const units = roundUpToMultiple(qty, sku.casePack ?? 1);
  const bulkLines = source.lines
    .map((l, index) => ({ l, index }))
    .filter(
      ({ l }) =>
        l.tier !== "tier3" &&
        l.mode === source.bulk.mode &&
        l.from === source.bulk.from &&
        l.shipBy !== null &&
        l.arriveBy !== null,
    );
  // The latest line shipping by then lands in time and has met the lane's minimum and the MOQ.
  let carrier = -1;
  for (const { l, index } of bulkLines)
    if (
      (l.shipBy as Day) - source.planDate <= ship &&
      (carrier < 0 || (l.shipBy as Day) > (source.lines[carrier].shipBy as Day))
    )
      carrier = index;
  if (carrier >= 0) {
    raiseLine(source, carrier, source.lines[carrier].restockQty + units, why);
    return;
  }
  // The next line, if it ships within a review period (or this week): it leaves on that day with
  // them — a week's holding of its lot costs less than another order's fee, minimum and MOQ.
  const week = weekStart(addDays(source.planDate, ship));
  const later = bulkLines
    .filter(({ l }) => {
      const at = (l.shipBy as Day) - source.planDate;
      return at <= ship + 7 * settings.reviewWeeks || weekStart(l.shipBy as Day) === week;
    })
    .sort((a, b) => (a.l.shipBy as Day) - (b.l.shipBy as Day))[0];
  if (later) {
    const line = later.l;
    const arrival = ship + lead + delay(ship);
    addArrival(source, (line.arriveBy as Day) - source.planDate, -line.restockQty);
    addArrival(source, arrival, line.restockQty);
    source.lines[later.index] = {
      ...line,
      shipBy: addDays(source.planDate, ship),
      arriveBy: addDays(source.planDate, arrival),
    };
    raiseLine(source, later.index, line.restockQty + units, why);
    return;
  }
  const total = Math.max(
    units,
    laneMinimum(source.bulk.lane, sku),
    roundUpToMultiple(sku.moq ?? 0, sku.casePack ?? 1),
  );
  const line = addBulkLine(source, ship, total, why);
  // Tier 3 runs after the lane minimums priced every line: this one pays its fixed cost too.
  source.lines[source.lines.length - 1] = {
    ...line,
    cost: line.cost === null ? null : shipmentCost(source.bulk.lane, sku, total),
  };
}
