import { parseNumber, parseText } from "../core/data/cells";
import { findTables } from "../core/data/findTables";
import type { CellOut, RawTable, SheetOut } from "../core/data/table";
import { t, type Lang } from "../core/i18n";
import type { ChartSpec, PlanPresentation, StatusLevel } from "../workbook/officePane";
import { sheetRoles } from "./results";

/** The sheet holding the charts and the numbers they plot. */
export const CHARTS_SHEET = "LS Charts";
/** The Pareto chart shows the top SKUs; the table below it lists them all. */
const PARETO_BARS = 40;

/**
 * Sales by SKU from the Sales table, largest first: revenue where the table
 * has a revenue column with numbers, else units (DESIGN.md: ABC by sales).
 */
export function salesBySku(tables: readonly RawTable[]): { sku: string; sales: number }[] {
  const found = findTables(tables).tables.get("Sales");
  if (!found) return [];
  const column = (name: string) => found.columns[found.spec.columns.findIndex((c) => c.name === name)] ?? -1;
  const [skuAt, unitsAt, revenueAt] = [column("sku"), column("units"), column("revenue")];
  const number = (cell: RawTable["rows"][number][number] | undefined): number => {
    const n = cell === undefined ? undefined : parseNumber(cell);
    return typeof n === "number" && n > 0 ? n : 0;
  };
  const useRevenue = revenueAt >= 0 && found.raw.rows.some((r) => number(r[revenueAt]) > 0);
  const valueAt = useRevenue ? revenueAt : unitsAt;
  if (skuAt < 0 || valueAt < 0) return [];
  const totals = new Map<string, number>();
  for (const row of found.raw.rows) {
    const sku = parseText(row[skuAt] ?? null);
    if (sku !== undefined) totals.set(sku, (totals.get(sku) ?? 0) + number(row[valueAt]));
  }
  return [...totals]
    .map(([sku, sales]) => ({ sku, sales }))
    .filter((s) => s.sales > 0)
    .sort((a, b) => b.sales - a.sales || a.sku.localeCompare(b.sku));
}

/**
 * `LS Charts`: the Pareto of sales by SKU (share and cumulative share) and,
 * for each SKU at risk in a planned stream, its projected stock at the stream
 * against the P90 units the stream needs; with the two charts that plot them.
 */
export function chartsSheet(
  tables: readonly RawTable[],
  sheets: readonly SheetOut[],
  lang: Lang,
): { sheet: SheetOut; charts: ChartSpec[] } {
  const sales = salesBySku(tables);
  const total = sales.reduce((sum, s) => sum + s.sales, 0);
  let cumulative = 0;
  const pareto = sales.map((s, i) => {
    cumulative += s.sales;
    return [i + 1, s.sku, s.sales / total, cumulative / total] as CellOut[];
  });
  const risk = riskRows(sheets);
  const rows = Array.from({ length: Math.max(pareto.length, risk.length) }, (_, i) => [
    ...(pareto[i] ?? [null, null, null, null]),
    ...(risk[i] ?? [null, null, null]),
  ]);
  const sheet: SheetOut = {
    name: CHARTS_SHEET,
    columns: [
      { key: "rank", header: t(lang, "chartSheetRank"), format: "integer" },
      { key: "sku", header: t(lang, "chartSheetSku"), format: "text" },
      { key: "sales_share", header: t(lang, "chartParetoShare"), format: "percent" },
      { key: "cumulative_share", header: t(lang, "chartParetoCumulative"), format: "percent" },
      { key: "sku_at_risk", header: t(lang, "chartSheetRisk"), format: "text" },
      { key: "projected_stock", header: t(lang, "chartStockProjected"), format: "integer" },
      { key: "target", header: t(lang, "chartStockTarget"), format: "integer" },
    ],
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

/** "SKU · stream", available units, P90 units of every streams-sheet row not OK. */
function riskRows(sheets: readonly SheetOut[]): CellOut[][] {
  const streams = sheetRoles(sheets).streams;
  if (!streams) return [];
  const at = (key: string) => streams.columns.findIndex((c) => c.key === key);
  const [id, sku, status, available, p90] = [
    "stream_id",
    "sku",
    "status",
    "available_units",
    "p90_units",
  ].map(at);
  if (status < 0 || available < 0 || p90 < 0) return [];
  const ok = new Set([t("en", "planStatusOK"), t("zh-CN", "planStatusOK")]);
  return streams.rows
    .filter((row) => !ok.has(String(row[status] ?? "")))
    .map((row) => [
      `${String(row[sku] ?? "")} · ${String(row[id] ?? "")}`,
      row[available] ?? null,
      row[p90] ?? null,
    ]);
}

/** Charts and the stream status colours of a plan written in `lang`. */
export function presentation(charts: readonly ChartSpec[], lang: Lang): PlanPresentation {
  const levels: [string, StatusLevel][] = [
    [t(lang, "planStatusOK"), "ok"],
    [t(lang, "planStatusRISK"), "risk"],
    [t(lang, "planStatusSHORT"), "short"],
  ];
  return { charts, statusLevels: Object.fromEntries(levels) };
}
