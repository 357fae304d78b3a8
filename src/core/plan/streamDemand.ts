import type { PlanInput, Stream } from "../data/model";
import { inverseStandardNormal } from "../inventory";
import type { Day } from "../time/day";

/** A planned stream × featured SKU with the units it is expected to sell. */
export interface PlannedItem {
  readonly streamId: string;
  readonly date: Day;
  readonly warehouse: string;
  readonly sku: string;
  /** Expected units (mean). */
  readonly mean: number;
  /** The `streamQuantile` upper percentile of units (P90 by default). */
  readonly p90: number;
  /** Stream length, hours. */
  readonly hours: number;
}

/** Minimum past streams of a SKU before its own rate replaces the shop-wide one. */
const OWN_RATE_MIN_STREAMS = 3;

const exposure = (s: Stream): number => Math.max(0, s.peakViewers) * Math.max(0, s.avgDwellMin);

/**
 * Units each planned stream (dated on or after the plan date) sells per featured
 * SKU: mean = k · viewers · dwell, with k = Σ units ÷ Σ viewers·dwell over the
 * SKU's past streams (the shop's when it has fewer than 3), units from
 * StreamItems or else the Sales rows naming the stream. The upper percentile is
 * a normal approximation of a gamma-Poisson: mean + z·√(mean + φ·mean²), φ the
 * variance of actual ÷ predicted over past streams.
 */
export function plannedStreamItems(
  input: PlanInput,
  planDate: Day,
  quantile: number,
  defaultHours: number,
): PlannedItem[] {
  const streamById = new Map(input.streams.map((s) => [s.streamId, s]));
  const salesUnits = new Map<string, number>();
  for (const r of input.sales)
    if (r.streamId !== undefined) {
      const k = `${r.streamId}\u0000${r.sku}`;
      salesUnits.set(k, (salesUnits.get(k) ?? 0) + r.units);
    }
  const past: { sku: string; units: number; x: number }[] = [];
  for (const it of input.streamItems) {
    const s = streamById.get(it.streamId);
    if (!s || s.date >= planDate) continue;
    const units = it.units ?? salesUnits.get(`${it.streamId}\u0000${it.sku}`);
    if (units === undefined) continue;
    past.push({ sku: it.sku, units, x: exposure(s) });
  }
  const bySku = new Map<string, { units: number; x: number; n: number }>();
  let shopUnits = 0;
  let shopX = 0;
  for (const p of past) {
    const a = bySku.get(p.sku) ?? { units: 0, x: 0, n: 0 };
    a.units += p.units;
    a.x += p.x;
    a.n++;
    bySku.set(p.sku, a);
    shopUnits += p.units;
    shopX += p.x;
  }
  const shopRate = shopX > 0 ? shopUnits / shopX : 0;
  const rateOf = (sku: string): number => {
    const a = bySku.get(sku);
    return a && a.n >= OWN_RATE_MIN_STREAMS && a.x > 0 ? a.units / a.x : shopRate;
  };
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (const p of past) {
    const predicted = rateOf(p.sku) * p.x;
    if (predicted <= 0) continue;
    const ratio = p.units / predicted;
    sum += ratio;
    sumSq += ratio * ratio;
    n++;
  }
  const phi = n > 1 ? Math.min(4, Math.max(0, (sumSq - (sum * sum) / n) / (n - 1))) : 0.25;
  const z = inverseStandardNormal(quantile);
  const out: PlannedItem[] = [];
  for (const it of input.streamItems) {
    const s = streamById.get(it.streamId);
    if (!s || s.date < planDate) continue;
    const mean = rateOf(it.sku) * exposure(s);
    const p90 = Math.max(mean, mean + z * Math.sqrt(mean + phi * mean * mean));
    out.push({
      streamId: s.streamId,
      date: s.date,
      warehouse: s.warehouse,
      sku: it.sku,
      mean,
      p90,
      hours: s.hours !== undefined && s.hours > 0 ? s.hours : defaultHours,
    });
  }
  return out;
}
