import type { PlannedFunnel, PowerLaw, StreamFit } from "./streamObservation";

/**
 * E[units] of a power law at viewers v and dwell d: k·v^b·d^c.
 *
 * @example lawMean({ k: 0.002, b: 1.1, c: 0.6 }, 10000, 3) // ≈ 80.4
 */
export const lawMean = (law: PowerLaw, v: number, d: number): number => law.k * v ** law.b * d ** law.c;

const NO_RATES: PlannedFunnel = {};

/** A stated rate as given, else its fitted law at (v, d) capped at the highest rate observed. */
function rate(given: number | undefined, law: PowerLaw, max: number, v: number, d: number): number {
  return given !== undefined && Number.isFinite(given) && given >= 0
    ? given
    : Math.min(max, lawMean(law, v, d));
}

/** What a mean needs of a fitted model. */
export type StreamLevels = Pick<StreamFit, "method" | "shop" | "funnel" | "skuFactor" | "warehouseFactor">;

/**
 * Expected units of a SKU in a stream under the variant the model chose: the sales law
 * k·v^b·d^c, or (funnel) v × ctr × conversion × units per order × calibration, each rate
 * the stream's stated one or else its fitted law capped at the highest rate observed; times
 * the SKU's and the warehouse's multipliers (1 when unknown). No viewers or no dwell → 0.
 * A power model ignores stated rates: cross-validation rejected the funnel for this seller.
 *
 * @example expectedUnits(model, 10000, 3, "S1", "US-West") // law × f_S1 × f_US-West
 */
export function expectedUnits(
  model: StreamLevels,
  v: number,
  d: number,
  sku?: string,
  warehouse?: string,
  planned: PlannedFunnel = NO_RATES,
): number {
  const mean = unguardedUnits(model, v, d, sku, warehouse, planned);
  return Number.isFinite(mean) && mean > 0 ? mean : 0;
}

/**
 * `expectedUnits` before its guard: Infinity (or NaN) where the law overflows, for callers
 * that must tell an overflow (LIVE_UNITS answers #NUM!) from a stream that sells nothing.
 *
 * @example unguardedUnits(model, 1e308, 3) // Infinity for a law with b > 1
 */
export function unguardedUnits(
  model: StreamLevels,
  v: number,
  d: number,
  sku?: string,
  warehouse?: string,
  planned: PlannedFunnel = NO_RATES,
): number {
  if (!(v > 0 && d > 0)) return 0;
  const f = model.funnel;
  let base: number;
  if (model.method === "funnel" && f) {
    const perOrder =
      planned.unitsPerOrder !== undefined && planned.unitsPerOrder > 0
        ? planned.unitsPerOrder
        : f.unitsPerOrder;
    base =
      v *
      rate(planned.ctr, f.ctr, f.maxCtr, v, d) *
      rate(planned.conversion, f.conversion, f.maxConversion, v, d) *
      perOrder *
      f.calibration;
  } else base = lawMean(model.shop, v, d);
  const skuFactor = sku === undefined ? 1 : (model.skuFactor.get(sku) ?? 1);
  const whFactor = warehouse === undefined ? 1 : (model.warehouseFactor.get(warehouse) ?? 1);
  return base * skuFactor * whFactor;
}
