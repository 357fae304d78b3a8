import type { Day } from "../time/day";
import type { EmergencyOutcome } from "./emergency";
import { stockThere, type PairState } from "./projection";
import { pairKey } from "./salesHistory";
import type { PlannedItem } from "./streamDemand";
import type { StreamCheck, StreamStatus } from "./types";

const EPS = 1e-6;

/**
 * `LS Streams`: each planned stream × featured SKU against the stock that will
 * really be there when it starts (`stockThere`, all planned shipments
 * included): OK when it covers P90, RISK when it covers the mean, else SHORT;
 * hours to sell out at the expected rate; the action (tier 3's, or ready, or
 * no lane). Sorted by date, stream, SKU.
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
    const available =
      state && day < state.days ? Math.max(0, stockThere(state, day)) : Math.max(0, state?.input.onHand ?? 0);
    const status: StreamStatus =
      available >= it.p90 - EPS ? "OK" : available >= it.mean - EPS ? "RISK" : "SHORT";
    const outcome = outcomes.get(it);
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
    });
  }
  return out.sort(
    (a, b) =>
      a.date - b.date ||
      (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0) ||
      (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0),
  );
}
