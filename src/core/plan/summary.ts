import type { ShipModeName } from "../data/model";
import type { PlanSettings } from "./settings";
import type { Plan, PlanSummary } from "./types";

type Parts = Omit<Plan, "summary"> & { readonly emergencySpent: number };

/**
 * The few figures a person reads first: SKUs to restock now (ship-by within
 * the first review period) and within the horizon, freight cost and units by
 * mode, planned streams and those at risk (a featured SKU RISK, SHORT
 * or UNKNOWN),
 * emergency money spent, the backtest's two policies (fill, freight by mode,
 * cover: this plan against the naive one), and the stream model's accuracy on past streams.
 *
 * @example summarize(parts, settings).costByMode.SEA // freight by sea over the horizon
 */
export function summarize(p: Parts, settings: PlanSettings): PlanSummary {
  const now = p.planDate + 7 * settings.reviewWeeks;
  const skusNow = new Set<string>();
  const skus = new Set<string>();
  const costByMode: Partial<Record<ShipModeName, number>> = {};
  const unitsByMode: Partial<Record<ShipModeName, number>> = {};
  for (const l of p.lines) {
    if (l.restockQty <= 0 || l.mode === null || l.shipBy === null) continue;
    skus.add(l.sku);
    if (l.shipBy < now) skusNow.add(l.sku);
    costByMode[l.mode] = (costByMode[l.mode] ?? 0) + (l.cost ?? 0);
    unitsByMode[l.mode] = (unitsByMode[l.mode] ?? 0) + l.restockQty;
  }
  const planned = new Set<string>();
  const atRisk = new Set<string>();
  for (const s of p.streams) {
    planned.add(s.streamId);
    if (s.status !== "OK") atRisk.add(s.streamId);
  }
  return {
    planDate: p.planDate,
    skusToRestockNow: skusNow.size,
    skusToRestock: skus.size,
    costByMode,
    unitsByMode,
    streamsPlanned: planned.size,
    streamsAtRisk: atRisk.size,
    emergencySpent: p.emergencySpent,
    unplannable: p.unplannable.length,
    backtest: p.backtest && { weeks: p.backtest.weeks, planner: p.backtest.planner, naive: p.backtest.naive },
    streamModelAccuracy: p.streamModel?.accuracy ?? null,
  };
}

/**
 * The plan's summary (computed with the plan).
 *
 * @example planSummary(runPlan(input, planDate, DEFAULT_SETTINGS)).streamsAtRisk
 */
export function planSummary(plan: Plan): PlanSummary {
  return plan.summary;
}
