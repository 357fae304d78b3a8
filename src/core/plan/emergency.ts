import type { Sku } from "../data/model";
import { roundUpToMultiple } from "../inventory";
import { addDays, dayToIso, type Day } from "../time/day";
import { comparableCosts, emergencyLeadDays, laneMarginDays, unitFreight, type LaneOption } from "./lanes";
import { addArrival, requiredAt, type PairState } from "./pairPlan";
import type { PlanSettings } from "./settings";
import type { PlannedItem } from "./streamDemand";
import type { PlanLine, Reason } from "./types";

/** What tier 3 did, or would do, for one planned stream × SKU. */
export interface EmergencyOutcome {
  readonly funded: boolean;
  readonly action: Reason;
}

const EPS = 1e-6;

/**
 * Stock at the start of day i (arrivals of the day included), from the projection.
 *
 * @example startOfDay(state, 0) // on hand + what arrives on the plan date
 */
export const startOfDay = (s: PairState, i: number): number => s.stock[i] + s.demand[i];

const money = (x: number): number => Math.round(x * 100) / 100;

/**
 * Tier 3: for each planned stream × SKU whose P90 units exceed the stock on
 * the stream day, the cheapest fast lane that arrives by the stream day —
 * AIR or EXPRESS of finished goods from the origin (no production days), or a
 * transfer from a same-country warehouse holding more than its own required
 * level (never taking it below) —
 * paid from the emergency budget. Items are served A before B before C, then
 * higher unit margin (price − unit cost) first; a shipment the remaining
 * budget cannot pay is cut to what it can (whole cases), so the budget is never
 * exceeded. With a budget of 0 the cheapest option is only reported.
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
  const margin = (sku: Sku) => (sku.price !== undefined ? sku.price - sku.unitCost : -Infinity);
  const queue = items
    .map((it) => ({ it, state: states.get(keyOf(it.sku, it.warehouse)), sku: skuOf.get(it.sku) }))
    .filter((q): q is { it: PlannedItem; state: PairState; sku: Sku } => !!q.state && !!q.sku)
    .sort(
      (a, b) =>
        rank[a.state.input.cls] - rank[b.state.input.cls] ||
        margin(b.sku) - margin(a.sku) ||
        a.it.date - b.it.date ||
        (a.it.streamId < b.it.streamId ? -1 : a.it.streamId > b.it.streamId ? 1 : 0) ||
        (a.it.sku < b.it.sku ? -1 : a.it.sku > b.it.sku ? 1 : 0),
    );
  const lines: PlanLine[] = [];
  const outcomes = new Map<PlannedItem, EmergencyOutcome>();
  let spent = 0;
  for (const { it, state, sku } of queue) {
    const day = it.date - planDate;
    if (day < 0 || day >= state.days) continue;
    let gap = it.p90 - startOfDay(state, day);
    if (gap <= EPS) continue;
    const options = lanes.get(it.warehouse)?.emergency ?? [];
    const costs = comparableCosts(options, sku);
    const order = options.map((_, i) => i).sort((a, b) => costs[a] - costs[b]);
    let outcome: EmergencyOutcome | undefined;
    for (const i of order) {
      if (gap <= EPS) break;
      const o = options[i];
      const lead = emergencyLeadDays(o, settings);
      const shipBy = day - lead - laneMarginDays(o, state.input.cls, settings);
      if (shipBy < 0) continue;
      const source = o.transfer ? states.get(keyOf(sku.sku, o.from)) : undefined;
      let cap = Infinity;
      if (o.transfer) {
        if (!source) continue;
        cap = Infinity;
        for (let u = shipBy; u < source.days; u++)
          cap = Math.min(cap, source.stock[u] - requiredAt(source, u, settings.preStreamDays));
        cap = Math.floor(cap + EPS);
        if (cap <= 0) continue;
      }
      const casePack = o.transfer ? 1 : (sku.casePack ?? 1);
      let qty = o.transfer ? Math.min(Math.ceil(gap - EPS), cap) : roundUpToMultiple(gap, casePack);
      const unit = unitFreight(o.lane, sku);
      const params = {
        gap: Math.ceil(gap - EPS),
        mode: o.mode,
        from: o.from,
        shipBy: dayToIso(addDays(planDate, shipBy)),
        arrive: dayToIso(addDays(planDate, shipBy + lead)),
      };
      if (unit === null) {
        outcome ??= { funded: false, action: { key: "planActionNoCost", params } };
        continue;
      }
      const left = settings.emergencyBudget - spent;
      if (qty * unit > left + EPS) {
        const affordable = unit > 0 ? Math.floor((left + EPS) / unit / casePack) * casePack : qty;
        if (affordable <= 0) {
          outcome ??= {
            funded: false,
            action: {
              key: "planActionSuggest",
              params: { ...params, qty, cost: money(qty * unit), left: money(left) },
            },
          };
          continue;
        }
        qty = affordable;
      }
      const cost = qty * unit;
      spent += cost;
      const available = startOfDay(state, day);
      addArrival(state, shipBy + lead, qty);
      if (source) addArrival(source, shipBy, -qty);
      gap -= qty;
      outcome = {
        funded: true,
        action: { key: "planActionFunded", params: { ...params, qty, cost: money(cost) } },
      };
      const reasons: Reason[] = [
        {
          key: "planReasonTier3",
          params: {
            stream: it.streamId,
            date: dayToIso(it.date),
            p90: Math.round(it.p90),
            available: Math.round(available),
            mode: o.mode,
            from: o.from,
            spent: money(spent),
            budget: settings.emergencyBudget,
          },
        },
      ];
      const line: PlanLine = {
        ...lineBase(state, it.date),
        target: it.p90,
        restockQty: qty,
        tier: "tier3",
        mode: o.mode,
        from: o.from,
        shipBy: addDays(planDate, shipBy),
        arriveBy: addDays(planDate, shipBy + lead),
        cost,
        reasons,
      };
      state.lines.push(line);
      lines.push(line);
    }
    outcomes.set(
      it,
      outcome ?? {
        funded: false,
        action: { key: "planActionNoLane", params: { gap: Math.ceil(gap - EPS) } },
      },
    );
  }
  return { lines, outcomes, spent };
}

/** The shipment columns of a plan line that ships nothing. */
export const NO_SHIPMENT = {
  plannedEarlier: 0,
  target: 0,
  restockQty: 0,
  tier: null,
  mode: null,
  from: null,
  shipBy: null,
  arriveBy: null,
  cost: null,
  late: false,
} as const satisfies Partial<PlanLine>;

/**
 * The pair's columns of a plan line, with no shipment yet.
 *
 * @example lineBase(state, null).restockQty // 0
 */
export function lineBase(s: PairState, needBy: Day | null): PlanLine {
  return {
    ...NO_SHIPMENT,
    sku: s.input.sku.sku,
    warehouse: s.input.warehouse,
    cls: s.input.cls,
    weeklyForecast: s.weeklyForecast,
    onHand: s.input.onHand,
    inTransit: s.input.inTransit.reduce((a, t) => a + t.qty, 0),
    safetyStock: s.safetyStock,
    reorderPoint: s.reorderPoint,
    needBy,
    weeksOfCover: s.weeksOfCover,
    stockoutDate: s.stockoutDate,
    reasons: [],
  };
}
