import type { PlanInput } from "../data/model";
import type { Day } from "../time/day";
import type { StreamObservation } from "./streamObservation";

/**
 * The stream model's history from the workbook tables: one observation per past stream
 * (dated before `planDate`) × featured SKU, with the stream's warehouse, peak viewers, dwell, ctr,
 * conversion and attach rate (units per order), and the SKU's units from StreamItems —
 * or, where that cell is blank, the sum of the Sales rows naming the stream and SKU. An
 * item with neither is left out (unknown is not 0; a stream that sold nothing says 0).
 *
 * @example streamObservations(input, planDate).length // past stream items with known units
 */
export function streamObservations(
  input: Pick<PlanInput, "streams" | "streamItems" | "sales">,
  planDate: Day,
): StreamObservation[] {
  const streams = new Map(input.streams.map((s) => [s.streamId, s]));
  const sold = new Map<string, number>();
  const sales = input.sales;
  // Indexed, not for-of: a loop run once over a million rows, mostly before the optimizer
  // has compiled it, allocates an iterator result per row.
  for (let i = 0; i < sales.length; i++) {
    const r = sales[i];
    if (r.streamId === undefined) continue;
    const key = `${r.streamId}\u0000${r.sku}`;
    sold.set(key, (sold.get(key) ?? 0) + r.units);
  }
  const out: StreamObservation[] = [];
  for (const item of input.streamItems) {
    const s = streams.get(item.streamId);
    if (!s || s.date >= planDate) continue;
    const units = item.units ?? sold.get(`${item.streamId}\u0000${item.sku}`);
    if (units === undefined) continue;
    out.push({
      viewers: s.peakViewers,
      dwellMin: s.avgDwellMin,
      units,
      sku: item.sku,
      warehouse: s.warehouse,
      ...(s.ctr !== undefined ? { ctr: s.ctr } : {}),
      ...(s.conversion !== undefined ? { conversion: s.conversion } : {}),
      ...(s.attachRate !== undefined ? { unitsPerOrder: s.attachRate } : {}),
    });
  }
  return out;
}
