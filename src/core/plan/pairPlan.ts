import { roundUpToMultiple } from "../inventory";
import { addDays, dayToIso, weekStart, type Day } from "../time/day";
import { explainShipment, reason } from "./explanation";
import { bulkLandsIfShippedNow, bulkNow, decide, flyCheck, type Decision } from "./laneChoice";
import { unitFreight } from "./lanes";
import { lineBase } from "./planLine";
import { addArrival, nextDeficit, requiredAt, requiredBy, writeOffUntil, type PairState } from "./projection";
import type { PlanSettings } from "./settings";
import type { PlanLine, Reason, Tier } from "./types";

export { projectPair, type PairInput, type PairState } from "./projection";

const EPS = 1e-6;

/** The quantity of a shipment: the largest gap to the required level from its arrival until the next one can land. */
interface Size {
  readonly arrival: number;
  readonly need: number;
  readonly binding: number;
}

/**
 * Sizes a shipment needed on day t on the lane of `d`: it holds the required
 * level from its arrival (or t) until the next shipment can arrive — one
 * review period later, or the bulk lane's fee cycle (`coverDays`) when its
 * fixed cost makes fewer, larger shipments cheaper; for a lane other than the
 * bulk one, until the bulk lane can first land (a bridge carries only what
 * the bulk lane cannot reach).
 */
function size(state: PairState, t: number, d: Decision, settings: PlanSettings): Size {
  const arrival = d.shipBy + d.lead;
  const from = Math.max(t, arrival);
  const bridge = d.lane === state.bulk ? 0 : state.bulkArrival;
  const cover = d.lane === state.bulk ? state.coverDays : 7 * settings.reviewWeeks;
  const coverEnd = Math.min(state.days, Math.max(from + cover, bridge));
  let need = 0;
  let binding = from;
  for (let u = from; u < coverEnd; u++) {
    const gap = requiredAt(state, u) - state.stock[u];
    if (gap > need + EPS) {
      need = gap;
      binding = u;
    }
  }
  return { arrival, need, binding };
}

/**
 * A decision on a lane dearer than the bulk lane, if worth its freight
 * (`flyCheck`, on the quantity `size` gives it); else the bulk lane shipped
 * now (`bulkNow`), or null when that cannot land either.
 */
function worthIt(state: PairState, t: number, d: Decision | null, settings: PlanSettings): Decision | null {
  if (d === null || d.lane === state.bulk) return d;
  const { need } = size(state, t, d, settings);
  if (need <= EPS) return d;
  const qty = d.lane.transfer
    ? Math.ceil(need - EPS)
    : roundUpToMultiple(need, state.input.sku.casePack ?? 1);
  const fly = flyCheck(state, d, need, qty, requiredBy(state, t));
  if (fly.fly) return fly.forStream ? { ...d, forStream: { freight: fly.freight, margin: fly.margin } } : d;
  return bulkNow(state, t, { fast: d.lane.mode, freight: fly.freight, margin: fly.margin });
}

/** No lane helps on day t: what is short before the fastest lane can arrive is lost; plan from that day on. */
function noLane(state: PairState, t: number): void {
  let fastest = Infinity;
  for (const o of state.lanes.options) fastest = Math.min(fastest, o.leadDays);
  state.cursor = Math.max(t + 1, fastest);
  writeOffUntil(state, Math.min(state.days, state.cursor) - 1);
}

/**
 * Plans the pair's shipments whose ship-by day is before `weekEnd` (a day
 * index), in order of need: each time the projected stock falls below the
 * required level, a shipment on the lane `decide` picks, sized by `size`.
 * A lane dearer than the bulk one must be worth its freight (`flyCheck`);
 * if not, the bulk lane ships now and the shortfall before it lands is
 * written off as lost sales. A tier 1 dip the bulk lane, shipped now, refills
 * before the stock runs out goes by the bulk lane: the days until a tier 1
 * shipment arrives are no new deficits, but a stream's eve within them still is.
 * A shortfall no lane can reach in time is left (the stock-out date and the
 * stream check report it): its backlog is written off as lost sales, not
 * shipped for later, and planning resumes on the day the fastest lane can
 * arrive. A shipment on the lane and ship-by week of an earlier one of this
 * call joins it (one line per SKU × warehouse × lane × week). Quantities are
 * rounded up to case packs (not transfers); MOQ is applied by the caller
 * across warehouses. Stops at the horizon.
 *
 * @example planPairUntil(projectPair(pair with a stream on day 20, sea 28 days, air 7), 7, settings)[0].mode // "AIR"
 */
export function planPairUntil(
  state: PairState,
  weekEnd: number,
  settings: PlanSettings,
  explain = true,
): PlanLine[] {
  const out: PlanLine[] = [];
  const horizonDays = 7 * settings.horizonWeeks;
  const { sku, cls } = state.input;
  const casePack = sku.casePack ?? 1;
  while (!state.done) {
    const t = state.pending?.t ?? nextDeficit(state, state.cursor);
    if (t < 0) {
      state.done = true;
      break;
    }
    const d = state.pending?.decision ?? worthIt(state, t, decide(state, t), settings);
    if (d === null) {
      noLane(state, t);
      continue;
    }
    state.pending = { t, decision: d };
    if (d.shipBy >= horizonDays) {
      state.done = true;
      break;
    }
    if (d.shipBy >= weekEnd) break;
    state.pending = null;
    const by = requiredBy(state, t);
    // Not flown: the shortfall before the bulk lane lands is lost, not carried by it.
    if (d.noFly) writeOffUntil(state, d.shipBy + d.lead - 1);
    const { arrival, need, binding } = size(state, t, d, settings);
    if (by < 0 && arrival > t) {
      // Stock lasts until this tier 1 shipment arrives: the dip before it is no new deficit, but a
      // stream's eve within it still is.
      state.dipUntil = Math.max(state.dipUntil, arrival);
      state.cursor = t + 1;
    } else state.cursor = Math.max(t + 1, arrival);
    if (need <= EPS) continue;
    const qty = d.lane.transfer ? Math.ceil(need - EPS) : roundUpToMultiple(need, casePack);
    let inTransit = 0;
    let lateTransit = 0;
    for (const it of state.input.inTransit) {
      const day = Math.min(state.days - 1, Math.max(0, it.eta - state.planDate));
      if (day <= binding) inTransit += it.qty;
      else lateTransit += it.qty;
    }
    let earlier = 0;
    for (const l of state.lines)
      if (l.arriveBy !== null && l.arriveBy - state.planDate <= binding) earlier += l.restockQty;
    const target = state.input.onHand + inTransit + earlier + need;
    const freight = unitFreight(d.lane.lane, sku);
    const tier: Tier = by >= 0 ? "tier2" : "tier1";
    const reasons = explain
      ? explainShipment(state, settings, {
          t,
          by,
          d,
          arrival,
          binding,
          target,
          inTransit,
          earlier,
          need,
          qty,
          lateTransit,
          freight,
          bulkLands: d.lane === state.bulk ? null : bulkLandsIfShippedNow(state),
          forStream: d.forStream ?? null,
        })
      : [];
    const week = weekStart(addDays(state.planDate, d.shipBy));
    const joined = out.findIndex(
      (l) =>
        l.mode === d.lane.mode &&
        l.from === d.lane.from &&
        l.shipBy !== null &&
        l.shipBy - state.planDate <= d.shipBy &&
        weekStart(l.shipBy) === week,
    );
    if (joined >= 0) {
      const first = out[joined];
      addArrival(state, (first.arriveBy as Day) - state.planDate, qty);
      const merged: PlanLine = {
        ...first,
        restockQty: first.restockQty + qty,
        tier: first.tier === "tier2" || tier === "tier2" ? "tier2" : "tier1",
        cost: first.cost === null || freight === null ? null : first.cost + freight * qty,
        reasons: explain
          ? [
              ...first.reasons,
              reason("planReasonJoined", { qty, need: dayIso(state, t), mode: d.lane.mode }),
              ...reasons.slice(0, 1),
            ]
          : first.reasons,
      };
      out[joined] = merged;
      state.lines[state.lines.indexOf(first)] = merged;
      continue;
    }
    addArrival(state, arrival, qty);
    const line: PlanLine = {
      sku: sku.sku,
      warehouse: state.input.warehouse,
      cls,
      weeklyForecast: state.weeklyForecast,
      onHand: state.input.onHand,
      inTransit,
      plannedEarlier: earlier,
      safetyStock: state.safetyStock,
      reorderPoint: state.reorderPoint,
      target,
      restockQty: qty,
      tier,
      mode: d.lane.mode,
      from: d.lane.from,
      shipBy: addDays(state.planDate, d.shipBy),
      arriveBy: addDays(state.planDate, arrival),
      needBy: addDays(state.planDate, t),
      cost: freight === null ? null : freight * qty,
      weeksOfCover: state.weeksOfCover,
      stockoutDate: state.stockoutDate,
      late: d.kind !== "onTime",
      reasons,
    };
    out.push(line);
    state.lines.push(line);
  }
  return out;
}

const dayIso = (state: PairState, i: number): string => dayToIso(addDays(state.planDate, i));

/**
 * Raises a planned line's quantity (an MOQ, a transfer's refill), moving its arrival in the
 * projection; its cost grows by the extra units' freight (a fixed cost stays paid once).
 *
 * @example raiseLine(state, 0, 500, { key: "planReasonMoq", params: { moq: 500, total: 140 } })
 */
export function raiseLine(state: PairState, index: number, qty: number, why: Reason): void {
  const line = state.lines[index];
  const extra = qty - line.restockQty;
  if (extra <= 0) return;
  addArrival(state, (line.arriveBy as Day) - state.planDate, extra);
  const lane = state.input.regular.find((o) => o.mode === line.mode && o.from === line.from);
  const unit = lane ? unitFreight(lane.lane, state.input.sku) : null;
  state.lines[index] = {
    ...line,
    restockQty: qty,
    cost: line.cost === null || unit === null ? null : line.cost + unit * extra,
    reasons: [...line.reasons, why],
  };
}

/**
 * Adds a bulk-lane line of `qty` shipped on day `shipBy` (an MOQ remainder):
 * it lands after the bulk lane's lead time (and a supplier closure's delay).
 *
 * @example addBulkLine(state, 0, 320, { key: "planReasonMoq", params: { moq: 500, total: 180 } }).mode // "SEA"
 */
export function addBulkLine(state: PairState, shipBy: number, qty: number, why: Reason): PlanLine {
  const i = state.input.regular.indexOf(state.bulk);
  const delay = state.input.supplyDelay?.(addDays(state.planDate, shipBy), state.lanes.production[i]) ?? 0;
  const arrival = shipBy + state.lanes.leads[i] + delay;
  addArrival(state, arrival, qty);
  const freight = unitFreight(state.bulk.lane, state.input.sku);
  const line: PlanLine = {
    ...lineBase(state, null),
    inTransit: 0,
    restockQty: qty,
    tier: "tier1",
    mode: state.bulk.mode,
    from: state.bulk.from,
    shipBy: addDays(state.planDate, shipBy),
    arriveBy: addDays(state.planDate, arrival),
    cost: freight === null ? null : freight * qty,
    reasons: [why],
  };
  state.lines.push(line);
  return line;
}
