import type { PlanInput, Stream } from "../data/model";
import type { Day } from "../time/day";
import type { StreamObservation } from "./streamObservation";

/** A past stream's featured SKU with what it sold there. */
export interface PastStreamItem {
  readonly stream: Stream;
  readonly sku: string;
  /** Units from StreamItems, else from Sales (see {@link pastStreamItems}); undefined when neither says. */
  readonly units: number | undefined;
  /** Marked sold out (StreamItems `sold_out`): `units` is what stock allowed, a lower bound of demand. */
  readonly soldOut: boolean;
}

/**
 * Every item of a stream dated before `planDate`, with its units from StreamItems — or, where
 * that cell is blank, the sum of the Sales rows naming the stream and SKU; when no Sales row
 * names the stream at all (a Sales table without `stream_id`), the SKU's sales at the stream's
 * warehouse on the stream's day, the same sales the stream-day rule takes out of the baseline.
 * Undefined when no row says (unknown is not 0; a stream that sold nothing says 0).
 *
 * @example pastStreamItems(input, planDate)[0] // { stream, sku: "S1", units: 120 }
 */
export function pastStreamItems(
  input: Pick<PlanInput, "streams" | "streamItems" | "sales">,
  planDate: Day,
): PastStreamItem[] {
  const streams = new Map(input.streams.map((s) => [s.streamId, s]));
  const past: { stream: Stream; sku: string; units: number | undefined; soldOut: boolean }[] = [];
  const blank = new Set<string>();
  const dayKey = (sku: string, warehouse: string, day: number) => `${sku}\u0000${warehouse}\u0000${day}`;
  const days = new Map<string, number>();
  // The day of any blank item: a row on another day builds no key.
  const onDays = new Set<number>();
  for (const item of input.streamItems) {
    const s = streams.get(item.streamId);
    if (!s || s.date >= planDate) continue;
    past.push({ stream: s, sku: item.sku, units: item.units, soldOut: item.soldOut === true });
    if (item.units !== undefined) continue;
    blank.add(item.streamId);
    days.set(dayKey(item.sku, s.warehouse, s.date), NaN);
    onDays.add(s.date);
  }
  // The Sales rows are read only for streams whose items left units blank: a million rows
  // are not scanned to fill nothing.
  if (blank.size === 0) return past;
  const sold = new Map<string, number>();
  const named = new Set<string>();
  const sales = input.sales;
  // Indexed, not for-of: a loop run once over a million rows, mostly before the optimizer
  // has compiled it, allocates an iterator result per row.
  for (let i = 0; i < sales.length; i++) {
    const r = sales[i];
    if (r.streamId === undefined) {
      if (!onDays.has(r.date)) continue;
      const key = dayKey(r.sku, r.warehouse, r.date);
      const day = days.get(key);
      if (day !== undefined) days.set(key, Number.isNaN(day) ? r.units : day + r.units);
      continue;
    }
    named.add(r.streamId);
    if (!blank.has(r.streamId)) continue;
    const key = `${r.streamId}\u0000${r.sku}`;
    sold.set(key, (sold.get(key) ?? 0) + r.units);
  }
  for (const p of past) {
    if (p.units !== undefined) continue;
    if (named.has(p.stream.streamId)) p.units = sold.get(`${p.stream.streamId}\u0000${p.sku}`);
    else {
      const day = days.get(dayKey(p.sku, p.stream.warehouse, p.stream.date));
      p.units = day === undefined || Number.isNaN(day) ? undefined : day;
    }
  }
  return past;
}

/**
 * The stream model's history from the workbook tables: one observation per past stream
 * (dated before `planDate`) × featured SKU with known units ({@link pastStreamItems}), with the
 * stream's warehouse, peak viewers, dwell, ctr, conversion and attach rate (units per order).
 * An item whose units are unknown is left out, and so is one marked sold out: its units are
 * censored by stock, and learned at face value they would teach the model that streams sell less.
 * An item of a stream with fewer than one peak viewer is left out as well: units sold to no
 * audience are a slip of the hand, and one of them would make the count's dispersion unbounded.
 * `items`, when given, are `pastStreamItems(input, planDate)` already read.
 *
 * @example streamObservations(input, planDate).length // past stream items with known units
 */
export function streamObservations(
  input: Pick<PlanInput, "streams" | "streamItems" | "sales">,
  planDate: Day,
  items: readonly PastStreamItem[] = pastStreamItems(input, planDate),
): StreamObservation[] {
  const out: StreamObservation[] = [];
  for (const { stream: s, sku, units, soldOut } of items) {
    if (units === undefined || soldOut || !(s.peakViewers >= 1)) continue;
    out.push({
      viewers: s.peakViewers,
      dwellMin: s.avgDwellMin,
      units,
      sku,
      warehouse: s.warehouse,
      ...(s.ctr !== undefined ? { ctr: s.ctr } : {}),
      ...(s.conversion !== undefined ? { conversion: s.conversion } : {}),
      ...(s.attachRate !== undefined ? { unitsPerOrder: s.attachRate } : {}),
    });
  }
  return out;
}
