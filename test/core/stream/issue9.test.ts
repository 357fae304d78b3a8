import fc from "fast-check";
import {
  countQuantile,
  fitStreamModel,
  lawMean,
  predictStreamUnits,
  type StreamObservation,
} from "../../../src/core/stream";
import { generator } from "../../helpers/parkMiller";

/** A standard normal draw (Box–Muller) from `random`. */
const normal = (random: () => number): number =>
  Math.sqrt(-2 * Math.log(Math.max(1e-12, random()))) * Math.cos(2 * Math.PI * random());

/**
 * Streams whose units scatter multiplicatively (log-normal, σ 0.35) around 0.0004·v^1.25·d^0.9,
 * with viewers from 500 to 25,000, so that results range from a few units to several hundred:
 * the spread grows with the mean, as on the sample seller.
 */
function multiplicativeHistory(n: number, seed: number, level: (i: number) => number = () => 1) {
  const random = generator(seed);
  return Array.from({ length: n }, (_, i): StreamObservation => {
    const viewers = Math.round(500 * 50 ** random());
    const dwellMin = 1.5 + 3.5 * random();
    const mean = 0.0004 * viewers ** 1.25 * dwellMin ** 0.9 * level(i);
    return { viewers, dwellMin, units: Math.round(mean * Math.exp(0.35 * normal(random) - 0.06)) };
  });
}

describe("finding 1: planned streams use the model cross-validation chose", () => {
  // Funnel rates that are pure noise around the truth: the sales law predicts better out of sample.
  const random = generator(17);
  const history: StreamObservation[] = Array.from({ length: 60 }, () => {
    const viewers = 1000 + 20000 * random();
    const dwellMin = 1.5 + 3.5 * random();
    const units = Math.round(0.001 * viewers * dwellMin ** 0.8 * (0.9 + 0.2 * random()));
    return { viewers, dwellMin, units, ctr: 0.02 + 0.2 * random(), conversion: 0.005 + 0.1 * random() };
  });

  it("the sales law won: a planned stream's stated ctr does not switch it to the funnel", () => {
    const model = fitStreamModel(history);
    expect(model.method).toBe("power");
    const law = predictStreamUnits(model, 12000, 3).mean;
    expect(predictStreamUnits(model, 12000, 3, undefined, { ctr: 0.13 }).mean).toBeCloseTo(law, 9);
    expect(predictStreamUnits(model, 12000, 3, undefined, { conversion: 0.3 }).mean).toBeCloseTo(law, 9);
  });

  it("the funnel won: conversion and ctr never exceed the highest observed, however large the stream", () => {
    // Conversion rising with viewers (b > 0): at 10× the largest stream the law would pass the highest seen.
    const r = generator(4);
    const funnel: StreamObservation[] = Array.from({ length: 40 }, () => {
      const viewers = 1000 + 9000 * r();
      const dwellMin = 2 + 2 * r();
      const ctr = 0.08 * (1 + 0.02 * (r() - 0.5));
      const conversion = 0.02 * (viewers / 1000) ** 0.6 * (1 + 0.02 * (r() - 0.5));
      // Units scatter more than the rates do: the funnel's clean rates pin the law down better.
      const units = Math.round(viewers * ctr * conversion * (0.5 + r()));
      return { viewers, dwellMin, ctr, conversion, units };
    });
    const model = fitStreamModel(funnel);
    expect(model.method).toBe("funnel");
    const f = model.funnel as NonNullable<typeof model.funnel>;
    const maxConversion = Math.max(...funnel.map((o) => o.conversion as number));
    const maxCtr = Math.max(...funnel.map((o) => o.ctr as number));
    expect(f.maxConversion).toBeCloseTo(maxConversion, 12);
    const big = predictStreamUnits(model, 100000, 3).mean;
    expect(big).toBeLessThanOrEqual(100000 * maxCtr * maxConversion * f.unitsPerOrder * f.calibration + 1e-6);
    // Stated rates are the seller's expectation and are used as given.
    expect(predictStreamUnits(model, 5000, 3, undefined, { ctr: 0.1, conversion: 0.03 }).mean).toBeCloseTo(
      5000 * 0.1 * 0.03 * f.unitsPerOrder * f.calibration,
      8,
    );
    // A stated ctr alone: the fitted conversion stays capped.
    const stated = predictStreamUnits(model, 100000, 3, undefined, { ctr: 0.1 }).mean;
    expect(stated).toBeLessThanOrEqual(100000 * 0.1 * maxConversion * f.unitsPerOrder * f.calibration + 1e-6);
  });

  it("remembers the largest past stream, so that a planned stream beyond it can be flagged", () => {
    const model = fitStreamModel(history);
    expect(model.maxViewers).toBe(Math.max(...history.map((o) => o.viewers)));
  });
});

describe("finding 6: a negative binomial spread that grows with the mean", () => {
  const history = Object.freeze(multiplicativeHistory(400, 21));

  it("fits the dispersion α of Var = μ + α·μ² (log-normal σ 0.35 → α ≈ e^(0.35²) − 1 ≈ 0.13)", () => {
    const model = fitStreamModel(history);
    expect(model.alpha).toBeGreaterThan(0.07);
    expect(model.alpha).toBeLessThan(0.2);
  });

  it("P90 covers about 90% of past results at every size, out of sample, and says so by size band", () => {
    const model = fitStreamModel(history);
    const bands = model.accuracy.calibration;
    expect(bands.reduce((s, b) => s + b.n, 0)).toBe(history.length);
    const big = bands.filter((b) => b.n >= 40);
    expect(big.length).toBeGreaterThanOrEqual(3);
    for (const b of big) {
      expect(b.aboveP90).toBeGreaterThan(0.03);
      expect(b.aboveP90).toBeLessThan(0.17);
    }
    // Bands ascend by expected units and do not overlap.
    for (let i = 1; i < bands.length; i++)
      expect(bands[i].from).toBeGreaterThanOrEqual(bands[i - 1].to as number);
  });

  it("Poisson when α = 0, wider as α grows; a big mean's P90 is well above it when α > 0", () => {
    expect(countQuantile(2, 0, 0.9)).toBe(4);
    expect(countQuantile(50, 0.1, 0.9)).toBeGreaterThan(countQuantile(50, 0, 0.9));
    // μ = 1,000, α = 0.1: sd ≈ 318, so P90 ≈ 1,000 + 1.28 × 318, skewed upward.
    const q = countQuantile(1000, 0.1, 0.9);
    expect(q).toBeGreaterThan(1350);
    expect(q).toBeLessThan(1500);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (mu, alpha, p) => {
          const a = countQuantile(mu, alpha, p);
          expect(Number.isInteger(a) && a >= 0).toBe(true);
          expect(a).toBeLessThanOrEqual(countQuantile(mu, alpha, Math.min(0.99, p + 0.01)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("finding 9: a per-warehouse level, shrunk toward the pooled one", () => {
  // Thailand converts at half the US rate, Germany at 0.8×.
  const levels: Record<string, number> = { US: 1, DE: 0.8, TH: 0.5 };
  const names = Object.keys(levels);
  const history = multiplicativeHistory(600, 8, (i) => levels[names[i % 3]]).map((o, i) => ({
    ...o,
    warehouse: names[i % 3],
  }));

  it("each warehouse's level is found, and predictions follow it", () => {
    const model = fitStreamModel(history);
    const us = predictStreamUnits(model, 20000, 4, undefined, { warehouse: "US" }).mean;
    const truth = 0.0004 * 20000 ** 1.25 * 4 ** 0.9;
    expect(Math.abs(us / truth - 1)).toBeLessThan(0.12);
    const th = predictStreamUnits(model, 20000, 4, undefined, { warehouse: "TH" }).mean;
    expect(th / us).toBeGreaterThan(0.42);
    expect(th / us).toBeLessThan(0.58);
    expect(model.warehouseFactor.get("DE") as number).toBeGreaterThan(
      model.warehouseFactor.get("TH") as number,
    );
    // A warehouse the model never saw gets the pooled level.
    expect(predictStreamUnits(model, 20000, 4, undefined, { warehouse: "NL" }).mean).toBeCloseTo(
      lawMean(model.shop, 20000, 4),
      9,
    );
  });

  it("a warehouse with one stream is pulled toward the pooled level", () => {
    const model = fitStreamModel([...history, { viewers: 5000, dwellMin: 3, units: 900, warehouse: "NEW" }]);
    const raw = 900 / lawMean(model.shop, 5000, 3);
    const f = model.warehouseFactor.get("NEW") as number;
    expect(f).toBeGreaterThan(1);
    expect(f).toBeLessThan(raw / 2);
  });

  it("the out-of-sample error falls when markets differ", () => {
    const pooled = fitStreamModel(history.map(({ warehouse: _w, ...o }) => o));
    const perMarket = fitStreamModel(history);
    expect(perMarket.accuracy.mape as number).toBeLessThan((pooled.accuracy.mape as number) - 3);
  });
});
