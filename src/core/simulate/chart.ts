import type { ChartSpec } from "../data/chart";
import { t, type Lang } from "../i18n";
import { dayToIso } from "../time/day";
import { policyLabel, SIMULATION_SHEET_NAMES } from "./sheets";
import type { SimulationResult } from "./simulation";

/** The sheet of `simulationSheets` that holds the chart's data, day by day. */
const SIMULATION_CHART_SHEET = SIMULATION_SHEET_NAMES[2];

/**
 * The simulation's line chart on `LS Simulation Chart`, in units per day against `date`:
 * the SKU's demand around its biggest stream (what could have been sold) and each
 * policy's end-of-day stock (its `stock_<policy>` column), so a policy that runs dry on
 * the stream shows as a line at zero under the demand spike. None when the simulation
 * met no stream. The task pane draws it with Office.js, the CLI writes it into the xlsx.
 *
 * @example simulationChart(result, "en")[0].series.map((s) => s.key) // ["demand", "stock_livestock", "stock_naive", …]
 */
export function simulationChart(result: SimulationResult, lang: Lang): ChartSpec[] {
  const c = result.chart;
  if (!c || c.days.length === 0) return [];
  return [
    {
      sheet: SIMULATION_CHART_SHEET,
      title: t(lang, "simChartTitle", {
        sku: c.sku,
        warehouse: c.warehouse,
        stream: c.streamId,
        date: dayToIso(c.streamDate),
      }),
      category: "date",
      rows: c.days.length,
      series: [
        { key: "demand", name: t(lang, "simHeaderChartDemand"), type: "line" as const },
        ...result.policies.map((p) => ({
          key: `stock_${p}`,
          name: t(lang, "simHeaderChartStock", { policy: policyLabel(p, lang) }),
          type: "line" as const,
        })),
      ],
    },
  ];
}
