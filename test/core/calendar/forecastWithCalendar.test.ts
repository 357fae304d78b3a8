import { forecastWithCalendar, marketEvents } from "../../../src/core/calendar";
import { addDays, dayFromIso, dayToIso, weekStart, type Day } from "../../../src/core/time/day";

const d = (iso: string): Day => dayFromIso(iso) as Day;

describe("forecastWithCalendar", () => {
  // 2023-01-02 … 2025-09-29 (144 weeks) at 200 units ± a wiggle, Black Friday weeks × 1.8;
  // the forecast runs 12 weeks into Q4 2025, through Black Friday (28 Nov) and Cyber Monday.
  const start = d("2023-01-02");
  const events = marketEvents("US", d("2023-01-01"), d("2026-03-31"));
  const bfWeeks = new Set(events.filter((e) => e.key === "black-friday").map((e) => weekStart(e.start)));
  const units = Array.from({ length: 144 }, (_, i) => {
    const week = addDays(start, 7 * i);
    return (200 + 5 * Math.sin(i * 1.3)) * (bfWeeks.has(week) ? 1.8 : 1);
  });
  const f = forecastWithCalendar(Object.freeze({ start, units: Object.freeze(units) }), 12, events);

  it("starts the week after the history and multiplies Black Friday's week by the estimated uplift", () => {
    expect(dayToIso(f.weeks[0])).toBe("2025-10-06");
    const bf = f.weeks.findIndex((w) => dayToIso(w) === "2025-11-24");
    expect(f.uplifts[bf]).toBeCloseTo(1.8, 1);
    expect(f.mean[bf] / f.mean[bf - 2]).toBeCloseTo(1.8, 1);
  });

  it("ordinary weeks stay at the baseline: the Black Friday history weeks do not inflate them", () => {
    const ordinary = f.mean.filter((_, i) => f.uplifts[i] === 1);
    expect(ordinary.length).toBeGreaterThan(3);
    for (const v of ordinary) expect(Math.abs(v - 200)).toBeLessThan(8);
  });

  it("quantiles carry the week's uplift and stay ordered", () => {
    const bf = f.weeks.findIndex((w) => dayToIso(w) === "2025-11-24");
    expect(f.quantile(bf + 1, 0.9)).toBeGreaterThan(f.quantile(bf + 1, 0.5));
    expect(f.quantile(bf + 1, 0.5)).toBeCloseTo(f.mean[bf], 6);
  });

  it("events the history never saw use their defaults (Cyber Monday here: 1.6 in the US)", () => {
    const cm = f.events.find((e) => e.key === "cyber-monday" && dayToIso(e.start) === "2025-12-01");
    expect(cm?.upliftSource).toBe("history");
    const unseen = forecastWithCalendar(
      { start: d("2025-06-02"), units: new Array<number>(10).fill(50) },
      30,
      events,
    );
    const cmWeek = unseen.weeks.findIndex((w) => dayToIso(w) === "2025-12-01");
    expect(unseen.uplifts[cmWeek]).toBe(1.6);
    expect(unseen.mean[cmWeek]).toBeCloseTo(80, 6);
  });
});
