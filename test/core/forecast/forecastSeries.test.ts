import fc from "fast-check";
import { InputError } from "../../../src/core/errors";
import { forecastSeries } from "../../../src/core/forecast";

const close = (a: number, b: number, tolerance = 1e-6) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tolerance);

describe("forecastSeries", () => {
  it("a constant history forecasts that constant (the @example)", () => {
    const f = forecastSeries(Object.freeze([5, 5, 5, 5, 5, 5]), 2);
    expect(f.mean).toEqual([5, 5]);
    expect(f.quantile(1, 0.9)).toBe(5);
  });

  it("a straight line is followed: 10, 12, …, 48 → 50, 52, 54", () => {
    const line = Object.freeze(Array.from({ length: 20 }, (_, i) => 10 + 2 * i));
    const f = forecastSeries(line, 3);
    [50, 52, 54].forEach((v, i) => close(f.mean[i], v, 1e-4));
    expect(f.method).toBe("ETS(A,A,N)");
  });

  it("a short straight line is followed too: 10, 12, …, 20 (six weeks) → 22, 24, 26", () => {
    const f = forecastSeries(Object.freeze([10, 12, 14, 16, 18, 20]), 3);
    [22, 24, 26].forEach((v, i) => close(f.mean[i], v, 1e-4));
    const four = forecastSeries([3, 6, 9, 12], 1);
    close(four.mean[0], 15, 1e-4);
  });

  it("recovers a multiplicative season on a synthetic series (level 100, peaks ×1.5 in month 12)", () => {
    const pattern = [0.8, 0.85, 0.9, 0.95, 1, 1, 1, 1, 1.05, 1.1, 0.85, 1.5];
    const y = Array.from({ length: 60 }, (_, t) => 100 * pattern[t % 12] * (1 + 0.01 * Math.sin(t * 1.7)));
    const f = forecastSeries(y, 12, { seasonLength: 12 });
    expect(f.method).toMatch(/×M12$/);
    f.mean.forEach((v, i) => close(v, 100 * pattern[i], 3));
  });

  it("finds a yearly season in three years of weekly data (season_length 52)", () => {
    const y = Array.from({ length: 156 }, (_, t) => 100 + 40 * Math.sin((2 * Math.PI * t) / 52));
    const f = forecastSeries(y, 52, { seasonLength: 52 });
    expect(f.method).toMatch(/×M52$/);
    f.mean.forEach((v, h) => close(v, 100 + 40 * Math.sin((2 * Math.PI * (156 + h)) / 52), 2));
  });

  it("uses an additive season when the history has zeros", () => {
    const pattern = [0, 10, 20, 30];
    const y = Array.from({ length: 24 }, (_, t) => 35 + pattern[t % 4]);
    y[0] = 0;
    const f = forecastSeries(y, 4, { seasonLength: 4 });
    expect(f.method).toMatch(/×A4$/);
  });

  it("intermittent demand gets a flat per-period rate, never a spike", () => {
    const y = [0, 0, 5, 0, 0, 0, 4, 0, 3, 0, 0, 0, 6, 0, 0, 2, 0, 0, 0, 4];
    const f = forecastSeries(y, 8);
    expect(["SES", "SBA", "TSB"]).toContain(f.method);
    expect(new Set(f.mean).size).toBe(1);
    expect(f.mean[0]).toBeGreaterThan(0);
    expect(f.mean[0]).toBeLessThan(3);
  });

  describe("bad input", () => {
    it("empty history → #N/A", () => {
      expect(() => forecastSeries([], 3)).toThrow(
        expect.objectContaining({ kind: "na", key: "forecastHistoryEmpty" }),
      );
    });
    it("NaN or Infinity in the history → #VALUE! naming the period", () => {
      expect(() => forecastSeries([1, NaN, 3], 3)).toThrow(
        expect.objectContaining({ kind: "value", params: { period: 2 } }),
      );
    });
    it("horizon 0, 2.5 or 521 → #NUM!", () => {
      for (const h of [0, 2.5, 521]) expect(() => forecastSeries([1, 2, 3], h)).toThrow(InputError);
    });
    it("season length 0 → #NUM!", () => {
      expect(() => forecastSeries([1, 2, 3], 2, { seasonLength: 0 })).toThrow(
        expect.objectContaining({ kind: "num" }),
      );
    });
    it("negative values (net returns) count as 0", () => {
      expect(forecastSeries([4, -2, 4, 4, 4, 4, 4, 4, 4, 4], 1).mean[0]).toBeGreaterThanOrEqual(0);
      expect(forecastSeries([-3, -1], 2).mean).toEqual([0, 0]);
    });
    it("all zeros → 0 with zero spread", () => {
      const f = forecastSeries([0, 0, 0, 0], 3);
      expect(f.mean).toEqual([0, 0, 0]);
      expect(f.quantile(3, 0.99)).toBe(0);
    });
    it("one point → that point; two or three → their mean", () => {
      expect(forecastSeries([7], 2).mean).toEqual([7, 7]);
      expect(forecastSeries([2, 4, 6], 1).mean).toEqual([4]);
    });
    it("fewer points than two seasons → no season", () => {
      const f = forecastSeries([1, 9, 1, 9, 1, 9, 1, 9, 1, 9], 2, { seasonLength: 12 });
      expect(f.method).not.toMatch(/×/);
    });
  });

  describe("invariants (fast-check)", () => {
    const history = fc.array(fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constant(0)), {
      minLength: 1,
      maxLength: 80,
    });
    it("forecasts are finite, ≥ 0, deterministic; quantiles are monotone in p and ≥ 0", () => {
      fc.assert(
        fc.property(history, fc.integer({ min: 1, max: 20 }), fc.constantFrom(1, 4, 12), (y, h, m) => {
          const frozen = Object.freeze(y.slice());
          const a = forecastSeries(frozen, h, { seasonLength: m });
          const b = forecastSeries(frozen, h, { seasonLength: m });
          expect(a.mean).toEqual(b.mean);
          expect(a.mean).toHaveLength(h);
          expect(Number.isFinite(a.sigma)).toBe(true);
          for (let step = 1; step <= h; step++) {
            const v = a.mean[step - 1];
            expect(Number.isFinite(v) && v >= 0).toBe(true);
            let previous = -Infinity;
            for (const p of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99]) {
              const q = a.quantile(step, p);
              expect(Number.isFinite(q) && q >= 0).toBe(true);
              expect(q).toBeGreaterThanOrEqual(previous);
              previous = q;
            }
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
