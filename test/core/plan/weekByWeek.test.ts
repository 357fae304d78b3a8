import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { projectPair, type PairInput, type PairState } from "../../../src/core/plan/pairPlan";
import { planWeekByWeek } from "../../../src/core/plan/weekByWeek";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, input, lane, sku, wh } from "./fixtures";

/** S1 at a warehouse: 10 a day (σ = 0), nothing on hand, sea 28 days; the SKU's MOQ is `moq`. */
function state(warehouse: string, moq: number): PairState {
  const pair: PairInput = {
    sku: sku("S1", { moq: moq as Units }),
    warehouse,
    cls: "A",
    onHand: 0,
    inTransit: [],
    forecast: {
      method: "Constant",
      weekly: new Float64Array(30).fill(70),
      sigma: 0,
    },
    streams: [],
    regular: lanesByWarehouse(
      input({
        warehouses: [wh(warehouse)],
        lanes: [lane(warehouse, "SEA", 28, 1)],
      }),
    ).get(warehouse)!.regular,
  };
  return projectPair(pair, D0, 140, SIMPLE);
}

const supplierOrder = (states: readonly PairState[], week: number): number =>
  states
    .flatMap((s) => s.lines)
    .filter((l) => l.shipBy !== null && l.shipBy >= D0 + 7 * week && l.shipBy < D0 + 7 * (week + 1))
    .reduce((a, l) => a + l.restockQty, 0);

describe("planWeekByWeek: a SKU's pairs planned a week at a time, each week's supplier order meeting the MOQ", () => {
  it("two warehouses' first-week orders share one MOQ of 500; the horizon's weeks each get their turn", () => {
    const states = [state("W1", 500), state("W2", 500)];
    const weeks: number[] = [];
    planWeekByWeek(new Map([["S1", states]]), { ...SIMPLE, horizonWeeks: 2 }, () => weeks.push(weeks.length));
    expect(weeks).toEqual([0, 1]);
    expect(supplierOrder(states, 0)).toBeGreaterThanOrEqual(500);
    // Raised once across both warehouses, not to 500 at each.
    expect(supplierOrder(states, 0)).toBeLessThan(1000);
    expect(states.every((s) => s.lines.every((l) => l.shipBy === null || l.shipBy < D0 + 14))).toBe(true);
  });

  it("without explanations the lines carry no reasons; with them, each line says why", () => {
    const quiet = [state("W1", 0)];
    planWeekByWeek(new Map([["S1", quiet]]), { ...SIMPLE, horizonWeeks: 1 }, undefined, false);
    const told = [state("W1", 0)];
    planWeekByWeek(new Map([["S1", told]]), { ...SIMPLE, horizonWeeks: 1 });
    expect(quiet[0].lines.length).toBeGreaterThan(0);
    expect(quiet[0].lines.map((l) => l.restockQty)).toEqual(told[0].lines.map((l) => l.restockQty));
    expect(quiet[0].lines.every((l) => l.reasons.length === 0)).toBe(true);
    expect(told[0].lines.every((l) => l.reasons.length > 0)).toBe(true);
  });
});
