import fc from "fast-check";
import { demandOver, restockQty, roundUpToMultiple, weeksOfCover } from "../../../src/core/inventory";
import { expectClose } from "../../helpers/close";

describe("demandOver", () => {
  test("docs examples: [100,200,300] over 2.5 weeks = 450; [100,200] over 4 = 600", () => {
    expect(demandOver(Object.freeze([100, 200, 300]), 2.5)).toBe(450);
    expect(demandOver([100, 200], 4)).toBe(600);
  });
  test("a flat rate is a one-week vector continued at itself", () => {
    expect(demandOver(100, 3.5)).toBe(350);
    expect(demandOver(100, 0)).toBe(0);
  });
  test("exactly the given weeks, and a fraction past them at the mean", () => {
    expect(demandOver([1, 2, 3], 3)).toBe(6);
    expectClose(demandOver([1, 2, 3], 3.5), 7);
  });
  test("no weeks → InputError(na); a negative week → InputError(num)", () => {
    expect(() => demandOver([], 1)).toThrow(expect.objectContaining({ kind: "na" }));
    expect(() => demandOver([1, -2], 1)).toThrow(expect.objectContaining({ kind: "num" }));
  });
});

describe("weeksOfCover", () => {
  test("docs examples: 250 against 100/week → 2.5; 500 against [100, 200] → 3.33", () => {
    expect(weeksOfCover(250, [100, 100, 100])).toBe(2.5);
    expectClose(weeksOfCover(500, [100, 200]), 10 / 3);
  });
  test("stock of 0 or less covers 0 weeks; all-zero demand with stock → InputError(num)", () => {
    expect(weeksOfCover(0, [5])).toBe(0);
    expect(weeksOfCover(-3, [5])).toBe(0);
    expect(() => weeksOfCover(1, [0, 0])).toThrow(expect.objectContaining({ kind: "num" }));
  });
  test("property: the inverse of demandOver", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.01, max: 30, noNaN: true }),
        (demand, w) => expectClose(weeksOfCover(demandOver(demand, w), demand), w, 1e-9),
      ),
    );
  });
});

describe("restockQty", () => {
  const base = { onHand: 0, inTransit: 0, weeklyDemand: 100, leadTimeWeeks: 4 } as const;
  test("docs example: (100·5 + 50 − 120) = 430 → 36 cases of 12 = 432", () => {
    expect(restockQty({ ...base, onHand: 120, safetyStock: 50, casePack: 12 })).toBe(432);
  });
  test("protection interval = lead time + review period (one week by default)", () => {
    expect(restockQty(base)).toBe(500);
    expect(restockQty({ ...base, reviewWeeks: 0 })).toBe(400);
    expect(restockQty({ ...base, reviewWeeks: 2 })).toBe(600);
  });
  test("in-transit and on-hand stock reduce the need; a surplus orders nothing, MOQ or not", () => {
    expect(restockQty({ ...base, onHand: 200, inTransit: 250 })).toBe(50);
    expect(restockQty({ ...base, onHand: 600, moq: 1000 })).toBe(0);
  });
  test("MOQ lifts a small positive need before rounding to cases", () => {
    expect(restockQty({ ...base, onHand: 490, moq: 100, casePack: 24 })).toBe(120);
  });
  test("float noise does not add a case: need 1200 + 1e-10 with a case of 12 is 1200", () => {
    expect(roundUpToMultiple(1200.0000000001, 12)).toBe(1200);
    expect(roundUpToMultiple(25, 12)).toBe(36);
    expect(roundUpToMultiple(0.3, 0.1)).toBeCloseTo(0.3, 12);
  });
  test("large quantities round up too: a third of a case over is not float noise (fuzz: MOQ 1e9, case 3)", () => {
    expect(roundUpToMultiple(1e9, 3)).toBe(1_000_000_002);
    expect(roundUpToMultiple(1.2e12 + 1, 12)).toBe(1.2e12 + 12);
    expect(roundUpToMultiple(3e9, 3)).toBe(3e9);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 48 }), fc.double({ min: 0.1, max: 10, noNaN: true })),
        (x, step) => {
          const r = roundUpToMultiple(x, step);
          // Within float precision: the product of cases and step is itself rounded.
          const ulps = 4 * Number.EPSILON * x;
          expect(r).toBeGreaterThanOrEqual(x - 1e-6 * step - ulps);
          expect(r - x).toBeLessThan(step * (1 + 1e-9) + ulps);
        },
      ),
    );
    expect(
      restockQty({
        ...base,
        onHand: 0,
        weeklyDemand: 0,
        leadTimeWeeks: 0,
        reviewWeeks: 0,
        safetyStock: 1,
        moq: 1e9,
        casePack: 3,
      }),
    ).toBe(1_000_000_002);
  });
  test("bad parameters throw InputError(num)", () => {
    for (const bad of [
      { leadTimeWeeks: -1 },
      { reviewWeeks: -1 },
      { inTransit: -1 },
      { safetyStock: -1 },
      { moq: -1 },
      { casePack: 0 },
    ])
      expect(() => restockQty({ ...base, ...bad })).toThrow(expect.objectContaining({ kind: "num" }));
  });

  const params = fc.record({
    onHand: fc.integer({ min: -200, max: 5000 }),
    inTransit: fc.integer({ min: 0, max: 2000 }),
    weeklyDemand: fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 10 }),
    leadTimeWeeks: fc.double({ min: 0, max: 12, noNaN: true }),
    safetyStock: fc.integer({ min: 0, max: 1000 }),
    reviewWeeks: fc.double({ min: 0, max: 4, noNaN: true }),
    moq: fc.integer({ min: 0, max: 600 }),
    casePack: fc.integer({ min: 1, max: 48 }),
  });
  test("property: ≥ 0 and a whole number of cases", () => {
    fc.assert(
      fc.property(params, (p) => {
        const q = restockQty(p);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(q / p.casePack)).toBe(true);
      }),
    );
  });
  test("property: non-decreasing in demand and lead time, non-increasing in stock", () => {
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        (p, more, longer) => {
          const q = restockQty(p);
          expect(
            restockQty({ ...p, weeklyDemand: p.weeklyDemand.map((d) => d + more) }),
          ).toBeGreaterThanOrEqual(q);
          expect(restockQty({ ...p, leadTimeWeeks: p.leadTimeWeeks + longer })).toBeGreaterThanOrEqual(q);
          expect(restockQty({ ...p, onHand: p.onHand + more })).toBeLessThanOrEqual(q);
          expect(restockQty({ ...p, inTransit: p.inTransit + more })).toBeLessThanOrEqual(q);
        },
      ),
    );
  });
});
