import type { Lane } from "../../../src/core/data/model";
import { runPlan } from "../../../src/core/plan";
import { laneMinimum, minimumUnits, shipmentCost } from "../../../src/core/plan/lanes";
import type { Money, Units } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, lane, sku, stock, wh } from "./fixtures";

const withMin = (l: Lane, more: Partial<Lane>): Lane => ({ ...l, ...more });

/** A slow item: 1 unit a day, sea 28 days at 1 a unit, air 7 days at 5 a unit. */
const seller = (sea: Partial<Lane>, air: Partial<Lane> = {}) =>
  input({
    skus: [sku("S1", { weightKg: 0.5 })],
    warehouses: [wh("W1")],
    lanes: [withMin(lane("W1", "SEA", 28, 1), sea), withMin(lane("W1", "AIR", 7, 5), air)],
    stock: [stock("S1", "W1", 40)],
    sales: dailySales("S1", "W1", 1),
  });

const shipped = (p: ReturnType<typeof runPlan>) => p.lines.filter((l) => l.restockQty > 0);

describe("lane minimums and fixed cost per shipment", () => {
  it("minimumUnits: the larger of min_units and ⌈min_kg ÷ weight⌉; no weight, no kg minimum", () => {
    expect(minimumUnits({ minKg: 20 }, 0.07)).toBe(286);
    expect(minimumUnits({ minKg: 20, minUnits: 300 }, 0.07)).toBe(300);
    expect(minimumUnits({ minKg: 20 }, undefined)).toBe(0);
    expect(minimumUnits({}, 1)).toBe(0);
  });

  it("laneMinimum: the larger of min_units and min_kg ÷ weight, in whole cases", () => {
    expect(
      laneMinimum(
        { ...lane("W", "SEA", 1, 1), minKg: 100 },
        sku("S", { weightKg: 0.4, casePack: 12 as Units }),
      ),
    ).toBe(252);
    expect(
      laneMinimum(
        { ...lane("W", "SEA", 1, 1), minUnits: 300 as Units, minKg: 100 },
        sku("S", { weightKg: 0.4 }),
      ),
    ).toBe(300);
    // The kg minimum needs a weight.
    expect(laneMinimum({ ...lane("W", "SEA", 1, 1), minKg: 100 }, sku("S"))).toBe(0);
  });

  it("shipmentCost: unit freight × units + the fixed cost, nothing for no shipment", () => {
    const l = { ...lane("W", "SEA", 1, 2), fixedCost: 150 as Money };
    expect(shipmentCost(l, sku("S"), 100)).toBe(350);
    expect(shipmentCost(l, sku("S"), 0)).toBe(0);
  });

  it("without minimums the plan ships small sea lots; with min_units they are raised, and each line's cost has the fixed cost", () => {
    const free = shipped(runPlan(seller({}), D0, SIMPLE)).filter((l) => l.mode === "SEA");
    expect(free.some((l) => l.restockQty < 50)).toBe(true);
    // A fee of 5 makes shipments 5.5 weeks apart cheapest (`feeCycleWeeks`): 38 units, still below 50.
    const plan = runPlan(seller({ minUnits: 50 as Units, fixedCost: 5 as Money }), D0, SIMPLE);
    const sea = shipped(plan).filter((l) => l.mode === "SEA");
    expect(sea.length).toBeGreaterThan(0);
    for (const l of sea) {
      expect(l.restockQty).toBeGreaterThanOrEqual(50);
      expect(l.cost).toBeCloseTo(l.restockQty * 1 + 5, 9);
    }
    expect(sea.some((l) => l.reasons.some((r) => r.key === "planReasonLaneMinimum"))).toBe(true);
    // Fewer, larger lots: the raise covers the following weeks.
    expect(sea.length).toBeLessThan(free.length);
  });

  it("a fixed cost per shipment spaces the sea lots by its economic cycle, at most the horizon, and says so", () => {
    const free = shipped(runPlan(seller({}), D0, SIMPLE)).filter((l) => l.mode === "SEA");
    // Fee 80, 7 units a week, holding 10 × 25 % ÷ 52 a unit a week: √(160 ÷ (0.048 × 7)) ≈ 21.8 weeks → the 8-week horizon.
    const plan = runPlan(seller({ fixedCost: 80 as Money }), D0, SIMPLE);
    const sea = shipped(plan).filter((l) => l.mode === "SEA");
    expect(sea.length).toBeLessThan(free.length);
    expect(Math.max(...sea.map((l) => l.restockQty))).toBeGreaterThanOrEqual(56 - 1);
    const why = sea[0].reasons.find((r) => r.key === "planReasonFeeCycle");
    expect(why?.params).toEqual({ weeks: 8, mode: "SEA", fee: 80 });
    // A fee of 1 makes 2.4 weeks cheapest: lots of about 17 units, and still fewer lines than weekly ones.
    const small = shipped(runPlan(seller({ fixedCost: 1 as Money }), D0, SIMPLE)).filter(
      (l) => l.mode === "SEA",
    );
    const cycle = small.flatMap((l) => l.reasons).find((r) => r.key === "planReasonFeeCycle");
    expect(cycle?.params).toEqual({ weeks: 2.4, mode: "SEA", fee: 1 });
    expect(small.length).toBeLessThan(free.length);
    expect(free.every((l) => l.reasons.every((r) => r.key !== "planReasonFeeCycle"))).toBe(true);
  });

  it("a minimum dearer than the faster lane moves the line there, with its reason", () => {
    // Sea needs 10,000 units a shipment: 10,000 × 1 far above air's 5 a unit for a few units.
    const plan = runPlan(seller({ minUnits: 10_000 as Units }), D0, SIMPLE);
    const lines = shipped(plan);
    expect(lines.every((l) => l.mode === "AIR")).toBe(true);
    expect(lines.some((l) => l.reasons.some((r) => r.key === "planReasonLaneMoved"))).toBe(true);
  });
});
