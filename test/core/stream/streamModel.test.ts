import fc from "fast-check";
import {
  countQuantile,
  fitStreamModel,
  logLinearPowerLaw,
  poissonPowerLaw,
  predictStreamUnits,
  type StreamObservation,
} from "../../../src/core/stream";
import { generator } from "../../helpers/parkMiller";

function poisson(mu: number, random: () => number): number {
  const limit = Math.exp(-mu);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

const law = (v: number, d: number) => 0.002 * v ** 1.1 * d ** 0.6;
const exact: readonly StreamObservation[] = Object.freeze(
  [800, 1000, 3000, 5000, 12000, 20000].flatMap((v, i) =>
    [1.5, 3, 4.5].map((d) =>
      Object.freeze({ viewers: v, dwellMin: d + 0.1 * i, units: law(v, d + 0.1 * i) }),
    ),
  ),
);

function noisyHistory(n: number, seed: number): StreamObservation[] {
  const random = generator(seed);
  const skuLevel = [0.5, 1, 1.5, 2];
  return Array.from({ length: n }, (_, i) => {
    const viewers = Math.round(500 + 20000 * random());
    const dwellMin = 1 + 5 * random();
    return {
      viewers,
      dwellMin,
      sku: `S${i % 4}`,
      units: poisson(0.001 * viewers * dwellMin ** 0.8 * skuLevel[i % 4], random),
    };
  });
}

describe("Poisson power law", () => {
  it("the @example: y = 2·v·d⁻¹ exactly → k = 2, b = 1, c = −1", () => {
    const fit = poissonPowerLaw([
      { v: 1, d: 1, y: 2 },
      { v: 2, d: 1, y: 4 },
      { v: 4, d: 2, y: 4 },
      { v: 8, d: 1, y: 16 },
    ]);
    expect(fit.k).toBeCloseTo(2, 10);
    expect(fit.b).toBeCloseTo(1, 10);
    expect(fit.c).toBeCloseTo(-1, 10);
  });

  it("log-linear rates: y = 0.1·v^log10(2)·d^0.5 → c = 0.5", () => {
    const fit = logLinearPowerLaw([
      { v: 1, d: 1, y: 0.1 },
      { v: 10, d: 1, y: 0.2 },
      { v: 10, d: 4, y: 0.4 },
      { v: 100, d: 4, y: 0.8 },
    ]);
    expect(fit.c).toBeCloseTo(0.5, 10);
    expect(fit.b).toBeCloseTo(Math.log10(2), 10);
  });

  it("zeros count: adding streams that sold 0 lowers the fitted level", () => {
    const sold = [
      { v: 1000, d: 2, y: 5 },
      { v: 2000, d: 2, y: 11 },
      { v: 4000, d: 3, y: 20 },
      { v: 8000, d: 2, y: 45 },
    ];
    const withZeros = [...sold, { v: 1500, d: 2, y: 0 }, { v: 3000, d: 3, y: 0 }];
    const at = (f: { k: number; b: number; c: number }) => f.k * 3000 ** f.b * 2 ** f.c;
    expect(at(poissonPowerLaw(withZeros))).toBeLessThan(at(poissonPowerLaw(sold)));
  });

  it("all viewers equal → b fixed at 1; one point → units proportional to viewers", () => {
    const one = poissonPowerLaw([{ v: 100, d: 2, y: 10 }]);
    expect(one.k).toBeCloseTo(0.1, 12);
    expect([one.b, one.c]).toEqual([1, 0]);
    const same = poissonPowerLaw([
      { v: 100, d: 1, y: 10 },
      { v: 100, d: 2, y: 20 },
      { v: 100, d: 4, y: 40 },
    ]);
    expect(same.b).toBe(1);
    expect(same.c).toBeCloseTo(1, 8);
  });
});

describe("fitStreamModel and predictStreamUnits", () => {
  it("reproduces data that follow E[units] = 0.002·v^1.1·d^0.6 exactly", () => {
    const model = fitStreamModel(exact);
    expect(model.shop.k).toBeCloseTo(0.002, 10);
    expect(model.shop.b).toBeCloseTo(1.1, 10);
    expect(model.shop.c).toBeCloseTo(0.6, 10);
    for (const o of exact) {
      const p = predictStreamUnits(model, o.viewers, o.dwellMin).mean;
      expect(Math.abs(p - o.units) / o.units).toBeLessThan(1e-9);
    }
    expect(model.accuracy.mape).toBeLessThan(1e-6);
    expect(Math.abs(model.accuracy.bias as number)).toBeLessThan(1e-6);
  });

  it("leave-one-out on a synthetic history: each observation predicted by a fit without it", () => {
    const history = Object.freeze(noisyHistory(40, 11));
    const model = fitStreamModel(history);
    // Recompute the leave-one-out figures by hand from 40 separate fits.
    let absPct = 0;
    let counted = 0;
    let predicted = 0;
    let actual = 0;
    history.forEach((o, i) => {
      const without = fitStreamModel(history.filter((_, j) => j !== i));
      const p = predictStreamUnits(without, o.viewers, o.dwellMin, o.sku).mean;
      predicted += p;
      actual += o.units;
      if (o.units > 0) {
        absPct += Math.abs(p - o.units) / o.units;
        counted++;
      }
    });
    expect(model.accuracy.n).toBe(40);
    expect(model.accuracy.mape).toBeCloseTo((100 * absPct) / counted, 8);
    expect(model.accuracy.bias).toBeCloseTo((100 * (predicted - actual)) / actual, 8);
    // Honest out-of-sample error: above the in-sample error, and of the size Poisson noise implies.
    expect(model.accuracy.mape).toBeGreaterThan(5);
    expect(model.accuracy.mape).toBeLessThan(60);
    expect(model.alpha).toBeGreaterThanOrEqual(0);
  });

  it("per-SKU multipliers are shrunk toward 1 when a SKU has few streams", () => {
    const history = noisyHistory(80, 5);
    const model = fitStreamModel(history);
    const f = (s: string) => model.skuFactor.get(s) as number;
    expect(f("S0")).toBeLessThan(f("S1"));
    expect(f("S1")).toBeLessThan(f("S2"));
    expect(f("S2")).toBeLessThan(f("S3"));
    const rare = fitStreamModel([...history, { viewers: 5000, dwellMin: 3, units: 500, sku: "NEW" }]);
    const raw = 500 / predictStreamUnits(rare, 5000, 3).mean;
    const shrunk = rare.skuFactor.get("NEW") as number;
    expect(shrunk).toBeGreaterThan(1);
    expect(shrunk).toBeLessThan(raw / 2);
    expect(predictStreamUnits(model, 5000, 3, "UNKNOWN").mean).toBe(predictStreamUnits(model, 5000, 3).mean);
  });

  it("the funnel variant: rates fitted, the variant with the lower leave-one-out MAPE kept, planned rates used", () => {
    const random = generator(3);
    const history: StreamObservation[] = Array.from({ length: 30 }, () => {
      const viewers = 1000 + 30000 * random();
      const dwellMin = 1 + 6 * random();
      const ctr = 0.05 * (viewers / 10000) ** 0.1 * (1 + 0.05 * (random() - 0.5));
      const conversion = 0.03 * dwellMin ** 0.5 * (1 + 0.05 * (random() - 0.5));
      const units = Math.round(viewers * ctr * conversion * 1.2 * (0.7 + 0.6 * random()));
      return { viewers, dwellMin, ctr, conversion, unitsPerOrder: 1.2, units };
    });
    const model = fitStreamModel(history);
    const { power, funnel } = model.candidates;
    expect(funnel).toBeDefined();
    expect(model.method).toBe((funnel?.mape as number) < (power.mape as number) ? "funnel" : "power");
    expect(model.funnel?.unitsPerOrder).toBeCloseTo(1.2, 10);
    expect(model.funnel?.conversion.c).toBeCloseTo(0.5, 1);
    expect(model.funnel?.ctr.b).toBeCloseTo(0.1, 1);
    // A planned stream that states its rates uses them only under the funnel, the variant kept.
    const f = model.funnel as NonNullable<typeof model.funnel>;
    const planned = predictStreamUnits(model, 10000, 3, undefined, { ctr: 0.06, conversion: 0.05 });
    expect(planned.mean).toBeCloseTo(
      model.method === "funnel"
        ? 10000 * 0.06 * 0.05 * 1.2 * f.calibration
        : predictStreamUnits(model, 10000, 3).mean,
      8,
    );
    expect(f.calibration).toBeGreaterThan(0.85);
    expect(f.calibration).toBeLessThan(1.15);
  });

  describe("bad input", () => {
    it("streams with 0 viewers or no dwell are left out of the fit", () => {
      const model = fitStreamModel([
        ...exact,
        { viewers: 0, dwellMin: 3, units: 50 },
        { viewers: 5000, dwellMin: 0, units: 50 },
        { viewers: 5000, dwellMin: NaN, units: 50 },
      ]);
      expect(model.n).toBe(exact.length);
      expect(model.shop.b).toBeCloseTo(1.1, 8);
    });
    it("no usable stream → #N/A", () => {
      expect(() => fitStreamModel([{ viewers: 0, dwellMin: 2, units: 3 }])).toThrow(
        expect.objectContaining({ kind: "na", key: "streamNoHistory" }),
      );
    });
    it("predicting 0 viewers or 0 dwell → 0 units; negative → #NUM!; NaN → #VALUE!; percentile outside (0,1) → #NUM!", () => {
      const model = fitStreamModel(exact);
      expect(predictStreamUnits(model, 0, 3).mean).toBe(0);
      expect(predictStreamUnits(model, 5000, 0).p90).toBe(0);
      expect(() => predictStreamUnits(model, -1, 3)).toThrow(expect.objectContaining({ kind: "num" }));
      expect(() => predictStreamUnits(model, NaN, 3)).toThrow(expect.objectContaining({ kind: "value" }));
      expect(() => predictStreamUnits(model, 100, 3).quantile(1)).toThrow(
        expect.objectContaining({ kind: "num" }),
      );
    });
    it("all streams sold 0 → 0 units, never NaN", () => {
      const model = fitStreamModel([
        { viewers: 100, dwellMin: 1, units: 0 },
        { viewers: 900, dwellMin: 2, units: 0 },
      ]);
      expect(predictStreamUnits(model, 5000, 3)).toMatchObject({ mean: 0, p90: 0 });
      expect(model.accuracy).toEqual({
        mape: null,
        bias: null,
        n: 2,
        scheme: "leave-one-out",
        calibration: [{ from: 0, to: 10, n: 2, aboveP90: 0 }],
      });
    });
  });

  it("{ accuracy: false }: the same fitted model without the report, for a power-only and a funnel history", () => {
    const random = generator(5);
    const funnelHistory: StreamObservation[] = Array.from({ length: 40 }, () => {
      const viewers = 1000 + 30000 * random();
      const dwellMin = 1 + 6 * random();
      const ctr = 0.05 * (1 + 0.3 * (random() - 0.5));
      const conversion = 0.03 * dwellMin ** 0.5 * (1 + 0.3 * (random() - 0.5));
      return { viewers, dwellMin, ctr, conversion, units: Math.round(viewers * ctr * conversion) };
    });
    for (const history of [noisyHistory(250, 4), noisyHistory(30, 6), funnelHistory]) {
      const full = fitStreamModel(history);
      const fit = fitStreamModel(history, { accuracy: false });
      expect(fit).not.toHaveProperty("accuracy");
      expect(fit).not.toHaveProperty("candidates");
      const { accuracy: _accuracy, candidates: _candidates, ...rest } = full;
      expect(fit).toEqual(rest);
      expect(predictStreamUnits(fit, 8000, 3, "S1").p90).toBe(predictStreamUnits(full, 8000, 3, "S1").p90);
    }
    expect(fitStreamModel(funnelHistory).candidates.funnel).toBeDefined();
  });

  it("quantiles: the Poisson @example, monotone in p, P90 ≥ mean for means ≥ 1", () => {
    expect(countQuantile(2, 0, 0.9)).toBe(4);
    expect(countQuantile(10, 3, 0.5)).toBeLessThanOrEqual(countQuantile(10, 3, 0.9));
    const model = fitStreamModel(noisyHistory(30, 2));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200000 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        (v, d, p) => {
          const f = predictStreamUnits(model, v, d);
          expect(Number.isFinite(f.mean) && f.mean >= 0).toBe(true);
          expect(f.quantile(p)).toBeLessThanOrEqual(f.quantile(Math.min(0.99, p + 0.01)));
          if (f.mean >= 1) expect(f.p90).toBeGreaterThanOrEqual(Math.floor(f.mean));
        },
      ),
      { numRuns: 200 },
    );
  });
});
