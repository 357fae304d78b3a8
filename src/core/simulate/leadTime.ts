import { Rng } from "./random";
import type { World, WorldLane } from "./world";

/**
 * A generator seeded from a few whole numbers (FNV-style mix), so one draw belongs to one key —
 * a lane and a departure day — whatever else was drawn before.
 *
 * @example keyedRng(1, 0, 7).next() === keyedRng(1, 0, 7).next() // true
 */
export function keyedRng(...keys: readonly number[]): Rng {
  let h = 0x811c9dc5;
  for (const k of keys) {
    h = Math.imul(h ^ (k | 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
  }
  return new Rng(h ^ (h >>> 15));
}

/**
 * Real transit days of a departure on a lane: max(1, round(lead + spread·Z)), plus with
 * probability `delayProbability` a port delay of U{delayDays[0], delayDays[1]} days.
 * Everything that leaves on one lane on one day shares the draw (the same vessel or flight).
 *
 * @example transitDays({ leadDays: 5, spreadDays: 0, delayProbability: 0, … }, rng) // 5
 */
export function transitDays(lane: WorldLane, rng: Rng): number {
  let days = Math.max(1, Math.round(lane.leadDays + lane.spreadDays * rng.normal()));
  if (lane.delayProbability > 0 && rng.next() < lane.delayProbability)
    days += rng.int(Math.round(lane.delayDays[0]), Math.round(lane.delayDays[1]));
  return days;
}

/**
 * The spread a seller with experience of the lane would state, days: the standard deviation of
 * real transit, port delays included, √(spread² + p·E[D²] − (p·E[D])²), D uniform on delayDays.
 *
 * @example statedSpreadDays({ spreadDays: 3, delayProbability: 0, … }) // 3
 */
export function statedSpreadDays(lane: WorldLane): number {
  const [a, b] = lane.delayDays;
  const mean = (a + b) / 2;
  const meanSquare = (a * a + a * b + b * b) / 3;
  const p = lane.delayProbability;
  return Math.sqrt(lane.spreadDays ** 2 + p * meanSquare - (p * mean) ** 2);
}

/**
 * The production spread a seller with experience of the supplier would state, days: the root
 * mean square of real − stated production days, U{0, …, S} for S = `productionSpreadDays`,
 * √(S(2S + 1)/6) — a root mean square, not a standard deviation, because the supplier is late
 * on average and the plan reads the spread as one around the stated days.
 *
 * @example statedProductionSpreadDays({ productionSpreadDays: 3 }) // √3.5 ≈ 1.87
 */
export function statedProductionSpreadDays(world: Pick<World, "productionSpreadDays">): number {
  const s = world.productionSpreadDays;
  return Math.sqrt((s * (2 * s + 1)) / 6);
}
