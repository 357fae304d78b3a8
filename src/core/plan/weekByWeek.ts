import { applyLaneMinimums } from "./laneMinimums";
import { applyMoq } from "./moq";
import { planPairUntil, type PairState } from "./pairPlan";
import type { PlanSettings } from "./settings";

/**
 * Plans each SKU's pairs a week at a time over `settings.horizonWeeks`: a week's new lines of a
 * SKU share its supplier order (`applyMoq`, the MOQ across warehouses) and meet their lanes'
 * minimums (`applyLaneMinimums`) before the next week is planned from what they left. Only pairs
 * with new lines in a week take part in its order. `beforeWeek` runs first each week (the plan's
 * cancel check); `explain` false leaves the lines' reasons out (the backtest's replay reads none).
 * In place: the states hold their lines.
 *
 * @example planWeekByWeek(bySku, settings) // every pair's lines over the horizon, MOQ and minimums applied
 */
export function planWeekByWeek(
  bySku: ReadonlyMap<string, readonly PairState[]>,
  settings: PlanSettings,
  beforeWeek: () => void = () => {},
  explain = true,
): void {
  for (let week = 0; week < settings.horizonWeeks; week++) {
    beforeWeek();
    // Map.forEach: 5,000 SKUs a week, no iterator result and entry array each.
    bySku.forEach((pairs) => {
      const fresh: { state: PairState; index: number }[] = [];
      const starts: { state: PairState; from: number }[] = [];
      for (const state of pairs) {
        if (state.done) continue;
        const before = state.lines.length;
        planPairUntil(state, 7 * (week + 1), settings, explain);
        if (state.lines.length === before) continue;
        starts.push({ state, from: before });
        for (let i = before; i < state.lines.length; i++) fresh.push({ state, index: i });
      }
      if (fresh.length === 0) return;
      const sku = pairs[0].input.sku;
      applyMoq(sku, fresh);
      applyLaneMinimums(sku, starts, settings);
    });
  }
}
