import fc from "fast-check";
import type { Stream } from "../../../src/core/data/model";
import {
  audienceSpread,
  countQuantile,
  viewersElasticity,
  withAudience,
  type StreamLevels,
} from "../../../src/core/stream";
import type { Day } from "../../../src/core/time/day";

const past = (date: number, real: number, expected?: number): Stream => ({
  streamId: `S${date}`,
  date: date as Day,
  warehouse: "W1",
  peakViewers: real,
  avgDwellMin: 3,
  ...(expected !== undefined ? { expectedViewers: expected } : {}),
});

const power = (b: number): StreamLevels => ({
  method: "power",
  shop: { k: 0.01, b, c: 0.5 },
  skuFactor: new Map(),
  warehouseFactor: new Map(),
});

describe("audienceSpread: how far real audiences land from plan", () => {
  it("a slip of the hand moves it no more than a hundredfold miss would; under one viewer is not an audience", () => {
    const usual = Array.from({ length: 40 }, (_, i) => past(i + 1, 10000 * (i % 2 ? 1.2 : 0.8), 10000));
    const slip = audienceSpread([...usual, past(50, 1e-120, 6090)], 60 as Day, 0.3);
    expect(slip).toEqual(audienceSpread(usual, 60 as Day, 0.3));
    const thousandfold = audienceSpread([...usual, past(50, 6, 6090)], 60 as Day, 0.3);
    const hundredfold = audienceSpread([...usual, past(50, 60.9, 6090)], 60 as Day, 0.3);
    expect(thousandfold.bias).toBeCloseTo(hundredfold.bias, 12);
    expect(thousandfold.sd).toBeCloseTo(hundredfold.sd, 12);
    expect(thousandfold.sd).toBeLessThan(1);
  });

  it("without a past stream recording its expected viewers, the prior: no bias, the setting's spread", () => {
    expect(audienceSpread([past(1, 12000), past(2, 8000)], 10 as Day, 0.3)).toEqual({
      bias: 0,
      sd: 0.3,
      n: 0,
    });
  });

  it("one stream moves it a little (the prior counts as 5 streams)", () => {
    const a = audienceSpread([past(1, 12000, 10000)], 10 as Day, 0.3);
    expect(a.n).toBe(1);
    expect(a.bias).toBeCloseTo(Math.log(1.2) / 6, 12);
    expect(a.sd).toBeCloseTo(0.3, 12);
  });

  it("many streams on plan teach a narrow spread; streams after the as-of day are not known", () => {
    const onPlan = Array.from({ length: 95 }, (_, i) => past(i, 10000 * (i % 2 ? 1.05 : 0.95), 10000));
    const a = audienceSpread([...onPlan, past(200, 90000, 10000)], 100 as Day, 0.3);
    expect(a.n).toBe(95);
    const r = onPlan.map((s) => Math.log(s.peakViewers / 10000));
    const mean = r.reduce((x, y) => x + y) / 95;
    const squares = r.reduce((x, y) => x + (y - mean) ** 2, 0);
    // ≈ 0.083, where the prior alone says 0.3.
    expect(a.sd).toBeCloseTo(Math.sqrt((5 * 0.09 + squares) / 99), 12);
    expect(a.sd).toBeLessThan(0.09);
    expect(Math.abs(a.bias)).toBeLessThan(0.01);
  });

  it("streams that draw twice their plan teach a bias of about ln 2", () => {
    const doubled = Array.from({ length: 45 }, (_, i) => past(i, 20000, 10000));
    expect(audienceSpread(doubled, 100 as Day, 0.3).bias).toBeCloseTo((45 * Math.log(2)) / 50, 12);
  });
});

describe("viewersElasticity: units' response to viewers under the model", () => {
  it("is the sales law's exponent", () => {
    expect(viewersElasticity(power(1.2), 10000, 3)).toBeCloseTo(1.2, 9);
    expect(viewersElasticity(power(0.7), 500, 3, "S1", "W1")).toBeCloseTo(0.7, 9);
  });

  it("is 0 where the model sells nothing (no dwell)", () => {
    expect(viewersElasticity(power(1.2), 10000, 0)).toBe(0);
  });
});

describe("withAudience: the stream's units mixed over its audience", () => {
  it("a certain audience changes nothing", () => {
    const m = withAudience(100, 0.1, 1.2, { bias: 0, sd: 0, n: 0 });
    expect(m.mean).toBe(100);
    expect(m.alpha).toBeCloseTo(0.1, 12);
    expect(m.logSd).toBe(0);
  });

  it("matches the doc's example: mean 106.7, α 0.252, and the units' log-sd b·sd = 0.36", () => {
    const m = withAudience(100, 0.1, 1.2, { bias: 0, sd: 0.3, n: 0 });
    expect(m.mean).toBeCloseTo(100 * Math.exp(0.0648), 9);
    expect(m.alpha).toBeCloseTo(1.1 * Math.exp(0.1296) - 1, 9);
    expect(m.logSd).toBeCloseTo(0.36, 12);
    // A negative elasticity is read as none: the audience then moves nothing.
    expect(withAudience(100, 0.1, -1, { bias: 0, sd: 0.3, n: 0 }).logSd).toBe(0);
  });

  it("matches a Monte Carlo mixture's mean and variance", () => {
    // Gauss–Hermite would do as well; a fixed-seed sum over a fine normal grid is enough here.
    const mu = 50;
    const alpha = 0.2;
    const b = 1.3;
    const sd = 0.4;
    let m1 = 0;
    let m2 = 0;
    let w = 0;
    for (let z = -8; z <= 8; z += 0.001) {
      const p = Math.exp((-z * z) / 2);
      const m = mu * Math.exp(b * sd * z);
      m1 += p * m;
      m2 += p * (m + alpha * m * m + m * m);
      w += p;
    }
    const mean = m1 / w;
    const variance = m2 / w - mean * mean;
    const mixed = withAudience(mu, alpha, b, { bias: 0, sd, n: 0 });
    expect(mixed.mean).toBeCloseTo(mean, 6);
    expect(mixed.mean + mixed.alpha * mixed.mean ** 2).toBeCloseTo(variance, 3);
  });

  it("never lowers what tier 2 holds: mean and α at least as high, and the plan's P90 (at least the mean) too", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (mu, alpha, b, sd) => {
          const m = withAudience(mu, alpha, b, { bias: 0, sd, n: 0 });
          expect(m.mean).toBeGreaterThanOrEqual(mu * (1 - 1e-12));
          expect(m.alpha).toBeGreaterThanOrEqual(alpha - 1e-12);
          const p90 = Math.max(m.mean, countQuantile(m.mean, m.alpha, 0.9));
          expect(p90).toBeGreaterThanOrEqual(countQuantile(mu, alpha, 0.9));
        },
      ),
    );
  });
});
