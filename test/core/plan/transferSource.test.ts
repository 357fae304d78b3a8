import fc from "fast-check";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import type { Lane } from "../../../src/core/data/model";
import { planPairUntil, projectPair, type PairInput, type PairState } from "../../../src/core/plan/pairPlan";
import { bulkUnsureDays, requiredAt } from "../../../src/core/plan/projection";
import { sendByTransfer, spareForTransfer } from "../../../src/core/plan/transferSource";
import type { Reason } from "../../../src/core/plan/types";
import type { Days, Money, Units } from "../../../src/core/units";
import { addDays, type Day } from "../../../src/core/time/day";
import { D0, SIMPLE, input, lane, sku, wh } from "./fixtures";

const HORIZON = 7 * SIMPLE.horizonWeeks;
const WHY: Reason = { key: "planReasonRefill", params: { qty: 0, to: "W2", shipBy: "2026-03-02" } };

/** A source selling a flat 70 a week (σ 40), sea 28 days, planned over the horizon as `runPlan` does. */
function source(
  onHand: number,
  casePack = 1,
  more: { sea?: Partial<Lane>; moq?: number; streams?: PairInput["streams"] } = {},
): PairState {
  const sea = { ...lane("W1", "SEA", 28, 1), ...more.sea };
  const regular = lanesByWarehouse(input({ warehouses: [wh("W1")], lanes: [sea] })).get("W1")!.regular;
  const state = projectPair(
    {
      sku: sku("S1", { casePack: casePack as Units, moq: (more.moq ?? 0) as Units }),
      warehouse: "W1",
      cls: "A",
      onHand,
      inTransit: [],
      forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 40 },
      streams: more.streams ?? [],
      regular,
    },
    D0,
    140,
    SIMPLE,
  );
  planPairUntil(state, HORIZON, SIMPLE);
  return state;
}

const belowRequired = (s: PairState, from: number, to: number): number[] => {
  const out: number[] = [];
  for (let u = from; u < to; u++) if (s.stock[u] < requiredAt(s, u) - 1e-6) out.push(u);
  return out;
};

describe("spareForTransfer", () => {
  it("1,000 on hand at 10 a day, sea 28 days: the stock on day 27 (720) above the required level", () => {
    const s = source(1000);
    expect(s.bulkArrival).toBe(28);
    expect(spareForTransfer(s, 5)).toBe(Math.floor(720 - requiredAt(s, 27) + 1e-6));
  });

  it("nothing from a source already below its level before its sea can land, or past its projection", () => {
    expect(spareForTransfer(source(200), 0)).toBe(0);
    const s = source(1000);
    expect(spareForTransfer(s, s.days)).toBe(0);
  });
});

describe("sendByTransfer", () => {
  it("takes the units out on the ship day and orders them back by sea, in a line of its own or of its week", () => {
    const s = source(1000, 12);
    const before = s.lines.map((l) => l.restockQty).reduce((a, b) => a + b, 0);
    const stockBefore = Array.from(s.stock);
    sendByTransfer(s, 5, 100, SIMPLE, WHY);
    expect(s.stock[4]).toBe(stockBefore[4]);
    expect(s.stock[5]).toBeCloseTo(stockBefore[5] - 100, 9);
    // Back in whole cases of 12: 108, said with the reason given.
    expect(s.lines.map((l) => l.restockQty).reduce((a, b) => a + b, 0)).toBe(before + 108);
    expect(s.lines.filter((l) => l.reasons.includes(WHY))).toHaveLength(1);
    expect(new Set(s.lines.map((l) => l.shipBy)).size).toBe(s.lines.length);
  });

  it("with no sea line before the refill is due: the next one, within a week, leaves earlier with the units", () => {
    const s = source(600, 1, { sea: { minUnits: 300 as Units, fixedCost: 100 as Money }, moq: 400 });
    const before = s.lines.map((l) => ({ qty: l.restockQty, shipBy: l.shipBy }));
    sendByTransfer(s, 0, 60, SIMPLE, WHY);
    expect(s.lines).toHaveLength(before.length);
    const moved = s.lines.findIndex((l) => l.reasons.includes(WHY));
    expect(s.lines[moved].restockQty).toBe(before[moved].qty + 60);
    expect(s.lines[moved].shipBy).toBeLessThan(before[moved].shipBy as Day);
    expect(belowRequired(s, 0, HORIZON)).toEqual([]);
  });

  it("with none within a week either: a new sea line of at least the lane's minimum and the MOQ, with its fixed cost", () => {
    const s = source(3000, 1, { sea: { minUnits: 300 as Units, fixedCost: 100 as Money }, moq: 5000 });
    const lines = s.lines.length;
    // Sending all it can spare makes the source short long before its first planned sea order.
    const spare = spareForTransfer(s, 0);
    expect(spare).toBeLessThan(5000);
    sendByTransfer(s, 0, spare, SIMPLE, WHY);
    expect(s.lines).toHaveLength(lines + 1);
    const added = s.lines[lines];
    expect(added.restockQty).toBe(5000);
    expect(added.cost).toBe(100 + added.restockQty * 1);
    expect(added.reasons).toEqual([WHY]);
  });

  it("a refill for the source's own stream lands the sea's margin days before it, as the plan ships for a stream", () => {
    // Sea 28 ± 5 days: a stream's stock is not counted on when due within `bulkUnsureDays` (13) of it.
    const stream = { streamId: "X", date: addDays(D0, 45) as Day, mean: 300, p90: 400 };
    const s = source(1400, 1, { sea: { leadSdDays: 5 as Days }, streams: [stream] });
    const margin = bulkUnsureDays(s);
    expect(margin).toBe(13);
    sendByTransfer(s, 2, Math.floor(spareForTransfer(s, 2) / 2), SIMPLE, WHY);
    const refill = s.lines.find((l) => l.reasons.includes(WHY));
    expect(refill).toBeDefined();
    expect((refill?.arriveBy as Day) - D0).toBeLessThanOrEqual(45 - 1 - margin);
  });

  it("a source with nothing to order back within the horizon only sends the units", () => {
    const s = source(5000);
    const lines = s.lines.length;
    sendByTransfer(s, 0, 100, SIMPLE, WHY);
    expect(s.lines).toHaveLength(lines);
  });

  it("sending what it can spare keeps the source at its required level over the horizon; one unit more would not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 3000 }), fc.integer({ min: 0, max: 20 }), (onHand, day) => {
        const s = source(onHand);
        const spare = spareForTransfer(s, day);
        if (spare === 0) return;
        const short = belowRequired(s, day, HORIZON);
        sendByTransfer(s, day, spare, SIMPLE, WHY);
        expect(belowRequired(s, day, HORIZON)).toEqual(short);
        const more = source(onHand);
        sendByTransfer(more, day, spare + 1, SIMPLE, WHY);
        expect(belowRequired(more, day, more.bulkArrival).length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
