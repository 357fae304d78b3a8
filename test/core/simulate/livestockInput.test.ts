import * as plan from "../../../src/core/plan";
import type { PlanInput } from "../../../src/core/data/model";
import { parseWorld, type World } from "../../../src/core/simulate";
import { startRun, stepWeek } from "../../../src/core/simulate/loop";
import { livestockPolicy } from "../../../src/core/simulate/policies/livestock";
import type { Policy } from "../../../src/core/simulate/policies/policy";
import type { SellerView } from "../../../src/core/simulate/sellerView";
import { realise } from "../../../src/core/simulate/realisation";
import { addDays } from "../../../src/core/time/day";
import { TINY_WORLD } from "./tinyWorld";

const WORLD = parseWorld(TINY_WORLD).world as World;

describe("the LiveStock policy's view of shipments under way", () => {
  it("tells the plan each shipment's arrival at the warehouse (ETA), not its sellable day: the plan adds the receiving days", () => {
    const inputs: PlanInput[] = [];
    const runPlan = plan.runPlan;
    const spy = jest.spyOn(plan, "runPlan").mockImplementation((input, ...rest) => {
      inputs.push(input);
      return runPlan(input, ...rest);
    });
    const views: SellerView[] = [];
    const inner = livestockPolicy(WORLD);
    const policy: Policy = {
      ...inner,
      decide: (view, hooks) => {
        views.push(view);
        return inner.decide(view, hooks);
      },
    };
    const r = realise(WORLD, 1, 0, 2);
    const run = startRun(r, policy);
    stepWeek(r, run);
    stepWeek(r, run);
    spy.mockRestore();

    expect(inputs.length).toBe(2);
    let checked = 0;
    inputs.forEach((input, w) => {
      const underWay = views[w].inTransit.filter((s) => !s.order);
      expect(input.inTransit.length).toBe(underWay.length);
      underWay.forEach((s, i) => {
        // The view's ETA is the stated sellable day (production + lane + receiving).
        expect(input.inTransit[i].eta).toBe(addDays(s.eta, -WORLD.receivingDays));
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(0);
  });
});

describe("the LiveStock policy's tier 3 lines", () => {
  it("are ordered from the supplier as the plan assumes: production first, then the flight; counted as emergency spend", () => {
    const runPlan = plan.runPlan;
    const spy = jest.spyOn(plan, "runPlan").mockImplementation((input, planDate, ...rest) => {
      const real = runPlan(input, planDate, ...rest);
      const line: plan.PlanLine = {
        ...real.lines[0],
        sku: "A",
        warehouse: "US-West",
        restockQty: 30,
        tier: "tier3",
        mode: "AIR",
        from: null,
        shipBy: planDate,
        cost: 90,
      };
      return { ...real, lines: [line] };
    });
    const r = realise(WORLD, 1, 0, 1);
    const run = startRun(r, livestockPolicy(WORLD));
    stepWeek(r, run);
    spy.mockRestore();

    const sku = WORLD.skus[0];
    const air = WORLD.lanes[1];
    const [s] = run.trace.shipments;
    expect(s).toEqual(expect.objectContaining({ mode: "AIR", qty: 30, emergency: true, tier: "tier3" }));
    const departs = addDays(s.shipDay, r.production(sku, s.shipDay));
    expect(r.production(sku, s.shipDay)).toBeGreaterThanOrEqual(sku.productionDays);
    expect(s.arrival).toBe(addDays(departs, r.transit(air, departs) + WORLD.receivingDays));
  });
});

describe("a lane's minimum and fixed cost in the closed loop", () => {
  it("reach the plan as the workbook's Lanes would state them; its sea shipments carry the minimum and pay the fee", () => {
    const lanes = TINY_WORLD.lanes.map((l, i) => (i === 0 ? { ...l, minUnits: 200, fixedCost: 50 } : l));
    const world = parseWorld({ ...TINY_WORLD, lanes }).world as World;
    const inputs: PlanInput[] = [];
    const runPlan = plan.runPlan;
    const spy = jest.spyOn(plan, "runPlan").mockImplementation((input, ...rest) => {
      inputs.push(input);
      return runPlan(input, ...rest);
    });
    const r = realise(world, 1, 0, world.weeks);
    const run = startRun(r, livestockPolicy(world));
    for (let w = 0; w < world.weeks; w++) stepWeek(r, run);
    spy.mockRestore();

    expect(inputs[0].lanes[0]).toMatchObject({ to: "US-West", mode: "SEA", minUnits: 200, fixedCost: 50 });
    expect(inputs[0].lanes[1]).not.toHaveProperty("fixedCost");
    const sea = run.trace.shipments.filter(
      (s) => s.mode === "SEA" && r.pairs[s.pair].warehouse === "US-West",
    );
    expect(sea.length).toBeGreaterThan(0);
    for (const s of sea) {
      expect(s.qty).toBeGreaterThanOrEqual(200);
      const sku = r.pairs[s.pair].sku;
      expect(s.cost).toBeCloseTo(50 + s.qty * sku.weightKg * 1, 9);
    }
  });
});
