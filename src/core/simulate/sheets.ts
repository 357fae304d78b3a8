import { outputColumns, type OutputColumn } from "../data/outputColumns";
import type { CellOut, SheetOut } from "../data/table";
import { t, type Lang, type MessageKey, type MessageParams } from "../i18n";
import { roundedCell } from "../plan/roundedCell";
import { dayToIso } from "../time/day";
import type { Spread } from "./metrics";
import type { PolicyName } from "./policies/policy";
import type { MetricKey, SimulationResult } from "./simulation";

/** The simulator's output sheets, named the same in every language. */
export const SIMULATION_SHEET_NAMES = [
  "LS Simulation",
  "LS Simulation Stock",
  "LS Simulation Chart",
] as const;

/** How a figure is read: percentages are shown × 100. */
export type FigureUnit = "%" | "units" | "days" | "streams" | "weeks" | "money";

/** One figure of the table: a metric of a policy, its mean and spread over the runs. */
export interface SimulationFigure {
  readonly policy: PolicyName;
  /** The metric in words, in the table's language. */
  readonly metric: string;
  readonly unit: FigureUnit;
  readonly spread: Spread;
}

const POLICY_KEYS: Record<PolicyName, MessageKey> = {
  livestock: "simPolicyLivestock",
  naive: "simPolicyNaive",
  classical: "simPolicyClassical",
  classicalAir: "simPolicyClassicalAir",
  oracleMade: "simPolicyOracleMade",
  oracle: "simPolicyOracle",
};

/**
 * A policy's name in `lang`.
 *
 * @example policyLabel("naive", "en") // "Naive"
 */
export const policyLabel = (p: PolicyName, lang: Lang): string => t(lang, POLICY_KEYS[p]);

const percent = (s: Spread): Spread => ({
  mean: s.mean === null ? null : 100 * s.mean,
  min: s.min === null ? null : 100 * s.min,
  max: s.max === null ? null : 100 * s.max,
});

/**
 * The table of a simulation, policy by policy, metric by metric, in `lang`: fill (all days,
 * stream days, each stream expected above 20,000 viewers), stock-out days, streams sold out,
 * freight by mode and in total, units shipped, weeks of cover, holding cost, emergency spend,
 * lost margin and total cost. The CLI prints it and `LS Simulation` holds it.
 *
 * @example simulationFigures(result, "en")[0] // { policy: "livestock", metric: "Fill rate, all days", unit: "%", … }
 */
export function simulationFigures(result: SimulationResult, lang: Lang): SimulationFigure[] {
  const out: SimulationFigure[] = [];
  for (const policy of result.policies) {
    const s = result.summary[policy];
    if (!s) continue;
    const add = (key: MessageKey, unit: FigureUnit, spread: Spread, params: MessageParams = {}) =>
      out.push({
        policy,
        metric: t(lang, key, params),
        unit,
        spread: unit === "%" ? percent(spread) : spread,
      });
    const metric = (key: MessageKey, unit: FigureUnit, m: MetricKey, params: MessageParams = {}) =>
      add(key, unit, s[m], params);
    metric("simMetricFill", "%", "fill");
    metric("simMetricFillStream", "%", "fillStreamDays");
    for (const b of result.bigStreams) {
      const fill = b.fill[policy];
      if (fill)
        add("simMetricFillBigStream", "%", fill, {
          stream: b.id,
          date: dayToIso(b.date),
          warehouse: b.warehouse,
          viewers: b.expectedViewers,
        });
    }
    metric("simMetricStockoutDays", "days", "stockoutDays");
    metric("simMetricStreamsSoldOut", "streams", "streamsSoldOut", {
      count: s.streams.mean === null ? 0 : Math.round(s.streams.mean),
    });
    const modes = result.freightByMode[policy] ?? {};
    for (const mode of ["SEA", "AIR", "EXPRESS", "TRANSFER"]) {
      const spread = modes[mode];
      const anyPolicy = result.policies.some((p) => (result.freightByMode[p]?.[mode]?.max ?? 0) > 0);
      if (spread && anyPolicy) add("simMetricFreight", "money", spread, { mode });
    }
    metric("simMetricFreightTotal", "money", "freight");
    metric("simMetricUnitsShipped", "units", "unitsShipped");
    metric("simMetricCover", "weeks", "weeksOfCover");
    metric("simMetricHolding", "money", "holdingCost", {
      rate: `${Math.round(result.holdingCostRate * 100)}%`,
    });
    metric("simMetricEmergency", "money", "emergencySpend");
    metric("simMetricLostMargin", "money", "lostMargin");
    metric("simMetricTotalCost", "money", "totalCost");
  }
  return out;
}

const rounded = (x: number | null, unit: FigureUnit): CellOut =>
  roundedCell(x, unit === "%" ? 2 : unit === "weeks" ? 2 : unit === "money" ? 0 : 1);

/** `--replan`'s days after Monday (1 = Tuesday), as the language names them. */
const WEEKDAY_KEYS: readonly MessageKey[] = [
  "simDayTue",
  "simDayWed",
  "simDayThu",
  "simDayFri",
  "simDaySat",
  "simDaySun",
];

/**
 * What a simulation was: its world, weeks, runs and seed, and the days the LiveStock plan ran
 * again mid-week, if any — the line above the CLI's table and each figure's note in `LS Simulation`.
 *
 * @example simulationAbout(result with replanDays [3], "en") // "World default, 26 weeks from 2026-09-07, … The LiveStock plan also ran every Thu."
 */
export function simulationAbout(result: SimulationResult, lang: Lang): string {
  const about = t(lang, "simAbout", {
    world: result.world,
    weeks: result.weeks,
    start: dayToIso(result.start),
    runs: result.runs.length,
    seed: result.seed,
  });
  const replanned = replannedText(result.replanDays, lang);
  return replanned ? `${about} ${replanned}` : about;
}

/**
 * The sentence that says on which days after Monday the LiveStock plan also ran; "" for none.
 *
 * @example replannedText([3], "zh-CN") // "LiveStock 计划另在每周四运行。"
 * @example replannedText([1, 3], "en") // "The LiveStock plan also ran every Tue, Thu."
 */
export function replannedText(replanDays: readonly number[], lang: Lang): string {
  if (replanDays.length === 0) return "";
  const days = replanDays.map((d) => t(lang, WEEKDAY_KEYS[d - 1])).join(t(lang, "simDaySeparator"));
  return t(lang, "simReplanned", { days });
}

/**
 * The simulation as three sheets, headers in `lang`:
 * `LS Simulation` one row per policy × metric (mean, min, max over the runs);
 * `LS Simulation Stock` the end-of-week stock of the top pairs per policy (run 1);
 * `LS Simulation Chart` stock and sales of one SKU day by day around the biggest stream, per
 * policy — the data of the line chart `simulationChart` describes.
 *
 * @example simulationSheets(result, "zh-CN")[0].columns[0].header // "策略"
 */
export function simulationSheets(result: SimulationResult, lang: Lang): SheetOut[] {
  const about = simulationAbout(result, lang);
  const named = (p: PolicyName) => ({ policy: policyLabel(p, lang) });
  const figures: SheetOut = {
    name: "LS Simulation",
    columns: outputColumns(lang, [
      ["policy", "simHeaderPolicy", "text"],
      ["metric", "simHeaderMetric", "text"],
      ["unit", "simHeaderUnit", "text"],
      ["mean", "simHeaderMean", "decimal"],
      ["min", "simHeaderMin", "decimal"],
      ["max", "simHeaderMax", "decimal"],
      ["about", "simHeaderAbout", "text"],
    ]),
    rows: simulationFigures(result, lang).map((f) => [
      policyLabel(f.policy, lang),
      f.metric,
      f.unit,
      rounded(f.spread.mean, f.unit),
      rounded(f.spread.min, f.unit),
      rounded(f.spread.max, f.unit),
      about,
    ]),
  };
  const stock: SheetOut = {
    name: "LS Simulation Stock",
    columns: outputColumns(lang, [
      ["sku", "simHeaderSku", "text"],
      ["warehouse", "simHeaderWarehouse", "text"],
      ["week", "simHeaderWeek", "date"],
      ["demand", "simHeaderDemand", "integer"],
      ...result.policies.map((p): OutputColumn => [`stock_${p}`, "simHeaderStock", "integer", named(p)]),
    ]),
    rows: result.weeklyStock.flatMap((pair) =>
      pair.weeks.map((w) => [
        pair.sku,
        pair.warehouse,
        { date: dayToIso(w.weekStart) },
        w.demand,
        ...result.policies.map((p) => rounded(w.stock[p] ?? null, "units")),
      ]),
    ),
  };
  const c = result.chart;
  const chart: SheetOut = {
    name: "LS Simulation Chart",
    columns: outputColumns(lang, [
      ["date", "simHeaderDate", "date"],
      ["demand", "simHeaderChartDemand", "integer"],
      ...result.policies.flatMap((p): OutputColumn[] => [
        [`stock_${p}`, "simHeaderChartStock", "integer", named(p)],
        [`sales_${p}`, "simHeaderChartSales", "integer", named(p)],
      ]),
      ["title", "simHeaderChartTitle", "text"],
    ]),
    rows: c
      ? c.days.map((d, i) => [
          { date: dayToIso(d.date) },
          d.demand,
          ...result.policies.flatMap((p) => [
            rounded(d.stock[p] ?? null, "units"),
            rounded(d.sales[p] ?? null, "units"),
          ]),
          i === 0
            ? t(lang, "simChartTitle", {
                sku: c.sku,
                warehouse: c.warehouse,
                stream: c.streamId,
                date: dayToIso(c.streamDate),
              })
            : null,
        ])
      : [],
  };
  return [figures, stock, chart];
}
