import type { Sku } from "../data/model";
import { roundUpToMultiple } from "../inventory";
import { addBulkLine, raiseLine } from "./pairPlan";
import type { PairState } from "./projection";

/**
 * MOQ across warehouses: a SKU's supplier shipments planned in the same week
 * form one supplier order; when 0 < Σ qty < MOQ, the remainder MOQ − Σ qty
 * (whole cases) rides the bulk lane — the week's largest bulk shipment is
 * raised, or, with none, a bulk shipment is added to the warehouse of the
 * week's largest shipment, shipped the same day. A fast lane carries only
 * what it was chosen for, never an MOQ top-up.
 *
 * @example applyMoq(sku with MOQ 500, [air line of 180]) // adds a SEA line of 320 shipped with it
 */
export function applyMoq(sku: Sku, fresh: readonly { state: PairState; index: number }[]): void {
  const moq = sku.moq ?? 0;
  if (moq <= 0 || fresh.length === 0) return;
  let total = 0;
  let largest = fresh[0];
  let largestBulk: { state: PairState; index: number } | null = null;
  for (const f of fresh) {
    const line = f.state.lines[f.index];
    total += line.restockQty;
    if (line.restockQty > largest.state.lines[largest.index].restockQty) largest = f;
    const bulk = f.state.bulk;
    if (
      line.mode === bulk.mode &&
      line.from === bulk.from &&
      (!largestBulk || line.restockQty > largestBulk.state.lines[largestBulk.index].restockQty)
    )
      largestBulk = f;
  }
  if (total <= 0 || total >= moq) return;
  const extra = roundUpToMultiple(moq - total, sku.casePack ?? 1);
  const why = { key: "planReasonMoq", params: { moq, total } } as const;
  if (largestBulk) {
    const line = largestBulk.state.lines[largestBulk.index];
    raiseLine(largestBulk.state, largestBulk.index, line.restockQty + extra, why);
    return;
  }
  const anchor = largest.state.lines[largest.index];
  addBulkLine(largest.state, (anchor.shipBy ?? largest.state.planDate) - largest.state.planDate, extra, why);
}
