import {
  marketCalendar,
  marketEvents,
  supplyDelayDays,
  thanksgiving,
  weekUplift,
} from "../../../src/core/calendar";
import Holidays from "date-holidays";
import { addDays, dayFromIso, dayToIso, type Day } from "../../../src/core/time/day";

const d = (iso: string): Day => dayFromIso(iso) as Day;
const yearEvents = (country: string, year: number) =>
  marketEvents(country, d(`${year}-01-01`), d(`${year}-12-31`));
const startsOf = (country: string, year: number, key: string): string[] =>
  yearEvents(country, year)
    .filter((e) => e.key === key)
    .map((e) => dayToIso(e.start));

describe("market calendars", () => {
  it("Chinese New Year of every year 1990–2100 is the day date-holidays computes", () => {
    const rule = "chinese 01-0-01";
    const cny = new Holidays();
    cny.setHoliday(rule, { name: "Chinese New Year", type: "public" });
    for (let year = 1990; year <= 2100; year++) {
      const theirs = cny
        .getHolidays(year)
        .filter((h) => h.rule === rule)
        .map((h) => h.date.slice(0, 10));
      // The factories close 7 days before it (a country date-holidays does not know: no holidays to compute).
      const ours = yearEvents("ZZ", year)
        .filter((e) => e.key === "cny-supply")
        .map((e) => dayToIso(addDays(e.start, 7)));
      expect(ours).toEqual(theirs);
    }
  });

  it.each([
    ["US", 2026],
    ["DE", 2025],
    ["TH", 2027],
    ["ID", 2026],
    ["GB", 2026],
    ["JP", 2025],
  ])(
    "%s %i: the public holidays are date-holidays' own, every type of its calendar computed",
    (country, year) => {
      const all = new Holidays(country)
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => `${h.date.slice(0, 10)} ${h.name}`);
      const ours = yearEvents(country, year)
        .filter((e) => e.kind === "holiday")
        .map((e) => `${dayToIso(e.start)} ${e.name}`);
      expect(ours.length).toBeGreaterThan(5);
      expect(new Set(ours)).toEqual(new Set(all));
    },
  );

  // Thanksgiving = the fourth Thursday of November; Black Friday the day after; Cyber Monday the Monday after.
  it.each([
    [2025, "2025-11-27", "2025-11-28", "2025-12-01"],
    [2026, "2026-11-26", "2026-11-27", "2026-11-30"],
    [2027, "2027-11-25", "2027-11-26", "2027-11-29"],
  ])("US %i: Thanksgiving %s, Black Friday %s, Cyber Monday %s", (year, tg, bf, cm) => {
    expect(dayToIso(thanksgiving(year))).toBe(tg);
    expect(startsOf("US", year, "holiday:Thanksgiving Day")).toEqual([tg]);
    expect(startsOf("US", year, "black-friday")).toEqual([bf]);
    expect(startsOf("US", year, "cyber-monday")).toEqual([cm]);
    const week = yearEvents("US", year).find((e) => e.key === "thanksgiving-week");
    expect(week && [dayToIso(week.start), dayToIso(week.end)]).toEqual([
      dayToIso((d(tg) - 3) as Day),
      dayToIso((d(tg) + 3) as Day),
    ]);
  });

  it.each([2025, 2026, 2027])(
    "US %i: Independence Day 4 July, Prime Day in July, Christmas season",
    (year) => {
      expect(startsOf("US", year, "holiday:Independence Day")).toEqual([`${year}-07-04`]);
      expect(startsOf("US", year, "prime-day")[0]).toMatch(new RegExp(`^${year}-07-(0[89]|1[0-4])$`));
      expect(startsOf("US", year, "christmas-season")).toEqual([`${year}-12-01`]);
    },
  );

  // Good Friday: 18 Apr 2025, 3 Apr 2026, 26 Mar 2027 (Easter computus).
  it.each([
    [2025, "2025-04-18"],
    [2026, "2026-04-03"],
    [2027, "2027-03-26"],
  ])("DE %i: Karfreitag %s, Einheit 3 Oct, Christmas season, Black Friday", (year, goodFriday) => {
    expect(startsOf("DE", year, "holiday:Karfreitag")).toEqual([goodFriday]);
    expect(startsOf("DE", year, "holiday:Tag der Deutschen Einheit")).toEqual([`${year}-10-03`]);
    expect(startsOf("DE", year, "christmas-season")).toEqual([`${year}-12-01`]);
    expect(startsOf("DE", year, "black-friday")).toHaveLength(1);
    expect(startsOf("DE", year, "thanksgiving-week")).toEqual([]);
  });

  it.each([2025, 2026, 2027])("TH %i: Songkran 13–15 April and the double-digit sales", (year) => {
    expect(startsOf("TH", year, "holiday:Songkran Festival")).toEqual([
      `${year}-04-13`,
      `${year}-04-14`,
      `${year}-04-15`,
    ]);
    expect(startsOf("TH", year, "songkran")).toEqual([`${year}-04-13`]);
    for (const key of ["9.9", "10.10", "11.11", "12.12"]) {
      const [m] = key.split(".");
      expect(startsOf("TH", year, key)).toEqual([`${year}-${m.padStart(2, "0")}-${m.padStart(2, "0")}`]);
    }
  });

  // Imlek (Chinese New Year): 29 Jan 2025, 17 Feb 2026, 6 Feb 2027; Independence Day 17 August.
  it.each([
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
  ])("ID %i: Imlek %s, Independence 17 Aug, Ramadan before Lebaran, 11.11", (year, imlek) => {
    expect(startsOf("ID", year, "holiday:Tahun Baru Imlek")).toEqual([imlek]);
    expect(startsOf("ID", year, "holiday:Hari Ulang Tahun Kemerdekaan Republik Indonesia")).toEqual([
      `${year}-08-17`,
    ]);
    const ramadan = yearEvents("ID", year).find((e) => e.key === "ramadan");
    const lebaran = yearEvents("ID", year).find((e) => e.key === "lebaran");
    expect(ramadan && lebaran && ramadan.end + 1 === lebaran.start).toBe(true);
    expect(lebaran && lebaran.uplift).toBeLessThan(1);
    expect(startsOf("ID", year, "11.11")).toEqual([`${year}-11-11`]);
  });

  it("ID 2026: Lebaran is 1 Shawwal (20 March) ± 3 days", () => {
    const lebaran = yearEvents("ID", 2026).find((e) => e.key === "lebaran");
    expect(lebaran && [dayToIso(lebaran.start), dayToIso(lebaran.end)]).toEqual(["2026-03-17", "2026-03-23"]);
  });

  it("Chinese New Year is a supply event for every market: −7 to +21 days, lead times +21 days", () => {
    const cny = yearEvents("DE", 2026).find((e) => e.key === "cny-supply");
    expect(cny && [dayToIso(cny.start), dayToIso(cny.end), cny.kind]).toEqual([
      "2026-02-10",
      "2026-03-10",
      "supply",
    ]);
    const events = yearEvents("US", 2026);
    expect(supplyDelayDays(events, d("2026-02-17"))).toBe(21);
    expect(supplyDelayDays(events, d("2026-04-01"))).toBe(0);
  });

  it("an unknown country code gets no holidays and a warning, not a throw", () => {
    const cal = marketCalendar("xx", d("2026-01-01"), d("2026-12-31"));
    expect(cal.warning).toEqual({ key: "calendarUnknownCountry", params: { country: "XX" } });
    expect(cal.events.every((e) => e.kind === "supply")).toBe(true);
    expect(marketCalendar("", d("2026-01-01"), d("2026-01-31")).warning).toBeDefined();
    expect(marketCalendar("US", d("2026-01-01"), d("2026-01-31")).warning).toBeUndefined();
  });

  it("only events overlapping [from, to] are returned, sorted by start", () => {
    const events = marketEvents("US", d("2025-11-28"), d("2025-11-28"));
    expect(events.map((e) => e.key)).toEqual(["thanksgiving-week", "black-friday"]);
  });

  it("weekUplift takes the strongest event of the week, not the product; 1 with none", () => {
    const events = yearEvents("US", 2025);
    expect(weekUplift(events, d("2025-11-24"))).toBe(2);
    expect(weekUplift(events, d("2025-12-01"))).toBe(1.6);
    expect(weekUplift(events, d("2025-03-03"))).toBe(1);
    expect(weekUplift(yearEvents("ID", 2026), d("2026-03-23"))).toBe(0.8);
  });

  it("the kept holiday years give the same calendar, whatever was asked before and whatever the caller did with it", () => {
    const first = marketCalendar("ID", d("2025-01-01"), d("2027-12-31"));
    const firstCopy = JSON.parse(JSON.stringify(first)) as unknown;
    (first.events as unknown as unknown[]).length = 0;
    marketCalendar("ID", d("2026-03-01"), d("2026-03-31"));
    expect(marketCalendar("ID", d("2025-01-01"), d("2027-12-31"))).toEqual(firstCopy);
    // Lebaran 2026 (1 Shawwal 1447 = 20 March 2026) still from the kept ID 2026 holidays.
    expect(startsOf("ID", 2026, "lebaran")).toEqual(["2026-03-17"]);
  });

  it("the Chinese New Year supply window starts 7 days before CN's own 'chinese 01-0-01' holiday, 2000–2060", () => {
    const cn = new Holidays("CN");
    const expected: string[] = [];
    for (let year = 2000; year <= 2060; year++)
      for (const h of cn.getHolidays(year))
        if (h.rule === "chinese 01-0-01") expected.push(dayToIso(addDays(d(h.date.slice(0, 10)), -7)));
    const starts = marketEvents("DE", d("2000-01-01"), d("2060-12-31"))
      .filter((e) => e.key === "cny-supply" && e.start >= d("1999-12-25"))
      .map((e) => dayToIso(e.start));
    expect(expected).toHaveLength(61);
    expect(starts).toEqual(expected);
  });

  it("a short range around a year's turn gets every event a wide range has there (Ramadan from January's 1 Shawwal, CNY, substitutes)", () => {
    const key = (e: { key: string; start: Day; end: Day }) =>
      `${e.key}@${dayToIso(e.start)}..${dayToIso(e.end)}`;
    for (const country of ["US", "DE", "GB", "ID", "TH", "JP", "CN", "XX"])
      for (const [from, to] of [
        ["2030-12-01", "2031-01-10"],
        ["2031-12-20", "2032-01-05"],
        ["2032-12-05", "2032-12-31"],
        ["2026-01-01", "2026-01-01"],
        ["2025-12-31", "2025-12-31"],
      ]) {
        const [a, b] = [d(from), d(to)];
        const wide = marketEvents(country, addDays(a, -800), addDays(b, 800)).filter(
          (e) => e.start <= b && e.end >= a,
        );
        expect(marketEvents(country, a, b).map(key)).toEqual(wide.map(key));
      }
    // 1 Shawwal 1453 AH ≈ 6 January 2032: Ramadan starts in December 2031.
    expect(
      marketEvents("ID", d("2031-12-01"), d("2031-12-31"))
        .filter((e) => e.key === "ramadan")
        .map((e) => dayToIso(e.start).slice(0, 7)),
    ).toEqual(["2031-12"]);
  });
});
