import { marketEvents } from "../../../src/core/calendar";
import { runPlan } from "../../../src/core/plan";
import { closureDelay } from "../../../src/core/plan/supplyDelay";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { planPairUntil, projectPair, type PairInput } from "../../../src/core/plan/pairPlan";
import { addDays, dayFromIso, type Day } from "../../../src/core/time/day";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, input, lane, sku, stock, wh } from "./fixtures";

describe("the Chinese New Year delay is keyed to the order date actually used", () => {
  // A closure from day 30 to day 58 adds 21 days to an order placed in it (production days 0 here).
  const closure = (d: Day) => (d - D0 >= 30 && d - D0 <= 58 ? 21 : 0);
  const regular = lanesByWarehouse(
    input({ warehouses: [wh("W1")], lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 7, 5)] }),
  ).get("W1")!.regular;
  const pair: PairInput = {
    sku: sku("S1"),
    warehouse: "W1",
    cls: "A",
    onHand: 600,
    inTransit: [],
    forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 0 },
    streams: [],
    regular,
    supplyDelay: closure,
  };

  it("an order placed before the closure takes no delay: it is not sent three weeks early and booked three weeks late", () => {
    const s = projectPair(pair, D0, 140, SIMPLE);
    const sea = planPairUntil(s, 7 * 8, SIMPLE).filter((l) => l.mode === "SEA");
    expect(sea.length).toBeGreaterThan(3);
    for (const l of sea) {
      const ship = (l.shipBy as Day) - D0;
      const lead = (l.arriveBy as Day) - (l.shipBy as Day);
      expect([ship, lead]).toEqual([ship, ship >= 30 && ship <= 58 ? 49 : 28]);
      expect(l.arriveBy as Day).toBeLessThanOrEqual(l.needBy as Day);
    }
  });
});

describe("the Chinese New Year closure delays an order whose production overlaps it", () => {
  it("production of 20 days from mid-January runs into the closure (2027-01-30 … 02-27): the order takes 21 more days", () => {
    const planDate = dayFromIso("2027-01-04") as Day;
    const sales = [];
    for (let w = 52; w >= 1; w--)
      sales.push({ date: addDays(planDate, -7 * w), sku: "S1", warehouse: "W1", units: 70 as Units });
    const data = input({
      skus: [sku("S1", { productionDays: 20 as never })],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 810)],
      sales,
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    const plan = runPlan(data, planDate, SIMPLE);
    const start = dayFromIso("2027-01-30") as Day;
    const end = dayFromIso("2027-02-27") as Day;
    const sea = plan.lines.filter((l) => l.mode === "SEA");
    expect(sea.some((l) => (l.shipBy as Day) < start)).toBe(true);
    for (const l of sea) {
      const ship = l.shipBy as Day;
      const overlaps = ship <= end && ship + 20 >= start;
      expect([ship, (l.arriveBy as Day) - ship]).toEqual([ship, overlaps ? 48 + 21 : 48]);
    }
  });
});

describe("closureDelay", () => {
  const events = marketEvents("US", dayFromIso("2027-01-01") as Day, dayFromIso("2027-12-31") as Day);
  const day = (iso: string) => dayFromIso(iso) as Day;
  it.each([
    ["2027-01-16", 20, 21], // production to 02-05 runs into the closure from 01-30
    ["2027-01-10", 20, 21], // production 01-10 … 01-30 reaches the closure's first day
    ["2027-01-09", 20, 0], // production 01-09 … 01-29 ends on its eve
    ["2027-02-10", 0, 21], // ordered inside the closure
    ["2027-02-28", 0, 0], // the day after the closure
  ] as const)("ordered %s with %d production days: %d days", (iso, production, delay) => {
    expect(closureDelay(events, day(iso), production)).toBe(delay);
  });
});
