import type { Stream } from "../../data/model";
import type { Day } from "../../time/day";

/**
 * The streams as the seller knew them on `asOf`. Streams before `asOf` have
 * happened and keep their results. A stream on or after it keeps its date,
 * warehouse and length, but its viewers and dwell are what the seller would
 * have announced — and a past stream's table row holds what it realised, so
 * they are replaced by the median peak viewers and the median dwell of the
 * streams before `asOf` at the same warehouse (all warehouses when that one
 * has none; 0 when no stream came before: nothing to go by). Its click-through,
 * conversion and units per order are results, unknown beforehand: dropped.
 * Zeros (a stream with no viewers or no dwell recorded) are not counted in a median.
 *
 * @example streamsKnownOn(streams, d).find((s) => s.streamId === "L9")?.peakViewers // median of W1's streams before d
 */
export function streamsKnownOn(streams: readonly Stream[], asOf: Day): Stream[] {
  const viewers = new Map<string, number[]>();
  const dwell = new Map<string, number[]>();
  const allViewers: number[] = [];
  const allDwell: number[] = [];
  for (const s of streams) {
    if (s.date >= asOf) continue;
    if (s.peakViewers > 0) {
      push(viewers, s.warehouse, s.peakViewers);
      allViewers.push(s.peakViewers);
    }
    if (s.avgDwellMin > 0) {
      push(dwell, s.warehouse, s.avgDwellMin);
      allDwell.push(s.avgDwellMin);
    }
  }
  const overall = { viewers: median(allViewers), dwell: median(allDwell) };
  const at = new Map<string, { viewers: number | null; dwell: number | null }>();
  return streams.map((s) => {
    if (s.date < asOf) return s;
    let m = at.get(s.warehouse);
    if (!m) {
      m = {
        viewers: median(viewers.get(s.warehouse) ?? []) ?? overall.viewers,
        dwell: median(dwell.get(s.warehouse) ?? []) ?? overall.dwell,
      };
      at.set(s.warehouse, m);
    }
    return {
      streamId: s.streamId,
      date: s.date,
      warehouse: s.warehouse,
      peakViewers: m.viewers ?? 0,
      avgDwellMin: m.dwell ?? 0,
      ...(s.hours !== undefined ? { hours: s.hours } : {}),
    };
  });
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
