import { readPlanInput } from "../../../src/core/data/validate";
import { defaultPlanDate } from "../../../src/core/job";
import { runPlan, settingsFrom } from "../../../src/core/plan";
import { generateSeller, SAMPLE_OPTIONS } from "../../../src/sample/generate";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { projectPair } from "../../../src/core/plan/pairPlan";
import { addDays, weekStart, type Day } from "../../../src/core/time/day";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, input, item, lane, sku, stock, stream, weeklySales, wh } from "./fixtures";

describe("weeks of cover count the stock on hand, not what is in transit", () => {
  it("70 on hand and 700 arriving on day 3, 70 a week: 1 week", () => {
    const regular = lanesByWarehouse(
      input({ warehouses: [wh("W1")], lanes: [lane("W1", "SEA", 28, 1)] }),
    ).get("W1")!.regular;
    const s = projectPair(
      {
        sku: sku("S1"),
        warehouse: "W1",
        cls: "A",
        onHand: 70,
        inTransit: [{ qty: 700, eta: addDays(D0, 3) as Day }],
        forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 0 },
        streams: [],
        regular,
      },
      D0,
      140,
      SIMPLE,
    );
    expect(s.weeksOfCover).toBeCloseTo(1, 9);
  });
});

describe("in-transit stock is sellable receiving days after its ETA", () => {
  it("500 units due on day 9, 2 receiving days: not there for a stream on day 10", () => {
    const data = input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 0)],
      inTransit: [{ sku: "S1", warehouse: "W1", qty: 500 as Units, eta: addDays(D0, 9) }],
      streams: [stream("P1", "W1", addDays(D0, -30) as Day), stream("L1", "W1", addDays(D0, 10) as Day)],
      streamItems: [item("P1", "S1", 400), item("L1", "S1")],
      lanes: [lane("W1", "SEA", 28, 1)],
    });
    const plan = runPlan(data, D0, { ...SIMPLE, receivingDays: 2 });
    expect(plan.streams[0].availableUnits).toBe(0);
    expect(plan.streams[0].status).toBe("SHORT");
  });
});

describe("one line per SKU × warehouse × lane × week", () => {
  it("on a generated seller of 10 SKUs, no two shipments share SKU, warehouse, lane and ship-by week", () => {
    // Before, a shortfall sea could not reach on time became a sea line shipped now, then another two days
    // later for the next deficit, and so on: 16 such repeats on this seller.
    const read = readPlanInput(generateSeller({ ...SAMPLE_OPTIONS, skus: 10 }));
    const planDate = defaultPlanDate(read.input) as Day;
    const plan = runPlan(read.input, planDate, {
      ...settingsFrom(read.input.settings).settings,
      backtestWeeks: 0,
    });
    const seen = new Set<string>();
    for (const l of plan.lines.filter((x) => x.restockQty > 0)) {
      const k = `${l.sku}|${l.warehouse}|${l.mode}|${l.from}|${weekStart(l.shipBy as Day)}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
    expect(seen.size).toBeGreaterThan(50);
  });
});

describe("ABC per SKU × warehouse", () => {
  it("a SKU that sells 1 a week in W2 is class C there, though it is class A in W1", () => {
    const data = input({
      skus: ["S1", "S2", "S3", "S4"].map((s) => sku(s)),
      warehouses: [wh("W1"), wh("W2")],
      sales: [
        ...weeklySales("S1", "W1", 1000),
        ...weeklySales("S1", "W2", 1),
        ...weeklySales("S2", "W1", 10),
        ...weeklySales("S2", "W2", 300),
        ...weeklySales("S3", "W1", 10),
        ...weeklySales("S3", "W2", 100),
        ...weeklySales("S4", "W1", 10),
        ...weeklySales("S4", "W2", 100),
      ],
      lanes: [lane("W1", "SEA", 28, 1), lane("W2", "SEA", 28, 1)],
    });
    const plan = runPlan(data, D0, SIMPLE);
    const cls = (s: string, w: string) => plan.lines.find((l) => l.sku === s && l.warehouse === w)?.cls;
    expect([cls("S1", "W1"), cls("S1", "W2"), cls("S2", "W2")]).toEqual(["A", "C", "A"]);
  });
});
