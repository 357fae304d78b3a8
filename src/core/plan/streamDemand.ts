import type { PlanInput, Stream } from "../data/model";
import { InputError } from "../errors";
import {
  audienceSpread,
  type AudienceSpread,
  countQuantile,
  expectedUnits,
  fillLevel,
  fitStreamModel,
  type PastStreamItem,
  streamObservations,
  type StreamFit,
  type StreamModel,
  viewersElasticity,
  withAudience,
} from "../stream";
import type { Day } from "../time/day";
import type { PlanSettings } from "./settings";

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
  /**
   * Units tier 2 holds for the stream: the larger of the P90 and the stock that serves
   * `streamFill` of its units on average (`fillLevel`).
   */
  readonly cover: number;
  /** Stream length, hours. */
  readonly hours: number;
  /** False when no past stream with units exists to learn from: the units are then 0 and unknown. */
  readonly modelled: boolean;
  /**
   * The stream expects more than EXTRAPOLATED_ABOVE × the largest past stream's viewers: its units
   * are read off the model beyond anything it has seen; null when not (or not modelled).
   */
  readonly extrapolated: { readonly viewers: number; readonly largest: number } | null;
}

/** A planned stream larger than this multiple of the largest past stream is flagged as an extrapolation. */
export const EXTRAPOLATED_ABOVE = 1.5;

/**
 * The stream model fitted on the streams before `asOf`, or null when there is none to fit.
 * Without its accuracy report, which only the plan's own model shows (the backtest's
 * models are refitted as of earlier dates, and cross-validating is most of a fit's cost).
 *
 * `items`, when given, are `pastStreamItems(input, asOf)` already read.
 *
 * @example streamModelAsOf(input, planDate)?.shop // { k, b, c }
 */
export function streamModelAsOf(
  input: PlanInput,
  asOf: Day,
  items?: readonly PastStreamItem[],
): StreamFit | null {
  return orNull(() => fitStreamModel(streamObservations(input, asOf, items), { accuracy: false }));
}

/**
 * The stream model fitted on the streams before `asOf` with its own out-of-sample
 * accuracy (leave-one-out MAPE and bias), or null when there is none to fit.
 * `items`, when given, are `pastStreamItems(input, asOf)` already read.
 *
 * @example reportedStreamModelAsOf(input, planDate)?.accuracy.mape // e.g. 18.5 (%)
 */
export function reportedStreamModelAsOf(
  input: PlanInput,
  asOf: Day,
  items?: readonly PastStreamItem[],
): StreamModel | null {
  return orNull(() => fitStreamModel(streamObservations(input, asOf, items)));
}

function orNull<T>(fit: () => T): T | null {
  try {
    return fit();
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/**
 * Units each planned stream (dated on or after `asOf`) sells per featured SKU,
 * from the live-stream model fitted on the streams before `asOf` (the variant it
 * chose, at the stream's warehouse's level): the mean and the `streamQuantile` upper
 * percentile of a negative binomial count, from the stream's expected viewers and
 * dwell (and, under the funnel, its ctr, conversion and attach rate where given).
 * The model learns from past streams' real audiences, but a planned stream has only
 * its expected one: the count is mixed over the audience's own spread (`withAudience`,
 * the spread `audienceSpread` learns from past streams recording `expected_viewers`,
 * else `audienceSpread` of the settings), which raises the mean (units grow faster
 * than viewers) and widens P90; the cover (`fillLevel`) reads the mixture's own log-normal tail,
 * which the one negative binomial of its moments thins.
 * A stream above 1.5 × the largest past stream's viewers is marked `extrapolated`.
 * With no past stream to learn from, 0 units, marked.
 * `fitted`, when given, is that model already fitted (null: none could be); `audience`, the
 * audience's spread already learnt (`audienceSpread` of the streams before `asOf`).
 *
 * @example plannedStreamItems(input, planDate, DEFAULT_SETTINGS)[0].p90 // units at P90
 */
export function plannedStreamItems(
  input: PlanInput,
  asOf: Day,
  settings: Pick<PlanSettings, "streamQuantile" | "streamFill" | "streamHours" | "audienceSpread">,
  fitted?: StreamFit | null,
  audience: AudienceSpread = audienceSpread(input.streams, asOf, settings.audienceSpread),
): PlannedItem[] {
  const streamById = new Map<string, Stream>();
  let planned = false;
  for (const s of input.streams) {
    streamById.set(s.streamId, s);
    if (s.date >= asOf) planned = true;
  }
  if (!planned) return [];
  const model = fitted === undefined ? streamModelAsOf(input, asOf) : fitted;
  const quantile = settings.streamQuantile;
  const out: PlannedItem[] = [];
  for (const it of input.streamItems) {
    const s = streamById.get(it.streamId);
    if (!s || s.date < asOf) continue;
    const hours = s.hours !== undefined && s.hours > 0 ? s.hours : settings.streamHours;
    const base = { streamId: s.streamId, date: s.date, warehouse: s.warehouse, sku: it.sku, hours };
    if (!model) {
      out.push({ ...base, mean: 0, p90: 0, cover: 0, modelled: false, extrapolated: null });
      continue;
    }
    const viewers = Math.max(0, s.peakViewers);
    const dwell = Math.max(0, s.avgDwellMin);
    const planned = {
      warehouse: s.warehouse,
      ...(s.ctr !== undefined ? { ctr: s.ctr } : {}),
      ...(s.conversion !== undefined ? { conversion: s.conversion } : {}),
      ...(s.attachRate !== undefined ? { unitsPerOrder: s.attachRate } : {}),
    };
    const mean = expectedUnits(model, viewers, dwell, it.sku, s.warehouse, planned);
    const b = viewersElasticity(model, viewers, dwell, it.sku, s.warehouse, planned);
    const mixed = withAudience(mean, model.alpha, b, audience);
    const p90 = Math.max(mixed.mean, countQuantile(mixed.mean, mixed.alpha, quantile));
    out.push({
      ...base,
      mean: mixed.mean,
      p90,
      cover: Math.max(p90, fillLevel(mixed.mean, model.alpha, settings.streamFill, mixed.logSd)),
      modelled: true,
      extrapolated:
        viewers > EXTRAPOLATED_ABOVE * model.maxViewers ? { viewers, largest: model.maxViewers } : null,
    });
  }
  return out;
}
