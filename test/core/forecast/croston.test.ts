import { crostonRate, sbaRate, tsbRate } from "../../../src/core/forecast";

// The hand-checked case. Initialisation: z₀ = 5 (first demand), p₀ = 3 (its period,
// counted from 1). Demand 4 after 4 periods: z = 4.9, p = 3.1; demand 3 after 2: z = 4.71, p = 2.99.
const demand = Object.freeze([0, 0, 5, 0, 0, 0, 4, 0, 3, 0]);

describe("Croston-type methods", () => {
  it("Croston on [0,0,5,0,0,0,4,0,3,0], α = 0.1 → 4.71 / 2.99 = 1.5753", () => {
    expect(crostonRate(demand, 0.1).rate).toBeCloseTo(1.5753, 4);
  });

  it("SBA = Croston × (1 − α/2) → 1.4965", () => {
    expect(sbaRate(demand, 0.1).rate).toBeCloseTo(1.4965, 4);
  });

  // TSB initialisation: z₀ = 5 (first demand), d₀ = 1/3 (one demand in its first 3 periods);
  // then every period d ← d + 0.1(1[y>0] − d), and z ← z + 0.1(y − z) on a demand:
  // d: 0.3 → 0.27 → 0.243 → 0.3187 → 0.28683 → 0.358147 → 0.3223323; z: 4.9 → 4.71.
  it("TSB on the same series, α = β = 0.1 → 0.3223323 × 4.71 = 1.5182", () => {
    expect(tsbRate(demand, 0.1, 0.1).rate).toBeCloseTo(1.5182, 4);
  });

  it("all zeros give a rate of 0, never NaN", () => {
    for (const f of [
      crostonRate(
        demand.map(() => 0),
        0.1,
      ),
      tsbRate([0, 0, 0], 0.2, 0.2),
    ]) {
      expect(f.rate).toBe(0);
      expect(f.count).toBe(0);
    }
  });

  it("TSB decays through a long run of zeros; Croston does not", () => {
    const dying = [...demand, ...new Array<number>(20).fill(0)];
    expect(tsbRate(dying, 0.1, 0.1).rate).toBeLessThan(tsbRate(demand, 0.1, 0.1).rate / 3);
    expect(crostonRate(dying, 0.1).rate).toBeCloseTo(crostonRate(demand, 0.1).rate, 10);
  });
});
