import { cleanHistory, type HistoryWeek } from "../../../src/core/forecast";

const freeze = (weeks: HistoryWeek[]): readonly HistoryWeek[] =>
  Object.freeze(weeks.map((w) => Object.freeze(w)));

describe("cleanHistory", () => {
  it("the @example: stream units removed, a stock-out week raised to the usual rate", () => {
    const out = cleanHistory(
      freeze([{ units: 10 }, { units: 30, streamUnits: 20 }, { units: 2, onHand: 0 }, { units: 10 }]),
    );
    expect(out.baseline).toEqual([10, 10, 10, 10]);
    expect(out.corrections).toEqual([null, null, "stockout", null]);
  });

  it("scales a partial stock-out week by 7 / days in stock", () => {
    const out = cleanHistory(freeze([{ units: 14 }, { units: 6, daysInStock: 3 }, { units: 14 }]));
    expect(out.baseline[1]).toBe(14);
  });

  it("a stocked-out week that sold above the rate is left alone", () => {
    const out = cleanHistory(freeze([{ units: 10 }, { units: 15, onHand: 0 }, { units: 10 }]));
    expect(out.baseline[1]).toBe(15);
    expect(out.corrections[1]).toBeNull();
  });

  it("interpolates interior missing weeks, drops leading and trailing ones", () => {
    const out = cleanHistory(
      freeze([
        { units: null },
        { units: 4 },
        { units: null },
        { units: NaN },
        { units: 10 },
        { units: null },
      ]),
    );
    expect(out.start).toBe(1);
    expect(out.baseline).toEqual([4, 6, 8, 10]);
    expect(out.corrections).toEqual([null, "missing", "missing", null]);
  });

  it("net returns count 0, never negative", () => {
    const out = cleanHistory(freeze([{ units: 5 }, { units: -3 }, { units: 5 }]));
    expect(out.baseline).toEqual([5, 0, 5]);
    expect(out.corrections[1]).toBe("return");
  });

  it("stream units above the week's units leave 0", () => {
    expect(cleanHistory(freeze([{ units: 5, streamUnits: 9 }])).baseline).toEqual([0]);
  });

  it("no recorded week → an empty baseline", () => {
    expect(cleanHistory(freeze([{ units: null }])).baseline).toEqual([]);
    expect(cleanHistory([]).baseline).toEqual([]);
  });
});
