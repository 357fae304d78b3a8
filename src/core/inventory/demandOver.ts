import { InputError } from "../errors";
import type { Units } from "../units";

/**
 * A weekly demand forecast starting this week: one flat rate, or several weeks
 * that continue at their mean after the last one.
 */
export type WeeklyDemand = number | readonly number[];

function checkDemand(demand: WeeklyDemand): readonly number[] {
  const weeks = typeof demand === "number" ? [demand] : demand;
  if (weeks.length === 0) throw new InputError("na", "noNumbers", { param: "weekly_demand" });
  for (let i = 0; i < weeks.length; i++)
    if (!(weeks[i] >= 0))
      throw new InputError("num", "negativeInRange", { param: "weekly_demand", pos: i + 1, value: weeks[i] });
  return weeks;
}

/**
 * Demand over the next `periodWeeks` weeks:
 *   D(P) = Σ_{i < ⌊P⌋} d_i + (P − ⌊P⌋)·d_⌊P⌋, with d_i = mean(d) for i past the given weeks.
 *
 * @param demand units per week, this week first
 * @param periodWeeks P, weeks (≥ 0; fractional allowed)
 * @returns units
 * @throws InputError("na") for no weeks, InputError("num") for a negative week
 * @example demandOver([100, 200, 300], 2.5) // 450
 * @example demandOver([100, 200], 4) // 600 (weeks 3 and 4 at the mean, 150)
 */
export function demandOver(demand: WeeklyDemand, periodWeeks: number): Units {
  const weeks = checkDemand(demand);
  const n = weeks.length;
  const whole = Math.min(Math.floor(periodWeeks), n);
  let sum = 0;
  for (let i = 0; i < whole; i++) sum += weeks[i];
  if (periodWeeks <= n) return (whole < n ? sum + (periodWeeks - whole) * weeks[whole] : sum) as Units;
  let total = 0;
  for (let i = 0; i < n; i++) total += weeks[i];
  return (sum + (periodWeeks - n) * (total / n)) as Units;
}

/**
 * Weeks of cover: how long `onHand` lasts against the weekly demand, consumed in
 * order (fractional in the week it runs out), at the mean after the given weeks.
 * The inverse of `demandOver`: demandOver(d, weeksOfCover(s, d)) = s.
 *
 * @param onHand units in stock; 0 or less covers 0 weeks
 * @param demand units per week, this week first
 * @returns weeks
 * @throws InputError("num") when demand is all zero and stock is positive (cover is infinite)
 * @example weeksOfCover(250, [100, 100, 100]) // 2.5
 * @example weeksOfCover(500, [100, 200]) // 3.333… (200 left after two weeks, at 150 a week)
 */
export function weeksOfCover(onHand: number, demand: WeeklyDemand): number {
  const weeks = checkDemand(demand);
  if (onHand <= 0) return 0;
  let left = onHand;
  let total = 0;
  for (let i = 0; i < weeks.length; i++) {
    const d = weeks[i];
    if (d >= left) return i + left / d;
    left -= d;
    total += d;
  }
  if (total === 0) throw new InputError("num", "infiniteCover", {});
  return weeks.length + left / (total / weeks.length);
}
