import { addDays, type Day } from "../time/day";
import { demandFactor, drawDailyDemand } from "./demand";
import { keyedRng, transitDays } from "./leadTime";
import { randomStreams } from "./random";
import { simulateStreams, type SimStream } from "./streams";
import type { World, WorldLane, WorldSku } from "./world";

/** A SKU × warehouse the world sells. */
export interface SimPair {
  readonly index: number;
  readonly sku: WorldSku;
  readonly warehouse: string;
  readonly country: string;
}

/**
 * One draw of everything the world holds true for a run, made before any policy acts, so
 * every policy meets the same demand, streams and lead times (common random numbers).
 * Days are counted from `historyStart`: index `historyDays` is the first simulated Monday.
 */
export interface Realisation {
  readonly world: World;
  readonly seed: number;
  readonly run: number;
  readonly historyStart: Day;
  readonly historyDays: number;
  /** Simulated days (weeks × 7). */
  readonly days: number;
  readonly pairs: readonly SimPair[];
  readonly pairIndex: ReadonlyMap<string, number>;
  /** Everyday demand per pair and day (history and simulation), units. */
  readonly baseline: readonly Float64Array[];
  /** Stream demand per pair and day, units; 0 where no stream features the pair. */
  readonly streamDemand: readonly Float64Array[];
  /** The stream featuring a pair on a day (at most one per warehouse and day). */
  readonly streamOn: readonly Map<number, SimStream>[];
  readonly streams: readonly SimStream[];
  /** Real transit days of a departure on `lane` on `day`. */
  transit(lane: WorldLane, day: Day): number;
  /** Real production days of an order of `sku` placed on `day`. */
  production(sku: WorldSku, day: Day): number;
}

/** The key of a pair in `pairIndex`. */
export const simPairKey = (sku: string, warehouse: string): string => `${sku}\u0000${warehouse}`;

/**
 * Draws run `run` of `world` over `weeks` simulated weeks after its history: daily demand of
 * every pair (negative binomial about level × `demandFactor`), the streams and their sales,
 * and (lazily, one keyed draw per lane × day and SKU × day) lead and production times.
 *
 * @example realise(world, 7, 0, 26).baseline[0][realisation.historyDays] // units demanded on the first Monday
 */
export function realise(world: World, seed: number, run: number, weeks: number): Realisation {
  const rngs = randomStreams(seed, run);
  const historyDays = 7 * world.historyWeeks;
  const days = 7 * weeks;
  const historyStart = addDays(world.start, -historyDays);
  const total = historyDays + days;
  const countryOf = new Map(world.warehouses.map((w) => [w.warehouse, w.country]));
  const pairs: SimPair[] = [];
  for (const sku of world.skus)
    for (const w of world.warehouses)
      if ((sku.weekly[w.warehouse] ?? 0) > 0)
        pairs.push({ index: pairs.length, sku, warehouse: w.warehouse, country: w.country });
  const pairIndex = new Map(pairs.map((p) => [simPairKey(p.sku.sku, p.warehouse), p.index]));

  const baseline = pairs.map(() => new Float64Array(total));
  for (let t = 0; t < total; t++) {
    const day = addDays(historyStart, t);
    // History and simulation draw from separate streams: a longer history leaves the simulated demand as it was.
    const rng = t < historyDays ? rngs.history : rngs.demand;
    const factor = new Map<string, number>();
    for (const p of pairs) {
      let f = factor.get(p.country);
      if (f === undefined) factor.set(p.country, (f = demandFactor(world, p.country, day)));
      baseline[p.index][t] = drawDailyDemand(rng, p.sku.weekly[p.warehouse], f, world.demand.dispersion);
    }
  }

  const streams = simulateStreams(
    world,
    historyStart,
    addDays(historyStart, total),
    rngs.streams,
    rngs.viewers,
    rngs.streamUnits,
  );
  const streamDemand = pairs.map(() => new Float64Array(total));
  const streamOn = pairs.map(() => new Map<number, SimStream>());
  for (const s of streams)
    for (const it of s.items) {
      const p = pairIndex.get(simPairKey(it.sku, s.warehouse));
      if (p === undefined || countryOf.get(s.warehouse) === undefined) continue;
      const t = s.date - historyStart;
      streamDemand[p][t] += it.units;
      streamOn[p].set(t, s);
    }

  const laneIds = new Map(world.lanes.map((l, i) => [l, i]));
  const skuIds = new Map(world.skus.map((s, i) => [s, i]));
  const transitCache = new Map<number, number>();
  const productionCache = new Map<number, number>();
  return {
    world,
    seed,
    run,
    historyStart,
    historyDays,
    days,
    pairs,
    pairIndex,
    baseline,
    streamDemand,
    streamOn,
    streams,
    transit(lane, day) {
      const id = laneIds.get(lane) ?? 0;
      const key = id * 1e6 + (day - historyStart);
      let v = transitCache.get(key);
      if (v === undefined) transitCache.set(key, (v = transitDays(lane, keyedRng(seed, run, 1, id, day))));
      return v;
    },
    production(sku, day) {
      const id = skuIds.get(sku) ?? 0;
      const key = id * 1e6 + (day - historyStart);
      let v = productionCache.get(key);
      if (v === undefined)
        productionCache.set(
          key,
          (v = sku.productionDays + keyedRng(seed, run, 2, id, day).int(0, world.productionSpreadDays)),
        );
      return v;
    },
  };
}

/**
 * The day a shipment becomes sellable in this run: ship day + real production (none for
 * finished goods or a transfer) + real transit of the departure day + receiving days.
 *
 * @example arrivalDay(realisation, seaLane, sku, monday, false) // monday + 12…15 + 33±5 (+7…14) + 2
 */
export function arrivalDay(
  r: Realisation,
  lane: WorldLane,
  sku: WorldSku,
  shipDay: Day,
  finishedGoods: boolean,
): Day {
  const depart =
    finishedGoods || lane.mode === "TRANSFER" ? shipDay : addDays(shipDay, r.production(sku, shipDay));
  return addDays(depart, r.transit(lane, depart) + r.world.receivingDays);
}
