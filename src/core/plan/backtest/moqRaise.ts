import { roundUpToMultiple } from "../../inventory";

/**
 * MOQ across warehouses for the backtest's naive policy: a SKU's shipments
 * decided in one week are one supplier order; when 0 < Σ q < MOQ, the largest
 * (the first of equals) is raised by the difference, in whole cases. A seller
 * without a planner cannot order below the MOQ either. All its shipments go by
 * sea, so this is the plan's own rule (`applyMoq`) for a single lane.
 *
 * @returns the index raised and its new quantity; null when nothing is raised
 * @example moqRaise([7, 20, 5], 40, 6) // { index: 1, qty: 30 }: 20 + (40 − 32) = 28 → 5 cases
 */
export function moqRaise(
  quantities: readonly number[],
  moq: number,
  casePack: number,
): { index: number; qty: number } | null {
  let total = 0;
  let largest = -1;
  quantities.forEach((q, i) => {
    total += q;
    if (largest < 0 || q > quantities[largest]) largest = i;
  });
  if (moq <= 0 || total <= 0 || total >= moq) return null;
  return { index: largest, qty: roundUpToMultiple(quantities[largest] + moq - total, casePack) };
}
