import { addDays, dayToIso, type Day } from "../time/day";
import type { Decision } from "./laneChoice";
import { bulkUnsureDays, type PairState } from "./projection";
import type { PlanSettings } from "./settings";
import { streamCapWeeks } from "./tierLevels";
import type { Reason } from "./types";

/** What a shipment's reasons are built from. */
export interface Shipment {
  /** The need day and the stream whose eve it is (−1: tier 1). */
  readonly t: number;
  readonly by: number;
  readonly d: Decision;
  readonly arrival: number;
  readonly binding: number;
  readonly target: number;
  readonly inTransit: number;
  readonly earlier: number;
  readonly need: number;
  readonly qty: number;
  readonly lateTransit: number;
  readonly freight: number | null;
  /** A lane other than the bulk lane: the day the bulk lane shipped today lands. */
  readonly bulkLands: number | null;
  /** Flown though its freight exceeds the margin: a stream of an A item needs it. */
  readonly forStream: { readonly freight: number; readonly margin: number } | null;
}

/**
 * A sentence of the plan.
 *
 * @example reason("planReasonCasePack", { casePack: 12 }) // { key: "planReasonCasePack", params: { casePack: 12 } }
 */
export const reason = (key: Reason["key"], params: Reason["params"]): Reason => ({ key, params });

/**
 * x rounded to `digits` decimals, for the numbers a reason shows.
 *
 * @example round(2.345, 1) // 2.3
 */
export const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const iso = (planDate: Day, i: number): string => dayToIso(addDays(planDate, i));

/**
 * The reasons of a shipment in words: the tier that needs it, the lane rule
 * (and, for a lane dearer than the bulk lane, what the bulk lane could not
 * reach), the quantity's arithmetic, case packs, late transit, lost sales and
 * supplier closures.
 *
 * @example explainShipment(state, settings, shipment)[0].key // "planReasonTier1"
 */
export function explainShipment(state: PairState, settings: PlanSettings, x: Shipment): Reason[] {
  const { t, by, d, arrival, binding, target, inTransit, earlier, need, qty, lateTransit, freight } = x;
  const { sku, cls } = state.input;
  const casePack = sku.casePack ?? 1;
  const reasons: Reason[] = [];
  if (by >= 0) {
    const s = state.streams[by];
    const tier2 = {
      stream: s.streamId,
      date: iso(state.planDate, s.day),
      cls,
      p90: round(s.p90),
      level: round(s.level),
      weeks: settings.reviewWeeks,
      cap: streamCapWeeks(cls, settings),
    };
    reasons.push(
      // Only when the reason's whole numbers differ: "hold 4 (more than its P90 of 4)" says nothing.
      round(s.cover) > round(s.p90)
        ? reason("planReasonTier2Fill", {
            ...tier2,
            hold: round(s.cover),
            fill: round(100 * settings.streamFill, 1),
          })
        : reason("planReasonTier2", tier2),
    );
    if (s.unsure > 0)
      reasons.push(
        reason("planReasonUnsure", {
          qty: round(s.unsure),
          mode: state.bulk.mode,
          days: bulkUnsureDays(state),
        }),
      );
  } else {
    const fast = t < state.bulkArrival && state.fastSafetyStock !== state.safetyStock;
    reasons.push(
      reason(fast ? "planReasonTier1Fast" : "planReasonTier1", {
        ss: round(fast ? state.fastSafetyStock : state.safetyStock),
        cls,
        service: round((fast ? settings.serviceLevel[cls] : state.serviceLevel) * 100, 1),
        classService: round(settings.serviceLevel[cls] * 100, 1),
        weeks: settings.baseWeeks[cls],
        date: iso(state.planDate, t),
      }),
    );
  }
  const laneParams = {
    mode: d.lane.mode,
    lead: d.lead,
    need: iso(state.planDate, t),
    deadline: iso(state.planDate, d.deadline),
    late: Math.max(0, arrival - t),
  };
  if (d.dip)
    reasons.push(
      reason("planReasonSafetyDip", {
        ...laneParams,
        arrive: iso(state.planDate, arrival),
        fast: d.dip.fast,
        low: round(d.dip.low),
        lowDate: iso(state.planDate, d.dip.lowDay),
      }),
    );
  else if (d.noFly)
    reasons.push(
      reason("planReasonNoFly", {
        ...laneParams,
        arrive: iso(state.planDate, arrival),
        fast: d.noFly.fast,
        freight: round(d.noFly.freight, 2),
        margin: round(d.noFly.margin, 2),
      }),
    );
  else
    reasons.push(reason(d.kind === "onTime" ? "planReasonOnTime" : "planReasonBeforeStockout", laneParams));
  if (x.bulkLands !== null)
    reasons.push(
      reason("planReasonBridge", {
        mode: d.lane.mode,
        bulk: state.bulk.mode,
        arrive: iso(state.planDate, x.bulkLands),
        need: iso(state.planDate, t),
      }),
    );
  if (x.forStream)
    reasons.push(
      reason("planReasonFlownForStream", {
        mode: d.lane.mode,
        stream: by >= 0 ? state.streams[by].streamId : "",
        freight: round(x.forStream.freight, 2),
        margin: round(x.forStream.margin, 2),
      }),
    );
  reasons.push(
    reason("planReasonQty", {
      target: round(target),
      date: iso(state.planDate, binding),
      onHand: round(state.input.onHand),
      inTransit: round(inTransit),
      planned: round(earlier),
      netNeed: round(need, 1),
      qty,
    }),
  );
  if (d.lane === state.bulk && state.coverDays > 7 * settings.reviewWeeks)
    reasons.push(
      reason("planReasonFeeCycle", {
        weeks: round(state.coverDays / 7, 1),
        mode: d.lane.mode,
        fee: round(d.lane.lane.fixedCost ?? 0, 2),
      }),
    );
  if (qty > need + 1 && !d.lane.transfer && casePack > 1)
    reasons.push(reason("planReasonCasePack", { casePack }));
  if (lateTransit > 0)
    reasons.push(
      reason("planReasonLateTransit", { qty: round(lateTransit), date: iso(state.planDate, binding) }),
    );
  let lost = 0;
  let lostDay = 0;
  for (const w of state.lost)
    if (w.day <= binding && w.units > 0) {
      lost += w.units;
      lostDay = w.day;
    }
  if (round(lost) > 0)
    reasons.push(reason("planReasonLostSales", { lost: round(lost), date: iso(state.planDate, lostDay) }));
  if (d.delay > 0) reasons.push(reason("planReasonSupplyDelay", { days: d.delay }));
  if (freight === null) reasons.push(reason("planReasonNoCost", { mode: d.lane.mode }));
  return reasons;
}
