import { InputError } from "../errors";
import { countQuantile } from "./countQuantile";
import { lawMean } from "./fitStreamModel";
import type { PlannedFunnel, StreamFit } from "./streamObservation";

/** What a planned stream is expected to sell of one SKU. */
export interface StreamUnitsForecast {
  /** Expected units, k·viewers^b·dwell^c × the SKU's multiplier. */
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
 * Units a planned stream sells of a SKU: mean = k·viewers^b·dwell^c·f_sku (f = 1 for an
 * unknown or absent SKU); quantiles of a count with variance φ·mean (Poisson or negative
 * binomial). No viewers or no dwell (0) → 0 units. When the planned stream states its
 * expected ctr or conversion and the history had the funnel columns, the funnel is used
 * instead: viewers × ctr × conversion × units per order × calibration × f_sku, a rate not
 * given taken from its fitted law. A law that overflows gives mean 0 and `overflow`.
 *
 * @example predictStreamUnits(model, 10000, 3).mean // k·10000^b·3^c
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
  const factor = sku === undefined ? 1 : (model.skuFactor.get(sku) ?? 1);
  const rate = (given: number | undefined, law: { k: number; b: number; c: number }) =>
    given !== undefined && Number.isFinite(given) && given >= 0 ? given : lawMean(law, viewers, dwellMin);
  const f = model.funnel;
  const useFunnel = f !== undefined && (planned.ctr !== undefined || planned.conversion !== undefined);
  const perOrder =
    planned.unitsPerOrder !== undefined && planned.unitsPerOrder > 0 ? planned.unitsPerOrder : undefined;
  const law =
    f && useFunnel
      ? viewers *
        rate(planned.ctr, f.ctr) *
        rate(planned.conversion, f.conversion) *
        (perOrder ?? f.unitsPerOrder) *
        f.calibration
      : lawMean(model.shop, viewers, dwellMin);
  const raw = viewers > 0 && dwellMin > 0 ? law * factor : 0;
  const mean = Number.isFinite(raw) ? raw : 0;
  const quantile = (p: number): number => {
    if (!(p > 0 && p < 1)) throw new InputError("num", "streamPercentile");
    return countQuantile(mean, model.dispersion, p);
  };
  return { mean, p90: quantile(0.9), quantile, overflow: mean !== raw };
}
