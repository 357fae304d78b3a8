import fc from "fast-check";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { planPairUntil, projectPair, type PairState } from "../../../src/core/plan/pairPlan";
import { requiredAt } from "../../../src/core/plan/projection";
import { sendByTransfer, spareForTransfer } from "../../../src/core/plan/transferSource";
import type { Reason } from "../../../src/core/plan/types";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, input, lane, sku, wh } from "./fixtures";

const HORIZON = 7 * SIMPLE.horizonWeeks;
const WHY: Reason = { key: "planReasonRefill", params: { qty: 0, to: "W2", shipBy: "2026-03-02" } };

/** A source selling a flat 70 a week (σ 40), sea 28 days, planned over the horizon as `runPlan` does. */
function source(onHand: number, casePack = 1): PairState {
  const regular = lanesByWarehouse(input({ warehouses: [wh("W1")], lanes: [lane("W1", "SEA", 28, 1)] })).get(
    "W1",
  )!.regular;
  const state = projectPair(
    {
      sku: sku("S1", { casePack: casePack as Units }),
      warehouse: "W1",
      cls: "A",
      onHand,
      inTransit: [],
      forecast: { method: "Constant", weekly: new Float64Array(30).fill(70), sigma: 40 },
      streams: [],
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
    sendByTransfer(s, 5, 100, HORIZON, WHY);
    expect(s.stock[4]).toBe(stockBefore[4]);
    expect(s.stock[5]).toBeCloseTo(stockBefore[5] - 100, 9);
    // Back in whole cases of 12: 108, said with the reason given.
    expect(s.lines.map((l) => l.restockQty).reduce((a, b) => a + b, 0)).toBe(before + 108);
    expect(s.lines.filter((l) => l.reasons.includes(WHY))).toHaveLength(1);
    expect(new Set(s.lines.map((l) => l.shipBy)).size).toBe(s.lines.length);
  });

  it("a source with nothing to order back within the horizon only sends the units", () => {
    const s = source(5000);
    const lines = s.lines.length;
    sendByTransfer(s, 0, 100, HORIZON, WHY);
    expect(s.lines).toHaveLength(lines);
  });

  it("sending what it can spare keeps the source at its required level over the horizon; one unit more would not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 3000 }), fc.integer({ min: 0, max: 20 }), (onHand, day) => {
        const s = source(onHand);
        const spare = spareForTransfer(s, day);
        if (spare === 0) return;
        const short = belowRequired(s, day, HORIZON);
        sendByTransfer(s, day, spare, HORIZON, WHY);
        expect(belowRequired(s, day, HORIZON)).toEqual(short);
        const more = source(onHand);
        sendByTransfer(more, day, spare + 1, HORIZON, WHY);
        expect(belowRequired(more, day, more.bulkArrival).length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
