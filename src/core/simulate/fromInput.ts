import type { PlanInput } from "../data/model";
import { InputError } from "../errors";
import { addDays, dayToIso, weekStart, type Day } from "../time/day";
import { lanesByWarehouse } from "../plan/lanes";
import { orderArrivals } from "../plan/openOrders";
import { DEFAULT_SETTINGS, settingsFrom } from "../plan/settings";
import { parseWorld, type World } from "./world";
import { audienceSpread } from "../stream";

/** Weeks of the workbook's history that set the levels and the stream cadence. */
export const SEED_WEEKS = 26;
/** Freight a kg where the workbook's lane gives no cost, by mode. */
const DEFAULT_COST_PER_KG = { SEA: 1.2, AIR: 6.5, EXPRESS: 12, TRANSFER: 2 } as const;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * A world seeded by a seller's workbook: its SKUs, warehouses and lanes; everyday demand of each
 * pair = its mean weekly non-stream sales over the last 26 weeks; per warehouse a stream cadence
 * (streams a week, median viewers and their log spread, featured SKUs, dwell) from its past streams;
 * the stream law's scale from past stream units (exponents the default world's), and the spread of
 * real audiences around plan from past streams' `expected_viewers` where given; the planned streams
 * as scheduled; sea lanes with a 10 % chance of a 7–14-day port delay; its stock (less reserved)
 * shipments under way and open purchase orders (landing when the plan counts them sellable) as the starting state. The first simulated Monday
 * is the one on or after `planDate`. Sales are not censored back: a pair that sold out sells less.
 *
 * @throws InputError("na", "worldNoSales") when the workbook has no sales in the 26 weeks
 * @example worldFromInput(read.input, dayFromIso("2026-11-16")!).skus.length // the workbook's SKUs
 */
export function worldFromInput(input: PlanInput, planDate: Day): World {
  const start = weekStart(addDays(planDate, 6));
  const from = addDays(start, -7 * SEED_WEEKS);
  const streamDay = new Set<string>();
  const streamOf = new Map(input.streams.map((s) => [s.streamId, s]));
  for (const it of input.streamItems) {
    const s = streamOf.get(it.streamId);
    if (s) streamDay.add(`${it.sku}@${s.warehouse}@${s.date}`);
  }
  const weekly = new Map<string, Record<string, number>>();
  let any = false;
  for (const r of input.sales) {
    if (r.date < from || r.date >= start) continue;
    if (r.streamId !== undefined || streamDay.has(`${r.sku}@${r.warehouse}@${r.date}`)) continue;
    const w = weekly.get(r.sku) ?? {};
    w[r.warehouse] = (w[r.warehouse] ?? 0) + r.units / SEED_WEEKS;
    weekly.set(r.sku, w);
    any = true;
  }
  if (!any) throw new InputError("na", "worldNoSales", {});

  const past = input.streams.filter((s) => s.date >= from && s.date < start && s.peakViewers > 0);
  const cadence = input.warehouses.flatMap((w) => {
    const own = past.filter((s) => s.warehouse === w.warehouse);
    if (own.length === 0) return [];
    const logs = own.map((s) => Math.log(s.peakViewers));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, logs.length - 1));
    const counts = own
      .map((s) => input.streamItems.filter((i) => i.streamId === s.streamId).length)
      .filter((n) => n > 0);
    return [
      {
        warehouse: w.warehouse,
        perWeek: Math.min(7, own.length / SEED_WEEKS),
        viewers: median(own.map((s) => s.peakViewers)),
        viewersSpread: Math.min(3, sd),
        featured: counts.length > 0 ? [Math.min(...counts), Math.max(...counts)] : [3, 6],
        dwellMinutes: median(own.map((s) => s.avgDwellMin).filter((d) => d > 0)) || 3,
      },
    ];
  });
  const law = { viewersExponent: 1.25, dwellExponent: 0.7 };
  const scales: number[] = [];
  for (const it of input.streamItems) {
    const s = streamOf.get(it.streamId);
    if (!s || it.units === undefined || s.date < from || s.date >= start || s.peakViewers <= 0) continue;
    const dwell = s.avgDwellMin > 0 ? s.avgDwellMin : 3;
    scales.push(
      it.units /
        (Math.pow(s.peakViewers / 10_000, law.viewersExponent) * Math.pow(dwell / 3, law.dwellExponent)),
    );
  }
  // Where past streams keep the audience they were planned with, real audiences stray as they did.
  const audience = audienceSpread(past, start, DEFAULT_SETTINGS.audienceSpread);
  const planned = input.streams.filter((s) => s.date >= start);
  const json = {
    name: "workbook",
    start: dayToIso(start),
    weeks: 26,
    historyWeeks: 52,
    warehouses: input.warehouses.map((w) => ({ warehouse: w.warehouse, country: w.country })),
    skus: input.skus
      .filter((s) => weekly.has(s.sku))
      .map((s) => ({
        sku: s.sku,
        unitCost: s.unitCost,
        ...(s.price !== undefined && s.price > 0 ? { price: s.price } : {}),
        ...(s.weightKg !== undefined && s.weightKg > 0 ? { weightKg: s.weightKg } : {}),
        moq: s.moq ?? 0,
        casePack: Math.max(1, Math.round(s.casePack ?? 1)),
        productionDays:
          Math.round(s.productionDays ?? Number(input.settings.get("production_days") ?? 10)) || 0,
        weekly: weekly.get(s.sku),
      })),
    lanes: input.lanes.map((l) => ({
      from: l.from ?? "CN",
      to: l.to,
      mode: l.mode,
      leadDays: l.leadDays,
      spreadDays: l.leadSdDays ?? 0,
      ...(l.mode === "SEA" ? { delayProbability: 0.1, delayDays: [7, 14] } : {}),
      ...(l.costPerUnit !== undefined
        ? { costPerUnit: l.costPerUnit }
        : { costPerKg: l.costPerKg ?? DEFAULT_COST_PER_KG[l.mode] }),
      ...(l.minUnits !== undefined ? { minUnits: l.minUnits } : {}),
      ...(l.minKg !== undefined ? { minKg: l.minKg } : {}),
      ...(l.fixedCost !== undefined ? { fixedCost: l.fixedCost } : {}),
    })),
    streams: {
      cadence,
      scheduled: planned.map((s) => ({
        id: s.streamId,
        date: dayToIso(s.date),
        warehouse: s.warehouse,
        viewers: Math.max(1, s.peakViewers),
        ...(s.avgDwellMin > 0 ? { dwellMinutes: s.avgDwellMin } : {}),
        featured: input.streamItems
          .filter((i) => i.streamId === s.streamId && weekly.has(i.sku))
          .map((i) => i.sku),
        announceDays: Math.max(0, s.date - start),
      })),
      law: {
        ...law,
        unitsPer10kViewers: scales.length > 0 ? median(scales) : 40,
        ...(audience.n > 0 ? { viewersNoise: Math.min(3, audience.sd) } : {}),
      },
    },
    settings: Object.fromEntries(input.settings),
    stock: input.stock
      .filter((s) => weekly.get(s.sku)?.[s.warehouse] !== undefined)
      .map((s) => ({
        sku: s.sku,
        warehouse: s.warehouse,
        onHand: Math.max(0, s.onHand - (s.reserved ?? 0)),
      })),
    inTransit: [
      ...input.inTransit.map((s) => ({ ...s, mode: s.mode ?? "SEA" })),
      // Open purchase orders land when the plan counts them sellable.
      ...orderArrivals(
        input.orders ?? [],
        lanesByWarehouse(input),
        new Map(input.skus.map((s) => [s.sku, s])),
        settingsFrom(input.settings).settings,
        planDate,
      ),
    ]
      .filter((s) => weekly.get(s.sku)?.[s.warehouse] !== undefined)
      .map((s) => ({
        sku: s.sku,
        warehouse: s.warehouse,
        qty: s.qty,
        eta: dayToIso(s.eta),
        mode: s.mode,
      })),
  };
  const parsed = parseWorld(json);
  if (!parsed.world) {
    const p = parsed.problems[0];
    throw new InputError("value", p.key, p.params);
  }
  return parsed.world;
}
