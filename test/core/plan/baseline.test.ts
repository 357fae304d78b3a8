import fc from "fast-check";
import { cleanHistory } from "../../../src/core/forecast";
import { baselineHistory } from "../../../src/core/plan/baseline";
import { quickForecast } from "../../../src/core/plan/quickForecast";

describe("baselineHistory", () => {
  it("is cleanHistory's baseline for weekly records without stock history", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 600 })), {
          maxLength: 60,
        }),
        (weeks) => {
          const units = Float64Array.from(weeks.map(([u]) => u));
          const streamUnits = Float64Array.from(weeks.map(([u, s]) => Math.min(u, s)));
          const pair = {
            sku: "S",
            warehouse: "W",
            units,
            streamUnits,
            recentValue: 0,
            recentUnits: 0,
            priced: true,
          };
          const first = weeks.findIndex(([u]) => u > 0);
          const expected =
            first < 0
              ? []
              : cleanHistory(
                  weeks
                    .slice(first)
                    .map((_, i) => ({ units: units[first + i], streamUnits: streamUnits[first + i] })),
                ).baseline;
          expect(baselineHistory(pair)).toEqual(expected);
        },
      ),
    );
  });

  it("drops the weeks before the first sale and takes stream units out", () => {
    const pair = {
      sku: "S",
      warehouse: "W",
      units: Float64Array.from([0, 0, 10, 30, 0]),
      streamUnits: Float64Array.from([0, 0, 0, 20, 0]),
      recentValue: 0,
      recentUnits: 0,
      priced: true,
    };
    expect(baselineHistory(pair)).toEqual([10, 10, 0]);
  });
});

describe("quickForecast", () => {
  it("a constant series forecasts the constant with no error", () => {
    expect(quickForecast([7, 7, 7, 7, 7, 7])).toEqual({ method: "SES", rate: 7, sigma: 0 });
  });

  it("SES with α = 0.2 started at the mean of the first four weeks (hand-computed)", () => {
    // level₀ = (10 + 10 + 10 + 10)/4 = 10; after 10,10,10,10: 10; after 20: 10 + 0.2·10 = 12.
    // Errors 0,0,0,0,10 → RMSE = √(100/5) = √20.
    const f = quickForecast([10, 10, 10, 10, 20]);
    expect(f.rate).toBeCloseTo(12, 12);
    expect(f.sigma).toBeCloseTo(Math.sqrt(20), 12);
  });

  it("an intermittent series gets the SBA rate (1 − α/2)·z/p, α = 0.1 (hand-computed)", () => {
    // Demands 6 at week 3 (interval 3) and 6 at week 6 (interval 3): z = 6, p = 3 → 0.95 · 2 = 1.9.
    const f = quickForecast([0, 0, 6, 0, 0, 6]);
    expect(f.method).toBe("SBA");
    expect(f.rate).toBeCloseTo(1.9, 12);
  });

  it("all zeros forecast 0", () => {
    expect(quickForecast([0, 0, 0])).toEqual({ method: "Zero", rate: 0, sigma: 0 });
  });
});
