import type { Sku } from "../data/model";
import { roundUpToMultiple } from "../inventory";
import { addDays, dayToIso, type Day } from "../time/day";
import {
  comparableCosts,
  laneLeadDays,
  laneMarginDays,
  minimumUnits,
  shipmentCost,
  unitFreight,
  unitMargin,
  type LaneOption,
} from "./lanes";
import { bulkLandsIfShippedNow } from "./laneChoice";
import { lineBase } from "./planLine";
import { addArrival, stockForStream, type PairState } from "./projection";
import type { PlanSettings } from "./settings";
import type { PlannedItem } from "./streamDemand";
import { sendByTransfer, spareForTransfer } from "./transferSource";
import type { PlanLine, Reason } from "./types";

/** What tier 3 did, or would do, for one planned stream × SKU. */
export interface EmergencyOutcome {
  readonly funded: boolean;
  readonly action: Reason;
}

const EPS = 1e-6;

const money = (x: number): number => Math.round(x * 100) / 100;

/** One shipment of an emergency: a lane, its quantity, cost and dates. */
interface Leg {
  readonly lane: LaneOption;
  readonly qty: number;
  readonly cost: number;
  readonly shipBy: number;
  readonly arrive: number;
}

/** A stream × SKU short of its P90, and what is known to rank it. */
interface Candidate {
  readonly it: PlannedItem;
  readonly state: PairState;
  readonly sku: Sku;
  readonly day: number;
  /** Margin recovered per unit of freight, for the full gap at today's costs; 0 when unknown. */
  readonly ratio: number;
}

/**
 * The legs that bring `gap` units to a stream on day `day`: the emergency lanes
 * arriving by the stream day (its margin days earlier where it can, else shipped
 * today with what margin is left), cheapest first — AIR or EXPRESS from the supplier
 * (production days + transit + receiving: with no origin stock in the
 * workbook, an emergency order is made first), or a transfer from a
 * same-country warehouse of what it can spare (`spareForTransfer`: its stock
 * above its own required level until its bulk lane can land; `sendByTransfer`
 * orders the units back by that lane), transit + receiving.
 * Null when the gap cannot be filled, or a lane's freight is unknown
 * (`unknown` then names it).
 */
function legsFor(
  c: Candidate,
  gap: number,
  states: ReadonlyMap<string, PairState>,
  keyOf: (sku: string, warehouse: string) => string,
  options: readonly LaneOption[],
  settings: PlanSettings,
): { legs: Leg[] | null; first: Leg | null; unknown: LaneOption | null } {
  const costs = comparableCosts(options, c.sku);
  const order = options.map((_, i) => i).sort((a, b) => costs[a] - costs[b]);
  const legs: Leg[] = [];
  let first: Leg | null = null;
  let left = gap;
  for (const i of order) {
    if (left <= EPS) break;
    const o = options[i];
    const lead = laneLeadDays(o, c.sku, settings);
    // Landing with the lane's full margin if it can, else today, with what margin is left.
    if (c.day - lead < 0) continue;
    const shipBy = Math.max(0, c.day - lead - laneMarginDays(o, c.state.serviceLevel, settings));
    const unit = unitFreight(o.lane, c.sku);
    let qty: number;
    if (o.transfer) {
      const source = states.get(keyOf(c.sku.sku, o.from));
      if (!source) continue;
      const cap = spareForTransfer(source, shipBy);
      if (cap <= 0) continue;
      qty = Math.min(Math.ceil(left - EPS), cap);
    } else qty = roundUpToMultiple(left, c.sku.casePack ?? 1);
    // A leg is not raised to its lane's minimum, but a carrier charges it: its cost says so.
    const charged = Math.max(qty, minimumUnits(o.lane, c.sku.weightKg));
    const leg = {
      lane: o,
      qty,
      cost: shipmentCost(o.lane, c.sku, charged) ?? 0,
      shipBy,
      arrive: shipBy + lead,
    };
    first ??= leg;
    if (unit === null) return { legs: null, first, unknown: o };
    legs.push(leg);
    left -= qty;
  }
  return { legs: left <= EPS ? legs : null, first, unknown: null };
}

/**
 * Tier 3: for each planned stream × SKU whose P90 units exceed the stock that
 * will really be there on the stream day (`stockForStream`: demand that found no
 * stock before it was lost, not owed, and no shipment landing too close to the
 * stream to count on), the gap is brought by the emergency
 * lanes (`legsFor`), paid from the emergency budget. Streams are funded in
 * order of margin recovered per unit of freight (unit margin × gap ÷ freight;
 * unknown margins last, then A before B before C), each gap wholly — or, when
 * the whole gap cannot be brought (no lane in time, the budget short, or its
 * freight above the margin it recovers) and the stock is below the stream's
 * mean, the part up to the mean, which lifts it from SHORT to RISK — or not at
 * all: no token shipments. Freight above the margin it recovers (unit margin × units)
 * is paid only for a class A item. The budget is per calendar month: the plan
 * spends at most `emergency_budget` − `emergency_spent` (what earlier runs spent
 * this month), never more; with nothing left the cheapest option is only reported.
 *
 * @example spendEmergencyBudget(items, states, pairKey, lanes, skuOf, { ...settings, emergencyBudget: 1000 }, planDate).spent // ≤ 1000
 */
export function spendEmergencyBudget(
  items: readonly PlannedItem[],
  states: ReadonlyMap<string, PairState>,
  keyOf: (sku: string, warehouse: string) => string,
  lanes: ReadonlyMap<string, { readonly emergency: readonly LaneOption[] }>,
  skuOf: ReadonlyMap<string, Sku>,
  settings: PlanSettings,
  planDate: Day,
): { lines: PlanLine[]; outcomes: Map<PlannedItem, EmergencyOutcome>; spent: number } {
  const rank = { A: 0, B: 1, C: 2 } as const;
  const candidates: Candidate[] = [];
  for (const it of items) {
    const state = states.get(keyOf(it.sku, it.warehouse));
    const sku = skuOf.get(it.sku);
    const day = it.date - planDate;
    if (!state || !sku || day < 0 || day >= state.days) continue;
    const gap = it.p90 - stockForStream(state, day);
    if (gap <= EPS) continue;
    const margin = unitMargin(sku);
    const base: Candidate = { it, state, sku, day, ratio: 0 };
    const { legs } = legsFor(base, gap, states, keyOf, lanes.get(it.warehouse)?.emergency ?? [], settings);
    let cost = 0;
    for (const l of legs ?? []) cost += l.cost;
    const ratio = margin === null || legs === null ? 0 : cost > 0 ? (margin * gap) / cost : Infinity;
    candidates.push({ ...base, ratio });
  }
  candidates.sort(
    (a, b) =>
      b.ratio - a.ratio ||
      rank[a.state.input.cls] - rank[b.state.input.cls] ||
      a.it.date - b.it.date ||
      (a.it.streamId < b.it.streamId ? -1 : a.it.streamId > b.it.streamId ? 1 : 0) ||
      (a.it.sku < b.it.sku ? -1 : a.it.sku > b.it.sku ? 1 : 0),
  );
  const lines: PlanLine[] = [];
  const outcomes = new Map<PlannedItem, EmergencyOutcome>();
  let spent = 0;
  // The budget is per calendar month: what earlier runs spent this month is gone.
  const monthLeft = Math.max(0, settings.emergencyBudget - settings.emergencySpent);
  for (const c of candidates) {
    const { it, state, sku, day } = c;
    const available = stockForStream(state, day);
    const gap = it.p90 - available;
    if (gap <= EPS) continue;
    const options = lanes.get(it.warehouse)?.emergency ?? [];
    const full = legsFor(c, gap, states, keyOf, options, settings);
    const left = monthLeft - spent;
    const costOf = (legs: readonly Leg[]) => legs.reduce((a, l) => a + l.cost, 0);
    // Freight above the margin it recovers is worth paying only for a class A item's stream.
    const margin = unitMargin(sku);
    const worth = (l: readonly Leg[], units: number) =>
      state.input.cls === "A" || margin === null || costOf(l) <= margin * units + EPS;
    const notWorth = full.legs !== null && !worth(full.legs, gap);
    let legs = full.legs !== null && !notWorth && costOf(full.legs) <= left + EPS ? full.legs : null;
    if (!legs && it.mean - available > EPS) {
      const part = legsFor(c, it.mean - available, states, keyOf, options, settings).legs;
      if (part !== null && worth(part, it.mean - available) && costOf(part) <= left + EPS) legs = part;
    }
    if (!legs && notWorth && full.legs !== null) {
      const cost = costOf(full.legs);
      outcomes.set(it, {
        funded: false,
        action: {
          key: "planActionNotWorth",
          params: {
            gap: Math.ceil(gap - EPS),
            mode: full.legs[0].lane.mode,
            cost: money(cost),
            recovered: money((margin ?? 0) * gap),
          },
        },
      });
      continue;
    }
    if (!legs) {
      const shown = full.first;
      const params = shown && {
        gap: Math.ceil(gap - EPS),
        mode: shown.lane.mode,
        from: shown.lane.from,
        shipBy: dayToIso(addDays(planDate, shown.shipBy)),
        arrive: dayToIso(addDays(planDate, shown.arrive)),
      };
      outcomes.set(
        it,
        !params || (!full.legs && !full.unknown)
          ? { funded: false, action: { key: "planActionNoLane", params: { gap: Math.ceil(gap - EPS) } } }
          : full.unknown || !full.legs
            ? { funded: false, action: { key: "planActionNoCost", params } }
            : {
                funded: false,
                action: {
                  key: "planActionSuggest",
                  params: {
                    ...params,
                    qty: full.legs.reduce((a, l) => a + l.qty, 0),
                    cost: money(costOf(full.legs)),
                    left: money(left),
                  },
                },
              },
      );
      continue;
    }
    const whole = legs === full.legs;
    const bulkLands = bulkLandsIfShippedNow(state);
    let outcome: EmergencyOutcome | undefined;
    for (const leg of legs) {
      spent += leg.cost;
      addArrival(state, leg.arrive, leg.qty);
      if (leg.lane.transfer) {
        const source = states.get(keyOf(sku.sku, leg.lane.from));
        if (source)
          sendByTransfer(source, leg.shipBy, leg.qty, settings, {
            key: "planReasonRefill",
            params: { qty: leg.qty, to: it.warehouse, shipBy: dayToIso(addDays(planDate, leg.shipBy)) },
          });
      }
      const params = {
        gap: Math.ceil(gap - EPS),
        mode: leg.lane.mode,
        from: leg.lane.from,
        shipBy: dayToIso(addDays(planDate, leg.shipBy)),
        arrive: dayToIso(addDays(planDate, leg.arrive)),
      };
      outcome = {
        funded: true,
        action: { key: "planActionFunded", params: { ...params, qty: leg.qty, cost: money(leg.cost) } },
      };
      const line: PlanLine = {
        ...lineBase(state, it.date),
        target: it.p90,
        restockQty: leg.qty,
        tier: "tier3",
        mode: leg.lane.mode,
        from: leg.lane.from,
        shipBy: addDays(planDate, leg.shipBy),
        arriveBy: addDays(planDate, leg.arrive),
        cost: leg.cost,
        reasons: [
          {
            key: whole ? "planReasonTier3" : "planReasonTier3Part",
            params: {
              stream: it.streamId,
              date: dayToIso(it.date),
              p90: Math.round(it.p90),
              available: Math.round(available),
              mode: leg.lane.mode,
              from: leg.lane.from,
              spent: money(settings.emergencySpent + spent),
              budget: settings.emergencyBudget,
              ...(whole
                ? { ratio: Number.isFinite(c.ratio) ? Math.round(c.ratio * 100) / 100 : "∞" }
                : { mean: Math.round(it.mean) }),
            },
          },
          ...(bulkLands > day
            ? [
                {
                  key: "planReasonTier3Bulk" as const,
                  params: {
                    bulk: state.bulk.mode,
                    arrive: dayToIso(addDays(planDate, bulkLands)),
                    date: dayToIso(it.date),
                  },
                },
              ]
            : []),
        ],
      };
      state.lines.push(line);
      lines.push(line);
    }
    if (outcome) outcomes.set(it, outcome);
  }
  return { lines, outcomes, spent };
}
