import fc from "fast-check";
import {
  isCellError,
  parseClass,
  parseCountry,
  parseDay,
  parseMode,
  parseNumber,
  parseText,
} from "../../../src/core/data/cells";
import { dayFromIso, dayOf, dayToIso } from "../../../src/core/time/day";

const iso = (s: string) => dayFromIso(s);

describe("parseDay: the date formats the contract accepts", () => {
  it.each([
    ["an Excel serial (45658 = 2025-01-01)", 45658, "2025-01-01"],
    ["a serial with a time of day", 45658.75, "2025-01-01"],
    ["a date cell", new Date(Date.UTC(2025, 2, 7)), "2025-03-07"],
    ["ISO text", "2025-03-07", "2025-03-07"],
    ["ISO text with a time", "2025-03-07T10:30:00Z", "2025-03-07"],
    ["ISO text with a space and time", "2025-03-07 10:30", "2025-03-07"],
    ["year/month/day", "2025/3/7", "2025-03-07"],
    ["year.month.day", "2025.03.07", "2025-03-07"],
    ["Chinese", "2025年3月7日", "2025-03-07"],
    ["compact", "20250307", "2025-03-07"],
    ["month/day/year (US, Excel en-US)", "3/7/2025", "2025-03-07"],
    ["day/month/year when the first number is above 12", "13/7/2025", "2025-07-13"],
    ["day.month.year (German)", "7.3.2025", "2025-03-07"],
    ["surrounding spaces", "  2025-03-07 ", "2025-03-07"],
  ])("%s", (_name, cell, expected) => {
    expect(parseDay(cell)).toBe(iso(expected));
  });

  it.each([["2025-02-30"], ["13/13/2025"], ["next week"], ["2025-3"], [true], [-5], [3e6]])(
    "rejects %p",
    (cell) => {
      expect(isCellError(parseDay(cell as never))).toBe(true);
    },
  );

  it("reads a blank as missing", () => {
    expect(parseDay(null)).toBeUndefined();
    expect(parseDay("  ")).toBeUndefined();
  });

  it("round-trips every ISO day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25000, max: 100000 }), (n) => parseDay(dayToIso(dayOf(n))) === n),
    );
  });
});

describe("parseNumber: numbers typed as text", () => {
  it.each([
    [12, 12],
    ["12", 12],
    [" 12.5 ", 12.5],
    ["1,234", 1234],
    ["1,234,567.5", 1234567.5],
    ["-3", -3],
    ["8%", 0.08],
    ["1e3", 1000],
    [".5", 0.5],
  ])("%p → %p", (cell, expected) => {
    expect(parseNumber(cell)).toBeCloseTo(expected, 12);
  });

  it.each([["abc"], ["12 units"], ["1,2"], [true], [new Date(0)], [Number.NaN], [Infinity]])(
    "rejects %p",
    (cell) => {
      expect(isCellError(parseNumber(cell as never))).toBe(true);
    },
  );

  it("reads any finite number written as text back exactly (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) =>
        Object.is(parseNumber(String(x)), x === 0 ? Number(String(x)) : x),
      ),
    );
  });
});

describe("parseText: keys stay text", () => {
  it("keeps leading zeros of a text SKU", () => expect(parseText("000123")).toBe("000123"));
  it("keeps formula-like text as text", () =>
    expect(parseText('=HYPERLINK("http://x")')).toBe('=HYPERLINK("http://x")'));
  it("writes a number cell as its digits", () => expect(parseText(123)).toBe("123"));
  it("trims and reads blanks as missing", () => {
    expect(parseText("  A-1 ")).toBe("A-1");
    expect(parseText("   ")).toBeUndefined();
  });
});

describe("codes", () => {
  it("modes in English (any case) and Chinese", () => {
    expect(
      ["sea", "AIR", "Express", "transfer", "海运", "空运", "快递", "调拨"].map((m) => parseMode(m)),
    ).toEqual(["SEA", "AIR", "EXPRESS", "TRANSFER", "SEA", "AIR", "EXPRESS", "TRANSFER"]);
    expect(isCellError(parseMode("rail"))).toBe(true);
  });
  it("classes and countries", () => {
    expect(parseClass("b")).toBe("B");
    expect(isCellError(parseClass("D"))).toBe(true);
    expect(parseCountry("th")).toBe("TH");
    expect(isCellError(parseCountry("Thailand"))).toBe(true);
  });
});
