import type { ShipModeName } from "../data/model";
import type { SimulateMessageKey } from "../i18n/simulateMessages";
import type { MessageParams } from "../i18n";
import type { PlanSettings } from "../plan/settings";
import { dayFromIso, weekStart, type Day } from "../time/day";

/**
 * The world the simulator plays: what is true (demand, stream sales, lead
 * times), of which the planner sees only what a seller would. A world file
 * (JSON) describes it; `parseWorld` checks it and names the field of every
 * problem. Quantities in units, money in one currency, durations in days
 * unless a name says weeks.
 */

export interface WorldWarehouse {
  readonly warehouse: string;
  /** ISO 3166 code: market events and the planner's holiday calendars follow it. */
  readonly country: string;
}

export interface WorldSku {
  readonly sku: string;
  readonly unitCost: number;
  /** Selling price: lost margin = lost units × (price − unit cost). */
  readonly price: number;
  readonly weightKg: number;
  readonly moq: number;
  readonly casePack: number;
  /** The supplier's stated production days (the planner knows them; the real ones vary by `production.spreadDays`). */
  readonly productionDays: number;
  /** True everyday demand, units a week, per warehouse (0 where not sold). */
  readonly weekly: Readonly<Record<string, number>>;
  /** Multiplies the stream law's units for this SKU (a hit sells more per viewer): unknown to the planner. */
  readonly streamAppeal: number;
}

export interface WorldLane {
  /** Origin, "CN" by default (the supplier). */
  readonly from: string;
  readonly to: string;
  readonly mode: ShipModeName;
  /** Stated transit days (what the planner is told). */
  readonly leadDays: number;
  /** Standard deviation of the real transit around `leadDays`, days. */
  readonly spreadDays: number;
  /** Chance that a departure meets a port delay… */
  readonly delayProbability: number;
  /** …of this many extra days, drawn uniformly between the two. */
  readonly delayDays: readonly [number, number];
  readonly costPerKg?: number;
  readonly costPerUnit?: number;
  /** The smallest shipment the carrier charges for, in units and in kg: fewer pay as many. */
  readonly minUnits?: number;
  readonly minKg?: number;
  /** Paid once per shipment (a SKU on a lane on a day), whatever its size. */
  readonly fixedCost?: number;
}

/** A market event: true demand × `multiplier` from `start` to `end` (inclusive) in the warehouses of `countries` (empty = all). */
export interface WorldEvent {
  readonly name: string;
  readonly start: Day;
  readonly end: Day;
  readonly countries: readonly string[];
  readonly multiplier: number;
}

/** Recurring streams of a warehouse: `perWeek` a week on random days, viewers log-normal about `viewers`. */
export interface StreamCadence {
  readonly warehouse: string;
  readonly perWeek: number;
  /** Median expected (announced) peak viewers. */
  readonly viewers: number;
  /** Log-scale spread of the expected viewers between streams. */
  readonly viewersSpread: number;
  readonly featured: readonly [number, number];
  readonly dwellMinutes: number;
  readonly hours: number;
}

/** A stream on a fixed date (a Black Friday special), featuring the SKUs named or the warehouse's top sellers. */
export interface ScheduledStream {
  readonly id: string;
  readonly date: Day;
  readonly warehouse: string;
  readonly viewers: number;
  readonly dwellMinutes: number;
  readonly hours: number;
  readonly featured: readonly string[];
  /** Days before the stream it is announced; default: drawn from `streams.announceDays`. */
  readonly announceDays?: number;
}

/**
 * Units a featured SKU sells in a stream, unknown to the planner:
 * mean = appeal × unitsPer10kViewers × (viewers / 10,000)^viewersExponent × (dwell / 3)^dwellExponent
 * × e^(noise·Z), then a Poisson draw; realised viewers = expected × e^(viewersNoise·Z).
 */
export interface StreamLaw {
  readonly unitsPer10kViewers: number;
  readonly viewersExponent: number;
  readonly dwellExponent: number;
  readonly noise: number;
  readonly viewersNoise: number;
}

export interface WorldStreams {
  /** Streams are announced (with expected viewers) between these many days before they happen. */
  readonly announceDays: readonly [number, number];
  readonly cadence: readonly StreamCadence[];
  readonly scheduled: readonly ScheduledStream[];
  readonly law: StreamLaw;
}

export interface WorldDemand {
  /** Weekday factors, Monday first; scaled to mean 1. */
  readonly weekday: readonly number[];
  /** Yearly season: × (1 + amplitude·cos(2π(day of year − peak day)/365)). */
  readonly yearlyAmplitude: number;
  readonly yearlyPeakDay: number;
  /** Negative binomial size r of a day's demand (variance μ + μ²/r); larger is calmer. */
  readonly dispersion: number;
}

export interface World {
  readonly name: string;
  /** The first simulated Monday (`start` moved back to its Monday). */
  readonly start: Day;
  /** Weeks simulated when the command line gives no `--weeks`. */
  readonly weeks: number;
  /** Weeks of sales and streams the seller has before `start` (drawn from the same world, nothing lost). */
  readonly historyWeeks: number;
  /** Weeks of true demand on hand at `start`; a pipeline of sea shipments, one week each, is under way. */
  readonly initialWeeks: number;
  readonly receivingDays: number;
  /** Real production days = stated + a whole number of days drawn from 0 to this. */
  readonly productionSpreadDays: number;
  readonly warehouses: readonly WorldWarehouse[];
  readonly skus: readonly WorldSku[];
  readonly lanes: readonly WorldLane[];
  readonly demand: WorldDemand;
  readonly events: readonly WorldEvent[];
  readonly streams: WorldStreams;
  /**
   * Stock on hand at `start`, when known (a workbook's Stock table); pairs not listed start with
   * none. Without it every pair starts with `initialWeeks` and a sea pipeline.
   */
  readonly stock?: readonly { readonly sku: string; readonly warehouse: string; readonly onHand: number }[];
  /** Shipments under way at `start` (with `stock`): they land on their ETA. */
  readonly inTransit?: readonly {
    readonly sku: string;
    readonly warehouse: string;
    readonly qty: number;
    readonly eta: Day;
    readonly mode: ShipModeName;
  }[];
  /** Settings rows handed to the planner (and `holding_cost_rate` to the metrics). */
  readonly settings: Readonly<Record<string, string | number>>;
  /**
   * Settings on top of the rows, as the task pane passes the ones edited in it and not set by the
   * workbook (`settingsFrom`'s overrides); a world file has none.
   */
  readonly planSettings?: Partial<PlanSettings>;
}

/** A problem of a world file: the field's path (`skus[3].unitCost`) and a catalogue message. */
export interface WorldProblem {
  readonly field: string;
  readonly key: SimulateMessageKey;
  readonly params: MessageParams;
}

const MODES: readonly ShipModeName[] = ["SEA", "AIR", "EXPRESS", "TRANSFER"];
type Obj = Readonly<Record<string, unknown>>;

/** Reads fields of plain JSON, noting a problem (named by its path) for each missing or wrong one. */
class FieldReader {
  readonly problems: WorldProblem[] = [];

  problem(field: string, key: SimulateMessageKey, params: MessageParams = {}): void {
    this.problems.push({ field, key, params: { field, ...params } });
  }

  object(v: unknown, path: string): Obj | undefined {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) return v as Obj;
    if (v === undefined) this.problem(path, "worldMissing");
    else this.problem(path, "worldNotObject", { value: shown(v) });
    return undefined;
  }

  list(o: Obj, key: string, path: string, required = true): readonly unknown[] {
    const v = o[key];
    if (Array.isArray(v)) return v;
    if (v === undefined) {
      if (required) this.problem(at(path, key), "worldMissing");
    } else this.problem(at(path, key), "worldNotList", { value: shown(v) });
    return [];
  }

  number(
    o: Obj,
    key: string,
    path: string,
    rule: { min?: number; max?: number; above?: number; integer?: boolean; fallback?: number } = {},
  ): number {
    const v = o[key];
    const field = at(path, key);
    if (v === undefined) {
      if (rule.fallback !== undefined) return rule.fallback;
      this.problem(field, "worldMissing");
      return NaN;
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.problem(field, "worldNotNumber", { value: shown(v) });
      return NaN;
    }
    const bad =
      (rule.min !== undefined && v < rule.min) ||
      (rule.above !== undefined && v <= rule.above) ||
      (rule.max !== undefined && v > rule.max) ||
      (rule.integer === true && !Number.isInteger(v));
    if (bad) {
      const range = [
        rule.integer ? "integer" : "",
        rule.above !== undefined ? `> ${rule.above}` : "",
        rule.min !== undefined ? `≥ ${rule.min}` : "",
        rule.max !== undefined ? `≤ ${rule.max}` : "",
      ]
        .filter((s) => s !== "")
        .join(", ");
      this.problem(field, "worldOutOfRange", { value: v, range });
      return NaN;
    }
    return v;
  }

  text(o: Obj, key: string, path: string, fallback?: string): string {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    if (v === undefined) this.problem(at(path, key), "worldMissing");
    else this.problem(at(path, key), "worldNotText", { value: shown(v) });
    return "";
  }

  day(o: Obj, key: string, path: string): Day {
    const v = o[key];
    const d = typeof v === "string" ? dayFromIso(v) : undefined;
    if (d !== undefined) return d;
    if (v === undefined) this.problem(at(path, key), "worldMissing");
    else this.problem(at(path, key), "worldNotDate", { value: shown(v) });
    return NaN as Day;
  }

  pair(o: Obj, key: string, path: string, fallback: readonly [number, number], min = 0): [number, number] {
    const v = o[key];
    if (v === undefined) return [fallback[0], fallback[1]];
    if (
      !Array.isArray(v) ||
      v.length !== 2 ||
      !v.every((x) => typeof x === "number" && Number.isFinite(x) && x >= min) ||
      (v[0] as number) > (v[1] as number)
    ) {
      this.problem(at(path, key), "worldNotRange", { value: shown(v), min });
      return [fallback[0], fallback[1]];
    }
    return [v[0] as number, v[1] as number];
  }
}

const at = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);
const shown = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

/**
 * Checks a world file's parsed JSON and returns the world, or every problem
 * found, each naming its field (`skus[3].unitCost`). Optional fields take
 * the defaults written next to them below.
 *
 * @example parseWorld({ ...defaultWorld, start: "soon" }).problems[0].field // "start"
 */
export function parseWorld(json: unknown): { world?: World; problems: readonly WorldProblem[] } {
  const r = new FieldReader();
  const root = r.object(json, "(world)");
  if (!root) return { problems: r.problems };

  const warehouses: WorldWarehouse[] = r.list(root, "warehouses", "").flatMap((w, i) => {
    const path = `warehouses[${i}]`;
    const o = r.object(w, path);
    if (!o) return [];
    return [{ warehouse: r.text(o, "warehouse", path), country: r.text(o, "country", path).toUpperCase() }];
  });
  const known = new Set<string>();
  warehouses.forEach((w, i) => {
    if (known.has(w.warehouse))
      r.problem(`warehouses[${i}].warehouse`, "worldDuplicate", { value: w.warehouse });
    known.add(w.warehouse);
  });
  if (warehouses.length === 0 && Array.isArray(root.warehouses)) r.problem("warehouses", "worldEmpty");
  const checkWarehouse = (name: string, field: string): void => {
    if (name !== "" && !known.has(name)) r.problem(field, "worldUnknownWarehouse", { warehouse: name });
  };

  const skus: WorldSku[] = r.list(root, "skus", "").flatMap((s, i) => {
    const path = `skus[${i}]`;
    const o = r.object(s, path);
    if (!o) return [];
    const unitCost = r.number(o, "unitCost", path, { above: 0 });
    const weeklyObj = r.object(o.weekly, at(path, "weekly"));
    const weekly: Record<string, number> = {};
    if (weeklyObj)
      for (const k of Object.keys(weeklyObj)) {
        checkWarehouse(k, at(path, `weekly.${k}`));
        weekly[k] = r.number(weeklyObj, k, at(path, "weekly"), { min: 0 });
      }
    return [
      {
        sku: r.text(o, "sku", path),
        unitCost,
        price: r.number(o, "price", path, { above: 0, fallback: unitCost * 2.5 }),
        weightKg: r.number(o, "weightKg", path, { above: 0, fallback: 0.5 }),
        moq: r.number(o, "moq", path, { min: 0, fallback: 0 }),
        casePack: r.number(o, "casePack", path, { min: 1, integer: true, fallback: 1 }),
        productionDays: r.number(o, "productionDays", path, { min: 0, integer: true, fallback: 10 }),
        weekly,
        streamAppeal: r.number(o, "streamAppeal", path, { min: 0, fallback: 1 }),
      },
    ];
  });
  if (skus.length === 0 && Array.isArray(root.skus)) r.problem("skus", "worldEmpty");
  const skuNames = new Set<string>();
  skus.forEach((s, i) => {
    if (skuNames.has(s.sku)) r.problem(`skus[${i}].sku`, "worldDuplicate", { value: s.sku });
    skuNames.add(s.sku);
  });

  const lanes: WorldLane[] = r.list(root, "lanes", "").flatMap((l, i) => {
    const path = `lanes[${i}]`;
    const o = r.object(l, path);
    if (!o) return [];
    const to = r.text(o, "to", path);
    checkWarehouse(to, at(path, "to"));
    const modeText = r.text(o, "mode", path).toUpperCase();
    const mode = MODES.find((m) => m === modeText);
    if (modeText !== "" && !mode) r.problem(at(path, "mode"), "worldBadMode", { value: modeText });
    const from = r.text(o, "from", path, "CN");
    if (mode === "TRANSFER") checkWarehouse(from, at(path, "from"));
    const costPerKg = o.costPerKg === undefined ? undefined : r.number(o, "costPerKg", path, { min: 0 });
    const costPerUnit =
      o.costPerUnit === undefined ? undefined : r.number(o, "costPerUnit", path, { min: 0 });
    if (costPerKg === undefined && costPerUnit === undefined) r.problem(at(path, "costPerKg"), "worldNoCost");
    const optional = (key: "minUnits" | "minKg" | "fixedCost") =>
      o[key] === undefined ? {} : { [key]: r.number(o, key, path, { min: 0 }) };
    return [
      {
        from,
        to,
        mode: mode ?? "SEA",
        leadDays: r.number(o, "leadDays", path, { min: 0 }),
        spreadDays: r.number(o, "spreadDays", path, { min: 0, fallback: 0 }),
        delayProbability: r.number(o, "delayProbability", path, { min: 0, max: 1, fallback: 0 }),
        delayDays: r.pair(o, "delayDays", path, [7, 14]),
        ...(costPerKg !== undefined ? { costPerKg } : {}),
        ...(costPerUnit !== undefined ? { costPerUnit } : {}),
        ...optional("minUnits"),
        ...optional("minKg"),
        ...optional("fixedCost"),
      },
    ];
  });
  for (const w of warehouses)
    if (!lanes.some((l) => l.to === w.warehouse && l.mode !== "TRANSFER"))
      r.problem("lanes", "worldNoLane", { warehouse: w.warehouse });

  const demandObj = root.demand === undefined ? {} : r.object(root.demand, "demand");
  const weekdayRaw = demandObj ? r.list(demandObj, "weekday", "demand", false) : [];
  let weekday = [1, 1, 1, 1, 1, 1, 1];
  if (weekdayRaw.length > 0) {
    if (weekdayRaw.length !== 7 || !weekdayRaw.every((x) => typeof x === "number" && x > 0))
      r.problem("demand.weekday", "worldWeekday", { value: shown(weekdayRaw) });
    else {
      const mean = (weekdayRaw as number[]).reduce((a, b) => a + b, 0) / 7;
      weekday = (weekdayRaw as number[]).map((x) => x / mean);
    }
  }
  const demand: WorldDemand = {
    weekday,
    yearlyAmplitude: demandObj
      ? r.number(demandObj, "yearlyAmplitude", "demand", { min: 0, max: 0.95, fallback: 0 })
      : 0,
    yearlyPeakDay: demandObj
      ? r.number(demandObj, "yearlyPeakDay", "demand", { min: 0, max: 366, fallback: 330 })
      : 330,
    dispersion: demandObj ? r.number(demandObj, "dispersion", "demand", { above: 0, fallback: 4 }) : 4,
  };

  const events: WorldEvent[] = r.list(root, "events", "", false).flatMap((e, i) => {
    const path = `events[${i}]`;
    const o = r.object(e, path);
    if (!o) return [];
    const start = r.day(o, "start", path);
    const end = o.end === undefined ? start : r.day(o, "end", path);
    if (end < start) r.problem(at(path, "end"), "worldEndBeforeStart");
    const countries = r
      .list(o, "countries", path, false)
      .map((c, j) =>
        typeof c === "string"
          ? c.toUpperCase()
          : (r.problem(`${path}.countries[${j}]`, "worldNotText", { value: shown(c) }), ""),
      );
    return [
      {
        name: r.text(o, "name", path, `event ${i + 1}`),
        start,
        end,
        countries,
        multiplier: r.number(o, "multiplier", path, { min: 0 }),
      },
    ];
  });

  const streamsObj = root.streams === undefined ? {} : r.object(root.streams, "streams");
  const so = streamsObj ?? {};
  const lawObj = so.law === undefined ? {} : r.object(so.law, "streams.law");
  const lo = lawObj ?? {};
  const law: StreamLaw = {
    unitsPer10kViewers: r.number(lo, "unitsPer10kViewers", "streams.law", { min: 0, fallback: 40 }),
    viewersExponent: r.number(lo, "viewersExponent", "streams.law", { min: 0, max: 3, fallback: 1.2 }),
    dwellExponent: r.number(lo, "dwellExponent", "streams.law", { min: 0, max: 3, fallback: 0.7 }),
    noise: r.number(lo, "noise", "streams.law", { min: 0, max: 3, fallback: 0.4 }),
    viewersNoise: r.number(lo, "viewersNoise", "streams.law", { min: 0, max: 3, fallback: 0.3 }),
  };
  const cadence: StreamCadence[] = r.list(so, "cadence", "streams", false).flatMap((c, i) => {
    const path = `streams.cadence[${i}]`;
    const o = r.object(c, path);
    if (!o) return [];
    const warehouse = r.text(o, "warehouse", path);
    checkWarehouse(warehouse, at(path, "warehouse"));
    return [
      {
        warehouse,
        perWeek: r.number(o, "perWeek", path, { min: 0, max: 7 }),
        viewers: r.number(o, "viewers", path, { above: 0 }),
        viewersSpread: r.number(o, "viewersSpread", path, { min: 0, max: 3, fallback: 0.4 }),
        featured: r.pair(o, "featured", path, [3, 6], 1),
        dwellMinutes: r.number(o, "dwellMinutes", path, { above: 0, fallback: 3 }),
        hours: r.number(o, "hours", path, { above: 0, fallback: 2 }),
      },
    ];
  });
  const streamIds = new Set<string>();
  const scheduled: ScheduledStream[] = r.list(so, "scheduled", "streams", false).flatMap((c, i) => {
    const path = `streams.scheduled[${i}]`;
    const o = r.object(c, path);
    if (!o) return [];
    const id = r.text(o, "id", path);
    if (streamIds.has(id)) r.problem(at(path, "id"), "worldDuplicate", { value: id });
    streamIds.add(id);
    const warehouse = r.text(o, "warehouse", path);
    checkWarehouse(warehouse, at(path, "warehouse"));
    const featured = r.list(o, "featured", path).map((s, j) => {
      const field = `${path}.featured[${j}]`;
      if (typeof s !== "string") {
        r.problem(field, "worldNotText", { value: shown(s) });
        return "";
      }
      if (!skuNames.has(s)) r.problem(field, "worldUnknownSku", { sku: s });
      return s;
    });
    return [
      {
        id,
        date: r.day(o, "date", path),
        warehouse,
        viewers: r.number(o, "viewers", path, { above: 0 }),
        dwellMinutes: r.number(o, "dwellMinutes", path, { above: 0, fallback: 3 }),
        hours: r.number(o, "hours", path, { above: 0, fallback: 2 }),
        featured,
        ...(o.announceDays !== undefined
          ? { announceDays: r.number(o, "announceDays", path, { min: 0, integer: true }) }
          : {}),
      },
    ];
  });
  const streams: WorldStreams = {
    announceDays: r.pair(so, "announceDays", "streams", [21, 42], 0),
    cadence,
    scheduled,
    law,
  };

  const settingsObj = root.settings === undefined ? {} : r.object(root.settings, "settings");
  const settings: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(settingsObj ?? {})) {
    if (typeof v === "number" || typeof v === "string") settings[k] = v;
    else r.problem(`settings.${k}`, "worldNotNumber", { value: shown(v) });
  }

  const pairOf = (o: Obj, path: string): { sku: string; warehouse: string } => {
    const sku = r.text(o, "sku", path);
    const warehouse = r.text(o, "warehouse", path);
    if (sku !== "" && !skuNames.has(sku)) r.problem(at(path, "sku"), "worldUnknownSku", { sku });
    checkWarehouse(warehouse, at(path, "warehouse"));
    return { sku, warehouse };
  };
  const stock =
    root.stock === undefined
      ? undefined
      : r.list(root, "stock", "").flatMap((x, i) => {
          const path = `stock[${i}]`;
          const o = r.object(x, path);
          return o ? [{ ...pairOf(o, path), onHand: r.number(o, "onHand", path, { min: 0 }) }] : [];
        });
  const inTransit =
    root.inTransit === undefined
      ? undefined
      : r.list(root, "inTransit", "").flatMap((x, i) => {
          const path = `inTransit[${i}]`;
          const o = r.object(x, path);
          if (!o) return [];
          const modeText = r.text(o, "mode", path, "SEA").toUpperCase();
          const mode = MODES.find((m) => m === modeText);
          if (!mode) r.problem(at(path, "mode"), "worldBadMode", { value: modeText });
          return [
            {
              ...pairOf(o, path),
              qty: r.number(o, "qty", path, { min: 0 }),
              eta: r.day(o, "eta", path),
              mode: mode ?? "SEA",
            },
          ];
        });

  const start = r.day(root, "start", "");
  const world: World = {
    name: r.text(root, "name", "", "world"),
    start: Number.isNaN(start) ? start : weekStart(start),
    weeks: r.number(root, "weeks", "", { min: 1, max: 520, integer: true, fallback: 26 }),
    historyWeeks: r.number(root, "historyWeeks", "", { min: 0, max: 520, integer: true, fallback: 52 }),
    initialWeeks: r.number(root, "initialWeeks", "", { min: 0, fallback: 4 }),
    receivingDays: r.number(root, "receivingDays", "", { min: 0, integer: true, fallback: 2 }),
    productionSpreadDays: r.number(root, "productionSpreadDays", "", { min: 0, integer: true, fallback: 3 }),
    warehouses,
    skus,
    lanes,
    demand,
    events,
    streams,
    settings,
    ...(stock !== undefined || inTransit !== undefined
      ? { stock: stock ?? [], inTransit: inTransit ?? [] }
      : {}),
  };
  return r.problems.length > 0 ? { problems: r.problems } : { world, problems: [] };
}
