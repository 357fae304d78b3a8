import {
  fitSmoothing,
  isSeasonal,
  linearTrend,
  isSeasonalAnova,
  nelderMead,
  seasonalIndices,
  smoothingForecast,
  smoothingVarianceFactors,
  thetaForecast,
} from "../../../src/core/forecast";

// The @example of each building block, checked.
describe("forecast building blocks", () => {
  it("nelderMead finds the minimum of (x − 3)²", () => {
    expect(nelderMead(([x]) => (x - 3) ** 2, [0], [1]).x[0]).toBeCloseTo(3, 3);
  });

  it("fitSmoothing on a constant history keeps that level", () => {
    expect(fitSmoothing([10, 10, 10, 10], "N").level).toBeCloseTo(10, 6);
  });

  it("smoothingForecast: ℓ + (φ + … + φʰ)b", () => {
    expect(smoothingForecast({ level: 10, trend: 1, phi: 1 }, 2)).toEqual([11, 12]);
    expect(smoothingForecast({ level: 10, trend: 1, phi: 0.5 }, 2)).toEqual([10.5, 10.75]);
  });

  it("smoothingVarianceFactors for SES: 1, 1 + α², 1 + 2α² (Hyndman et al. 2008, table 6.1)", () => {
    expect(smoothingVarianceFactors({ alpha: 0.5, beta: 0, phi: 1 }, 3)).toEqual([1, 1.25, 1.5]);
  });

  it("isSeasonal detects an alternating series and rejects a line", () => {
    expect(isSeasonal([1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5], 2)).toBe(true);
    expect(isSeasonal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 2)).toBe(false);
    expect(isSeasonal([1, 5, 1], 2)).toBe(false);
  });

  it("isSeasonalAnova accepts a smooth 52-week season the autocorrelation test rejects, and rejects a line", () => {
    expect(isSeasonalAnova([1, 5, 1, 5, 1, 5, 1, 5], 2)).toBe(true);
    const weekly = Array.from({ length: 156 }, (_, t) => 100 + 40 * Math.sin((2 * Math.PI * t) / 52));
    expect(isSeasonal(weekly, 52)).toBe(false);
    expect(isSeasonalAnova(weekly, 52)).toBe(true);
    expect(
      isSeasonalAnova(
        Array.from({ length: 120 }, (_, t) => 3 * t),
        52,
      ),
    ).toBe(false);
  });

  it("seasonalIndices: multiplicative ratios with mean 1, additive when a value is 0", () => {
    expect(seasonalIndices([1, 3, 1, 3, 1, 3], 2).indices).toEqual([0.5, 1.5]);
    const additive = seasonalIndices([0, 2, 0, 2, 0, 2], 2);
    expect(additive.kind).toBe("A");
    expect(additive.indices).toEqual([-1, 1]);
  });

  it("thetaForecast on 1..6: the level 6 plus half the slope", () => {
    expect(thetaForecast([1, 2, 3, 4, 5, 6], 1)[0]).toBeCloseTo(6.5, 3);
  });

  it("thetaForecast given the series' own SES fit forecasts exactly as without it, and builds on the fit given", () => {
    const x = [12, 9, 14, 11, 15, 13, 18, 16];
    const ses = fitSmoothing(x, "N");
    expect(thetaForecast(x, 4, ses)).toEqual(thetaForecast(x, 4));
    const higher = thetaForecast(x, 4, { ...ses, level: ses.level + 10 });
    higher.forEach((v, h) => expect(v).toBeCloseTo(thetaForecast(x, 4)[h] + 10, 9));
  });
});

describe("linearTrend", () => {
  it("docs example: [1, 3, 5] → slope 2, intercept 1; one point → slope 0", () => {
    expect(linearTrend([1, 3, 5])).toEqual({ slope: 2, intercept: 1 });
    expect(linearTrend([7])).toEqual({ slope: 0, intercept: 7 });
  });
});
