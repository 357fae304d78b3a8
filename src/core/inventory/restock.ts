import { InputError } from "../errors";
import type { Units } from "../units";
import { demandOver, type WeeklyDemand } from "./demandOver";

export interface RestockParams {
  /** Units in the warehouse now; negative for backorders. */
  readonly onHand: number;
  /** Units on their way that arrive within the protection interval. */
  readonly inTransit: number;
  /** Units per week, this week first (or one flat rate). */
  readonly weeklyDemand: WeeklyDemand;
  /** Weeks from ordering to the stock being sellable. */
  readonly leadTimeWeeks: number;
  /** Units held against uncertainty on top of expected demand. Default 0. */
  readonly safetyStock?: number;
  /** Weeks between orders: the order must last until the next one arrives. Default 1. */
  readonly reviewWeeks?: number;
  /** Minimum order quantity, units. Default 0. */
  readonly moq?: number;
  /** Units per case: orders are whole cases. Default 1. */
  readonly casePack?: number;
}

/**
 * Order-up-to (periodic review) restock quantity.
 *
 *   P = L + R;  need = D(P) + SS − on_hand − in_transit
 *   Q = 0 if need ≤ 0, else ⌈max(need, MOQ) / case_pack⌉ · case_pack
 *
 * D(P) is `demandOver(weekly_demand, P)`. The protection interval is lead time
 * plus review period: an order placed now must cover demand until the order
 * after it arrives (DESIGN.md; Silver, Pyke & Peterson §7.6, the (R, S) system).
 *
 * @returns units to order, ≥ 0, a multiple of case_pack
 * @throws InputError("num") for a negative lead time, review period, in-transit, safety stock or MOQ,
 *   or a case pack ≤ 0
 * @example restockQty({ onHand: 120, inTransit: 0, weeklyDemand: 100, leadTimeWeeks: 4, safetyStock: 50, moq: 0, casePack: 12 }) // 432
 */
export function restockQty(p: RestockParams): Units {
  const safety = p.safetyStock ?? 0;
  const review = p.reviewWeeks ?? 1;
  const moq = p.moq ?? 0;
  const casePack = p.casePack ?? 1;
  if (!(p.leadTimeWeeks >= 0)) throw new InputError("num", "negative", { param: "lead_time_weeks" });
  if (!(review >= 0)) throw new InputError("num", "negative", { param: "review_weeks" });
  if (!(p.inTransit >= 0)) throw new InputError("num", "negative", { param: "in_transit" });
  if (!(safety >= 0)) throw new InputError("num", "negative", { param: "safety_stock" });
  if (!(moq >= 0)) throw new InputError("num", "negative", { param: "moq" });
  if (!(casePack > 0)) throw new InputError("num", "notPositive", { param: "case_pack" });

  const need = demandOver(p.weeklyDemand, p.leadTimeWeeks + review) + safety - p.onHand - p.inTransit;
  if (need <= 0) return 0 as Units;
  return roundUpToMultiple(Math.max(need, moq), casePack) as Units;
}

/**
 * The smallest multiple of `step` that is ≥ x, forgiving float noise: x above a multiple by at
 * most min(10⁻¹² × max(1, |x|), 10⁻⁶ × step) is that multiple. So 1200.0000000001 with a step
 * of 12 is 1200, not 1212, while 1,000,000,000 with a step of 3 is 1,000,000,002: the result is
 * never short of x by more than a millionth of a step (within float precision), however large
 * x is.
 *
 * @example roundUpToMultiple(25, 12) // 36
 */
export function roundUpToMultiple(x: number, step: number): number {
  const nearest = Math.round(x / step);
  // Noise is relative to x, but a tolerance that grows with x alone ends up forgiving real units:
  // at a billion, one relative to the count of cases let a third of a case pass for noise.
  const noise = Math.min(1e-12 * Math.max(1, Math.abs(x)), 1e-6 * step);
  return (x - nearest * step <= noise ? nearest : Math.ceil(x / step)) * step;
}
