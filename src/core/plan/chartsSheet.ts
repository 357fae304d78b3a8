import type { ChartSpec } from "../data/chart";
import type { SalesRow } from "../data/model";
import { outputColumns } from "../data/outputColumns";
import type { CellOut, SheetOut } from "../data/table";
import { t } from "../i18n/catalogue";
import type { Lang } from "../i18n/lang";
import type { StreamCheck } from "./types";

/** The sheet holding the charts and the numbers they plot. */
export const CHARTS_SHEET = "LS Charts";
/** The Pareto chart shows the top SKUs; the table below it lists them all. */
const PARETO_BARS = 40;

/**
 * Sales by SKU, largest first: Σ revenue where any row has revenue, else Σ units
 * (DESIGN.md: ABC by sales). SKUs that sold nothing are left out.
 *
 * @example salesBySku([{ sku: "A", units: 3, revenue: 70, … }, { sku: "B", units: 9, revenue: 30, … }])
 *   // [{ sku: "A", sales: 70 }, { sku: "B", sales: 30 }]
 */
export function salesBySku(sales: readonly SalesRow[]): { sku: string; sales: number }[] {
  const useRevenue = sales.some((s) => (s.revenue ?? 0) > 0);
  const totals = new Map<string, number>();
  for (let i = 0; i < sales.length; i++) {
    const s = sales[i];
    const value = useRevenue ? (s.revenue ?? 0) : s.units;
    totals.set(s.sku, (totals.get(s.sku) ?? 0) + Math.max(0, value));
  }
  return [...totals]
    .map(([sku, total]) => ({ sku, sales: total }))
    .filter((s) => s.sales > 0)
    .sort((a, b) => b.sales - a.sales || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/**
 * `LS Charts`: the Pareto of sales by SKU (share and cumulative share of the
 * total) and, for each stream × SKU not OK, its projected stock at the stream
 * against the P90 units the stream needs; with the two charts that plot them.
 *
 * @example chartsSheet(input.sales, plan.streams, "en").charts.map((c) => c.title)
 *   // ["Sales by SKU (Pareto)", "Stock at the stream vs P90"]
 */
export function chartsSheet(
  sales: readonly SalesRow[],
  checks: readonly StreamCheck[],
  lang: Lang,
): { sheet: SheetOut; charts: ChartSpec[] } {
  const bySku = salesBySku(sales);
  const total = bySku.reduce((sum, s) => sum + s.sales, 0);
  let cumulative = 0;
  const pareto = bySku.map((s, i) => {
    cumulative += s.sales;
    return [i + 1, s.sku, s.sales / total, cumulative / total] as CellOut[];
  });
  const risk: CellOut[][] = checks
    .filter((c) => c.status === "RISK" || c.status === "SHORT")
    .map((c) => [`${c.sku} · ${c.streamId}`, Math.round(c.availableUnits), Math.ceil(c.p90Units)]);
  const rows = Array.from({ length: Math.max(pareto.length, risk.length) }, (_, i) => [
    ...(pareto[i] ?? [null, null, null, null]),
    ...(risk[i] ?? [null, null, null]),
  ]);
  const sheet: SheetOut = {
    name: CHARTS_SHEET,
    columns: outputColumns(lang, [
      ["rank", "chartSheetRank", "integer"],
      ["sku", "chartSheetSku", "text"],
      ["sales_share", "chartParetoShare", "percent"],
      ["cumulative_share", "chartParetoCumulative", "percent"],
      ["sku_at_risk", "chartSheetRisk", "text"],
      ["projected_stock", "chartStockProjected", "integer"],
      ["target", "chartStockTarget", "integer"],
    ]),
    rows,
  };
  const charts: ChartSpec[] = [];
  if (pareto.length > 0) {
    charts.push({
      sheet: CHARTS_SHEET,
      title: t(lang, "chartParetoTitle"),
      category: "sku",
      rows: Math.min(pareto.length, PARETO_BARS),
      series: [
        { key: "sales_share", name: t(lang, "chartParetoShare"), type: "column" },
        {
          key: "cumulative_share",
          name: t(lang, "chartParetoCumulative"),
          type: "line",
          secondaryAxis: true,
        },
      ],
    });
  }
  if (risk.length > 0) {
    charts.push({
      sheet: CHARTS_SHEET,
      title: t(lang, "chartStockTitle"),
      category: "sku_at_risk",
      rows: risk.length,
      series: [
        { key: "projected_stock", name: t(lang, "chartStockProjected"), type: "column" },
        { key: "target", name: t(lang, "chartStockTarget"), type: "line" },
      ],
    });
  }
  return { sheet, charts };
}
