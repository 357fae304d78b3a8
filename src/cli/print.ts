import { problemMessage, type DataProblem } from "../core/data/problem";
import { t } from "../core/i18n/catalogue";
import type { Lang } from "../core/i18n/lang";
import type { PlanSummary } from "../core/plan";
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

const money = (x: number): string => x.toLocaleString("en-US", { maximumFractionDigits: 0 });
const percent = (x: number | null): string => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);

/** The short summary printed after a plan: restocks, freight by mode, streams at risk, backtest. */
export function summaryLines(summary: PlanSummary, lang: Lang): string[] {
  const costs = Object.entries(summary.costByMode)
    .filter(([, v]) => v !== undefined && v > 0)
    .map(([mode, v]) => `${mode} ${money(v ?? 0)}`)
    .join(", ");
  return [
    t(lang, "cliSummaryTitle", { date: dayToIso(summary.planDate) }),
    t(lang, "cliSummaryRestock", { now: summary.skusToRestockNow, total: summary.skusToRestock }),
    t(lang, "cliSummaryCost", { costs: costs || t(lang, "cliNone") }),
    t(lang, "cliSummaryStreams", { atRisk: summary.streamsAtRisk, planned: summary.streamsPlanned }),
    t(lang, "cliSummaryEmergency", { spent: money(summary.emergencySpent) }),
    t(lang, "cliSummaryUnplannable", { count: summary.unplannable }),
    t(lang, "cliSummaryBacktest", {
      planner: percent(summary.backtestFillRate),
      naive: percent(summary.naiveFillRate),
    }),
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
