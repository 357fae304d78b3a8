import type { PlanInput } from "../../data/model";
import type { Day } from "../../time/day";
import type { StreamFit } from "../../stream";
import { plannedStreamItems } from "../streamDemand";

/** Demand a sold-out stream item had beyond what it sold, by its stream's day. */
export interface UnservedStreamDemand {
  readonly sku: string;
  readonly warehouse: string;
  readonly date: Day;
  readonly units: number;
}

/**
 * Stream items marked `sold_out` in [from, end) sold what stock allowed, not what was
 * demanded: the replay serves them the larger of their units and the stream model's mean
 * for the audience the stream really had (fitted on the streams before the replay), so a
 * seller who ran out is not scored on the sales its stock-outs cut. The model is the
 * backtest's own (`fitted`); items it cannot model, or that sold more than its mean, add 0.
 *
 * @example soldOutDemand(input, from, end, 2, model) // [{ sku: "S1", warehouse: "W1", date, units: 38 }]: mean 50, sold 12
 */
export function soldOutDemand(
  input: PlanInput,
  from: Day,
  end: Day,
  defaultHours: number,
  fitted: StreamFit | null,
): UnservedStreamDemand[] {
  if (!fitted) return [];
  const soldOut = input.streamItems.filter((it) => it.soldOut === true);
  if (soldOut.length === 0) return [];
  const ids = new Set(soldOut.map((it) => it.streamId));
  const streams = input.streams.filter((s) => ids.has(s.streamId) && s.date >= from && s.date < end);
  if (streams.length === 0) return [];
  const sold = new Map(soldOut.map((it) => [`${it.streamId}\u0000${it.sku}`, it.units ?? 0]));
  const predicted = plannedStreamItems(
    { ...input, streams, streamItems: soldOut.map(({ streamId, sku }) => ({ streamId, sku })) },
    from,
    // The audience it really had is known: no audience spread to mix over.
    { streamQuantile: 0.5, streamFill: 0, streamHours: defaultHours, audienceSpread: 0 },
    fitted,
  );
  const out: UnservedStreamDemand[] = [];
  for (const it of predicted) {
    const units = it.modelled ? it.mean - (sold.get(`${it.streamId}\u0000${it.sku}`) ?? 0) : 0;
    if (units > 0) out.push({ sku: it.sku, warehouse: it.warehouse, date: it.date, units });
  }
  return out;
}
