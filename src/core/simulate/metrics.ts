import type { ShipModeName } from "../data/model";
import type { Day } from "../time/day";
import type { PolicyTrace } from "./loop";
import { simPairKey, type Realisation } from "./realisation";

/** Streams expected above this many viewers get a fill rate of their own (the seed's Black Friday reference is 50k). */
export const BIG_STREAM_VIEWERS = 20_000;

/** A big stream's fill: units sold ÷ units demanded of its featured SKUs on its day. */
export interface BigStreamFill {
  readonly id: string;
  readonly date: Day;
  readonly warehouse: string;
  readonly expectedViewers: number;
  readonly fill: number | null;
}

/** What one policy delivered and cost in one run. Money in the world's currency. */
export interface PolicyMetrics {
  /** Sold ÷ demanded units, all pairs and days. */
  readonly fill: number | null;
  /** Sold ÷ demanded units of featured pairs on their stream days (the whole day's demand). */
  readonly fillStreamDays: number | null;
  readonly bigStreams: readonly BigStreamFill[];
  /** SKU × warehouse days with demand lost. */
  readonly stockoutDays: number;
  /** Streams in which a featured SKU ran out (demand lost on the stream day). */
  readonly streamsSoldOut: number;
  readonly streams: number;
  readonly freightByMode: Readonly<Record<ShipModeName, number>>;
  readonly freight: number;
  readonly unitsShipped: number;
  /** Mean stock on hand (end of day, all pairs) ÷ mean weekly demand. */
  readonly weeksOfCover: number | null;
  /** Σ stock at the end of each day × unit cost × holding rate ÷ 365. */
  readonly holdingCost: number;
  /** Freight of shipments sent as finished goods in a hurry (tier 3, air top-ups, the oracle's). */
  readonly emergencySpend: number;
  /** Σ lost units × (price − unit cost). */
  readonly lostMargin: number;
  /** freight + holding + lost margin. */
  readonly totalCost: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * The metrics of a policy over the first `weeks` simulated weeks of a run; shipments count when
 * they were sent in those weeks, whenever they land.
 *
 * @example policyMetrics(realisation, trace, 26, 0.25).fill // 0.93
 */
export function policyMetrics(
  r: Realisation,
  trace: PolicyTrace,
  weeks: number,
  holdingRate: number,
): PolicyMetrics {
  const from = r.historyDays;
  const to = r.historyDays + 7 * weeks;
  let demanded = 0;
  let sold = 0;
  let streamDemanded = 0;
  let streamSold = 0;
  let stockoutDays = 0;
  let stockUnits = 0;
  let holding = 0;
  let lostMargin = 0;
  for (const p of r.pairs) {
    const i = p.index;
    const margin = Math.max(0, p.sku.price - p.sku.unitCost);
    for (let t = from; t < to; t++) {
      const lost = trace.lost[i][t];
      const demand = trace.sold[i][t] + lost;
      demanded += demand;
      sold += trace.sold[i][t];
      if (r.streamOn[i].has(t)) {
        streamDemanded += demand;
        streamSold += trace.sold[i][t];
      }
      if (lost > 1e-9) stockoutDays++;
      const stock = Math.max(0, trace.stock[i][t]);
      stockUnits += stock;
      holding += (stock * p.sku.unitCost * holdingRate) / 365;
      lostMargin += lost * margin;
    }
  }
  const start = r.historyStart;
  let streams = 0;
  let soldOut = 0;
  const bigStreams: BigStreamFill[] = [];
  for (const s of r.streams) {
    const t = s.date - start;
    if (t < from || t >= to) continue;
    streams++;
    let d = 0;
    let u = 0;
    let out = false;
    for (const it of s.items) {
      const i = r.pairIndex.get(simPairKey(it.sku, s.warehouse));
      if (i === undefined) continue;
      d += trace.sold[i][t] + trace.lost[i][t];
      u += trace.sold[i][t];
      if (trace.lost[i][t] > 1e-9) out = true;
    }
    if (out) soldOut++;
    if (s.expectedViewers >= BIG_STREAM_VIEWERS)
      bigStreams.push({
        id: s.id,
        date: s.date,
        warehouse: s.warehouse,
        expectedViewers: s.expectedViewers,
        fill: ratio(u, d),
      });
  }
  const freightByMode: Record<ShipModeName, number> = { SEA: 0, AIR: 0, EXPRESS: 0, TRANSFER: 0 };
  let unitsShipped = 0;
  let emergencySpend = 0;
  for (const s of trace.shipments) {
    if (s.shipDay - start < from || s.shipDay - start >= to) continue;
    freightByMode[s.mode] += s.cost;
    unitsShipped += s.qty;
    if (s.emergency) emergencySpend += s.cost;
  }
  const freight = freightByMode.SEA + freightByMode.AIR + freightByMode.EXPRESS + freightByMode.TRANSFER;
  const days = to - from;
  const weeksOfCover = days > 0 && demanded > 0 ? stockUnits / days / (demanded / (days / 7)) : null;
  return {
    fill: ratio(sold, demanded),
    fillStreamDays: ratio(streamSold, streamDemanded),
    bigStreams,
    stockoutDays,
    streamsSoldOut: soldOut,
    streams,
    freightByMode,
    freight,
    unitsShipped,
    weeksOfCover,
    holdingCost: holding,
    emergencySpend,
    lostMargin,
    totalCost: freight + holding + lostMargin,
  };
}

/** Mean and spread of one figure over runs; null where no run had it. */
export interface Spread {
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * Mean, min and max of the numbers among `values` (nulls skipped).
 *
 * @example spreadOf([1, null, 3]) // { mean: 2, min: 1, max: 3 }
 */
export function spreadOf(values: readonly (number | null)[]): Spread {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { mean: null, min: null, max: null };
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, min: Math.min(...xs), max: Math.max(...xs) };
}
