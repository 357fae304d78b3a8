import fc from "fast-check";
import { countQuantile, fillLevel } from "../../../src/core/stream";
import { gammaQuantile, walkable, walkCount } from "../../../src/core/stream/countQuantile";

/** E[min(Y, s)] of the negative binomial (Poisson for α = 0) by its pmf: Σ_k min(k, s)·P(Y = k). */
function servedUnits(mean: number, alpha: number, s: number): number {
  const poisson = alpha <= 0;
  const r = poisson ? Infinity : 1 / alpha;
  let pmf = poisson ? Math.exp(-mean) : Math.pow(r / (r + mean), r);
  let served = 0;
  for (let k = 0; k < mean * 20 + 200; k++) {
    served += Math.min(k, s) * pmf;
    pmf *= poisson ? mean / (k + 1) : ((k + r) / (k + 1)) * (mean / (r + mean));
  }
  return served;
}

/** The smallest s that serves `fill` of the mean, by bisection on the pmf's own sums (E[min(Y, s)] grows with s). */
function bruteFillLevel(mean: number, alpha: number, fill: number): number {
  let [lo, hi] = [0, Math.ceil(mean * 20 + 200)];
  while (lo < hi) {
    const s = Math.floor((lo + hi) / 2);
    if (servedUnits(mean, alpha, s) >= fill * mean) hi = s;
    else lo = s + 1;
  }
  return lo;
}

describe("fillLevel: the stock that serves a share of a stream's units on average", () => {
  it("Poisson(2) at 90 %: E[min(Y, 3)] = 1.78 < 1.8 ≤ E[min(Y, 4)] = 1.93, so 4", () => {
    expect(servedUnits(2, 0, 3)).toBeCloseTo(1.782, 3);
    expect(fillLevel(2, 0, 0.9)).toBe(4);
  });

  it("is the smallest stock serving the share, for negative binomial counts", () => {
    for (const [mean, alpha, fill] of [
      [5, 0.3, 0.98],
      [45, 0.25, 0.98],
      [100, 0.3, 0.98],
      [100, 0.3, 0.9],
      [300, 0.05, 0.99],
      [0.5, 1, 0.95],
    ])
      expect(fillLevel(mean, alpha, fill)).toBe(bruteFillLevel(mean, alpha, fill));
  });

  it("a 98 % fill needs more than the P90 of a skewed stream; a 90 % fill needs less", () => {
    expect(fillLevel(100, 0.3, 0.98)).toBe(207);
    expect(countQuantile(100, 0.3, 0.9)).toBe(175);
    expect(fillLevel(100, 0.3, 0.9)).toBeLessThan(175);
  });

  it("above a mean of 500 the gamma approximation stays within 1 % of the exact count", () => {
    expect(fillLevel(500.001, 0, 0.5)).toBe(bruteFillLevel(500.001, 0, 0.5));
    expect(Math.abs(fillLevel(1000, 0.1, 0.98) / bruteFillLevel(1000, 0.1, 0.98) - 1)).toBeLessThan(0.01);
    expect(Math.abs(fillLevel(501, 0.3, 0.98) / fillLevel(499, 0.3, 0.98) - 1)).toBeLessThan(0.01);
  });

  it("no mean or no fill: nothing; a fill of 1 is read as 0.9999, a finite stock", () => {
    expect(fillLevel(0, 0.3, 0.98)).toBe(0);
    expect(fillLevel(10, 0.3, 0)).toBe(0);
    expect(fillLevel(10, 0.3, 1)).toBe(fillLevel(10, 0.3, 0.9999));
    expect(Number.isFinite(fillLevel(10, 0.3, 1))).toBe(true);
  });

  it("whole, never negative, and never less for a higher fill or a wider spread", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        (mean, alpha, fill) => {
          const s = fillLevel(mean, alpha, fill);
          expect(Number.isInteger(s) && s >= 0).toBe(true);
          expect(s).toBeLessThanOrEqual(fillLevel(mean, alpha, Math.min(0.999, fill + 0.005)));
          if (mean > 5 && fill >= 0.9) expect(s).toBeLessThanOrEqual(fillLevel(mean, alpha + 0.2, fill));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * E[min(Y, s)] of the negative binomial about μ·A, A = e^(σZ − σ²/2), by Simpson's rule over
 * z ∈ [−8, 8 + σ] in steps of 0.1 (the code sums a trapezoid grid of 0.25, and walks or reads
 * gammas where this sums pmfs).
 */
function servedMixed(mean: number, alpha: number, sigma: number, s: number): number {
  const h = 0.1;
  const n = 2 * Math.ceil((16 + sigma) / h / 2);
  let served = 0;
  let weight = 0;
  for (let i = 0; i <= n; i++) {
    const z = -8 + i * h;
    const c = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    const phi = c * Math.exp(-0.5 * z * z);
    served += phi * servedUnits(mean * Math.exp(sigma * z - (sigma * sigma) / 2), alpha, s);
    weight += phi;
  }
  return served / weight;
}

describe("fillLevel over a stream's unknown audience: the log-normal mixture, not one negative binomial", () => {
  const mixedAlpha = (alpha: number, sigma: number) => (1 + alpha) * Math.exp(sigma * sigma) - 1;

  it("mean 100, α 0.2, audience log-sd 0.375 at 98 %: 244, where the one negative binomial of its moments says 230", () => {
    expect(fillLevel(100, 0.2, 0.98, 0.375)).toBe(244);
    expect(fillLevel(100, mixedAlpha(0.2, 0.375), 0.98)).toBe(230);
    // 244 is the smallest stock serving 98 % under the mixture; 230 serves only 97.5 % of it.
    expect(servedMixed(100, 0.2, 0.375, 244)).toBeGreaterThanOrEqual(98);
    expect(servedMixed(100, 0.2, 0.375, 243)).toBeLessThan(98);
    expect(servedMixed(100, 0.2, 0.375, 230) / 100).toBeCloseTo(0.975, 3);
  });

  it("is the smallest stock serving the share under the mixture, walked or read through gammas", () => {
    for (const [mean, alpha, fill, sigma] of [
      [3, 0.3, 0.98, 0.4],
      [40, 0, 0.98, 0.3],
      [60, 0.25, 0.99, 0.6],
      [450, 0.1, 0.98, 0.2],
    ]) {
      const s = fillLevel(mean, alpha, fill, sigma);
      expect(servedMixed(mean, alpha, sigma, s)).toBeGreaterThanOrEqual(fill * mean - 1e-9);
      expect(servedMixed(mean, alpha, sigma, s - 1)).toBeLessThan(fill * mean);
    }
    // Too wide to walk (mean above 500): the gammas of the nodes, within 1 % of the pmf sums.
    const wide = fillLevel(800, 0.1, 0.98, 0.3);
    expect(servedMixed(800, 0.1, 0.3, Math.ceil(wide * 1.01))).toBeGreaterThanOrEqual(0.98 * 800);
    expect(servedMixed(800, 0.1, 0.3, Math.floor(wide * 0.99))).toBeLessThan(0.98 * 800);
  });

  it("no audience spread is the negative binomial's level; a wider audience never needs less", () => {
    expect(fillLevel(100, 0.2, 0.98, 0)).toBe(fillLevel(100, 0.2, 0.98));
    expect(fillLevel(100, 0.2, 0.98, -1)).toBe(fillLevel(100, 0.2, 0.98));
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (mean, alpha, sigma) => {
          const s = fillLevel(mean, alpha, 0.98, sigma);
          expect(Number.isInteger(s) && s >= 0).toBe(true);
          expect(s).toBeLessThanOrEqual(fillLevel(mean, alpha, 0.98, sigma + 0.1) + Math.max(1, 0.01 * s));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("an absurd audience spread stays finite", () => {
    expect(Number.isFinite(fillLevel(100, 0.2, 0.98, 50))).toBe(true);
    expect(fillLevel(100, 0.2, 0.98, 50)).toBe(fillLevel(100, 0.2, 0.98, 3));
  });
});

describe("the count walk and the gamma quantile countQuantile and fillLevel share", () => {
  it("walkCount visits P(Y = k) from 0 up and stops where told: Poisson(2)'s pmf sums to its P(Y ≤ 3)", () => {
    const seen: number[] = [];
    expect(walkCount(2, 0, (k, pmf) => (seen.push(pmf), k === 3))).toBe(3);
    expect(seen.reduce((a, b) => a + b, 0)).toBeCloseTo(0.857, 3);
    // Never told to stop: the walk's end, μ + 60 sd + 100.
    expect(walkCount(2, 0, () => false)).toBe(Math.ceil(2 + 60 * Math.sqrt(2) + 100));
  });

  it("walkCount walks a mixture of counts: P(Y = k) = Σ wᵢ·P(Yᵢ = k), even where a count's P(0) is below a double", () => {
    const mixture = { factor: Float64Array.of(0.5, 1.5), weight: Float64Array.of(0.5, 0.5) };
    const pmfs: number[] = [];
    walkCount(50, 0.2, (_, pmf) => (pmfs.push(pmf), false), mixture);
    const nb = (mean: number, k: number) => {
      let p = Math.pow(5 / (5 + mean), 5);
      for (let j = 0; j < k; j++) p *= ((j + 5) / (j + 1)) * (mean / (5 + mean));
      return p;
    };
    for (const k of [0, 10, 50, 120]) expect(pmfs[k]).toBeCloseTo(0.5 * nb(25, k) + 0.5 * nb(75, k), 12);
    expect(pmfs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // A Poisson node of mean 1,000 starts at e^−1000, no double: it is walked in logarithms and still counts.
    const wide = { factor: Float64Array.of(0.4, 1.6), weight: Float64Array.of(0.5, 0.5) };
    let total = 0;
    let mean = 0;
    walkCount(625, 0, (k, pmf) => ((total += pmf), (mean += k * pmf), false), wide);
    expect(total).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(625, 6);
  });

  it("gammaQuantile is Wilson–Hilferty's: mean 1,000, variance 101,000 at z 1.2816 → about 1,422", () => {
    expect(gammaQuantile(1000, 101000, 1.2816)).toBeCloseTo(1422, 0);
    expect(gammaQuantile(1000, 101000, -40)).toBe(0);
  });
});

describe("counts from slips of the hand stay finite and quick", () => {
  it("a mean too small for 1 − P(0) to show: one unit serves it", () => {
    expect(fillLevel(1e-120, 0.3, 0.98)).toBe(1);
    expect(countQuantile(1e-120, 0.3, 0.9)).toBe(0);
  });

  it("a huge dispersion is read through the gamma, not walked unit by unit (it would not end)", () => {
    expect(walkable(100, 100 + 0.3 * 100 * 100)).toBe(true);
    expect(walkable(100, 100 + 1e12 * 100 * 100)).toBe(false);
    for (const alpha of [1e12, 1e136, Infinity]) {
      expect(Number.isFinite(countQuantile(100, alpha, 0.9))).toBe(true);
      expect(Number.isFinite(fillLevel(100, alpha, 0.98))).toBe(true);
    }
    // Where the walk and the gamma meet (variance 100,000), they agree within 2 %.
    expect(countQuantile(300, 1.1, 0.9) / countQuantile(300, 1.12, 0.9)).toBeCloseTo(1, 1);
  });
});
