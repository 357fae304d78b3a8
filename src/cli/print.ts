import { problemMessage, type DataProblem } from "../core/data/problem";
import { t } from "../core/i18n/catalogue";
import { formatMoney } from "../core/i18n/numberFormat";
import type { Lang } from "../core/i18n/lang";
import type { ShipModeName } from "../core/data/model";
import type { PlanSummary, PolicyResult } from "../core/plan";
import { dayToIso } from "../core/time/day";

/** At most this many problems are printed one by one; the rest are counted. */
export const MAX_PRINTED_PROBLEMS = 500;

/** One problem on one line: table, row, column and cell, then the message in `lang`. */
export function problemLine(p: DataProblem, lang: Lang): string {
  const message = problemMessage(p, lang);
  if (p.row === undefined)
    return t(lang, "cliTableLine", { table: p.table, column: p.column ? ` ${p.column}` : "", message });
  return t(lang, "cliProblemLine", {
    table: p.table,
    row: p.row,
    column: p.column ?? "",
    cell: p.cell ? ` (${p.sheet ? `${p.sheet}!` : ""}${p.cell})` : "",
    message,
  });
}

/** The problems, one per line, capped at `MAX_PRINTED_PROBLEMS`. */
export function problemLines(problems: readonly DataProblem[], lang: Lang): string[] {
  const lines = problems.slice(0, MAX_PRINTED_PROBLEMS).map((p) => `  ${problemLine(p, lang)}`);
  if (problems.length > MAX_PRINTED_PROBLEMS)
    lines.push(`  ${t(lang, "cliMoreProblems", { count: problems.length - MAX_PRINTED_PROBLEMS })}`);
  return lines;
}

const SHIP_MODES: readonly ShipModeName[] = ["SEA", "AIR", "EXPRESS", "TRANSFER"];

const percent = (x: number | null): string => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);

/** Freight by mode, in the modes' usual order, and its total: "SEA 1,200.00 + AIR 300.00 = 1,500.00". */
function freightLine(byMode: PolicyResult["freightByMode"], lang: Lang): string {
  const parts = SHIP_MODES.filter((m) => (byMode[m] ?? 0) > 0).map(
    (m) => `${m} ${formatMoney(lang, byMode[m] ?? 0)}`,
  );
  if (parts.length === 0) return t(lang, "cliNone");
  const total = SHIP_MODES.reduce((sum, m) => sum + (byMode[m] ?? 0), 0);
  return parts.length === 1 ? parts[0] : `${parts.join(" + ")} = ${formatMoney(lang, total)}`;
}

const cover = (x: number | null): string => (x === null ? "—" : x.toFixed(1));

/** The backtest's lines: fill overall and on stream days, freight by mode, cover and stock, plan vs naive. */
function backtestLines(bt: NonNullable<PlanSummary["backtest"]>, lang: Lang): string[] {
  const { planner: p, naive: n } = bt;
  return [
    t(lang, "cliSummaryBacktest", { weeks: bt.weeks }),
    t(lang, "cliSummaryBacktestFill", {
      planner: percent(p.fillRate),
      naive: percent(n.fillRate),
      plannerStream: percent(p.fillRateStreamDays),
      naiveStream: percent(n.fillRateStreamDays),
    }),
    t(lang, "cliSummaryBacktestFreight", { planner: freightLine(p.freightByMode, lang) }),
    t(lang, "cliSummaryBacktestFreightNaive", { naive: freightLine(n.freightByMode, lang) }),
    t(lang, "cliSummaryBacktestCover", {
      planner: cover(p.avgWeeksOfCover),
      naive: cover(n.avgWeeksOfCover),
      plannerStock: formatMoney(lang, p.avgStockValue),
      naiveStock: formatMoney(lang, n.avgStockValue),
    }),
  ];
}

/** The short summary printed after a plan: restocks, freight by mode, streams at risk, backtest. */
export function summaryLines(summary: PlanSummary, lang: Lang): string[] {
  const costs = Object.entries(summary.costByMode)
    .filter(([, v]) => v !== undefined && v > 0)
    .map(([mode, v]) => `${mode} ${formatMoney(lang, v ?? 0)}`)
    .join(", ");
  return [
    t(lang, "cliSummaryTitle", { date: dayToIso(summary.planDate) }),
    t(lang, "cliSummaryRestock", { now: summary.skusToRestockNow, total: summary.skusToRestock }),
    t(lang, "cliSummaryCost", { costs: costs || t(lang, "cliNone") }),
    t(lang, "cliSummaryStreams", { atRisk: summary.streamsAtRisk, planned: summary.streamsPlanned }),
    t(lang, "cliSummaryEmergency", { spent: summary.emergencySpent }),
    t(lang, "cliSummaryUnplannable", { count: summary.unplannable }),
    ...(summary.backtest ? backtestLines(summary.backtest, lang) : []),
    ...(summary.streamModelAccuracy
      ? [
          t(lang, "cliSummaryStreamModel", {
            n: summary.streamModelAccuracy.n,
            mape:
              summary.streamModelAccuracy.mape === null
                ? "—"
                : `${summary.streamModelAccuracy.mape.toFixed(1)}%`,
            bias:
              summary.streamModelAccuracy.bias === null
                ? "—"
                : `${summary.streamModelAccuracy.bias.toFixed(1)}%`,
          }),
        ]
      : []),
  ];
}
