import { addDays, dayToIso, type Day } from "../time/day";
import type { Rng } from "./random";
import type { StreamLaw, World } from "./world";

/** A featured SKU of a stream and the units the stream would sell of it with unlimited stock (true demand). */
export interface StreamDemandItem {
  readonly sku: string;
  readonly units: number;
}

/** One stream of a run: what is announced, and what really happens. */
export interface SimStream {
  readonly id: string;
  readonly date: Day;
  readonly warehouse: string;
  /** The day the seller learns of the stream and its expected viewers. */
  readonly announced: Day;
  readonly expectedViewers: number;
  readonly dwellMinutes: number;
  readonly hours: number;
  /** Peak viewers that really came. */
  readonly viewers: number;
  readonly realDwellMinutes: number;
  readonly items: readonly StreamDemandItem[];
}

/**
 * Mean units of a featured SKU under the world's stream law (unknown to the planner):
 * appeal × unitsPer10kViewers × (viewers/10,000)^viewersExponent × (dwell/3)^dwellExponent.
 *
 * @example streamLawMean({ unitsPer10kViewers: 40, viewersExponent: 1, dwellExponent: 0, … }, 1, 20000, 3) // 80
 */
export function streamLawMean(law: StreamLaw, appeal: number, viewers: number, dwellMinutes: number): number {
  return (
    appeal *
    law.unitsPer10kViewers *
    Math.pow(viewers / 10_000, law.viewersExponent) *
    Math.pow(dwellMinutes / 3, law.dwellExponent)
  );
}

/** `k` distinct SKUs drawn with probability proportional to their weights (hits are featured more often). */
function weightedPick(rng: Rng, items: readonly { sku: string; weight: number }[], k: number): string[] {
  const pool = items.filter((i) => i.weight > 0).map((i) => ({ ...i }));
  const out: string[] = [];
  while (out.length < k && pool.length > 0) {
    let total = 0;
    for (const i of pool) total += i.weight;
    let x = rng.next() * total;
    let at = 0;
    while (at < pool.length - 1 && x >= pool[at].weight) x -= pool[at++].weight;
    out.push(pool[at].sku);
    pool.splice(at, 1);
  }
  return out.sort();
}

/**
 * Every stream of a run from `from` (inclusive) to `to` (exclusive): the scheduled ones, and the
 * cadence's (per warehouse and week, ⌊perWeek⌋ streams plus one with the fractional chance, on
 * distinct random days; expected viewers log-normal about the cadence's median; featured SKUs drawn
 * by weekly sales). Realised viewers = expected × e^(viewersNoise·Z); each featured SKU's units are a
 * Poisson draw about `streamLawMean` × e^(noise·Z). `streams` draws the schedule, `viewers` the
 * realised audience, `units` the sales, so the three are independent.
 *
 * @example simulateStreams(world, from, to, rngs.streams, rngs.viewers, rngs.streamUnits).length
 */
export function simulateStreams(
  world: World,
  from: Day,
  to: Day,
  schedule: Rng,
  audience: Rng,
  sales: Rng,
): SimStream[] {
  const skuOf = new Map(world.skus.map((s) => [s.sku, s]));
  const [announceMin, announceMax] = world.streams.announceDays;
  const law = world.streams.law;
  const out: SimStream[] = [];
  const realise = (
    id: string,
    date: Day,
    warehouse: string,
    expectedViewers: number,
    dwellMinutes: number,
    hours: number,
    featured: readonly string[],
    announceDays?: number,
  ): void => {
    const ahead = schedule.int(Math.round(announceMin), Math.round(announceMax));
    const announced = addDays(date, -(announceDays ?? ahead));
    const viewers = Math.max(1, Math.round(expectedViewers * Math.exp(law.viewersNoise * audience.normal())));
    const realDwellMinutes = dwellMinutes * Math.exp(0.15 * audience.normal());
    const items = featured.map((sku) => {
      const mean = streamLawMean(law, skuOf.get(sku)?.streamAppeal ?? 1, viewers, realDwellMinutes);
      return {
        sku,
        units: sales.poisson(mean * Math.exp(law.noise * sales.normal() - (law.noise * law.noise) / 2)),
      };
    });
    out.push({
      id,
      date,
      warehouse,
      announced,
      expectedViewers: Math.round(expectedViewers),
      dwellMinutes,
      hours,
      viewers,
      realDwellMinutes,
      items,
    });
  };

  for (const s of world.streams.scheduled) {
    if (s.date < from || s.date >= to) continue;
    const featured =
      s.featured.length > 0
        ? s.featured
        : [...world.skus]
            .sort((a, b) => (b.weekly[s.warehouse] ?? 0) - (a.weekly[s.warehouse] ?? 0))
            .slice(0, 6)
            .map((k) => k.sku);
    realise(s.id, s.date, s.warehouse, s.viewers, s.dwellMinutes, s.hours, featured, s.announceDays);
  }
  const taken = new Set(out.map((s) => `${s.warehouse}@${s.date}`));
  for (let week = from; week < to; week = addDays(week, 7)) {
    for (const c of world.streams.cadence) {
      const count = Math.floor(c.perWeek) + (schedule.next() < c.perWeek % 1 ? 1 : 0);
      const days = [0, 1, 2, 3, 4, 5, 6];
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(schedule.next() * (days.length - i));
        [days[i], days[j]] = [days[j], days[i]];
        const date = addDays(week, days[i]);
        const expected = schedule.logNormal(c.viewers, c.viewersSpread);
        const k = schedule.int(Math.round(c.featured[0]), Math.round(c.featured[1]));
        const featured = weightedPick(
          schedule,
          world.skus.map((s) => ({ sku: s.sku, weight: s.weekly[c.warehouse] ?? 0 })),
          k,
        );
        if (date >= to || taken.has(`${c.warehouse}@${date}`) || featured.length === 0) continue;
        taken.add(`${c.warehouse}@${date}`);
        realise(
          `${c.warehouse}-${dayToIso(date)}`,
          date,
          c.warehouse,
          expected,
          c.dwellMinutes,
          c.hours,
          featured,
        );
      }
    }
  }
  return out.sort((a, b) => a.date - b.date || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
