import fc from "fast-check";
import {
  addDays,
  dayFromExcelSerial,
  dayFromIso,
  dayOf,
  dayToExcelSerial,
  dayToIso,
  weekday,
  weekStart,
} from "../../../src/core/time/day";

describe("days", () => {
  test("docs examples: day 0 is 1970-01-01; Excel serial 45658 is 2025-01-01", () => {
    expect(dayToIso(dayOf(0))).toBe("1970-01-01");
    expect(dayFromIso("1970-01-02")).toBe(1);
    expect(dayToIso(dayFromExcelSerial(45658))).toBe("2025-01-01");
    expect(dayToExcelSerial(dayFromIso("2025-01-01")!)).toBe(45658);
  });
  test("leap days and century rules", () => {
    expect(dayToIso(dayFromIso("2024-02-29")!)).toBe("2024-02-29");
    expect(dayToIso(addDays(dayFromIso("2100-02-28")!, 1))).toBe("2100-03-01");
    expect(dayToIso(addDays(dayFromIso("2000-02-28")!, 1))).toBe("2000-02-29");
    expect(dayFromIso("2025-02-29")).toBeUndefined();
    expect(dayFromIso("2025-13-01")).toBeUndefined();
    expect(dayFromIso("7 March")).toBeUndefined();
  });
  test("property: dayToIso agrees with the JavaScript calendar, and dayFromIso inverts it", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 2_932_896 }) /* 1900-01-01 … 9999-12-31 */, (n) => {
        const iso = dayToIso(dayOf(n));
        expect(iso).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(dayFromIso(iso)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
  test("weeks start on Monday: 2026-11-25 is a Wednesday, its week starts 2026-11-23", () => {
    const d = dayFromIso("2026-11-25")!;
    expect(weekday(d)).toBe(2);
    expect(dayToIso(weekStart(d))).toBe("2026-11-23");
    expect(weekday(dayOf(-1))).toBe(2);
  });
});
