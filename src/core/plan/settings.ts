import type { AbcClass } from "../data/model";
import type { MessageKey, MessageParams } from "../i18n";

/**
 * Every number the planner assumes, in one object. The Settings table
 * (key, value) overrides any of them by its snake_case key; the defaults are
 * DESIGN.md's and the seed's.
 */
export interface PlanSettings {
  /** Cycle service level per class: the probability a replenishment cycle has no stock-out. */
  readonly serviceLevel: Readonly<Record<AbcClass, number>>;
  /** Tier 1 floor: everyday safety stock is at least this many weeks of forecast sales. */
  readonly baseWeeks: Readonly<Record<AbcClass, number>>;
  /** Tier 2: at most this many weeks of forecast sales on top of a featured SKU's stream P90 (C items get no build-up). */
  readonly preStreamWeeks: Readonly<Record<"A" | "B", number>>;
  /** Upper percentile of a stream's units that tier 2 holds and tier 3 protects (0.9 = P90). */
  readonly streamQuantile: number;
  /** Cumulative share of sales closing class A / class B. */
  readonly aCutoff: number;
  readonly bCutoff: number;
  /** Weeks of history (before the plan date) that the ABC classes are computed from. */
  readonly abcWeeks: number;
  /** Money for tier 3 emergency freight (express, transfers); 0 = report only. */
  readonly emergencyBudget: number;
  /** Weeks the plan and its timetable look ahead. */
  readonly horizonWeeks: number;
  /** Weeks between two plans: each shipment covers demand until the next one can arrive. */
  readonly reviewWeeks: number;
  /** Days from arrival at the warehouse until the stock can be sold. */
  readonly receivingDays: number;
  /** Supplier production days for SKUs whose row gives none. */
  readonly productionDays: number;
  /** Season length of the weekly history (52 = yearly). */
  readonly seasonLength: number;
  /** SKU × warehouse pairs (largest sales first) forecast by the full automatic method; the rest take the quick path. */
  readonly fullForecastPairs: number;
  /** Length of a stream in hours when the Streams table gives none. */
  readonly streamHours: number;
  /** Months of the supplier forecast. */
  readonly supplierMonths: number;
  /** Weeks replayed by the backtest. */
  readonly backtestWeeks: number;
  /** SKU × warehouse pairs the backtest replays, those with the most units sold in the replayed weeks first. */
  readonly backtestPairs: number;
  /** The naive policy of the backtest orders up to this many weeks of average sales, by sea. */
  readonly naiveWeeks: number;
  /** …averaged over this many past weeks. */
  readonly naiveAverageWeeks: number;
}

/** The defaults: service level A 98 % / B 95 % / C 90 %, base cover A 3 / B 2.5 / C 2 weeks, pre-stream A 5 / B 4 weeks. */
export const DEFAULT_SETTINGS: PlanSettings = {
  serviceLevel: { A: 0.98, B: 0.95, C: 0.9 },
  baseWeeks: { A: 3, B: 2.5, C: 2 },
  preStreamWeeks: { A: 5, B: 4 },
  streamQuantile: 0.9,
  aCutoff: 0.7,
  bCutoff: 0.9,
  abcWeeks: 52,
  emergencyBudget: 0,
  horizonWeeks: 8,
  reviewWeeks: 1,
  receivingDays: 2,
  productionDays: 0,
  seasonLength: 52,
  fullForecastPairs: 250,
  streamHours: 2,
  supplierMonths: 3,
  backtestWeeks: 26,
  backtestPairs: 600,
  naiveWeeks: 3,
  naiveAverageWeeks: 8,
};

type Bound = "probability" | "nonNegative" | "positive" | "positiveInteger" | "nonNegativeInteger" | "count";

interface KeySpec {
  readonly bound: Bound;
  readonly get: (s: PlanSettings) => number;
  readonly set: (s: Mutable, v: number) => void;
}

type Mutable = {
  -readonly [K in keyof PlanSettings]: PlanSettings[K] extends object
    ? { -readonly [J in keyof PlanSettings[K]]: PlanSettings[K][J] }
    : PlanSettings[K];
};

const perClass = (field: "serviceLevel" | "baseWeeks", cls: AbcClass, bound: Bound): KeySpec => ({
  bound,
  get: (s) => s[field][cls],
  set: (s, v) => {
    s[field][cls] = v;
  },
});

const scalar = <K extends keyof PlanSettings>(field: K, bound: Bound): KeySpec => ({
  bound,
  get: (s) => s[field] as number,
  set: (s, v) => {
    (s as Record<string, unknown>)[field] = v;
  },
});

/**
 * The Settings table's keys (snake_case, matched without case, spaces or
 * underscores) and what each overrides. The README lists them with their defaults.
 */
export const SETTINGS_KEYS: Readonly<Record<string, KeySpec>> = {
  service_level_a: perClass("serviceLevel", "A", "probability"),
  service_level_b: perClass("serviceLevel", "B", "probability"),
  service_level_c: perClass("serviceLevel", "C", "probability"),
  base_weeks_a: perClass("baseWeeks", "A", "nonNegative"),
  base_weeks_b: perClass("baseWeeks", "B", "nonNegative"),
  base_weeks_c: perClass("baseWeeks", "C", "nonNegative"),
  pre_stream_weeks_a: {
    bound: "nonNegative",
    get: (s) => s.preStreamWeeks.A,
    set: (s, v) => {
      s.preStreamWeeks.A = v;
    },
  },
  pre_stream_weeks_b: {
    bound: "nonNegative",
    get: (s) => s.preStreamWeeks.B,
    set: (s, v) => {
      s.preStreamWeeks.B = v;
    },
  },
  stream_quantile: scalar("streamQuantile", "probability"),
  abc_a_cutoff: scalar("aCutoff", "probability"),
  abc_b_cutoff: scalar("bCutoff", "probability"),
  abc_weeks: scalar("abcWeeks", "positiveInteger"),
  emergency_budget: scalar("emergencyBudget", "nonNegative"),
  horizon_weeks: scalar("horizonWeeks", "positiveInteger"),
  review_weeks: scalar("reviewWeeks", "positiveInteger"),
  receiving_days: scalar("receivingDays", "nonNegative"),
  production_days: scalar("productionDays", "nonNegative"),
  season_length: scalar("seasonLength", "positiveInteger"),
  full_forecast_pairs: scalar("fullForecastPairs", "count"),
  stream_hours: scalar("streamHours", "positive"),
  supplier_months: scalar("supplierMonths", "positiveInteger"),
  backtest_weeks: scalar("backtestWeeks", "nonNegativeInteger"),
  backtest_pairs: scalar("backtestPairs", "count"),
  naive_weeks: scalar("naiveWeeks", "nonNegative"),
  naive_average_weeks: scalar("naiveAverageWeeks", "positiveInteger"),
};

/** A Settings row the planner could not use; the default stays in force. */
export interface SettingsProblem {
  /** The key as the user wrote it. */
  readonly key: string;
  readonly value: string | number;
  readonly message: MessageKey;
  readonly params: MessageParams;
}

const normalizeKey = (k: string): string => k.toLowerCase().replace(/[\s_]+/g, "");
const KEY_BY_NORMAL = new Map(Object.keys(SETTINGS_KEYS).map((k) => [normalizeKey(k), k]));

function inBound(v: number, bound: Bound): boolean {
  switch (bound) {
    case "probability":
      return v > 0 && v < 1;
    case "nonNegative":
      return v >= 0;
    case "positive":
      return v > 0;
    case "positiveInteger":
      return Number.isInteger(v) && v >= 1 && v <= 520;
    case "nonNegativeInteger":
      return Number.isInteger(v) && v >= 0 && v <= 520;
    case "count":
      return Number.isInteger(v) && v >= 0;
  }
}

function parseNumber(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  const text = value.trim().replace(/,/g, "");
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

function clone(s: PlanSettings): Mutable {
  return {
    ...s,
    serviceLevel: { ...s.serviceLevel },
    baseWeeks: { ...s.baseWeeks },
    preStreamWeeks: { ...s.preStreamWeeks },
  };
}

/**
 * The settings of a plan: DEFAULT_SETTINGS, then each known Settings row, then
 * `overrides` (e.g. from the task pane). A row with an unknown key, a value that
 * is not a number, or a number out of range is reported and the default kept;
 * percentages ("98%") are read as fractions.
 *
 * @example settingsFrom(new Map([["Service Level A", "99%"]])).settings.serviceLevel.A // 0.99
 */
export function settingsFrom(
  rows: ReadonlyMap<string, string | number>,
  overrides: Partial<PlanSettings> = {},
): { settings: PlanSettings; problems: SettingsProblem[] } {
  const settings = clone(DEFAULT_SETTINGS);
  const problems: SettingsProblem[] = [];
  for (const [key, value] of rows) {
    const name = KEY_BY_NORMAL.get(normalizeKey(key));
    if (!name) {
      problems.push({
        key,
        value,
        message: "planSettingUnknown",
        params: { key, known: Object.keys(SETTINGS_KEYS).join(", ") },
      });
      continue;
    }
    const spec = SETTINGS_KEYS[name];
    const v = parseNumber(value);
    if (v === undefined || !inBound(v, spec.bound)) {
      problems.push({
        key,
        value,
        message: v === undefined ? "planSettingNotANumber" : "planSettingOutOfRange",
        params: { key: name, value: String(value), bound: spec.bound, fallback: spec.get(DEFAULT_SETTINGS) },
      });
      continue;
    }
    spec.set(settings, v);
  }
  const merged = clone({ ...settings, ...overrides });
  if (merged.bCutoff < merged.aCutoff) {
    problems.push({
      key: "abc_b_cutoff",
      value: merged.bCutoff,
      message: "planSettingCutoffs",
      params: { a: merged.aCutoff, b: merged.bCutoff },
    });
    merged.aCutoff = DEFAULT_SETTINGS.aCutoff;
    merged.bCutoff = DEFAULT_SETTINGS.bCutoff;
  }
  return { settings: merged, problems };
}
