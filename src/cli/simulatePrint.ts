import { t } from "../core/i18n/catalogue";
import type { Lang } from "../core/i18n/lang";
import {
  policyLabel,
  simulationAbout,
  simulationFigures,
  type SimulationProgress,
  type SimulationResult,
} from "../core/simulate";
import { dayToIso } from "../core/time/day";

const figure = (x: number | null, unit: string): string => {
  if (x === null) return "—";
  if (unit === "%") return `${x.toFixed(1)}%`;
  if (unit === "weeks") return x.toFixed(1);
  return Math.round(x).toLocaleString("en-US");
};

/** The progress line of a simulated week: where it is and each policy's fill so far. */
export function progressLine(p: SimulationProgress, lang: Lang): string {
  const fills = Object.entries(p.fill)
    .map(([name, f]) => `${name} ${f === null || f === undefined ? "—" : `${(100 * f).toFixed(1)}%`}`)
    .join(" · ");
  return t(lang, "cliSimProgress", {
    run: p.run,
    runs: p.runs,
    week: p.week,
    weeks: p.weeks,
    date: dayToIso(p.weekStart),
    fills,
  });
}

/**
 * The simulation's table for a terminal: one row per metric, one column per policy, each cell
 * the mean over the runs and, with several runs, its min–max.
 */
export function simulationTable(result: SimulationResult, lang: Lang): string[] {
  const figures = simulationFigures(result, lang);
  const metrics = [...new Set(figures.map((f) => f.metric))];
  const cell = (metric: string, policy: string): string => {
    const f = figures.find((x) => x.metric === metric && x.policy === policy);
    if (!f) return "";
    const mean = figure(f.spread.mean, f.unit);
    return result.runs.length > 1 && f.spread.min !== null && f.spread.min !== f.spread.max
      ? `${mean} (${figure(f.spread.min, f.unit)}–${figure(f.spread.max, f.unit)})`
      : mean;
  };
  const header = ["", ...result.policies.map((p) => policyLabel(p, lang))];
  const rows = metrics.map((m) => [m, ...result.policies.map((p) => cell(m, p))]);
  const width = (s: string): number =>
    [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => width(r[i]))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === 0 ? c + " ".repeat(widths[i] - width(c)) : " ".repeat(widths[i] - width(c)) + c))
      .join("  ");
  return [simulationAbout(result, lang), line(header), ...rows.map(line)];
}
