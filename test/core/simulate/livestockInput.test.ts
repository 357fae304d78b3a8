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
