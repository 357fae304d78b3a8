import type { PlanInput } from "../data/model";
import { pastStreamItems, type PastStreamItem } from "../stream";
import { addDays, weekStart, type Day } from "../time/day";
import { pairKey } from "./salesHistory";

/** Weeks of past streams the cadence is read from: recent enough to follow a change of rhythm, long enough to be steady. */
export const CADENCE_WEEKS = 26;

/** How often a SKU is streamed at a warehouse, and what a featuring sells. */
export interface PairCadence {
  readonly sku: string;
  readonly warehouse: string;
  /** The warehouse's past streams per week over the window. */
  readonly streamsPerWeek: number;
  /** Share of those streams that featured the SKU. */
  readonly featureShare: number;
  /** Mean units per featuring with known units. */
  readonly unitsPerFeature: number;
  /** Expected stream units per week: streams per week × feature share × units per featuring. */
  readonly weeklyUnits: number;
  /**
   * Variance of those units per week, units²: each of the s streams a week features the SKU with
   * probability p and a featuring sells X (`weeklyVariance`; X's moments over the items with
   * known units, sold-out ones as recorded).
   */
  readonly weeklyVariance: number;
}

/** The seller's stream rhythm and how far ahead it has announced streams. */
export interface StreamCadence {
  /** By `pairKey(sku, warehouse)`, pairs featured in the window only. */
  readonly pairs: ReadonlyMap<string, PairCadence>;
  /** Per warehouse, the day of its last announced stream (on or after the plan date). */
  readonly announcedUntil: ReadonlyMap<string, Day>;
}

/**
 * The seller's stream cadence (DESIGN.md method step 5: streams beyond the announcement
 * horizon are still coming). Per warehouse, its streams in the last 26 weeks before the plan
 * date's week — or since the week of its first stream, if later — give streams per week; per
 * SKU there, the share of those streams featuring it and its mean units per featuring (units
 * as the stream model reads them, items with unknown units left out of the mean; a sold-out
 * item's units are a lower bound, so the mean is the larger of the uncensored items' mean and
 * the sold-out items' mean). Expected
 * weekly stream units = streams per week × feature share × units per featuring. Also the last
 * announced stream day per warehouse, after which that demand is not yet in any planned stream.
 * `items`, when given, are `pastStreamItems(input, planDate)` already read (the plan's stream
 * model reads the same; the backtest reads them once for all its weeks).
 *
 * @example streamCadence(input, planDate).pairs.get(pairKey("S1", "US-West"))?.weeklyUnits // e.g. 1 stream a week × 0.5 × 20 = 10
 */
export function streamCadence(
  input: PlanInput,
  planDate: Day,
  items: readonly PastStreamItem[] = pastStreamItems(input, planDate),
): StreamCadence {
  const end = weekStart(planDate);
  const windowStart = addDays(end, -7 * CADENCE_WEEKS);
  const first = new Map<string, Day>();
  for (const s of input.streams)
    if (s.date < planDate && s.date < (first.get(s.warehouse) ?? Infinity)) first.set(s.warehouse, s.date);
  const streamsAt = new Map<string, Set<string>>();
  const featured = new Map<
    string,
    {
      sku: string;
      warehouse: string;
      n: number;
      known: number;
      units: number;
      out: number;
      outUnits: number;
      squares: number;
    }
  >();
  for (const { stream: s, sku, units, soldOut } of items) {
    if (s.date < windowStart) continue;
    const ids = streamsAt.get(s.warehouse) ?? new Set<string>();
    ids.add(s.streamId);
    streamsAt.set(s.warehouse, ids);
    const key = pairKey(sku, s.warehouse);
    const f = featured.get(key) ?? {
      sku,
      warehouse: s.warehouse,
      n: 0,
      known: 0,
      units: 0,
      out: 0,
      outUnits: 0,
      squares: 0,
    };
    f.n++;
    if (units !== undefined) f.squares += units * units;
    if (units !== undefined && soldOut) {
      f.out++;
      f.outUnits += units;
    } else if (units !== undefined) {
      f.known++;
      f.units += units;
    }
    featured.set(key, f);
  }
  const pairs = new Map<string, PairCadence>();
  for (const [key, f] of featured) {
    const streams = streamsAt.get(f.warehouse)?.size ?? 0;
    const from = Math.max(windowStart, weekStart(first.get(f.warehouse) ?? windowStart));
    const weeks = Math.max(1, (planDate - from) / 7);
    const streamsPerWeek = streams / weeks;
    const featureShare = streams > 0 ? f.n / streams : 0;
    const unitsPerFeature = Math.max(f.known > 0 ? f.units / f.known : 0, f.out > 0 ? f.outUnits / f.out : 0);
    pairs.set(key, {
      sku: f.sku,
      warehouse: f.warehouse,
      streamsPerWeek,
      featureShare,
      unitsPerFeature,
      weeklyUnits: streamsPerWeek * featureShare * unitsPerFeature,
      weeklyVariance: weeklyVariance(
        streamsPerWeek,
        featureShare,
        f.known + f.out,
        f.units + f.outUnits,
        f.squares,
      ),
    });
  }
  const announcedUntil = new Map<string, Day>();
  for (const s of input.streams)
    if (s.date >= planDate && s.date > (announcedUntil.get(s.warehouse) ?? -Infinity))
      announcedUntil.set(s.warehouse, s.date);
  return { pairs, announcedUntil };
}

/**
 * Variance of a SKU's stream units in a week, units²: s streams a week, each featuring it with
 * probability p, a featuring selling X (n of them known, Σx and Σx² their sums):
 *   Var = s·p·Var(X) + s·p·(1 − p)·E[X]²  (a binomial number of featurings, each a random amount).
 * 0 without a known featuring.
 *
 * @example weeklyVariance(1, 0.5, 2, 40, 800) // X = 20, 20: 0.5 × 0 + 0.25 × 400 = 100
 */
export function weeklyVariance(s: number, p: number, n: number, sum: number, squares: number): number {
  if (!(n > 0)) return 0;
  const mean = sum / n;
  const variance = Math.max(0, squares / n - mean * mean);
  return s * p * variance + s * p * (1 - p) * mean * mean;
}
