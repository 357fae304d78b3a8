import type { Day } from "../time/day";
import type { Rng } from "./random";
import type { World } from "./world";

const DAYS_PER_YEAR = 365.2425;

/**
 * The true demand factor of a day in a country: weekday × yearly season × market events,
 * weekday(d) × (1 + a·cos(2π(doy − peak)/365.2425)) × Π multipliers of the events covering d.
 * Day 0 (1970-01-01) starts a year, so the day of the year is d mod 365.2425.
 *
 * @example demandFactor(world with no season or events, "US", dayFromIso("2026-11-27")!) // 1
 */
export function demandFactor(world: World, country: string, day: Day): number {
  const weekday = world.demand.weekday[(((day + 3) % 7) + 7) % 7];
  const doy = ((day % DAYS_PER_YEAR) + DAYS_PER_YEAR) % DAYS_PER_YEAR;
  const season =
    1 +
    world.demand.yearlyAmplitude *
      Math.cos((2 * Math.PI * (doy - world.demand.yearlyPeakDay)) / DAYS_PER_YEAR);
  let events = 1;
  for (const e of world.events)
    if (day >= e.start && day <= e.end && (e.countries.length === 0 || e.countries.includes(country)))
      events *= e.multiplier;
  return weekday * season * events;
}

/**
 * Everyday (non-stream) demand of one SKU at one warehouse on one day, units:
 * a negative binomial draw of mean weekly level ÷ 7 × `demandFactor`, size = the world's dispersion.
 *
 * @example drawDailyDemand(rng, 70, 1, 4) // a count with mean 10 and variance 10 + 100/4
 */
export function drawDailyDemand(rng: Rng, weeklyLevel: number, factor: number, dispersion: number): number {
  return rng.negativeBinomial((weeklyLevel / 7) * factor, dispersion);
}
