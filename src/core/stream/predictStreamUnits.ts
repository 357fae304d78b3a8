import { InputError } from "../errors";
import { countQuantile } from "./countQuantile";
import { unguardedUnits } from "./expectedUnits";
import type { PlannedFunnel, StreamFit } from "./streamObservation";

/** What a planned stream is expected to sell of one SKU. */
export interface StreamUnitsForecast {
  /** Expected units under the chosen variant × the SKU's and the warehouse's multipliers. */
  readonly mean: number;
  /** The 90th percentile (tier-2 safety stock). */
  readonly p90: number;
  /** The p-quantile of units, a whole number, non-decreasing in p. */
  quantile(p: number): number;
  /**
   * True when the law's value overflowed (viewers of 1e308, say): `mean` is then 0, which the
   * planner can live with, but a caller showing the number must not (LIVE_UNITS gives #NUM!).
   */
  readonly overflow: boolean;
}

/**
 * Units a planned stream sells of a SKU, from the variant cross-validation chose: the sales
 * law mean = k·viewers^b·dwell^c, or — when the funnel won — viewers × ctr × conversion ×
 * units per order × calibration, a rate the stream states used as given and a fitted rate
 * capped at the highest observed; × f_sku × f_warehouse (1 when unknown or absent).
 * Quantiles of a negative binomial with Var = μ + α·μ². No viewers or no dwell (0) → 0 units.
 * A law that overflows gives mean 0 and `overflow`.
 *
 * @example predictStreamUnits(model, 10000, 3).mean // k·10000^b·3^c
 * @example predictStreamUnits(model, 10000, 3, "S1", { warehouse: "US-West" }).p90 // that market's P90
 * @throws InputError value for a non-number, num for a negative viewers or dwell
 */
export function predictStreamUnits(
  model: StreamFit,
  viewers: number,
  dwellMin: number,
  sku?: string,
  planned: PlannedFunnel = {},
): StreamUnitsForecast {
  if (!Number.isFinite(viewers))
    throw new InputError("value", "streamNotNumber", { param: "viewers", row: 1 });
  if (!Number.isFinite(dwellMin))
    throw new InputError("value", "streamNotNumber", { param: "dwell_minutes", row: 1 });
  if (viewers < 0) throw new InputError("num", "streamNegative", { param: "viewers", row: 1 });
  if (dwellMin < 0) throw new InputError("num", "streamNegative", { param: "dwell_minutes", row: 1 });
  const raw = unguardedUnits(model, viewers, dwellMin, sku, planned.warehouse, planned);
  const mean = Number.isFinite(raw) && raw > 0 ? raw : 0;
  const quantile = (p: number): number => {
    if (!(p > 0 && p < 1)) throw new InputError("num", "streamPercentile");
    return countQuantile(mean, model.alpha, p);
  };
  return { mean, p90: quantile(0.9), quantile, overflow: !Number.isFinite(raw) };
}
