import type {
  Lane,
  PlanInput,
  SalesRow,
  Sku,
  StockRow,
  Stream,
  StreamItem,
  Warehouse,
} from "../../../src/core/data/model";
import { DEFAULT_SETTINGS, type PlanSettings } from "../../../src/core/plan";
import { addDays, dayFromIso, type Day } from "../../../src/core/time/day";
import type { Days, Money, Units } from "../../../src/core/units";

/** A Monday: the plan date of the hand-built cases. */
export const D0 = dayFromIso("2026-03-02") as Day;

/**
 * Settings with no production or receiving days and no backtest, so lead times are the lanes' own,
 * and planned audiences taken as certain, so a stream's units are the stream model's own.
 */
export const SIMPLE: PlanSettings = {
  ...DEFAULT_SETTINGS,
  audienceSpread: 0,
  receivingDays: 0,
  productionDays: 0,
  backtestWeeks: 0,
};

/**
 * z of the fixture SKU's bulk-lane safety stock: `pairServiceLevel` raises class A's 98 % to
 * margin 10 ÷ (10 + a review week's holding of a 10 unit at 25 % a year) = 10 ÷ 10.048 ≈ 99.52 %.
 */
export const BULK_Z = 2.591013347511211;

export const sku = (code: string, more: Partial<Sku> = {}): Sku => ({
  sku: code,
  unitCost: 10 as Money,
  price: 20 as Money,
  ...more,
});
export const wh = (code: string, country = "US"): Warehouse => ({ warehouse: code, country });
export const lane = (
  to: string,
  mode: Lane["mode"],
  leadDays: number,
  costPerUnit: number,
  from = "CN",
): Lane => ({
  from,
  to,
  mode,
  leadDays: leadDays as Days,
  costPerUnit: costPerUnit as Money,
});
export const stock = (s: string, w: string, onHand: number): StockRow => ({
  sku: s,
  warehouse: w,
  onHand: onHand as Units,
});

/** `weeks` weeks of sales before `D0`, `perDay` units every day. */
export function dailySales(s: string, w: string, perDay: number, weeks = 52): SalesRow[] {
  const rows: SalesRow[] = [];
  for (let i = 7 * weeks; i >= 1; i--)
    rows.push({ date: addDays(D0, -i), sku: s, warehouse: w, units: perDay as Units });
  return rows;
}

/** One row a week (on Monday) of `perWeek` units, `weeks` weeks before `D0`. */
export function weeklySales(s: string, w: string, perWeek: number, weeks = 52): SalesRow[] {
  const rows: SalesRow[] = [];
  for (let i = weeks; i >= 1; i--)
    rows.push({ date: addDays(D0, -7 * i), sku: s, warehouse: w, units: perWeek as Units });
  return rows;
}

export const stream = (id: string, w: string, date: Day, viewers = 1000, dwell = 2): Stream => ({
  streamId: id,
  date,
  warehouse: w,
  peakViewers: viewers,
  avgDwellMin: dwell,
});
export const item = (id: string, s: string, units?: number): StreamItem => ({
  streamId: id,
  sku: s,
  ...(units === undefined ? {} : { units: units as Units }),
});

export function input(p: Partial<PlanInput>): PlanInput {
  return {
    skus: [],
    warehouses: [],
    stock: [],
    inTransit: [],
    sales: [],
    streams: [],
    streamItems: [],
    lanes: [],
    settings: new Map(),
    ...p,
  };
}
