import { dayToIso, type Day } from "../time/day";
import type { EmergencyOutcome } from "./emergency";
import { bulkUnsureDays, stockForStream, stockThere, unsureOn, type PairState } from "./projection";
import { pairKey } from "./salesHistory";
import type { PlannedItem } from "./streamDemand";
import type { Reason, StreamCheck, StreamStatus } from "./types";

const EPS = 1e-6;

/**
 * `LS Streams`: each planned stream × featured SKU against the stock that will
 * really be there when it starts (`stockThere`, all planned shipments
 * included): OK when what it can count on (`stockForStream`: no sea shipment due
 * too close to it) covers P90, RISK when the stock there covers the mean — with
 * "OK if the 2,400 units by SEA land on time" when they are what P90 waits for —
 * else SHORT; UNKNOWN when no past stream taught the model its units (its 0
 * expected units would otherwise read as OK);
 * hours to sell out at the expected rate; the action (tier 3's, or ready, or
 * no lane) and its condition: an OK that rests on planned shipments not yet sent
 * says which ("ready if AIR 515 is sent by 11-24"), a stream not covered at P90
 * and not funded says how many units to feature at most (the stock there).
 * Sorted by date, stream, SKU.
 *
 * @example streamChecks(items, states, outcomes, planDate)[0].status // "OK"
 */
export function streamChecks(
  items: readonly PlannedItem[],
  states: ReadonlyMap<string, PairState>,
  outcomes: ReadonlyMap<PlannedItem, EmergencyOutcome>,
  planDate: Day,
): StreamCheck[] {
  const out: StreamCheck[] = [];
  for (const it of items) {
    const state = states.get(pairKey(it.sku, it.warehouse));
    const day = it.date - planDate;
    const inRange = state !== undefined && day < state.days;
    const available = inRange ? Math.max(0, stockThere(state, day)) : Math.max(0, state?.input.onHand ?? 0);
    // What the stream can count on: no sea shipment due too close to it.
    const sure = inRange ? Math.max(0, stockForStream(state, day)) : available;
    const onTime = sure < it.p90 - EPS && available >= it.p90 - EPS;
    const status: StreamStatus = !it.modelled
      ? "UNKNOWN"
      : sure >= it.p90 - EPS
        ? "OK"
        : available >= it.mean - EPS
          ? "RISK"
          : "SHORT";
    const outcome = outcomes.get(it);
    const funded = outcome?.funded === true;
    const condition: Reason | undefined =
      !it.modelled || funded
        ? undefined
        : status === "OK"
          ? readyIf(state, day, available - it.p90)
          : onTime && state
            ? landsOnTime(state, day)
            : { key: "planConditionFeatureAtMost", params: { units: Math.floor(sure + EPS) } };
    out.push({
      streamId: it.streamId,
      date: it.date,
      warehouse: it.warehouse,
      sku: it.sku,
      cls: state?.input.cls ?? "C",
      expectedUnits: it.mean,
      p90Units: it.p90,
      availableUnits: available,
      hoursToSellout: it.mean > EPS ? available / (it.mean / it.hours) : null,
      status,
      extrapolated: it.extrapolated,
      action: !it.modelled
        ? { key: "planActionNoHistory", params: {} }
        : outcome && (outcome.funded || status !== "OK")
          ? outcome.action
          : status === "OK"
            ? { key: "planActionReady", params: {} }
            : { key: "planActionNoLane", params: { gap: Math.ceil(it.p90 - available) } },
      ...(condition ? { condition } : {}),
    });
  }
  return out.sort(
    (a, b) =>
      a.date - b.date ||
      (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0) ||
      (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0),
  );
}

/**
 * When a stream's P90 is there only with a sea shipment due too close to it to count on:
 * "OK if the {qty} units by {mode} land on time" (due less than {days} days before it).
 */
function landsOnTime(state: PairState, day: number): Reason {
  return {
    key: "planConditionLandsOnTime",
    params: { qty: Math.round(unsureOn(state, day)), mode: state.bulk.mode, days: bulkUnsureDays(state) },
  };
}

/**
 * When a stream is OK only because of planned shipments not yet sent (the stock there less
 * what they bring falls below P90 — `spare` = stock there − P90 is smaller than their units):
 * "ready if" the earliest of them is sent by its ship-by, and how many more it also needs.
 */
function readyIf(state: PairState | undefined, day: number, spare: number): Reason | undefined {
  if (!state) return undefined;
  const needed = state.lines
    .filter(
      (l) =>
        l.restockQty > 0 && l.arriveBy !== null && l.shipBy !== null && l.arriveBy - state.planDate <= day,
    )
    .sort((a, b) => (a.shipBy as Day) - (b.shipBy as Day));
  const units = needed.reduce((a, l) => a + l.restockQty, 0);
  if (needed.length === 0 || units <= spare + EPS) return undefined;
  const first = needed[0];
  return {
    key: needed.length > 1 ? "planConditionReadyIfMore" : "planConditionReadyIf",
    params: {
      mode: first.mode ?? "",
      qty: first.restockQty,
      shipBy: dayToIso(first.shipBy as Day).slice(5),
      more: needed.length - 1,
    },
  };
}
