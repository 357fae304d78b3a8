import type { PlanInput, SalesRow } from "../data/model";
import { addDays, weekStart, type Day } from "../time/day";

/** The longest history the plan reads, in weeks: three seasons are enough for a yearly pattern. */
export const MAX_HISTORY_WEEKS = 156;

/** Weekly sales of one SKU × warehouse. */
export interface PairHistory {
  readonly sku: string;
  readonly warehouse: string;
  /** Units per week, index 0 = `SalesHistory.firstWeek`, all channels. */
  readonly units: Float64Array;
  /**
   * Of those, units sold in live streams. Read only: the pairs that never sold in a stream (most)
   * share one array of zeros.
   */
  readonly streamUnits: Float64Array;
  /** Sales value over the last `abcWeeks` weeks: revenue where given, else units × price (unit cost when no price). */
  recentValue: number;
  /** Units over the last `abcWeeks` weeks. */
  recentUnits: number;
  /** Whether every sale of those weeks had a revenue or a price, so that profit is known. */
  priced: boolean;
}

/** Sales aggregated in one pass to weeks per SKU × warehouse. */
export interface SalesHistory {
  /** Monday of the first week held. */
  readonly firstWeek: Day;
  /** Complete weeks held, ending the week before the plan date's week. */
  readonly weeks: number;
  /** By `pairKey`. */
  readonly pairs: ReadonlyMap<string, PairHistory>;
  /** The past stream days it told stream sales by (`pastStreamDays` on its plan date); absent on a history cut from another. */
  readonly streamDays?: StreamDays;
}

/**
 * The map key of a SKU × warehouse.
 *
 * @example pairKey("S1", "US-West") // "S1\u0000US-West"
 */
export const pairKey = (sku: string, warehouse: string): string => `${sku}\u0000${warehouse}`;

/**
 * A source of zeroed Float64Arrays of `length`, each a view into a shared buffer
 * of `perBuffer` of them: at 20,000 pairs, tens of thousands of small typed arrays
 * each cost an allocation and a buffer the garbage collector has to track.
 * The views never overlap.
 *
 * @example const next = float64Views(104); next().length // 104, all 0
 */
export function float64Views(length: number, perBuffer = 2048): () => Float64Array {
  let buffer = new Float64Array(0);
  let used = 0;
  return () => {
    if (used + length > buffer.length) {
      buffer = new Float64Array(perBuffer * length);
      used = 0;
    }
    used += length;
    return buffer.subarray(used - length, used);
  };
}

/**
 * Values by SKU then warehouse: lookups with the row's own strings, so reading
 * a million sales rows builds no key strings. The last lookup is remembered:
 * rows come mostly grouped by SKU × warehouse, so most lookups of a pass over
 * them are two string comparisons, not two hash lookups.
 *
 * @example new PairMap<number>().get("S1", "US-West") // undefined
 */
export class PairMap<T> {
  private readonly bySku = new Map<string, Map<string, T>>();
  private lastSku: string | undefined;
  private lastWarehouse: string | undefined;
  private lastValue: T | undefined;

  get(sku: string, warehouse: string): T | undefined {
    if (sku === this.lastSku && warehouse === this.lastWarehouse) return this.lastValue;
    this.lastSku = sku;
    this.lastWarehouse = warehouse;
    this.lastValue = this.bySku.get(sku)?.get(warehouse);
    return this.lastValue;
  }

  set(sku: string, warehouse: string, value: T): void {
    let inner = this.bySku.get(sku);
    if (!inner) {
      inner = new Map();
      this.bySku.set(sku, inner);
    }
    inner.set(warehouse, value);
    this.lastSku = sku;
    this.lastWarehouse = warehouse;
    this.lastValue = value;
  }
}

/** `T` with its readonly properties writable: a history under construction. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Past stream days: for a SKU × warehouse, the days a stream before the plan date featured the SKU there. */
export type StreamDays = PairMap<Set<number>>;

/**
 * Past stream days whose sales cannot be told apart by row: SKU × warehouse × day on which
 * a stream before the plan date featured the SKU at that warehouse, for streams that no Sales
 * row names. A stream the Sales rows name has its sales in those rows; the rest of its day
 * (orders from the shop, ads, other channels) is baseline.
 *
 * @example pastStreamDays(input, planDate).get("S1", "US-West")?.has(streamDay) // true when no row names that stream
 */
export function pastStreamDays(input: PlanInput, planDate: Day): StreamDays {
  const named = new Set<string>();
  // Indexed, not for-of: a loop run once over a million rows, mostly before the optimizer
  // has compiled it, allocates an iterator result per row.
  const sales = input.sales;
  for (let i = 0; i < sales.length; i++) {
    const id = sales[i].streamId;
    if (id !== undefined) named.add(id);
  }
  const streamById = new Map(input.streams.map((s) => [s.streamId, s]));
  const out: StreamDays = new PairMap();
  for (const item of input.streamItems) {
    const s = streamById.get(item.streamId);
    if (!s || s.date >= planDate || named.has(s.streamId)) continue;
    let days = out.get(item.sku, s.warehouse);
    if (!days) {
      days = new Set();
      out.set(item.sku, s.warehouse, days);
    }
    days.add(s.date);
  }
  return out;
}

/**
 * Whether a sales row is a stream sale: it names a stream, or falls on the day of a past
 * stream of its SKU × warehouse that no Sales row names (see {@link pastStreamDays}).
 *
 * @example isStreamSale({ date, sku: "S1", warehouse: "W1", units: 3, streamId: "L1" }, days) // true
 */
export const isStreamSale = (r: SalesRow, streamDays: StreamDays): boolean =>
  r.streamId !== undefined || (streamDays.get(r.sku, r.warehouse)?.has(r.date) ?? false);

/**
 * Weekly units per SKU × warehouse over the complete weeks before the plan
 * date's week (at most MAX_HISTORY_WEEKS). A sale is a stream sale when its row
 * names a stream, or when it falls on a day a past stream featured the SKU at
 * that warehouse and no Sales row names that stream. Weeks without a row count 0: the Sales table lists what sold.
 * Sales value and units of the last `abcWeeks` weeks are summed for the ABC classes.
 *
 * @example salesHistory(input, dayFromIso("2026-11-16")!).pairs.get(pairKey("S1", "W1"))?.units // units per week
 */
export function salesHistory(input: PlanInput, planDate: Day, abcWeeks = 52): SalesHistory {
  const end = weekStart(planDate);
  let first = end;
  // Indexed, not for-of: a loop run once over a million rows, mostly before the optimizer
  // has compiled it, allocates an iterator result per row.
  const sales = input.sales;
  for (let i = 0; i < sales.length; i++) if (sales[i].date < first) first = sales[i].date;
  let firstWeek = weekStart(first);
  const maxStart = addDays(end, -7 * MAX_HISTORY_WEEKS);
  if (firstWeek < maxStart) firstWeek = maxStart;
  const weeks = Math.max(0, Math.round((end - firstWeek) / 7));
  const recentFrom = weeks - abcWeeks;
  const priceOf = new Map(input.skus.map((s) => [s.sku, s.price ?? s.unitCost]));
  const hasPrice = new Set(input.skus.filter((s) => s.price !== undefined).map((s) => s.sku));
  const streamDays = pastStreamDays(input, planDate);
  const pairs = new Map<string, PairHistory>();
  const index = new PairMap<Writable<PairHistory>>();
  const weeksArray = float64Views(weeks);
  // A pair's own stream units only once it sells in a stream: 20,000 arrays, mostly of zeros, would
  // be half the history's memory.
  const noStreamUnits = new Float64Array(weeks);
  for (let i = 0; i < sales.length; i++) {
    const r = sales[i];
    if (r.date < firstWeek || r.date >= end) continue;
    let p = index.get(r.sku, r.warehouse);
    if (!p) {
      p = {
        sku: r.sku,
        warehouse: r.warehouse,
        units: weeksArray(),
        streamUnits: noStreamUnits,
        recentValue: 0,
        recentUnits: 0,
        priced: true,
      };
      pairs.set(pairKey(r.sku, r.warehouse), p);
      index.set(r.sku, r.warehouse, p);
    }
    const w = Math.floor((r.date - firstWeek) / 7);
    p.units[w] += r.units;
    if (isStreamSale(r, streamDays)) {
      if (p.streamUnits === noStreamUnits) p.streamUnits = weeksArray();
      p.streamUnits[w] += r.units;
    }
    if (w < recentFrom) continue;
    p.recentUnits += r.units;
    if (r.revenue !== undefined) p.recentValue += r.revenue;
    else {
      p.recentValue += r.units * (priceOf.get(r.sku) ?? 0);
      if (!hasPrice.has(r.sku)) p.priced = false;
    }
  }
  return { firstWeek, weeks, pairs, streamDays };
}
