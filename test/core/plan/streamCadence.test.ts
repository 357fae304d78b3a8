import fc from "fast-check";
import type { SalesRow } from "../../../src/core/data/model";
import { runPlan } from "../../../src/core/plan";
import { addUnannouncedStreams, zeroForecast } from "../../../src/core/plan/baseline";
import { pairKey } from "../../../src/core/plan/salesHistory";
import { streamCadence, weeklyVariance } from "../../../src/core/plan/streamCadence";
import { pastStreamItems } from "../../../src/core/stream";
import { addDays, weekStart, type Day } from "../../../src/core/time/day";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, input, item, lane, sku, stock, stream, weeklySales, wh } from "./fixtures";

/**
 * Ten weekly past streams at W1 (Wednesdays, the last ten weeks): S1 featured in every other
 * one selling 20, S2 in every one selling 5, their units in Sales rows naming the stream; one
 * stream at W2 thirty weeks ago featuring S1 (40); baseline sales of 70 a week at W1.
 */
function seller(announced: readonly number[] = []) {
  const past = Array.from({ length: 10 }, (_, k) =>
    stream(`P${k}`, "W1", addDays(D0, -7 * (10 - k) + 2) as Day),
  );
  const old = stream("Q", "W2", addDays(D0, -210 + 2) as Day);
  const next = announced.map((day, k) => stream(`N${k}`, "W1", addDays(D0, day) as Day));
  const sales: SalesRow[] = [...weeklySales("S1", "W1", 70), ...weeklySales("S2", "W1", 70)];
  const items = [];
  past.forEach((s, k) => {
    items.push(item(s.streamId, "S2"));
    sales.push({ date: s.date, sku: "S2", warehouse: "W1", units: 5 as Units, streamId: s.streamId });
    if (k % 2 === 0) {
      items.push(item(s.streamId, "S1"));
      sales.push({ date: s.date, sku: "S1", warehouse: "W1", units: 20 as Units, streamId: s.streamId });
    }
  });
  items.push(item("Q", "S1", 40), ...next.map((s) => item(s.streamId, "S1")));
  return input({
    skus: [sku("S1"), sku("S2")],
    warehouses: [wh("W1"), wh("W2")],
    stock: [stock("S1", "W1", 2000), stock("S2", "W1", 2000)],
    sales,
    streams: [...past, old, ...next],
    streamItems: items,
    lanes: [lane("W1", "SEA", 28, 1), lane("W2", "SEA", 28, 1)],
  });
}

describe("finding 8: the seller's stream cadence", () => {
  it("streams per week per warehouse, how often each SKU is featured, units per featuring", () => {
    const c = streamCadence(seller([9]), D0);
    expect(c.pairs.get(pairKey("S1", "W1"))).toMatchObject({
      streamsPerWeek: 1,
      featureShare: 0.5,
      unitsPerFeature: 20,
      weeklyUnits: 10,
    });
    expect(c.pairs.get(pairKey("S2", "W1"))?.weeklyUnits).toBeCloseTo(5, 12);
    // W2's only stream is older than the 26-week window: no cadence there.
    expect(c.pairs.get(pairKey("S1", "W2"))).toBeUndefined();
    expect(c.announcedUntil.get("W1")).toBe(addDays(D0, 9));
    expect(c.announcedUntil.has("W2")).toBe(false);
  });

  it("reads the past stream items it is given, as read once for the stream model too", () => {
    const input = seller([9]);
    expect(streamCadence(input, D0, pastStreamItems(input, D0))).toEqual(streamCadence(input, D0));
    expect(streamCadence(input, D0, []).pairs.size).toBe(0);
  });

  it("added to the weekly forecast only for the weeks after the last announced stream's", () => {
    const c = streamCadence(seller([9]), D0);
    const forecasts = new Map([[pairKey("S1", "W1"), zeroForecast(4)]]);
    addUnannouncedStreams(forecasts, c, D0, 4);
    // D0 is a Monday; the last announced stream is on day 9, in week 1.
    expect([...(forecasts.get(pairKey("S1", "W1"))?.weekly ?? [])]).toEqual([0, 0, 10, 10]);
    // A pair with a cadence and no baseline gets one.
    expect([...(forecasts.get(pairKey("S2", "W1"))?.weekly ?? [])].slice(2)).toEqual([5, 5]);
  });

  it("property: nothing added up to the last announced stream's week, the whole cadence after it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (offset, announced, rate, weeks) => {
          const planDate = addDays(D0, offset) as Day;
          const until = announced === undefined ? undefined : (addDays(planDate, announced) as Day);
          const forecasts = new Map([[pairKey("S1", "W1"), zeroForecast(weeks)]]);
          addUnannouncedStreams(
            forecasts,
            {
              pairs: new Map([
                [
                  pairKey("S1", "W1"),
                  {
                    sku: "S1",
                    warehouse: "W1",
                    streamsPerWeek: 1,
                    featureShare: 1,
                    unitsPerFeature: rate,
                    weeklyUnits: rate,
                    weeklyVariance: 0,
                  },
                ],
              ]),
              announcedUntil: new Map(until === undefined ? [] : [["W1", until]]),
            },
            planDate,
            weeks,
          );
          const weekly = forecasts.get(pairKey("S1", "W1"))?.weekly ?? new Float64Array();
          weekly.forEach((x, w) => {
            const start = addDays(weekStart(planDate), 7 * w);
            expect(x).toBe(until !== undefined && start <= until ? 0 : rate);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("their spread too: S1, featured in half the weekly streams selling 20 each, 0.5 × 0.5 × 20² = 100 a week", () => {
    const c = streamCadence(seller([9]), D0);
    expect(c.pairs.get(pairKey("S1", "W1"))?.weeklyVariance).toBeCloseTo(100, 9);
    // S2 is in every stream, always selling 5: no spread at all.
    expect(c.pairs.get(pairKey("S2", "W1"))?.weeklyVariance).toBeCloseTo(0, 9);
    const forecasts = new Map([[pairKey("S1", "W1"), { ...zeroForecast(8), sigma: 10 }]]);
    addUnannouncedStreams(forecasts, c, D0, 8);
    expect(forecasts.get(pairKey("S1", "W1"))).toMatchObject({ sigma: 10, streamVariance: 100 });
  });

  it("weeklyVariance: a binomial number of featurings, each a random amount", () => {
    expect(weeklyVariance(1, 0.5, 2, 40, 800)).toBeCloseTo(100, 12);
    // Always featured (p = 1), X = 10 or 30: Var(X) = 100 per stream, 2 streams a week.
    expect(weeklyVariance(2, 1, 2, 40, 1000)).toBeCloseTo(200, 12);
    expect(weeklyVariance(2, 1, 0, 0, 0)).toBe(0);
  });

  it("the plan's demand includes the streams not yet announced", () => {
    const none = runPlan(seller(), D0, SIMPLE).lines.find((l) => l.sku === "S1" && l.warehouse === "W1");
    expect(none?.weeklyForecast).toBeCloseTo(70 + 10, 1);
    const one = runPlan(seller([9]), D0, SIMPLE).lines.find((l) => l.sku === "S1" && l.warehouse === "W1");
    expect(one?.weeklyForecast).toBeCloseTo(70 + (10 * 6) / 8, 1);
  });
});

describe("sold-out featurings in the cadence", () => {
  const soldOut = (marks: readonly boolean[], sold: readonly number[]) => {
    const streams = marks.map((_, k) => stream(`P${k}`, "W1", addDays(D0, -7 * (k + 1)) as Day));
    return input({
      skus: [sku("S1")],
      warehouses: [wh("W1")],
      sales: weeklySales("S1", "W1", 70),
      streams,
      streamItems: streams.map((s, k) => ({
        ...item(s.streamId, "S1", sold[k]),
        ...(marks[k] ? { soldOut: true } : {}),
      })),
      lanes: [lane("W1", "SEA", 28, 1)],
    });
  };

  it("a sold-out result is a lower bound: it never lowers units per featuring below the uncensored mean", () => {
    const low = streamCadence(soldOut([false, false, true], [30, 30, 4]), D0);
    expect(low.pairs.get(pairKey("S1", "W1"))?.unitsPerFeature).toBe(30);
    const high = streamCadence(soldOut([false, true, true], [30, 50, 60]), D0);
    expect(high.pairs.get(pairKey("S1", "W1"))?.unitsPerFeature).toBe(55);
  });
});
