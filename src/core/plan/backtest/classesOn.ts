import type { SalesRow, Sku } from "../../data/model";
import type { Day } from "../../time/day";
import type { PairHistory, SalesHistory } from "../salesHistory";
import type { PlanSettings } from "../settings";
import { skuClasses, type SkuClass } from "../skuClasses";

const NO_WEEKS = new Float64Array(0);

/**
 * Sales value and units per SKU and week, so that the ABC classes can be
 * computed as of any replayed week from the weeks before it only — the plan's
 * own classes use the sales up to the plan date, the replay's future. Values
 * are counted as `salesHistory` counts them: the row's revenue, else units ×
 * price (unit cost when the SKU has no price, and then profit is unknown).
 *
 * @example const by = new SkuSalesByWeek(skus, d0, 78); rows.forEach((r) => by.add(r)); by.classesBefore(60, settings)
 */
export class SkuSalesByWeek {
  private readonly index = new Map<string, number>();
  private readonly value: Float64Array;
  private readonly units: Float64Array;
  /** 1 where a SKU's week has a sale with neither revenue nor a SKU price (one byte, not a count: only none matters). */
  private readonly unpriced: Uint8Array;

  /** `weeks` weeks from the Monday `firstWeek`. */
  constructor(
    private readonly skus: readonly Sku[],
    private readonly firstWeek: Day,
    private readonly weeks: number,
  ) {
    skus.forEach((s, i) => this.index.set(s.sku, i));
    this.value = new Float64Array(skus.length * weeks);
    this.units = new Float64Array(skus.length * weeks);
    this.unpriced = new Uint8Array(skus.length * weeks);
  }

  /** The last row's SKU and its index (−1: unknown): a million rows, often several in a row of one SKU. */
  private lastSku = "";
  private lastIndex = -1;

  /** Counts one sales row; rows outside the weeks or of an unknown SKU are ignored. */
  add(r: SalesRow): void {
    const w = Math.floor((r.date - this.firstWeek) / 7);
    if (w < 0 || w >= this.weeks) return;
    if (r.sku !== this.lastSku) {
      this.lastSku = r.sku;
      this.lastIndex = this.index.get(r.sku) ?? -1;
    }
    const i = this.lastIndex;
    if (i < 0) return;
    const at = i * this.weeks + w;
    const sku = this.skus[i];
    this.units[at] += r.units;
    if (r.revenue !== undefined) this.value[at] += r.revenue;
    else {
      this.value[at] += r.units * (sku.price ?? sku.unitCost);
      if (sku.price === undefined) this.unpriced[at] = 1;
    }
  }

  /**
   * The ABC classes (`skuClasses`) from the `abcWeeks` weeks before week `week`
   * (counted from `firstWeek`), as a plan dated that week would compute them.
   */
  classesBefore(week: number, settings: PlanSettings): Map<string, SkuClass> {
    const from = Math.max(0, week - settings.abcWeeks);
    const to = Math.min(week, this.weeks);
    const pairs = new Map<string, PairHistory>();
    this.skus.forEach((s, i) => {
      const at = i * this.weeks;
      pairs.set(s.sku, {
        sku: s.sku,
        warehouse: "",
        units: NO_WEEKS,
        streamUnits: NO_WEEKS,
        recentValue: sum(this.value, at + from, at + to),
        recentUnits: sum(this.units, at + from, at + to),
        priced: sum(this.unpriced, at + from, at + to) === 0,
      });
    });
    const history: SalesHistory = { firstWeek: this.firstWeek, weeks: to, pairs };
    return skuClasses(this.skus, history, settings);
  }
}

/** Σ values[from…to − 1]; a function of its own, run 30,000 times a backtest (compiled early). */
function sum(values: Float64Array | Uint8Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i];
  return total;
}
