import type { ShipModeName } from "../data/model";
import { outputColumns } from "../data/outputColumns";
import type { CellOut, ColumnFormat, SheetOut } from "../data/table";
import { formatQuantity, t, type Lang } from "../i18n";
import type { PlanMessageKey } from "../i18n/planMessages";
import { dayToIso, type Day } from "../time/day";
import { roundedCell as num } from "./roundedCell";
import type { Plan, PolicyResult, Reason, StreamCheck } from "./types";

/** The output sheets, named the same in every language. */
export const PLAN_SHEET_NAMES = [
  "LS Plan",
  "LS Timetable",
  "LS Streams",
  "LS ABC",
  "LS Suppliers",
  "LS Backtest",
] as const;

type Col<Row> = readonly [
  key: string,
  header: PlanMessageKey,
  format: ColumnFormat,
  cell: (r: Row) => CellOut,
];

const date = (d: Day | null): CellOut => (d === null ? null : { date: dayToIso(d) });
const say = (lang: Lang, r: Reason): string => t(lang, r.key, r.params);

function sheet<Row>(name: string, lang: Lang, cols: readonly Col<Row>[], rows: readonly Row[]): SheetOut {
  return {
    name,
    columns: outputColumns(
      lang,
      cols.map(([key, header, format]) => [key, header, format]),
    ),
    rows: rows.map((r) => cols.map((c) => c[3](r))),
  };
}

/**
 * The plan as the six `LS …` sheets, headers and sentences in `lang`.
 * Numbers are rounded for reading (units to 0.1 or whole, money to cents);
 * blanks stand where a value does not apply; text from the input stays text.
 *
 * @example planSheets(plan, "zh-CN")[0].columns[0].header // "货号"
 */
export function planSheets(plan: Plan, lang: Lang): SheetOut[] {
  const p = plan;
  const plan_ = sheet(
    "LS Plan",
    lang,
    [
      ["sku", "planHeaderSku", "text", (l) => l.sku],
      ["warehouse", "planHeaderWarehouse", "text", (l) => l.warehouse],
      ["class", "planHeaderClass", "text", (l) => l.cls],
      ["weekly_forecast", "planHeaderWeeklyForecast", "decimal", (l) => num(l.weeklyForecast, 1)],
      ["on_hand", "planHeaderOnHand", "integer", (l) => num(l.onHand, 0)],
      ["in_transit", "planHeaderInTransit", "integer", (l) => num(l.inTransit, 0)],
      ["planned_earlier", "planHeaderPlannedEarlier", "integer", (l) => num(l.plannedEarlier, 0)],
      ["safety_stock", "planHeaderSafetyStock", "decimal", (l) => num(l.safetyStock, 1)],
      ["reorder_point", "planHeaderReorderPoint", "decimal", (l) => num(l.reorderPoint, 1)],
      ["target", "planHeaderTarget", "decimal", (l) => num(l.target, 1)],
      ["restock_qty", "planHeaderRestockQty", "integer", (l) => num(l.restockQty, 0)],
      ["tier", "planHeaderTier", "text", (l) => l.tier],
      ["mode", "planHeaderMode", "text", (l) => l.mode],
      ["from", "planHeaderFrom", "text", (l) => l.from],
      ["order_date", "planHeaderOrderDate", "date", (l) => date(l.orderDate ?? null)],
      ["departs", "planHeaderDeparts", "date", (l) => date(l.departs ?? null)],
      ["arrives", "planHeaderArrives", "date", (l) => date(l.arrives ?? null)],
      ["sellable", "planHeaderSellable", "date", (l) => date(l.arriveBy)],
      ["need_by", "planHeaderNeedBy", "date", (l) => date(l.needBy)],
      ["cost", "planHeaderCost", "money", (l) => num(l.cost)],
      ["weeks_of_cover", "planHeaderWeeksOfCover", "decimal", (l) => num(l.weeksOfCover, 1)],
      ["stockout_date", "planHeaderStockoutDate", "date", (l) => date(l.stockoutDate)],
      ["reason", "planHeaderReason", "text", (l) => l.reasons.map((r) => say(lang, r)).join(" ")],
    ],
    p.lines,
  );
  const timetable = sheet(
    "LS Timetable",
    lang,
    [
      ["week_start", "planHeaderWeekStart", "date", (r) => date(r.weekStart)],
      ["from", "planHeaderFrom", "text", (r) => r.from],
      ["to", "planHeaderTo", "text", (r) => r.to],
      ["mode", "planHeaderMode", "text", (r) => r.mode],
      ["sku_count", "planHeaderSkuCount", "integer", (r) => r.skuCount],
      ["units", "planHeaderUnits", "integer", (r) => num(r.units, 0)],
      ["weight_kg", "planHeaderWeightKg", "decimal", (r) => num(r.weightKg, 1)],
      ["cost", "planHeaderCost", "money", (r) => num(r.cost)],
      ["items", "planHeaderItems", "text", (r) => r.items],
    ],
    p.timetable,
  );
  const streams = sheet(
    "LS Streams",
    lang,
    [
      ["stream_id", "planHeaderStreamId", "text", (r) => r.streamId],
      ["date", "planHeaderDate", "date", (r) => date(r.date)],
      ["warehouse", "planHeaderWarehouse", "text", (r) => r.warehouse],
      ["sku", "planHeaderSku", "text", (r) => r.sku],
      ["class", "planHeaderClass", "text", (r) => r.cls],
      ["expected_units", "planHeaderExpectedUnits", "decimal", (r) => num(r.expectedUnits, 1)],
      ["p90_units", "planHeaderP90Units", "decimal", (r) => num(r.p90Units, 1)],
      ["available_units", "planHeaderAvailableUnits", "integer", (r) => num(r.availableUnits, 0)],
      ["hours_to_sellout", "planHeaderHoursToSellout", "decimal", (r) => num(r.hoursToSellout, 1)],
      ["status", "planHeaderStatus", "text", (r) => t(lang, `planStatus${r.status}`)],
      [
        "action",
        "planHeaderAction",
        "text",
        (r) => (r.condition ? `${say(lang, r.action)} ${say(lang, r.condition)}` : say(lang, r.action)),
      ],
      ["forecast_note", "planHeaderForecastNote", "text", (r) => extrapolationNote(lang, r.extrapolated)],
    ],
    p.streams,
  );
  const abc = sheet(
    "LS ABC",
    lang,
    [
      ["class", "planHeaderClass", "text", (r) => r.cls],
      ["share_of_sales", "planHeaderSalesShare", "percent", (r) => num(r.salesShare, 4)],
      ["share_of_skus", "planHeaderSkuShare", "percent", (r) => num(r.skuShare, 4)],
      ["sku_count", "planHeaderSkuCount", "integer", (r) => r.skuCount],
      ["share_of_profit", "planHeaderProfitShare", "percent", (r) => num(r.profitShare, 4)],
      ["service_level", "planHeaderServiceLevel", "percent", (r) => r.serviceLevel],
      ["base_weeks", "planHeaderBaseWeeks", "decimal", (r) => r.baseWeeks],
      ["pre_stream_weeks", "planHeaderPreStreamWeeks", "decimal", (r) => r.preStreamWeeks],
      ["policy", "planHeaderPolicy", "text", (r) => say(lang, r.policy)],
    ],
    p.abc,
  );
  const suppliers = sheet(
    "LS Suppliers",
    lang,
    [
      [
        "supplier",
        "planHeaderSupplier",
        "text",
        (r) => (r.supplier === "" ? t(lang, "planNoSupplier") : r.supplier),
      ],
      ["sku", "planHeaderSku", "text", (r) => r.sku],
      ["class", "planHeaderClass", "text", (r) => r.cls],
      ["month", "planHeaderMonth", "text", (r) => dayToIso(r.month).slice(0, 7)],
      ["forecast_units", "planHeaderForecastUnits", "integer", (r) => num(r.forecastUnits, 0)],
      ["planned_order_units", "planHeaderPlannedUnits", "integer", (r) => num(r.plannedUnits, 0)],
      ["moq", "planHeaderMoq", "integer", (r) => r.moq],
    ],
    p.suppliers,
  );
  const bt = p.backtest;
  const metrics: [PlanMessageKey, ColumnFormat, (r: PolicyResult) => CellOut][] = [
    ["planMetricFillStream", "percent", (r) => num(r.fillRateStreamDays, 4)],
    ["planMetricFillOther", "percent", (r) => num(r.fillRateOtherDays, 4)],
    ["planMetricFill", "percent", (r) => num(r.fillRate, 4)],
    ["planMetricStockoutDays", "integer", (r) => r.stockoutDays],
    ["planMetricCover", "decimal", (r) => num(r.avgWeeksOfCover, 1)],
    ["planMetricStockValue", "money", (r) => num(r.avgStockValue)],
    ["planMetricFreight", "money", (r) => num(r.freightCost)],
    ["planMetricUnits", "integer", (r) => num(r.unitsShipped, 0)],
  ];
  const modes: readonly ShipModeName[] = ["SEA", "AIR", "EXPRESS", "TRANSFER"];
  const backtest: SheetOut = {
    name: "LS Backtest",
    columns: outputColumns(lang, [
      ["metric", "planHeaderMetric", "text"],
      ["livestock_policy", "planHeaderPlanner", "decimal"],
      ["naive_policy", "planHeaderNaive", "decimal"],
    ]),
    rows: bt
      ? [
          ...metrics.map(([key, , cell]): CellOut[] => [t(lang, key), cell(bt.planner), cell(bt.naive)]),
          ...modes.map((mode): CellOut[] => [
            t(lang, "planMetricFreightMode", { mode }),
            num(bt.planner.freightByMode[mode] ?? 0),
            num(bt.naive.freightByMode[mode] ?? 0),
          ]),
          [t(lang, "planMetricNaive"), null, null],
          [t(lang, "planMetricWeeks", { from: dayToIso(bt.fromWeek) }), bt.weeks, bt.weeks],
          [t(lang, "planMetricPairs", { total: bt.pairsWithSales }), bt.pairs, bt.pairs],
          ...streamModelRows(p, lang),
        ]
      : streamModelRows(p, lang),
  };
  return [plan_, timetable, streams, abc, suppliers, backtest];
}

function extrapolationNote(lang: Lang, e: StreamCheck["extrapolated"]): CellOut {
  return (
    e && t(lang, "planNoteExtrapolated", { viewers: Math.round(e.viewers), largest: Math.round(e.largest) })
  );
}

/**
 * The stream model's own accuracy on past streams (issue 3: the model reports it), under the
 * backtest's figures: MAPE, bias, the audience spread and bias the planned streams assume, then
 * per size band the share of results above their P90, in %.
 */
function streamModelRows(p: Plan, lang: Lang): CellOut[][] {
  const m = p.streamModel;
  if (!m) return [];
  const about = { method: m.method, scheme: m.accuracy.scheme, n: m.accuracy.n };
  const units = (x: number) => formatQuantity(lang, Math.round(x));
  return [
    [t(lang, "planMetricStreamMape", about), num(m.accuracy.mape, 1), null],
    [t(lang, "planMetricStreamBias", about), num(m.accuracy.bias, 1), null],
    [t(lang, "planMetricAudienceSpread", { n: m.audience.n }), num(m.audience.sd, 3), null],
    [
      t(lang, "planMetricAudienceBias", { n: m.audience.n }),
      num(100 * (Math.exp(m.audience.bias) - 1), 1),
      null,
    ],
    ...m.accuracy.calibration.map((b): CellOut[] => [
      t(lang, "planMetricStreamAboveP90", {
        ...about,
        band: b.to === null ? `≥ ${units(b.from)}` : `${units(b.from)}–${units(b.to)}`,
        n: b.n,
      }),
      num(100 * b.aboveP90, 1),
      null,
    ]),
  ];
}
