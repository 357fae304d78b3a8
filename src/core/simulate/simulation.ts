import { InputError } from "../errors";
import { addDays, type Day } from "../time/day";
import { policyMetrics, spreadOf, type PolicyMetrics, type Spread } from "./metrics";
import { replanDaysOf, startRun, stepWeek, type PolicyRun } from "./loop";
import { classicalPolicy } from "./policies/classical";
import { livestockPolicy, simulationPlanSettings } from "./policies/livestock";
import { naivePolicy } from "./policies/naive";
import { oraclePolicy } from "./policies/oracle";
import { POLICY_NAMES, type Policy, type PolicyName } from "./policies/policy";
import { realise, simPairKey, type Realisation } from "./realisation";
import type { World } from "./world";

export interface SimulationOptions {
  /** Weeks simulated; default the world's `weeks`. */
  readonly weeks?: number;
  readonly seed?: number;
  /** Runs (each a new draw of the world); default 1. */
  readonly runs?: number;
  /** Default: all five. */
  readonly policies?: readonly PolicyName[];
  /**
   * Days after Monday (1 = Tuesday … 6 = Sunday) on which the LiveStock plan runs again, as a
   * seller who re-plans mid-week (say, the day it announces a stream); the classical policies keep
   * their weekly review. Default none: the plan runs every Monday, as issue 9's closed loop does.
   */
  readonly replanDays?: readonly number[];
}

/** Where a simulation is: after `step`, the week just simulated (1-based) of the run (1-based). */
export interface SimulationProgress {
  readonly run: number;
  readonly runs: number;
  readonly week: number;
  readonly weeks: number;
  readonly weekStart: Day;
  /** Fill rate so far in this run, per policy. */
  readonly fill: Readonly<Partial<Record<PolicyName, number | null>>>;
}

/** One figure of the table: its mean and spread over the runs, per policy. */
export type MetricKey = Exclude<keyof PolicyMetrics, "bigStreams" | "freightByMode">;

/** Stock and sales of one pair day by day around a big stream, per policy (run 1): the chart's data. */
export interface StreamChart {
  readonly streamId: string;
  readonly streamDate: Day;
  readonly expectedViewers: number;
  readonly sku: string;
  readonly warehouse: string;
  readonly days: readonly {
    readonly date: Day;
    readonly demand: number;
    readonly stock: Readonly<Partial<Record<PolicyName, number>>>;
    readonly sales: Readonly<Partial<Record<PolicyName, number>>>;
  }[];
}

/** End-of-week stock of the top pairs (by demand), per policy (run 1). */
export interface WeeklyStock {
  readonly sku: string;
  readonly warehouse: string;
  readonly weeks: readonly {
    readonly weekStart: Day;
    readonly demand: number;
    readonly stock: Readonly<Partial<Record<PolicyName, number>>>;
  }[];
}

export interface SimulationResult {
  readonly world: string;
  readonly start: Day;
  readonly seed: number;
  /** Weeks of each complete run (or of the one partial run when none completed). */
  readonly weeks: number;
  readonly runsRequested: number;
  readonly weeksRequested: number;
  /** False when cancelled: the figures are those of the weeks and runs done. */
  readonly complete: boolean;
  readonly policies: readonly PolicyName[];
  /** Days after Monday the LiveStock plan also ran (`SimulationOptions.replanDays`, as used). */
  readonly replanDays: readonly number[];
  readonly holdingCostRate: number;
  /** Each run's metrics per policy. */
  readonly runs: readonly Readonly<Partial<Record<PolicyName, PolicyMetrics>>>[];
  readonly summary: Readonly<Partial<Record<PolicyName, Readonly<Record<MetricKey, Spread>>>>>;
  readonly freightByMode: Readonly<Partial<Record<PolicyName, Readonly<Record<string, Spread>>>>>;
  /** Per big stream id (expected ≥ 20,000 viewers), its fill per policy over the runs it happened in. */
  readonly bigStreams: readonly {
    readonly id: string;
    readonly date: Day;
    readonly warehouse: string;
    readonly expectedViewers: number;
    readonly fill: Readonly<Partial<Record<PolicyName, Spread>>>;
  }[];
  readonly weeklyStock: readonly WeeklyStock[];
  readonly chart: StreamChart | null;
}

const METRIC_KEYS: readonly MetricKey[] = [
  "fill",
  "fillStreamDays",
  "stockoutDays",
  "streamsSoldOut",
  "streams",
  "freight",
  "unitsShipped",
  "weeksOfCover",
  "holdingCost",
  "emergencySpend",
  "lostMargin",
  "totalCost",
];
/** Pairs whose weekly stock goes to the sheet. */
const TOP_PAIRS = 5;
/** Days of the chart before and after its stream. */
const CHART_BEFORE = 28;
const CHART_AFTER = 14;

function makePolicy(name: PolicyName, world: World, r: Realisation): Policy {
  switch (name) {
    case "livestock":
      return livestockPolicy(world);
    case "naive":
      return naivePolicy();
    case "classical":
      return classicalPolicy(false);
    case "classicalAir":
      return classicalPolicy(true);
    case "oracleMade":
      return oraclePolicy(r, false);
    case "oracle":
      return oraclePolicy(r);
  }
}

/**
 * A closed-loop simulation of `world` (DESIGN.md method step 7), stepped one week at a time so a
 * caller can report progress, yield to its event loop and stop: each `step` simulates one week of
 * every policy on the same realisation (common random numbers); a run is `weeks` weeks; `runs`
 * runs draw the world anew from `seed`. `result()` may be called at any time: it reports the runs
 * done (or, before the first is done, the weeks done of it).
 *
 * @example
 *   const sim = new Simulation(world, { weeks: 26, runs: 5, seed: 1 });
 *   while (!sim.done) sim.step();
 *   sim.result().summary.livestock?.fill.mean // 0.97
 */
export class Simulation {
  readonly weeks: number;
  readonly runs: number;
  readonly seed: number;
  readonly policies: readonly PolicyName[];
  readonly replanDays: readonly number[];
  private readonly holdingRate: number;
  private run = 0;
  private current: { r: Realisation; runs: PolicyRun[] } | null = null;
  private readonly done_: Partial<Record<PolicyName, PolicyMetrics>>[] = [];
  private first: { r: Realisation; runs: PolicyRun[] } | null = null;

  constructor(
    readonly world: World,
    options: SimulationOptions = {},
  ) {
    this.weeks = Math.max(1, Math.floor(options.weeks ?? world.weeks));
    this.runs = Math.max(1, Math.floor(options.runs ?? 1));
    this.seed = Math.floor(options.seed ?? 1);
    this.policies = options.policies ?? POLICY_NAMES;
    this.replanDays = replanDaysOf(options.replanDays ?? []);
    this.holdingRate = simulationPlanSettings(world).holdingCostRate;
  }

  get done(): boolean {
    return this.run >= this.runs;
  }

  /**
   * Simulates the next week of every policy and says where the simulation is.
   *
   * @throws InputError("na", "planCancelled") when `shouldCancel` stops a plan midway (the week is then not counted)
   */
  step(shouldCancel?: () => boolean): SimulationProgress {
    if (!this.current) {
      const r = realise(this.world, this.seed, this.run, this.weeks);
      this.current = { r, runs: this.policies.map((name) => startRun(r, makePolicy(name, this.world, r))) };
      if (this.run === 0) this.first = this.current;
    }
    const { r, runs } = this.current;
    const week = Math.min(...runs.map((x) => x.trace.weeks));
    for (const x of runs) {
      if (x.trace.weeks > week) continue;
      if (shouldCancel?.()) throw new InputError("na", "planCancelled", {});
      stepWeek(r, x, shouldCancel ? { shouldCancel } : {}, this.replanDays);
    }
    const fill: Partial<Record<PolicyName, number | null>> = {};
    for (const x of runs) fill[x.policy.name] = policyMetrics(r, x.trace, week + 1, this.holdingRate).fill;
    const progress = {
      run: this.run + 1,
      runs: this.runs,
      week: week + 1,
      weeks: this.weeks,
      weekStart: addDays(this.world.start, 7 * week),
      fill,
    };
    if (week + 1 >= this.weeks) {
      this.done_.push(this.metricsOf(this.current, this.weeks));
      this.current = null;
      this.run++;
    }
    return progress;
  }

  private metricsOf(
    c: { r: Realisation; runs: PolicyRun[] },
    weeks: number,
  ): Partial<Record<PolicyName, PolicyMetrics>> {
    const out: Partial<Record<PolicyName, PolicyMetrics>> = {};
    for (const x of c.runs) out[x.policy.name] = policyMetrics(c.r, x.trace, weeks, this.holdingRate);
    return out;
  }

  /** The figures so far: complete runs, else the weeks done of the first. */
  result(): SimulationResult {
    const partialWeeks = this.current ? Math.min(...this.current.runs.map((x) => x.trace.weeks)) : 0;
    const runs =
      this.done_.length > 0
        ? this.done_
        : this.current && partialWeeks > 0
          ? [this.metricsOf(this.current, partialWeeks)]
          : [];
    const weeks = this.done_.length > 0 ? this.weeks : partialWeeks;
    const summary: Partial<Record<PolicyName, Record<MetricKey, Spread>>> = {};
    const freightByMode: Partial<Record<PolicyName, Record<string, Spread>>> = {};
    for (const p of this.policies) {
      const s = {} as Record<MetricKey, Spread>;
      for (const k of METRIC_KEYS) s[k] = spreadOf(runs.map((m) => m[p]?.[k] ?? null));
      summary[p] = s;
      const modes: Record<string, Spread> = {};
      for (const mode of ["SEA", "AIR", "EXPRESS", "TRANSFER"] as const)
        modes[mode] = spreadOf(runs.map((m) => m[p]?.freightByMode[mode] ?? null));
      freightByMode[p] = modes;
    }
    const bigIds = new Map<string, { id: string; date: Day; warehouse: string; expectedViewers: number }>();
    for (const m of runs)
      for (const p of this.policies)
        for (const b of m[p]?.bigStreams ?? []) if (!bigIds.has(b.id)) bigIds.set(b.id, b);
    const bigStreams = [...bigIds.values()]
      .sort((a, b) => a.date - b.date || (a.id < b.id ? -1 : 1))
      .map((b) => {
        const fill: Partial<Record<PolicyName, Spread>> = {};
        for (const p of this.policies)
          fill[p] = spreadOf(runs.map((m) => m[p]?.bigStreams.find((x) => x.id === b.id)?.fill ?? null));
        return { id: b.id, date: b.date, warehouse: b.warehouse, expectedViewers: b.expectedViewers, fill };
      });
    const firstWeeks = this.first ? Math.min(...this.first.runs.map((x) => x.trace.weeks)) : 0;
    return {
      world: this.world.name,
      start: this.world.start,
      seed: this.seed,
      weeks,
      runsRequested: this.runs,
      weeksRequested: this.weeks,
      complete: this.done,
      replanDays: this.replanDays,
      policies: this.policies,
      holdingCostRate: this.holdingRate,
      runs,
      summary,
      freightByMode,
      bigStreams,
      weeklyStock: this.first ? weeklyStockOf(this.first, firstWeeks) : [],
      chart: this.first ? chartOf(this.first, firstWeeks) : null,
    };
  }
}

function weeklyStockOf(c: { r: Realisation; runs: PolicyRun[] }, weeks: number): WeeklyStock[] {
  const { r } = c;
  const demandOf = (i: number) => {
    let s = 0;
    for (let t = r.historyDays; t < r.historyDays + 7 * weeks; t++)
      s += r.baseline[i][t] + r.streamDemand[i][t];
    return s;
  };
  const top = [...r.pairs]
    .map((p) => ({ p, d: demandOf(p.index) }))
    .sort((a, b) => b.d - a.d || a.p.index - b.p.index)
    .slice(0, TOP_PAIRS);
  return top.map(({ p }) => ({
    sku: p.sku.sku,
    warehouse: p.warehouse,
    weeks: Array.from({ length: weeks }, (_, w) => {
      const end = r.historyDays + 7 * w + 6;
      let demand = 0;
      for (let t = end - 6; t <= end; t++) demand += r.baseline[p.index][t] + r.streamDemand[p.index][t];
      const stock: Partial<Record<PolicyName, number>> = {};
      for (const x of c.runs) stock[x.policy.name] = x.trace.stock[p.index][end];
      return { weekStart: addDays(r.world.start, 7 * w), demand, stock };
    }),
  }));
}

/** The biggest stream (by expected viewers) of the weeks done, and its featured SKU with the most demand. */
function chartOf(c: { r: Realisation; runs: PolicyRun[] }, weeks: number): StreamChart | null {
  const { r } = c;
  const end = addDays(r.world.start, 7 * weeks);
  let best: { s: (typeof r.streams)[number]; pair: number; units: number } | null = null;
  for (const s of r.streams) {
    if (s.date < r.world.start || s.date >= end) continue;
    for (const it of s.items) {
      const pair = r.pairIndex.get(simPairKey(it.sku, s.warehouse));
      if (pair === undefined) continue;
      if (
        !best ||
        s.expectedViewers > best.s.expectedViewers ||
        (s.expectedViewers === best.s.expectedViewers && it.units > best.units)
      )
        best = { s, pair, units: it.units };
    }
  }
  if (!best) return null;
  const { s, pair } = best;
  const from = Math.max(r.historyDays, s.date - r.historyStart - CHART_BEFORE);
  const to = Math.min(r.historyDays + 7 * weeks, s.date - r.historyStart + CHART_AFTER + 1);
  const days = [];
  for (let t = from; t < to; t++) {
    const stock: Partial<Record<PolicyName, number>> = {};
    const sales: Partial<Record<PolicyName, number>> = {};
    for (const x of c.runs) {
      stock[x.policy.name] = x.trace.stock[pair][t];
      sales[x.policy.name] = x.trace.sold[pair][t];
    }
    days.push({
      date: addDays(r.historyStart, t),
      demand: r.baseline[pair][t] + r.streamDemand[pair][t],
      stock,
      sales,
    });
  }
  return {
    streamId: s.id,
    streamDate: s.date,
    expectedViewers: s.expectedViewers,
    sku: r.pairs[pair].sku.sku,
    warehouse: s.warehouse,
    days,
  };
}

/**
 * The whole simulation in one call, for tests, benchmarks and a Web Worker: `onProgress` after
 * every week; `shouldCancel` stops it (between policies, or inside a plan) and the result says
 * `complete: false` with the figures of what was done.
 *
 * @example simulate(world, { weeks: 26, runs: 5 }).summary.naive?.fill.mean // 0.88
 */
export function simulate(
  world: World,
  options: SimulationOptions & {
    onProgress?(progress: SimulationProgress): void;
    shouldCancel?(): boolean;
  } = {},
): SimulationResult {
  const sim = new Simulation(world, options);
  try {
    while (!sim.done) {
      const progress = sim.step(options.shouldCancel);
      options.onProgress?.(progress);
    }
  } catch (error) {
    if (!(error instanceof InputError && error.key === "planCancelled")) throw error;
  }
  return sim.result();
}
