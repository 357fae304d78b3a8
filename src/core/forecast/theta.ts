import { fitSmoothing, type SmoothingFit } from "./exponentialSmoothing";
import { linearTrend } from "./linearTrend";

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) in its SES-with-drift
 * form (Hyndman & Billah 2003): the SES forecast plus half the slope b of the
 * least-squares line through the series, ŷ_h = SES + ½b·(h − 1 + (1 − (1 − α)ⁿ)/α).
 * `ses`: the series' SES fit when the caller already has it (`fitSmoothing(x, "N")`).
 *
 * @example thetaForecast([1, 2, 3, 4, 5, 6], 1)[0] // ≈ 6.5 (level 6 plus half the slope)
 */
export function thetaForecast(
  x: readonly number[],
  horizon: number,
  ses: SmoothingFit = fitSmoothing(x, "N"),
): number[] {
  const n = x.length;
  const b = linearTrend(x).slope;
  const a = ses.alpha;
  const offset = (1 - (1 - a) ** n) / a;
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) out.push(ses.level + 0.5 * b * (h - 1 + offset));
  return out;
}
