import fc from "fast-check";
import { inverseStandardNormal, safetyStock, safetyStockFromHistory } from "../../../src/core/inventory";
import { expectClose } from "../../helpers/close";

describe("inverseStandardNormal (NORM.S.INV)", () => {
  test.each([
    // Excel NORM.S.INV / standard normal tables
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.98, 2.0537489106318225],
    [0.99, 2.3263478740408408],
    [0.999, 3.090232306167813],
    [0.02, -2.0537489106318225],
    [1e-10, -6.361340902404056],
  ])("Φ⁻¹(%p) = %p", (p, z) => expectClose(inverseStandardNormal(p), z, 1e-12));
  test("p outside (0, 1) throws InputError(num)", () => {
    for (const p of [0, 1, -0.1, 1.5, NaN])
      expect(() => inverseStandardNormal(p)).toThrow(expect.objectContaining({ kind: "num" }));
  });
});

describe("safetyStock", () => {
  test("issue 2 textbook case: μ 100, σ 30, L 4, σL 1, 95 % → 1.6449·√(3600 + 10000) = 191.82", () => {
    expectClose(safetyStock(100, 30, 4, 0.95, 1), 191.82124745631697, 1e-12);
  });
  test("no lead-time variance: z·σ·√L (Silver, Pyke & Peterson ex. 7.7 shape: σ 30, L 4, 95 % → 98.69)", () => {
    expectClose(safetyStock(100, 30, 4, 0.95), 1.6448536269514722 * 60, 1e-12);
  });
  test("50 % service level → 0; below it the formula goes negative", () => {
    expect(safetyStock(100, 30, 4, 0.5)).toBe(0);
    expect(safetyStock(100, 30, 4, 0.3)).toBeLessThan(0);
  });
  test("bad parameters throw InputError(num)", () => {
    const cases: [number, number, number, number, number][] = [
      [100, 30, -1, 0.95, 0],
      [100, 30, 4, 1, 0],
      [100, 30, 4, 0.95, -1],
      [100, -30, 4, 0.95, 0],
    ];
    for (const args of cases)
      expect(() => safetyStock(...args)).toThrow(expect.objectContaining({ kind: "num" }));
  });
  test("property: non-decreasing in service level and in lead time", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 52, noNaN: true }),
        fc.double({ min: 0, max: 52, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (mu, sd, l1, l2, s1, s2, lsd) => {
          const [lo, hi] = [Math.min(l1, l2), Math.max(l1, l2)];
          const [slo, shi] = [Math.min(s1, s2), Math.max(s1, s2)];
          expect(safetyStock(mu, sd, lo, slo, lsd)).toBeLessThanOrEqual(
            safetyStock(mu, sd, hi, slo, lsd) + 1e-9,
          );
          expect(safetyStock(mu, sd, lo, slo, lsd)).toBeLessThanOrEqual(
            safetyStock(mu, sd, lo, shi, lsd) + 1e-9,
          );
        },
      ),
    );
  });
});

describe("safetyStockFromHistory", () => {
  test("docs example: [80, 120, 100, 70, 130], L 4, 95 % → 1.6449·√(4·650) = 83.87", () => {
    expectClose(
      safetyStockFromHistory(Object.freeze([80, 120, 100, 70, 130]), 4, 0.95),
      1.6448536269514722 * Math.sqrt(2600),
      1e-12,
    );
  });
  test("fewer than two points → InputError(na); a negative point → InputError(num)", () => {
    expect(() => safetyStockFromHistory([5], 4, 0.95)).toThrow(expect.objectContaining({ kind: "na" }));
    expect(() => safetyStockFromHistory([5, -1], 4, 0.95)).toThrow(expect.objectContaining({ kind: "num" }));
  });
});
