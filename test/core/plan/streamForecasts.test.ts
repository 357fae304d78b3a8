import { planSheets, runPlan, settingsFrom } from "../../../src/core/plan";
import { plannedStreamItems, streamModelAsOf } from "../../../src/core/plan/streamDemand";
import { expectedUnits, fillLevel, viewersElasticity, withAudience } from "../../../src/core/stream";
import { addDays, type Day } from "../../../src/core/time/day";
import { D0, SIMPLE, input, item, lane, sku, stock, stream, weeklySales, wh } from "./fixtures";

/** Twelve weekly past streams of 1,000–4,000 viewers selling 0.1 a viewer, and planned streams of `planned` viewers. */
function seller(planned: readonly number[]) {
  const past = Array.from({ length: 12 }, (_, i) =>
    stream(`P${i}`, "W1", addDays(D0, -7 * (12 - i) + 2) as Day, 1000 + 250 * i, 2),
  );
  const next = planned.map((v, i) => stream(`L${i}`, "W1", addDays(D0, 9 + 7 * i) as Day, v, 2));
  return input({
    skus: [sku("S1")],
    warehouses: [wh("W1")],
    stock: [stock("S1", "W1", 5000)],
    sales: weeklySales("S1", "W1", 70),
    streams: [...past, ...next],
    streamItems: [
      ...past.map((s, i) => item(s.streamId, "S1", Math.round(0.1 * s.peakViewers * (i % 2 ? 1.2 : 0.85)))),
      ...next.map((s) => item(s.streamId, "S1")),
    ],
    lanes: [lane("W1", "SEA", 28, 1)],
  });
}

describe("finding 1: a planned stream far beyond the largest past stream is flagged", () => {
  it("LS Streams says “extrapolated” for 1.5 × the largest past stream and more, in both languages", () => {
    // Largest past stream: 3,750 viewers; 1.5 × = 5,625.
    const plan = runPlan(seller([5000, 6000]), D0, SIMPLE);
    expect(plan.streams.map((s) => s.extrapolated)).toEqual([null, { viewers: 6000, largest: 3750 }]);
    const en = planSheets(plan, "en").find((s) => s.name === "LS Streams");
    const col = en?.columns.findIndex((c) => c.key === "forecast_note") ?? -1;
    expect(col).toBeGreaterThanOrEqual(0);
    expect(en?.rows[0][col]).toBeNull();
    expect(String(en?.rows[1][col])).toMatch(/^extrapolated: 6,000 expected viewers.*3,750/);
    const zh = planSheets(plan, "zh-CN").find((s) => s.name === "LS Streams");
    expect(String(zh?.rows[1][col])).toContain("外推");
  });
});

describe("finding 6: the P90 calibration is reported on LS Backtest", () => {
  it("one row per size band: the share of past results above their out-of-sample P90", () => {
    const plan = runPlan(seller([3000]), D0, SIMPLE);
    const bands = plan.streamModel?.accuracy.calibration ?? [];
    expect(bands.length).toBeGreaterThan(0);
    const rows = planSheets(plan, "en").find((s) => s.name === "LS Backtest")?.rows ?? [];
    const calibration = rows.filter((r) => String(r[0]).includes("above P90"));
    expect(calibration).toHaveLength(bands.length);
    expect(String(calibration[0][0])).toContain(`${bands[0].n} results`);
    expect(calibration[0][1]).toBeCloseTo(100 * bands[0].aboveP90, 1);
    const zh = planSheets(plan, "zh-CN").find((s) => s.name === "LS Backtest")?.rows ?? [];
    expect(zh.filter((r) => String(r[0]).includes("高于 P90"))).toHaveLength(bands.length);
  });
});

describe("a planned stream's units carry its audience's uncertainty", () => {
  const p90Of = (data: ReturnType<typeof seller>, audienceSpread: number) =>
    runPlan(data, D0, { ...SIMPLE, audienceSpread }).streams[0];

  it("the audience_spread setting raises the mean (units grow with viewers^b) and widens P90", () => {
    const certain = p90Of(seller([3000]), 0);
    const unsure = p90Of(seller([3000]), 0.3);
    expect(unsure.expectedUnits).toBeGreaterThan(certain.expectedUnits);
    expect(unsure.p90Units - unsure.expectedUnits).toBeGreaterThan(certain.p90Units - certain.expectedUnits);
  });

  it("past streams that kept their expected viewers teach the spread: on plan every time, P90 comes back near the certain one", () => {
    const data = seller([3000]);
    const onPlan = {
      ...data,
      streams: data.streams.map((s) => (s.date < D0 ? { ...s, expectedViewers: s.peakViewers } : s)),
    };
    const certain = p90Of(data, 0).p90Units;
    const prior = p90Of(data, 0.3).p90Units;
    const learned = p90Of(onPlan, 0.3).p90Units;
    expect(learned).toBeLessThan(prior);
    expect(learned).toBeGreaterThanOrEqual(certain);
    // 12 streams on plan against a prior worth 5: sd² = 5 × 0.09 / 16.
    const wide = {
      ...data,
      streams: data.streams.map((s, i) =>
        s.date < D0 ? { ...s, expectedViewers: s.peakViewers * (i % 2 ? 2 : 0.5) } : s,
      ),
    };
    expect(p90Of(wide, 0.3).p90Units).toBeGreaterThan(prior);
  });
});

describe("LS Backtest reports the audience spread the planned streams assume", () => {
  it("learned from the past streams that give both figures, in both languages", () => {
    const data = seller([3000]);
    const doubled = {
      ...data,
      streams: data.streams.map((s) => (s.date < D0 ? { ...s, expectedViewers: s.peakViewers / 2 } : s)),
    };
    const plan = runPlan(doubled, D0, SIMPLE);
    expect(plan.streamModel?.audience.n).toBe(12);
    const rows = planSheets(plan, "en").find((s) => s.name === "LS Backtest")?.rows ?? [];
    const above = rows.find((r) => String(r[0]).startsWith("Audience: real peak viewers above plan"));
    // 12 streams at twice their plan, shrunk toward 0 as if the prior were 5 more: e^(12·ln 2 / 17) − 1.
    expect(above?.[1]).toBeCloseTo(100 * (Math.exp((12 * Math.log(2)) / 17) - 1), 1);
    expect(String(above?.[0])).toContain("12 past streams");
    const zh = planSheets(plan, "zh-CN").find((s) => s.name === "LS Backtest")?.rows ?? [];
    expect(zh.filter((r) => String(r[0]).startsWith("观众"))).toHaveLength(2);
  });
});

describe("tier 2 holds what serves the stream_fill share of a stream's units, when that is more than P90", () => {
  /** The seller above with 900 units on hand, a 5-day air lane and a 3,000-viewer stream on day 20, sold at 0.06–0.14 a viewer before. */
  function shortSeller() {
    const past = Array.from({ length: 12 }, (_, i) =>
      stream(`P${i}`, "W1", addDays(D0, -7 * (12 - i) + 2) as Day, 1000 + 250 * i, 2),
    );
    const next = stream("L0", "W1", addDays(D0, 20) as Day, 3000, 2);
    return input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      stock: [stock("S1", "W1", 900)],
      sales: weeklySales("S1", "W1", 70),
      streams: [...past, next],
      streamItems: [
        ...past.map((s, i) => item(s.streamId, "S1", Math.round(0.1 * s.peakViewers * (i % 2 ? 1.4 : 0.6)))),
        item("L0", "S1"),
      ],
      lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 5, 2)],
    });
  }
  const tier2 = (streamFill: number) => {
    const plan = runPlan(shortSeller(), D0, { ...SIMPLE, streamFill });
    const line = plan.lines.find((l) => l.tier === "tier2");
    return { plan, reason: line?.reasons[0] };
  };

  it("stream_fill 0.98: holds 555 (98 % of the units on average), not the P90 505, and says so in both languages", () => {
    const { plan, reason } = tier2(0.98);
    expect(plan.streams[0].p90Units).toBe(505);
    expect(reason?.key).toBe("planReasonTier2Fill");
    expect(reason?.params).toMatchObject({ p90: 505, hold: 555, fill: 98 });
    // The level is the P90 case's, raised by the 50 units more held for the stream.
    expect(reason?.params.level).toBe(Number(tier2(0).reason?.params.level) + 50);
    const rows = (lang: "en" | "zh-CN") =>
      planSheets(plan, lang).find((s) => s.name === "LS Plan")?.rows ?? [];
    expect(rows("en").flat().join(" ")).toContain(
      "hold 555 units for it (more than its P90 of 505: 555 serve 98% of its units",
    );
    expect(rows("zh-CN").flat().join(" ")).toContain("应为其备 555 件(多于 P90 的 505 件");
  });

  it("stream_fill 0 (or any fill a P90 already serves): the P90, as before", () => {
    expect(tier2(0).reason).toMatchObject({ key: "planReasonTier2", params: { p90: 505 } });
    expect(tier2(0.9).reason?.key).toBe("planReasonTier2");
  });

  it("the Settings table's stream_fill key sets it, between 0 and 1", () => {
    const read = (v: string) => settingsFrom(new Map([["stream_fill", v]]));
    expect(read("0.995").settings.streamFill).toBe(0.995);
    expect(read("1.5").problems.map((p) => p.key)).toEqual(["stream_fill"]);
    expect(settingsFrom(new Map()).settings.streamFill).toBe(0.98);
  });
});

describe("the cover reads the audience's log-normal spread as the mixture it is", () => {
  it("with audience_spread 0.3 the stream's cover is fillLevel over that mixture, above the one negative binomial's", () => {
    const data = seller([3000]);
    const settings = { ...SIMPLE, audienceSpread: 0.3, streamFill: 0.98 };
    const items = plannedStreamItems(data, D0, settings);
    const model = streamModelAsOf(data, D0);
    expect(model).not.toBeNull();
    if (!model) return;
    const planned = data.streams.find((s) => s.streamId === "L0");
    const viewers = planned?.peakViewers ?? 0;
    const dwell = planned?.avgDwellMin ?? 0;
    const b = viewersElasticity(model, viewers, dwell, "S1", "W1", { warehouse: "W1" });
    const mixed = withAudience(
      expectedUnits(model, viewers, dwell, "S1", "W1", { warehouse: "W1" }),
      model.alpha,
      b,
      {
        bias: 0,
        sd: 0.3,
        n: 0,
      },
    );
    expect(mixed.logSd).toBeGreaterThan(0.2);
    expect(items[0].mean).toBeCloseTo(mixed.mean, 9);
    const cover = fillLevel(mixed.mean, model.alpha, 0.98, mixed.logSd);
    expect(cover).toBeGreaterThan(items[0].p90);
    expect(items[0].cover).toBe(cover);
    expect(cover).toBeGreaterThan(fillLevel(mixed.mean, mixed.alpha, 0.98));
  });
});
