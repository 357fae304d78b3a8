import type { Sku } from "../data/model";
import { addDays, weekStart, type Day } from "../time/day";
import { laneMinimum, shipmentCost, type LaneOption } from "./lanes";
import { addArrival, type PairState } from "./projection";
import type { PlanSettings } from "./settings";
import type { PlanLine } from "./types";

const laneOf = (state: PairState, line: PlanLine): LaneOption | undefined =>
  state.input.regular.find((o) => o.mode === line.mode && o.from === line.from);

/**
 * Lane minimums and fixed costs on a week's new regular lines (after the MOQ).
 * A line below its lane's minimum (`laneMinimum`) is raised to it when the
 * extra stock is cheaper than the alternative: the raise costs the line's own
 * freight, the fixed cost, and the holding of the extra units until they sell
 * (extra × unit cost × `holding_cost_rate` × ½ · extra ÷ weekly forecast weeks
 * ÷ 52; their freight is not counted, since later orders would have paid it).
 * The alternative is a faster regular lane (no longer lead, so shipped the same
 * day it lands no later) carrying the line's own quantity, its own minimum
 * respected (`shipmentCost`). If that is cheaper, the line moves there, joining
 * its line of the same ship week if there is one. Every new line's cost is then
 * its `shipmentCost`.
 *
 * @example applyLaneMinimums(sku, [{ state, from: 0 }], settings) // a SEA line of 6 units becomes 100 (min_units 100)
 */
export function applyLaneMinimums(
  sku: Sku,
  fresh: readonly { state: PairState; from: number }[],
  settings: PlanSettings,
): void {
  for (const { state, from } of fresh) {
    for (let i = state.lines.length - 1; i >= from; i--) {
      const line = state.lines[i];
      const lane = laneOf(state, line);
      if (!lane || line.restockQty <= 0 || line.shipBy === null || line.arriveBy === null) continue;
      const min = laneMinimum(lane.lane, sku);
      if (line.restockQty >= min) {
        state.lines[i] = { ...line, cost: shipmentCost(lane.lane, sku, line.restockQty) };
        continue;
      }
      const raised = shipmentCost(lane.lane, sku, min);
      const alt = fasterLane(
        state,
        sku,
        lane,
        line.restockQty,
        raiseCost(state, sku, lane, line.restockQty, min, settings),
      );
      const arrival = line.arriveBy - state.planDate;
      if (alt === null) {
        addArrival(state, arrival, min - line.restockQty);
        state.lines[i] = {
          ...line,
          restockQty: min,
          cost: raised,
          reasons: [
            ...line.reasons,
            { key: "planReasonLaneMinimum", params: { minimum: min, qty: line.restockQty } },
          ],
        };
        continue;
      }
      moveLine(state, sku, i, alt, arrival, from);
    }
  }
}

/** What raising `qty` to `min` on `lane` really costs: its own freight, the fixed cost, and holding the extra units until they sell. */
function raiseCost(
  state: PairState,
  sku: Sku,
  lane: LaneOption,
  qty: number,
  min: number,
  settings: PlanSettings,
): number | null {
  const own = shipmentCost(lane.lane, sku, qty);
  if (own === null) return null;
  const extra = min - qty;
  const weekly = state.weeklyForecast;
  if (!(weekly > 0)) return Infinity;
  return own + (extra * sku.unitCost * settings.holdingCostRate * (extra / weekly / 2)) / 52;
}

/** The cheapest regular lane no slower than `lane` whose freight for `qty` (its minimum respected) is below `raised`. */
function fasterLane(
  state: PairState,
  sku: Sku,
  lane: LaneOption,
  qty: number,
  raised: number | null,
): { lane: LaneOption; qty: number; cost: number } | null {
  if (raised === null) return null;
  let best: { lane: LaneOption; qty: number; cost: number } | null = null;
  for (const o of state.input.regular) {
    if (o === lane || o.lane.leadDays > lane.lane.leadDays) continue;
    const q = Math.max(qty, laneMinimum(o.lane, sku));
    const cost = shipmentCost(o.lane, sku, q);
    if (cost !== null && cost < raised && (!best || cost < best.cost)) best = { lane: o, qty: q, cost };
  }
  return best;
}

/** Moves line `i` to `alt`, shipped the same day: it lands `lead` days later, or joins alt's line of that week. */
function moveLine(
  state: PairState,
  sku: Sku,
  i: number,
  alt: { lane: LaneOption; qty: number; cost: number },
  arrival: number,
  from: number,
): void {
  const line = state.lines[i];
  const shipBy = line.shipBy as Day;
  const lead = alt.lane.lane.leadDays - (laneOf(state, line)?.lane.leadDays ?? 0);
  const newArrival = arrival + lead;
  addArrival(state, newArrival, alt.qty);
  addArrival(state, arrival, -line.restockQty);
  const why = {
    key: "planReasonLaneMoved",
    params: { mode: line.mode ?? "", qty: line.restockQty, to: alt.lane.mode },
  } as const;
  const week = weekStart(shipBy);
  const joined = state.lines.findIndex(
    (l, j) =>
      j >= from &&
      j !== i &&
      l.mode === alt.lane.mode &&
      l.from === alt.lane.from &&
      l.shipBy !== null &&
      weekStart(l.shipBy) === week,
  );
  if (joined >= 0) {
    const other = state.lines[joined];
    const qty = other.restockQty + line.restockQty;
    // The joined line lands on its own day: the moved units follow it.
    addArrival(state, newArrival, -alt.qty);
    addArrival(state, (other.arriveBy as Day) - state.planDate, line.restockQty);
    state.lines[joined] = {
      ...other,
      restockQty: qty,
      cost: shipmentCost(alt.lane.lane, sku, qty),
      reasons: [...other.reasons, why],
    };
    state.lines.splice(i, 1);
    return;
  }
  state.lines[i] = {
    ...line,
    mode: alt.lane.mode,
    from: alt.lane.from,
    restockQty: alt.qty,
    arriveBy: addDays(state.planDate, newArrival),
    cost: alt.cost,
    reasons: [...line.reasons, why],
  };
}
