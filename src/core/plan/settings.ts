import type { AbcClass } from "../data/model";
import { isCellError, parseNumber, showCell } from "../data/cells";
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
  /** Upper percentile of a stream's units that tier 2 holds at least, tier 3 protects and `LS Streams` checks (0.9 = P90). */
  readonly streamQuantile: number;
  /**
   * Share of a stream's units its own cover should serve on average (the seed's bar: 98 % in a
   * Black Friday stream): tier 2 holds the larger of the P90 and `fillLevel` at this share.
   */
  readonly streamFill: number;
  /**
   * Log-scale spread of a stream's real peak viewers around the figure it was planned with,
   * assumed until past streams record `expected_viewers` (they then teach it, this counting as
   * AUDIENCE_PRIOR_STREAMS streams): 0.3 ≈ two streams in three within −26 %…+35 % of plan.
   */
  readonly audienceSpread: number;
  /** Cumulative share of sales closing class A / class B. */
  readonly aCutoff: number;
  readonly bCutoff: number;
  /** Weeks of history (before the plan date) that the ABC classes are computed from. */
  readonly abcWeeks: number;
  /** Money for tier 3 emergency freight (express, transfers) per calendar month; 0 = report only. */
  readonly emergencyBudget: number;
  /** Emergency freight already spent in the plan date's month: the plan spends only what is left. */
  readonly emergencySpent: number;
  /** Weeks the plan and its timetable look ahead. */
  readonly horizonWeeks: number;
  /** Weeks between two plans: each shipment covers demand until the next one can arrive. */
  readonly reviewWeeks: number;
  /** Days from arrival at the warehouse until the stock can be sold. */
  readonly receivingDays: number;
  /** Supplier production days for SKUs whose row gives none. */
  readonly productionDays: number;
  /**
   * Spread of the supplier's real production days around the stated ones, days (a root mean
   * square, so a supplier who is late on average counts too); added to every supplier lane's
   * lead-time spread. 0: production takes exactly its stated days.
   */
  readonly productionSdDays: number;
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
  /**
   * The backtest's naive policy orders up to (sea lead time + review period + this many weeks)
   * of average sales, by sea: the weeks of sales it holds beyond what the lead time needs.
   */
  readonly naiveWeeks: number;
  /** …sales averaged over this many past weeks. */
  readonly naiveAverageWeeks: number;
  /**
   * Cost of holding stock, a fraction of unit cost a year (capital, storage, shrinkage): the
   * simulator's holding cost is Σ daily stock × unit cost × rate ÷ 365.
   */
  readonly holdingCostRate: number;
}

/** The defaults: service level A 98 % / B 95 % / C 90 %, base cover A 3 / B 2.5 / C 2 weeks, pre-stream A 5 / B 4 weeks. */
export const DEFAULT_SETTINGS: PlanSettings = {
  serviceLevel: { A: 0.98, B: 0.95, C: 0.9 },
  baseWeeks: { A: 3, B: 2.5, C: 2 },
  preStreamWeeks: { A: 5, B: 4 },
  streamQuantile: 0.9,
  streamFill: 0.98,
  audienceSpread: 0.3,
  aCutoff: 0.7,
  bCutoff: 0.9,
  abcWeeks: 52,
  emergencyBudget: 0,
  emergencySpent: 0,
  horizonWeeks: 8,
  reviewWeeks: 1,
  receivingDays: 2,
  productionDays: 0,
  productionSdDays: 0,
  seasonLength: 52,
  fullForecastPairs: 250,
  streamHours: 2,
  supplierMonths: 3,
  backtestWeeks: 26,
  backtestPairs: 300,
  naiveWeeks: 3,
  naiveAverageWeeks: 8,
  holdingCostRate: 0.25,
};

/**
 * The values a setting accepts: `min` to `max`, both included unless `open`
 * (a probability is strictly between 0 and 1), whole numbers when `integer`.
 * Every setting has an upper end, so no typo (`receiving_days` = 20000, 1e300)
 * can size the plan's arrays or loops.
 */
export interface SettingRange {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly open?: boolean;
}

interface KeySpec {
  readonly range: SettingRange;
  readonly get: (s: PlanSettings) => number;
  readonly set: (s: Mutable, v: number) => void;
}

type Mutable = {
  -readonly [K in keyof PlanSettings]: PlanSettings[K] extends object
    ? { -readonly [J in keyof PlanSettings[K]]: PlanSettings[K][J] }
    : PlanSettings[K];
};

const PROBABILITY: SettingRange = { min: 0, max: 1, open: true };
/** Below 50 % z is negative, and so would be safety stock and the ship-by margin ⌈z·σ⌉: not a policy. */
const SERVICE_LEVEL: SettingRange = { min: 0.5, max: 0.9999 };
const WEEKS: SettingRange = { min: 0, max: 52 };
const whole = (min: number, max: number): SettingRange => ({ min, max, integer: true });

const perClass = (field: "serviceLevel" | "baseWeeks", cls: AbcClass, range: SettingRange): KeySpec => ({
  range,
  get: (s) => s[field][cls],
  set: (s, v) => {
    s[field][cls] = v;
  },
});

const preStream = (cls: "A" | "B"): KeySpec => ({
  range: WEEKS,
  get: (s) => s.preStreamWeeks[cls],
  set: (s, v) => {
    s.preStreamWeeks[cls] = v;
  },
});

const scalar = <K extends keyof PlanSettings>(field: K, range: SettingRange): KeySpec => ({
  range,
  get: (s) => s[field] as number,
  set: (s, v) => {
    (s as Record<string, unknown>)[field] = v;
  },
});

/**
 * The Settings table's keys (snake_case, matched without case, spaces or
 * underscores), what each overrides and the range it accepts. The README lists
 * them with their defaults and ranges.
 */
export const SETTINGS_KEYS: Readonly<Record<string, KeySpec>> = {
  service_level_a: perClass("serviceLevel", "A", SERVICE_LEVEL),
  service_level_b: perClass("serviceLevel", "B", SERVICE_LEVEL),
  service_level_c: perClass("serviceLevel", "C", SERVICE_LEVEL),
  base_weeks_a: perClass("baseWeeks", "A", WEEKS),
  base_weeks_b: perClass("baseWeeks", "B", WEEKS),
  base_weeks_c: perClass("baseWeeks", "C", WEEKS),
  pre_stream_weeks_a: preStream("A"),
  pre_stream_weeks_b: preStream("B"),
  stream_quantile: scalar("streamQuantile", PROBABILITY),
  stream_fill: scalar("streamFill", PROBABILITY),
  audience_spread: scalar("audienceSpread", { min: 0, max: 2 }),
  abc_a_cutoff: scalar("aCutoff", PROBABILITY),
  abc_b_cutoff: scalar("bCutoff", PROBABILITY),
  abc_weeks: scalar("abcWeeks", whole(1, 156)),
  emergency_budget: scalar("emergencyBudget", { min: 0, max: 1e9 }),
  emergency_spent: scalar("emergencySpent", { min: 0, max: 1e9 }),
  horizon_weeks: scalar("horizonWeeks", whole(1, 104)),
  review_weeks: scalar("reviewWeeks", whole(1, 52)),
  receiving_days: scalar("receivingDays", { min: 0, max: 90 }),
  production_days: scalar("productionDays", { min: 0, max: 365 }),
  production_sd_days: scalar("productionSdDays", { min: 0, max: 90 }),
  season_length: scalar("seasonLength", whole(1, 104)),
  full_forecast_pairs: scalar("fullForecastPairs", whole(0, 1_000_000)),
  stream_hours: scalar("streamHours", { min: 0, max: 168, open: true }),
  supplier_months: scalar("supplierMonths", whole(1, 24)),
  backtest_weeks: scalar("backtestWeeks", whole(0, 104)),
  backtest_pairs: scalar("backtestPairs", whole(0, 1_000_000)),
  naive_weeks: scalar("naiveWeeks", WEEKS),
  naive_average_weeks: scalar("naiveAverageWeeks", whole(1, 52)),
  holding_cost_rate: scalar("holdingCostRate", { min: 0, max: 10 }),
};

/** A Settings row the planner could not use; the default stays in force. */
export interface SettingsProblem {
  /** The key as the user wrote it. */
  readonly key: string;
  readonly value: string | number;
  /** Which cell of the row is wrong: the key (unknown) or its value. */
  readonly cell: "key" | "value";
  readonly message: MessageKey;
  readonly params: MessageParams;
}

const normalizeKey = (k: string): string => k.toLowerCase().replace(/[\s_]+/g, "");
const KEY_BY_NORMAL = new Map(Object.keys(SETTINGS_KEYS).map((k) => [normalizeKey(k), k]));

/**
 * True when `v` is a finite number within `range`.
 *
 * @example inRange(20000, SETTINGS_KEYS.receiving_days.range) // false
 */
export function inRange(v: number, range: SettingRange): boolean {
  if (!Number.isFinite(v) || (range.integer === true && !Number.isInteger(v))) return false;
  return range.open === true ? v > range.min && v < range.max : v >= range.min && v <= range.max;
}

/** The out-of-range message of a range and its parameters, e.g. "a whole number from 1 to 104". */
function outOfRange(range: SettingRange): { message: MessageKey; params: MessageParams } {
  const message: MessageKey = range.open
    ? "planSettingOutOfRangeOpen"
    : range.integer
      ? "planSettingOutOfRangeWhole"
      : "planSettingOutOfRange";
  return { message, params: { min: range.min, max: range.max } };
}

function readNumber(value: string | number): number | undefined {
  const n = parseNumber(value);
  return n === undefined || isCellError(n) ? undefined : n;
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
 * is not a number, or a number outside its key's range (a row or an override)
 * is reported and the default kept; percentages ("98%") are read as fractions.
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
        cell: "key",
        message: "planSettingUnknown",
        params: { key, known: Object.keys(SETTINGS_KEYS).join(", ") },
      });
      continue;
    }
    const spec = SETTINGS_KEYS[name];
    const v = readNumber(value);
    if (v === undefined || !inRange(v, spec.range)) {
      const base = { key: name, value: showCell(value), fallback: spec.get(DEFAULT_SETTINGS) };
      const range = outOfRange(spec.range);
      problems.push(
        v === undefined
          ? { key, value, cell: "value", message: "planSettingNotANumber", params: base }
          : { key, value, cell: "value", message: range.message, params: { ...base, ...range.params } },
      );
      continue;
    }
    spec.set(settings, v);
  }
  const merged = clone({ ...settings, ...overrides });
  // Overrides (the task pane's panel) are held to the same ranges as the table.
  for (const [name, spec] of Object.entries(SETTINGS_KEYS)) {
    const v = spec.get(merged);
    if (inRange(v, spec.range)) continue;
    const fallback = spec.get(DEFAULT_SETTINGS);
    const { message, params } = outOfRange(spec.range);
    problems.push({
      key: name,
      value: v,
      cell: "value",
      message,
      params: { key: name, value: String(v), fallback, ...params },
    });
    spec.set(merged, fallback);
  }
  if (merged.bCutoff < merged.aCutoff) {
    problems.push({
      key: "abc_b_cutoff",
      value: merged.bCutoff,
      cell: "value",
      message: "planSettingCutoffs",
      params: { a: merged.aCutoff, b: merged.bCutoff },
    });
    merged.aCutoff = DEFAULT_SETTINGS.aCutoff;
    merged.bCutoff = DEFAULT_SETTINGS.bCutoff;
  }
  return { settings: merged, problems };
}
