import type { Sku } from "../data/model";
import { addDays, weekStart, type Day } from "../time/day";
import type { PlanSettings } from "./settings";
import type { PlanLine, TimetableRow } from "./types";

/**
 * `LS Timetable`: shipments grouped by ship-by week (Monday) and lane, over the horizon.
 *
 * @example timetableOf(lines, skuOf, planDate, settings)[0].mode // "SEA"
 */
export function timetableOf(
  lines: readonly PlanLine[],
  skuOf: ReadonlyMap<string, Sku>,
  planDate: Day,
  settings: PlanSettings,
): TimetableRow[] {
  const end = addDays(planDate, 7 * settings.horizonWeeks);
  // Sums accumulate in place: one object per group, not one per shipment.
  const groups = new Map<
    string,
    {
      readonly row: Omit<TimetableRow, "items" | "skuCount" | "units" | "weightKg" | "cost">;
      items: [string, number][];
      units: number;
      cost: number;
      weightKg: number;
      weightKnown: boolean;
    }
  >();
  for (const l of lines) {
    if (l.restockQty <= 0 || l.shipBy === null || l.mode === null || l.shipBy >= end) continue;
    const week = weekStart(l.shipBy);
    const from = l.from ?? "";
    const k = `${week}\u0000${from}\u0000${l.warehouse}\u0000${l.mode}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        row: { weekStart: week, from, to: l.warehouse, mode: l.mode },
        items: [],
        units: 0,
        cost: 0,
        weightKg: 0,
        weightKnown: true,
      };
      groups.set(k, g);
    }
    g.items.push([l.sku, l.restockQty]);
    g.units += l.restockQty;
    g.cost += l.cost ?? 0;
    const w = skuOf.get(l.sku)?.weightKg;
    if (w === undefined) g.weightKnown = false;
    else g.weightKg += w * l.restockQty;
  }
  const rows: TimetableRow[] = [];
  for (const g of groups.values()) {
    const bySku = new Map<string, number>();
    for (const [s, q] of g.items) bySku.set(s, (bySku.get(s) ?? 0) + q);
    const sorted = [...bySku].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = sorted.slice(0, 30).map(([s, q]) => `${s} ×${q}`);
    if (sorted.length > 30) shown.push(`+${sorted.length - 30}`);
    rows.push({
      ...g.row,
      skuCount: bySku.size,
      units: g.units,
      weightKg: g.weightKnown ? g.weightKg : null,
      cost: g.cost,
      items: shown.join(", "),
    });
  }
  return rows.sort(
    (a, b) =>
      a.weekStart - b.weekStart ||
      (a.to < b.to ? -1 : a.to > b.to ? 1 : 0) ||
      (a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0) ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : 0),
  );
}
