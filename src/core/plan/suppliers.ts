import type { Sku } from "../data/model";
import { dayFromIso, dayToIso, type Day } from "../time/day";
import { demandAt, type PairState } from "./projection";
import { pairKey } from "./salesHistory";
import type { PlanSettings } from "./settings";
import type { SkuClass } from "./skuClasses";
import type { PlanLine, SupplierRow } from "./types";

const EPS = 1e-6;

/**
 * The first day of a month; months past 12 or below 1 roll into the next or previous years.
 *
 * @example monthStart(2026, 13) // 2027-01-01
 */
export function monthStart(year: number, month: number): Day {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return dayFromIso(`${y}-${String(m).padStart(2, "0")}-01`) as Day;
}

/**
 * `LS Suppliers`: per supplier × SKU × month of the next `supplierMonths`, the
 * forecast demand over all warehouses and the units this plan orders (by ship-by month).
 *
 * @example supplierRows(skus, classes, states, lines, planDate, settings)[0].plannedUnits
 */
export function supplierRows(
  skus: readonly Sku[],
  classes: ReadonlyMap<string, SkuClass>,
  states: ReadonlyMap<string, PairState>,
  lines: readonly PlanLine[],
  planDate: Day,
  settings: PlanSettings,
): SupplierRow[] {
  const iso = dayToIso(planDate);
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const starts: Day[] = [];
  for (let i = 0; i <= settings.supplierMonths; i++) starts.push(monthStart(y, m + i));
  const monthOf = (d: Day): number => {
    for (let i = 0; i < settings.supplierMonths; i++) if (d < starts[i + 1]) return d < starts[i] ? 0 : i;
    return -1;
  };
  const forecast = new Map<string, number[]>();
  for (const s of states.values()) {
    const sku = s.input.sku.sku;
    const f = forecast.get(sku) ?? new Array<number>(settings.supplierMonths).fill(0);
    for (let m = 0; m < settings.supplierMonths; m++) {
      const end = Math.min(s.days, starts[m + 1] - planDate);
      let sum = f[m];
      for (let i = Math.max(0, starts[m] - planDate); i < end; i++) sum += demandAt(s, i);
      f[m] = sum;
    }
    forecast.set(sku, f);
  }
  const planned = new Map<string, number[]>();
  for (const l of lines) {
    if (l.restockQty <= 0 || l.shipBy === null || l.mode === "TRANSFER") continue;
    if (l.from !== null && states.has(pairKey(l.sku, l.from))) continue;
    const mo = monthOf(l.shipBy < planDate ? planDate : l.shipBy);
    if (mo < 0) continue;
    const p = planned.get(l.sku) ?? new Array<number>(settings.supplierMonths).fill(0);
    p[mo] += l.restockQty;
    planned.set(l.sku, p);
  }
  const rows: SupplierRow[] = [];
  for (const sku of skus) {
    const f = forecast.get(sku.sku);
    const p = planned.get(sku.sku);
    if (!f && !p) continue;
    for (let i = 0; i < settings.supplierMonths; i++) {
      const fu = f?.[i] ?? 0;
      const pu = p?.[i] ?? 0;
      if (fu <= EPS && pu <= 0) continue;
      rows.push({
        supplier: sku.supplier ?? "",
        sku: sku.sku,
        cls: (classes.get(sku.sku) as SkuClass).cls,
        month: starts[i],
        forecastUnits: fu,
        plannedUnits: pu,
        moq: sku.moq ?? null,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      (a.supplier < b.supplier ? -1 : a.supplier > b.supplier ? 1 : 0) ||
      (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) ||
      a.month - b.month,
  );
}
