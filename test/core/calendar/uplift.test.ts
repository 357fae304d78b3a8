import { estimateUplifts, marketEvents, weekUplift } from "../../../src/core/calendar";
import { addDays, dayFromIso, weekStart, type Day } from "../../../src/core/time/day";

const d = (iso: string): Day => dayFromIso(iso) as Day;

describe("estimateUplifts", () => {
  // Synthetic history, 2023-01-02 … 2025-06-30: 100 units a week ± a deterministic wiggle,
  // Black Friday weeks × 1.8, Prime Day weeks × 1.25; nothing else.
  const start = d("2023-01-02");
  const events = marketEvents("US", d("2023-01-01"), d("2026-12-31"));
  const bfWeeks = new Set(events.filter((e) => e.key === "black-friday").map((e) => weekStart(e.start)));
  const primeWeeks = new Set(events.filter((e) => e.key === "prime-day").map((e) => weekStart(e.start)));
  const units = Array.from({ length: 131 }, (_, i) => {
    const week = addDays(start, 7 * i);
    const base = 100 + 3 * Math.sin(i * 2.1);
    return base * (bfWeeks.has(week) ? 1.8 : primeWeeks.has(week) ? 1.25 : 1);
  });
  const history = Object.freeze({ start, units: Object.freeze(units) });
  const estimated = estimateUplifts(history, events);

  it("recovers the known Black Friday uplift of 1.8 and applies it to 2025 and 2026 too", () => {
    const bf = estimated.filter((e) => e.key === "black-friday");
    expect(bf.length).toBeGreaterThanOrEqual(4);
    for (const e of bf) {
      expect(e.upliftSource).toBe("history");
      expect(e.uplift).toBeGreaterThan(1.7);
      expect(e.uplift).toBeLessThan(1.9);
    }
  });

  it("recovers the Prime Day uplift of 1.25", () => {
    const prime = estimated.find((e) => e.key === "prime-day");
    expect(prime?.uplift).toBeCloseTo(1.25, 1);
  });

  it("an event without effect in the history is estimated near 1", () => {
    const labor = estimated.find((e) => e.key === "holiday:Labor Day");
    expect(labor?.upliftSource).toBe("history");
    expect(labor?.uplift).toBeCloseTo(1, 1);
  });

  it("events the history does not cover keep their default; supply events are unchanged", () => {
    const short = estimateUplifts({ start, units: units.slice(0, 10) }, events);
    expect(short.find((e) => e.key === "black-friday")).toMatchObject({ uplift: 2, upliftSource: "default" });
    expect(estimated.filter((e) => e.kind === "supply").every((e) => e.upliftSource === "default")).toBe(
      true,
    );
  });

  it("feeds weekUplift: the estimate, not the default, for a future Black Friday week", () => {
    expect(weekUplift(estimated, d("2026-11-23"))).toBeCloseTo(1.8, 1);
  });

  it("blank (NaN) weeks make an occurrence uncovered instead of NaN", () => {
    const holey = units.map((v, i) => (i > 40 ? NaN : v));
    const out = estimateUplifts({ start, units: holey }, events);
    expect(out.every((e) => Number.isFinite(e.uplift))).toBe(true);
  });
});
