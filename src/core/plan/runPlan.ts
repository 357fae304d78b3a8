import type { PlanInput, ShipModeName, Sku } from "../data/model";
import { InputError } from "../errors";
import { audienceSpread, pastStreamItems } from "../stream";
import { inverseStandardNormal } from "../inventory";
import { addDays, dayToIso, type Day } from "../time/day";
import { runBacktest } from "./backtest";
import { addUnannouncedStreams, forecastBaselines, zeroForecast, type BaselineForecast } from "./baseline";
import { warehouseUplifts, type WeekUplifts } from "./marketUplifts";
import type { MarketEvent } from "../calendar";
import { abcRows } from "./abcSummary";
import { spendEmergencyBudget } from "./emergency";
import { lanesByWarehouse, type WarehouseLanes } from "./lanes";
import { lineDates } from "./lineDates";
import { orderArrivals, type OrderArrival } from "./openOrders";
import { projectPair, type PairState } from "./pairPlan";
import { lineBase, NO_SHIPMENT } from "./planLine";
import { orderAtReview, pairReview } from "./reviewOrders";
import { pairKey, PairMap, salesHistory, type SalesHistory } from "./salesHistory";
import type { PlanSettings } from "./settings";
import { pairClasses, skuClasses, type SkuClass } from "./skuClasses";
import { streamCadence } from "./streamCadence";
import { streamChecks } from "./streamChecks";
import { plannedStreamItems, reportedStreamModelAsOf, type PlannedItem } from "./streamDemand";
import { monthStart, supplierRows } from "./suppliers";
import { summarize } from "./summary";
import { closureDelay } from "./supplyDelay";
import { MAX_SERVICE_LEVEL } from "./tierLevels";
import { timetableOf } from "./timetable";
import { planWeekByWeek } from "./weekByWeek";
import type { Plan, PlanHooks, PlanLine, Unplannable } from "./types";

const EPS = 1e-6;

function checkCancel(hooks: PlanHooks): void {
  if (hooks.shouldCancel?.()) throw new InputError("na", "planCancelled", {});
}

/** Weeks of forecast the projection needs: the horizon, the longest lead and margin, a review period, the supplier months. */
function projectionWeeks(input: PlanInput, planDate: Day, settings: PlanSettings): number {
  let lead = 0;
  let sd = 0;
  for (const l of input.lanes) {
    lead = Math.max(lead, l.leadDays);
    sd = Math.max(sd, l.leadSdDays ?? 0);
  }
  sd = Math.hypot(sd, settings.productionSdDays);
  let production = settings.productionDays;
  for (const s of input.skus) production = Math.max(production, s.productionDays ?? 0);
  // A SKU's margin may raise its level above every class's (`pairServiceLevel`).
  const zMax = inverseStandardNormal(
    Math.max(settings.serviceLevel.A, settings.serviceLevel.B, settings.serviceLevel.C, MAX_SERVICE_LEVEL),
  );
  const days =
    7 * settings.horizonWeeks +
    production +
    lead +
    settings.receivingDays +
    Math.ceil(zMax * sd) +
    7 * settings.reviewWeeks;
  const iso = dayToIso(planDate);
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const monthsEnd = monthStart(y, m + settings.supplierMonths);
  const weeks = Math.ceil(Math.max(days, monthsEnd - planDate) / 7) + 2;
  return Math.min(520, weeks);
}

/**
 * The whole replenishment plan of `input` on `planDate` (DESIGN.md method
 * steps 3–7): ABC classes, baseline and stream forecasts, tier 1–3 safety
 * stock, order-up-to shipments with MOQ across warehouses and case packs, the
 * mode and dates of each shipment, stream readiness, the timetable, the
 * supplier forecast and the backtest. Pure and deterministic.
 *
 * @throws InputError("na", "planCancelled") when `hooks.shouldCancel` says so
 *
 * @example runPlan(input, dayFromIso("2026-11-16")!, DEFAULT_SETTINGS).summary.streamsAtRisk
 */
export function runPlan(
  input: PlanInput,
  planDate: Day,
  settings: PlanSettings,
  hooks: PlanHooks = {},
): Plan {
  hooks.onStage?.("forecasting");
  const history = salesHistory(input, planDate, settings.abcWeeks);
  const classes = skuClasses(input.skus, history, settings);
  const pairClass = pairClasses(input.skus, history, settings);
  const weeks = projectionWeeks(input, planDate, settings);
  const uplifts = warehouseUplifts(input.warehouses, history, planDate, weeks);
  const baselines = forecastBaselines(
    history.pairs,
    weeks,
    settings.seasonLength,
    settings.fullForecastPairs,
    uplifts,
  );
  // The cadence and the stream model read the same past stream items.
  const pastItems = pastStreamItems(input, planDate);
  addUnannouncedStreams(baselines, streamCadence(input, planDate, pastItems), planDate, weeks);
  // Fitted with its accuracy report: the plan says how well the model predicted past streams.
  const streamModel = input.streams.some((st) => st.date >= planDate)
    ? reportedStreamModelAsOf(input, planDate, pastItems)
    : null;
  const audience = audienceSpread(input.streams, planDate, settings.audienceSpread);
  const items = plannedStreamItems(input, planDate, settings, streamModel, audience);
  const supplyDelay = supplyDelayOf(uplifts);
  checkCancel(hooks);

  hooks.onStage?.("planning");
  const skuOf = new Map<string, Sku>(input.skus.map((s) => [s.sku, s]));
  const lanes = lanesByWarehouse(input);
  // Open purchase orders are supply on their way too: counted as in transit from the day they are sellable.
  const arrivals = orderArrivals(input.orders ?? [], lanes, skuOf, settings, planDate, supplyDelay);
  const seeds = pairSeeds(input, skuOf, history, items, arrivals, settings.receivingDays);
  const pairs = seeds.list.sort((a, b) => (a.key < b.key ? -1 : 1));
  const keys = pairs.map((p) => p.key);
  const { states, unplannable, bySku } = projectAll(
    pairs,
    { lanes, classes: pairClass, baselines, supplyDelay },
    planDate,
    weeks,
    settings,
  );
  const clsOf = (sku: string, warehouse: string) =>
    pairClass.get(pairKey(sku, warehouse))?.cls ?? skuOf.get(sku)?.classOverride ?? "C";

  planWeekByWeek(bySku, settings, () => checkCancel(hooks));

  const emergency = spendEmergencyBudget(items, states, pairKey, lanes, skuOf, settings, planDate);
  const streams = streamChecks(items, states, emergency.outcomes, planDate);

  const lines = outputLines(
    keys,
    states,
    unplannable,
    settings,
    (state) =>
      orderAtReview(
        state.lines,
        pairReview(state, planDate, 7 * settings.reviewWeeks, lanes, settings, supplyDelay),
      ).map((l) => lineDates(l, lanes, settings)),
    (u) => {
      const p = seeds.get(u.sku, u.warehouse) as PairSeed;
      return {
        cls: clsOf(u.sku, u.warehouse),
        weeklyForecast: meanWeekly(baselines.get(p.key)?.weekly, settings.horizonWeeks),
        onHand: p.onHand,
        inTransit: p.inTransit.reduce((a, t) => a + t.qty, 0),
      };
    },
  );

  const timetable = timetableOf(lines, skuOf, planDate, settings);
  const suppliers = supplierRows(input.skus, classes, states, lines, planDate, settings);
  const abc = abcRows(pairClass, settings);
  checkCancel(hooks);

  hooks.onStage?.("backtest");
  const backtest =
    settings.backtestWeeks > 0
      ? runBacktest(input, planDate, settings, {
          history,
          lanes,
          ...(supplyDelay ? { supplyDelay } : {}),
        })
      : null;
  const streamModelReport = streamModel && {
    method: streamModel.method,
    accuracy: streamModel.accuracy,
    audience,
  };
  const partial = {
    planDate,
    lines,
    timetable,
    streams,
    abc,
    suppliers,
    backtest,
    unplannable,
    streamModel: streamModelReport,
  };
  return { ...partial, summary: summarize({ ...partial, emergencySpent: emergency.spent }, settings) };
}

/** What the input says of one SKU × warehouse before it is planned. */
interface PairSeed {
  /** `pairKey(sku, warehouse)`. */
  readonly key: string;
  readonly sku: Sku;
  readonly warehouse: string;
  /** On hand less reserved, summed over the Stock rows. */
  onHand: number;
  /** In-transit rows, then open orders, with the day each is sellable. */
  readonly inTransit: { qty: number; eta: Day; mode?: ShipModeName }[];
  readonly streams: PlannedItem[];
}

/**
 * The pairs to plan: every known SKU at a known warehouse that has stock, stock
 * on its way, an open order, sales history or a planned stream, each with its
 * on hand less reserved, its in-transit rows and then its open orders' `arrivals`
 * (sellable `receivingDays` after their ETA, for the rows), and its planned
 * streams. Found by the rows' own strings (`PairMap`): a key string is built
 * once a pair (the history's own where it has one), not once a row and lookup.
 */
function pairSeeds(
  input: PlanInput,
  skuOf: ReadonlyMap<string, Sku>,
  history: SalesHistory,
  items: readonly PlannedItem[],
  arrivals: readonly OrderArrival[],
  receivingDays: number,
): { get: (sku: string, warehouse: string) => PairSeed | undefined; list: PairSeed[] } {
  const warehouses = new Set(input.warehouses.map((w) => w.warehouse));
  const seeds = new PairMap<PairSeed>();
  const list: PairSeed[] = [];
  const note = (sku: string, warehouse: string, key?: string): void => {
    const known = skuOf.get(sku);
    if (!known || !warehouses.has(warehouse) || seeds.get(sku, warehouse)) return;
    const seed = {
      key: key ?? pairKey(sku, warehouse),
      sku: known,
      warehouse,
      onHand: 0,
      inTransit: [],
      streams: [],
    };
    seeds.set(sku, warehouse, seed);
    list.push(seed);
  };
  // The history's pairs first, with its key strings: the forecasts and classes are keyed by the
  // same strings, so looking them up compares no characters.
  // forEach, not for-of: 135,000 row visits, mostly before the optimizer has compiled this, and a for-of
  // there allocates an iterator result per row.
  history.pairs.forEach((p, key) => note(p.sku, p.warehouse, key));
  input.stock.forEach((s) => note(s.sku, s.warehouse));
  input.inTransit.forEach((t) => note(t.sku, t.warehouse));
  input.orders?.forEach((o) => note(o.sku, o.warehouse));
  items.forEach((it) => note(it.sku, it.warehouse));
  input.stock.forEach((s) => {
    const p = seeds.get(s.sku, s.warehouse);
    if (p) p.onHand = p.onHand + s.onHand - (s.reserved ?? 0);
  });
  input.inTransit.forEach((t) => {
    // An ETA is the day the goods reach the warehouse; they are sellable after receiving.
    const eta = addDays(t.eta, Math.ceil(receivingDays));
    // One shape for every shipment on its way (mode undefined when unknown): the projection's
    // loops over them stay monomorphic.
    seeds.get(t.sku, t.warehouse)?.inTransit.push({ qty: t.qty, eta, mode: t.mode });
  });
  arrivals.forEach((o) =>
    seeds.get(o.sku, o.warehouse)?.inTransit.push({ qty: o.qty, eta: o.eta, mode: o.mode }),
  );
  items.forEach((it) => seeds.get(it.sku, it.warehouse)?.streams.push(it));
  return { get: (sku, warehouse) => seeds.get(sku, warehouse), list };
}

/**
 * Projects every pair (`projectPair`) with its class (the `class` column's override, else
 * C, for a pair without sales), baseline forecast and regular lanes; a pair whose warehouse
 * has no regular lane is unplannable. The states are grouped by SKU, in pair order, for the
 * week-by-week planning. A function of its own so that its loop is compiled early.
 */
function projectAll(
  pairs: readonly PairSeed[],
  of: {
    readonly lanes: ReadonlyMap<string, WarehouseLanes>;
    readonly classes: ReadonlyMap<string, SkuClass>;
    readonly baselines: ReadonlyMap<string, BaselineForecast>;
    readonly supplyDelay: ((orderDay: Day, productionDays?: number) => number) | undefined;
  },
  planDate: Day,
  weeks: number,
  settings: PlanSettings,
): { states: Map<string, PairState>; unplannable: Unplannable[]; bySku: Map<string, PairState[]> } {
  const days = 7 * weeks;
  const states = new Map<string, PairState>();
  const unplannable: Unplannable[] = [];
  // The stock of all pairs lives in a few large arrays, not a small one per pair.
  const ARENA_PAIRS = 1024;
  const arenas: Float64Array[] = [];
  const arena = (index: number): Float64Array => {
    const chunk = Math.floor(index / ARENA_PAIRS);
    arenas[chunk] ??= new Float64Array(ARENA_PAIRS * days);
    const at = (index % ARENA_PAIRS) * days;
    return arenas[chunk].subarray(at, at + days);
  };
  const bySku = new Map<string, PairState[]>();
  for (const p of pairs) {
    const { key, sku, warehouse } = p;
    const regular = of.lanes.get(warehouse)?.regular ?? [];
    if (regular.length === 0) {
      unplannable.push({
        sku: sku.sku,
        warehouse,
        reason: { key: "planReasonNoLane", params: { warehouse } },
      });
      continue;
    }
    const state = projectPair(
      {
        sku,
        warehouse,
        cls: of.classes.get(key)?.cls ?? sku.classOverride ?? "C",
        onHand: p.onHand,
        inTransit: p.inTransit,
        forecast: of.baselines.get(key) ?? zeroForecast(weeks),
        streams: p.streams,
        regular,
        // Always the property, even undefined: a spread per pair is a runtime call and another map.
        supplyDelay: of.supplyDelay,
      },
      planDate,
      days,
      settings,
      arena(states.size),
    );
    states.set(key, state);
    const list = bySku.get(sku.sku) ?? [];
    list.push(state);
    bySku.set(sku.sku, list);
  }
  return { states, unplannable, bySku };
}

/**
 * The rows of `LS Plan`: each pair's shipments in ship-by order, a pair with
 * none as one row saying why (enough stock, or no demand), then the pairs that
 * cannot be planned with their known columns.
 */
function outputLines(
  keys: readonly string[],
  states: ReadonlyMap<string, PairState>,
  unplannable: readonly Unplannable[],
  settings: PlanSettings,
  place: (state: PairState) => PlanLine[],
  known: (u: Unplannable) => Pick<PlanLine, "cls" | "weeklyForecast" | "onHand" | "inTransit">,
): PlanLine[] {
  const lines: PlanLine[] = [];
  for (const key of keys) {
    const state = states.get(key);
    if (!state) continue;
    if (state.lines.length > 0) {
      lines.push(
        ...place(state).sort(
          (a, b) => (a.shipBy ?? 0) - (b.shipBy ?? 0) || (a.needBy ?? 0) - (b.needBy ?? 0),
        ),
      );
      continue;
    }
    const noDemand = state.weeklyForecast <= EPS && state.streams.length === 0;
    lines.push({
      ...lineBase(state, null),
      reasons: [
        noDemand
          ? { key: "planReasonNoDemand", params: {} }
          : {
              key: "planReasonEnough",
              params: {
                weeks: settings.horizonWeeks,
                cover: state.weeksOfCover === null ? "∞" : Math.round(state.weeksOfCover * 10) / 10,
              },
            },
      ],
    });
  }
  for (const u of unplannable)
    lines.push({
      ...NO_SHIPMENT,
      ...known(u),
      sku: u.sku,
      warehouse: u.warehouse,
      safetyStock: 0,
      reorderPoint: 0,
      needBy: null,
      weeksOfCover: null,
      stockoutDate: null,
      reasons: [u.reason],
    });
  return lines;
}

/** Days a supplier's closure (Chinese New Year, from the warehouses' calendars) adds to an order placed on a day (`closureDelay`). */
function supplyDelayOf(
  uplifts: ReadonlyMap<string, WeekUplifts>,
): ((orderDay: Day, productionDays?: number) => number) | undefined {
  const seen = new Set<string>();
  const events: MarketEvent[] = [];
  for (const u of uplifts.values())
    for (const e of u.events)
      if (e.kind === "supply" && !seen.has(`${e.key}@${e.start}`)) {
        seen.add(`${e.key}@${e.start}`);
        events.push(e);
      }
  return events.length > 0 ? (d: Day, production?: number) => closureDelay(events, d, production) : undefined;
}

function meanWeekly(weekly: Float64Array | undefined, horizon: number): number {
  if (!weekly) return 0;
  let s = 0;
  for (let i = 0; i < horizon; i++) s += weekly[Math.min(i, weekly.length - 1)];
  return s / horizon;
}
