/** One week of a SKU × warehouse's sales history, as the input of {@link cleanHistory}. */
export interface HistoryWeek {
  /** Units sold in the week, all channels; null or NaN = no record for the week. */
  readonly units: number | null;
  /** Of those, units sold in live streams (rows with a stream_id, or the featured SKU on its stream day). */
  readonly streamUnits?: number;
  /** Stock on hand at the end of the week, where a stock history exists. */
  readonly onHand?: number | null;
  /** Days of the week (0–7) with stock on hand, where known. */
  readonly daysInStock?: number;
}

/** Why a week's value was changed. */
export type Correction = "missing" | "return" | "stockout";

/** The baseline demand series: weekly units without stream sales, stock-outs corrected. */
export interface CleanedHistory {
  /** Index in the input of the first week kept (leading weeks with no record are dropped). */
  readonly start: number;
  /** Baseline units per week from `start` to the last recorded week; never negative, never NaN. */
  readonly baseline: readonly number[];
  /** Per kept week: what was corrected, or null. */
  readonly corrections: readonly (Correction | null)[];
}

/** Weeks either side whose median is the "usual rate" a stock-out week is compared with. */
const RATE_WINDOW = 4;

/**
 * The baseline a forecaster should see: b = max(0, units − streamUnits) per week, then
 * - a week with no record between recorded weeks is interpolated linearly ("missing");
 *   leading and trailing weeks with no record are dropped;
 * - a negative net week (returns exceed sales) counts 0 ("return");
 * - a stock-out week — daysInStock < 7, or on hand ≤ 0 with sales below the usual rate —
 *   is corrected ("stockout"): b·7/daysInStock when some days had stock, else the usual rate
 *   (the median of the uncorrected weeks within 4 either side), never less than b.
 *
 * @example cleanHistory([{ units: 10 }, { units: 30, streamUnits: 20 }, { units: 2, onHand: 0 }, { units: 10 }]).baseline // [10, 10, 10, 10]
 */
export function cleanHistory(weeks: readonly HistoryWeek[]): CleanedHistory {
  const known = (w: HistoryWeek): boolean => w.units !== null && Number.isFinite(w.units);
  const first = weeks.findIndex(known);
  if (first < 0) return { start: 0, baseline: [], corrections: [] };
  let last = weeks.length - 1;
  while (!known(weeks[last])) last--;
  const kept = weeks.slice(first, last + 1);

  const corrections: (Correction | null)[] = kept.map(() => null);
  const raw: (number | null)[] = kept.map((w, i) => {
    if (!known(w)) {
      corrections[i] = "missing";
      return null;
    }
    const stream = Number.isFinite(w.streamUnits) ? Math.max(0, w.streamUnits as number) : 0;
    const net = (w.units as number) - stream;
    if ((w.units as number) < 0) corrections[i] = "return";
    return Math.max(0, net);
  });
  const baseline = interpolate(raw);

  const stockedOut = kept.map((w, i) => {
    if (corrections[i] === "missing") return false;
    if (w.daysInStock !== undefined && Number.isFinite(w.daysInStock) && w.daysInStock < 7) return true;
    return w.onHand !== undefined && w.onHand !== null && Number.isFinite(w.onHand) && w.onHand <= 0;
  });
  const clean = baseline.slice();
  kept.forEach((w, i) => {
    if (!stockedOut[i]) return;
    const neighbours: number[] = [];
    for (let j = Math.max(0, i - RATE_WINDOW); j <= Math.min(kept.length - 1, i + RATE_WINDOW); j++)
      if (j !== i && !stockedOut[j] && corrections[j] === null) neighbours.push(baseline[j]);
    const rate = median(neighbours);
    const days = w.daysInStock;
    let corrected: number;
    if (days !== undefined && Number.isFinite(days) && days >= 1 && days < 7)
      corrected = (baseline[i] * 7) / days;
    else corrected = rate ?? baseline[i];
    if (corrected > baseline[i]) {
      clean[i] = corrected;
      corrections[i] = "stockout";
    }
  });
  return { start: first, baseline: clean, corrections };
}

function interpolate(values: readonly (number | null)[]): number[] {
  const out = values.map((v) => v ?? 0);
  let i = 0;
  while (i < values.length) {
    if (values[i] !== null) {
      i++;
      continue;
    }
    let j = i;
    while (values[j] === null) j++;
    const left = values[i - 1] as number;
    const right = values[j] as number;
    for (let k = i; k < j; k++) out[k] = left + ((right - left) * (k - i + 1)) / (j - i + 1);
    i = j;
  }
  return out;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
