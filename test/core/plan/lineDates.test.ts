import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { isTransfer, lineDates, lineLane } from "../../../src/core/plan/lineDates";
import type { PlanLine } from "../../../src/core/plan/types";
import { addDays } from "../../../src/core/time/day";
import { D0, SIMPLE, input, lane, wh } from "./fixtures";

const lanes = lanesByWarehouse(
  input({
    warehouses: [wh("W1"), wh("W2")],
    lanes: [lane("W1", "SEA", 30, 1), lane("W1", "AIR", 7, 5), lane("W1", "TRANSFER", 3, 2, "W2")],
  }),
);

/** A line of 10 units into W1 on `mode` from `from`, ship-by D0, sellable on day 40. */
const line = (mode: PlanLine["mode"], from: string | null): PlanLine =>
  ({
    sku: "S1",
    warehouse: "W1",
    mode,
    from,
    restockQty: 10,
    shipBy: D0,
    arriveBy: addDays(D0, 40),
    reasons: [],
  }) as unknown as PlanLine;

describe("lineLane: the lane a line ships on", () => {
  it("matches the line's mode and origin; none for a lane the warehouse lacks", () => {
    expect(lineLane(line("SEA", "CN"), lanes)?.lane.leadDays).toBe(30);
    expect(lineLane(line("TRANSFER", "W2"), lanes)?.transfer).toBe(true);
    expect(lineLane(line("EXPRESS", "CN"), lanes)).toBeUndefined();
    expect(lineLane({ ...line("SEA", "CN"), warehouse: "W2" }, lanes)).toBeUndefined();
  });
});

describe("isTransfer and lineDates", () => {
  it("a transfer moves stock from a warehouse: no supplier order, it departs on its ship-by", () => {
    expect(isTransfer(line("TRANSFER", "W2"), lanes)).toBe(true);
    expect(isTransfer(line("SEA", "CN"), lanes)).toBe(false);
    const t = lineDates(line("TRANSFER", "W2"), lanes, SIMPLE);
    expect([t.orderDate, t.departs]).toEqual([null, D0]);
  });

  it("a supplier order: ordered on its ship-by, departs its transit before it arrives, receiving days before sellable", () => {
    const settings = { ...SIMPLE, receivingDays: 2 };
    const s = lineDates(line("SEA", "CN"), lanes, settings);
    expect([s.orderDate, s.arrives, s.departs]).toEqual([D0, addDays(D0, 38), addDays(D0, 8)]);
  });
});
