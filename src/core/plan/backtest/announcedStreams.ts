import type { Stream } from "../../data/model";
import { addDays, weekStart, type Day } from "../../time/day";
import { CADENCE_WEEKS } from "../streamCadence";

/**
 * The streams as the seller knew them on `asOf`. Streams before `asOf` have
 * happened and keep their results. A stream on or after it keeps its date,
 * warehouse and length, but its viewers and dwell are what the seller would
 * have announced — and a past stream's table row holds what it realised, so
 * its viewers are the `expected_viewers` it kept, where it did, and otherwise
 * the median peak viewers of the streams before `asOf` at the same warehouse,
 * its dwell their median dwell (all warehouses when that one has none; 0 when
 * no stream came before: nothing to go by). Its click-through,
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
      peakViewers:
        s.expectedViewers !== undefined && s.expectedViewers > 0 ? s.expectedViewers : (m.viewers ?? 0),
      avgDwellMin: m.dwell ?? 0,
      ...(s.hours !== undefined ? { hours: s.hours } : {}),
    };
  });
}

/** Days of past streams that give a warehouse's streams a day, as the plan's cadence counts them. */
const RATE_DAYS = 7 * CADENCE_WEEKS;

/**
 * Days ahead each warehouse's streams are known, from the Streams table on the plan date (it
 * does not say when a past stream was announced): the mean announcement lead, estimated as
 * planned streams ÷ streams a day (over the last 26 weeks, or since its first stream) — with
 * streams at a steady rate, each announced L days ahead, the streams planned today number
 * rate × mean L — and never past its last planned stream. 0 for a warehouse with none planned:
 * the plan then foresees all its streams from the cadence.
 *
 * @example announcementDays(W1 streaming every 7 days, 4 planned up to 40 days ahead, planDate).get("W1") // min(40, 4 ÷ (1/7)) = 28
 */
export function announcementDays(streams: readonly Stream[], planDate: Day): Map<string, number> {
  const windowStart = addDays(weekStart(planDate), -RATE_DAYS);
  const by = new Map<string, { planned: number; last: number; past: number; first: Day }>();
  for (const s of streams) {
    let w = by.get(s.warehouse);
    if (!w) by.set(s.warehouse, (w = { planned: 0, last: 0, past: 0, first: planDate }));
    if (s.date >= planDate) {
      w.planned++;
      w.last = Math.max(w.last, s.date - planDate);
    } else {
      if (s.date >= windowStart) w.past++;
      if (s.date < w.first) w.first = s.date;
    }
  }
  const out = new Map<string, number>();
  for (const [warehouse, w] of by) {
    const rate = w.past / Math.max(7, planDate - Math.max(windowStart, weekStart(w.first)));
    out.set(warehouse, rate > 0 ? Math.min(w.last, w.planned / rate) : w.last);
  }
  return out;
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
