import type { PlanInput, Sku } from "../data/model";
import { InputError } from "../errors";
import { inverseStandardNormal } from "../inventory";
import { addDays, dayFromIso, dayToIso, weekStart, type Day } from "../time/day";
import { runBacktest } from "./backtest";
import { addUnannouncedStreams, forecastBaselines, zeroForecast } from "./baseline";
import { warehouseUplifts, type WeekUplifts } from "./marketUplifts";
import { supplyDelayDays, type MarketEvent } from "../calendar";
import { lineBase, NO_SHIPMENT, spendEmergencyBudget, startOfDay, type EmergencyOutcome } from "./emergency";
import { lanesByWarehouse } from "./lanes";
import { planPairUntil, projectPair, raiseLine, type PairState } from "./pairPlan";
import { pairKey, salesHistory } from "./salesHistory";
import type { PlanSettings } from "./settings";
import { skuClasses, type SkuClass } from "./skuClasses";
import { streamCadence } from "./streamCadence";
import { plannedStreamItems, reportedStreamModelAsOf, type PlannedItem } from "./streamDemand";
import { summarize } from "./summary";
import type {
  AbcRow,
  Plan,
  PlanHooks,
  PlanLine,
  StreamCheck,
  StreamStatus,
  SupplierRow,
  TimetableRow,
  Unplannable,
} from "./types";

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
  let production = settings.productionDays;
  for (const s of input.skus) production = Math.max(production, s.productionDays ?? 0);
  const zMax = inverseStandardNormal(
    Math.max(settings.serviceLevel.A, settings.serviceLevel.B, settings.serviceLevel.C),
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

function monthStart(year: number, month: number): Day {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return dayFromIso(`${y}-${String(m).padStart(2, "0")}-01`) as Day;
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
  const weeks = projectionWeeks(input, planDate, settings);
  const days = 7 * weeks;
  const uplifts = warehouseUplifts(input.warehouses, history, planDate, weeks);
  const baselines = forecastBaselines(
    history.pairs,
    weeks,
    settings.seasonLength,
    settings.fullForecastPairs,
    uplifts,
  );
  addUnannouncedStreams(baselines, streamCadence(input, planDate), planDate, weeks);
  // Fitted with its accuracy report: the plan says how well the model predicted past streams.
  const streamModel = input.streams.some((st) => st.date >= planDate)
    ? reportedStreamModelAsOf(input, planDate)
    : null;
  const items = plannedStreamItems(
    input,
    planDate,
    settings.streamQuantile,
    settings.streamHours,
    streamModel,
  );
  const supplyDelay = supplyDelayOf(uplifts);
  checkCancel(hooks);

  hooks.onStage?.("planning");
  const skuOf = new Map<string, Sku>(input.skus.map((s) => [s.sku, s]));
  const warehouses = new Set(input.warehouses.map((w) => w.warehouse));
  const lanes = lanesByWarehouse(input);
  const onHand = new Map<string, number>();
  for (const s of input.stock)
    onHand.set(
      pairKey(s.sku, s.warehouse),
      (onHand.get(pairKey(s.sku, s.warehouse)) ?? 0) + s.onHand - (s.reserved ?? 0),
    );
  const transit = new Map<string, { qty: number; eta: Day }[]>();
  for (const t of input.inTransit) {
    const k = pairKey(t.sku, t.warehouse);
    const list = transit.get(k) ?? [];
    list.push({ qty: t.qty, eta: t.eta });
    transit.set(k, list);
  }
  const streamsOf = new Map<string, PlannedItem[]>();
  for (const it of items) {
    const k = pairKey(it.sku, it.warehouse);
    const list = streamsOf.get(k) ?? [];
    list.push(it);
    streamsOf.set(k, list);
  }
  const pairSet = new Map<string, { sku: string; warehouse: string }>();
  const note = (sku: string, warehouse: string) => {
    if (skuOf.has(sku) && warehouses.has(warehouse)) pairSet.set(pairKey(sku, warehouse), { sku, warehouse });
  };
  for (const s of input.stock) note(s.sku, s.warehouse);
  for (const t of input.inTransit) note(t.sku, t.warehouse);
  for (const p of history.pairs.values()) note(p.sku, p.warehouse);
  for (const it of items) note(it.sku, it.warehouse);
  const keys = [...pairSet.keys()].sort();

  const states = new Map<string, PairState>();
  const unplannable: Unplannable[] = [];
  // Demand and stock of all pairs live in a few large arrays, not two small ones per pair.
  const ARENA_PAIRS = 1024;
  const arenas: Float64Array[] = [];
  const arena = (index: number): Float64Array => {
    const chunk = Math.floor(index / ARENA_PAIRS);
    arenas[chunk] ??= new Float64Array(ARENA_PAIRS * 2 * days);
    const at = (index % ARENA_PAIRS) * 2 * days;
    return arenas[chunk].subarray(at, at + 2 * days);
  };
  const bySku = new Map<string, PairState[]>();
  for (const key of keys) {
    const { sku, warehouse } = pairSet.get(key) as { sku: string; warehouse: string };
    const regular = lanes.get(warehouse)?.regular ?? [];
    if (regular.length === 0) {
      unplannable.push({ sku, warehouse, reason: { key: "planReasonNoLane", params: { warehouse } } });
      continue;
    }
    const state = projectPair(
      {
        sku: skuOf.get(sku) as Sku,
        warehouse,
        cls: (classes.get(sku) as SkuClass).cls,
        onHand: onHand.get(key) ?? 0,
        inTransit: transit.get(key) ?? [],
        forecast: baselines.get(key) ?? zeroForecast(weeks),
        streams: streamsOf.get(key) ?? [],
        regular,
        ...(supplyDelay ? { supplyDelay } : {}),
      },
      planDate,
      days,
      settings,
      arena(states.size),
    );
    states.set(key, state);
    const list = bySku.get(sku) ?? [];
    list.push(state);
    bySku.set(sku, list);
  }

  for (let week = 0; week < settings.horizonWeeks; week++) {
    checkCancel(hooks);
    for (const [sku, pairs] of bySku) {
      const fresh: { state: PairState; index: number }[] = [];
      for (const state of pairs) {
        const before = state.lines.length;
        planPairUntil(state, 7 * (week + 1), settings);
        for (let i = before; i < state.lines.length; i++) fresh.push({ state, index: i });
      }
      applyMoq(skuOf.get(sku) as Sku, fresh);
    }
  }

  const emergency = spendEmergencyBudget(items, states, pairKey, lanes, skuOf, settings, planDate);
  const streams = streamChecks(items, states, emergency.outcomes, planDate);

  const lines: PlanLine[] = [];
  for (const key of keys) {
    const state = states.get(key);
    if (!state) continue;
    if (state.lines.length > 0) {
      lines.push(
        ...[...state.lines].sort(
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
  for (const u of unplannable) {
    const cls = (classes.get(u.sku) as SkuClass).cls;
    lines.push({
      ...NO_SHIPMENT,
      sku: u.sku,
      warehouse: u.warehouse,
      cls,
      weeklyForecast: meanWeekly(baselines.get(pairKey(u.sku, u.warehouse))?.weekly, settings.horizonWeeks),
      onHand: onHand.get(pairKey(u.sku, u.warehouse)) ?? 0,
      inTransit: (transit.get(pairKey(u.sku, u.warehouse)) ?? []).reduce((a, t) => a + t.qty, 0),
      safetyStock: 0,
      reorderPoint: 0,
      needBy: null,
      weeksOfCover: null,
      stockoutDate: null,
      reasons: [u.reason],
    });
  }

  const timetable = timetableOf(lines, skuOf, planDate, settings);
  const suppliers = supplierRows(input.skus, classes, states, lines, planDate, settings);
  const abc = abcRows(input.skus, classes, settings);
  checkCancel(hooks);

  hooks.onStage?.("backtest");
  const backtest =
    settings.backtestWeeks > 0
      ? runBacktest(input, planDate, settings, {
          history,
          classes,
          lanes,
          uplifts,
          ...(supplyDelay ? { supplyDelay } : {}),
        })
      : null;
  const streamModelReport = streamModel && { method: streamModel.method, accuracy: streamModel.accuracy };
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

/** Days a supplier's closure (Chinese New Year, from the warehouses' calendars) adds to an order placed on a day. */
function supplyDelayOf(uplifts: ReadonlyMap<string, WeekUplifts>): ((orderDay: Day) => number) | undefined {
  const seen = new Set<string>();
  const events: MarketEvent[] = [];
  for (const u of uplifts.values())
    for (const e of u.events)
      if (e.kind === "supply" && !seen.has(`${e.key}@${e.start}`)) {
        seen.add(`${e.key}@${e.start}`);
        events.push(e);
      }
  return events.length > 0 ? (d: Day) => supplyDelayDays(events, d) : undefined;
}

function meanWeekly(weekly: Float64Array | undefined, horizon: number): number {
  if (!weekly) return 0;
  let s = 0;
  for (let i = 0; i < horizon; i++) s += weekly[Math.min(i, weekly.length - 1)];
  return s / horizon;
}

/**
 * MOQ across warehouses: a SKU's supplier shipments planned in the same week
 * form one supplier order; when 0 < Σ qty < MOQ the largest shipment is raised
 * by the difference (whole cases).
 */
function applyMoq(sku: Sku, fresh: readonly { state: PairState; index: number }[]): void {
  const moq = sku.moq ?? 0;
  if (moq <= 0 || fresh.length === 0) return;
  let total = 0;
  let largest = fresh[0];
  for (const f of fresh) {
    const q = f.state.lines[f.index].restockQty;
    total += q;
    if (q > largest.state.lines[largest.index].restockQty) largest = f;
  }
  if (total <= 0 || total >= moq) return;
  const line = largest.state.lines[largest.index];
  const casePack = sku.casePack ?? 1;
  const qty = Math.ceil((line.restockQty + moq - total) / casePack - 1e-9) * casePack;
  raiseLine(largest.state, largest.index, qty, { key: "planReasonMoq", params: { moq, total } });
}

function streamChecks(
  items: readonly PlannedItem[],
  states: ReadonlyMap<string, PairState>,
  outcomes: ReadonlyMap<PlannedItem, EmergencyOutcome>,
  planDate: Day,
): StreamCheck[] {
  const out: StreamCheck[] = [];
  for (const it of items) {
    const state = states.get(pairKey(it.sku, it.warehouse));
    const day = it.date - planDate;
    const available =
      state && day < state.days ? Math.max(0, startOfDay(state, day)) : Math.max(0, state?.input.onHand ?? 0);
    const status: StreamStatus =
      available >= it.p90 - EPS ? "OK" : available >= it.mean - EPS ? "RISK" : "SHORT";
    const outcome = outcomes.get(it);
    out.push({
      streamId: it.streamId,
      date: it.date,
      warehouse: it.warehouse,
      sku: it.sku,
      cls: state?.input.cls ?? "C",
      expectedUnits: it.mean,
      p90Units: it.p90,
      availableUnits: available,
      hoursToSellout: it.mean > EPS ? available / (it.mean / it.hours) : null,
      status,
      extrapolated: it.extrapolated,
      action: !it.modelled
        ? { key: "planActionNoHistory", params: {} }
        : outcome && (outcome.funded || status !== "OK")
          ? outcome.action
          : status === "OK"
            ? { key: "planActionReady", params: {} }
            : { key: "planActionNoLane", params: { gap: Math.ceil(it.p90 - available) } },
    });
  }
  return out.sort(
    (a, b) =>
      a.date - b.date ||
      (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0) ||
      (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0),
  );
}

/** Shipments grouped by ship-by week (Monday) and lane, over the horizon. */
function timetableOf(
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

function supplierRows(
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
      for (let i = Math.max(0, starts[m] - planDate); i < end; i++) sum += s.demand[i];
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

function abcRows(
  skus: readonly Sku[],
  classes: ReadonlyMap<string, SkuClass>,
  settings: PlanSettings,
): AbcRow[] {
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
    for (const sku of skus) {
      const c = classes.get(sku.sku) as SkuClass;
      if (c.cls !== cls) continue;
      n++;
      s += Math.max(0, c.sales);
      p += Math.max(0, c.profit ?? 0);
    }
    return {
      cls,
      skuCount: n,
      skuShare: skus.length > 0 ? n / skus.length : 0,
      salesShare: sales > 0 ? s / sales : 0,
      profitShare: profitKnown && profit > 0 ? p / profit : null,
      serviceLevel: settings.serviceLevel[cls],
      baseWeeks: settings.baseWeeks[cls],
      preStreamWeeks: cls === "C" ? null : settings.preStreamWeeks[cls],
      policy: { key: cls === "A" ? "planPolicyA" : cls === "B" ? "planPolicyB" : "planPolicyC", params: {} },
    };
  });
}
