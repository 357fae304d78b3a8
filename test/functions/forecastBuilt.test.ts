import {
  column,
  loadBuiltFunctions,
  row,
  type LoadedFunctions,
  expectExcelError,
} from "../helpers/builtFunctions";

/*
 * FORECAST_WEEKLY and LIVE_UNITS as DESIGN.md's contract states them, through the
 * built dist/functions.js and dist/functions.json (run `npm run build` first).
 */

let fx: LoadedFunctions;
let zh: LoadedFunctions;
beforeAll(async () => {
  fx = await loadBuiltFunctions();
  zh = await loadBuiltFunctions({ displayLanguage: "zh-CN" });
});

const values = (v: unknown): number[] => (v as number[][]).map((r) => r[0]);

describe("FORECAST_WEEKLY", () => {
  it("is in functions.json with history, horizon and an optional season_length", () => {
    const meta = fx.metadata.functions.find((f) => f.id === "FORECAST_WEEKLY");
    expect(meta?.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["history", false],
      ["horizon", false],
      ["season_length", true],
    ]);
    expect(meta?.result.dimensionality).toBe("matrix");
  });

  it("spills `horizon` values as a column; a constant history forecasts that constant", () => {
    expect(fx.call("FORECAST_WEEKLY", column(12, 12, 12, 12, 12, 12), 3)).toEqual([[12], [12], [12]]);
  });

  it("follows a straight-line trend (a row works as well as a column)", () => {
    const out = values(fx.call("FORECAST_WEEKLY", [Array.from({ length: 16 }, (_, i) => 20 + 3 * i)], 2));
    expect(out[0]).toBeCloseTo(68, 3);
    expect(out[1]).toBeCloseTo(71, 3);
  });

  it("gives intermittent history a flat per-week rate, never a spike", () => {
    const out = values(
      fx.call("FORECAST_WEEKLY", column(0, 0, 5, 0, 0, 0, 4, 0, 3, 0, 0, 0, 6, 0, 0, 2, 0, 0, 0, 4), 4),
    );
    expect(new Set(out).size).toBe(1);
    expect(out[0]).toBeGreaterThan(0);
    expect(out[0]).toBeLessThan(3);
  });

  it("recovers a season with season_length", () => {
    const pattern = [50, 80, 120, 90];
    const out = values(
      fx.call("FORECAST_WEEKLY", column(...Array.from({ length: 24 }, (_, t) => pattern[t % 4])), 4, 4),
    );
    out.forEach((v, i) => expect(v).toBeCloseTo(pattern[i], 0));
  });

  it("accepts numbers typed as text; fills blank weeks inside, drops trailing blanks; returns count 0", () => {
    expect(fx.call("FORECAST_WEEKLY", column("10", 10, "", 10, null, 10, 10, ""), 1)).toEqual([[10]]);
    const out = values(fx.call("FORECAST_WEEKLY", column(10, -4, 10, 10, 10, 10), 2));
    out.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
  });

  it("one point forecasts that point; all zeros forecast 0; fewer weeks than a season still forecasts", () => {
    expect(fx.call("FORECAST_WEEKLY", column(7), 2)).toEqual([[7], [7]]);
    expect(fx.call("FORECAST_WEEKLY", column(0, 0, 0), 2)).toEqual([[0], [0]]);
    const short = values(fx.call("FORECAST_WEEKLY", column(5, 6, 7, 8, 9), 3, 52));
    expect(short.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it("text in the history → #VALUE! with the position", () => {
    expectExcelError(fx.call("FORECAST_WEEKLY", column(1, "abc", 3), 2), "#VALUE!", /history.*abc.*2/);
  });

  it("a 2-D block → #VALUE!; horizon 0 or 2.5 → #NUM!; season_length 0 → #NUM!; horizon as text → #VALUE!", () => {
    expectExcelError(
      fx.call(
        "FORECAST_WEEKLY",
        [
          [1, 2],
          [3, 4],
        ],
        2,
      ),
      "#VALUE!",
    );
    expectExcelError(fx.call("FORECAST_WEEKLY", column(1, 2, 3), 0), "#NUM!");
    expectExcelError(fx.call("FORECAST_WEEKLY", column(1, 2, 3), 2.5), "#NUM!");
    expectExcelError(fx.call("FORECAST_WEEKLY", column(1, 2, 3), 2, 0), "#NUM!");
    expectExcelError(fx.call("FORECAST_WEEKLY", column(1, 2, 3), "two"), "#VALUE!");
  });

  it("no numbers at all → #N/A with a message, in Chinese when Office is", () => {
    expectExcelError(fx.call("FORECAST_WEEKLY", column("", null), 2), "#N/A", /at least one period/);
    expectExcelError(zh.call("FORECAST_WEEKLY", column("", null), 2), "#N/A", /至少需要一期/);
  });
});

describe("LIVE_UNITS", () => {
  // units = 0.002 · viewers^1.1 · dwell^0.6, exactly.
  const law = (v: number, d: number) => 0.002 * v ** 1.1 * d ** 0.6;
  const past: [number, number][] = [
    [800, 2],
    [1500, 3.5],
    [3000, 1.5],
    [5000, 4],
    [9000, 2.5],
    [15000, 5],
    [22000, 3],
  ];
  const units = column(...past.map(([v, d]) => law(v, d)));
  const viewers = column(...past.map(([v]) => v));
  const dwell = column(...past.map(([, d]) => d));

  it("is in functions.json with the contract's parameters, percentile optional", () => {
    const meta = fx.metadata.functions.find((f) => f.id === "LIVE_UNITS");
    expect(meta?.parameters.map((p) => p.name)).toEqual([
      "viewers",
      "dwell_minutes",
      "known_units",
      "known_viewers",
      "known_dwell",
      "percentile",
    ]);
    expect(meta?.parameters[5].optional).toBe(true);
  });

  it("reproduces data that follow the power law exactly", () => {
    const out = fx.call("LIVE_UNITS", 10000, 3, units, viewers, dwell) as number;
    expect(Math.abs(out - law(10000, 3)) / law(10000, 3)).toBeLessThan(1e-9);
  });

  it("with a percentile returns that percentile (whole units), above the mean for 0.9", () => {
    const mean = fx.call("LIVE_UNITS", 10000, 3, units, viewers, dwell) as number;
    const p90 = fx.call("LIVE_UNITS", 10000, 3, units, viewers, dwell, 0.9) as number;
    expect(Number.isInteger(p90)).toBe(true);
    expect(p90).toBeGreaterThan(mean);
  });

  it("counts streams that sold 0, skips rows with a blank (planned streams)", () => {
    const withZero = fx.call(
      "LIVE_UNITS",
      5000,
      3,
      column(10, 0, 12, 0, 20),
      column(4000, 4000, 5000, 5000, 6000),
      column(3, 3, 3, 3, 3),
    ) as number;
    const zerosLeftOut = fx.call(
      "LIVE_UNITS",
      5000,
      3,
      column(10, 12, 20),
      column(4000, 5000, 6000),
      column(3, 3, 3),
    ) as number;
    expect(withZero).toBeLessThan(zerosLeftOut);
    const planned = fx.call(
      "LIVE_UNITS",
      5000,
      3,
      column(10, 12, 20, ""),
      column(4000, 5000, 6000, 9000),
      column(3, 3, 3, 4),
    );
    expect(planned).toBeCloseTo(zerosLeftOut, 10);
  });

  it("0 viewers or 0 dwell → 0; past streams with 0 viewers or no dwell are left out", () => {
    expect(fx.call("LIVE_UNITS", 0, 3, units, viewers, dwell)).toBe(0);
    expect(fx.call("LIVE_UNITS", 5000, 0, units, viewers, dwell)).toBe(0);
    const extra = fx.call(
      "LIVE_UNITS",
      10000,
      3,
      column(...values(units), 40, 40),
      column(...values(viewers), 0, 5000),
      column(...values(dwell), 3, 0),
    ) as number;
    expect(extra).toBeCloseTo(law(10000, 3), 6);
  });

  it("errors: text → #VALUE!; negative → #NUM!; percentile 1.5 → #NUM!; ranges of different sizes → #VALUE!", () => {
    expectExcelError(fx.call("LIVE_UNITS", "many", 3, units, viewers, dwell), "#VALUE!", /viewers/);
    expectExcelError(
      fx.call("LIVE_UNITS", 1000, 3, column(1, "x"), column(1, 2), column(1, 2)),
      "#VALUE!",
      /known_units/,
    );
    expectExcelError(fx.call("LIVE_UNITS", -5, 3, units, viewers, dwell), "#NUM!");
    expectExcelError(fx.call("LIVE_UNITS", 1000, 3, column(1, -2), column(1, 2), column(1, 2)), "#NUM!");
    expectExcelError(fx.call("LIVE_UNITS", 1000, 3, units, viewers, dwell, 1.5), "#NUM!");
    expectExcelError(fx.call("LIVE_UNITS", 1000, 3, units, row(1, 2), dwell), "#VALUE!", /known_viewers/);
  });

  it("a law that overflows (1e308 viewers, units of 1e308) → #NUM!, never 0", () => {
    expectExcelError(fx.call("LIVE_UNITS", 1e308, 3, units, viewers, dwell), "#NUM!");
    expectExcelError(fx.call("LIVE_UNITS", 1e308, 3, units, viewers, dwell, 0.9), "#NUM!");
    const huge = column(...past.map(() => 1e308));
    expectExcelError(fx.call("LIVE_UNITS", 1000, 3, huge, viewers, dwell), "#NUM!");
  });

  it("no usable past stream → #N/A with a message", () => {
    expectExcelError(
      fx.call("LIVE_UNITS", 1000, 3, column("", ""), column(1, 2), column(1, 2)),
      "#N/A",
      /stream/,
    );
    expectExcelError(fx.call("LIVE_UNITS", 1000, 3, column(5), column(0), column(2)), "#N/A");
  });
});
