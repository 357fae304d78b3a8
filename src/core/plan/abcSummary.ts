import type { PlanSettings } from "./settings";
import type { SkuClass } from "./skuClasses";
import type { AbcRow } from "./types";

/**
 * `LS ABC`, the seed's table over SKU × warehouse pairs (the unit ABC is computed for):
 * per class, pairs and their share, sales and profit shares, and the class's policy.
 *
 * @example abcRows(pairClasses(skus, history, settings), settings)[0].cls // "A"
 */
export function abcRows(classes: ReadonlyMap<string, SkuClass>, settings: PlanSettings): AbcRow[] {
  let sales = 0;
  let profit = 0;
  let profitKnown = true;
  for (const c of classes.values()) {
    sales += Math.max(0, c.sales);
    if (c.profit === null) profitKnown = false;
    else profit += Math.max(0, c.profit);
  }
  return (["A", "B", "C"] as const).map((cls) => {
    let n = 0;
    let s = 0;
    let p = 0;
    for (const c of classes.values()) {
      if (c.cls !== cls) continue;
      n++;
      s += Math.max(0, c.sales);
      p += Math.max(0, c.profit ?? 0);
    }
    return {
      cls,
      skuCount: n,
      skuShare: classes.size > 0 ? n / classes.size : 0,
      salesShare: sales > 0 ? s / sales : 0,
      profitShare: profitKnown && profit > 0 ? p / profit : null,
      serviceLevel: settings.serviceLevel[cls],
      baseWeeks: settings.baseWeeks[cls],
      preStreamWeeks: cls === "C" ? null : settings.preStreamWeeks[cls],
      policy: { key: cls === "A" ? "planPolicyA" : cls === "B" ? "planPolicyB" : "planPolicyC", params: {} },
    };
  });
}
