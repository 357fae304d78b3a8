import type { AbcClass, Sku } from "../data/model";
import { abcClasses, abcScores } from "../inventory";
import type { PairHistory, SalesHistory } from "./salesHistory";
import type { PlanSettings } from "./settings";

/** A SKU's class and the contributions it was computed from. */
export interface SkuClass {
  readonly cls: AbcClass;
  /** Computed from the data, before the `class` column's override. */
  readonly computed: AbcClass;
  readonly sales: number;
  /** Sales − units × unit cost; null when some sale has neither revenue nor price. */
  readonly profit: number | null;
}

/**
 * ABC class per SKU from its sales and profit over the last `abcWeeks` weeks
 * (as summed by `salesHistory`)
 * (all warehouses): score = mean of its share of total sales and of total
 * profit (sales alone when a profit is unknown), classes by the cumulative
 * cutoffs — the item crossing a cutoff joins the upper class, ties share a
 * class, no sales is C. The SKUs table's `class` column overrides.
 *
 * @example skuClasses(skus selling 50, 20, 10, 5, 5, 4, 3, 1, 1, 1, history, settings) // A, A, B, B, B, C, …
 */
export function skuClasses(
  skus: readonly Sku[],
  history: SalesHistory,
  settings: PlanSettings,
): Map<string, SkuClass> {
  const sales = new Map<string, number>();
  const units = new Map<string, number>();
  let priced = true;
  for (const p of history.pairs.values()) {
    if (p.recentUnits > 0 && !p.priced) priced = false;
    sales.set(p.sku, (sales.get(p.sku) ?? 0) + p.recentValue);
    units.set(p.sku, (units.get(p.sku) ?? 0) + p.recentUnits);
  }
  const rows = skus.map((s) => {
    const v = sales.get(s.sku) ?? 0;
    return priced ? [v, v - (units.get(s.sku) ?? 0) * s.unitCost] : [v];
  });
  const classes = abcClasses(abcScores(rows), settings.aCutoff, settings.bCutoff);
  const out = new Map<string, SkuClass>();
  skus.forEach((s, i) => {
    const computed = classes[i] ?? "C";
    out.set(s.sku, {
      cls: s.classOverride ?? computed,
      computed,
      sales: rows[i][0],
      profit: priced ? rows[i][1] : null,
    });
  });
  return out;
}

/**
 * ABC class per SKU × warehouse (keyed by `pairKey`): each warehouse's SKUs
 * are classed against that warehouse's sales and profit alone, as
 * `skuClasses` does across all of them — a SKU that sells well in one market
 * and barely in another is A in the first and C in the second. The `class`
 * column overrides in every warehouse; a pair with no sales is C.
 *
 * @example pairClasses(skus, history, settings).get(pairKey("S1", "DE"))?.cls // "C" where S1 sells 1 a week in DE
 */
export function pairClasses(
  skus: readonly Sku[],
  history: SalesHistory,
  settings: PlanSettings,
): Map<string, SkuClass> {
  const skuOf = new Map(skus.map((s) => [s.sku, s]));
  // Each pair with the history's own key string: the plan's lookups by it compare no characters.
  const byWarehouse = new Map<string, { keys: string[]; pairs: PairHistory[] }>();
  history.pairs.forEach((p, key) => {
    if (!skuOf.has(p.sku)) return;
    let group = byWarehouse.get(p.warehouse);
    if (!group) {
      group = { keys: [], pairs: [] };
      byWarehouse.set(p.warehouse, group);
    }
    group.keys.push(key);
    group.pairs.push(p);
  });
  const out = new Map<string, SkuClass>();
  for (const { keys, pairs } of byWarehouse.values()) {
    const priced = pairs.every((p) => p.recentUnits <= 0 || p.priced);
    const rows = pairs.map((p) => {
      const cost = (skuOf.get(p.sku) as Sku).unitCost;
      return priced ? [p.recentValue, p.recentValue - p.recentUnits * cost] : [p.recentValue];
    });
    const classes = abcClasses(abcScores(rows), settings.aCutoff, settings.bCutoff);
    pairs.forEach((p, i) => {
      const computed = classes[i] ?? "C";
      out.set(keys[i], {
        cls: (skuOf.get(p.sku) as Sku).classOverride ?? computed,
        computed,
        sales: rows[i][0],
        profit: priced ? rows[i][1] : null,
      });
    });
  }
  return out;
}
